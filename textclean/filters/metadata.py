"""Metadata extractors: the title, the byline, the date and the captions.

Runs after the content filter, reading where the article body starts:

- title: the headline-shaped line closest above the body (a few words, no
  full stop), preferring one the page repeats (the browser title and the
  headline); the other copies are removed as repeats;
- byline: "By Jane Doe" / "Von ..." / "Par ..." near the start of the body;
- date: a short line near the start of the body holding a date or time;
- captions: lines in or just above the body that carry a photo credit.

>>> from textclean.page import Page, Label
>>> text = ("Home\\nBig News Today\\nBy Jane Doe\\nMarch 3, 2024\\n"
...         + "A sentence of the body that is long enough, as they are.\\n" * 2)
>>> page = Page(text)
>>> for i in (4, 5): _ = page.decide(i, Label.ARTICLE, "test", "body")
>>> MetadataFilter().apply(page)
>>> [(m.role, m.value) for m in page.meta]
[('byline', 'Jane Doe'), ('date', 'March 3, 2024'), ('title', 'Big News Today')]
"""

from __future__ import annotations

import regex

from ..dates import find_time_span
from ..page import Label, MetaClaim, Page
from ..pipeline import Filter, FilterOptions, register

_BYLINE = regex.compile(
    r"^\s*(?:by|written by|posted by|author:|von|par|por|di|door|de|автор:?|texto?:|text:)\s+"
    r"(?P<name>(?-i:\p{Lu})[\p{L}.'’-]*(?:[\s,]+(?:and|und|et|y|e|en|и|&)?\s*(?-i:\p{Lu})[\p{L}.'’-]*){0,5})"
    r"(?P<rest>.*)$",
    regex.IGNORECASE,
)
_CREDIT = regex.compile(
    r"(?i)\((?:[^()]*\b(?:photo|foto|image|picture|credit|courtesy|illustration|bild|imagen|immagine|фото)\b[^()]*)\)"
    r"|^\s*(?:photo|foto|image|picture|bild|imagen|фото)\s*(?:credit)?\s*:"
    r"|\b(?:getty images|ap photo|shutterstock|istock(?:photo)?)\b"
    r"|[/|]\s*(?:reuters|afp|ap|epa|dpa|getty)\s*\)?\s*$"
)


def _claimable(page: Page, i: int) -> bool:
    """Metadata may take article lines and weakly judged boilerplate, not widgets or comments."""
    d = page.standing(i)
    return (
        d is None
        or d.label is Label.ARTICLE
        or (d.label is Label.BOILERPLATE and d.confidence < 0.75)
    )


def _dateline(page: Page, i: int) -> bool:
    found = find_time_span(page.lines[i].text)
    return found is not None and not found.stamp.relative


class MetadataOptions(FilterOptions):
    title_window: int = 16
    """How many non-blank lines above the body are searched for the title."""
    meta_window: int = 6
    """How many lines around the body start are searched for byline and date."""
    max_title_words: int = 30


