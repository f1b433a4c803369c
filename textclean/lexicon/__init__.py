"""The words of every language the patterns know, one data file per language.

Month names, weekdays, "3 hours ago" and "vor 2 Tagen", "Jane says:", "In reply to",
"12 Comments", "By Jane Doe": the patterns that read them take their words from here,
so that a new language is a new data file, not an edit of regexes in several modules.

Layout: ``textclean/lexicon/{code}.json``, one file per language (ISO 639-1 code), each
an object with ``"language"`` and any of the fields in `FIELDS` (each field's meaning
is written there). Every word is lower case, as the pattern reads it under
IGNORECASE; a word several languages use is listed in each. ``months`` holds 12 lists
(January first) and ``weekdays`` 7 (Monday first); every other field is a flat list.
A word ending in ``*`` is a stem: ``"комментари*"`` stands for ``комментари\\w*``.

Where to add a language: a new file ``{code}.json`` here (or in a directory of your
own, below); no code changes. Extra directories come from ``TEXTCLEAN_LEXICON_PATH``
(directories separated by ``os.pathsep``) and from `add_lexicon_dir`, which also
reloads: a file there adds its words to the package's (a file named like a package
language adds to it; nothing removes a word).

Merge order, fixed: the package's files sorted by name, then each extra directory
(the environment's first, then those added, in order), its files sorted by name.
Nothing that the patterns see depends on it: `alternation` sorts longest first (then
by code point), sets have no order, and `months` keeps a word in its earliest month
wherever it is listed. `words` keeps the first occurrence of each word, in that order.

Loaded once, on first use (`functools.cache`), which is `import textclean`: the date
patterns' tables are built then. JSON rather than TOML for that reason: the C parser
reads and checks the ten files in about a millisecond, where tomllib (pure Python,
imported only for this) took about 9 ms to import and 2 ms per file of this size;
what each field means is written in `FIELDS` instead of in each file.
`reset` drops everything loaded and composed and calls the `on_reset` listeners
(`textclean.dates` rebuilds its tables and patterns), so that `add_lexicon_dir` and
`remove_lexicon_dir` take effect at once for the dates. A module that copies a table
at its own import keeps the words it was built with: the filters are imported by the
first `clean()`, so add directories before that.

>>> months()["märz"], months()["mar"]
(3, 3)
>>> alternation("ago_words")
'geleden|atrás|назад|ago|fa'
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

import regex

# Each field and what its words are for (the module that reads them in brackets).
FIELDS: dict[str, str] = {
    "months": "12 lists, January first: month names and abbreviations (dates)",
    "weekdays": "7 lists, Monday first: weekday names and abbreviations (dates)",
    "weekday_stems": "weekday abbreviations that may take any of `weekday_endings` (dates)",
    "weekday_endings": "endings of a weekday stem: 'tues' + 'day' (dates)",
    "time_connectors": "the word between a date and its clock time: 'at', 'um' (dates)",
    "time_units": "units of a relative time: 'hours', 'Tagen' (dates)",
    "relative_numbers": "words for a number in a relative time: 'a', 'ein' (dates)",
    "relative_hedges": "words before a relative time: 'about', 'etwa' (dates)",
    "amount_joiners": "the word joining two amounts: '2 hours and 5 minutes' (dates)",
    "ago_words": "words after an amount that make it past: 'ago', 'geleden' (dates)",
    "before_words": "words before an amount that make it past: 'vor', 'il y a' (dates)",
    "day_words": "relative days and moments standing alone: 'yesterday', 'heute' (dates)",
    "say_verbs": "a commenter's verb after the name: 'says', 'a écrit' (comments)",
    "reply_phrases": "phrases before the name answered: 'in reply to' (comments)",
    "comment_nouns": "the section's noun with a count: '12 comments' (comments)",
    "profile_fields": "fields of a forum poster's profile block: 'joined' (comments)",
    "posted_by_labels": "words that may open 'Posted by Jo': 'comment', 'posted' (comments)",
    "posted_by_words": "the 'by' of a comment's 'Posted by Jo' (comments)",
    "date_prepositions": "the word before a date after a name: 'on', 'am' (comments)",
    "form_openers": "first words of a comment form's heading: 'leave', 'schreibe' (comments)",
    "closed_subjects": "what 'is closed': 'comments', 'discussion' (comments)",
    "closed_verbs": "'are', 'has been' in 'Comments are closed' (comments)",
    "closed_states": "'closed', 'turned off' in 'Comments are closed' (comments)",
    "badge_words": "first words of a commenter's badge: 'top', 'verified' (comments)",
    "by_words": "a byline's label before the name: 'by', 'von', 'author:' (metadata)",
    "by_prepositions": "by-words that are also plain prepositions: 'de', 'von' (metadata)",
    "credit_words": "words of a photo credit: 'photo', 'bild' (metadata)",
    "consent_cookies": "the banner's subject: 'cookies', 'tracking' (consent)",
    "consent_asks": "the word for what a banner asks: 'consent', 'Einwilligung' (consent)",
    "consent_choices": "the reader's answers: 'accept', 'ablehnen', 'stimmen Sie' (consent)",
    "consent_privacy": "the policy it points to: 'privacy policy', 'Datenschutz' (consent)",
    "consent_partners": "who else sets cookies: 'partners', 'Drittanbieter' (consent)",
    "consent_purposes": "what cookies are for: 'personalised ads', 'Reichweitenmessung' (consent)",
    "consent_settings": "the banner's controls: 'settings', 'verwalten' (consent)",
    "consent_self": "the site of itself: 'we use', 'diese Website', 'by clicking' (consent)",
    "consent_embeds": "an embed held back: 'external content', 'Inhalt laden' (consent)",
    "read_also_labels": "a teaser link's label before its headline: 'Lea también:' (widgets)",
    "appeal_phrases": "the site asking the reader to act: 'follow us', 'abonnieren Sie' (appeals)",
    "follow_words": "the verb before a social network's name: 'follow', 'síguenos' (appeals)",
    "social_networks": "social networks' names, the same in every language: listed once (appeals)",
    "closing_headings": "a heading that ends the article: 'about the author' (appeals)",
}
# Fields holding one list per month or weekday, and how many.
_GROUPED = {"months": 12, "weekdays": 7}

PACKAGE_DIR = Path(__file__).resolve().parent
ENVIRONMENT = "TEXTCLEAN_LEXICON_PATH"
_added: list[Path] = []
_listeners: list[Callable[[], None]] = []

Entries = dict[str, list[list[str]]]


def directories() -> list[Path]:
    """Where the files are read from, in merge order."""
    extra = [Path(p) for p in os.environ.get(ENVIRONMENT, "").split(os.pathsep) if p]
    return [PACKAGE_DIR, *extra, *_added]


def add_lexicon_dir(path: str | os.PathLike[str]) -> None:
    """Read the language files of `path` too (after the others), from now on. A file
    that cannot be read is refused (ValueError or OSError) and nothing changes."""
    _added.append(Path(path))
    try:
        reset()
    except (ValueError, OSError):
        _added.pop()
        reset()
        raise


def remove_lexicon_dir(path: str | os.PathLike[str]) -> None:
    """Undo `add_lexicon_dir(path)` (its last addition)."""
    folder = Path(path)
    for k in range(len(_added) - 1, -1, -1):
        if _added[k] == folder:
            del _added[k]
            break
    else:
        raise ValueError(f"{folder} was not added")
    reset()


def on_reset(listener: Callable[[], None]) -> None:
    """Call `listener` whenever the lexicon is reloaded (a module rebuilding its tables)."""
    _listeners.append(listener)


def reset() -> None:
    """Forget everything loaded and composed, and tell the listeners."""
    for cached in (_load, languages, words, alternation, word_set, gate_words, months):
        cached.cache_clear()
    gate_alternation.cache_clear()
    for listener in _listeners:
        listener()


def _check(where: str, field: str, value: object) -> list[list[str]]:
    """`value` as groups of words, or a ValueError that says where it went wrong."""
    if field not in FIELDS:
        raise ValueError(f"{where}: unknown field {field!r} (known: {', '.join(FIELDS)})")
    count = _GROUPED.get(field)
    groups = value if count is not None else [value]
    if not isinstance(groups, list) or (count is not None and len(groups) != count):
        raise ValueError(f"{where}: {field} must be {count} lists of words")
    for group in groups:
        if not isinstance(group, list) or not all(type(w) is str for w in group):
            raise ValueError(f"{where}: {field}: words are non-empty lower-case strings")
        for w in group:
            if not w or w != w.strip().lower():
                raise ValueError(f"{where}: {field}: words are non-empty lower-case strings")
    return groups


def read_file(file: Path, check: bool = True) -> tuple[str, Entries]:
    """One language file: its language and its fields as groups of words. `check=False`
    (the package's own files, which tests/test_lexicon.py checks) skips the word checks,
    half of the load."""
    data = json.loads(file.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("language"), str):
        raise ValueError(f"{file}: an object with a 'language' is expected")
    if not check:
        return data["language"], {
            k: v if k in _GROUPED else [v] for k, v in data.items() if k != "language"
        }
    fields = {k: _check(str(file), k, v) for k, v in data.items() if k != "language"}
    return data["language"], fields


@cache
def _load() -> tuple[tuple[str, Entries], ...]:
    """Every language file, in merge order."""
    return tuple(
        read_file(file, check=folder != PACKAGE_DIR)
        for folder in directories()
        for file in sorted(folder.glob("*.json"))
    )


@cache
def languages() -> tuple[str, ...]:
    """The languages loaded, in merge order (each once)."""
    return tuple(dict.fromkeys(language for language, _ in _load()))


def _groups(field: str) -> list[list[str]]:
    """The field's groups merged over all languages: group k holds every language's."""
    merged: list[list[str]] = [[] for _ in range(_GROUPED.get(field, 1))]
    for _, fields in _load():
        for k, group in enumerate(fields.get(field, ())):
            merged[k].extend(group)
    return merged


@cache
def words(field: str) -> tuple[str, ...]:
    """Every word of `field` (a grouped field flattened), each once, in merge order.

    >>> words("before_words")
    ('vor', 'hace', 'il y a', 'há', 'ha')
    """
    if field not in FIELDS:
        raise KeyError(field)
    return tuple(dict.fromkeys(w for group in _groups(field) for w in group))


# Words of letters, spaces and apostrophes need no escaping (most of them: `regex.escape`
# is a Python loop over characters, the larger part of the lexicon's load). A whole
# field is tested at once, its words joined by NUL (which is literal in a pattern too).
_PLAIN = regex.compile(r"[\w' ]+")
_PLAIN_JOINED = regex.compile(r"[\w' \x00]+")


def _escape(text: str) -> str:
    return text if _PLAIN.fullmatch(text) else regex.escape(text, literal_spaces=True)


def _piece(word: str) -> str:
    return _escape(word[:-1]) + r"\w*" if word.endswith("*") else _escape(word)


def _longest_first(items: Iterable[str]) -> list[str]:
    return sorted(set(items), key=lambda w: (-len(w.rstrip("*")), w))


@cache
def alternation(*fields: str) -> str:
    """The words of `fields` as one regex alternation: escaped, longest first (then by
    code point), so a word never loses to its own prefix and file order never shows.

    >>> alternation("relative_numbers")
    'a few|einem|einen|einer|een|ein|one|una|une|uno|an|un|a'
    >>> alternation("before_words")
    'il y a|hace|vor|ha|há'
    >>> regex.fullmatch(alternation("comment_nouns"), "комментариев") is not None
    True
    """
    return alternation_of(w for f in fields for w in words(f))


def alternation_of(items: Iterable[str]) -> str:
    """`alternation` of any words (for a pattern that takes some of a field's words).

    >>> alternation_of(["a", "a few", "einem"])
    'a few|einem|a'
    """
    ordered = _longest_first(items)
    if _PLAIN_JOINED.fullmatch("\0".join(ordered)):  # nothing to escape, no stem: the usual case
        return "|".join(ordered)
    return "|".join(_piece(w) for w in ordered)


@cache
def word_set(*fields: str) -> frozenset[str]:
    """The words of `fields`, casefolded, as a set."""
    return frozenset(w.casefold() for f in fields for w in words(f))


def _key_word(entry: str) -> str:
    """The longest word of an entry (the first of the longest): a line holding the entry
    holds this word ("a dit" -> "dit", "il y a" -> "il", "aujourd'hui" -> "aujourd")."""
    if entry.endswith("*"):
        raise ValueError(f"a stem has no whole word: {entry!r}")
    found = regex.findall(r"\w+", entry.casefold())
    if not found:
        raise ValueError(f"no word in {entry!r}")
    return max(found, key=len)


@cache
def gate_words(*fields: str) -> frozenset[str]:
    """One word of each entry of `fields` (its longest, casefolded), for a cheap gate:
    a line that holds an entry as a phrase of whole words holds its word.

    >>> sorted(gate_words("before_words"))
    ['ha', 'hace', 'há', 'il', 'vor']
    """
    return frozenset(_key_word(w) for f in fields for w in words(f))


@cache
def gate_alternation(*fields: str) -> str:
    """`gate_words(*fields)` as a substring alternation, a word dropped where a shorter
    one is inside it (a line whose fold holds the longer holds the shorter)."""
    pieces = sorted(gate_words(*fields), key=len)
    kept: list[str] = []
    for piece in pieces:
        if not any(k in piece for k in kept):
            kept.append(piece)
    return alternation_of(kept)


def first_letters(*fields: str) -> frozenset[str]:
    """The casefolded first letters of the words of `fields`."""
    return frozenset(w[:1].casefold() for f in fields for w in words(f))


@cache
def months() -> dict[str, int]:
    """Every month word and its month (1-12); a word listed in two months keeps the
    earlier one.

    >>> months()["janvier"], months()["dez"]
    (1, 12)
    """
    found: dict[str, int] = {}
    for month, names in enumerate(_groups("months"), start=1):
        for name in names:
            found.setdefault(name, month)
    return found
