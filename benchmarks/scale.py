"""Batch throughput and memory: `textclean clean WET --jobs 1` against `--jobs 2`.

    python benchmarks/scale.py                 # a WET file of 400 dev pages
    python benchmarks/scale.py --pages 1000 --jobs 1 2
    python benchmarks/scale.py --gb 1          # a 1 GB WET file (dev pages repeated)
    python benchmarks/scale.py --readers       # FastWARC against warcio on the same file
    python benchmarks/scale.py --start-methods # how long fork / forkserver / spawn take to start

Builds a WET file (gzipped, one member per record, as Common Crawl's) from the
dev corpus's dumps (`../shared/corpus/dev-lines.jsonl.gz`, field `dump`) with
FastWARC's writer, runs the command line over it as a subprocess, and prints
docs/s, the ratio to one job, and the peak RSS of the whole process tree
(parent and workers, summed, sampled every 50 ms from /proc). The machine's
load average is printed beside the figures: on a shared machine the ratio is
only as good as the cores that were free.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "dev-lines.jsonl.gz"


def dumps(corpus: Path, field: str) -> Iterator[str]:
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)[field]


def build_wet(path: Path, texts: list[str], *, pages: int, target_bytes: int | None) -> int:
    """Write conversion records (one gzip member each); return the page count."""
    from fastwarc.warc import WarcRecord, WarcRecordType

    written = n = 0
    with path.open("wb") as out:
        while True:
            text = texts[n % len(texts)]
            rec = WarcRecord()
            rec.init_headers(record_type=WarcRecordType.conversion)
            rec.headers["WARC-Target-URI"] = f"https://bench.example/{n}"
            rec.headers["WARC-Identified-Content-Language"] = "eng"
            rec.set_bytes_content(text.encode("utf-8"))
            buf = io.BytesIO()
            rec.write(buf)
            out.write(gzip.compress(buf.getvalue(), compresslevel=1))
            written += len(buf.getvalue())
            n += 1
            if target_bytes is not None:
                if written >= target_bytes:
                    return n
            elif n >= pages:
                return n


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            ppid, pages = int(fields[1]), int(fields[21])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
        rss[int(entry)] = pages * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo += children.get(p, [])
    return total


def run(wet: Path, jobs: int, out: Path) -> tuple[float, int, float]:
    """Wall seconds, peak tree RSS, and CPU seconds (user + system) of the whole tree."""
    cmd = [
        sys.executable,
        "-m",
        "textclean.cli",
        "clean",
        str(wet),
        "-o",
        str(out),
        "--jobs",
        str(jobs),
        "--force",
        "--quiet",
    ]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss(proc.pid))
        time.sleep(0.05)
    secs = time.perf_counter() - start
    err = proc.stderr.read() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"jobs={jobs} failed ({proc.returncode}): {err}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return secs, peak, cpu


def compare_readers(wet: Path) -> None:
    from fastwarc.warc import ArchiveIterator, WarcRecordType
    from warcio.archiveiterator import ArchiveIterator as WarcioIterator

    for name in ("fastwarc", "warcio"):
        start = time.perf_counter()
        n = size = 0
        with gzip.open(wet, "rb") as f:  # both read the same decompressed stream
            if name == "fastwarc":
                for rec in ArchiveIterator(f, record_types=WarcRecordType.conversion):
                    size += len(rec.reader.read())
                    n += 1
            else:
                for rec in WarcioIterator(f):
                    if rec.rec_type == "conversion":
                        size += len(rec.content_stream().read())
                        n += 1
        secs = time.perf_counter() - start
        print(
            f"{name:9} {n} records, {size / 1e6:.1f} MB in {secs:.2f} s "
            f"({size / 1e6 / secs:.0f} MB/s)"
        )
    # the raw cost of reading, without gzip: FastWARC's own stream against warcio's
    plain = wet.with_suffix(".plain")
    plain.write_bytes(gzip.decompress(wet.read_bytes()))
    for name in ("fastwarc", "warcio"):
        start = time.perf_counter()
        with plain.open("rb") as f:
            if name == "fastwarc":
                n = sum(
                    1
                    for r in ArchiveIterator(f, record_types=WarcRecordType.conversion)
                    if r.reader.read() is not None
                )
            else:
                n = sum(1 for r in WarcioIterator(f) if r.content_stream().read() is not None)
        print(f"{name:9} uncompressed: {n} records in {time.perf_counter() - start:.3f} s")
    plain.unlink()


def compare_start_methods() -> None:
    from textclean import default_pipeline
    from textclean.parallel import WorkerPool, WorkerSpec

    spec = WorkerSpec(default_pipeline())
    for method in ("fork", "forkserver", "spawn"):
        start = time.perf_counter()
        with WorkerPool(spec, jobs=2, start_method=method):
            ready = time.perf_counter() - start
        print(f"{method:10} 2 workers ready in {ready:.2f} s")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(DEFAULT))
    ap.add_argument("--field", default="dump")
    ap.add_argument("--pages", type=int, default=400)
    ap.add_argument("--gb", type=float, help="make the WET file this many GB instead")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--readers", action="store_true")
    ap.add_argument("--start-methods", action="store_true")
    a = ap.parse_args()
    if a.start_methods:
        compare_start_methods()
        return
    texts = list(dumps(Path(a.corpus), a.field))
    with tempfile.TemporaryDirectory() as tmp:
        wet = Path(tmp) / "bench.warc.wet.gz"
        target = int(a.gb * 1e9) if a.gb else None
        pages = build_wet(wet, texts, pages=a.pages, target_bytes=target)
        print(f"WET file: {pages} pages, {wet.stat().st_size / 1e6:.1f} MB gzipped")
        if a.readers:
            compare_readers(wet)
            return
        base = None
        for jobs in a.jobs:
            load = os.getloadavg()[0]
            secs, peak, cpu = run(wet, jobs, Path(tmp) / "out.jsonl.gz")
            rate = pages / secs
            base = base or rate
            # CPU per page is the cost of the parallel machinery itself: equal CPU per
            # page means that on idle cores N jobs would run close to N times as fast
            print(
                f"--jobs {jobs}: {secs:.1f} s, {rate:.1f} docs/s, x{rate / base:.2f} of the first, "
                f"CPU {cpu:.1f} s ({cpu / pages * 1000:.0f} ms/page), "
                f"peak RSS {peak / 1e6:.0f} MB (load average before: {load:.2f})"
            )


if __name__ == "__main__":
    main()
