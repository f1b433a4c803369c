"""The referee's metric on other dump styles than the corpus's own.

The dev corpus holds two dump styles (one block per line, blank lines between
blocks). Users feed others: hard-wrapped text (lynx/w3m `-dump`, mail),
indented table layouts, bullets on list items, Markdown from html2text-like
converters. This script rewrites each dev dump into such a style, with the gold
unchanged (the metric reads `\\w+` tokens, so wrapping and indentation do not
change the gold), and scores `textclean.clean` on the result:

    python benchmarks/dump_styles.py                 # every style, 600 pages
    python benchmarks/dump_styles.py --style wrap72 --limit 0

The rewrites (`textclean/restyle.py`) are mechanical stand-ins for the real
tools, not their output: `markdown` turns short unfinished lines into bulleted
links and puts one link into most long paragraphs, with a fixed seed.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

import _here  # noqa: F401  (this tree's textclean, not an installed one)

import textclean
from textclean.evaluation import evaluate, read_records
from textclean.restyle import STYLES

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def _restyled(record: dict[str, Any], name: str, restyle: Callable[[str], str]) -> dict[str, Any]:
    out = {**record, "dump": restyle(record["dump"])}
    if name == "caseless":  # the metric matches tokens case-sensitively: lower the gold too
        gold = record["gold"]
        out["gold"] = {k: v.lower() if isinstance(v, str) else v for k, v in gold.items()}
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(CORPUS / "dev-lines.jsonl.gz"))
    ap.add_argument("--style", choices=sorted(STYLES), action="append")
    ap.add_argument("--limit", type=int, default=600, help="pages (0: all)")
    a = ap.parse_args()
    records = list(read_records(a.corpus, a.limit or None))
    print(f"{len(records)} pages of {Path(a.corpus).name}")
    for name in a.style or list(STYLES):
        restyle = STYLES[name]
        res = evaluate((_restyled(r, name, restyle) for r in records), textclean.clean)
        row = res["ALL"]
        cells = [f"{name:<9}"]
        for m in ("article", "comments", "content"):
            if m in row:
                cells.append(f"{m} F1 {row[m]['f1']:.3f}")
        if "falsecomm" in row:
            cells.append(f"falsecomm {row['falsecomm']:.3f}")
        print("  " + " | ".join(cells))


if __name__ == "__main__":
    main()
