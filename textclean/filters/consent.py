"""Consent banners: the cookie and privacy notice is not the article.

A banner's buttons ("Accept all", "Cookie settings") are whole-line labels that the
widget vocabulary knows; its prose is not: "We use cookies and similar technologies
to personalise ads and measure traffic; by clicking Accept you agree that we and our
partners ...". Such a paragraph is long and well formed, and on a page whose own text
is short the line model may take it for the article. No single word gives it away
(a recipe for cookies, a news story on the GDPR), so this filter counts *kinds* of
signal over a run of adjacent lines: the subject (cookies, consent), the site speaking
of itself ("we use", "this website", "by clicking") or an embed held back ("to play
this video"), and the rest of a banner's furniture (accept or reject, the privacy
policy, partners, personalised ads, settings). A run with enough kinds, the site's
own voice among them, is a banner; each of its lines is removed as ``widget:cookie``.
The words are the lexicon's ``consent_*`` fields, one list per language.

A page with many banners, or one that is mostly banner, is about cookies (a privacy
policy): it is left alone. A story on the GDPR lacks the site's voice; a recipe for
cookies, the furniture.

>>> from textclean.page import Page
>>> page = Page("We use cookies to personalise ads. By clicking Accept you agree "
...             "that our partners may store data.\\nPreheat the oven and bake "
...             "the cookies for twelve minutes until golden at the edges.\\n")
>>> ConsentFilter().apply(page)
>>> [page.standing(i).category if page.standing(i) else None for i in range(2)]
['widget:cookie', None]
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .. import lexicon
from ..confidence import LINE_RULE
from ..filter import Count, Filter, FilterOptions, Probability, register
from ..page import Evidence, Label, Page

# Each kind of signal and the lexicon field that spells it.
SIGNALS: dict[str, str] = {
    "cookies": "consent_cookies",
    "consent": "consent_asks",
    "choice": "consent_choices",
    "privacy": "consent_privacy",
    "partners": "consent_partners",
    "purposes": "consent_purposes",
    "settings": "consent_settings",
    "self": "consent_self",
    "embed": "consent_embeds",
}
# A banner is about cookies or consent, and the site says it of itself (or of an embed).
SUBJECT = frozenset({"cookies", "consent"})
VOICE = frozenset({"self", "embed"})


# One pass over a lower-cased line finds every kind: the words of all kinds in one
# alternation (longest first, so "cookie policy" is found whole, not as "cookie"),
# each looked up for its kinds. The fields hold whole words, no stems.
_KINDS_OF: dict[str, frozenset[str]] = {}
for _kind, _field in SIGNALS.items():
    for _word in lexicon.words(_field):
        _KINDS_OF[_word] = _KINDS_OF.get(_word, frozenset()) | {_kind}
_SIGNAL_PATTERN = regex.compile(rf"(?<!\w)(?:{lexicon.alternation_of(_KINDS_OF)})(?!\w)")
# The cheap first pass, on a whole page and then on its lines: a substring of every
# subject word ("cookie", "consent", "einwilligung" ...). No subject, no banner.
# `str.__contains__` over a few dozen words is several times faster than the regex
# module's alternation of them.
_SUBJECT_WORDS = tuple(sorted(lexicon.gate_words("consent_cookies", "consent_asks")))


def _names_subject(text: str) -> bool:
    folded = text.casefold()
    return any(word in folded for word in _SUBJECT_WORDS)


def signals(text: str) -> frozenset[str]:
    """The kinds of consent signal in `text`.

    >>> sorted(signals("By clicking Accept you agree to our cookie policy."))
    ['choice', 'privacy', 'self']
    """
    kinds: set[str] = set()
    for match in _SIGNAL_PATTERN.finditer(text.lower()):
        kinds |= _KINDS_OF.get(match.group(), frozenset())
    return frozenset(kinds)


@dataclass
class _Run:
    """Adjacent non-blank lines that read like parts of one banner."""

    lines: list[int]
    kinds: set[str]
    words: int


class ConsentOptions(FilterOptions):
    min_kinds: Count = 4
    """A banner shows at least this many kinds of signal, among them a subject and the
    site's voice."""
    max_short_words: Count = 12
    """A line with one kind of signal joins a run only if it has at most this many words
    (a heading or a button); longer lines need two kinds."""
    max_line_words: Count = 200
    """Longer lines are prose, never a banner's."""
    max_run_words: Count = 400
    """A run longer than this is the page's text about cookies, not a banner."""
    max_banners: Count = 2
    """A page with more banners than this is about cookies (a privacy policy)."""
    max_page_share: Probability = 0.6
    """Banners that hold more than this share of the page's words are its text (a
    privacy policy; a page that is nothing but a consent wall keeps it too)."""


