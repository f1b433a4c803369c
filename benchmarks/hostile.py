"""Time and peak memory of `textclean.clean` on hostile pages, one subprocess per case.

    python benchmarks/hostile.py             # the sizes of the hostile-input issue
    python benchmarks/hostile.py --quick     # a tenth of the sizes (a minute or so)
    python benchmarks/hostile.py --case share-on-facebook --case png

Each case runs in its own process, so its peak RSS (`resource.getrusage`
max RSS) is its own: `base` is the process after import and a warm-up page,
`peak` the maximum while cleaning. Time per MB should stay flat as a case grows.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import struct
import subprocess
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev-lines.jsonl.gz"
DATE = "Washington Post 06/24/04"


def _png(size: int) -> bytes:
    """A valid PNG of random pixels, about `size` bytes (compressed noise)."""
    rng = random.Random(7)
    width = 256
    rows = max(1, size // (width * 3))
    raw = b"".join(b"\x00" + rng.randbytes(width * 3) for _ in range(rows))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, rows, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def _real_pages(size: int) -> str:
    from textclean.evaluation import read_records

    parts: list[str] = []
    total = 0
    while total < size:
        for record in read_records(str(CORPUS), None):
            parts.append(record["dump"])
            total += len(record["dump"])
            if total >= size:
                break
    return "\n".join(parts)[:size]


def _comments(n: int) -> str:
    one = (
        "Jo Smith{k} says:\nJuly 21, 2012 at 5:46 pm\n"
        "I agree with every word of this article, thank you for writing it.\nReply\n"
    )
    return "A short article about the council budget, agreed on Tuesday.\n\n" + "".join(
        one.format(k=k % 97) for k in range(n)
    )


def _lines(line: str) -> Callable[[int], str]:
    """`n` copies of one line."""
    return lambda n: (line + "\n") * n


# name -> (build(size), full sizes, quick sizes, unit of size)
CASES: dict[str, tuple[Callable[[int], str | bytes], list[int], list[int], str]] = {
    "date-spaces": (lambda n: DATE + " " * n + "x", [400, 1600, 6400], [400, 1600, 6400], "spaces"),
    "strong-markers": (lambda n: "**a " * (n // 4), [1_000_000], [100_000], "chars"),
    "share-on-facebook": (
        lambda n: "Share on Facebook\n" * n,
        [200_000],
        [20_000],
        "lines",
    ),
    "donation-pairs": (lambda n: "$25\nDonate now\n" * n, [50_000], [5_000], "pairs"),
    "wordpress-comments": (_comments, [25_000], [2_500], "comments"),
    "png": (_png, [1_000_000], [100_000], "bytes"),
    "real-pages": (_real_pages, [1_000_000, 10_000_000], [300_000, 1_000_000], "chars"),
    # the comment filter's patterns (quadratic or worse before): a run of digits (one word,
    # so every line pattern sees it), and pages of 2,000-character lines of a name shape
    # then spaces or NBSP, a clock time after spaces, "Reply " again and again
    "digits-run": (lambda n: "1" * n, [16_000, 64_000, 256_000], [4_000, 16_000], "digits"),
    "posted-by-nbsp": (_lines("Posted by" + "\xa0" * 1990 + "x"), [100, 400], [25, 100], "lines"),
    "says-spaces": (_lines("Jo" + " " * 1990 + "x says"), [100, 400], [25, 100], "lines"),
    "clock-after-spaces": (_lines(" " * 1990 + "12:30 x"), [100, 400], [25, 100], "lines"),
    "reply-run": (_lines("Reply " * 330), [100, 400], [25, 100], "lines"),
}


def _max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def run_case(name: str, size: int) -> dict[str, object]:
    """In this process: build the input, clean it, report time and memory."""
    import textclean

    textclean.clean("Menu\n\nThe council met on Tuesday and agreed the budget.\n")  # warm-up
    data = CASES[name][0](size)
    base = _max_rss_mb()
    start = time.perf_counter()
    doc = textclean.clean(data)
    seconds = time.perf_counter() - start
    nbytes = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "replace"))
    return {
        "case": name,
        "size": size,
        "mb": nbytes / 1e6,
        "seconds": seconds,
        "base_mb": base,
        "peak_mb": _max_rss_mb(),
        "article": doc.article is not None,
        "comments": len(doc.comments),
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="small sizes")
    ap.add_argument("--case", action="append", choices=sorted(CASES), help="only these cases")
    ap.add_argument("--timeout", type=float, default=900, help="seconds per case")
    ap.add_argument("--child", nargs=2, metavar=("CASE", "SIZE"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        print(json.dumps(run_case(a.child[0], int(a.child[1]))))
        return 0
    head = ("case", "size", "MB", "seconds", "s/MB", "base MB", "peak MB")
    print(f"{head[0]:<20} {head[1]:>16} " + " ".join(f"{h:>8}" for h in head[2:]))
    for name in a.case or list(CASES):
        _build, full, quick, unit = CASES[name]
        if name == "real-pages" and not CORPUS.exists():
            print(f"{name:<20} skipped: no corpus at {CORPUS}")
            continue
        for size in quick if a.quick else full:
            cmd = [sys.executable, __file__, "--child", name, str(size)]
            try:
                out = subprocess.run(cmd, capture_output=True, text=True, timeout=a.timeout)
            except subprocess.TimeoutExpired:
                print(f"{name:<20} {size:>16,} {'':>8} {'>' + str(int(a.timeout)):>8}  timed out")
                continue
            if out.returncode != 0:
                print(f"{name:<20} {size:>16,} failed: {out.stderr.strip().splitlines()[-1:]}")
                continue
            r = json.loads(out.stdout)
            per_mb = r["seconds"] / r["mb"] if r["mb"] else 0.0
            label = f"{size:,} {unit}"
            print(
                f"{name:<20} {label:>16} {r['mb']:>8.2f} {r['seconds']:>8.2f} "
                f"{per_mb:>8.2f} {r['base_mb']:>8.0f} {r['peak_mb']:>8.0f}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
