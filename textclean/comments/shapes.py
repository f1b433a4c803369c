"""Header shapes: what one comment-header line says, one reader per shape.

A header names a commenter and/or gives a time. `parse_header` tries the shapes in
this order, and the first that reads the line decides it:

1. a reblog note, "NAME reblogged this from X and added:" (`_read_note`);
2. "NAME says:", "NAME wrote: text" in the vocabulary's languages (`_read_says`);
3. "Posted by NAME | DATE", "Comment by NAME on DATE" (`_read_posted_by`);
4. a time with a name beside it: "October 11, 2012 | Eve", "NAME · 5h", with an
   inline vote count ("12 points") (`_read_time_header`).

Each may follow a "1." or "2.3" numbering (`_numbering`: its dots give the depth).
The classification also reads two timeless shapes before `parse_header`: a name with
its score ("baroo 6 pts", `_points_header`) and a signature ("Posted by Tex | Report
as abusive", `_signature`). Reply heads ("@name", "in reply to NAME", "NAME → NAME")
are in `replies`; a new header shape goes here, as a reader tried in `parse_header`.

>>> from textclean.filters.comments import CommentOptions
>>> def read(line):
...     h = parse_header(line, CommentOptions())
...     name = line[h.name[0] : h.name[1]] if h.name else None
...     return h.kind, name, h.time.stamp.raw if h.time else None
>>> read("Jane Doe says:")
('says', 'Jane Doe', None)
>>> read("Posted by: Jim | Sep 26, 2012")
('by', 'Jim', 'Sep 26, 2012')
>>> read("quietgearhead · 5h")
('time', 'quietgearhead', '5h')
>>> read("October 11, 2012 | Eve")
('time', 'Eve', 'October 11, 2012')
>>> parse_header("The council met on July 21, 2012 and agreed the budget.", CommentOptions())
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from ..dates import TimeMatch
from ..models import TimeStamp
from ..vocabulary import default_vocabulary
from .chrome import _CHROME, _is_action
from .fields import _CLOCK, _clean_name, _name_ok, _time
from .gates import _say_gate
from .words import _COMMENT_NOUNS, _SAY_VERBS

if TYPE_CHECKING:
    from ..filters.comments import CommentOptions

# Linear time: the name starts at the first non-space (the first try of `^\s*`), or,
# failing that, it is one space of the leading run: every later try of the original
# `^\s*(?P<name>[^\n]{1,80}?)` ends on the same `[\s,]` run, so the last such space
# (an atomic group, tried once) gives the same match (benchmarks/pattern_equivalence.py).
_SAYS = regex.compile(
    r"^(?:\s*+(?P<name>[^\n]{1,80}?)|(?>\s*(?P<name>[^\S\n])(?=[\s,])))"
    rf"[\s,]+(?:{_SAY_VERBS})\s*(?::|,|\.{{3}}|…)?(?:\s+(?P<rest>.*?))?\s*$",
    regex.IGNORECASE,
)
# The original `\s*:?\s+(?P<name>[^|»\n]{1,60}?)` tried every split of the spaces
# (cubic on a long run). The same names in the same order, each tried once: after the
# colon (if a space follows it) or else after the spaces, the name starts at the first
# non-space or is the last space of the run (every other start inside the run ends on
# the same separator test); nothing after the name starts with a space, so the other
# runs are possessive.
_POSTED_BY = regex.compile(
    r"^\s*+(?:comment|reply|response|post(?:ed)?|written|submitted|kommentar|commentaire|comentario|"
    r"commento|comentário|reactie|комментарий)?\s*+(?:by|von|par|por|di|da|door|от)"
    r"(?:\s*+:(?=\s)(?:\s++(?P<name>[^|»\n]{1,60}?)|\s(?>\s*(?P<name>[^\S\n])))"
    r"|\s++(?P<name>[^|»\n]{1,60}?)|\s(?>\s*(?P<name>[^\S\n])))"
    r"\s*+(?:\||»|\bon\b|\bat\b|\bam\b|\ble\b|\bel\b|\bil\b|\bem\b|\bop\b|@|-|–|—|,|//)\s*+(?P<rest>.*)$",
    regex.IGNORECASE,
)
# Tumblr-style notes: "x reblogged this from y and added:" opens a comment,
# "x liked this" / "x reblogged this from y" are chrome (`chrome._NOTE`).
_NOTE_ADDED = regex.compile(
    r"^\s*(?P<name>[\w.-]{1,60}) reblogged this from [\w.-]+ and added:\s*$"
)
# Possessive: what follows each run never starts with what the run repeats (linear on
# "1.1.1.1...", quadratic before).
_NUMBERING = regex.compile(r"^\s*+#?(?P<num>\d{1,4}+(?:\.\d{1,3}+)*+)[.):]?+\s++(?=\S)")
_INLINE_VOTES = regex.compile(
    r"(?<!\w)(?P<n>[+-]?\d{1,6})\s+(?P<unit>points?|votes?|likes?)(?!\w)", regex.IGNORECASE
)
# "baroo 6 pts", "civil_eng 7 points": a commenter's name and score, no time.
_NAME_POINTS = regex.compile(
    r"^\s*(?P<name>\S[^\n]{0,40}?)\s+(?P<n>[+-]?\d{1,6})\s+(?P<unit>pts|points?)\s*$",
    regex.IGNORECASE,
)
# A social age closing a header line after a separator ("quietgearhead · 5h").
_AGE_FIELD = regex.compile(
    r"\S\s*[·•|]\s*(?P<age>\d{1,3}\s?(?:min|mo|hr|yr|s|m|h|d|w|y))\s*$", regex.IGNORECASE
)
# The thread starter's badge after a commenter's name.
_OP_MARK = regex.compile(r"(?<!\s)\s++(?:\(OP\)|OP|\[OP\])$")
# Labels of an article's own times ("updated 2:24 PM EST"): a post list, not a commenter.
_ARTICLE_TIME = regex.compile(
    r"\b(?:updated|published|created|last modified|modified|aktualisiert|veröffentlicht|"
    r"mis à jour|publié|actualizado|publicado|aggiornato|pubblicato|bijgewerkt|gepubliceerd|"
    r"обновлено|опубликовано)\b",
    regex.IGNORECASE,
)
# A line that counts *its own* comments ("by Sam 12 comments") lists posts; a comment
# header never carries a comment count.
# (*SKIP): a count that fails fails for every later digit of its run too (they reach
# the same end), so the next try starts after the run: linear on "1.1.1.1...".
_OWN_COUNT = regex.compile(
    rf"(?<!\w)\d[\d,.]*+(*SKIP)\s++(?:{_COMMENT_NOUNS})\b",
    regex.IGNORECASE,
)
_TIME_REST = regex.compile(r"(?=.*\d)(?:\d{1,4}|[:.,h]|\s|\bat\b|\bum\b|[ap]\.?m\.?)+", regex.I)
# A link running up to the end of the searched span (a time inside a URL).
_IN_URL = regex.compile(r"(?:https?://|www\.)\S*$", regex.IGNORECASE)


@dataclass(slots=True)
class Header:
    """What one header line says."""

    kind: str  # says | by | time | note | name | points
    name: tuple[int, int] | None = None  # offsets within the line
    time: TimeMatch | None = None
    votes: tuple[int, int, int, str] | None = None  # start, end, value, unit
    text: tuple[int, int] | None = None  # inline comment text ("x said: text")
    number: str | None = None


def _posted_by_anywhere(text: str) -> bool:
    """Whether _POSTED_BY matches the line or the line after its "1." numbering (the
    two places parse_header tries it)."""
    if _POSTED_BY.match(text):
        return True
    num = _NUMBERING.match(text)
    return num is not None and _POSTED_BY.match(text[num.end() :]) is not None


def _first_time(text: str) -> TimeMatch | None:
    """The line's time, or a social age after a separator ("quietgearhead · 5h")."""
    first_time = _time(text)
    if first_time is not None and _IN_URL.search(text, 0, first_time.end):
        first_time = None  # "http://site/2012/10/17/story": a link, not a time
    if first_time is None:
        age = _AGE_FIELD.search(text)
        if age is not None:  # "quietgearhead · 5h"
            raw = age.group("age")
            first_time = TimeMatch(
                age.start("age"), age.end("age"), TimeStamp(raw=raw, relative=True)
            )
    return first_time


