"""Where the article's prose starts: the title is searched for above it.

The model often counts the headline (and a browser-title line) as article, so the
first article line is not where the title search starts: it starts above the
first article paragraph of eight words or more that ends a sentence
(headline-cased lines aside), if it is long or another such line follows it. A
promotion ending in "!" or a teaser above the story stands alone. Hard-wrapped
prose (a line whose next line goes on in lower case) is never skipped.

>>> from textclean.page import Label
>>> text = "Council votes to rebuild pier\\n" + (
...     "The council voted on Tuesday to rebuild the old pier, ending a long dispute.\\n" * 2)
>>> page = Page(text)
>>> for i in range(3): _ = page.decide(i, Label.ARTICLE, "test", "body")
>>> prose_start(page, page.nonblank(), 0, 16)
1
"""

from __future__ import annotations

from ..page import Label, Page
from .shapes import title_cased, wrapped

# A line opening with one of these is a list item.
_ITEM_MARKS = frozenset("+-*•·◦▪►▸→>»–—")


def is_prose(page: Page, nonblank: list[int], k: int) -> bool:
    """An article line of eight words or more that ends a sentence and is no headline.

    >>> page = Page("The council voted on Tuesday to rebuild the old pier.\\n"
    ...             "How many lives can a new pier save?")
    >>> for i in range(2): _ = page.decide(i, Label.ARTICLE, "test", "body")
    >>> is_prose(page, page.nonblank(), 0), is_prose(page, page.nonblank(), 1)
    (True, False)
    """
    i = nonblank[k]
    stats = page.stats[i]
    return (
        page.label(i) is Label.ARTICLE
        and stats.words >= 8
        and stats.ends_sentence
        and not title_cased(page, i)
        and stats.separators < 2
        # "How many lives can you save?" is as likely a headline as prose
        and (stats.words >= 10 or page.lines[i].text.rstrip()[-1:] not in "?!")
    )


def body_like(page: Page, nonblank: list[int], k: int) -> bool:
    """A list item or a hard-wrapped line: the body may have begun here.

    >>> page = Page("- the first item of a list\\nCouncil votes to rebuild pier")
    >>> body_like(page, page.nonblank(), 0), body_like(page, page.nonblank(), 1)
    (True, False)
    """
    i = nonblank[k]
    stats = page.stats[i]
    text = page.lines[i].text.lstrip()
    if stats.bullet or text[:1] in _ITEM_MARKS:
        return True
    return wrapped(page, nonblank, k)


def prose_start(page: Page, nonblank: list[int], first: int, window: int) -> int:
    """The non-blank position where the prose starts, searching from `first` (the
    first article line) over about `window` lines; see the module docstring."""
    start = _first_prose(page, nonblank, first, window)
    if start is None:
        return first
    streak = 0
    for k in range(start, min(len(nonblank), start + 2 * window)):
        i = nonblank[k]
        streak = streak + 1 if body_like(page, nonblank, k) else 0
        if streak >= 3:
            return start
        if not is_prose(page, nonblank, k):
            continue
        nxt = nonblank[k + 1] if k + 1 < len(nonblank) else None
        if page.stats[i].words >= 25 or nxt is None or page.label(nxt) is not Label.ARTICLE:
            return k
        if is_prose(page, nonblank, k + 1) or _lede_then_long_paragraph(page, nonblank, k):
            return k
    return start


def _first_prose(page: Page, nonblank: list[int], first: int, window: int) -> int | None:
    """The first prose line or hard-wrapped paragraph from `first`, unless a list or
    wrapped lines (three in a row) past the window come first."""
    streak = 0
    for k in range(first, min(len(nonblank), first + 3 * window)):
        if is_prose(page, nonblank, k):
            return k
        if (
            k + 1 < len(nonblank)
            and wrapped(page, nonblank, k)
            and page.label(nonblank[k + 1]) is Label.ARTICLE
            and wrapped(page, nonblank, k + 1)
        ):
            return k  # a hard-wrapped paragraph opens the body
        streak = streak + 1 if body_like(page, nonblank, k) else 0
        if k >= first + window and streak >= 3:
            break
    return None


def _lede_then_long_paragraph(page: Page, nonblank: list[int], k: int) -> bool:
    """A lede at k, a subhead or two, then a long paragraph: the body has begun."""
    j = k + 1
    while (
        j < min(len(nonblank), k + 3)
        and page.stats[nonblank[j]].words <= 8
        and not page.stats[nonblank[j]].ends_sentence
    ):
        j += 1
    return (
        k + 1 < j < len(nonblank)
        and is_prose(page, nonblank, j)
        and page.stats[nonblank[j]].words >= 25
    )
