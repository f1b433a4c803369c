#!/usr/bin/env python3
"""Cross-validation folds by site, for figures on pages the model never saw.

A page's site is not always known: dragnet pages carry no URL, readability's are
test-case names ("ehow-1", "ehow-2"), Trafilatura's are file names that often
start with a host ("abc7news.com-Napa.html"). Two pages are put in one group
when their names say the same site, or when they share a site's template: at
least `SHARED` distinct lines (of `MIN_CHARS` characters or more) that occur on
few pages each (at most `MAX_PAGES`: a line on many pages is a widget phrase
common to many sites, "Leave a Reply", not a template). A group is never split
across folds, so a fold's pages share no template with its training pages.

    python scripts/folds.py [--folds 5]    # group and fold sizes of the corpus

>>> name_key("readability/readability-ehow-2")
'readability:ehow'
>>> name_key("trafset/abc7news.com-Napa.html")
'trafilatura-eval:abc7news.com'
>>> name_key("dragnet/117") is None
True
"""

from __future__ import annotations

import argparse
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable

SHARED = 3
MIN_CHARS = 12
MAX_PAGES = 25

_TRAILING_NUMBER = re.compile(r"-\d+$")
_HOST = re.compile(r"^([\w-]+(?:\.[\w-]+)*\.[a-z]{2,6})-", re.IGNORECASE)


def name_key(page_id: str) -> str | None:
    """The site a page's name says, where it says one."""
    source, _, name = page_id.partition("/")
    if source == "readability":
        return "readability:" + _TRAILING_NUMBER.sub("", name.removeprefix("readability-"))
    if source == "trafset":
        m = _HOST.match(name)
        return "trafilatura-eval:" + m.group(1).lower() if m else None
    return None


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, a: str) -> str:
        self.parent.setdefault(a, a)
        while self.parent[a] != a:
            self.parent[a] = self.parent[self.parent[a]]
            a = self.parent[a]
        return a

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def site_groups(pages: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """page id -> group id, for (id, source, dump) triples. A page may come in
    several dump styles (the same id): its styles are one page here."""
    union = _Union()
    lines_of: dict[str, set[str]] = defaultdict(set)
    source_of: dict[str, str] = {}
    for page_id, source, dump in pages:
        union.find(page_id)
        source_of[page_id] = source
        key = name_key(page_id)
        if key is not None:
            union.join(page_id, key)
        lines_of[page_id] |= {
            " ".join(line.split()) for line in dump.splitlines() if len(line.strip()) >= MIN_CHARS
        }
    pages_with: dict[tuple[str, str], list[str]] = defaultdict(list)
    for page_id, lines in lines_of.items():
        for line in lines:
            pages_with[(source_of[page_id], line)].append(page_id)
    # pairs of pages per rare line: at most MAX_PAGES^2 per line, never all pairs of pages
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for ids in pages_with.values():
        if 2 <= len(ids) <= MAX_PAGES:
            ids.sort()
            for i, a in enumerate(ids):
                for b in ids[i + 1 :]:
                    shared[(a, b)] += 1
    for (a, b), n in shared.items():
        if n >= SHARED:
            union.join(a, b)
    return {page_id: union.find(page_id) for page_id in lines_of}


def assign_folds(groups: dict[str, str], folds: int) -> dict[str, int]:
    """page id -> fold: groups by size, largest first, each to the fold with the
    fewest pages so far (ties by a hash of the group), so folds come out even."""
    members: dict[str, list[str]] = defaultdict(list)
    for page_id, group in groups.items():
        members[group].append(page_id)

    def tiebreak(group: str) -> int:
        return int(hashlib.md5(group.encode()).hexdigest()[:8], 16)

    size = [0] * folds
    fold_of: dict[str, int] = {}
    for group in sorted(members, key=lambda g: (-len(members[g]), tiebreak(g))):
        k = min(range(folds), key=lambda f: (size[f], (tiebreak(group) + f) % folds))
        size[k] += len(members[group])
        for page_id in members[group]:
            fold_of[page_id] = k
    return fold_of


def main() -> None:
    import gzip
    import json
    from pathlib import Path

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path,
                    default=Path(__file__).resolve().parent.parent.parent / "shared" / "corpus")
    ap.add_argument("--folds", type=int, default=5)
    a = ap.parse_args()
    pages = []
    for name in ("dev-lines", "dev-snippets-lines"):
        with gzip.open(a.corpus / f"{name}.jsonl.gz", "rt", encoding="utf-8") as f:
            for raw in f:
                rec = json.loads(raw)
                pages.append((rec["id"], rec["source"], rec["dump"]))
    groups = site_groups(pages)
    fold_of = assign_folds(groups, a.folds)
    by_source: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for page_id, source, _ in pages:
        by_source[source][groups[page_id]].append(page_id)
    for source, gs in sorted(by_source.items()):
        sizes = sorted((len(v) for v in gs.values()), reverse=True)
        print(f"{source:<18} {sum(sizes):>5} pages in {len(sizes):>4} groups; largest {sizes[:8]}")
    per_fold = [0] * a.folds
    for k in fold_of.values():
        per_fold[k] += 1
    print("pages per fold:", per_fold)


if __name__ == "__main__":
    main()
