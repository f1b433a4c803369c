"""Why each line went where it went: the decision log, line by line.

>>> from textclean import explain
>>> rows = explain("Share on Facebook\\nA long enough sentence of article prose, it says here.\\n")
>>> rows[0].label, rows[0].filter
('boilerplate', 'widgets')
"""

from __future__ import annotations

from pydantic import BaseModel

from .page import Decision, Page
from .pipeline import Pipeline


class Overruled(BaseModel):
    """A decision about a line that a more confident one overruled.

    >>> Overruled(label="article", filter="content", reason="prose", confidence=0.4).filter
    'content'
    """

    label: str
    filter: str
    reason: str
    confidence: float


class LineExplanation(BaseModel):
    """One input line: its final label, who decided it and why, and what was overruled.

    >>> row = explain("Share this\\n")[0]
    >>> row.line, row.label, row.category
    (1, 'boilerplate', 'widget:share')
    """

    line: int
    start: int
    end: int
    text: str
    label: str
    filter: str
    reason: str
    category: str | None = None
    confidence: float | None = None
    comment: int | None = None
    overruled: list[Overruled] = []


def explain_page(page: Page) -> list[LineExplanation]:
    """Every line of a judged `page` (see `Pipeline.judge`) with its decisions.

    >>> from textclean import default_pipeline
    >>> [r.label for r in explain_page(default_pipeline().judge("Share this\\n\\n"))]
    ['boilerplate', 'blank']
    """
    by_line: dict[int, list[Decision]] = {}
    for d in page.decisions:
        by_line.setdefault(d.line, []).append(d)
    comment_of: dict[int, int] = {}
    parts_of: dict[int, list[str]] = {}
    for ci, c in enumerate(page.comments):
        for li in c.lines:
            comment_of[li] = ci
        for part in c.parts:
            if part.role in ("author", "posted", "votes"):
                parts_of.setdefault(page.line_at(part.start), []).append(
                    f"{part.role} {page.text[part.start : part.end]!r}"
                )
    section = page.comment_section
    # candidates a filter refused (a run of comment headers that was a list of
    # posts, say): noted on the run's first line, with the line it ran to
    refusals: dict[int, list[str]] = {}
    for r in page.refused:
        last = page.lines[r.last]
        refusals.setdefault(r.first, []).append(
            f"{r.filter} refused the run to line {(last.row if last.row >= 0 else r.last) + 1}: "
            f"{r.reason}"
        )
    rows = []
    for i, line in enumerate(page.lines):
        standing = page.standing(i)
        if line.blank:
            label, flt, reason = "blank", "segment", "blank line"
        elif standing is None:
            label, flt, reason = "removed", "resolve", "no filter claimed this line"
        else:
            label, flt, reason = standing.label.value, standing.filter, standing.reason
        if i in parts_of:
            reason += " [" + ", ".join(parts_of[i]) + "]"
        if section and i == section[0]:
            reason += " [comment section starts]"
        if section and i == section[1] - 1:
            reason += " [comment section ends]"
        for note in refusals.get(i, ()):
            reason += f" [{note}]"
        rows.append(
            LineExplanation(
                line=(line.row if line.row >= 0 else i) + 1,
                start=line.start,
                end=line.stop,
                text=line.text,
                label=label,
                filter=flt,
                reason=reason,
                category=standing.category if standing else None,
                confidence=standing.confidence if standing else None,
                comment=comment_of.get(i),
                overruled=[
                    Overruled(
                        label=d.label.value,
                        filter=d.filter,
                        reason=d.reason,
                        confidence=d.confidence,
                    )
                    for d in by_line.get(i, [])
                    if d is not standing
                ],
            )
        )
    return rows


def explain(text: str | bytes, *, pipeline: Pipeline | None = None) -> list[LineExplanation]:
    """Run the pipeline and describe every input line's fate (one row per line,
    blank lines too).

    >>> rows = explain("Donate now\\nThe council met and agreed the budget for next year.\\n")
    >>> [(r.line, r.label, r.filter) for r in rows]
    [(1, 'boilerplate', 'donation'), (2, 'article', 'content')]
    """
    if pipeline is None:
        # imported here: `import textclean` loads this module, not the filters
        from .filters import default_pipeline

        pipeline = default_pipeline()
    return explain_page(pipeline.judge(text))
