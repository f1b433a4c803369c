"""Prove a rewrite of `textclean/dates.py` changes no result on real text.

Loads the reference `dates.py` from a git revision (default: the commit before
the linear-time rewrite) next to the working copy and compares every public
function over every line of the dev corpus (both dump styles):

    python benchmarks/dates_equivalence.py                  # reference cd44d46
    python benchmarks/dates_equivalence.py --rev main --limit 200

Prints the number of lines compared and every difference (exit status 1 if any).
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import _here  # noqa: F401  (this tree's textclean, not an installed one)

from textclean import dates as current
from textclean.evaluation import read_records

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
REFERENCE = "cd44d46"  # the last commit with the backtracking date patterns


def load_reference(rev: str) -> ModuleType:
    """`textclean/dates.py` as of `rev`, imported as a sibling of the current module."""
    source = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{rev}:textclean/dates.py"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    spec = importlib.util.spec_from_loader("textclean._dates_reference", loader=None)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    module.__package__ = "textclean"
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    exec(compile(source, f"{rev}:textclean/dates.py", "exec"), module.__dict__)
    return module


def corpus_lines(limit: int | None) -> Iterator[str]:
    for path in sorted(CORPUS.glob("dev-*.jsonl.gz")):
        for record in read_records(str(path), limit):
            yield from record["dump"].splitlines()


def outcome(module: ModuleType, line: str) -> tuple[object, ...]:
    """Everything the public functions say about one line, comparably."""

    def span(found: object) -> object:
        if found is None:
            return None
        return (found.start, found.end, found.stamp.model_dump())  # type: ignore[attr-defined]

    stamp = module.find_time(line)
    return (
        span(module.find_time_span(line)),
        span(module.find_time_span(line, loose=True)),
        stamp.model_dump() if stamp else None,
        module.is_short_age(line),
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rev", default=REFERENCE, help="git revision of the reference dates.py")
    ap.add_argument("--limit", type=int, help="records per corpus file")
    a = ap.parse_args()
    reference = load_reference(a.rev)
    lines = list(dict.fromkeys(corpus_lines(a.limit)))  # each distinct line once
    if not lines:
        print("no corpus under", CORPUS)
        return 0
    differences = 0
    clock = {"reference": 0.0, "current": 0.0}
    for line in lines:
        t = time.perf_counter()
        old = outcome(reference, line)
        clock["reference"] += time.perf_counter() - t
        t = time.perf_counter()
        new = outcome(current, line)
        clock["current"] += time.perf_counter() - t
        if old != new:
            differences += 1
            print(f"DIFF {line[:120]!r}\n  {a.rev}: {old}\n  now: {new}")
    print(
        f"{len(lines)} distinct lines compared, {differences} differences; "
        f"time {a.rev} {clock['reference']:.2f} s, current {clock['current']:.2f} s"
    )
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
