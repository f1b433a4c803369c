"""The two fields every comment header is read for: a commenter's name and a time.

`_clean_name` trims what joins a name to the rest of a header ("| ", " on", "said"),
`_name_ok` says whether what is left can be a person's name or handle, and `_time`
finds a time that can stand in a header (not an archive label like "July 2012").

>>> text = "Jane Doe on July 21, 2012"
>>> a, b = _clean_name(text, 0, 11)
>>> text[a:b], _name_ok(text[a:b], 6), _time(text).stamp.raw
('Jane Doe', True, 'July 21, 2012')
"""

from __future__ import annotations

import regex

from ..dates import TimeMatch, find_time_span
from .gates import _timeless
from .words import _PLACE_WORDS

# Characters that join a name and a time in a header; stripped from both ends.
_JOINERS = " \t|•·—–-+,:;@/\\()[]#»«>"
_JOIN_WORDS = regex.compile(
    r"^(?:on|at|am|um|le|à|el|a las|il|alle|em|às|op|om|в|posted|said|says|wrote|by|\|)\b\s*|(?<!\s)\s*+\b(?:on|at|am|um|le|à|el|il|alle|em|às|op|om|в|posted|said|says|wrote)$",  # noqa: E501
    regex.IGNORECASE,
)
# Words that never belong to a commenter's name: article meta and widget words.
_NOT_NAME = regex.compile(
    r"\b(?:posted in|filed under|categor|tags?\b|updated|published|last modified|read more|"
    r"comments?\b|responses?\b|replies\b|permalink|share|print|email|copyright|all rights|"
    r"previous|next|older|newer|recent|latest|archives?|page \d)",
    regex.IGNORECASE,
)
_MONTH_YEAR = regex.compile(r"(?<!\p{L})\p{L}++\.?+\s++\d{4}")
_EMAIL = regex.compile(r"\S@\S+\.\w{2,}")
_CLOCK = regex.compile(r"\d{1,2}[:.h]\d{2}")
# "2:13 pm", "18:42 CET": a clock time alone, the second line of a date's header.
_CLOCK_ONLY = regex.compile(r"[\d:\s]+(?:[ap]\.?m\.?)?(?:\s?(?-i:[A-Z]{3,4}))?", regex.I)
# "Amy D.": a name that ends in an initial.
_INITIAL_END = regex.compile(r"(?<!\w)\p{Lu}\.$")
_LEADING_ID = regex.compile(r"#?\d{5,}\s+(?=\p{L})")
_QUOTES = frozenset('"“”„«»')
# "http://twitter.com/jane Jane Doe": a commenter's link, then the name.
_URL_NAME = regex.compile(r"https?://\S++(*SKIP)\s++(?P<name>[^\s:/][^:/]*)")
_FORM_LETTERS = regex.compile(r"\p{L}+\.?")
_FORM_YEAR = regex.compile(r"\d{3,}")
_FORM_NUMBER = regex.compile(r"\d{1,2}")


def _initial_name(piece: str) -> bool:
    """"Martine L.": a name of two words or more that ends in an initial."""
    return " " in piece.strip() and _INITIAL_END.search(piece) is not None


def _time_form(raw: str) -> str:
    """The shape of a printed time: "Oct. 29, 2012" -> "a 9, Y", "29/10/12" -> "9/9/9"."""
    return _FORM_NUMBER.sub("9", _FORM_YEAR.sub("Y", _FORM_LETTERS.sub("a", raw)))


def _time(text: str) -> TimeMatch | None:
    """A time that can stand in a comment header: not an archive label like "July 2012"."""
    if _timeless(text):
        return None
    t = find_time_span(text, loose=True)
    if t is not None and _MONTH_YEAR.fullmatch(t.stamp.raw):
        return None
    return t


def _clean_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim joiners around a name span; None when what is left is not a name."""
    while start < end and (text[start] in _JOINERS):
        start += 1
    while end > start and (
        text[end - 1] in _JOINERS
        or (text[end - 1] == "." and not _initial_name(text[start:end]))
    ):
        end -= 1
    piece = text[start:end]
    m = _JOIN_WORDS.search(piece)
    while m and piece:
        piece = piece[: m.start()] + piece[m.end() :] if m.start() > 0 else piece[m.end() :]
        piece = piece.strip(_JOINERS)
        m = _JOIN_WORDS.search(piece)
    # "| 2691543 malikai": a long comment id before the name is not part of it
    m = _LEADING_ID.match(piece)
    if m and m.end() < len(piece):
        piece = piece[m.end() :]
    if not piece:
        return None
    a = text.find(piece, start)
    if a < 0:
        return None
    b = a + len(piece)
    if piece.count("(") > piece.count(")") and text[b : b + 1] == ")":
        b += 1  # "Anna (South St Style)": the bracket closes part of the name
    return a, b


def _name_ok(piece: str, max_words: int) -> bool:
    """Whether `piece` can be a commenter's name of at most `max_words` words."""
    # the same tests as ever, cheapest first (each one alone can refuse)
    words = piece.split()
    if not words or len(words) > max_words or len(piece) > 60:
        return False
    if words[0] in _PLACE_WORDS or not _QUOTES.isdisjoint(piece):
        return False  # "in Science": not a person's name
    letters = sum(map(str.isalpha, piece))
    # "C98976": a user id of one letter and digits is a name too
    handle = letters == 1 and len(words) == 1 and len(piece) >= 4
    if not (letters >= 2 or handle) or (piece[-1] in ".!?" and not _initial_name(piece)):
        return False
    # "12:59 pm", an address: not a person's name
    return not (
        _NOT_NAME.search(piece)
        or _CLOCK.search(piece)
        or ("@" in piece and _EMAIL.search(piece))
    )
