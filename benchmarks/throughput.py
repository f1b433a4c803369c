"""Throughput of textclean against a plain line filter, on one core, in one process.

    python benchmarks/throughput.py               # 600 dev dumps, 3 interleaved rounds
    python benchmarks/throughput.py --sizes       # time per MB and peak RSS by page size
    python benchmarks/throughput.py --first       # import and the first clean(), fresh processes

The line filter is datatrove's C4QualityFilter with its sentence, curly-bracket and
lorem-ipsum rules off (`pip install -e '.[bench]'`). Both are timed in CPU seconds
(`time.process_time`) over the same dumps, in alternating rounds, so that load on
the machine's other core moves both alike; the figure that counts is the median of
the per-round ratios. `--sizes` runs each size in a fresh process (its own peak RSS;
`--repeat N`: N interleaved rounds, the median time and the largest peak):
pages made by concatenating real dev dumps up to 10 KB, 100 KB, 1 MB and 10 MB
(about 1 MB of different pages for the small sizes).
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import _here  # this tree's textclean, not an installed one

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus" / "dev-lines.jsonl.gz"
SIZES = {"10 KB": 10_000, "100 KB": 100_000, "1 MB": 1_000_000, "10 MB": 10_000_000}


def dumps(limit: int) -> list[str]:
    from textclean.evaluation import read_records

    return [r["dump"] for r in read_records(CORPUS, limit)]


def c4_filter():  # type: ignore[no-untyped-def]
    from datatrove.data import Document
    from datatrove.pipeline.filters import C4QualityFilter

    f = C4QualityFilter(min_num_sentences=-1, filter_curly_bracket=False, filter_lorem_ipsum=False)
    return lambda text, i: f.filter(Document(text=text, id=str(i)))


def cpu(fn, texts: list[str]) -> float:  # type: ignore[no-untyped-def]
    t = time.process_time()
    for i, text in enumerate(texts):
        fn(text, i)
    return time.process_time() - t


def throughput(limit: int, rounds: int) -> None:
    import textclean

    texts = dumps(limit)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    c4 = c4_filter()
    ours = lambda text, i: textclean.clean(text)  # noqa: E731
    ours(texts[0], 0), c4(texts[0], 0)  # load vocabularies and models outside the timing
    tc, cf = [], []
    for _ in range(rounds):
        tc.append(cpu(ours, texts))
        cf.append(cpu(c4, texts))
    ratios = [c / t for t, c in zip(tc, cf, strict=True)]
    t, c = statistics.median(tc), statistics.median(cf)
    print(f"{machine()}; {len(texts)} dev dumps, {mb:.2f} MB, {rounds} rounds, CPU time")
    print(f"  textclean  {len(texts) / t:8.1f} docs/s  {mb / t:6.2f} MB/s per core")
    print(f"  C4 filter  {len(texts) / c:8.1f} docs/s  {mb / c:6.2f} MB/s per core")
    print(f"  ratio textclean / C4 (median of rounds): {statistics.median(ratios):.4f}"
          f"  (rounds: {', '.join(f'{r:.4f}' for r in ratios)})")


def one_size(size: int) -> dict[str, float]:
    """Clean pages of about `size` bytes made of real dumps; CPU s, s/MB, peak RSS.
    Small sizes clean several different pages (about 1 MB in all) so that one
    page's quirks do not decide the figure."""
    import textclean

    textclean.clean("Warm up.\nThe council met and agreed the budget on Tuesday.\n")
    texts = dumps(1451)
    count = max(1, min(100, 1_000_000 // size))
    pages, k = [], 0
    for _ in range(count):
        parts, total = [], 0
        while total < size:
            text = texts[k % len(texts)]
            k += 1
            parts.append(text)
            total += len(text.encode("utf-8")) + 1
        pages.append("\n".join(parts).encode("utf-8")[:size].decode("utf-8", "ignore"))
    del texts
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t = time.process_time()
    for page in pages:
        textclean.clean(page)
    secs = time.process_time() - t
    mb = sum(len(page.encode("utf-8")) for page in pages) / 1e6
    return {"mb": mb, "pages": count, "seconds": secs, "s_per_mb": secs / mb,
            "rss_before_mb": rss_before,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def sizes(repeat: int = 1) -> None:
    """Each size `repeat` times, rounds interleaved (load on the other core moves
    every size alike): the median time and the largest peak RSS of the runs."""
    print(f"{machine()}; pages of each size, each size in a fresh process, CPU time"
          + (f", median of {repeat} interleaved runs" if repeat > 1 else ""))
    runs: dict[str, list[dict[str, float]]] = {label: [] for label in SIZES}
    for _ in range(repeat):
        for label, size in SIZES.items():
            out = subprocess.run([sys.executable, __file__, "--one-size", str(size)],
                                 check=True, capture_output=True, text=True).stdout
            runs[label].append(json.loads(out))
    base = None
    for label, rs in runs.items():
        r = dict(sorted(rs, key=lambda x: x["s_per_mb"])[(len(rs) - 1) // 2])  # the median run
        r["peak_rss_mb"] = max(x["peak_rss_mb"] for x in rs)
        base = base or r["s_per_mb"]
        print(f"  {label:>7} x {r['pages']:>3}: {r['seconds']:6.2f} s, {r['s_per_mb']:6.3f} s/MB "
              f"({r['s_per_mb'] / base:4.2f}x the 10 KB page's), "
              f"peak RSS {r['peak_rss_mb']:6.0f} MB "
              f"(after import {r['rss_before_mb']:.0f} MB)")


# One fresh process: the page is read before the clock starts (plain file I/O, no
# textclean module), then `import textclean` and the first clean() are timed apart,
# in CPU seconds (the figure that counts on a shared machine) and wall seconds.
_FIRST_CHILD = """
import sys, time
text = open(sys.argv[1], encoding="utf-8").read()
c0, w0 = time.process_time(), time.perf_counter()
import textclean
c1, w1 = time.process_time(), time.perf_counter()
textclean.clean(text)
c2, w2 = time.process_time(), time.perf_counter()
print(c1 - c0, c2 - c1, w1 - w0, w2 - w1)
"""


def first(runs: int) -> None:
    """Import and first clean() of real dev pages, each run a fresh process.

    Three start-up cache states (see textclean.vocabulary), each in its own
    directory so that the user's cache is neither used nor touched:
    `warm` (written by an earlier process: the usual case), `cold` (an empty
    directory: the first process after an install, which also writes the cache)
    and `off` (TEXTCLEAN_CACHE_DIR="": no cache at all). A version without the
    caches ignores the variable, so the three rows then measure the same thing.
    """
    import os
    import tempfile

    pages = dumps(runs)  # a different page in each run
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for k, text in enumerate(pages):
            path = Path(tmp) / f"page{k}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))

        # bytecode written as a plain `python` writes it (PYTHONDONTWRITEBYTECODE
        # would make every run compile textclean's sources: not a user's start-up)
        base_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        # the child imports this tree's textclean too
        roots = [str(_here.ROOT), os.environ.get("PYTHONPATH", "")]
        base_env["PYTHONPATH"] = os.pathsep.join(r for r in roots if r)

        def once(page: str, cache: str) -> list[float]:
            env = {**base_env, "TEXTCLEAN_CACHE_DIR": cache}
            out = subprocess.run([sys.executable, "-c", _FIRST_CHILD, page], check=True,
                                 capture_output=True, text=True, env=env).stdout
            return [float(x) for x in out.split()]

        warm_dir = str(Path(tmp) / "warm")
        once(paths[0], warm_dir)  # writes the warm cache (and any missing bytecode)
        results: dict[str, list[list[float]]] = {"warm": [], "cold": [], "off": []}
        for k in range(runs):  # states interleaved, so load on the machine moves all alike
            page = paths[k % len(paths)]
            results["warm"].append(once(page, warm_dir))
            results["cold"].append(once(page, str(Path(tmp) / f"cold{k}")))
            results["off"].append(once(page, ""))
    kb = sum(len(t.encode("utf-8")) for t in pages) / len(pages) / 1e3
    print(f"{machine()}; median of {runs} fresh processes per cache state, {len(pages)} real "
          f"dev pages (mean {kb:.1f} KB); CPU s (wall s)")
    for state, rows in results.items():
        columns = zip(*rows, strict=True)
        imp_cpu, cl_cpu, imp_wall, cl_wall = (statistics.median(col) for col in columns)
        print(f"  cache {state:>4}: import {imp_cpu:.3f} ({imp_wall:.3f}) s, "
              f"first clean() {cl_cpu:.3f} ({cl_wall:.3f}) s, "
              f"together {imp_cpu + cl_cpu:.3f} ({imp_wall + cl_wall:.3f}) s")


def machine() -> str:
    return f"{platform.machine()} {platform.python_implementation()} {platform.python_version()}"


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--limit", type=int, default=600)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--sizes", action="store_true")
    ap.add_argument("--repeat", type=int, default=1, help="--sizes: runs per size (median)")
    ap.add_argument("--first", action="store_true")
    ap.add_argument("--runs", type=int, default=9, help="fresh processes per cache state (--first)")
    ap.add_argument("--one-size", type=int, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.one_size:
        print(json.dumps(one_size(a.one_size)))
    elif a.sizes:
        sizes(a.repeat)
    elif a.first:
        first(a.runs)
    else:
        throughput(a.limit, a.rounds)


if __name__ == "__main__":
    main()
