"""Reading a byline or date line, and the shapes of the page's other meta lines.

A meta line is short: "By Jane Doe", "Posted on July 19, 2012 by Edwin Marsh",
"Jane Doe · 12 March 2024 · 7 min read". `read_meta_line` finds the name and the
date in one; `date_only` tells a date line from a sentence holding a date. The
other shapes here (a field "Source: ...", a result line, an unlabelled name, a
role "Staff Writer") are lines a headline or a deck is not.
"""

from __future__ import annotations

import regex

from .. import lexicon
from ..dates import TimeMatch, find_time_span

# A person's name as bylines print it: capitalised words, particles allowed between.
_NAME = (
    r"(?-i:\p{Lu})[\p{L}.'’-]*(?:\s+(?:(?:van|von|de|der|den|da|di|del|la|le|du|dos)\s+)?"
    r"(?-i:\p{Lu})[\p{L}.'’-]*){0,3}"
    r"(?:\s+(?:and|und|et|y|e|en|и|&)\s+(?-i:\p{Lu})[\p{L}.'’-]*(?:\s+(?-i:\p{Lu})[\p{L}.'’-]*){0,2})?"
)
_BY_WORDS = lexicon.alternation("by_words")  # "by", "von", "par", "автор:" ...
# "By Jane Doe", "Автор: Анна Ковалёва": the label opens the segment.
_BYLINE_OPEN = regex.compile(
    rf"^\s*(?:{_BY_WORDS})\s+(?P<name>{_NAME})"
    # what may follow the name: ", Staff Writer", " in London", " and agencies", " -- Sun Media"
    r"(?:\s*(?:,|--|—|–|-|\||/|\bin\b|\band\b|\bat\b|\bfor\b|\bof\b).{0,60})?\s*$",
    regex.IGNORECASE,
)
# Any line that opens like a byline is no headline, even where its name is not read.
BYLINE_START = regex.compile(rf"^\s*(?:{_BY_WORDS})\s+\p{{Lu}}", regex.IGNORECASE)
# "Posted on July 19, 2012 by Edwin Marsh": the label closes it.
_BYLINE_CLOSE = regex.compile(
    rf"(?:^|\s)(?P<by>{_BY_WORDS})\s+(?P<name>{_NAME})\s*$", regex.IGNORECASE
)
# By-words that are also plain prepositions ("Le Potager de Clémence", "Il Corriere di
# Valsenna"): closing a line they name a byline only after a date or a posting verb.
_PREPOSITION_BY = lexicon.word_set("by_prepositions")
_WORDS = regex.compile(r"\w+")
META_MAX_CHARS = 500  # a byline or date line is short; longer ones are never read as one
# what leads up to "by Jane Doe" on a meta line: a date or time, or a posting verb
_META_LEAD = regex.compile(
    r"\d|^\W*(?:posted|written|published|filed|uploaded|submitted|updated|photos?|text|story|words)\b",
    regex.IGNORECASE,
)
BARE_NAME = regex.compile(rf"^\s*(?P<name>{_NAME})\s*$")
# Meta lines are split into segments at these: "Jane Doe · 12 March 2024 · 7 min read".
# Whitespace runs are possessive and read from their start only (a start inside a
# run has the same continuation): linear on a line padded with spaces.
META_SPLIT = regex.compile(
    r"(?<!\s)\s++[·|•—–]\s++|(?<!\s)\s++-\s++|(?<!\s)\s*+\|\s*+|\|\s*+"
    r"|,\s+(?=(?-i:\p{Lu})\p{Ll}+\s+(?:Writer|Editor|Reporter|Correspondent)\b)"
)



def read_meta_line(text: str) -> tuple[tuple[int, int] | None, TimeMatch | None]:
    """The byline name's span and the date in a short meta line, where present.

    >>> line = "Posted on July 19, 2012 by Edwin Marsh"
    >>> name, when = read_meta_line(line)
    >>> line[name[0]:name[1]], when.stamp.raw
    ('Edwin Marsh', 'July 19, 2012')
    >>> line = "Tomas Eklund · 12 March 2024 · 7 min read"
    >>> name, when = read_meta_line(line); line[name[0]:name[1]]
    'Tomas Eklund'
    >>> read_meta_line("By the end of the day the council had agreed.")[0] is None
    True
    >>> read_meta_line("Tomas Eklund")  # a bare name alone is no byline
    (None, None)
    """
    when = find_time_span(text)
    segments = meta_segments(text)
    bare: tuple[int, int] | None = None
    for lo, hi in segments:
        if when is not None and lo <= when.start and when.end <= hi:
            # "Posted on <date> by Jane": read the name from what follows the date
            m = _BYLINE_CLOSE.search(text[when.end : hi])
            if m:
                return (when.end + m.start("name"), when.end + m.end("name")), when
            continue
        piece = text[lo:hi]
        m = labelled_name(piece)
        if m:
            return (lo + m.start("name"), lo + m.end("name")), when
        m = BARE_NAME.match(piece)
        if m and bare is None and 2 <= len(m.group("name").split()) <= 4:
            bare = (lo + m.start("name"), lo + m.end("name"))
    # a bare name counts only beside a date, on a line cut into segments
    if bare is not None and when is not None and len(segments) > 1:
        return bare, when
    return None, when


