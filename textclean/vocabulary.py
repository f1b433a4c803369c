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

Start-up caches
---------------

A fresh process used to spend about 0.2 s of CPU here normalising the 13,798
shipped patterns, and about 0.35 s in the `regex` module compiling the package's
patterns (it parses and optimises them in Python and caches the result only
in-process). Both results depend only on their inputs, so they are kept in
files under a cache directory, written on first use and read by every later
process (a few milliseconds):

- the directory is ``$TEXTCLEAN_CACHE_DIR`` if set (an empty value turns the
  caches off), else ``$XDG_CACHE_HOME/textclean``, else ``~/.cache/textclean``;
- every file carries its key (format, Python, `regex` and Unicode versions;
  for a vocabulary also a hash of the source JSON and of this module's code)
  and a checksum of its payload: a file that is missing, stale, corrupt or
  unreadable is ignored and the work is done from source, and a directory
  that cannot be written is simply not written (no error, only the old speed);
- regex programs are the arguments `regex` itself hands to its C compiler for
  a (pattern, flags) pair (parsing and optimising is the slow, Python part;
  building the pattern object from them takes microseconds), so a cached
  pattern is an object that compiling builds: `regex`'s output already varies
  from process to process in the order it lists a character set's members,
  never in what it matches. They are put into `regex`'s own in-process cache
  (`seed_regex_cache`), so that modules compiling at import
  (``regex.compile(...)``) get them unchanged; programs compiled inside
  `capturing_regex_programs` are added to the file. This uses `regex`'s
  private compile cache and C entry point, which is why the file is keyed by
  the exact `regex` version and anything unexpected turns the cache off.

Other ways were measured and not taken: precomputed data checked in beside
the JSON goes stale silently when someone edits a list (and cannot hold regex
programs, which depend on the installed `regex`); compiling rarely used
patterns lazily (the date patterns are: see `textclean.dates`) keeps them out
of `import textclean`, but the first clean() of a real page needs most of
them; writing the caches at build time does not work for editable installs or
builds without the runtime dependencies. `textclean.language` keeps its
stop-word index the same way (`cached_build`).

``tests/test_startup_cache.py`` checks the caches against building from
source, and that output is the same with them warm, cold or off.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import sys
import threading
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import regex

_T = TypeVar("_T")

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


# -- start-up caches (see the module docstring) ----------------------------------------

_CACHE_FORMAT = 1
# Cap on cached regex programs: stale patterns (edited since) fall out, oldest first.
# Below `regex`'s own in-process cache size (500), so seeding never makes it shrink.
_MAX_REGEX_PROGRAMS = 400


def cache_dir() -> Path | None:
    """Where the start-up caches live, or None when they are turned off."""
    env = os.environ.get("TEXTCLEAN_CACHE_DIR")
    if env is not None:
        return Path(env) if env else None
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        home = os.path.expanduser("~")
        if home.startswith("~"):  # no home directory: no cache rather than a "~" folder
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "textclean"


def _runtime_key() -> tuple[object, ...]:
    return (
        _CACHE_FORMAT,
        sys.implementation.cache_tag,
        sys.version,
        regex.__version__,
        unicodedata.unidata_version,
    )


def _read_cache(name: str, key: tuple[object, ...]) -> Any:
    """The payload of cache file `name` if it exists, has `key` and is intact, else None."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        blob = (folder / name).read_bytes()
    except OSError:
        return None
    try:
        stored_key, digest, data = marshal.loads(blob)
        if stored_key != key or hashlib.sha256(data).hexdigest() != digest:
            return None
        return marshal.loads(data)
    except (ValueError, TypeError, EOFError):
        return None


def _short_hash(key: tuple[object, ...]) -> str:
    return hashlib.sha256(repr(key).encode()).hexdigest()[:24]


# Files of one kind kept side by side (several checkouts or versions on one machine
# each find theirs); writing a new one removes the oldest beyond this.
_KEEP_PER_KIND = 8


def _prune(folder: Path, name: str) -> None:
    kind = name.rsplit("-", 1)[0]
    try:
        files = sorted(folder.glob(f"{kind}-*.marshal"), key=lambda f: f.stat().st_mtime)
        for old in files[:-_KEEP_PER_KIND]:
            old.unlink()
    except OSError:
        pass


def _write_cache(name: str, key: tuple[object, ...], payload: Any) -> None:
    """Write a cache file atomically; any failure (unwritable, full disk) is ignored."""
    folder = cache_dir()
    if folder is None:
        return
    tmp: str | None = None
    try:
        data = marshal.dumps(payload)
        header: Any = (key, hashlib.sha256(data).hexdigest(), data)
        blob = marshal.dumps(header)
        folder.mkdir(parents=True, exist_ok=True)
        import tempfile

        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            out.write(blob)
        os.replace(tmp, folder / name)
        tmp = None
        _prune(folder, name)
    except (OSError, ValueError):
        pass
    finally:
        if tmp is not None:
            with suppress(OSError):
                os.unlink(tmp)


def cached_build(
    kind: str,
    sources: list[tuple[str, bytes]],
    code: Path,
    build: Callable[[], _T],
    dump: Callable[[_T], object],
    load: Callable[[Any], _T],
) -> _T:
    """`build()`, or its result kept in the start-up cache under a key made of the
    `sources` (name and bytes of each input file), the source of the module at
    `code` (whose code decides the result: any edit makes a new key) and the
    runtime versions. `dump` turns the result into marshal-able data and `load`
    turns that back, raising TypeError, ValueError or KeyError on a surprise (the
    result is then built again)."""
    h = hashlib.sha256()
    try:
        h.update(code.read_bytes())
    except OSError:  # pragma: no cover - a zipped install: the versions must do
        h.update(b"no source")
    for name, raw in sources:
        h.update(f"\0{name}\0{len(raw)}\0".encode())
        h.update(raw)
    key = (kind, *_runtime_key(), tuple(name for name, _ in sources), h.hexdigest())
    file = f"{kind}-{_short_hash(key)}.marshal"
    cached = _read_cache(file, key)
    if cached is not None:
        try:
            return load(cached)
        except (TypeError, ValueError, KeyError):
            pass  # a payload of another shape: build it again
    result = build()
    _write_cache(file, key, dump(result))
    return result


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


# Regex programs: (pattern, flags, default version) -> the `_regex.compile` arguments.
_programs: dict[tuple[str, int, int], tuple[object, ...]] = {}
_programs_lock = threading.RLock()
_seeded = False


def _regex_main() -> Any:
    """`regex`'s implementation module if its private cache looks as expected."""
    main = sys.modules.get(getattr(regex.compile, "__module__", "") or "")
    needed = ("_cache", "_cache_lock", "_named_args", "_locale_sensitive", "_regex")
    if main is None or not all(hasattr(main, n) for n in needed):
        return None
    tables = ("_cache", "_named_args", "_locale_sensitive")
    if not all(isinstance(getattr(main, n), dict) for n in tables):
        return None
    return main


def _regex_key() -> tuple[object, ...]:
    return ("regex-programs", *_runtime_key())


def _regex_file() -> str:
    return f"regex-programs-{_short_hash(_regex_key())}.marshal"


def seed_regex_cache() -> None:
    """Put the cached regex programs into `regex`'s in-process cache (once a process),
    so that compiling any of those (pattern, flags) pairs costs a dict look-up."""
    global _seeded
    with _programs_lock:
        if _seeded:
            return
        _seeded = True
        main = _regex_main()
        if main is None:
            return
        payload = _read_cache(_regex_file(), _regex_key())
        if not isinstance(payload, list):
            return
        with main._cache_lock:
            for entry in payload:
                try:
                    pattern, flags, version, args = entry
                    compiled = main._regex.compile(*args)
                except Exception:  # a program this `regex` refuses: compile it normally
                    continue
                key = (pattern, flags, version)
                _programs[key] = args
                main._locale_sensitive.setdefault((str, pattern), False)
                main._named_args.setdefault((pattern, str, flags), frozenset())
                main._cache.setdefault((pattern, str, flags, frozenset(), version, None), compiled)


class _CapturingCompiler:
    """Stands in for `regex`'s C module while capturing: records what it compiles."""

    def __init__(self, real: Any) -> None:
        self._real = real
        self.made: dict[int, tuple[object, tuple[object, ...]]] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def compile(self, *args: object) -> Any:
        compiled = self._real.compile(*args)
        self.made[id(compiled)] = (compiled, args)
        return compiled


def _plain(value: object) -> object:
    """`value` with int subclasses (RegexFlag) as plain ints, for marshal."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    if isinstance(value, frozenset):
        return frozenset(_plain(v) for v in value)
    raise TypeError(f"cannot cache a {type(value).__name__}")


@contextmanager
def capturing_regex_programs() -> Iterator[None]:
    """Within the block, patterns compiled by `regex` that the cache lacks are
    recorded, and written to the cache file at its end."""
    main = _regex_main()
    if main is None or cache_dir() is None:
        yield
        return
    seed_regex_cache()
    with _programs_lock:
        real = main._regex
        nested = isinstance(real, _CapturingCompiler)
        capture = real if nested else _CapturingCompiler(real)
        main._regex = capture
    try:
        yield
    finally:
        if not nested:
            with _programs_lock:
                main._regex = real
                _save_programs(main, capture.made)


def _save_programs(main: Any, made: dict[int, tuple[object, tuple[object, ...]]]) -> None:
    added = False
    with main._cache_lock:
        items = list(main._cache.items())
    for (pattern, kind, flags, lists, version, locale), compiled in items:
        hit = made.get(id(compiled))
        if hit is None or hit[0] is not compiled or kind is not str or lists or locale:
            continue  # not compiled here, a bytes pattern, named lists or a locale
        if main._locale_sensitive.get((str, pattern), True):
            continue
        key = (pattern, int(flags), int(version))
        if key in _programs:
            continue
        try:
            args: Any = _plain(hit[1])
            marshal.dumps(args)
        except (TypeError, ValueError):
            continue
        assert isinstance(args, tuple)
        _programs[key] = args
        added = True
    if not added:
        return
    while len(_programs) > _MAX_REGEX_PROGRAMS:
        del _programs[next(iter(_programs))]
    payload = [(p, f, v, args) for (p, f, v), args in _programs.items()]
    _write_cache(_regex_file(), _regex_key(), payload)
