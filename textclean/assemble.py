"""Labelled lines -> Document: the article, the comments, and the partition of
the input into segments, each with the filter and reason that placed it.

Resolution is simple on purpose: a line's label is its standing (most
confident) decision; a line nobody decided is removed as "undecided". Blank
lines and line ends belong to the segment before them, so segments tile the
input with no gaps.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import (
    Article,
    Comment,
    Document,
    RemovedSpan,
    Segment,
    trusted_removed,
    trusted_segment,
)
from .normalize import clean_text
from .page import CommentDraft, CommentPart, Decision, Label, MetaClaim, Page
from .segment import Line

_ROLE = {
    Label.TITLE: "article.title",
    Label.SUBTITLE: "article.subtitle",
    Label.BYLINE: "article.byline",
    Label.DATE: "article.date",
    Label.ARTICLE: "article.body",
    Label.CAPTION: "article.caption",
}


@dataclass(slots=True)
class _Seg:
    start: int
    end: int
    role: str
    filter: str
    reason: str
    category: str | None = None
    comment: int | None = None


def _line_pieces(
    start: int,
    end: int,
    claims: list[tuple[int, int, str, str, str, str | None]],
    gap_role: str,
    gap_filter: str,
    gap_reason: str,
    gap_category: str | None,
    comment: int | None = None,
) -> list[_Seg]:
    """Tile [start, end) with the claims; text between claims becomes gap segments,
    whitespace between them joins the claim before it."""
    out: list[_Seg] = []
    pos = start
    for c_start, c_end, role, flt, reason, category in sorted(claims):
        c_start, c_end = max(c_start, pos), min(c_end, end)
        if c_end <= c_start:
            continue
        if c_start > pos:
            out.append(_Seg(pos, c_start, gap_role, gap_filter, gap_reason, gap_category, comment))
        out.append(_Seg(c_start, c_end, role, flt, reason, category, comment))
        pos = c_end
    if pos < end:
        out.append(_Seg(pos, end, gap_role, gap_filter, gap_reason, gap_category, comment))
    return out


class _Segments:
    """The Document's segments and removed spans, made from final `_Seg`s in order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.segments: list[Segment] = []
        self.removed: list[RemovedSpan] = []
        # one object per distinct removed text: a page repeats its menus and buttons
        self._texts: dict[str, str] = {}

    def emit(self, s: _Seg) -> None:
        self.segments.append(
            trusted_segment(s.start, s.end, s.role, s.filter, s.reason, s.category, s.comment)
        )
        if s.role == "removed":
            span = self.text[s.start : s.end]
            self.removed.append(
                trusted_removed(
                    s.start,
                    s.end,
                    self._texts.setdefault(span, span),
                    s.filter,
                    s.category or "boilerplate",
                    s.reason,
                )
            )


def _comment_line(line: Line, parts: list[CommentPart], comment: int) -> list[_Seg]:
    """A line of a parsed comment: its fields (author, time, votes, text) and the rest
    as the comment's chrome."""
    claims = [
        (
            p.start,
            p.end,
            f"comment.{p.role}" if p.role != "chrome" else "removed",
            "comments",
            p.reason or f"comment {p.role}",
            "comment-chrome" if p.role == "chrome" else None,
        )
        for p in parts
    ]
    return _line_pieces(
        line.start,
        line.end,
        claims,
        "removed",
        "comments",
        "comment line outside its fields",
        "comment-chrome",
        comment,
    )


def _meta_line(line: Line, claims_here: list[MetaClaim]) -> list[_Seg]:
    """A line metadata claimed part of: the values, and the label around them."""
    claims: list[tuple[int, int, str, str, str, str | None]] = [
        (c.start, c.end, _ROLE[Label(c.role)], c.filter, c.reason, None) for c in claims_here
    ]
    first = claims_here[0]
    return _line_pieces(
        line.start,
        line.end,
        claims,
        "removed",
        first.filter,
        f"label around the {first.role}",
        f"{first.role}-label",
    )


def _decided_line(line: Line, decision: Decision | None) -> _Seg:
    """A whole line as its standing decision says (removed when none claimed it)."""
    if decision is None:
        return _Seg(
            line.start, line.end, "removed", "resolve", "no filter claimed this line", "undecided"
        )
    if decision.label in (Label.BOILERPLATE, Label.COMMENT, Label.COMMENT_HEADER):
        # A comment header ("12 Comments") is kept as the declared count, and its
        # text is reported as removed; COMMENT lines outside any parsed comment are chrome.
        category = decision.category or {
            Label.COMMENT: "comment-chrome",
            Label.COMMENT_HEADER: "comment-header",
        }.get(decision.label, "boilerplate")
        return _Seg(line.start, line.end, "removed", decision.filter, decision.reason, category)
    role = _ROLE[decision.label]
    return _Seg(line.start, line.end, role, decision.filter, decision.reason, decision.category)


