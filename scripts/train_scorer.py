#!/usr/bin/env python3
"""Train the content filter's line model (textclean/data/model/content-scorer.npz).

Data: the shared corpus, both dump styles, `dragnet` and `readability` records
only (licences); `l3s-gn1` and `cleaneval` are scored as out-of-sample pages and
never trained on. Lines get gold labels from scripts/label_lines.py.

1. Features: each page is judged by the filters that run before `content`
   (donation, widgets), then textclean.scorer computes the line features.
2. A fixed 20% of dragnet/readability page ids (md5 of the id) is held out.
   On the other 80%: stage-1 trees, out-of-fold stage-1 probabilities for the
   stage-2 trees, HMM transitions from the label sequences. The held-out pages
   (and the out-of-sample sources) are then cleaned end to end and scored with
   the referee's metric.
3. The same recipe on all dragnet+readability pages gives the shipped model.

Seeds are fixed; the run is reproducible. Needs scikit-learn (training only).

usage: train_scorer.py [--corpus DIR] [--out PATH] [--cache PATH] [--skip-final]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import pickle
import sys
import tempfile
import time
from multiprocessing import Pool
from pathlib import Path

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from label_lines import label_lines  # noqa: E402

from textclean.filters import default_pipeline  # noqa: E402
from textclean.filters.content import ContentFilter  # noqa: E402
from textclean.pipeline import Pipeline  # noqa: E402
from textclean.scorer import (  # noqa: E402
    CLASSES,
    ScorerModel,
    TreeEnsemble,
    line_features,
    stage2_features,
)

TRAIN_SOURCES = ("dragnet", "readability")
LABEL_INDEX = {"article": 0, "comment": 1, "other": 2}
SEED = 0
GBM = dict(max_iter=150, learning_rate=0.12, max_leaf_nodes=31, max_depth=8,
           min_samples_leaf=40, l2_regularization=1.0, early_stopping=False, random_state=SEED)


def held_out(page_id: str) -> bool:
    """A fixed fifth of the pages, the same in both dump styles."""
    return int(hashlib.md5(page_id.encode()).hexdigest(), 16) % 5 == 0


def _prefilters() -> Pipeline:
    full = default_pipeline()
    return Pipeline([full["donation"], full["widgets"]])


def _page_rows(rec: dict) -> dict:
    page = _prefilters().judge(rec["dump"])
    idx, base, x = line_features(page)
    labels = label_lines(page.text, rec["gold"])
    if len(labels) != len(page.lines):
        raise ValueError(f"{rec['id']}: {len(labels)} labels for {len(page.lines)} lines")
    y = np.array([LABEL_INDEX[labels[i]] for i in idx.tolist()], dtype=np.int64)
    return {"id": rec["id"], "source": rec["source"], "style": rec["style"],
            "base": base.astype(np.float64), "x": x.astype(np.float64), "y": y}


def load_records(corpus: Path) -> list[dict]:
    out = []
    for style in ("lines", "blocks"):
        with gzip.open(corpus / f"dev-{style}.jsonl.gz", "rt", encoding="utf-8") as f:
            out += [json.loads(line) for line in f]
    return out


def build_rows(records: list[dict], cache: Path | None) -> list[dict]:
    if cache is not None and cache.exists():
        with cache.open("rb") as f:
            return pickle.load(f)
    with Pool(2) as pool:
        rows = pool.map(_page_rows, records, chunksize=16)
    if cache is not None:
        with cache.open("wb") as f:
            pickle.dump(rows, f)
    return rows


def line_weights(rows: list[dict]) -> np.ndarray:
    """Long lines carry more of the metric's shingles; 0.5 keeps short ones in play."""
    return np.concatenate([0.5 + r["base"][:, 1] for r in rows])