@register
class ConsentFilter(Filter):
    """Removes cookie-consent and privacy banners; see the module docstring."""

    name = "consent"
    Options = ConsentOptions
    evidence = Evidence.LINE
    options: ConsentOptions

    def apply(self, page: Page) -> None:
        if not _names_subject(page.text):
            return
        rows = page.nonblank()
        banners = [run for run in self._runs(page, rows) if self._is_banner(run)]
        if (
            len(banners) > self.options.max_banners
            or sum(run.words for run in banners)
            > self.options.max_page_share * sum(page.stats[i].words for i in rows)
        ):
            return
        for run in banners:
            kinds = ", ".join(sorted(run.kinds))
            for i in run.lines:
                if page.standing(i) is None:
                    page.decide(
                        i,
                        Label.BOILERPLATE,
                        self.name,
                        f"consent banner: {len(run.lines)} lines with {kinds}",
                        LINE_RULE,
                        "widget:cookie",
                        self.evidence,
                    )

    def _runs(self, page: Page, rows: list[int]) -> list[_Run]:
        """The maximal runs of banner parts around each line that names the subject.
        Only lines next to a run are read, so a long page pays for its banners only."""
        parts: dict[int, frozenset[str] | None] = {}

        def part(k: int) -> frozenset[str] | None:
            if k not in parts:
                parts[k] = self._part(page, rows[k])
            return parts[k]

        runs: list[_Run] = []
        end = -1  # the last row of the previous run: runs never overlap
        for k, i in enumerate(rows):
            if k <= end or not _names_subject(page.lines[i].text):
                continue
            if part(k) is None:
                continue
            first = k
            while first - 1 > end and part(first - 1) is not None:
                first -= 1
            end = k
            while end + 1 < len(rows) and part(end + 1) is not None:
                end += 1
            run = _Run([], set(), 0)
            for j in range(first, end + 1):
                kinds = part(j) or frozenset()
                run.lines.append(rows[j])
                run.kinds |= kinds
                run.words += page.stats[rows[j]].words if kinds else 0
            runs.append(run)
        return runs

    def _part(self, page: Page, i: int) -> frozenset[str] | None:
        """Line `i`'s kinds of signal if it can be part of a banner, else None. A line
        another rule already removed (a button, "We use cookies") always can: a run
        takes it with its signals."""
        words = page.stats[i].words
        kinds = frozenset() if words > self.options.max_line_words else signals(page.lines[i].text)
        standing = page.standing(i)
        if standing is not None:
            return kinds if standing.label is Label.BOILERPLATE else None
        return kinds if self._banner_like(kinds, words) else None

    def _banner_like(self, kinds: frozenset[str], words: int) -> bool:
        return len(kinds) >= 2 or (len(kinds) == 1 and words <= self.options.max_short_words)

    def _is_banner(self, run: _Run) -> bool:
        return (
            len(run.kinds) >= self.options.min_kinds
            and bool(run.kinds & SUBJECT)
            and bool(run.kinds & VOICE)
            and run.words <= self.options.max_run_words
        )
