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

from .models import TimeStamp
from .startup_cache import capturing_regex_programs

# Month names and abbreviations of the eight UI languages, lower case.
_MONTHS: dict[str, int] = {}
for _month, _names in enumerate(
    [
        "january jan januar janv janvier enero ene gennaio genn janeiro januari января январь янв",
        "february feb febr februar fév févr février febrero febbraio fevereiro fev februari февраля февраль фев",  # noqa: E501
        "march mar märz maerz mars marzo março marco maart марта март",
        "april apr avril avr abril aprile abr апреля апрель",
        "may mai mayo maggio mag maio mei мая май",
        "june jun juni juin junio giugno giu junho июня июнь",
        "july jul juli juillet juil julio luglio lug julho июля июль",
        "august aug août aout agosto ago augustus августа август авг",
        "september sep sept septembre septiembre settembre set setembro сентября сентябрь сен",
        "october oct oktober octobre octubre ottobre ott outubro out октября октябрь окт",
        "november nov novembre noviembre novembro ноября ноябрь",
        "december dec dez dezember décembre déc diciembre dic dicembre dezembro desember декабря декабрь дек",  # noqa: E501
    ],
    start=1,
):
    for _name in _names.split():
        _MONTHS.setdefault(_name, _month)

_MONTH_ALT = "|".join(sorted((regex.escape(m) for m in _MONTHS), key=len, reverse=True))
_WEEKDAY = (
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
)
# The zone is upper case even under IGNORECASE ("5:00 AM EDT", not "5:00 AM Dean").
# "(UTC -4)", "(GMT+2)": an offset in brackets after the clock time.
# "18 h 42 min": French WordPress spells the clock out; "14:37 Uhr" in German.
_TIME = (
    r"\d{1,2}(?:[:.h]|\s?h\s?)\d{2}(?::\d{2})?(?:\s?min(?!\w))?(?:\s?Uhr(?!\w))?\s?(?:[ap]\.?m\.?)?(?:\s?(?:(?-i:[A-Z]{2,4}|UTC[+-]?\d*)(?!\w)"
    r"|\((?-i:UTC|GMT)\s?[+-]\s?\d{1,2}(?::?\d{2})?\)))?"
)
# Possessive runs (`*+`, `++`): a connector or gap is whitespace up to a token
# that never starts with whitespace, so giving spaces back can never help;
# without them a date before a long run of spaces backtracks cubically.
_CONNECT = r"(?:\s*+,?\s*+(?:at|um|à|a las|alle|às|в|om|-|–|—|\||·|•|@)?\s*+)"
_YEAR = r"(?:19|20)\d{2}"

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
# A date may be glued to a name before it ("Dan Renae7/10/2012", as Blogger shows
# comments), so a letter may precede a match that starts with a digit.
_START = r"(?:(?<![\w.])|(?<=\p{L})(?=\d))"
_ABSOLUTE_SOURCE = _START + r"(?:" + "|".join(f"(?:{p})" for p in _PATTERNS) + r")(?![\w])"
# Loose shapes, only for short header lines: "November 8th", "8 Nov", "2:13 pm".
_LOOSE_PATTERNS = [
    rf"(?:(?:{_WEEKDAY}),?\s++)?(?P<mon>{_MONTH_ALT})\.?\s++(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:{_CONNECT}(?P<time>{_TIME}))?",
    rf"(?:(?:{_WEEKDAY}),?\s++)?(?P<day>\d{{1,2}})(?:st|nd|rd|th|er|\.)?\s++(?:de\s++)?(?P<mon>{_MONTH_ALT})\.?(?:{_CONNECT}(?P<time>{_TIME}))?",
    # "5:06 pm EDT": the zone belongs to the time, never to a name after it
    r"(?P<time>\d{1,2}:\d{2}(?::\d{2})?\s?(?:[ap]\.?m\.?)?(?:\s?(?-i:[A-Z]{3,4})(?!\w))?)",
]
_LOOSE_SOURCE = _START + r"(?:" + "|".join(f"(?:{p})" for p in _LOOSE_PATTERNS) + r")(?![\w])"

