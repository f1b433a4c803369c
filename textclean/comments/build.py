"""Step 4: an accepted run becomes the page's comment section and its comments.

`build` decides the run's orientation once (headers lead their text, as in most
widgets, or trail it: "text ... Posted by: Jim | date"), gives each header group
its body lines, records the section's bounds, its markers (the declared count, the
rest chrome), each comment (drafts.py) with its decisions, the chrome inside the
section, and the threading (replies.py).

The build reads its own copy of the kinds: `_trim_widget_lines` re-reads the short
widget lines closing a comment's body as chrome, for this run only.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..page import Label, Page
from .chrome import _declared, _reply_target
from .drafts import _draft
from .kinds import BLANK, CHROME, FORM, MARKER, TEXT, Classified, Kinds
from .markers import _count_before, _marker_before
from .nearby import _prose, _text_after, _text_before
from .replies import _arrow_split, _thread
from .sections import Group
from .support import _short_reply, _speaks

if TYPE_CHECKING:
    from ..filters.comments import CommentOptions

Drafts = list[tuple[Group, list[int]]]  # each header group with its body lines


def build(
    page: Page, classified_kinds: Kinds, run: list[Group], options: CommentOptions,
    filter_name: str,
) -> None:
    """Record the comment section of an accepted run, and its comments."""
    kinds = list(classified_kinds)  # see the module docstring
    marker = _marker_before(page, kinds, run[0].first, options)
    tail, head_text = _texts_around(page, kinds, run, marker)
    trailing, head_text = _orientation(page, kinds, run, marker, tail, head_text)
    # Only a leading header takes an author-only line above it; trailing, that line is text.
    if trailing:
        for g in run:
            g.name_line = None
    drafts = _fold_trailing_times(kinds, _bodies(page, kinds, run, tail, head_text, trailing))
    first_line = min(
        min(g.lines + ([g.name_line] if g.name_line is not None else []) + body)
        for g, body in drafts
    )
    last_line = max(max(g.lines + body) for g, body in drafts)
    toolbar: list[int] = []
    while last_line + 1 < len(kinds) and kinds[last_line + 1] in (CHROME, BLANK):
        last_line += 1  # the last comment's "Reply" belongs to the section
        if kinds[last_line] == CHROME:
            toolbar.append(last_line)
    if toolbar and not trailing:
        # ... and so do its vote counts ("Reply" / "12 Likes"), when they are its own:
        # no other comment's chrome has been read yet
        drafts[-1][1].extend(toolbar)
    section_start = marker if marker is not None else first_line
    if marker is not None and kinds[marker] == FORM:
        # "12 Comments" / login and sort chrome / "Join the discussion…" (the form
        # on top): the count above the form opens the section
        count = _count_before(page, kinds, marker, options)
        section_start = count if count is not None else section_start
    page.comment_section = (section_start, last_line + 1)
    _markers(page, kinds, section_start, first_line, options, filter_name)
    reply_to = _add_comments(page, kinds, drafts, options, filter_name)
    _remove_section_chrome(page, kinds, first_line, last_line, options, filter_name)
    _thread(page, reply_to)


def _texts_around(
    page: Page, kinds: Kinds, run: list[Group], marker: int | None
) -> tuple[list[int], list[int]]:
    """The text under the last header (`tail`) and above the first (`head_text`), as
    far as the run's longest gap suggests."""
    spans = [
        len([i for i in range(a.last + 1, b.first) if kinds[i] == TEXT])
        for a, b in itertools.pairwise(run)
    ]
    typical = max(spans, default=6)
    limit = max(8, 2 * typical)
    tail = _text_after(page, kinds, run[-1].last, limit)
    if not tail and len(run) == 1 and not _speaks(page, kinds, run, 0):
        # accepted for its one short line under a count of one (see vetoes._lone_header)
        short = _short_reply(page, kinds, run[0])
        tail = [short] if short is not None else []
    if page.style == "blocks" and tail:
        # a blocks dump indents a comment's text with its header: a line further out
        # under the last comment is the page again
        indent = page.stats[run[-1].last].indent
        cut = next((k for k, i in enumerate(tail) if page.stats[i].indent < indent), None)
        if cut is not None and cut > 0:
            tail = tail[:cut]
    scores = page.comment_scores
    if scores is not None:
        # the form's own notes under the last comment ("Debate is fine, flaming is
        # not...") where the scorer reads them as chrome and the comment above as talk
        while (
            len(tail) > 1
            and scores[tail[-1]] < 0.3
            and max(scores[i] for i in tail[:-1]) >= 0.6
        ):
            tail.pop()
    start_bound = marker if marker is not None else -1
    head_text = _text_before(
        page, kinds, run[0].first, start_bound, limit if marker is not None else 4
    )
    return tail, head_text


