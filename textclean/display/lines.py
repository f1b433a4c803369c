"""The input's lines as a Document's segments cut them: what every view shows.

A line is one or more pieces, each a slice of one segment (a comment header
line can hold the author, the time and a removed "says:"). A line's *lead*
piece names the line: the longest piece that went into the record, else the
longest piece.

>>> from textclean import clean
>>> text = "Menu\\nThe council met on Tuesday and agreed the budget for next year.\\n"
>>> [(ln.number, ln.segment(clean(text)).role) for ln in view_lines(clean(text), text)]
[(1, 'removed'), (2, 'article.body')]
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Document, Segment
from ..segment import split_lines


class SourceMissing(ValueError):
    """The Document does not know its input (read back from JSON): pass the text.

    >>> try:
    ...     source_of(Document(length=3, style="lines"))
    ... except SourceMissing as err:
    ...     print(str(err)[-30:])
    pass it: doc.with_source(text)
    """


@dataclass
class Piece:
    """The part [start, end) of one line that lies in segment number `segment`.

    >>> Piece(0, 4, 2).segment
    2
    """

    start: int
    end: int
    segment: int


@dataclass
class ViewLine:
    """One input line (1-based `number`), its range with the line end, its text
    without it, and its pieces.

    >>> ViewLine(1, 0, 3, "abc", [Piece(0, 3, 0)]).blank
    False
    """

    number: int
    start: int
    end: int
    text: str
    pieces: list[Piece] = field(default_factory=list)
    lead: int = 0

    @property
    def blank(self) -> bool:
        """True for a line with nothing but whitespace."""
        return not self.text.strip()

    def segment(self, doc: Document) -> Segment:
        """The segment of the lead piece."""
        return doc.segments[self.pieces[self.lead].segment]


def source_of(doc: Document, text: str | bytes | None = None) -> str:
    """The decoded input of `doc`: `text` if given, else the one `clean()` kept.

    >>> source_of(Document(length=3, style="lines"), "abc")
    'abc'
    """
    if text is not None:
        doc = doc.model_copy().with_source(text)
    source = doc.source
    if source is None:
        raise SourceMissing(
            "this Document does not know its input (length "
            f"{doc.length}); pass it: doc.with_source(text)"
        )
    return source


def view_lines(doc: Document, text: str | bytes | None = None) -> list[ViewLine]:
    """Every line of the input (its ends as the pipeline reads them: \\n, \\r\\n or \\r),
    cut into pieces by the segments."""
    source = source_of(doc, text)
    segments = doc.segments
    lines: list[ViewLine] = []
    seg_i = 0
    for raw in split_lines(source):
        line = ViewLine(raw.index + 1, raw.start, raw.stop, raw.text)
        # Segments tile the input, so walking them alongside the lines is linear.
        while seg_i < len(segments) and segments[seg_i].end <= raw.start:
            seg_i += 1
        j = seg_i
        while j < len(segments) and segments[j].start < raw.stop:
            s = segments[j]
            line.pieces.append(Piece(max(s.start, raw.start), min(s.end, raw.stop), j))
            if s.end > raw.stop:
                break
            j += 1
        _choose_lead(line, segments, source)
        lines.append(line)
    return lines


def _choose_lead(line: ViewLine, segments: list[Segment], source: str) -> None:
    best = None
    for i, p in enumerate(line.pieces):
        weight = len(source[p.start : p.end].strip())
        kept = segments[p.segment].role != "removed"
        key = (kept, weight)
        if best is None or key > best[0]:
            best = (key, i)
    line.lead = best[1] if best else 0