def export(model: HistGradientBoostingClassifier) -> TreeEnsemble:
    """sklearn's histogram GBM -> padded node arrays (leaves point to themselves)."""
    predictors = [tree for iteration in model._predictors for tree in iteration]
    per_iter = len(model._predictors[0])
    width = max(len(p.nodes) for p in predictors)
    t = len(predictors)
    feature = np.zeros((t, width), np.int64)
    threshold = np.zeros((t, width))
    left = np.tile(np.arange(width), (t, 1))
    right = left.copy()
    value = np.zeros((t, width))
    depth = 0
    for k, p in enumerate(predictors):
        nodes = p.nodes
        n = len(nodes)
        leaf = nodes["is_leaf"].astype(bool)
        feature[k, :n] = np.where(leaf, 0, nodes["feature_idx"])
        threshold[k, :n] = np.where(leaf, 0.0, nodes["num_threshold"])
        left[k, :n] = np.where(leaf, np.arange(n), nodes["left"])
        right[k, :n] = np.where(leaf, np.arange(n), nodes["right"])
        value[k, :n] = np.where(leaf, nodes["value"], 0.0)
        depth = max(depth, int(nodes["depth"].max()))
    klass = np.tile(np.arange(per_iter), len(model._predictors))
    baseline = np.asarray(model._baseline_prediction, dtype=np.float64).reshape(-1)
    return TreeEnsemble(feature, threshold, left, right, value, klass, baseline, depth)


