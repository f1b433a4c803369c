"""The start-up caches (textclean.vocabulary): what they hold is what building from
source gives, a broken or unwritable cache only costs speed, and output is the same
with the caches warm, cold or off. Also the lazy parts of `import textclean`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import textclean
from textclean import language, startup_cache, vocabulary
from textclean.vocabulary import Vocabulary

from .conftest import FIXTURES, ROOT


def _tables(v: Vocabulary) -> tuple[object, ...]:
    # item lists, so that insertion order (the first-loaded-wins tie rule) counts too
    return (
        list(v.exact.items()),
        list(v.prefix.items()),
        list(v.suffix.items()),
        list(v.contains.items()),
        v.languages,
        v.words,
        v._longest,
    )


def _vocab_sources() -> list[tuple[str, bytes]]:
    codes = ["en", *[c for c in vocabulary.available_vocabularies() if c != "en"]]
    folder = ROOT / "textclean" / "data" / "vocab"
    return [(c, (folder / f"{c}.json").read_bytes()) for c in codes]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TEXTCLEAN_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_vocabulary_cache_matches_normalising_from_source(cache: Path) -> None:
    source = vocabulary.build_vocabulary(_vocab_sources())
    cold = vocabulary.load_vocabulary()  # builds and writes the cache
    assert list(cache.glob("vocab-*.marshal"))
    warm = vocabulary.load_vocabulary()  # reads it
    assert _tables(cold) == _tables(source) == _tables(warm)
    assert warm.match("Share on Facebook!") == "widget:share"
    german = [("de", dict(_vocab_sources())["de"])]
    assert _tables(vocabulary.load_vocabulary(["de"])) == _tables(
        vocabulary.build_vocabulary(german)
    )


def test_stopword_index_cache_matches_source(cache: Path) -> None:
    source = language._build_index()
    cold = language._index.__wrapped__()
    assert list(cache.glob("stopword-index-*.marshal"))
    warm = language._index.__wrapped__()
    assert cold == source == warm


def test_broken_cache_files_are_ignored(cache: Path) -> None:
    vocabulary.load_vocabulary()
    language._index.__wrapped__()
    files = sorted(cache.glob("*.marshal"))
    assert len(files) == 2
    source = _tables(vocabulary.build_vocabulary(_vocab_sources()))
    index = language._build_index()
    for damage in (b"", b"not marshal at all", None):
        for f in files:
            if damage is None:  # flip a byte of the payload: the checksum catches it
                raw = bytearray(f.read_bytes())
                raw[-10] ^= 0xFF
                f.write_bytes(bytes(raw))
            else:
                f.write_bytes(damage)
        assert _tables(vocabulary.load_vocabulary()) == source
        assert language._index.__wrapped__() == index
    # a file of another key (another version) under the same name is not used
    for f in files:
        startup_cache._write_cache(f.name, ("other",), {"exact": {}})
    assert _tables(vocabulary.load_vocabulary()) == source
    assert language._index.__wrapped__() == index


def test_unwritable_or_disabled_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = _tables(vocabulary.build_vocabulary(_vocab_sources()))
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    for setting in (str(blocker / "cache"), ""):  # cannot be created; turned off
        monkeypatch.setenv("TEXTCLEAN_CACHE_DIR", setting)
        assert _tables(vocabulary.load_vocabulary()) == source
    assert startup_cache.cache_dir() is None
    assert list(tmp_path.iterdir()) == [blocker]


def test_old_cache_files_are_pruned(cache: Path) -> None:
    for k in range(startup_cache._KEEP_PER_KIND + 3):
        startup_cache._write_cache(f"vocab-{k:04d}.marshal", ("k", k), {})
    assert len(list(cache.glob("vocab-*.marshal"))) == startup_cache._KEEP_PER_KIND


_CHECK_PROGRAMS = """
import os, sys
from pathlib import Path
import regex
from textclean import startup_cache  # the cache is off here: nothing seeded
os.environ["TEXTCLEAN_CACHE_DIR"] = sys.argv[3]
payload = startup_cache._read_cache(sys.argv[1], startup_cache._regex_key())
main = startup_cache._regex_main()
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[2]).glob("*.txt"))]
samples = texts + [line for text in texts for line in text.splitlines()]
bad = []
for pattern, flags, version, args in payload:
    cached = main._regex.compile(*args)
    fresh = regex.compile(pattern, flags, cache_pattern=False)
    same = version == regex.DEFAULT_VERSION and all(
        getattr(cached, a) == getattr(fresh, a)
        for a in ("pattern", "flags", "groups", "groupindex")
    )
    for text in samples if same else ():
        found = [(m.span(), m.groups()) for m in cached.finditer(text)]
        if found != [(m.span(), m.groups()) for m in fresh.finditer(text)]:
            same = False
            break
    if not same:
        bad.append(pattern[:60])