def _orientation(
    page: Page, kinds: Kinds, run: list[Group], marker: int | None, tail: list[int],
    head_text: list[int],
) -> tuple[bool, list[int]]:
    """Whether the headers trail their text, and the text above the first header
    that the first comment takes."""
    # Trailing when nothing follows the last header, or when text sits between the
    # marker and the first header and no header looks like an opener.
    trailing = not tail or (
        marker is not None
        and bool(head_text)
        and not any(g.name_line is not None or _leads(g) for g in run)
        and _prose(page, head_text)
        and not _prose(page, tail)
    )
    if trailing and not head_text:
        trailing = False
    scores = page.comment_scores
    if trailing and scores is not None:
        # the section's own notes under its marker ("You can follow this conversation
        # by subscribing..."), where the scorer reads them as chrome, open no comment
        while (
            len(head_text) > 1
            and scores[head_text[0]] < 0.2
            and page.stats[head_text[0]].words >= 8
        ):
            head_text = head_text[1:]
    return trailing, head_text


def _leads(g: Group) -> bool:
    """A header that ends in "says:" or "wrote:" introduces the text after it."""
    return any(h.kind in ("says", "note", "name") and h.text is None for h in g.heads.values())


def _bodies(
    page: Page, kinds: list[int], run: list[Group], tail: list[int], head_text: list[int],
    trailing: bool,
) -> Drafts:
    """Each group's body: the text and chrome lines up to the next header (leading)
    or since the previous one (trailing)."""
    scores = page.comment_scores
    drafts: Drafts = []
    for k, g in enumerate(run):
        if trailing:
            lo = run[k - 1].last if k else (head_text[0] - 1 if head_text else g.first)
            body = [i for i in range(lo + 1, g.first) if kinds[i] in (TEXT, CHROME)]
        else:
            hi = run[k + 1].first if k + 1 < len(run) else (tail[-1] + 1 if tail else g.last + 1)
            next_name = run[k + 1].name_line if k + 1 < len(run) else None
            if next_name is not None:
                hi = min(hi, next_name)
            body = [
                i
                for i in range(g.last + 1, hi)
                if kinds[i] in (TEXT, CHROME) and i != g.name_line
            ]
        if scores is not None and not trailing:
            _trim_widget_lines(page, kinds, scores, body)
        drafts.append((g, body))
    return drafts


def _trim_widget_lines(
    page: Page, kinds: list[int], scores: Sequence[float], body: list[int]
) -> None:
    """Short lines at the end of a comment's body that the scorer reads as widget
    text ("This comment has been hidden. View comment", the comment's share link),
    under a text it reads as talk, are the comment's chrome."""
    text = [i for i in body if kinds[i] == TEXT]
    if not text or max(scores[i] for i in text) < 0.6:
        return
    for i in reversed(text[1:]):
        if scores[i] >= 0.15 or page.stats[i].words > 15:
            break
        kinds[i] = CHROME