def assemble(page: Page) -> Document:
    """The Document of a judged page; uses up the page's lines and standing
    decisions (a page is assembled once, as `Pipeline.run` does)."""
    text = page.text
    # Segments are turned into models as soon as they are final (when the next
    # one starts): a big page never holds a second, intermediate copy of them.
    out = _Segments(text)
    last: _Seg | None = None
    comment_of_line: dict[int, int] = {}
    for ci, draft in enumerate(page.comments):
        for li in draft.lines:
            comment_of_line[li] = ci
    meta_by_line: dict[int, list[MetaClaim]] = {}
    for claim in page.meta:
        if claim.line is not None:  # values read off removed lines cut no line
            meta_by_line.setdefault(claim.line, []).append(claim)
    parts_by_line = _comment_parts_by_line(page)
    # The article and the comments first: then the page's stats, which only the
    # article's paragraphs read, are dropped before the segments are built.
    body_lines, caption_lines = _article_lines(page, comment_of_line, meta_by_line)
    article = _article(page, body_lines, caption_lines)
    comments = _comments(page)
    page.drop_stats()
    # The segments are the lines' and the decisions' last readers: each line and
    # its decision are let go of once its segments are made, so a big page's lines,
    # decisions and Document do not coexist.
    pending = page.release_lines()
    pending.reverse()
    for i in range(len(pending)):
        line = pending.pop()
        if line.blank:
            if last is not None:
                last.end = line.stop
            elif line.stop > line.start:
                last = _Seg(
                    line.start,
                    line.stop,
                    "removed",
                    "segment",
                    "blank lines before any content",
                    "whitespace",
                )
            continue
        if i in comment_of_line:
            pieces = _comment_line(line, parts_by_line.get(i, []), comment_of_line[i])
        elif i in meta_by_line:
            pieces = _meta_line(line, meta_by_line[i])
        else:
            pieces = [_decided_line(line, page.take_standing(i))]
        pieces[-1].end = line.stop
        if last is not None:
            out.emit(last)
        for piece in pieces[:-1]:
            out.emit(piece)
        last = pieces[-1]
    if last is not None:
        out.emit(last)
    segments, removed = out.segments, out.removed
    del out  # and its index of removed texts
    doc = Document(
        length=len(text),
        language=page.language,
        style=page.style,
        article=article,
        comments=comments,
        declared_comment_count=page.declared_comment_count,
        removed=[],
        segments=[],
        notes=page.notes,
    )
    # The two long lists as they are: their models were built from trusted values
    # (`models.trusted_segment`), and validating them would copy each list beside
    # itself at the page's peak. Assignment does not validate (the same dict entry
    # and field set as passing them).
    doc.removed = removed
    doc.segments = segments
    return doc


def _article_lines(
    page: Page, comment_of_line: dict[int, int], meta_by_line: dict[int, list[MetaClaim]]
) -> tuple[list[int], list[int]]:
    """The body and caption lines: lines labelled so that no comment or metadata
    value cuts them (the segments' last branch in `assemble`)."""
    body: list[int] = []
    captions: list[int] = []
    for i, line in enumerate(page.lines):
        decision = page.standing(i)
        if (
            decision is None
            or line.blank
            or i in comment_of_line
            or i in meta_by_line
        ):
            continue
        if decision.label is Label.ARTICLE:
            body.append(i)
        elif decision.label is Label.CAPTION:
            captions.append(i)
    return body, captions


def _comment_parts_by_line(page: Page) -> dict[int, list]:
    by_line: dict[int, list] = {}
    for draft in page.comments:
        for part in draft.parts:
            by_line.setdefault(page.line_at(part.start), []).append(part)
    return by_line


def _paragraphs(page: Page, lines: list[int]) -> list[str]:
    """Each line a paragraph, except hard-wrapped lines, which join the one before."""
    out: list[str] = []
    prev = -2
    for i in lines:
        line = page.lines[i]
        text = clean_text(page.text[line.start : line.end])  # a joined line keeps its breaks
        if not text:
            continue
        if (
            out
            and i == prev + 1
            and page.style == "blocks"
            and not page.stats[prev].ends_sentence
            and text[:1].islower()
        ):
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
        prev = i
    return out


def _article(page: Page, body: list[int], captions: list[int]) -> Article | None:
    if not body:
        return None
    meta = {c.role: c for c in page.meta}
    title = meta.get(Label.TITLE.value)
    subtitle = meta.get(Label.SUBTITLE.value)
    byline = meta.get(Label.BYLINE.value)
    date = meta.get(Label.DATE.value)
    return Article(
        title=clean_text(title.value) if title else None,
        subtitle=clean_text(subtitle.value) if subtitle else None,
        byline=clean_text(byline.value) if byline else None,
        published=date.stamp if date else None,
        paragraphs=_paragraphs(page, body),
        captions=[t for t in (clean_text(page.lines[i].text) for i in captions) if t],
        language=page.language,
        start=page.lines[body[0]].start,
        end=page.lines[body[-1]].end,
    )


def _comments(page: Page) -> list[Comment]:
    out: list[Comment] = []
    for ci, draft in enumerate(page.comments):
        out.append(_comment(page, ci, draft))
    return out


_HEADER_ROLES = ("author", "posted")


def _comment(page: Page, index: int, draft: CommentDraft) -> Comment:
    text = page.text
    paragraphs = [
        t for t in (clean_text(text[p.start : p.end]) for p in draft.parts if p.role == "text") if t
    ]
    first = page.lines[draft.lines[0]]
    last = page.lines[draft.lines[-1]]
    # the lines that hold the author or the time, as printed: what a reader sees
    heads = sorted({page.line_at(p.start) for p in draft.parts if p.role in _HEADER_ROLES})
    header = "\n".join(t for t in (clean_text(page.lines[i].text) for i in heads) if t)
    texts = [page.line_at(p.start) for p in draft.parts if p.role == "text"]
    return Comment(
        index=index,
        author=clean_text(draft.author) if draft.author else None,
        posted=draft.posted,
        header=header or None,
        signed=bool(heads and texts and heads[0] > max(texts)),
        paragraphs=paragraphs,
        votes=draft.votes,
        likes=draft.likes,
        parent=draft.parent,
        depth=draft.depth,
        start=first.start,
        end=last.end,
    )