def _numbering(text: str, first_time: TimeMatch | None) -> tuple[str | None, int]:
    """A comment's number ("2.1. Jane says:") and where the header after it starts; a
    number that is part of the time ("12. Mai 2012") is no numbering.

    >>> _numbering("2.1. Jane says:", None)
    ('2.1', 5)
    """
    num = _NUMBERING.match(text)
    if num and not (first_time is not None and first_time.start < num.end()):
        return num.group("num"), num.end()
    return None, 0


def _read_note(body: str, base: int, number: str | None) -> Header | None:
    """"x reblogged this from y and added:": the reblogger opens a comment.

    >>> _read_note("ann-b reblogged this from cz and added:", 0, None).name
    (0, 5)
    """
    m = _NOTE_ADDED.match(body)
    if m:
        return Header("note", name=(base + m.start("name"), base + m.end("name")), number=number)
    return None


def _says_match(body: str) -> regex.Match[str] | None:
    """_SAYS on the header's body, unless it is prose: "Smith said the plan..." is;
    only "Smith said: text" carries text."""
    m = _SAYS.match(body)
    if (
        m
        and m.group("rest")
        and ":" not in body[m.end("name") : m.start("rest")]
        and _time(m.group("rest")) is None
    ):
        return None
    return m


def _read_says(
    text: str, base: int, m: regex.Match[str], number: str | None, options: CommentOptions
) -> Header | None:
    """A "NAME says:" header (None: the line is no header at all); `m` is `_says_match`.

    >>> from textclean.filters.comments import CommentOptions
    >>> line = "Jane on July 21, 2012 at 5:46 pm said:"
    >>> h = _read_says(line, 0, _says_match(line), None, CommentOptions())
    >>> line[h.name[0] : h.name[1]], h.time.stamp.raw
    ('Jane', 'July 21, 2012 at 5:46 pm')
    """
    lo, hi = base + m.start("name"), base + m.end("name")
    head = Header("says", number=number)
    # "Jane on July 21, 2012 at 5:46 pm said:": the time sits inside the name part
    inner = _time(text[lo:hi])
    if inner is not None:
        head.time = TimeMatch(lo + inner.start, lo + inner.end, inner.stamp)
        candidates = [
            _clean_name(text, lo, lo + inner.start),
            _clean_name(text, lo + inner.end, hi),
        ]
    else:
        candidates = [_clean_name(text, lo, hi)]
    head.name = next(
        (n for n in candidates if n and _name_ok(text[n[0] : n[1]], options.max_author_words)),
        None,
    )
    if head.name is None and head.time is None:
        return None
    if m.group("rest"):
        rest_start = base + m.start("rest")
        t = _time(m.group("rest"))
        if t is not None and head.time is None:
            head.time = TimeMatch(rest_start + t.start, rest_start + t.end, t.stamp)
        elif t is None:
            head.text = (rest_start, base + m.end("rest"))
    return head