def fit_gbm(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> TreeEnsemble:
    from sklearn.ensemble import HistGradientBoostingClassifier

    model = HistGradientBoostingClassifier(**GBM)
    model.fit(x, y, sample_weight=w)
    trees = export(model)
    check = x[:: max(1, len(x) // 2000)]
    if not np.allclose(trees.proba(check), model.predict_proba(check), atol=1e-6):
        raise AssertionError("exported trees disagree with scikit-learn")
    return trees


def hmm(rows: list[dict]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Log start, transition and prior probabilities from the label sequences."""
    start = np.ones(3)
    trans = np.ones((3, 3))
    prior = np.ones(3)
    for r in rows:
        y = r["y"]
        if not len(y):
            continue
        start[y[0]] += 1
        np.add.at(trans, (y[:-1], y[1:]), 1)
        np.add.at(prior, y, 1)
    return (np.log(start / start.sum()), np.log(trans / trans.sum(axis=1, keepdims=True)),
            np.log(prior / prior.sum()))


def train(rows: list[dict], folds: int = 3) -> ScorerModel:
    """Stage 1 on everything; stage 2 on out-of-fold stage-1 probabilities."""
    x = np.vstack([r["x"] for r in rows])
    y = np.concatenate([r["y"] for r in rows])
    w = line_weights(rows)
    t0 = time.time()
    stage1 = fit_gbm(x, y, w)
    print(f"  stage 1: {len(y)} lines, {time.time() - t0:.0f}s", flush=True)
    # folds by page id, so both styles of a page land in the same fold
    fold = np.array([int(hashlib.md5(r["id"].encode()).hexdigest()[:8], 16) % folds for r in rows])
    oof: list[np.ndarray | None] = [None] * len(rows)
    for k in range(folds):
        inside = [r for r, f in zip(rows, fold, strict=True) if f != k]
        model_k = fit_gbm(np.vstack([r["x"] for r in inside]),
                          np.concatenate([r["y"] for r in inside]), line_weights(inside))
        for j, r in enumerate(rows):
            if fold[j] == k:
                oof[j] = model_k.proba(r["x"])
        print(f"  fold {k}: {time.time() - t0:.0f}s", flush=True)
    x2 = np.vstack([stage2_features(p, r["base"]) for p, r in zip(oof, rows, strict=True)])
    stage2 = fit_gbm(x2, y, w)
    print(f"  stage 2: {time.time() - t0:.0f}s", flush=True)
    log_start, log_trans, log_prior = hmm(rows)
    # the trees were trained on weighted lines: their prior is the weighted share
    weighted = np.bincount(y, weights=w, minlength=3)
    log_prior = np.log(weighted / weighted.sum())
    return ScorerModel(stage1, stage2, log_start, log_trans, log_prior)


def line_report(model: ScorerModel, rows: list[dict], title: str) -> None:
    """Line-level accuracy of the raw trees and of the smoothed path."""
    from textclean.scorer import predict, viterbi

    y_all, raw, smooth, w_all = [], [], [], []
    for r in rows:
        p = predict(model, r["base"], r["x"])
        y_all.append(r["y"])
        raw.append(p.argmax(axis=1) if len(p) else np.zeros(0, np.int64))
        smooth.append(viterbi(p, model))
        w_all.append(0.5 + r["base"][:, 1])
    y = np.concatenate(y_all)
    w = np.concatenate(w_all)
    for name, pred in (("trees", np.concatenate(raw)), ("viterbi", np.concatenate(smooth))):
        cells = []
        for c, cname in enumerate(CLASSES):
            tp = w[(pred == c) & (y == c)].sum()
            p = tp / max(w[pred == c].sum(), 1e-9)
            rc = tp / max(w[y == c].sum(), 1e-9)
            cells.append(f"{cname} P{p:.3f} R{rc:.3f} F1 {2 * p * rc / max(p + rc, 1e-9):.3f}")
        acc = w[pred == y].sum() / w.sum()
        print(f"  {title:<28} {name:<8} weighted acc {acc:.3f} | " + " | ".join(cells))


def _referee():
    path = ROOT.parent / "shared" / "bench" / "score.py"
    spec = importlib.util.spec_from_file_location("referee", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def referee_report(model_path: Path, records: list[dict], title: str) -> None:
    """Clean the pages end to end with this model; the referee's article/content F1."""
    ref = _referee()
    pipeline = default_pipeline().replace("content", ContentFilter(model=str(model_path)))
    by: dict[str, dict[str, list]] = {}
    for rec in records:
        doc = pipeline.run(rec["dump"])
        art = doc.article.text if doc.article is not None else ""
        comments = "\n".join(ref.comment_string(c) for c in doc.comments)
        g = rec["gold"]
        for key in (f"{rec['source']}/{rec['style']}", rec["source"], "ALL"):
            b = by.setdefault(key, {"article": [], "content": []})
            if g.get("article") is not None:
                b["article"].append(ref.tpfpfn(g["article"], art))
            if g.get("content") is not None:
                b["content"].append(ref.tpfpfn(g["content"], art + "\n" + comments))
    print(f"  {title}")
    for key in sorted(by, key=lambda k: (k != "ALL", k)):
        cells = [f"{key:<22}"]
        for m in ("article", "content"):
            if by[key][m]:
                p, r, f1 = ref.prf(by[key][m])
                cells.append(f"{m} P{p:.3f} R{r:.3f} F1 {f1:.3f} (n={len(by[key][m])})")
        print("    " + " | ".join(cells))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--out", type=Path,
                    default=ROOT / "textclean" / "data" / "model" / "content-scorer.npz")
    ap.add_argument("--cache", type=Path, help="pickle of the feature rows, reused if present")
    ap.add_argument("--skip-final", action="store_true", help="only the held-out run")
    ap.add_argument("--skip-heldout", action="store_true", help="only train the shipped model")
    ap.add_argument("--heldout-out", type=Path, help="also keep the held-out run's model here")
    a = ap.parse_args()
    np.random.seed(SEED)
    records = load_records(a.corpus)
    t0 = time.time()
    rows = build_rows(records, a.cache)
    print(f"features for {len(rows)} pages in {time.time() - t0:.0f}s", flush=True)
    usable = [r for r in rows if r["source"] in TRAIN_SOURCES]
    train_rows = [r for r in usable if not held_out(r["id"])]
    test_rows = [r for r in usable if held_out(r["id"])]
    outside = [r for r in rows if r["source"] not in TRAIN_SOURCES]
    print(f"train {len(train_rows)} page-dumps, held out {len(test_rows)}, "
          f"out-of-sample {len(outside)}", flush=True)
    if not a.skip_heldout:
        model = train(train_rows)
        line_report(model, test_rows, "held-out dragnet+readability")
        line_report(model, outside, "out-of-sample l3s+cleaneval")
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "heldout.npz"
            model.save(path)
            if a.heldout_out is not None:
                model.save(a.heldout_out)
            held_ids = {r["id"] for r in test_rows}
            referee_report(path, [rec for rec in records if rec["id"] in held_ids],
                           "referee metric, held-out dragnet+readability pages (both styles)")
            referee_report(path, [rec for rec in records if rec["source"] not in TRAIN_SOURCES],
                           "referee metric, out-of-sample l3s-gn1+cleaneval (both styles)")
    if not a.skip_final:
        model = train(usable)
        a.out.parent.mkdir(parents=True, exist_ok=True)
        model.save(a.out)
        print(f"shipped model: {a.out} ({a.out.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
