"""Widget vocabulary: the UI words of web pages, per language, as data.

Files ``textclean/data/vocab/{lang}.json`` map a category (``widget:share``,
``navigation``, ``comment-header``...) to patterns over a *normalised* line
(casefolded, digit runs as ``#``, punctuation dropped, spaces collapsed):

- ``share on facebook``: the whole line is exactly this;
- ``filed under *``: the line starts with it (at most 12 words);
- ``* all rights reserved``: the line ends with it (at most 12 words);
- ``* powered by *``: the line contains it (at most 12 words).

>>> normalise("  Comments (14) ")
'comments #'
>>> default_vocabulary().match("Share on Facebook!")
'widget:share'
>>> default_vocabulary().match("The minister said he would share the figures.") is None
True

The normalised tables are kept in the start-up cache (`textclean.startup_cache`).
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import regex

from .startup_cache import cached_build

_DIGITS = regex.compile(r"\d+")
# Separators split words ("Trackbacks/Pingbacks"); other punctuation joins them ("e-mail").
_SEPARATORS = regex.compile(r"[/|·•,;:()\[\]]+")
_NOT_WORDISH = regex.compile(r"[^\p{L}\p{M}#\s]+")
_SPACES = regex.compile(r"\s+")
MAX_PATTERN_WORDS = 12
# Categories whose words are button words ("email", "print", "font"); navigation and
# related-story words ("news", "world", "sport") also make headlines, so they do not count.
_UI_WORD_CATEGORIES = (
    "widget:",
    "print",
    "comment-",
    "advertisement",
    "pagination",
    "footer",
    "tags",
)
# Lines longer than this are prose, never a UI label: skip the normalising work.
MAX_LABEL_CHARS = 160


# The ASCII form of the three steps after the digits: separators become spaces, what
# is not a letter, "#" or (regex) whitespace goes; then str.split() joins the
# spaces (the same runs, since \x1c-\x1f, Python-only whitespace, are gone by then).
_ASCII_KEEP = frozenset("#\t\n\x0b\x0c\r abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ASCII_FORM = {
    c: (" " if chr(c) in "/|,;:()[]" else None)
    for c in range(128)
    if chr(c) not in _ASCII_KEEP
}


def normalise(line: str) -> str:
    """The form vocabulary patterns are written in.

    >>> normalise("Share on Facebook | 12 Comments"), normalise("E-Mail (Kontakt):")
    ('share on facebook # comments', 'email kontakt')
    """
    if line.isascii():
        # NFC and casefold are plain lower() here; one translate does three passes
        return " ".join(_DIGITS.sub("#", line.lower()).translate(_ASCII_FORM).split())
    # NFC first: decomposed accents must match the precomposed vocabulary
    text = _DIGITS.sub("#", unicodedata.normalize("NFC", line).casefold())
    text = _SEPARATORS.sub(" ", text)
    text = _NOT_WORDISH.sub("", text)
    return _SPACES.sub(" ", text).strip()


@dataclass
class Vocabulary:
    """Compiled patterns of one or more languages; the first loaded wins a tie."""

    exact: dict[str, str] = field(default_factory=dict)
    prefix: dict[str, str] = field(default_factory=dict)
    suffix: dict[str, str] = field(default_factory=dict)
    contains: dict[str, str] = field(default_factory=dict)
    languages: list[str] = field(default_factory=list)
    words: set[str] = field(default_factory=set)
    """Every word of every pattern: lines made only of these read as UI text."""
    _longest: dict[str, int] = field(
        default_factory=lambda: {"prefix": 0, "suffix": 0, "contains": 0}
    )
    _edges: tuple[frozenset[str], frozenset[str], frozenset[str]] | None = field(
        default=None, repr=False, compare=False
    )
    """First words of prefix patterns, last words of suffix patterns, first words of
    contains patterns: built on first match, so most lines need no join at all."""
    _edges_for: tuple[int, int, int] = field(default=(-1, -1, -1), repr=False, compare=False)

    def _pattern_edges(self) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        # rebuilt whenever a table changed size (patterns added by `add` or by hand)
        sizes = (len(self.prefix), len(self.suffix), len(self.contains))
        if self._edges is None or sizes != self._edges_for:
            self._edges_for = sizes
            self._edges = (
                frozenset(p.split(" ", 1)[0] for p in self.prefix),
                frozenset(p.rsplit(" ", 1)[-1] for p in self.suffix),
                frozenset(p.split(" ", 1)[0] for p in self.contains),
            )
        return self._edges

    def add(self, category: str, pattern: str) -> None:
        pattern = pattern.strip()
        starts, ends = pattern.startswith("* "), pattern.endswith(" *")
        core = normalise(pattern.removeprefix("* ").removesuffix(" *"))
        if not core:
            return
        if category.startswith(_UI_WORD_CATEGORIES):
            self.words.update(w for w in core.split() if w != "#")
        table = (
            self.contains
            if starts and ends
            else self.suffix
            if starts
            else self.prefix
            if ends
            else self.exact
        )
        table.setdefault(core, category)
        kind = (
            "contains"
            if table is self.contains
            else "suffix"
            if table is self.suffix
            else ("prefix" if table is self.prefix else None)
        )
        if kind is not None:
            self._longest[kind] = max(self._longest[kind], core.count(" ") + 1)

    def add_file_data(self, data: dict[str, object]) -> None:
        categories = data.get("categories", {})
        if not isinstance(categories, dict):
            raise ValueError("vocabulary file: 'categories' must be an object")
        for category, patterns in categories.items():
            for pattern in patterns:
                self.add(str(category), str(pattern))
        lang = data.get("language")
        if isinstance(lang, str):
            self.languages.append(lang)

    def match(self, line: str) -> str | None:
        """The category of a line that is a UI label, else None."""
        if len(line) > MAX_LABEL_CHARS:
            return None
        norm = normalise(line)
        if not norm:
            return None
        return self.match_normalised(norm)

    def match_normalised(self, norm: str) -> str | None:
        hit = self.exact.get(norm)
        if hit is not None:
            return hit
        words = norm.split(" ")
        n = len(words)
        if n > MAX_PATTERN_WORDS:
            return None
        # only as many words as the longest pattern of each kind: a few joins a line;
        # and only where the line's edge word can begin (or end) some pattern
        firsts, lasts, inner = self._pattern_edges()
        if words[0] in firsts:
            for k in range(min(n, self._longest["prefix"]), 0, -1):
                hit = self.prefix.get(" ".join(words[:k]))
                if hit is not None:
                    return hit
        if words[-1] in lasts:
            for k in range(min(n, self._longest["suffix"]), 0, -1):
                hit = self.suffix.get(" ".join(words[n - k :]))
                if hit is not None:
                    return hit
        longest = self._longest["contains"]
        for i in range(n):
            if words[i] not in inner:
                continue
            for j in range(min(n, i + longest), i, -1):
                hit = self.contains.get(" ".join(words[i:j]))
                if hit is not None:
                    return hit
        return None


def available_vocabularies() -> tuple[str, ...]:
    folder = resources.files("textclean") / "data" / "vocab"
    if not folder.is_dir():
        return ()
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json")))


def load_vocabulary(languages: list[str] | None = None) -> Vocabulary:
    """Merge the vocabularies of `languages` (default: every shipped one, English first).

    The merged, normalised tables come from the start-up cache when its key (the
    source files' bytes, this module's code, the Python, `regex` and Unicode
    versions) matches; otherwise they are built from source and the cache written.
    """
    codes = list(languages) if languages is not None else list(available_vocabularies())
    if "en" in codes:
        codes.remove("en")
        codes.insert(0, "en")
    folder = resources.files("textclean") / "data" / "vocab"
    sources = [(code, (folder / f"{code}.json").read_bytes()) for code in codes]
    return cached_build(
        "vocab",
        sources,
        Path(__file__),
        lambda: build_vocabulary(sources),
        _vocabulary_payload,
        _vocabulary_from_payload,
    )


def build_vocabulary(sources: list[tuple[str, bytes]]) -> Vocabulary:
    """The vocabulary of (code, JSON bytes) files, normalised from source (no cache)."""
    vocab = Vocabulary()
    for _code, raw in sources:
        vocab.add_file_data(json.loads(raw.decode("utf-8")))
    return vocab


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    """Every shipped language at once: pages mix languages in their chrome."""
    return load_vocabulary()


def _vocabulary_payload(vocab: Vocabulary) -> dict[str, object]:
    return {
        "exact": vocab.exact,
        "prefix": vocab.prefix,
        "suffix": vocab.suffix,
        "contains": vocab.contains,
        "languages": vocab.languages,
        "words": vocab.words,
        "longest": vocab._longest,
    }


def _vocabulary_from_payload(data: Any) -> Vocabulary:
    tables = [data[k] for k in ("exact", "prefix", "suffix", "contains")]
    if not all(isinstance(t, dict) for t in tables):
        raise TypeError("vocabulary cache: not a table")
    if not isinstance(data["words"], set) or not isinstance(data["languages"], list):
        raise TypeError("vocabulary cache: bad words or languages")
    longest = data["longest"]
    if not isinstance(longest, dict) or set(longest) != {"prefix", "suffix", "contains"}:
        raise TypeError("vocabulary cache: bad lengths")
    return Vocabulary(
        exact=tables[0],
        prefix=tables[1],
        suffix=tables[2],
        contains=tables[3],
        languages=data["languages"],
        words=data["words"],
        _longest=longest,
    )
