"""Prove the linear-time rewrites of other patterns match exactly what they replaced.

    python benchmarks/pattern_equivalence.py            # every dev-corpus line
    python benchmarks/pattern_equivalence.py --limit 100

The reference patterns are the ones before the rewrite (commit cd44d46), copied
here verbatim; each pair is compared as the code uses it (spans of every match,
`split`, or `match` at the line start), plus the strong-span scanner against
`MARKDOWN_STRONG`. Prints the differences (exit status 1 if any).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import regex

from textclean.evaluation import read_records
from textclean.filters.donation import AMOUNT
from textclean.filters.metadata import _META_SPLIT
from textclean.filters.widgets import _MENU_SEPARATOR
from textclean.normalize import MARKDOWN_STRONG, strong_spans
from textclean.segment import _BULLET

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"

_ISO = (
    r"USD|EUR|GBP|RUB|JPY|CHF|CAD|AUD|NZD|CNY|RMB|INR|BRL|MXN|PLN|SEK|NOK|DKK|CZK|HUF|TRY|UAH"
    r"|ZAR|KRW|SGD|HKD|ILS|AED|SAR|NGN|KES|BTC|ETH|XMR|LTC|USDT|DOGE"
)
_NUMBER = r"\d(?:[\d.,'\u00a0\u202f]|\s(?=\d{3}\b))*"
OLD_AMOUNT = regex.compile(
    rf"(?:\p{{Sc}}\s?{_NUMBER}|{_NUMBER}\s?\p{{Sc}}|{_NUMBER}\s?(?:{_ISO})\b|\b(?:{_ISO})\s?{_NUMBER})"
    r"(?:\s?(?:k|K|m|M|bn)\b)?"
)
OLD_MENU_SEPARATOR = regex.compile(r"\s+(?:\||•|·|»|›|>|/|::)\s+|(?<=\S)\s{2,}(?=\S)")
OLD_META_SPLIT = regex.compile(
    r"\s+[·|•—–]\s+|\s+-\s+|\s*\|\s*"
    r"|,\s+(?=(?-i:\p{Lu})\p{Ll}+\s+(?:Writer|Editor|Reporter|Correspondent)\b)"
)
OLD_BULLET = regex.compile(r"[ \t]*(?:[*+•·▪◦‣○●■□►▸▶–-]|#{1,6}|>)(?=[ \t]+\S)")


def _spans(p: regex.Pattern[str]) -> Callable[[str], object]:
    return lambda line: [m.span() for m in p.finditer(line)]


def _start(p: regex.Pattern[str]) -> Callable[[str], object]:
    return lambda line: (m := p.match(line)) and m.span()


PAIRS: dict[str, tuple[Callable[[str], object], Callable[[str], object]]] = {
    "donation.AMOUNT": (_spans(OLD_AMOUNT), _spans(AMOUNT)),
    "widgets._MENU_SEPARATOR": (OLD_MENU_SEPARATOR.split, _MENU_SEPARATOR.split),
    "metadata._META_SPLIT": (_spans(OLD_META_SPLIT), _spans(_META_SPLIT)),
    "segment._BULLET": (_start(OLD_BULLET), _start(_BULLET)),
    "normalize.strong_spans": (_spans(MARKDOWN_STRONG), strong_spans),
}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, help="records per corpus file")
    a = ap.parse_args()
    lines: dict[str, None] = {}
    for path in sorted(CORPUS.glob("dev-*.jsonl.gz")):
        for record in read_records(str(path), a.limit):
            lines.update(dict.fromkeys(record["dump"].splitlines()))
    if not lines:
        print("no corpus under", CORPUS)
        return 0
    differences = 0
    for name, (old, new) in PAIRS.items():
        found = 0
        for line in lines:
            if old(line) != new(line):
                found += 1
                print(f"DIFF {name}: {line[:120]!r}")
        print(f"{name}: {len(lines)} distinct lines, {found} differences")
        differences += found
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