def _read_posted_by(
    text: str, base: int, body: str, t: TimeMatch | None, number: str | None,
    options: CommentOptions,
) -> Header | None:
    """"Posted by NAME | DATE": a name before the line's time `t`.

    >>> from textclean.filters.comments import CommentOptions
    >>> line = "Comment by Ann Lee on May 2, 2012"
    >>> h = _read_posted_by(line, 0, line, _time(line), None, CommentOptions())
    >>> line[h.name[0] : h.name[1]]
    'Ann Lee'
    """
    m = _POSTED_BY.match(body)
    if m and t is not None:
        name = _clean_name(text, base + m.start("name"), base + m.end("name"))
        if (
            name
            and name[1] <= t.start
            and _name_ok(text[name[0] : name[1]], options.max_author_words)
        ):
            return Header("by", name=name, time=t, number=number)
    return None


def _read_time_header(
    text: str, base: int, t: TimeMatch, number: str | None, sentence: bool,
    options: CommentOptions,
) -> Header | None:
    """A time with what stands beside it: a name ("October 11, 2012 | Eve", "NAME ·
    5h"), chrome words, an inline vote count ("12 points"). `sentence`: the line ends
    like a sentence or a question, and is prose then.

    >>> from textclean.filters.comments import CommentOptions
    >>> line = "Eve 12 points 3 hours ago"
    >>> h = _read_time_header(line, 0, _time(line), None, False, CommentOptions())
    >>> line[h.name[0] : h.name[1]], h.votes
    ('Eve', (4, 13, 12, 'points'))
    """
    if _ARTICLE_TIME.search(text, base, t.start):
        return None
    # "today" alone is a label ("Register today", a headline's "To Start Today");
    # with a clock time it is a header.
    if (
        t.stamp.relative
        and not any(ch.isdigit() for ch in t.stamp.raw)
        and _CLOCK.search(text.strip()) is None
    ):
        return None
    # A sentence that mentions a date is prose, not a header; so is a question.
    if sentence:
        return None
    head = Header("time", time=t, number=number)
    before, after = (base, t.start), (t.end, len(text))
    vm = _INLINE_VOTES.search(text)
    if vm:
        head.votes = (vm.start(), vm.end(), int(vm.group("n")), vm.group("unit").lower())
        if vm.end() <= t.start:
            before = (base, vm.start())
        elif vm.start() >= t.end:
            after = (t.end, vm.start())
    for lo, hi in (before, after):
        if hi - lo <= 0:
            continue
        piece = text[lo:hi]
        # Chrome words around the time ("Reply", "Permalink", "#") are not a name.
        if default_vocabulary().match(piece) in _CHROME or not any(ch.isalpha() for ch in piece):
            continue
        name = _clean_name(text, lo, hi)
        if name is None:
            continue
        candidate = text[name[0] : name[1]]
        if default_vocabulary().match(candidate) in _CHROME or _TIME_REST.fullmatch(candidate):
            continue  # "Reply", or the rest of a time ("7 Aug" + "12 at 11:21 pm")
        if not _name_ok(candidate, options.max_author_words):
            return None
        op = _OP_MARK.search(candidate)
        if op is not None and op.start() > 0:  # "spokes OP · 4h": the poster's badge
            name = (name[0], name[0] + op.start())
        head.name = name
        break
    return head


