"""Evidence that a run of headers is a discussion: someone talks under a header,
the content scorer reads the lines as comments, the comment's toolbar or the comment
form follows its text. The vetoes (vetoes.py) ask these; build.py asks two again.

>>> from textclean.filters.comments import CommentOptions
>>> from textclean.page import Page
>>> from textclean.comments.kinds import classify
>>> from textclean.comments.sections import header_groups
>>> page = Page("Jane Doe says:\\nI liked this a lot, thanks for writing.\\n")
>>> found = classify(page, CommentOptions())
>>> run = header_groups(page, found.kinds, found.heads, CommentOptions())
>>> _speaks(page, found.kinds, run, 0), _comment_support(page, run)
(True, False)
"""

from __future__ import annotations

from ..page import Label, Page
from .kinds import BLANK, CHROME, FORM, MARKER, STOP, TEXT, Kinds
from .nearby import _headline, _next_content, _text_after, _text_before
from .sections import Group


def _speaks(page: Page, kinds: Kinds, run: list[Group], k: int) -> bool:
    """Whether comment k of a run has a line that reads like someone talking."""
    g = run[k]
    lo = g.last + 1
    hi = run[k + 1].first if k + 1 < len(run) else len(kinds)
    if k + 1 == len(run):
        lines = _text_after(page, kinds, g.last, 4)
    else:
        lines = [i for i in range(lo, hi) if kinds[i] == TEXT][:12]
    if k > 0:  # trailing headers: the text before counts too
        lines += [i for i in range(run[k - 1].last + 1, g.first) if kinds[i] == TEXT][-4:]
    elif len(run) == 1:  # a lone header may trail its text ("text / Posted by jenn | date")
        before = _text_before(page, kinds, g.first, -1, 4)
        if any(page.stats[i].ends_full_stop and not _headline(page, i) for i in before):
            return True
    for i in lines:
        s = page.stats[i]
        if _headline(page, i):
            continue  # post lists put a headline under each "Name | date"
        if s.ends_sentence and s.letters >= 3 and not s.url:
            return True
        if s.words >= 10 and s.stop_ratio >= 0.25:
            return True
    return any(h.text for h in g.heads.values())


def _short_reply(page: Page, kinds: Kinds, g: Group) -> int | None:
    """The one short line of text right under a lone header, closed by widget lines
    (chrome, the form, a stop) or the end of the page: a one-line comment."""
    nxt = _next_content(kinds, g.last)
    if nxt is None or kinds[nxt] != TEXT:
        return None
    s = page.stats[nxt]
    if s.letters < 3 or s.url or s.repeats > 1 or _headline(page, nxt):
        return None
    after = nxt + 1
    while after < len(kinds) and kinds[after] == BLANK:
        after += 1
    if after < len(kinds) and kinds[after] not in (CHROME, FORM, STOP, MARKER):
        return None
    return nxt


def _reply_then_form(page: Page, kinds: Kinds, g: Group) -> bool:
    """After the text under a header: a comment action, then (within three lines) the
    comment form."""
    i = g.last + 1
    while i < len(kinds) and kinds[i] in (TEXT, BLANK):
        i += 1
    if i >= len(kinds) or kinds[i] != CHROME or page.stats[i].vocab != "comment-action":
        return False
    seen = 0
    for j in range(i + 1, len(kinds)):
        if kinds[j] == BLANK:
            continue
        if kinds[j] == FORM:
            return True
        seen += 1
        if seen >= 3:
            return False
    return False


def _toolbar_follows(kinds: Kinds, g: Group) -> bool:
    """A comment's toolbar under its text: three chrome lines or more ("share",
    "spam", "Like") among the seven lines after the text."""
    i = g.last + 1
    while i < len(kinds) and kinds[i] in (TEXT, BLANK):
        i += 1
    chrome = seen = 0
    while i < len(kinds) and seen < 7:
        if kinds[i] != BLANK:
            seen += 1
            if kinds[i] == CHROME:
                chrome += 1
            elif kinds[i] != TEXT:
                break
        i += 1
    return chrome >= 3


def _text_support(page: Page, kinds: Kinds, g: Group) -> bool:
    """The scorer reads the text under a header as a comment."""
    scores = page.comment_scores
    lines = _text_after(page, kinds, g.last, 8)
    return scores is not None and bool(lines) and (
        sum(scores[i] for i in lines) / len(lines) >= 0.7
    )


def _comment_support(page: Page, run: list[Group]) -> bool:
    """A short run without a marker: only when a scorer agrees they are comments."""
    scores = page.comment_scores
    if scores is not None:
        lines = [i for g in run for i in g.lines]
        return sum(scores[i] for i in lines) / len(lines) >= 0.5
    return any(page.label(i) is Label.COMMENT for g in run for i in g.lines)
