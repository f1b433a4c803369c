"""Byline and date: the article's author and publication date, claimed off the short
lines around the start of the body.

One byline and one date are claimed. A byline line that carries a date ("Posted
on March 6, 2024 by Dale Pruitt") dates the article before a date line further
up (the masthead's "today") does; a second date line under the claimed one
("Updated ...") is removed as a label; a relative date ("3 hours ago") is never
the article's date. A filter that ran before (a forum post's header) may have
claimed them already.

>>> text = "Big News Today\\nBy Jane Doe\\nMarch 3, 2024\\nThe body of the story starts here."
>>> page = Page(text)
>>> _ = page.decide(3, Label.ARTICLE, "test", "body")
>>> claim_byline_and_date(page, page.nonblank(), 3, 6, "metadata")
>>> [(m.role, m.value) for m in page.meta]
[('byline', 'Jane Doe'), ('date', 'March 3, 2024')]
"""

from __future__ import annotations

from ..dates import TimeMatch
from ..page import Label, MetaClaim, Page
from .lines import META_MAX_CHARS, date_only, read_meta_line
from .scope import CONFIDENCE, claim, claimable, lines_above


def claim_byline_and_date(
    page: Page, nonblank: list[int], first: int, window_size: int, by: str
) -> None:
    """Claim a byline and a date, for filter `by`, among `window_size` lines above the
    body (non-blank position `first`) and its first five lines."""
    window = _meta_window(page, nonblank, first, window_size)
    # a filter that read them off a removed line (a forum post's header) came first
    found_byline = any(c.role == Label.BYLINE.value for c in page.meta)
    found_date = any(c.role == Label.DATE.value for c in page.meta)
    reads = {i: read_meta_line(page.lines[i].text) for i in window}
    # a byline that carries its date ("Posted on March 6, 2024 by Dale Pruitt") dates
    # the article; a date line further up may be the masthead's "today"
    window.sort(key=lambda i: reads[i][0] is None or reads[i][1] is None)
    for i in window:
        if not claimable(page, i):  # an earlier line's claim may have taken it
            continue
        text = page.lines[i].text
        name, when = reads[i]
        if name is not None and not found_byline:
            value = text[name[0] : name[1]]
            claim(page, Label.BYLINE, i, name, value, "byline near the top of the article", by)
            found_byline = True
            if when is not None and not found_date and page.label(i) is Label.BYLINE:
                found_date = True
                _claim_date_on_byline(page, i, when, by)
            continue
        if when is None:
            continue
        if found_date and name is None and date_only(text, when):
            # "Updated March 12, 2024 at 9:40 a.m." under the published date
            reason = "a second date line near the top"
            page.decide(i, Label.BOILERPLATE, by, reason, CONFIDENCE, "date-label")
            continue
        # "today" or "3 hours ago" near a headline is rarely the article's date
        if not found_date and not when.stamp.relative and page.stats[i].words <= 14:
            span, raw = (when.start, when.end), when.stamp.raw
            reason = "date near the top of the article"
            claim(page, Label.DATE, i, span, raw, reason, by, when.stamp)
            found_date = True


def _meta_window(page: Page, nonblank: list[int], first: int, window_size: int) -> list[int]:
    """The lines a byline or date may be read off, in page order."""
    window = [
        *lines_above(page, nonblank, first, window_size),
        # the body's first lines may still be headline, deck, byline and date
        *nonblank[first : first + 5],
    ]
    # short lines only: a meta line is a few words, and a huge line costs a regex pass
    return [
        i
        for i in window
        if page.stats[i].words <= 25
        and len(page.lines[i].text) <= META_MAX_CHARS
        and claimable(page, i)
        and not (page.stats[i].ends_full_stop and page.stats[i].words > 12)
    ]


def _claim_date_on_byline(page: Page, i: int, when: TimeMatch, by: str) -> None:
    """Record the date on the claimed byline line i: the line's decision is the byline's."""
    start = page.lines[i].start
    page.meta.append(
        MetaClaim(
            Label.DATE.value,
            i,
            start + when.start,
            start + when.end,
            when.stamp.raw,
            by,
            "date on the byline line",
            when.stamp,
        )
    )
