"""Throughput of textclean.clean over the dev corpus (or any JSONL(.gz) of dumps).

    python benchmarks/speed.py                      # ../shared/corpus/dev-lines.jsonl.gz
    python benchmarks/speed.py CORPUS.jsonl.gz --field dump --limit 500

Prints docs/s and MB/s on one core, in-process, plus the slowest pages, and
the time of one synthetic 50 MB single-line page.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import _here  # noqa: F401  (this tree's textclean, not an installed one)

import textclean
from textclean.evaluation import read_records

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev-lines.jsonl.gz"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--field", default="dump")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--huge", action="store_true", help="also time a 50 MB single line")
    a = ap.parse_args()
    texts = [r[a.field] for r in read_records(a.corpus, a.limit)]
    textclean.clean(texts[0])  # load vocabularies and the model outside the timing
    timings = []
    start = time.perf_counter()
    for text in texts:
        t = time.perf_counter()
        textclean.clean(text)
        timings.append((time.perf_counter() - t, len(text)))
    secs = time.perf_counter() - start
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(
        f"{len(texts)} docs, {mb:.1f} MB in {secs:.2f} s: "
        f"{len(texts) / secs:.1f} docs/s, {mb / secs:.2f} MB/s (one core)"
    )
    slow = sorted(timings, reverse=True)[:3]
    print("slowest:", ", ".join(f"{s * 1000:.0f} ms ({n // 1000} KB)" for s, n in slow))
    if a.huge:
        huge = "word " * 10_000_000
        t = time.perf_counter()
        textclean.clean(huge)
        print(f"50 MB single line: {time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    main()
