"""The page under judgement: immutable lines and features, plus an append-only
log of decisions that filters record about them.

Filters never edit text. They call `Page.decide(...)`; the standing label of
a line is its most confident decision (a later one wins a tie), so a later,
surer filter can overrule an earlier guess and `explain` still shows both.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property

from .features import LineStats, compute_stats, line_words
from .langid import IDENTIFY_CHARS, identify
from .language import available_languages, stopwords, vote_language
from .models import InputNote, TimeStamp
from .segment import Line, split_paragraph_lines

LANGUAGE_SAMPLE_WORDS = 3000


class Label(str, Enum):
    """What a line is. Everything but the article and comment labels is removed.

    >>> Label("caption") is Label.CAPTION, Label.BOILERPLATE.value
    (True, 'boilerplate')
    """

    TITLE = "title"
    SUBTITLE = "subtitle"  # the deck or standfirst under the headline
    BYLINE = "byline"
    DATE = "date"
    ARTICLE = "article"
    CAPTION = "caption"
    COMMENT_HEADER = "comments.header"  # "12 Comments": kept as the declared count
    COMMENT = "comment"  # inside a comment; the comment parser splits it further
    BOILERPLATE = "boilerplate"

    @property
    def kept(self) -> bool:
        return self is not Label.BOILERPLATE


class Evidence(str, Enum):
    """What a verdict rests on, so that a later filter can tell a guess it may
    overrule from a rule it must respect without knowing which filter wrote it.

    >>> [e.value for e in Evidence]
    ['score', 'line', 'context']
    """

    SCORE = "score"  # a model's probability for the line (the content scorer)
    LINE = "line"  # the line's own text: a share button, a donation widget, a menu
    CONTEXT = "context"  # the lines around it: a comment section, a title, an error page


@dataclass(frozen=True, slots=True)
class Decision:
    """One filter's verdict on one line.

    >>> page = Page("Share this\\nThe council met on Tuesday and agreed the budget.\\n")
    >>> _ = page.decide(0, Label.BOILERPLATE, "mine", "a share button", 0.9, "widget:share")
    >>> d = page.standing(0)
    >>> d.filter, d.label.value, d.reason, d.confidence
    ('mine', 'boilerplate', 'a share button', 0.9)
    """

    line: int
    label: Label
    filter: str
    reason: str
    confidence: float = 0.5
    category: str | None = None
    evidence: Evidence = Evidence.CONTEXT


@dataclass(slots=True)
class CommentPart:
    """A piece of a comment: a role and a character range of the input."""

    role: str  # author | posted | votes | text | chrome
    start: int
    end: int
    reason: str = ""


@dataclass
class CommentDraft:
    """A comment as the comment filter found it, before it becomes a model."""

    lines: list[int]
    parts: list[CommentPart] = field(default_factory=list)
    author: str | None = None
    posted: TimeStamp | None = None
    votes: int | None = None
    likes: int | None = None
    depth: int = 0
    parent: int | None = None


@dataclass
class MetaClaim:
    """A metadata value found inside a line (title, byline, date).

    `line` is None when the value is read off a line another decision removed (a
    forum post's header): the value reaches the Article, the line stays removed."""

    role: str
    line: int | None
    start: int
    end: int
    value: str
    filter: str
    reason: str
    stamp: TimeStamp | None = None


@dataclass(frozen=True, slots=True)
class Refusal:
    """A candidate a filter looked at and refused, and why (lines `first`..`last`,
    inclusive): for debugging and `explain`, never part of the Document."""

    first: int
    last: int
    filter: str
    reason: str


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """What a page held at one moment (`Page.checkpoint`), to withdraw what came after."""

    decisions: int
    comments: list[CommentDraft]
    meta: list[MetaClaim]
    refused: int
    declared_comment_count: int | None
    comment_section: tuple[int, int] | None
    scores: Sequence[float] | None
    comment_scores: Sequence[float] | None


class Page:
    """Lines, features and decisions for one input text.

    >>> page = Page("Home\\n\\nThe council met on Tuesday and agreed the budget.\\n")
    >>> [(line.text, line.blank) for line in page.lines]
    [('Home', False), ('', True), ('The council met on Tuesday and agreed the budget.', False)]
    >>> page.stats[2].words, page.nonblank()
    (9, [0, 2])
    """

    def __init__(self, text: str, notes: list[InputNote] | None = None) -> None:
        self.text = text
        self.notes = list(notes or [])
        lines = self.lines  # split here, kept as the `lines` cache
        # A few thousand words decide the language as well as a whole long page.
        # Only the lines read for them are tokenised here; their words are kept for
        # `stats` when they are all the page's lines. A big page keeps no list of
        # every line's words (it would take more memory than the lines): `stats`
        # tokenises each line itself, `words` on demand.
        sample: list[list[str]] = []
        count = 0
        for line in lines:
            if count >= LANGUAGE_SAMPLE_WORDS:
                break
            sample.append(line_words(line))
            count += len(sample[-1])
        # The vote picks the stop-word list the line features count with (the line
        # model was trained on its choice); the identifier names the language.
        # Where the identifier is sure of a language with a list, its list is used;
        # otherwise the vote's, the list nearest the page's words (Aragonese gets
        # the Spanish one), as the model never saw a page counted with none.
        self.stop_language, decided = vote_language(
            itertools.islice((w for words in sample for w in words), LANGUAGE_SAMPLE_WORDS)
        )
        # the identifier costs a few ms a page: asked only where the vote is unsure
        identified = None if decided else identify(_head(lines, IDENTIFY_CHARS))
        self.language = identified or self.stop_language
        if identified in available_languages():
            self.stop_language = identified
        self._words: list[list[str]] | None = sample if len(sample) == len(lines) else None
        blank = sum(1 for line in lines if line.blank)
        nonblank = len(lines) - blank
        # A dump with blank lines between most blocks is a 'blocks' dump.
        self.style = "blocks" if nonblank and blank >= 0.3 * nonblank else "lines"
        self.decisions: list[Decision] = []
        self._standing: list[Decision | None] = [None] * len(lines)
        self.comments: list[CommentDraft] = []
        self.declared_comment_count: int | None = None
        self.comment_section: tuple[int, int] | None = None  # line range [a, b)
        self.meta: list[MetaClaim] = []
        self.refused: list[Refusal] = []  # candidates refused, with the reason
        # P(article) and P(comment) per line, if a scorer ran (the content filter
        # keeps them as array('d'): 8 bytes a line)
        self.scores: Sequence[float] | None = None
        self.comment_scores: Sequence[float] | None = None

    @cached_property
    def lines(self) -> list[Line]:
        """The text's lines (`split_paragraph_lines`), split once and kept."""
        return split_paragraph_lines(self.text)

    def release_lines(self) -> list[Line]:
        """The lines, forgotten by the page (the next read splits the text again):
        for the last reader, which may then let go of each line once done with it.

        >>> page = Page("Home\\nNews\\n")
        >>> lines = page.release_lines(); lines.clear(); [ln.text for ln in page.lines]
        ['Home', 'News']
        """
        lines = self.lines
        del self.__dict__["lines"]
        return lines

    @cached_property
    def stats(self) -> list[LineStats]:
        # the words of a line as printed are the words of its text: a bullet or a
        # link's markup, which only `Line.raw` keeps, holds no word character
        return compute_stats(
            self.lines, self.stop_language, stopwords(self.stop_language), None, self._words
        )

    def drop_stats(self) -> None:
        """Forget the computed `stats` (the next read computes them again): for the
        step after the last reader, as a big page's stats are a third of its memory.

        >>> page = Page("Home\\n")
        >>> words = page.stats[0].words; page.drop_stats(); page.stats[0].words == words
        True
        """
        self.__dict__.pop("stats", None)

    @cached_property
    def _starts(self) -> list[int]:
        return [line.start for line in self.lines]

    def line_at(self, offset: int) -> int:
        """Index of the line holding character `offset`."""
        return bisect.bisect_right(self._starts, offset) - 1

    def words(self, index: int) -> list[str]:
        """The words of line `index` (its first `ANALYSIS_CHARS` characters)."""
        if self._words is not None:
            return self._words[index]
        return line_words(self.lines[index])

    def __len__(self) -> int:
        return len(self.lines)

    # -- decisions -------------------------------------------------------
    def decide(
        self,
        line: int,
        label: Label,
        filter: str,
        reason: str,
        confidence: float = 0.5,
        category: str | None = None,
        evidence: Evidence = Evidence.CONTEXT,
    ) -> Decision:
        """Record a verdict; it stands if at least as confident as the standing one."""
        decision = Decision(line, label, filter, reason, confidence, category, evidence)
        self.decisions.append(decision)
        current = self._standing[line]
        if current is None or confidence >= current.confidence:
            self._standing[line] = decision
        return decision

    def checkpoint(self) -> Checkpoint:
        """The page's findings now, for `rollback` (counts and references: cheap)."""
        return Checkpoint(
            len(self.decisions),
            list(self.comments),
            list(self.meta),
            len(self.refused),
            self.declared_comment_count,
            self.comment_section,
            self.scores,
            self.comment_scores,
        )

    def rollback(self, mark: Checkpoint) -> None:
        """Withdraw every decision and finding made since `mark`, so that a filter
        that stopped half-way leaves the page as the filters before it left it.

        >>> page = Page("Home\\nNews\\n")
        >>> mark = page.checkpoint()
        >>> _ = page.decide(0, Label.BOILERPLATE, "mine", "menu", 0.9)
        >>> page.rollback(mark); page.standing(0), page.decisions
        (None, [])
        """
        del self.decisions[mark.decisions :]
        # the standing verdicts again, as `decide` chose them, from the kept decisions
        self._standing = [None] * len(self._standing)
        for d in self.decisions:
            current = self._standing[d.line]
            if current is None or d.confidence >= current.confidence:
                self._standing[d.line] = d
        self.comments = mark.comments
        self.meta = mark.meta
        del self.refused[mark.refused :]
        self.declared_comment_count = mark.declared_comment_count
        self.comment_section = mark.comment_section
        self.scores = mark.scores
        self.comment_scores = mark.comment_scores

    def standing(self, line: int) -> Decision | None:
        """The decision that currently holds for a line (None: undecided)."""
        return self._standing[line]

    def take_standing(self, line: int) -> Decision | None:
        """The decision that holds for a line, forgotten by the page (the line reads
        as undecided after): for the last reader, so that a big page's decisions
        are let go of one by one while its Document is built.

        >>> page = Page("Home\\n")
        >>> _ = page.decide(0, Label.BOILERPLATE, "mine", "menu", 0.9)
        >>> page.take_standing(0).reason, page.standing(0)
        ('menu', None)
        """
        decision = self._standing[line]
        self._standing[line] = None
        return decision

    def label(self, line: int) -> Label | None:
        d = self._standing[line]
        return d.label if d else None

    def nonblank(self) -> list[int]:
        return [i for i, line in enumerate(self.lines) if not line.blank]


def _head(lines: list[Line], chars: int) -> str:
    """The text of the first lines, up to `chars` characters, one line a line.

    >>> _head(split_paragraph_lines("Home\\nThe council met.\\n"), 8)
    'Home\\nThe'
    """
    parts: list[str] = []
    size = 0
    for line in lines:
        if size >= chars:
            break
        if not line.blank:
            parts.append(line.text[: chars - size])  # a huge line is not copied whole
            size += len(parts[-1]) + 1
    return "\n".join(parts)[:chars]