HeaderReader = Callable[[str, "CommentOptions"], "Header | None"]
HEADER_READERS: list[HeaderReader] = []
"""Readers of further header shapes (a comment system the built-in shapes do not
know), tried in order before them on every short line: a function of the line's
text and the options that returns a `Header` (offsets into `text`) or None."""


def parse_header(text: str, options: CommentOptions) -> Header | None:
    """A header read off one line, or None (`text` is the line as in the input)."""
    stripped = text.strip()
    if not stripped or len(stripped) > 200:
        return None
    words = len(stripped.split())
    if words > options.max_header_words or _OWN_COUNT.search(stripped):
        return None
    for reader in HEADER_READERS:
        found = reader(text, options)
        if found is not None:
            return found
    sentence = (words > 8 and stripped[-1] in ".!?") or (words >= 4 and stripped[-1] == "?")
    if (
        sentence
        and "reblogged" not in text
        and not _say_gate(text)
        and not _posted_by_anywhere(text)
    ):
        # A sentence or a question, with no "says", reblog note or "Posted by" shape:
        # only a time header could be left, and that refuses sentences (below); so the
        # time search (the costly part) is not needed to know the answer.
        return None
    first_time = _first_time(text)
    # Cheap gate: without a time, only a "says" or a reblog note can be a header.
    if first_time is None and "reblogged" not in text and not _say_gate(text):
        return None
    number, base = _numbering(text, first_time)
    body = text[base:]
    note = _read_note(body, base, number)
    if note is not None:
        return note
    m = _says_match(body)
    if m:
        return _read_says(text, base, m, number, options)
    t = first_time  # the same search over the same text
    by = _read_posted_by(text, base, body, t, number, options)
    if by is not None:
        return by
    if t is None:
        return None
    return _read_time_header(text, base, t, number, sentence, options)


def _signature(text: str, options: CommentOptions) -> Header | None:
    """A timeless "Posted by Tex | Report as abusive": a name and comment actions.

    >>> from textclean.filters.comments import CommentOptions
    >>> _signature("Posted by Tex | Report as abusive", CommentOptions()).name
    (10, 13)
    """
    m = _POSTED_BY.match(text)
    if m is None or not m.group("rest").strip():
        return None
    rest = m.group("rest").strip()
    vocab = default_vocabulary().match(rest)
    if vocab not in ("comment-action", "comment-chrome") and not _is_action(rest):
        return None
    name = _clean_name(text, m.start("name"), m.end("name"))
    if name is None or not _name_ok(text[name[0] : name[1]], options.max_author_words):
        return None
    return Header("by", name=name)


def _points_header(text: str, options: CommentOptions) -> Header | None:
    """A name with its score and no time ("baroo 6 pts").

    >>> from textclean.filters.comments import CommentOptions
    >>> h = _points_header("baroo 6 pts", CommentOptions())
    >>> h.kind, h.name, h.votes
    ('points', (0, 5), (6, 11, 6, 'points'))
    """
    m = _NAME_POINTS.match(text)
    if m is None:
        return None
    name = _clean_name(text, m.start("name"), m.end("name"))
    if name is None or not _name_ok(text[name[0] : name[1]], options.max_author_words):
        return None
    unit = "points" if m.group("unit").lower() == "pts" else m.group("unit").lower()
    return Header(
        "points", name=name, votes=(m.start("n"), m.end("unit"), int(m.group("n")), unit)
    )
