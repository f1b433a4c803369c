"""Donation-amount stripper: fundraising widgets and appeals.

Removes progress bars and amounts standing alone ("0 $", "2,500 $", "€ 5.000,00",
"$0 raised of $10,000 goal"), donate/support buttons, crypto wallet lines, and
the campaign label next to them ("NOVEMBER 2024"). Currencies are found by the
Unicode currency-symbol property and ISO 4217 codes, so "₽", "₴" or "CHF" need
no list. An amount inside a sentence ("The city spent $2,500 on repairs.") is
left to the content filters.

>>> from textclean.page import Page
>>> page = Page("0 $\\n2,500 $\\nNOVEMBER 2024\\nThe city spent $2,500 on repairs.\\n")
>>> DonationFilter().apply(page)
>>> [page.standing(i).category if page.standing(i) else None for i in range(4)]
['donation', 'donation', 'donation', None]
"""

from __future__ import annotations

import regex

from ..confidence import SURE
from ..filter import Count, Filter, FilterOptions, register
from ..page import Evidence, Label, Page

_ISO = (
    r"USD|EUR|GBP|RUB|JPY|CHF|CAD|AUD|NZD|CNY|RMB|INR|BRL|MXN|PLN|SEK|NOK|DKK|CZK|HUF|TRY|UAH"
    r"|ZAR|KRW|SGD|HKD|ILS|AED|SAR|NGN|KES|BTC|ETH|XMR|LTC|USDT|DOGE"
)
# One step of a number: a digit, separator or narrow space, or a space before a
# group of three digits ("1 000 000"); the two branches never match the same
# character, so a failing match cannot try both on a run of spaces.
_NUMBER_STEP = r"(?:[\d.,'\u00a0\u202f]|(?![\u00a0\u202f])\s(?=\d{3}\b))"
# The digits are possessive: whatever follows a number (a currency sign, an ISO
# code, a space) is never a step, so giving steps back cannot help.
_NUMBER = rf"\d{_NUMBER_STEP}*+"
# A number leading an amount starts where no earlier number runs into it: from
# inside one, the same steps and the same continuation would fail again, and a
# line of 100,000 digits would be read 100,000 times (lazy: a digit is near).
_NUMBER_START = rf"(?=\d)(?<!\d{_NUMBER_STEP}*?)"
AMOUNT = regex.compile(
    rf"(?:\p{{Sc}}\s?{_NUMBER}|{_NUMBER_START}{_NUMBER}\s?\p{{Sc}}"
    rf"|{_NUMBER_START}{_NUMBER}\s?(?:{_ISO})\b|\b(?:{_ISO})\s?{_NUMBER})"
    r"(?:\s?(?:k|K|m|M|bn)\b)?"
)
# Words that appear around amounts in progress bars and goal meters, any language.
_PROGRESS_WORDS = regex.compile(
    r"(?i)\b(?:of|raised|goal|donated|collected|target|so far|to go|left|needed|out of|"
    r"from|von|gesammelt|ziel|sur|collectés|objectif|de|recaudado|meta|di|raccolti|obiettivo|"
    r"arrecadado|собрано|из|цель|van|opgehaald|doel|\d+\s?%|%)\b|[/|–—\-:()%]"
)
_WALLET = regex.compile(
    r"\b(?:bc1[a-z0-9]{25,60}|[13][a-km-zA-HJ-NP-Z1-9]{25,34}|0x[a-fA-F0-9]{40}|4[0-9AB][1-9A-HJ-NP-Za-km-z]{93})\b"
)
_ALNUM = regex.compile(r"[\p{L}\p{N}]")
_MONTH_YEAR = regex.compile(r"^\s*\p{L}{3,12}\.?\s+(?:19|20)\d{2}\s*$")
# "Support <Name>" / "Donate to <Name>" buttons: a verb and a proper name, nothing else.
_SUPPORT_BUTTON = regex.compile(
    r"(?i)^\s*(?:support|donate(?:\s+to)?|back|fund|unterstützen|soutenir|apoyar|apoie|sostieni|поддержать|steun)"
    r"\s+(?-i:\p{Lu})[\p{L}\p{N}.&'-]*(?:\s+(?-i:\p{Lu})[\p{L}\p{N}.&'-]*){0,2}\s*[!.]?\s*$"
)


class DonationOptions(FilterOptions):
    campaign_label_window: Count = 3
    """How many lines from a donation line a lone "MONTH YEAR" counts as its campaign label."""
    max_amount_line_words: Count = 8
    """A line of amounts and progress words longer than this is prose, not a widget."""


def is_amount_widget(text: str, max_words: int = 8) -> bool:
    """A line made only of currency amounts and progress-bar words.

    >>> is_amount_widget("$0 raised of $10,000 goal"), is_amount_widget("1 000 ₽")
    (True, True)
    >>> is_amount_widget("The city spent $2,500 on repairs.")
    False
    """
    if not AMOUNT.search(text):
        return False
    rest = AMOUNT.sub(" ", text)
    if len(rest.split()) > max_words:
        return False
    rest = _PROGRESS_WORDS.sub(" ", rest)
    return not _ALNUM.search(rest)


@register
class DonationFilter(Filter):
    """Removes fundraising widgets; see the module docstring."""

    name = "donation"
    Options = DonationOptions
    evidence = Evidence.LINE
    options: DonationOptions

    def apply(self, page: Page) -> None:
        hits: list[int] = []
        for i, line in enumerate(page.lines):
            if line.blank:
                continue
            stats = page.stats[i]
            if stats.words > 40:
                continue  # appeals are short; long lines are prose
            text = line.text
            reason = None
            if stats.currency and is_amount_widget(text, self.options.max_amount_line_words):
                reason = "currency amounts with no sentence around them (donation progress)"
            elif stats.vocab == "donation":
                reason = f"donation appeal or button ({text.strip()[:40]!r})"
            # every wallet form holds a digit (bc1, 1/3, 0x, 4)
            elif stats.words <= 6 and stats.digits and _WALLET.search(text):
                reason = "crypto wallet address"
            elif _SUPPORT_BUTTON.match(text):
                reason = "support/donate button naming the site"
            if reason:
                page.decide(
                    i, Label.BOILERPLATE, self.name, reason, SURE, "donation", self.evidence
                )
                hits.append(i)
        self._campaign_labels(page, hits)

    def _campaign_labels(self, page: Page, hits: list[int]) -> None:
        if not hits:
            return
        hit_set = set(hits)
        window = self.options.campaign_label_window
        nonblank = page.nonblank()
        for k, i in enumerate(nonblank):
            if i in hit_set or not _MONTH_YEAR.match(page.lines[i].text):
                continue
            near = nonblank[max(0, k - window) : k + window + 1]
            if any(j in hit_set for j in near):
                page.decide(
                    i,
                    Label.BOILERPLATE,
                    self.name,
                    "month and year next to a donation widget: the campaign's label",
                    SURE,
                    "donation",
                    self.evidence,
                )