def meta_segments(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of a meta line's segments, cut at `META_SPLIT`.

    >>> line = "Tomas Eklund · 12 March 2024 · 7 min read"
    >>> [line[a:b] for a, b in meta_segments(line)]
    ['Tomas Eklund', '12 March 2024', '7 min read']
    """
    segments: list[tuple[int, int]] = []
    pos = 0
    for m in META_SPLIT.finditer(text):
        segments.append((pos, m.start()))
        pos = m.end()
    segments.append((pos, len(text)))
    return segments


def labelled_name(piece: str) -> regex.Match[str] | None:
    """A byline in one segment, its label opening or closing it (group "name").

    >>> labelled_name("By Jane Doe, Staff Writer").group("name")
    'Jane Doe'
    >>> labelled_name("Photos and text by Jane Doe").group("name")
    'Jane Doe'
    >>> labelled_name("Lakers squeak by Grizzlies in overtime") is None
    True
    """
    m = _BYLINE_OPEN.match(piece)
    if m is not None:
        return m
    # "Photos and text by Jane Doe", not "Lakers squeak by Grizzlies": without a
    # date beside it, few words may lead up to the label
    m = _BYLINE_CLOSE.search(piece)
    if m is None:
        return None
    lead = piece[: m.start()]
    if not _META_LEAD.search(lead) and (
        len(_WORDS.findall(lead)) > 3 or m.group("by").casefold() in _PREPOSITION_BY
    ):
        return None
    return m


def date_only(text: str, when: TimeMatch, max_label_words: int = 3) -> bool:
    """A line that is a date with at most a short label ("Updated", "Last modified:").

    >>> line = "Updated March 12, 2024 at 9:40 a.m."
    >>> date_only(line, find_time_span(line))
    True
    >>> line = "On March 12, 2024 the council met again."
    >>> date_only(line, find_time_span(line))
    False
    """
    rest = text[: when.start] + " " + text[when.end :]
    return len(_WORDS.findall(rest)) <= max_label_words and not rest.rstrip().endswith(
        (".", "!", "?")
    )


# "Source: Press Association", "Cast: ...", "Filed under: ...": a field of the page's
# metadata, not a headline.
FIELD = regex.compile(
    r"^\s*(?:source|location|courtesy|credits?|cast|starring|director|release(?:d)?|filed under"
    r"|categor(?:y|ies)|tags?|topics?|keywords|section|rating|genre|runtime|quelle|fuente|fonte"
    r"|источник|rubrique|catégorie|kategorie|schlagworte|etiquetas|图注|图片|来源|作者|责任编辑|摄影)\s*[:：]",
    regex.IGNORECASE,
)
# "Derby County (0) 0 Wigan Athletic (0) 1": a result line under a match report's headline.
_TEAM = r"(?:(?-i:\p{Lu})[\p{L}.'&-]*\s+){1,4}"
_GOALS = r"\(?\d{1,3}\)?(?:\s+\(?\d{1,3}\)?)?"
SCORE_LINE = regex.compile(rf"^\s*{_TEAM}{_GOALS}\s*[-–,]?\s+{_TEAM}{_GOALS}\s*$")
# "Jane Doe, The Harbor Ledger", "Jane Doe in Lisbon": an unlabelled byline.
NAME_LINE = regex.compile(
    r"^\s*(?-i:\p{Lu}[\p{L}'’-]+)(?:\s+(?-i:\p{Lu})\.?)?(?:\s+(?-i:\p{Lu}[\p{L}'’-]+)){1,2}"
    r"\s*(?:,|\bat\b|\bin\b|\bfor\b|—|–|-)\s*(?-i:\p{Lu})[^.!?]{0,40}$"
)
# "AP Sports Writer", "Staff Reporter", "The Oregonian Staff": the byline's second line.
ROLE_LINE = regex.compile(
    r"^\W*(?:\w+\W+){0,4}(?:writer|reporter|correspondent|editor|columnist|staff|contributor"
    r"|redakteur|korrespondent|rédacteur|redactor|corresponsal|giornalista)\W*$",
    regex.IGNORECASE,
)
