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


def _whole_words(field: str) -> regex.Pattern[str]:
    return regex.compile(rf"(?<!\w)(?:{lexicon.alternation(field)})(?!\w)", regex.IGNORECASE)


_PATTERNS = {kind: _whole_words(field) for kind, field in SIGNALS.items()}
# The cheap first pass: a page with no subject word anywhere has no banner.
_SUBJECT_GATE = regex.compile(
    rf"(?<!\w)(?:{lexicon.alternation('consent_cookies', 'consent_asks')})(?!\w)",
    regex.IGNORECASE,
)


def signals(text: str) -> frozenset[str]:
    """The kinds of consent signal in `text`.

    >>> sorted(signals("By clicking Accept you agree to our cookie policy."))
    ['choice', 'cookies', 'privacy', 'self']
    """
    return frozenset(kind for kind, pattern in _PATTERNS.items() if pattern.search(text))


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
        rows = page.nonblank()
        if not any(_SUBJECT_GATE.search(page.lines[i].text) for i in rows):
            return
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
        """Maximal runs of banner-like lines; a line another rule already removed as
        widget text (a button, "We use cookies") joins the run with its signals."""
        runs: list[_Run] = []
        current: _Run | None = None
        for i in rows:
            words = page.stats[i].words
            standing = page.standing(i)
            long = words > self.options.max_line_words
            kinds = frozenset() if long else signals(page.lines[i].text)
            if standing is not None and standing.label is Label.BOILERPLATE:
                joins = current is not None or bool(kinds)
            else:
                joins = standing is None and self._banner_like(kinds, words)
            if not joins:
                current = None
                continue
            if current is None:
                current = _Run([], set(), 0)
                runs.append(current)
            current.lines.append(i)
            current.kinds |= kinds
            current.words += words if kinds else 0
        return runs

    def _banner_like(self, kinds: frozenset[str], words: int) -> bool:
        return len(kinds) >= 2 or (len(kinds) == 1 and words <= self.options.max_short_words)

    def _is_banner(self, run: _Run) -> bool:
        return (
            len(run.kinds) >= self.options.min_kinds
            and bool(run.kinds & SUBJECT)
            and bool(run.kinds & VOICE)
            and run.words <= self.options.max_run_words
        )
