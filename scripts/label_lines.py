#!/usr/bin/env python3
"""Align hand-marked gold text to the lines of a page dump.

A line's tokens (``\\w+``, as the referee counts them) are covered by the gold
article (or comments) when a 4-token shingle of the dump's token stream that
contains them also occurs in that gold text. Shingles run across line ends,
so a short heading inside the article is covered, while the same word in a
menu is not (its shingles run into other menu words). A line is "article"
when at least half its tokens are covered by the article (and not more by the
comments), "comment" likewise, else "other"; blank lines are "blank".

Pages with only ``gold.content`` (CleanEval-style) count it as the article.

usage: label_lines.py CORPUS.jsonl.gz [--id ID]   (prints label<TAB>line)
"""

from __future__ import annotations

import argparse
import gzip
import json
import re

TOKEN = re.compile(r"\w+")
NEWLINE = re.compile(r"\r\n|\r|\n")
N = 4


def split_dump(dump: str) -> list[str]:
    """Lines exactly as textclean.segment.split_lines cuts them (not str.splitlines,
    which also splits at form feeds and Unicode separators)."""
    lines = NEWLINE.split(dump)
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines


def _shingles(text: str) -> set[tuple[str, ...]]:
    toks = TOKEN.findall(text or "")
    if len(toks) < N:
        return {tuple(toks)} if toks else set()
    return {tuple(toks[i : i + N]) for i in range(len(toks) - N + 1)}


def _coverage(tokens: list[str], gold: set[tuple[str, ...]]) -> list[bool]:
    """Per dump token: is it inside some 4-shingle of the dump found in gold."""
    covered = [False] * len(tokens)
    if not gold:
        return covered
    if len(tokens) < N:
        if tuple(tokens) in gold:
            covered = [True] * len(tokens)
        return covered
    for i in range(len(tokens) - N + 1):
        if tuple(tokens[i : i + N]) in gold:
            for j in range(i, i + N):
                covered[j] = True
    return covered


def _tokens(lines: list[str]) -> tuple[list[str], list[int]]:
    """The dump's token stream (shingles run across line ends) and each token's line."""
    tokens: list[str] = []
    owner: list[int] = []
    for k, line in enumerate(lines):
        toks = TOKEN.findall(line)
        tokens += toks
        owner += [k] * len(toks)
    return tokens, owner


def line_shares(dump: str, gold: dict) -> list[tuple[int, float, float]]:
    """Per line of `dump` (split on newlines): (tokens, share in article, share in comments)."""
    article = gold.get("article")
    if article is None:
        article = gold.get("content")
    comments = gold.get("comments") if gold.get("article") is not None else None
    lines = split_dump(dump)
    tokens, owner = _tokens(lines)
    cov_a = _coverage(tokens, _shingles(article or ""))
    cov_c = _coverage(tokens, _shingles(comments or ""))
    counts = [[0, 0, 0] for _ in lines]
    for k, a, c in zip(owner, cov_a, cov_c, strict=True):
        counts[k][0] += 1
        counts[k][1] += a
        counts[k][2] += c
    return [(n, a / n if n else 0.0, c / n if n else 0.0) for n, a, c in counts]


def label_lines(dump: str, gold: dict, min_share: float = 0.5) -> list[str]:
    """One label per line of `dump`: "article", "comment", "other" or "blank".

    >>> dump = "Home\\nNews\\nThe cat sat on the mat today.\\n\\nGreat post, I agree."
    >>> gold = {"article": "The cat sat on the mat today.", "comments": "Great post, I agree."}
    >>> label_lines(dump, gold)
    ['other', 'other', 'article', 'blank', 'comment']
    """
    out = []
    for line, (n, a, c) in zip(split_dump(dump), line_shares(dump, gold), strict=True):
        if not line.strip():
            out.append("blank")
        elif n and a >= min_share and a >= c:
            out.append("article")
        elif n and c >= min_share:
            out.append("comment")
        else:
            out.append("other")
    return out


def label_snippet_lines(dump: str, gold: dict) -> list[str]:
    """Labels from Trafilatura-style gold (`with` snippets the article must hold,
    `without` snippets it must not): a line that holds a shingle of a `with`
    snippet is "article" (the snippet is often one sentence of a paragraph, and
    keeping it means keeping its line), one that holds a `without` shingle and
    fewer `with` tokens "other"; the rest is "unknown" (not trained on), blank
    lines "blank".

    >>> dump = "Menu\\nThe cat sat on the mat today.\\nRead more: dogs and cats\\nFooter"
    >>> gold = {"with": ["The cat sat on the mat today."], "without": ["Read more: dogs and cats"]}
    >>> label_snippet_lines(dump, gold)
    ['unknown', 'article', 'other', 'unknown']
    """
    lines = split_dump(dump)
    tokens, owner = _tokens(lines)

    def covered(snippets: list[str]) -> list[bool]:
        gold_shingles: set[tuple[str, ...]] = set()
        for snippet in snippets:
            gold_shingles |= _shingles(snippet)
        return _coverage(tokens, gold_shingles)

    cov_with, cov_without = covered(gold.get("with") or []), covered(gold.get("without") or [])
    counts = [[0, 0, 0] for _ in lines]
    for k, a, o in zip(owner, cov_with, cov_without, strict=True):
        counts[k][0] += 1
        counts[k][1] += a
        counts[k][2] += o
    out = []
    for line, (n, a, o) in zip(lines, counts, strict=True):
        if not line.strip():
            out.append("blank")
        elif a >= min(n, N) and a >= o:
            out.append("article")
        elif o >= min(n, N):
            out.append("other")
        else:
            out.append("unknown")
    return out


def labels_for(dump: str, gold: dict) -> list[str]:
    """The labels a record's gold gives: snippets or marked text."""
    if gold.get("with") is not None:
        return label_snippet_lines(dump, gold)
    return label_lines(dump, gold)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--id")
    a = ap.parse_args()
    with gzip.open(a.corpus, "rt", encoding="utf-8") as f:
        for raw in f:
            rec = json.loads(raw)
            if a.id and rec["id"] != a.id:
                continue
            print(f"# {rec['id']}")
            labels = labels_for(rec["dump"], rec["gold"])
            for label, line in zip(labels, split_dump(rec["dump"]), strict=True):
                print(f"{label}\t{line}")
            if a.id:
                break


if __name__ == "__main__":
    main()
