#!/usr/bin/env python3
"""A quick out-of-fold probe of tree settings for the line model (stage 1 only).

A full out-of-fold measurement (`train_scorer.py --folds 3`) trains two stages and
inner folds for every fold and cleans every page: 25 minutes or more here. This probe
trains one stage-1 ensemble per fold on a fixed 35 % draw of the training folds' lines
(`lines` dumps only) and reads each held-out line's argmax, token weighted: article F1
per source, comment F1 on dragnet, article F1 on the snippet pages' labelled lines. It
ranks settings; only the full measurement says what ships.

    python scripts/train_scorer.py --cache rows.pkl ...   # writes the feature rows once
    python scripts/probe_trees.py --cache rows.pkl shipped leaf200 sites0.5
"""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from folds import assign_folds, site_groups  # noqa: E402

DRAW = 0.35
PROBE = dict(max_iter=90, learning_rate=0.2, max_leaf_nodes=31, max_depth=8,
             min_samples_leaf=40, l2_regularization=1.0, early_stopping=False, random_state=0)
"""The shipped settings with fewer, larger steps (the probe ranks; it does not ship)."""
SETTINGS: dict[str, tuple[dict[str, Any], float]] = {
    # name: (tree settings over PROBE, site weight exponent: a page of a site of n weighs n^-a)
    "shipped": ({}, 0.0),
    "leaf200": ({"min_samples_leaf": 200, "l2_regularization": 5.0}, 0.0),
    "features0.5": ({"max_features": 0.5}, 0.0),
    "small": ({"max_leaf_nodes": 15, "max_depth": 6}, 0.0),
    "sites0.5": ({}, 0.5),
    "sites1": ({}, 1.0),
}


def f1(tp: float, fp: float, fn: float) -> float:
    """F1 from counts.

    >>> round(f1(1, 1, 0), 3)
    0.667
    """
    return 2 * tp / max(1e-9, 2 * tp + fp + fn)


def probe(rows: list[dict], fold_of: dict[str, int], size_of: dict[str, int],
          settings: dict[str, Any], alpha: float) -> dict[str, float]:
    counts: dict[str, np.ndarray] = {}  # source -> tp fp fn (article), tp fp fn (comment)
    for k in range(3):
        train = [r for r in rows if fold_of[r["id"]] != k]
        test = [r for r in rows if fold_of[r["id"]] == k]
        x = np.vstack([r["x"] for r in train])
        y = np.concatenate([r["y"] for r in train])
        # snippet pages' lines weigh 0, as in the shipped recipe; they are only read
        w = np.concatenate([
            (0.5 + r["base"][:, 1]) * (r["source"] != "trafilatura-eval")
            / size_of[r["id"]] ** alpha for r in train])
        keep = (y >= 0) & (w > 0) & (np.random.default_rng(k).random(len(y)) < DRAW)
        model = HistGradientBoostingClassifier(**{**PROBE, **settings})
        model.fit(x[keep], y[keep], sample_weight=w[keep])
        guess = model.predict_proba(np.vstack([r["x"] for r in test])).argmax(1)
        at = 0
        for r in test:
            p, gold = guess[at : at + len(r["y"])], r["y"]
            at += len(r["y"])
            tokens = (0.5 + r["base"][:, 1]) * (gold >= 0)
            source = "snippets" if r["source"] == "trafilatura-eval" else r["source"]
            c = counts.setdefault(source, np.zeros(6))
            for klass, off in ((0, 0), (1, 3)):
                c[off] += (tokens * ((p == klass) & (gold == klass))).sum()
                c[off + 1] += (tokens * ((p == klass) & (gold != klass))).sum()
                c[off + 2] += (tokens * ((p != klass) & (gold == klass))).sum()
    out = {f"{s} article": f1(*c[:3]) for s, c in sorted(counts.items())}
    if "dragnet" in counts:
        out["dragnet comments"] = f1(*counts["dragnet"][3:])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, required=True,
                    help="feature rows written by train_scorer.py --cache")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("settings", nargs="+", choices=sorted(SETTINGS))
    a = ap.parse_args()
    with a.cache.open("rb") as f:
        rows = [r for r in pickle.load(f) if r["style"] == "lines" and len(r["y"])]
    pages = []
    for name in ("dev-lines", "dev-snippets-lines"):
        with gzip.open(a.corpus / f"{name}.jsonl.gz", "rt", encoding="utf-8") as f:
            pages += [(rec["id"], rec["source"], rec["dump"]) for rec in map(json.loads, f)]
    # sites grouped from the lines dumps (train_scorer.py reads both styles' lines,
    # which can join a few more pages)
    groups = site_groups(pages)
    fold_of = assign_folds(groups, 3)
    members: dict[str, int] = {}
    for g in groups.values():
        members[g] = members.get(g, 0) + 1
    size_of = {page: members[g] for page, g in groups.items()}
    for name in a.settings:
        t0 = time.time()
        figures = probe(rows, fold_of, size_of, *SETTINGS[name])
        shown = " | ".join(f"{k} {v:.4f}" for k, v in figures.items())
        print(f"{name:<12} {shown}  ({time.time() - t0:.0f}s)", flush=True)


if __name__ == "__main__":
    main()
