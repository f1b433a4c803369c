"""How long the notebook view of a 1 MB page takes to render in headless Chromium.

Builds a page of about 1 MB from the fixtures (their lines repeated), cleans it
once, renders the view and loads it in Chromium. The page's own script reads
`performance.now()` after forcing layout of the whole document (HTML parse,
style and layout from navigation start) and writes it into the DOM, which
`--dump-dom` returns. Also prints the HTML size and Python render time.

    python benchmarks/notebook_view.py [--mb 1]
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

import _here  # noqa: F401  (this tree's textclean, not an installed one)

import textclean
from textclean.display.browser import chromium, dump_dom, standalone
from textclean.display.html import render

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

_MEASURE = (
    "const parsed=performance.now();"
    "document.body.getBoundingClientRect();"  # forces style and layout of everything
    "const t=performance.now();"
    "const p=document.createElement('pre');p.id='timing';"
    "p.textContent='layout-ms='+t.toFixed(1)+' parsed-ms='+parsed.toFixed(1);"
    "document.body.appendChild(p);"
)


def big_page(mb: float) -> str:
    parts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    text, i = "", 0
    chunks = []
    size = 0
    while size < mb * 1_000_000:
        chunks.append(parts[i % len(parts)])
        size += len(chunks[-1])
        i += 1
    text = "\n".join(chunks)
    return text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=1.0)
    args = ap.parse_args()
    if chromium() is None:
        raise SystemExit("no chromium on PATH (apt-get install chromium)")
    text = big_page(args.mb)
    t0 = time.perf_counter()
    doc = textclean.clean(text)
    t1 = time.perf_counter()
    html = render(doc)
    t2 = time.perf_counter()
    page = standalone(html, script=_MEASURE)
    t3 = time.perf_counter()
    dom = dump_dom(page, timeout=120)
    t4 = time.perf_counter()
    found = re.search(r"layout-ms=([\d.]+) parsed-ms=([\d.]+)", dom)
    lines = text.count("\n") + 1
    print(f"page: {len(text):,} characters, {lines:,} lines; clean {t1 - t0:.2f} s")
    print(
        f"view: {len(html):,} bytes of HTML ({len(html) / len(text):.1f}x the input), "
        f"rendered in Python in {t2 - t1:.3f} s"
    )
    layout, parsed = found.groups() if found else ("?", "?")
    print(
        f"chromium: parse + style + layout {layout} ms from navigation start "
        f"(parsed at {parsed} ms); whole headless run {t4 - t3:.2f} s"
    )


if __name__ == "__main__":
    main()
