"""`textclean explain` in a terminal: every line coloured by its label, with a legend.

Written through rich, which knows the terminal: colour on a terminal, plain
text when piped (or with ``NO_COLOR``), lines never wrapped or cut by the
console width so `grep` and `head` see one row per input line.

>>> from io import StringIO
>>> from textclean import explain
>>> rows = explain("Donate now\\nThe council met on Tuesday and agreed the budget, it said.\\n")
>>> out = StringIO()
>>> print_explanation(rows, out, colour=False)
>>> print(out.getvalue().splitlines()[0][:45])
    1 boilerplate      donation  'Donate now'
>>> "\\x1b[" in out.getvalue()
False
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from rich.console import Console
from rich.text import Text

from ..explain import LineExplanation
from .palette import KINDS, ORDER, kind_of

ONLY = ("removed", "article", "comments")
"""The groups `--only` selects: removed lines, the article's lines, the comments' lines."""

_ROLE_OF_LABEL = {
    "title": "article.title",
    "subtitle": "article.subtitle",
    "byline": "article.byline",
    "date": "article.date",
    "article": "article.body",
    "caption": "article.caption",
    "comments.header": "comments.header",
    "comment": "comment.text",
    "blank": "whitespace",
}


def kind_of_row(row: LineExplanation) -> str:
    """The palette kind of an explained line.

    >>> from textclean.explain import LineExplanation as L
    >>> kind_of_row(L(line=1, start=0, end=4, text="0 $", label="boilerplate",
    ...               filter="donation", reason="r", category="donation"))
    'removed:donation'
    """
    role = _ROLE_OF_LABEL.get(row.label, "removed")
    return kind_of(role, row.category)


def group_of(row: LineExplanation) -> str:
    """Which `--only` group a line is in ('blank' for blank lines, in none).

    >>> from textclean.explain import LineExplanation as L
    >>> group_of(L(line=1, start=0, end=5, text="Hi.", label="title", filter="m", reason="r"))
    'article'
    """
    if row.label == "blank":
        return "blank"
    if row.label in ("comment", "comments.header") or row.comment is not None:
        return "comments"
    if row.label in _ROLE_OF_LABEL:
        return "article"
    return "removed"


def select(
    rows: Iterable[LineExplanation], *, only: str | None = None, filter: str | None = None
) -> list[LineExplanation]:
    """The rows in group `only` and decided (or overruled) by the filter named `filter`.

    >>> from textclean import explain
    >>> rows = explain("Donate now\\nThe council met on Tuesday and agreed the budget.\\n")
    >>> [r.line for r in select(rows, filter="donation")]
    [1]
    >>> [r.line for r in select(rows, only="article")]
    [2]
    """
    if only is not None and only not in ONLY:
        raise ValueError(f"--only takes one of {', '.join(ONLY)}, not {only!r}")
    out = []
    for row in rows:
        if only is not None and group_of(row) != only:
            continue
        if (
            filter is not None
            and row.filter != filter
            and not any(o.filter == filter for o in row.overruled)
        ):
            continue
        out.append(row)
    return out


def format_row(row: LineExplanation, *, filter: str | None = None) -> str:
    """One explained line as the columns `explain` prints (the text cut to 70 characters).

    >>> from textclean import explain
    >>> format_row(explain("Share this\\n")[0]).split()[:4]
    ['1', 'boilerplate', 'widgets', "'Share"]
    """
    label = row.label if row.comment is None else f"comment#{row.comment}"
    text = row.text if len(row.text) <= 70 else row.text[:67] + "..."
    line = f"{row.line:>5} {label:<16} {row.filter:<9} {text!r:<74} {row.reason}"
    if filter is not None and row.filter != filter:
        for o in row.overruled:
            if o.filter == filter:
                line += f" (overruled: {o.filter} said {o.label}, {o.reason})"
    return line.rstrip()


def legend(rows: Iterable[LineExplanation]) -> Text:
    """One line naming the colour of every kind that occurs in `rows`.

    >>> from textclean import explain
    >>> legend(explain("Share this\\n")).plain
    'colours: removed: widget  '
    """
    seen = {kind_of_row(r) for r in rows}
    out = Text("colours: ")
    for key in ORDER:
        if key in seen and key != "whitespace":
            out.append(KINDS[key].name, style=KINDS[key].style)
            out.append("  ")
    return out


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # rich would exit with status 1; the caller decides (a reader that left is no error).
        raise BrokenPipeError


def print_explanation(
    rows: Iterable[LineExplanation],
    file: IO[str] | None = None,
    *,
    colour: bool | None = None,
    filter: str | None = None,
) -> None:
    """Print `rows` one per line to `file` (stdout); `colour` None lets rich decide
    from the terminal (and ``NO_COLOR``), True forces it, False turns it off.
    A legend comes first when there is colour. Raises BrokenPipeError when the
    reader goes away (`| head`)."""
    rows = list(rows)
    console = _Console(
        file=file,
        force_terminal=True if colour else None,
        no_color=True if colour is False else None,
        color_system="auto" if colour is not False else None,
        highlight=False,
        soft_wrap=True,
        emoji=False,
        markup=False,
    )
    coloured = console.color_system is not None
    if coloured:
        console.print(legend(rows))
    for row in rows:
        style = KINDS[kind_of_row(row)].style if coloured else ""
        console.print(Text(format_row(row, filter=filter), style=style))