def _fold_trailing_times(kinds: Kinds, drafts: Drafts) -> Drafts:
    """A bare time under a named comment that had none ("Julie wrote:" / the text /
    "May 2, 2024 at 7:28 pm | Permalink") closes that comment: it joins its header;
    so does a bare signature under a timed one ("Aug 6, 2012" / the text / "Posted by
    Tex | Report as abusive")."""
    out: Drafts = []
    for g, body in drafts:
        if out and g.has_name() != g.has_time():
            prev, prev_body = out[-1]
            if (
                prev.has_name() != g.has_name()
                and prev.has_time() != g.has_time()
                and any(kinds[i] == TEXT for i in prev_body)
                and not any(kinds[i] == TEXT for i in body)
            ):
                merged = Group(
                    lines=prev.lines + g.lines,
                    heads={**prev.heads, **g.heads},
                    name_line=prev.name_line,
                )
                out[-1] = (merged, prev_body + body)
                continue
        out.append((g, body))
    return out


def _markers(
    page: Page, kinds: Kinds, start: int, first: int, options: CommentOptions, filter_name: str
) -> None:
    """Section markers before the first comment: the declared count, the rest chrome."""
    conf = options.confidence + 0.05
    for i in range(start, first):
        if kinds[i] == MARKER and page.declared_comment_count is None:
            value = _declared(page.lines[i].text)
            if value is not None:
                page.declared_comment_count = value
                page.decide(i, Label.COMMENT_HEADER, filter_name, "comment count header", conf)
                continue
        if kinds[i] in (MARKER, FORM, CHROME):
            page.decide(
                i, Label.BOILERPLATE, filter_name, "comment-section header", conf,
                "comment-chrome",
            )


def _add_comments(
    page: Page, kinds: Kinds, drafts: Drafts, options: CommentOptions, filter_name: str
) -> dict[int, str]:
    """Each group's comment with its decisions; returns the names the comments' reply
    chrome gives (comment index -> name)."""
    conf = options.confidence
    reply_to: dict[int, str] = {}
    for g, body in drafts:
        draft = _draft(page, kinds, g, body)
        if draft is None:
            continue
        page.comments.append(draft)
        target = next(
            (
                t
                for i in body
                if kinds[i] == CHROME
                and (t := _reply_target(page.lines[i].text, options)) is not None
            ),
            None,
        )
        if target is None and g.name_line is not None:
            arrow = _arrow_split(page.lines[g.name_line].text.strip())
            target = arrow[1] if arrow else None
        if target is not None:
            reply_to[len(page.comments) - 1] = target
        for i in draft.lines:
            page.decide(
                i,
                Label.COMMENT,
                filter_name,
                "comment " + ("header" if i in g.heads or i == g.name_line else "text"),
                conf,
            )
        for i in body:
            if i not in draft.lines:
                page.decide(
                    i,
                    Label.BOILERPLATE,
                    filter_name,
                    f"comment chrome {page.lines[i].text.strip()[:30]!r}",
                    conf,
                    "comment-chrome",
                )
    return reply_to


def _remove_section_chrome(
    page: Page, kinds: Kinds, first_line: int, last_line: int, options: CommentOptions,
    filter_name: str,
) -> None:
    """Chrome and markers inside the section are removed, not left to the article."""
    for i in range(first_line, last_line + 1):
        standing = page.standing(i)
        if kinds[i] in (CHROME, MARKER, FORM) and (
            standing is None or standing.filter != filter_name
        ):
            page.decide(
                i, Label.BOILERPLATE, filter_name, "comment-section chrome",
                options.confidence, "comment-chrome",
            )


def remove_trackbacks(
    page: Page, classified: Classified, options: CommentOptions, filter_name: str
) -> None:
    """Trackback headers and the lines under them (see kinds._trackback_bodies) are
    removed as "trackback"."""
    conf = options.confidence
    for i in classified.trackbacks:
        if i in classified.under_trackback:
            why = "trackback (under a trackback header)"
        else:
            why = "trackback"
        page.decide(i, Label.BOILERPLATE, filter_name, why, conf, "trackback")
