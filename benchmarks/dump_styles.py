"""The referee's metric on other dump styles than the corpus's own.

The dev corpus holds two dump styles (one block per line, blank lines between
blocks). Users feed others: hard-wrapped text (lynx/w3m `-dump`, mail),
indented table layouts, bullets on list items, Markdown from html2text-like
converters. This script rewrites each dev dump into such a style, with the gold
unchanged (the metric reads `\\w+` tokens, so wrapping and indentation do not
change the gold), and scores `textclean.clean` on the result:

    python benchmarks/dump_styles.py                 # every style, 600 pages
    python benchmarks/dump_styles.py --style wrap72 --limit 0

The rewrites are mechanical stand-ins for the real tools, not their output:
`markdown` turns short unfinished lines into bulleted links and puts one link
into most long paragraphs, with a fixed seed.
"""

from __future__ import annotations

import argparse
import random
import textwrap
from collections.abc import Callable
from pathlib import Path

import textclean
from textclean.evaluation import evaluate, read_records

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def wrapped(width: int) -> Callable[[str], str]:
    def restyle(text: str) -> str:
        return "\n".join(
            "\n".join(textwrap.wrap(line, width)) if len(line) > width else line
            for line in text.split("\n")
        )

    return restyle


def lynx(text: str) -> str:
    return "\n".join(
        "\n".join(textwrap.wrap(line, 76, initial_indent="   ", subsequent_indent="   "))
        if line.strip()
        else line
        for line in text.split("\n")
    )


def indented(text: str) -> str:
    return "\n".join("    " + line if line.strip() else line for line in text.split("\n"))


def bullets(text: str) -> str:
    return "\n".join(
        "* " + line if line.strip() and len(line) < 60 else line for line in text.split("\n")
    )


def crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def markdown(text: str) -> str:
    rnd = random.Random(len(text))  # fixed per page, so runs agree
    out = []
    for line in text.split("\n"):
        words = line.split()
        stripped = line.strip()
        if 0 < len(words) <= 4 and not stripped.endswith((".", "!", "?")):
            slug = "-".join(words).lower()[:40]
            out.append(f"* [{stripped}](https://example.com/{slug})")
        elif len(words) >= 20 and rnd.random() < 0.7:
            k = rnd.randrange(0, len(words) - 2)
            words[k] = "[" + words[k]
            words[k + 1] += f"](https://example.org/story/{k})"
            out.append(" ".join(words))
        else:
            out.append(line)
    return "\n".join(out)


STYLES: dict[str, Callable[[str], str]] = {
    "as-is": lambda text: text,
    "wrap72": wrapped(72),
    "wrap100": wrapped(100),
    "lynx": lynx,
    "indented": indented,
    "bullets": bullets,
    "markdown": markdown,
    "crlf": crlf,
}


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
        res = evaluate(({**r, "dump": restyle(r["dump"])} for r in records), textclean.clean)
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
