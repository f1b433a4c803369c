"""Widget-text remover: share and subscribe buttons, cookie banners, login links,
"Read more", menus and breadcrumbs, pagination, "Advertisement", app badges,
related-article headers and read-also links ("Lea también: <headline>"), copyright
and footer lines.

The words are data (`textclean/data/vocab/*.json`, one file per language);
this filter adds the shapes no vocabulary lists: menu lines joined by
separators ("Home | News | Sport"), breadcrumbs ("Home › World › Europe") and
copyright lines ("© 2024 ...").

>>> from textclean.page import Page
>>> page = Page("Share on Facebook\\nHome | News | Sport | Contact\\n"
...             "A sentence of prose, as articles have.\\n")
>>> WidgetFilter().apply(page)
>>> [page.standing(i).category if page.standing(i) else None for i in range(3)]
['widget:share', 'navigation', None]
"""

from __future__ import annotations

import regex

from .. import lexicon
from ..confidence import LINE_RULE, MENU
from ..filter import Count, Filter, FilterOptions, register
from ..page import Evidence, Label, Page

# Categories that other filters own: the comment filter reads the comment
# words in context, the metadata filter the byline and date labels.
DEFERRED = frozenset(
    {"comment-header", "comment-chrome", "comment-action", "byline-label", "date-label", "donation"}
)
_COPYRIGHT = regex.compile(r"(?i)^\s*(?:©|\(c\)|copyright\b|&copy;)|©\s*(?:19|20)\d{2}")
# Affiliate disclosures ("This post may contain affiliate links. As an Amazon
# Associate I earn from qualifying purchases."): one or two sentences, any page.
_DISCLOSURE = regex.compile(
    r"(?i)\b(?:(?:may\s+)?contains?\s+affiliate\s+links|affiliate\s+links?\s+(?:below|above|in\s+this)"
    r"|as\s+an\s+amazon\s+associate|earn\s+from\s+qualifying\s+purchases"
    r"|enthält\s+affiliate-?links|contient\s+des\s+liens\s+affiliés|contiene\s+enlaces\s+de\s+afiliados"
    r"|contiene\s+link\s+di\s+affiliazione|contém\s+links\s+de\s+afiliados"
    r"|содержит\s+партн[её]рские\s+ссылки|bevat\s+affiliate\s+links)"
)
# A teaser link inside the article: "Lea también: <headline>", "Czytaj też | <headline>".
# The label is the lexicon's; the headline after it is whatever another article is called.
_READ_ALSO = regex.compile(
    rf"(?i)^\W{{0,3}}(?:{lexicon.alternation('read_also_labels')})\s{{0,3}}[:|»]\s{{0,3}}"
    r"(?!https?://|www\.)\S"  # a headline, not a link list's address
)
# The same label alone on its line, with its colon ("Czytaj też:"): it heads a list
# of other stories' headlines on the lines below.
_READ_ALSO_HEADING = regex.compile(
    rf"(?i)^\W{{0,3}}(?:{lexicon.alternation('read_also_labels')})\s{{0,3}}:\s*$"
)
# A match starts only where a whitespace run starts, and runs are possessive: the
# same splits as without, but linear in a line padded with thousands of spaces
# (layout-preserving converters), where every start inside the run rescanned it.
_MENU_SEPARATOR = regex.compile(r"(?<!\s)\s++(?:\||•|·|»|›|>|/|::)\s++|(?<=\S)\s{2,}+(?=\S)")


class WidgetOptions(FilterOptions):
    min_menu_items: Count = 3
    """A line split by separators into at least this many short items is a menu."""
    max_menu_item_words: Count = 4
    categories: list[str] | None = None
    """Only remove these vocabulary categories (None: all but the deferred ones)."""


@register
class WidgetFilter(Filter):
    """Removes widget text by vocabulary and by shape; see the module docstring."""

    name = "widgets"
    Options = WidgetOptions
    evidence = Evidence.LINE
    options: WidgetOptions

    def apply(self, page: Page) -> None:
        allowed = set(self.options.categories) if self.options.categories is not None else None
        for i, line in enumerate(page.lines):
            if line.blank or page.standing(i) is not None:
                continue
            stats = page.stats[i]
            category = stats.vocab
            if category and category not in DEFERRED and (allowed is None or category in allowed):
                page.decide(
                    i,
                    Label.BOILERPLATE,
                    self.name,
                    f"{category} label {line.text.strip()[:40]!r}",
                    LINE_RULE,
                    category,
                    self.evidence,
                )
                continue
            if stats.words > 60:
                continue
            text = line.text.strip()
            if _DISCLOSURE.search(text):
                page.decide(
                    i,
                    Label.BOILERPLATE,
                    self.name,
                    "affiliate disclosure",
                    LINE_RULE,
                    "advertisement",
                    self.evidence,
                )
                continue
            if stats.words > 30:
                continue
            if _READ_ALSO.match(text) and not text.endswith("."):  # a headline, not a sentence
                page.decide(
                    i,
                    Label.BOILERPLATE,
                    self.name,
                    "a read-also label and another article's headline",
                    LINE_RULE,
                    "related",
                    self.evidence,
                )
                continue
            if stats.words <= 5 and _READ_ALSO_HEADING.match(text):
                page.decide(
                    i,
                    Label.BOILERPLATE,
                    self.name,
                    "a read-also label heading a list of other stories",
                    LINE_RULE,
                    "related",
                    self.evidence,
                )
                continue
            if (_COPYRIGHT.search(text) and not stats.ends_full_stop) or _COPYRIGHT.match(text):
                page.decide(
                    i,
                    Label.BOILERPLATE,
                    self.name,
                    "copyright line",
                    LINE_RULE,
                    "footer",
                    self.evidence,
                )
                continue
            items = [p for p in _MENU_SEPARATOR.split(text) if p.strip()]
            if (
                len(items) >= self.options.min_menu_items
                and all(len(p.split()) <= self.options.max_menu_item_words for p in items)
                and not stats.ends_full_stop
                and not stats.has_time  # "Jane Doe · 12 March 2024 · 7 min read" is a byline
            ):
                page.decide(
                    i,
                    Label.BOILERPLATE,
                    self.name,
                    f"{len(items)} short items between separators: a menu or breadcrumb",
                    MENU,
                    "navigation",
                    self.evidence,
                )