print(len(payload), bad)
"""


def test_cached_regex_programs_are_what_regex_compiles(cache: Path) -> None:
    """Every program in the file is a program this `regex` builds for its pattern:
    the same pattern object, the same matches over every fixture text and line.

    (Not the same bytes: `regex` lists the members of a character set in set
    iteration order, which varies from process to process; the set is the same.)"""
    code = (
        "import textclean, textclean.dates as d\n"
        "textclean.clean('Posted on July 21, 2012 at 5:46 pm\\n3 hours ago\\nNov 8\\n')\n"
        "d._loose()\n"
    )
    env = {**os.environ, "TEXTCLEAN_CACHE_DIR": str(cache)}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=ROOT, timeout=300)
    files = list(cache.glob("regex-programs-*.marshal"))
    assert len(files) == 1
    payload = startup_cache._read_cache(files[0].name, startup_cache._regex_key())
    assert isinstance(payload, list)
    patterns = {p for p, _, _, _ in payload}
    assert {dates_source("_ABSOLUTE_SOURCE"), dates_source("_LOOSE_SOURCE"),
            dates_source("_RELATIVE_SOURCE")} <= patterns
    assert len(payload) > 80  # the filter modules' patterns too
    out = subprocess.run(
        [sys.executable, "-c", _CHECK_PROGRAMS, files[0].name, str(FIXTURES), str(cache)],
        check=True,
        capture_output=True, text=True, env={**env, "TEXTCLEAN_CACHE_DIR": ""}, cwd=ROOT,
        timeout=600,
    ).stdout
    assert out.strip() == f"{len(payload)} []"


def dates_source(name: str) -> str:
    from textclean import dates

    value = getattr(dates, name)
    assert isinstance(value, str)
    return value


_CLEAN_FIXTURES = """
import hashlib, json, sys
from pathlib import Path
import textclean
out = {}
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    doc = textclean.clean(path.read_text(encoding="utf-8"))
    out[path.name] = hashlib.sha1(doc.model_dump_json().encode()).hexdigest()
print(json.dumps(out))
"""


def test_output_is_the_same_with_the_caches_warm_cold_or_off(tmp_path: Path) -> None:
    def run(cache: str) -> dict[str, str]:
        env = {**os.environ, "TEXTCLEAN_CACHE_DIR": cache}
        done = subprocess.run(
            [sys.executable, "-c", _CLEAN_FIXTURES, str(FIXTURES)],
            check=True, capture_output=True, text=True, env=env, cwd=ROOT, timeout=600,
        )
        result: dict[str, str] = json.loads(done.stdout)
        return result

    off = run("")
    cold = run(str(tmp_path / "c"))
    assert sorted(p.name for p in (tmp_path / "c").iterdir() if p.suffix == ".marshal")
    warm = run(str(tmp_path / "c"))
    assert len(off) > 10
    assert off == cold == warm


def test_import_is_lazy_about_what_one_clean_does_not_need() -> None:
    code = (
        "import sys, textclean\n"
        "from textclean import dates\n"
        "lazy = ['numpy', 'textclean.filters', 'textclean.parallel', 'textclean.frames',"
        " 'multiprocessing', 'concurrent.futures']\n"
        "print([m for m in lazy if m in sys.modules], dates._absolute.cache_info().currsize)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout
    assert out.split("\n")[0] == "[] 0"


def test_lazy_public_names() -> None:
    from textclean import Failure, clean_many, to_records

    explain_module = sys.modules["textclean.explain"]

    assert callable(textclean.explain) and textclean.explain is not explain_module
    assert textclean.explain is explain_module.explain
    assert clean_many is textclean.clean_many and Failure.__module__ == "textclean.parallel"
    assert to_records is textclean.to_records
    assert {"clean_many", "to_frame", "CleaningError"} <= set(dir(textclean))
    assert set(textclean.__all__) <= set(dir(textclean))
    with pytest.raises(AttributeError):
        textclean.no_such_name  # noqa: B018
