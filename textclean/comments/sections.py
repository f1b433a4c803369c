"""Step 2: header groups and the candidate runs of them.

Adjacent header lines form one `Group` ("Jane Doe" + "3 hours ago"); a time-only
group may take its author from the line above or below. Groups close to each other
form a run, a candidate section; `candidate_runs` lists them best first (the longest, ties
to the later one), and `shed_article_head` drops a leading header that is the
article's own dateline or byline.

>>> from textclean.filters.comments import CommentOptions
>>> from textclean.page import Page
>>> from textclean.comments.kinds import classify
>>> page = Page("2 Comments\\nJane Doe says:\\nGreat read.\\nBob says:\\nMe too.\\n")
>>> found = classify(page, CommentOptions())
>>> groups = header_groups(page, found.kinds, found.heads, CommentOptions())
>>> [g.lines for g in groups]
[[1], [3]]
>>> [[g.lines for g in run] for run in candidate_runs(page, found.kinds, groups, CommentOptions())]
[[[1], [3]]]
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..page import Page
from .fields import _CLOCK_ONLY
from .kinds import BLANK, CHROME, FORM, HEAD, MARKER, STOP, TEXT, Kinds
from .markers import _replies_label, _soft_stop, _stop_in_comment
from .nearby import (
    _headline,
    _name_line,
    _name_span,
    _next_content,
    _prev_nonblank,
    _prose,
    person_like,
    scored_words,
)
from .shapes import Header

if TYPE_CHECKING:
    from ..filters.comments import CommentOptions


@dataclass
class Group:
    """Adjacent header lines that introduce (or close) one comment."""

    lines: list[int] = field(default_factory=list)
    heads: dict[int, Header] = field(default_factory=dict)
    name_line: int | None = None  # an author-only line that joined the group

    @property
    def first(self) -> int:
        return min(self.lines)

    @property
    def last(self) -> int:
        return max(self.lines)

    def has_name(self) -> bool:
        return self.name_line is not None or any(h.name for h in self.heads.values())

    def has_time(self) -> bool:
        return any(h.time for h in self.heads.values())


def header_groups(
    page: Page, kinds: Kinds, heads: dict[int, Header], options: CommentOptions
) -> list[Group]:
    """Header lines joined into groups (chrome may stand between them); a group with
    no time and no "says"/note/points/"by" shape is dropped: bare names are never
    headers here."""
    groups: list[Group] = []
    current: Group | None = None
    for i, kind in enumerate(kinds):
        if kind == BLANK:
            continue
        if kind == HEAD:
            head = heads[i]
            # A second name or a second time starts a new group.
            if current is not None and (
                (
                    head.name
                    and current.has_name()
                    and not (current.has_time() is False and head.time)
                )
                or (head.time and current.has_time() and not _completes(current, head))
                or head.kind == "note"
            ):
                current = None
            if current is None:
                current = Group()
                groups.append(current)
            current.lines.append(i)
            current.heads[i] = head
            continue
        if kind == CHROME and current is not None:
            continue
        current = None
    # A group must carry a time or a "says"/note shape: bare names are never headers.
    groups = [
        g
        for g in groups
        if g.has_time()
        or any(h.kind in ("says", "note", "points", "by") for h in g.heads.values())
    ]
    for g in groups:
        if not g.has_name():
            g.name_line = _author_line(page, kinds, g, options.max_author_words)
    return groups


def authors_below(page: Page, kinds: Kinds, run: list[Group], max_author_words: int) -> None:
    """Time-only headers of a run that print their author on the line below ("3 hours
    ago" / "Mita B." / the text), where the scorer did not vouch for the name: when two
    or more of them, and most of the run's nameless ones, read so with a name that
    reads as a person, that is the widget's shape, and the name joins its header."""
    nameless = [g for g in run if not g.has_name()]
    if len(nameless) < 2 or _signed_above(page, kinds, run[0], max_author_words):
        return
    below: dict[int, int] = {}
    for k, g in enumerate(nameless):
        nxt = _next_content(kinds, g.last)
        after = _next_content(kinds, nxt) if nxt is not None else None
        if (
            nxt is not None
            and after is not None
            and kinds[nxt] == TEXT
            and kinds[after] == TEXT
            and _name_line(page, nxt, max_author_words)
            and person_like(page, nxt)
            and not _headline(page, nxt)
            and _name_span(page, after, max_author_words) is None
            and _prose(page, [after])
        ):
            below[k] = nxt
    if len(below) >= 2 and len(below) >= BELOW_SHARE * len(nameless):
        for k, line in below.items():
            nameless[k].name_line = line


def _signed_above(page: Page, kinds: Kinds, g: Group, max_author_words: int) -> bool:
    """A name, then prose, right above the run's first header: the widget prints "Name" /
    the text / the time, and the name under a time is the next comment's."""
    prev = _prev_nonblank(page, g.first)
    if prev is None or kinds[prev] != TEXT or not _prose(page, [prev]):
        return False
    name = _prev_nonblank(page, prev)
    return (
        name is not None
        and kinds[name] == TEXT
        and _name_line(page, name, max_author_words)
        and person_like(page, name)
    )


BELOW_SHARE = 2 / 3
"""The share of a run's nameless headers that must print a name below them."""


def _author_line(page: Page, kinds: Kinds, g: Group, max_author_words: int) -> int | None:
    """A time-only header's author on the line above ("Jane Doe" / "3 hours ago") or
    below it ("3 hours ago" / "Mita B." / the text), where the scorer reads that line
    as part of a comment."""
    prev = _prev_nonblank(page, g.first)
    if prev is not None and kinds[prev] == TEXT and _name_line(page, prev, max_author_words):
        return prev
    nxt = _next_content(kinds, g.last)
    after = _next_content(kinds, nxt) if nxt is not None else None
    scores = page.comment_scores
    if (
        nxt is not None
        and after is not None
        and kinds[nxt] == TEXT
        and kinds[after] == TEXT
        and scores is not None
        and scores[nxt] >= 0.5
        and _name_span(page, nxt, max_author_words) is not None
        and _name_span(page, after, max_author_words) is None
        and _prose(page, [after])
    ):
        return nxt
    return None


def _completes(group: Group, head: Header) -> bool:
    """A bare clock time under a date without one ("August 9th, 2012" / "2:13 pm")."""
    if (
        head.name
        or head.time is None
        or not _CLOCK_ONLY.fullmatch(head.time.stamp.raw)
    ):
        return False
    return all(":" not in h.time.stamp.raw for h in group.heads.values() if h.time)


def candidate_runs(
    page: Page, kinds: Kinds, groups: list[Group], options: CommentOptions
) -> list[list[Group]]:
    """Groups close enough together to be one section, best candidate first."""
    runs: list[list[Group]] = [[groups[0]]]
    scores = page.comment_scores
    for prev, g in itertools.pairwise(groups):
        between = range(prev.last + 1, g.first)
        text_lines = [i for i in between if kinds[i] == TEXT]
        chars = sum(page.stats[i].chars for i in text_lines)
        # Headers with nothing between them are a list of dates (archives), not comments.
        hard_stop = any(
            kinds[i] in (STOP, FORM, MARKER)
            and not _soft_stop(page, kinds, i)
            and not _replies_label(page, kinds, i)
            and not _stop_in_comment(page, kinds, i)
            for i in between
        )
        too_long = len(text_lines) > options.max_gap_lines or chars > options.max_gap_chars
        if too_long and scores is not None:
            # one long comment (a pasted list) where the scorer reads every line as one
            too_long = sum(scores[i] for i in text_lines) / len(text_lines) < 0.8
        if too_long or hard_stop:
            runs.append([g])
        else:
            runs[-1].append(g)
    # The longest run is the section; ties go to the later one (comments come last).
    order = sorted(range(len(runs)), key=lambda k: (len(runs[k]), k), reverse=True)
    return [runs[k] for k in order]


def shed_article_head(page: Page, kinds: Kinds, run: list[Group]) -> list[Group]:
    """Drop leading headers whose text the scorer reads as the article: a dateline
    ("Aug 8 '12") or a byline over the post that joined the commenters' run."""
    scores, comment_scores = page.scores, page.comment_scores
    if scores is None or comment_scores is None:
        return run
    k = 0
    while len(run) - k > 2:
        text = [i for i in range(run[k].last + 1, run[k + 1].first) if kinds[i] == TEXT]
        article, comment, words = scored_words(page, text)
        if words < 50:
            break
        mean, mean_comment = article / words, comment / words
        # a named header ("By Jo Smith, May 2") is the byline only on surer scores
        margin = 0.1 if run[k].has_name() else 0.0
        if mean < 0.7 + margin or mean_comment > 0.3 - margin:
            break
        k += 1
    return run[k:]
