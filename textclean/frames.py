"""Documents as flat records: one row per document, per comment or per input line.

Plain dicts of str, int, float, bool, datetime and None, so they go straight
into pandas (`to_frame`, the ``pandas`` extra), Arrow or `datasets.map`.

>>> import textclean
>>> doc = textclean.clean(
...     "Menu\\n\\nThe council met on Tuesday and agreed the budget for next year.\\n")
>>> to_records([doc])[0]["text"]
'The council met on Tuesday and agreed the budget for next year.'
>>> [(r["line"], r["role"], r["filter"]) for r in to_records([doc], level="line")]
[(1, 'removed', 'widgets'), (3, 'article.body', 'content')]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

from .display.lines import view_lines
from .models import Document

if TYPE_CHECKING:
    import pandas

Level = Literal["document", "comment", "line"]
LEVELS: tuple[str, ...] = ("document", "comment", "line")


def document_record(doc: Document, index: int = 0) -> dict[str, Any]:
    """One row for a whole page: the article's fields, counts and the removed share.

    >>> from textclean import Document
    >>> document_record(Document(length=10, style="lines"))["removed_share"]
    0.0
    """
    art = doc.article
    removed = sum(s.end - s.start for s in doc.segments if s.role == "removed")
    return {
        "doc": index,
        "title": art.title if art else None,
        "subtitle": art.subtitle if art else None,
        "byline": art.byline if art else None,
        "published": art.published.raw if art and art.published else None,
        "published_at": art.published.parsed if art and art.published else None,
        "text": art.text if art else None,
        "paragraph_count": len(art.paragraphs) if art else 0,
        "caption_count": len(art.captions) if art else 0,
        "comment_count": len(doc.comments),
        "declared_comment_count": doc.declared_comment_count,
        "language": doc.language,
        "style": doc.style,
        "length": doc.length,
        "removed_spans": len(doc.removed),
        "removed_share": removed / doc.length if doc.length else 0.0,
    }


def comment_records(doc: Document, index: int = 0) -> list[dict[str, Any]]:
    """One row per comment: author, time, votes, thread position and text.

    >>> from textclean import Comment, Document
    >>> doc = Document(length=9, style="lines", comments=[
    ...     Comment(index=0, author="Jo", paragraphs=["Agreed."], start=0, end=9)])
    >>> comment_records(doc)[0]["author"], comment_records(doc)[0]["depth"]
    ('Jo', 0)
    """
    return [
        {
            "doc": index,
            "comment": c.index,
            "author": c.author,
            "posted": c.posted.raw if c.posted else None,
            "posted_at": c.posted.parsed if c.posted else None,
            "relative": c.posted.relative if c.posted else None,
            "votes": c.votes,
            "likes": c.likes,
            "parent": c.parent,
            "depth": c.depth,
            "text": c.text,
            "start": c.start,
            "end": c.end,
        }
        for c in doc.comments
    ]


def line_records(doc: Document, index: int = 0) -> list[dict[str, Any]]:
    """One row per non-blank input line: its text, role, filter, reason and category
    (those of the line's lead piece, see `textclean.display.lines`). Needs the input:
    a Document from `clean()` keeps it; one read from JSON needs `with_source(text)`.

    >>> import textclean
    >>> [(r["line"], r["role"]) for r in line_records(textclean.clean("Share this\\n\\n"))]
    [(1, 'removed')]
    """
    rows = []
    for line in view_lines(doc):
        if line.blank or not line.pieces:
            continue
        s = line.segment(doc)
        rows.append(
            {
                "doc": index,
                "line": line.number,
                "start": line.start,
                "end": line.end,
                "text": line.text,
                "role": s.role,
                "filter": s.filter,
                "reason": s.reason,
                "category": s.category,
                "comment": s.comment,
            }
        )
    return rows


def to_records(
    docs: Document | Iterable[Document], level: Level | str = "document"
) -> list[dict[str, Any]]:
    """Rows for `docs` at `level`: "document", "comment" or "line"; `doc` in each row
    is the document's position in `docs`.

    >>> to_records([], level="sentence")
    Traceback (most recent call last):
    ...
    ValueError: level must be one of document, comment, line, not 'sentence'
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    if isinstance(docs, Document):
        docs = [docs]
    rows: list[dict[str, Any]] = []
    for i, doc in enumerate(docs):
        if level == "document":
            rows.append(document_record(doc, i))
        elif level == "comment":
            rows.extend(comment_records(doc, i))
        else:
            rows.extend(line_records(doc, i))
    return rows


_COLUMNS = {
    "document": list(document_record(Document(length=0, style="lines"))),
    "comment": [
        *("doc", "comment", "author", "posted", "posted_at", "relative", "votes"),
        *("likes", "parent", "depth", "text", "start", "end"),
    ],
    "line": [
        "doc",
        "line",
        "start",
        "end",
        "text",
        "role",
        "filter",
        "reason",
        "category",
        "comment",
    ],
}


def to_frame(
    docs: Document | Iterable[Document], level: Level | str = "document"
) -> pandas.DataFrame:
    """`to_records` as a pandas DataFrame (``pip install 'textclean[pandas]'``); the
    columns are there even when there are no rows.

    >>> import textclean
    >>> text = "Menu\\n\\nThe council met on Tuesday and agreed the budget for next year.\\n"
    >>> frame = to_frame([textclean.clean(text)])
    >>> int(frame.loc[0, "paragraph_count"]), list(frame.columns[:3])
    (1, ['doc', 'title', 'subtitle'])
    """
    try:
        import pandas as pd
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError("to_frame needs pandas: pip install 'textclean[pandas]'") from err
    rows = to_records(docs, level)
    return pd.DataFrame(rows, columns=_COLUMNS[level])
