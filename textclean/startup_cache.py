"""Start-up caches: work that depends only on its inputs, done once per machine.

A fresh process used to spend about 0.2 s of CPU normalising the 13,798
shipped patterns, and about 0.35 s in the `regex` module compiling the package's
patterns (it parses and optimises them in Python and caches the result only
in-process). Both results depend only on their inputs, so they are kept in
files under a cache directory, written on first use and read by every later
process (a few milliseconds):

- the directory is ``$TEXTCLEAN_CACHE_DIR`` if set (an empty value turns the
  caches off), else ``$XDG_CACHE_HOME/textclean``, else ``~/.cache/textclean``;
- every file carries its key (format, Python, `regex` and Unicode versions;
  for a vocabulary also a hash of the source JSON and of `textclean.vocabulary`'s code)
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
builds without the runtime dependencies. `textclean.vocabulary` keeps its
normalised tables, `textclean.language` its stop-word index and `textclean.langid`
the identifier's model arrays (`cached_build`).

``tests/test_startup_cache.py`` checks the caches against building from
source, and that output is the same with them warm, cold or off.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import threading
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, TypeVar

import regex

_T = TypeVar("_T")

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
