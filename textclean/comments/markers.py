"""Markers and stops around a run of headers: the section marker in front of it
("2 Comments", "Leave a Reply"), the stops that may stand inside a section without
ending it (a "Subscribe" over the list, "See also:" in a comment, an inner "Replies"
label), and the counted markers that tell a list of posts from one thread.

>>> from textclean.filters.comments import CommentOptions
>>> from textclean.page import Page
>>> from textclean.comments.kinds import classify
>>> page = Page("2 Comments\\nJane Doe says:\\nGreat read, thanks.\\n")
>>> kinds = classify(page, CommentOptions()).kinds
>>> _marker_before(page, kinds, 1, CommentOptions()), _post_list(page, kinds)
(0, False)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..page import Page
from .chrome import _LIST_COUNT, _SECTION_WORD, _SOFT_STOP, _declared
from .kinds import BLANK, CHROME, FORM, HEAD, MARKER, STOP, TEXT, TRACK, Kinds
from .nearby import _next_content

if TYPE_CHECKING:
    from ..filters.comments import CommentOptions


def _marker_before(page: Page, kinds: Kinds, line: int, options: CommentOptions) -> int | None:
    """The nearest section marker before `line`, within reach and not past prose."""
    seen = 0
    soft = False  # past a soft stop only a counted marker will do
    for i in range(line - 1, -1, -1):
        if kinds[i] == BLANK:
            continue
        if kinds[i] == MARKER or (kinds[i] == FORM and not soft):
            return i
        if kinds[i] in (STOP, FORM):
            if not _soft_stop(page, kinds, i):
                return None
            soft = True
        seen += 1
        if seen > options.marker_reach:
            return None
    return None


def _soft_stop(page: Page, kinds: Kinds, line: int) -> bool:
    """A short widget word inside a comment section ("Subscribe" over the list, a
    comment titled "Tech"): not the end of the section when a header follows at once
    (or under a one-line title)."""
    s = page.stats[line]
    if kinds[line] != STOP or s.vocab not in _SOFT_STOP or s.words > 6:
        return False
    seen = 0
    for i in range(line + 1, len(kinds)):
        if kinds[i] == BLANK:
            continue
        if kinds[i] == HEAD:
            return True
        # a repeated word is a list's label, the entry's title under it is no comment's
        if kinds[i] != TEXT or seen or s.repeats > 1 or page.stats[i].words > 12:
            return False
        seen += 1
    return False


def _stop_in_comment(page: Page, kinds: Kinds, line: int) -> bool:
    """A short stop line inside a comment's text ("See also:" over the links a
    commenter gives) where the scorer reads it and the lines around it as comment."""
    scores = page.comment_scores
    if scores is None or kinds[line] != STOP or page.stats[line].words > 4:
        return False
    if scores[line] < 0.3:
        return False
    prev = line - 1
    while prev >= 0 and kinds[prev] == BLANK:
        prev -= 1
    nxt = _next_content(kinds, line)
    return (
        prev >= 0
        and nxt is not None
        and kinds[prev] == TEXT
        and kinds[nxt] == TEXT
        and scores[prev] >= 0.8
        and scores[nxt] >= 0.8
    )


def _replies_label(page: Page, kinds: Kinds, line: int) -> bool:
    """An uncounted "Replies" label between a comment's toolbar and the replies'
    first header: a thread's inner label, not a new section."""
    if kinds[line] != MARKER or page.stats[line].words > 2:
        return False
    text = page.lines[line].text
    if _declared(text) is not None or _SECTION_WORD.search(text):
        return False  # "Comments»" opens the section itself
    nxt = _next_content(kinds, line)
    prev = line - 1
    while prev >= 0 and kinds[prev] == BLANK:
        prev -= 1
    return (
        nxt is not None
        and kinds[nxt] == HEAD
        and prev >= 0
        and kinds[prev] == CHROME
        and page.stats[prev].vocab != "widget:share"  # the article's share buttons
    )


def _count_before(page: Page, kinds: Kinds, line: int, options: CommentOptions) -> int | None:
    """A counted section marker a few short widget lines above `line` (the form
    that tops the section), with no prose and no hard stop between."""
    seen = 0
    for i in range(line - 1, -1, -1):
        kind = kinds[i]
        if kind == BLANK:
            continue
        if kind == MARKER:
            return i if _declared(page.lines[i].text) else None
        s = page.stats[i]
        if (
            kind in (HEAD, TRACK)
            or (kind == STOP and s.vocab not in _SOFT_STOP)
            or (kind == TEXT and (s.words > 4 or s.ends_sentence))
        ):
            return None
        seen += 1
        if seen > options.marker_reach:
            return None
    return None


def _stop_before(page: Page, kinds: Kinds, line: int) -> bool:
    """A "Related posts"-style heading just above the first header."""
    seen = 0
    for i in range(line - 1, -1, -1):
        if kinds[i] == BLANK:
            continue
        if kinds[i] == STOP and page.stats[i].vocab in ("related", "navigation"):
            return True
        seen += 1
        if seen > 3:
            return False
    return False


def _count_follows(page: Page, kinds: Kinds, line: int) -> bool:
    """A counted marker right after a lone header: the next entry of a post list
    ("Title / by Ann 4 days ago / 15 comments"), not the end of a discussion."""
    seen = 0
    for i in range(line + 1, len(kinds)):
        if kinds[i] == BLANK:
            continue
        if kinds[i] == MARKER and _declared(page.lines[i].text):
            return True
        seen += 1
        if seen >= 3:
            return False
    return False


def _post_list(page: Page, kinds: Kinds) -> bool:
    """Many counted markers: a list of posts with their comment counts, not one thread."""
    counted = 0
    for i, kind in enumerate(kinds):
        # "35 comments" markers, "0 comments" stops and headlines with their count
        # ("Romney Talks Tough875 comments") all count entries of the list.
        if (kind == MARKER and _declared(page.lines[i].text)) or (
            kind in (STOP, TEXT, MARKER)
            and page.stats[i].words <= 20
            and _LIST_COUNT.search(page.lines[i].text)
        ):
            counted += 1
            if counted > 2:
                return True
    return False
