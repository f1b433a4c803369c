"""Long fuzz run of `textclean.clean` and the configuration loader.

    pip install -e '.[fuzz]'                        # atheris (libFuzzer), if it installs
    python benchmarks/fuzz.py -runs=100000          # clean(); libFuzzer flags pass through
    python benchmarks/fuzz.py --target=layers -runs=1000000 SEEDS/   # the layers under it
    python benchmarks/fuzz.py --target=layers --no-instrument -runs=1000000   # fast, unguided
    python benchmarks/fuzz.py -max_total_time=3600 -max_len=256
    python benchmarks/fuzz.py --hypothesis 20000    # without atheris: hypothesis examples

Target `clean` (the default, ~3 ms an input): each input is cleaned as bytes and,
read as UTF-8 with lone surrogates allowed, as a str; the Document must
serialise, round-trip and tile its input. Target `layers` (~0.1 ms): decoding,
line splitting (offsets tile the text), dates (a span is its raw text), the
strong-span scanner (must agree with the pattern it replaces) and the
configuration loader (as TOML and JSON: a Pipeline or a ConfigError naming the
file). A seed directory (e.g. one file per fixture line) helps mutation. Crashes are written to
benchmarks/fuzz-crashes/ (libFuzzer artifacts); the count of executions is
printed at exit. Keep every crash as a regression test in tests/test_hostile.py.
"""

from __future__ import annotations

import atexit
import itertools
import sys
import tempfile
from pathlib import Path

CRASHES = Path(__file__).resolve().parent / "fuzz-crashes"
COUNT = {"executions": 0, "str": 0, "not_text": 0, "configs_ok": 0}


def _check_document(data: str | bytes) -> bool:
    import textclean
    from textclean.models import Document
    from textclean.segment import decode

    doc = textclean.clean(data)
    payload = doc.model_dump_json()
    again = Document.model_validate_json(payload)
    if again.model_dump_json() != payload:
        raise AssertionError("Document JSON does not round-trip")
    text = decode(data)[0]
    pos = 0
    for seg in doc.segments:
        if seg.start != pos or seg.end <= seg.start:
            raise AssertionError(f"partition broken at {pos}: {seg}")
        pos = seg.end
    if pos != len(text) or doc.length != len(text):
        raise AssertionError(f"partition covers {pos} of {len(text)} characters")
    return any(note.kind == "not-text" for note in doc.notes)


_CONFIG_DIR = Path(tempfile.mkdtemp(prefix="textclean-fuzz-"))


def _check_config(data: bytes, on_disk: bool) -> None:
    from textclean import ConfigError, Pipeline
    from textclean.pipeline import _parse_config

    for suffix in (".toml", ".json"):
        path = _CONFIG_DIR / f"fuzz{suffix}"
        try:
            if on_disk:
                path.write_bytes(data)
                Pipeline.from_config(path)
            else:  # the same parsing and validation without the file system
                Pipeline.from_config(_parse_config(data, path))
            COUNT["configs_ok"] += 1
        except ConfigError as err:
            if on_disk and str(path) not in str(err):
                raise AssertionError(f"ConfigError without the file name: {err}") from err


def _check_strong(text: str) -> None:
    from textclean.normalize import MARKDOWN_STRONG, strong_spans

    if strong_spans(text) != [m.span() for m in MARKDOWN_STRONG.finditer(text)]:
        raise AssertionError("strong_spans disagrees with MARKDOWN_STRONG")


def _as_str(data: bytes) -> str | None:
    text = data.decode("utf-8", "surrogatepass") if _valid_utf8_surrogates(data) else None
    if text is not None:
        COUNT["str"] += 1
    return text


def clean_target(data: bytes) -> None:
    """`clean` on the bytes and on them as a str: raises on any broken guarantee."""
    COUNT["executions"] += 1
    if _check_document(data):
        COUNT["not_text"] += 1
    text = _as_str(data)
    if text is not None:
        _check_document(text)
    _check_config(data, on_disk=True)


def layers_target(data: bytes) -> None:
    """The layers under `clean` that read raw text, cheap enough for millions of runs:
    decoding, line splitting and mark blanking (offsets kept), dates, normalisation,
    the strong-span scanner against its pattern, and the configuration loader."""
    from textclean.dates import find_time_span
    from textclean.normalize import clean_text
    from textclean.segment import decode, not_text, split_paragraph_lines

    COUNT["executions"] += 1
    for raw in (data, _as_str(data)):
        if raw is None:
            continue
        text, _notes = decode(raw)
        text.encode("utf-8")  # serialisable: no surrogate survives decoding
        if not_text(text) is not None:
            COUNT["not_text"] += 1
        lines = split_paragraph_lines(text)
        if lines[0].start != 0 or lines[-1].stop != len(text):
            raise AssertionError("lines do not tile the text")
        for before, after in itertools.pairwise(lines):
            if before.stop != after.start or len(before.text) != before.end - before.start:
                raise AssertionError(f"line offsets broken at {before}")
        for line in lines[:50]:
            for loose in (False, True):
                found = find_time_span(line.text, loose)
                if found and line.text[found.start : found.end] != found.stamp.raw:
                    raise AssertionError(f"time span is not its raw text: {found}")
        clean_text(text)
        _check_strong(text)
    _check_config(data, on_disk=False)


TARGETS = {"clean": clean_target, "layers": layers_target}


def _valid_utf8_surrogates(data: bytes) -> bool:
    try:
        data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return False
    return True


def _report() -> None:
    print(
        f"\nfuzz: {COUNT['executions']:,} executions ({COUNT['str']:,} also as str, "
        f"{COUNT['not_text']:,} not text, {COUNT['configs_ok']:,} configs loaded)",
        file=sys.stderr,
        flush=True,
    )


def _hypothesis(examples: int) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.binary(max_size=256) | st.text(max_size=120).map(str.encode))
    def target(data: bytes) -> None:
        clean_target(data)
        layers_target(data)

    target()


def main() -> None:
    atexit.register(_report)
    if len(sys.argv) > 1 and sys.argv[1] == "--hypothesis":
        _hypothesis(int(sys.argv[2]) if len(sys.argv) > 2 else 10_000)
        return
    try:
        import atheris
    except ImportError:
        print("atheris is not installed: running hypothesis instead", file=sys.stderr)
        _hypothesis(10_000)
        return
    if "--no-instrument" in sys.argv:  # ~20x the executions, mutation unguided
        sys.argv.remove("--no-instrument")
        import textclean
    else:
        with atheris.instrument_imports(include=["textclean"]):  # coverage guides mutation
            import textclean
            import textclean.filters

    textclean.clean("warm up the model and vocabularies")
    CRASHES.mkdir(exist_ok=True)
    argv = [*sys.argv, f"-artifact_prefix={CRASHES}/"]
    if not any(a.startswith("-max_len") for a in argv):
        argv.append("-max_len=256")
    target = TARGETS["clean"]
    for name in TARGETS:
        if f"--target={name}" in argv:
            argv.remove(f"--target={name}")
            target = TARGETS[name]
    atheris.Setup(argv, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
