"""Score textclean against hand-marked gold, with the referee's metric.

The metric (the public article-extraction benchmark's convention, as in
``shared/bench/score.py``): 4-token shingles of ``\\w+`` tokens, multiset
overlap per document, precision and recall macro-averaged over documents,
F1 of the two. A comment is written as the gold writes it: its header lines as
the page prints them (`Comment.header`, after the text when `signed`), else its
author and raw time lines, then its text. "False comments" is the share of
comment-free pages given any comment; titles match exactly after lower-casing
and keeping ``\\w+`` tokens; snippet pages (Trafilatura's benchmark) count
`with` snippets found in the article and `without` snippets wrongly kept,
summed over pages. "Comments by fields" (not a referee figure) scores the same
comments written as author, raw time and text only (`comment_fields`), to tell
finding comments apart from rendering their header lines.

>>> round(tpfpfn("a b c d e", "a b c d x")[0], 3)
0.333
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from .io import open_bytes
from .models import Comment, Document

# The referee tokenises with the standard library's re; so do we, so that both agree.
_TOKEN = re.compile(r"\w+")
Row = tuple[float, float, float]


def shingles(text: str | None, n: int = 4) -> Counter[tuple[str, ...]]:
    toks = _TOKEN.findall(text or "")
    if not toks:
        return Counter()
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def tpfpfn(gold: str | None, pred: str | None) -> Row:
    """True/false positive and false negative shares of one document."""
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    fp, fn = sum(p.values()) - tp, sum(g.values()) - tp
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def prf(rows: list[Row]) -> tuple[float, float, float]:
    """Macro precision, recall and their F1 over documents."""
    ps = [1.0 if fp == fn == 0 else tp / (tp + fp) for tp, fp, fn in rows if tp + fp > 0]
    rs = [1.0 if fp == fn == 0 else tp / (tp + fn) for tp, fp, fn in rows if tp + fn > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def comment_string(c: Comment) -> str:
    """A comment as the gold (and the referee) writes it: its header lines as
    printed ("Posted by Jo | May 2, 2012", "Jo says:"), before the text, or after
    it for a signature; a comment without header lines as author, raw time, text."""
    if c.header and c.header.strip():
        parts = [c.text, c.header] if c.signed else [c.header, c.text]
        return "\n".join(p for p in parts if p)
    return comment_fields(c)


def comment_fields(c: Comment) -> str:
    """A comment as its fields: author line, raw time line, then the text."""
    raw = c.posted.raw if c.posted is not None else None
    return "\n".join(p for p in (c.author, raw, c.text) if p)


_SPACE = re.compile(r"\s+")


def snippet_counts(gold: dict[str, Any], article: str) -> tuple[int, int, int, int]:
    """(tp, fp, fn, tn) of one page's `with`/`without` snippets against the article,
    as Trafilatura's benchmark counts them: whitespace collapsed, substring match."""
    text = _SPACE.sub(" ", article or "").strip()
    tp = sum(1 for w in gold["with"] if _SPACE.sub(" ", w).strip() in text)
    fp = sum(1 for w in gold["without"] if _SPACE.sub(" ", w).strip() in text)
    return tp, fp, len(gold["with"]) - tp, len(gold["without"]) - fp


def snippet_figures(counts: list[tuple[int, int, int, int]]) -> dict[str, float]:
    """Precision, recall, F1 and accuracy of snippet counts summed over pages."""
    tp, fp, fn, tn = (sum(c[i] for c in counts) for i in range(4))
    return {
        "p": tp / (tp + fp) if tp + fp else 0.0,
        "r": tp / (tp + fn) if tp + fn else 0.0,
        "f1": 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0,
        "accuracy": (tp + tn) / (tp + fp + fn + tn) if tp + fp + fn + tn else 0.0,
    }


def norm_title(title: str | None) -> str:
    return " ".join(_TOKEN.findall((title or "").lower()))