@register
class MetadataFilter(Filter):
    """Finds title, byline, date and captions; see the module docstring."""

    name = "metadata"
    Options = MetadataOptions
    options: MetadataOptions

    def apply(self, page: Page) -> None:
        body = [i for i in range(len(page)) if page.label(i) is Label.ARTICLE]
        if not body:
            return
        nonblank = page.nonblank()
        pos = {line: k for k, line in enumerate(nonblank)}
        first = pos[body[0]]
        self._captions(page, body, nonblank, first)
        self._byline_and_date(page, nonblank, first)
        self._title(page, nonblank, first, body)

    def _claim(
        self, page: Page, role: Label, i: int, a: int, b: int, value: str, reason: str, stamp=None
    ) -> None:
        line = page.lines[i]
        if page.decide(i, role, self.name, reason, 0.75) is page.standing(i):
            page.meta.append(
                MetaClaim(
                    role.value, i, line.start + a, line.start + b, value, self.name, reason, stamp
                )
            )

    def _captions(self, page: Page, body: list[int], nonblank: list[int], first: int) -> None:
        window = nonblank[max(0, first - 3) : first]
        for i in [*window, *body]:
            stats = page.stats[i]
            if 4 <= stats.words <= 80 and _CREDIT.search(page.lines[i].text):
                page.decide(i, Label.CAPTION, self.name, "carries a photo credit: a caption", 0.75)

    def _byline_and_date(self, page: Page, nonblank: list[int], first: int) -> None:
        window = nonblank[max(0, first - self.options.meta_window) : first + 3]
        found_byline = found_date = False
        for i in window:
            text = page.lines[i].text
            stats = page.stats[i]
            if stats.words > 25 or not _claimable(page, i):
                continue
            if not found_byline:
                m = _BYLINE.match(text)
                if (m and not stats.ends_full_stop) or (m and stats.words <= 8):
                    name = m.group("name").strip(" ,")
                    a = text.index(name, m.start("name"))
                    self._claim(
                        page,
                        Label.BYLINE,
                        i,
                        a,
                        a + len(name),
                        name,
                        "byline near the top of the article",
                    )
                    found_byline = True
                    rest = m.group("rest")
                    t = find_time_span(rest) if rest else None
                    if t and not found_date:
                        off = m.start("rest")
                        page.meta.append(
                            MetaClaim(
                                Label.DATE.value,
                                i,
                                page.lines[i].start + off + t.start,
                                page.lines[i].start + off + t.end,
                                t.stamp.raw,
                                self.name,
                                "date on the byline line",
                                t.stamp,
                            )
                        )
                        found_date = True
                    continue
            if not found_date and stats.has_time and stats.words <= 14:
                t = find_time_span(text)
                # "today" or "3 hours ago" near a headline is rarely the article's date
                if t is not None and not t.stamp.relative:
                    self._claim(
                        page,
                        Label.DATE,
                        i,
                        t.start,
                        t.end,
                        t.stamp.raw,
                        "date near the top of the article",
                        t.stamp,
                    )
                    found_date = True

    def _title(self, page: Page, nonblank: list[int], first: int, body_lines: list[int]) -> None:
        opts = self.options
        best, best_score, best_why = None, 0.0, ""
        lo = max(0, first - opts.title_window)
        # The browser title ("Headline - Site") is usually among the first lines of a dump.
        heads = [page.stats[i].norm for i in nonblank[:3]]
        for k in range(first, lo - 1, -1):
            i = nonblank[k]
            stats = page.stats[i]
            label = page.label(i)
            if label in (Label.BYLINE, Label.DATE, Label.CAPTION) or not _claimable(page, i):
                continue
            if not 2 <= stats.words <= opts.max_title_words or stats.url or not stats.norm:
                continue
            if stats.vocab is not None and stats.repeats <= 1:
                continue
            if stats.ui_ratio >= 0.75:
                continue  # "Email Print Text Size", "Sign In to E-Mail or Save This"
            if stats.digit_ratio > 0.3 or (
                stats.has_time and stats.words <= 8 and _dateline(page, i)
            ):
                continue  # a dateline or a score line
            if stats.ends_full_stop and (stats.repeats <= 1 or label is Label.ARTICLE):
                continue  # a sentence, not a headline
            if label is Label.ARTICLE and (stats.words > 20 or len(body_lines) <= 1):
                continue  # would take the body's own first paragraph
            why = []
            score = 1.0 - 0.04 * (first - k)
            # the headline sits right above its byline and date
            after = nonblank[k + 1 : k + 4]
            if any(page.label(j) in (Label.BYLINE, Label.DATE) for j in after):
                score += 0.5
                why.append("above the byline or date")
            echoed = stats.repeats > 1 or any(
                stats.norm != h and len(stats.norm) >= 12 and stats.norm in h for h in heads
            )
            if echoed:
                score += 0.8
                why.append("repeated on the page")
            if stats.words >= 4:
                score += 0.3
            elif not echoed:
                score -= 0.4 if stats.words == 3 else 0.7
            if stats.words > 18:
                score -= 0.3
            if stats.words >= 3 and stats.title_words / stats.words > 0.6:
                score += 0.2
                why.append("capitalised like a headline")
            if stats.separators:
                score -= 0.4
            if label is Label.ARTICLE:
                score -= 0.2 if k == first else 0.6
            if score > best_score:
                best, best_score = i, score
                best_why = ", ".join(["headline-shaped line above the body", *why])
        if best is None:
            return
        norm = page.stats[best].norm
        # Of several copies (browser title, headline), the one nearest the body is the headline.
        best = max(
            (
                i
                for i in nonblank[lo : first + 1]
                if page.stats[i].norm == norm and _claimable(page, i)
            ),
            default=best,
        )
        text = page.lines[best].text
        value = text.strip()
        a = text.index(value)
        self._claim(page, Label.TITLE, best, a, a + len(value), value, best_why)
        # the other copies of the headline (browser title, breadcrumbs) are repeats
        for i in nonblank:
            if i != best and norm and page.stats[i].norm == norm:
                page.decide(
                    i, Label.BOILERPLATE, self.name, "repeat of the title", 0.8, "title-repeat"
                )
