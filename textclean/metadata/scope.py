"""Which lines metadata may take, which it reads past, and how it takes one.

Metadata runs last and reads lines that other filters have already decided. The
two rules for those lines live here, one function each, so that a change of
policy is a change of one function:

- `claimable`: metadata may take an article line, an undecided one, or a line a
  scorer guessed was boilerplate (evidence "score", below `STRUCTURE`); not a
  line a rule removed (a widget, a donation box, comment chrome);
- `set_aside`: a line that is chrome by its own text (evidence "line": a share
  bar, a "Donate" box) between the headline and the body is read past, as if it
  were not there.

Both read what a verdict rests on (`Decision.evidence`) and how sure it is, never
which filter wrote it, so a replaced or added filter is read the same way.

>>> page = Page("Share this\\nBig News Today")
>>> _ = page.decide(0, Label.BOILERPLATE, "mine", "a share button", 0.9, None, Evidence.LINE)
>>> claimable(page, 0), claimable(page, 1), set_aside(page.standing(0))
(False, True, True)
"""

from __future__ import annotations

from ..confidence import STRUCTURE
from ..models import TimeStamp
from ..page import Decision, Evidence, Label, MetaClaim, Page

# How sure metadata is of the lines it decides: titles, bylines, dates, decks, captions.
CONFIDENCE = STRUCTURE


def claimable(page: Page, i: int) -> bool:
    """Metadata may take article lines and a scorer's boilerplate guesses, not the
    lines a rule removed."""
    d = page.standing(i)
    return (
        d is None
        or d.label is Label.ARTICLE
        or (
            d.label is Label.BOILERPLATE
            and d.evidence is Evidence.SCORE
            and d.confidence < STRUCTURE
        )
    )


def set_aside(decision: Decision | None) -> bool:
    """A line that is chrome by its own text: read past, not counted as text."""
    return decision is not None and decision.evidence is Evidence.LINE


def lines_above(page: Page, nonblank: list[int], first: int, n: int) -> list[int]:
    """Up to n lines above the body, not counting widget lines (share bars push the
    byline away from the text), in page order.

    >>> page = Page("Big News Today\\nShare\\nThe body starts here.")
    >>> _ = page.decide(1, Label.BOILERPLATE, "widgets", "a share button", 0.9, None, Evidence.LINE)
    >>> lines_above(page, page.nonblank(), 2, 1)
    [0]
    """
    out: list[int] = []
    for k in range(first - 1, max(-1, first - 4 * n), -1):
        i = nonblank[k]
        if set_aside(page.standing(i)):
            continue
        out.append(i)
        if len(out) >= n:
            break
    return out[::-1]


def claim(
    page: Page,
    role: Label,
    i: int,
    span: tuple[int, int],
    value: str,
    reason: str,
    by: str,
    stamp: TimeStamp | None = None,
) -> None:
    """Decide line i as `role` for filter `by` and, where that decision stands, record
    the value found at `span` (offsets in the line) as the page's metadata."""
    line = page.lines[i]
    if page.decide(i, role, by, reason, CONFIDENCE) is page.standing(i):
        a, b = span
        page.meta.append(
            MetaClaim(role.value, i, line.start + a, line.start + b, value, by, reason, stamp)
        )
