"""One comment from its header group and body lines: a `CommentDraft` with its
author, time, votes, likes, depth and text parts.

The header lines give the author, the time (a date line and its clock-time line are
joined), inline votes, a "1.2" number's depth and inline text ("Jo said: text");
chrome lines in the body give vote and like counts and a social toolbar's age
("Like · Reply · 7 · 2y"); a "level N" line above gives the depth; a blocks dump's
indentation gives a depth resolved in replies._thread.

>>> draft = CommentDraft(lines=[])
>>> _toolbar_fields("Like · Reply · 7 · 2y", draft)
>>> draft.posted.raw, draft.likes
('2y', 7)
"""

from __future__ import annotations

from ..dates import is_short_age
from ..models import TimeStamp
from ..page import CommentDraft, CommentPart, Page
from ..vocabulary import default_vocabulary
from .chrome import _LEVEL, _LIKE_COUNT, _TOOLBAR_SPLIT, _VOTES
from .kinds import BLANK, CHROME, Kinds
from .replies import _arrow_split
from .sections import Group


def _draft(page: Page, kinds: Kinds, g: Group, body: list[int]) -> CommentDraft | None:
    """The comment of header group `g` over `body` (text and chrome lines), or None
    when it has no text."""
    draft = CommentDraft(lines=[])
    if g.name_line is not None:
        _author_line_fields(page, g.name_line, draft)
    draft.parts.extend(_header_fields(page, g, draft))
    _body_fields(page, kinds, body, draft)
    if not any(p.role == "text" for p in draft.parts):
        return None
    draft.lines.sort()
    level = _level_before(page, kinds, min(draft.lines))
    if level is not None and draft.depth == 0:
        draft.depth = level
    indent = page.stats[min(g.lines)].indent
    if indent and page.style == "blocks" and draft.depth == 0:
        draft.depth = -indent  # resolved against the section's least indent in _thread
    return draft


def _author_line_fields(page: Page, i: int, draft: CommentDraft) -> None:
    """An author-only line over a time header ("Jane Doe", "Nadia Reyes → Karsten")."""
    line = page.lines[i]
    text = line.text.strip()
    a = line.start + line.text.index(text)
    arrow = _arrow_split(text)
    if arrow is not None:
        text = arrow[0]  # the rest names the comment answered (see build.py)
    draft.author = text
    draft.parts.append(CommentPart("author", a, a + len(text), "author line"))
    draft.lines.append(i)


def _header_fields(page: Page, g: Group, draft: CommentDraft) -> list[CommentPart]:
    """Author, time, votes and depth from the group's headers; returns the inline text
    parts ("Jo said: text"), which follow the other parts."""
    inline_text: list[CommentPart] = []
    for i in sorted(g.lines):
        line = page.lines[i]
        head = g.heads[i]
        draft.lines.append(i)
        if head.name and draft.author is None:
            draft.author = line.text[head.name[0] : head.name[1]]
            draft.parts.append(
                CommentPart(
                    "author",
                    line.start + head.name[0],
                    line.start + head.name[1],
                    "commenter's name",
                )
            )
        if head.time and (draft.posted is None or ":" not in draft.posted.raw):
            stamp = head.time.stamp
            if draft.posted is not None:  # a date line, then its clock time line
                stamp = TimeStamp(
                    raw=f"{draft.posted.raw} {stamp.raw}", parsed=draft.posted.parsed
                )
            draft.posted = stamp
            draft.parts.append(
                CommentPart(
                    "posted",
                    line.start + head.time.start,
                    line.start + head.time.end,
                    "comment time",
                )
            )
        if head.votes:
            vs, ve, value, unit = head.votes
            if unit.startswith("like"):
                draft.likes = value
            else:
                draft.votes = value
            draft.parts.append(
                CommentPart("votes", line.start + vs, line.start + ve, "vote count")
            )
        if head.number and "." in head.number:
            draft.depth = head.number.count(".")
        if head.text:
            inline_text.append(
                CommentPart(
                    "text", line.start + head.text[0], line.start + head.text[1], "comment text"
                )
            )
    return inline_text


def _body_fields(page: Page, kinds: Kinds, body: list[int], draft: CommentDraft) -> None:
    """Text lines become the comment's text; chrome lines give counts and an age."""
    for i in body:
        line = page.lines[i]
        if kinds[i] == CHROME:
            vm = _VOTES.match(line.text)
            if vm and draft.votes is None and draft.likes is None:
                draft.votes = int(vm.group(1))
            lm = _LIKE_COUNT.match(line.text)
            if lm and draft.votes is None and draft.likes is None:
                draft.votes = draft.likes = int(lm.group("a") or lm.group("b"))
            _toolbar_fields(line.text, draft)
            continue
        text = line.text.strip()
        a = line.start + line.text.index(text)
        draft.lines.append(i)
        draft.parts.append(CommentPart("text", a, a + len(text), "comment text"))


def _level_before(page: Page, kinds: Kinds, line: int) -> int | None:
    """The depth a "level N" line just above a comment's first line gives (N - 1)."""
    seen = 0
    for i in range(line - 1, -1, -1):
        if kinds[i] == BLANK:
            continue
        if kinds[i] != CHROME or seen >= 2:
            return None
        m = _LEVEL.match(page.lines[i].text)
        if m is not None:
            return max(0, int(m.group("n")) - 1)
        seen += 1
    return None


def _toolbar_fields(text: str, draft: CommentDraft) -> None:
    """"Like · Reply · 7 · 2y": a social toolbar under the text gives the comment's
    age and its like count when no header did (the line stays removed whole)."""
    parts = [p for p in _TOOLBAR_SPLIT.split(text.strip()) if p]
    if len(parts) < 2 or not any(is_short_age(p) for p in parts):
        return
    vocab = default_vocabulary()
    if not any(vocab.match(p) == "comment-action" for p in parts):
        return
    for p in parts:
        if is_short_age(p) and draft.posted is None:
            draft.posted = TimeStamp(raw=p.strip(), relative=True)
        elif p.isdigit() and draft.votes is None and draft.likes is None:
            draft.votes = draft.likes = int(p)