def read_records(path: str | Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Records of a JSONL file, gzipped or not."""
    with open_bytes(path) as f:
        for n, line in enumerate(f):
            if limit is not None and n >= limit:
                break
            if line.strip():
                yield json.loads(line)


def outputs(doc: Document) -> dict[str, str | None]:
    art = doc.article
    return {
        "article": (art.text if art is not None else "") or "",
        "comments": "\n".join(comment_string(c) for c in doc.comments),
        "comments_fields": "\n".join(comment_fields(c) for c in doc.comments),
        "title": art.title if art is not None else None,
    }


def evaluate(records: Iterable[dict[str, Any]], clean: Callable[[str], Document]) -> dict[str, Any]:
    """Per-source and overall figures, in the referee's layout."""
    errors: list[str] = []
    secs = 0.0

    def cleaned() -> Iterator[tuple[dict[str, Any], dict[str, str | None]]]:
        nonlocal secs
        for rec in records:
            t = time.perf_counter()
            try:
                out = outputs(clean(rec["dump"]))
            except Exception as e:  # scored as empty, and reported, as the referee does
                out = dict(EMPTY_OUTPUTS)
                errors.append(f"{rec.get('id')}: {type(e).__name__}: {e}"[:300])
            secs += time.perf_counter() - t
            yield rec, out

    res = score_outputs(cleaned())
    res["_meta"].update(
        errors=len(errors),
        seconds=round(secs, 2),
        docs_per_second=round(res["_meta"]["docs"] / secs, 1) if secs else None,
    )
    res["_errors"] = errors
    return res


EMPTY_OUTPUTS: dict[str, str | None] = {
    "article": "", "comments": "", "comments_fields": "", "title": None,
}
"""What a page that raised is scored as."""


def score_outputs(
    pairs: Iterable[tuple[dict[str, Any], dict[str, str | None]]],
) -> dict[str, Any]:
    """The figures of outputs already made (record, `outputs(doc)`), for callers
    that clean pages elsewhere: in worker processes, or each page with the model
    of its own fold (scripts/train_scorer.py --folds)."""
    by: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    n = 0
    for rec, out in pairs:
        n += 1
        g = rec["gold"]
        lang = [f"lang:{rec['lang']}"] if rec.get("lang") else []
        for key in [rec.get("source", "?"), "ALL", *lang]:
            b = by[key]
            b["n"].append(1)
            if g.get("article") is not None:
                b["article"].append(tpfpfn(g["article"], out["article"]))
            if g.get("comments") is not None:
                if g["comments"].strip():
                    b["comments"].append(tpfpfn(g["comments"], out["comments"]))
                    b["comments_fields"].append(tpfpfn(g["comments"], out["comments_fields"]))
                else:
                    b["falsecomm"].append(1 if (out["comments"] or "").strip() else 0)
            if g.get("content") is not None:
                b["content"].append(tpfpfn(g["content"], f"{out['article']}\n{out['comments']}"))
            if g.get("title"):
                b["title"].append(1 if norm_title(g["title"]) == norm_title(out["title"]) else 0)
            if g.get("with") is not None:
                b["snippets"].append(snippet_counts(g, out["article"] or ""))
    res: dict[str, Any] = {"_meta": {"docs": n}, "_errors": []}
    for key, b in by.items():
        r: dict[str, Any] = {"docs": len(b["n"])}
        for m in ("article", "comments", "content", "comments_fields"):
            if b[m]:
                p, rc, f = prf(b[m])
                # unrounded: a figure rounded twice (to 4, then to 3 places in the
                # report) can print differently from the referee's
                r[m] = {"p": p, "r": rc, "f1": f}
        if b["falsecomm"]:
            r["falsecomm"] = sum(b["falsecomm"]) / len(b["falsecomm"])
        if b["title"]:
            r["title"] = sum(b["title"]) / len(b["title"])
        if b["snippets"]:
            r["snippets"] = snippet_figures(b["snippets"])
        res[key] = r
    return res


def format_report(res: dict[str, Any]) -> str:
    meta = res["_meta"]
    lines = [f"{meta['docs']} docs, {meta.get('errors', 0)} errors, "
             f"{meta.get('docs_per_second')} docs/s"]
    for key in sorted((k for k in res if not k.startswith("_")), key=lambda k: (k != "ALL", k)):
        r = res[key]
        cells = [f"{key:<16}{r['docs']:>5}"]
        for m in ("article", "comments", "content"):
            if m in r:
                cells.append(f"{m} P{r[m]['p']:.3f} R{r[m]['r']:.3f} F1 {r[m]['f1']:.3f}")
        if "comments_fields" in r:
            cells.append(f"(comments by fields F1 {r['comments_fields']['f1']:.3f})")
        if "falsecomm" in r:
            cells.append(f"falsecomm {r['falsecomm']:.3f}")
        if "title" in r:
            cells.append(f"title {r['title']:.3f}")
        if "snippets" in r:
            sn = r["snippets"]
            cells.append(f"snippets P{sn['p']:.3f} R{sn['r']:.3f} F1 {sn['f1']:.3f}")
        lines.append("  " + " | ".join(cells))
    lines.extend(f"  error: {e}" for e in res["_errors"][:10])
    return "\n".join(lines)