_UNITS = (
    r"sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|weeks?|months?|years?|yrs?"
    r"|sekunden?|minuten?|stunden?|tagen?|wochen?|monaten?|jahren?"
    r"|secondes?|heures?|jours?|semaines?|mois|ans?|années?"
    r"|segundos?|minutos?|horas?|días?|dias?|semanas?|meses|mes|años?|anos?"
    r"|secondi|minuti|ore|ora|giorni|giorno|settimane|mesi|mese|anni|anno"
    r"|seconden|minuten|uur|dagen|dag|weken|week|maanden|maand|jaar|jaren"
    r"|секунд[уы]?|минут[уы]?|час(?:а|ов)?|дн(?:я|ей)|день|недел[юиь]|месяц(?:а|ев)?|год(?:а)?|лет"
)
_NUM = r"(?:\d+|an?|one|a few|un|une|ein|einer|einem|einen|uno|una|un|een)"
# "about 2 hours, 39 minutes ago": a hedge and several units make one time, so
# no piece of it is left over to be read as a commenter's name.
_AMOUNT = rf"(?:{_NUM})\s++(?:{_UNITS})"
_RELATIVE_SOURCE = (
    rf"(?<!\w)(?:(?:(?:about|over|almost|nearly|around|etwa|environ|circa)\s++)?"
    rf"{_AMOUNT}(?:,?\s++(?:and\s++)?{_AMOUNT})*\s++(?:ago|назад|fa|geleden|atrás)"
    rf"|(?:vor|il y a|hace|há|ha)\s++(?:{_NUM})\s++(?:{_UNITS})"
    rf"|\d+\s?(?:s|m|min|h|d|w|mo|y)\s++ago"
    rf"|yesterday|today|just now|gestern|heute|hier|aujourd'hui|ayer|hoy|ieri|oggi|gisteren|vandaag|вчера|сегодня)(?!\w)"  # noqa: E501
)


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

# Cheap gates before the big patterns: every absolute date has a digit, and every
# relative time has one of these words. Most lines have neither.
_DIGIT = regex.compile(r"\d")
# ... and every absolute date has a numeric date shape ("06/24", "2012-07") or a
# month name standing as a whole word (it is preceded by a space or the line start
# and followed by ".", "," or a space in every pattern).
_NUMERIC_DATE = regex.compile(r"\d[./-]\d")
_MONTH_WORDS = frozenset(_MONTHS)
_CLOCK = regex.compile(r"(\d{1,2})(?:[:.h]|\s?h\s?)(\d{2})")
_WORD = regex.compile(r"\w+")
_RELATIVE_TRIGGERS = frozenset(
    [
        "ago",
        "назад",
        "fa",
        "geleden",
        "atrás",
        "vor",
        "il",
        "hace",
        "há",
        "ha",
        "yesterday",
        "today",
        "just",
        "gestern",
        "heute",
        "hier",
        "aujourd",
        "ayer",
        "hoy",
        "ieri",
        "oggi",
        "gisteren",
        "vandaag",
        "вчера",
        "сегодня",
    ]
)
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
        m = _absolute().search(text)
    if m:
        raw = m.group(0).strip(" ,-–—|")
        start = text.index(raw, m.start())
        best = TimeMatch(start, start + len(raw), TimeStamp(raw=raw, parsed=_parse(m)))
    relative_words = not _RELATIVE_TRIGGERS.isdisjoint(words)
    r = _relative().search(text) if relative_words else None
    if r and (best is None or r.start() < best.start):
        best = TimeMatch(r.start(), r.end(), TimeStamp(raw=r.group(0), relative=True))
    if best is None and loose and has_digit:
        m = _loose().search(text)
        if m:
            raw = m.group(0).strip(" ,-–—|")
            start = text.index(raw, m.start())
            best = TimeMatch(start, start + len(raw), TimeStamp(raw=raw))
    return best


def is_short_age(token: str) -> bool:
    """'5h', '2y': the age labels of social comment widgets."""
    return _SHORT_AGE.fullmatch(token.strip()) is not None
