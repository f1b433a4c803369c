"""Find and parse the times pages show: "July 21, 2012 at 5:46 pm", "07.21.12 at 17:46",
"2024-03-05", "5. März 2024", "3 hours ago", "vor 2 Tagen".

>>> find_time("Posted on July 21, 2012 at 5:46 pm by admin").raw
'July 21, 2012 at 5:46 pm'
>>> find_time("July 21, 2012 at 5:46 pm").parsed.isoformat()
'2012-07-21T17:46:00'
>>> find_time("3 hours ago").relative
True
>>> find_time("He was 3 hours late.") is None
True
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

import regex

from . import lexicon, runaway
from .models import TimeStamp
from .startup_cache import capturing_regex_programs

# The words of every language come from `textclean.lexicon` (one data file per
# language); `_compose` builds the tables and pattern sources below from them, at
# import and again whenever the lexicon is reloaded.
_MONTHS: dict[str, int]  # month word (lower case) -> month
_MONTH_ALT: str
_MONTH_WORDS: frozenset[str]
_WEEKDAY: str
_CONNECT: str
_ABSOLUTE_SOURCE: str
_LOOSE_SOURCE: str
_RELATIVE_SOURCE: str
_RELATIVE_TRIGGERS: frozenset[str]

# The zone is upper case even under IGNORECASE ("5:00 AM EDT", not "5:00 AM Dean").
# "(UTC -4)", "(GMT+2)": an offset in brackets after the clock time.
# "18 h 42 min": French WordPress spells the clock out; "14:37 Uhr" in German.
_TIME = (
    r"\d{1,2}(?:[:.h]|\s?h\s?)\d{2}(?::\d{2})?(?:\s?min(?!\w))?(?:\s?Uhr(?!\w))?\s?(?:[ap]\.?m\.?)?(?:\s?(?:(?-i:[A-Z]{2,4}|UTC[+-]?\d*)(?!\w)"
    r"|\((?-i:UTC|GMT)\s?[+-]\s?\d{1,2}(?::?\d{2})?\)))?"
)
_YEAR = r"(?:19|20)\d{2}"
# A date may be glued to a name before it ("Dan Renae7/10/2012", as Blogger shows
# comments), so a letter may precede a match that starts with a digit.
_START = r"(?:(?<![\w.])|(?<=\p{L})(?=\d))"


def _compose() -> None:
    """Build the word tables and the pattern sources from the lexicon's words (at
    import, and again when the lexicon is reloaded: see `textclean.lexicon`)."""
    global _MONTHS, _MONTH_ALT, _MONTH_WORDS, _WEEKDAY, _CONNECT, _RELATIVE_TRIGGERS
    global _ABSOLUTE_SOURCE, _LOOSE_SOURCE, _RELATIVE_SOURCE
    alt = lexicon.alternation
    _MONTHS = lexicon.months()
    _MONTH_ALT = alt("months")
    # English weekdays are read as a stem with any ending or none ("tues", "thursday",
    # also "satday"), as they always were; the other names as listed.
    stems, endings = lexicon.words("weekday_stems"), lexicon.words("weekday_endings")
    by_stem = {stem + end for stem in stems for end in ("", *endings)}
    names = [w for w in lexicon.words("weekdays") if w not in by_stem]
    _WEEKDAY = (
        rf"(?:{alt('weekday_stems')})(?:{alt('weekday_endings')})?"
        rf"|{lexicon.alternation_of(names)}"
    )
    # Possessive runs (`*+`, `++`): a connector or gap is whitespace up to a token
    # that never starts with whitespace, so giving spaces back can never help;
    # without them a date before a long run of spaces backtracks cubically.
    _CONNECT = rf"(?:\s*+,?\s*+(?:{alt('time_connectors')}|-|–|—|\||·|•|@)?\s*+)"
    _PATTERNS = [
        # July 21, 2012 / Jul 21st 2012 / March 5 2024, 10:42 a.m.
        rf"(?:(?:{_WEEKDAY}),?\s++)?(?P<mon>{_MONTH_ALT})\.?\s++(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s++(?P<year>{_YEAR})(?:{_CONNECT}(?P<time>{_TIME}))?",
        # 21 July 2012 / 5. März 2024 / 5 de marzo de 2024 / 21 июля 2012 г.
        rf"(?:(?:{_WEEKDAY}),?\s++)?(?P<day>\d{{1,2}})(?:st|nd|rd|th|er|\.)?\s++(?:de\s++)?(?P<mon>{_MONTH_ALT})\.?,?\s++(?:de\s++)?(?P<year>{_YEAR})(?:\s*+г\.?)?(?:{_CONNECT}(?P<time>{_TIME}))?",
        # 7 Aug 12 at 11:21 pm: a two-digit year only with a clock time after it
        rf"(?P<day>\d{{1,2}})\s++(?P<mon>{_MONTH_ALT})\.?\s++(?P<year>\d{{2}}){_CONNECT}(?P<time>{_TIME})",
        # 2012-07-21 / 2012/07/21 (T17:46)
        rf"(?:(?:{_WEEKDAY}),?\s++)?(?P<year>{_YEAR})[-/](?P<m>\d{{1,2}})[-/](?P<day>\d{{1,2}})(?:(?:T|\s++|{_CONNECT})(?P<time>{_TIME}))?",
        # 21.07.2012 / 07/21/2012 / 07.21.12 at 17:46
        # (Thu, 08/09/2012 - 13:04: a weekday may lead a numeric date too)
        rf"(?:(?:{_WEEKDAY}),?\s++)?(?P<a>\d{{1,2}})[./-](?P<b>\d{{1,2}})[./-](?P<y>\d{{2}}|{_YEAR})(?:{_CONNECT}(?P<time>{_TIME}))?",
        # July 2012 (month and year only: kept raw)
        rf"(?P<mon>{_MONTH_ALT})\.?\s++(?P<year>{_YEAR})",
    ]
    _ABSOLUTE_SOURCE = _START + r"(?:" + "|".join(f"(?:{p})" for p in _PATTERNS) + r")(?![\w])"
    # Loose shapes, only for short header lines: "November 8th", "8 Nov", "2:13 pm".
    _LOOSE_PATTERNS = [
        rf"(?:(?:{_WEEKDAY}),?\s++)?(?P<mon>{_MONTH_ALT})\.?\s++(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:{_CONNECT}(?P<time>{_TIME}))?",
        rf"(?:(?:{_WEEKDAY}),?\s++)?(?P<day>\d{{1,2}})(?:st|nd|rd|th|er|\.)?\s++(?:de\s++)?(?P<mon>{_MONTH_ALT})\.?(?:{_CONNECT}(?P<time>{_TIME}))?",
        # "5:06 pm EDT": the zone belongs to the time, never to a name after it
        r"(?P<time>\d{1,2}:\d{2}(?::\d{2})?\s?(?:[ap]\.?m\.?)?(?:\s?(?-i:[A-Z]{3,4})(?!\w))?)",
    ]
    _LOOSE_SOURCE = _START + r"(?:" + "|".join(f"(?:{p})" for p in _LOOSE_PATTERNS) + r")(?![\w])"

    units = alt("time_units")
    number = rf"(?:\d+|{alt('relative_numbers')})"
    # "about 2 hours, 39 minutes ago": a hedge and several units make one time, so
    # no piece of it is left over to be read as a commenter's name.
    amount = rf"(?:{number})\s++(?:{units})"
    _RELATIVE_SOURCE = (
        rf"(?<!\w)(?:(?:(?:{alt('relative_hedges')})\s++)?"
        rf"{amount}(?:,?\s++(?:(?:{alt('amount_joiners')})\s++)?{amount})*\s++(?:{alt('ago_words')})"
        rf"|(?:{alt('before_words')})\s++{number}\s++(?:{units})"
        rf"|\d+\s?(?:s|m|min|h|d|w|mo|y)\s++ago"
        rf"|{alt('day_words')})(?!\w)"
    )
    _MONTH_WORDS = frozenset(_MONTHS)
    # Every relative time has one of these words ("ago" also in the "5h ago" shape).
    _RELATIVE_TRIGGERS = lexicon.gate_words("ago_words", "before_words", "day_words") | {"ago"}
    for compiled in (_absolute, _loose, _relative):
        compiled.cache_clear()


# The three big patterns are compiled on first use, not at import: compiling them
# costs about 0.2 s of CPU (the month alternation repeated in every shape, under
# full case folding), which every `import textclean` paid. Their first use also
# goes through the start-up cache of regex programs (see `textclean.startup_cache`),
# so a later process gets them in well under a millisecond.
def _compiled(source: str, flags: int) -> regex.Pattern[str]:
    with capturing_regex_programs():
        return regex.compile(source, flags)


@cache
def _absolute() -> regex.Pattern[str]:
    return _compiled(_ABSOLUTE_SOURCE, regex.IGNORECASE | regex.VERSION1)


@cache
def _loose() -> regex.Pattern[str]:
    return _compiled(_LOOSE_SOURCE, regex.IGNORECASE | regex.VERSION1)


@cache
def _relative() -> regex.Pattern[str]:
    return _compiled(_RELATIVE_SOURCE, regex.IGNORECASE)


_compose()
lexicon.on_reset(_compose)

# Cheap gates before the big patterns: every absolute date has a digit, and every
# relative time has one of the words of _RELATIVE_TRIGGERS. Most lines have neither.
_DIGIT = regex.compile(r"\d")
# ... and every absolute date has a numeric date shape ("06/24", "2012-07") or a
# month name standing as a whole word (_MONTH_WORDS: it is preceded by a space or
# the line start and followed by ".", "," or a space in every pattern).
_NUMERIC_DATE = regex.compile(r"\d[./-]\d")
_CLOCK = regex.compile(r"(\d{1,2})(?:[:.h]|\s?h\s?)(\d{2})")
_WORD = regex.compile(r"\w+")
# A bare "5h" / "2y" / "3d" as social widgets show it, only when the whole token stands alone.
_SHORT_AGE = regex.compile(r"(?<![\w.])\d{1,3}\s?(?:s|m|min|h|hr|d|w|mo|y|yr)(?![\w.])")


@dataclass(frozen=True, slots=True)
class TimeMatch:
    start: int
    end: int
    stamp: TimeStamp


def _year(value: str) -> int:
    year = int(value)
    return year + (2000 if year < 70 else 1900) if year < 100 else year


def _clock(text: str | None) -> tuple[int, int]:
    if not text:
        return 0, 0
    m = _CLOCK.match(text)
    if not m:
        return 0, 0
    hour, minute = int(m.group(1)), int(m.group(2))
    tail = text[m.end() :].lower().replace(".", "")
    if "pm" in tail and hour < 12:
        hour += 12
    elif "am" in tail and hour == 12:
        hour = 0
    return hour, minute


def _parse(m: regex.Match[str]) -> dt.datetime | None:
    groups = m.groupdict()
    try:
        if groups.get("mon") and groups.get("day"):
            month = _MONTHS[groups["mon"].lower().rstrip(".")]
            day, year = int(groups["day"]), _year(groups["year"])
        elif groups.get("m"):
            month, day, year = int(groups["m"]), int(groups["day"]), _year(groups["year"])
        elif groups.get("a"):
            a, b, year = int(groups["a"]), int(groups["b"]), _year(groups["y"])
            if a > 12 >= b:
                day, month = a, b
            elif b > 12 >= a:
                month, day = a, b
            else:
                return None  # 05/06/2012: day and month cannot be told apart
        else:
            return None
        hour, minute = _clock(groups.get("time"))
        return dt.datetime(year, month, day, hour, minute)
    except (ValueError, KeyError):
        return None


def find_time(text: str) -> TimeStamp | None:
    """The first date, date-time or relative time in `text`, else None."""
    found = find_time_span(text)
    return found.stamp if found else None


def find_time_span(text: str, loose: bool = False) -> TimeMatch | None:
    """Like `find_time`, with the match's offsets in `text`.

    `loose` also accepts dates without a year and bare clock times, which are
    only trustworthy on short header lines:

    >>> find_time_span("jne November 8th") is None
    True
    >>> find_time_span("November 8th", loose=True).stamp.raw
    'November 8th'
    >>> find_time_span("2:13 pm", loose=True).stamp.raw
    '2:13 pm'
    >>> find_time_span("Perry Harris10/22/12 2:05 PM").stamp.parsed.isoformat()
    '2012-10-22T14:05:00'
    """
    best: TimeMatch | None = None
    has_digit = _DIGIT.search(text) is not None
    words = _WORD.findall(text.casefold())
    m = None
    if has_digit and (_NUMERIC_DATE.search(text) or not _MONTH_WORDS.isdisjoint(words)):
        m = runaway.search(_absolute(), text)
    if m:
        raw = m.group(0).strip(" ,-–—|")
        start = text.index(raw, m.start())
        best = TimeMatch(start, start + len(raw), TimeStamp(raw=raw, parsed=_parse(m)))
    relative_words = not _RELATIVE_TRIGGERS.isdisjoint(words)
    r = runaway.search(_relative(), text) if relative_words else None
    if r and (best is None or r.start() < best.start):
        best = TimeMatch(r.start(), r.end(), TimeStamp(raw=r.group(0), relative=True))
    if best is None and loose and has_digit:
        m = runaway.search(_loose(), text)
        if m:
            raw = m.group(0).strip(" ,-–—|")
            start = text.index(raw, m.start())
            best = TimeMatch(start, start + len(raw), TimeStamp(raw=raw))
    return best


def is_short_age(token: str) -> bool:
    """'5h', '2y': the age labels of social comment widgets."""
    return _SHORT_AGE.fullmatch(token.strip()) is not None
