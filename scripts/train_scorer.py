#!/usr/bin/env python3
"""Train the content filter's line model (textclean/data/model/content-scorer.npz),
and measure it on pages it never saw.

Data: the shared corpus, both dump styles. Trained on the `dragnet`,
`readability` and `trafilatura-eval` (dev-snippets) records only (licences);
`l3s-gn1` and `cleaneval` are never trained on. Lines get labels from
scripts/label_lines.py: marked gold gives every line a label; snippet gold
labels the lines holding a `with` snippet (article) or a `without` snippet
(other) and leaves the rest out of training.

1. Features: each page is judged by the filters that run before `content`,
   then textclean.scorer computes the line features. `--augment caseless,...`
   adds restyled copies of the training pages (textclean.restyle), relabelled.
2. The recipe: stage-1 trees; stage-2 trees on out-of-fold stage-1
   probabilities (inner folds by site); HMM transitions from the fully
   labelled pages.
3. `--folds K`: pages are grouped by site (scripts/folds.py: names, shared
   template lines) into K folds. For each fold, a model trained on the other
   folds cleans that fold's pages end to end; l3s-gn1 and cleaneval are cleaned
   with the shipped model. The referee's figures of those outputs are the
   out-of-fold figures; the shipped model on every page gives the in-sample
   ones. Both tables are printed (and written with `--json`).
4. The recipe on all training pages gives the shipped model.

Seeds are fixed; the run is reproducible. Needs scikit-learn (training only).

usage: train_scorer.py [--folds K] [--augment STYLES] [--cache PATH] [--skip-final]
                       [--json OUT] [--out PATH]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import pickle
import sys
import tempfile
import time
from multiprocessing import Pool
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from folds import assign_folds, site_groups  # noqa: E402
from label_lines import labels_for  # noqa: E402

from textclean.evaluation import format_report, outputs, score_outputs  # noqa: E402
from textclean.filters import DEFAULT_ORDER, default_pipeline  # noqa: E402
from textclean.filters.content import ContentFilter  # noqa: E402
from textclean.pipeline import Pipeline  # noqa: E402
from textclean.restyle import STYLES  # noqa: E402
from textclean.scorer import (  # noqa: E402
    ScorerModel,
    TreeEnsemble,
    line_features,
    stage2_features,
)

TRAIN_SOURCES = ("dragnet", "readability", "trafilatura-eval")
FILES = ("dev-lines", "dev-blocks", "dev-snippets-lines", "dev-snippets-blocks")
LABEL_INDEX = {"article": 0, "comment": 1, "other": 2, "unknown": -1}
SEED = 0
GBM = dict(max_iter=150, learning_rate=0.12, max_leaf_nodes=31, max_depth=8,
           min_samples_leaf=40, l2_regularization=1.0, early_stopping=False, random_state=SEED)
SNIPPET_WEIGHT = 4.0
"""Snippet pages label a few lines each (about 5 of a page's 180): their lines
count this much more, so that the 512 modern pages weigh in beside dragnet's."""


def _prefilters() -> Pipeline:
    """The filters that run before `content` in the default pipeline."""
    full = default_pipeline()
    names = [cls.name for cls in DEFAULT_ORDER]
    return Pipeline([full[name] for name in names[: names.index(ContentFilter.name)]])


def _restyled(rec: dict, style: str) -> dict:
    """A training copy of a record in another dump style; caseless lowers the gold."""
    out = {**rec, "dump": STYLES[style](rec["dump"]), "augment": style}
    if style == "caseless":
        out["gold"] = {k: (v.lower() if isinstance(v, str) else
                           [x.lower() for x in v] if isinstance(v, list) else v)
                       for k, v in rec["gold"].items()}
    return out


def _page_rows(rec: dict) -> dict:
    page = _prefilters().judge(rec["dump"])
    idx, base, x = line_features(page)
    # a page line can span several dump lines (a hard-wrapped paragraph, joined)
    joined = "\n".join(page.text[ln.start : ln.end].replace("\n", " ") for ln in page.lines)
    labels = labels_for(joined, rec["gold"])
    if len(labels) != len(page.lines):
        raise ValueError(f"{rec['id']}: {len(labels)} labels for {len(page.lines)} lines")
    y = np.array([LABEL_INDEX[labels[i]] for i in idx.tolist()], dtype=np.int64)
    return {"id": rec["id"], "source": rec["source"], "style": rec["style"],
            "augment": rec.get("augment"), "base": base.astype(np.float64),
            "x": x.astype(np.float64), "y": y}


def load_records(corpus: Path) -> list[dict]:
    out = []
    for name in FILES:
        with gzip.open(corpus / f"{name}.jsonl.gz", "rt", encoding="utf-8") as f:
            out += [json.loads(line) for line in f]
    return out


def build_rows(records: list[dict], cache: Path | None) -> list[dict]:
    if cache is not None and cache.exists():
        with cache.open("rb") as f:
            rows: list[dict] = pickle.load(f)
            return rows
    with Pool(2) as pool:
        rows = pool.map(_page_rows, records, chunksize=16)
    if cache is not None:
        with cache.open("wb") as f:
            pickle.dump(rows, f)
    return rows


def line_weights(rows: list[dict]) -> np.ndarray:
    """Long lines carry more of the metric's shingles; 0.5 keeps short ones in play;
    snippet pages' few labelled lines count SNIPPET_WEIGHT times; sampled pages'
    lines 1 / SAMPLE times."""
    return np.concatenate([
        (0.5 + r["base"][:, 1]) * (
            SNIPPET_WEIGHT if r["source"] == "trafilatura-eval"
            else 1.0 / SAMPLE if (r["y"] >= 0).all() else 1.0)
        for r in rows
    ])


SAMPLE = 1.0
"""The share of fully labelled pages' lines each fit sees (a fixed draw per line,
its weight raised to match): both dump styles of a page give near-identical rows,
so half of them trains about as well in half the time."""


def _kept(rows: list[dict]) -> np.ndarray:
    """Which lines of `rows` a fit uses: labelled, weighted, and in the sample."""
    y = np.concatenate([r["y"] for r in rows])
    keep = (y >= 0) & (line_weights(rows) > 0)
    if SAMPLE < 1.0:
        draw = np.concatenate([r["draw"] for r in rows])
        partial = np.concatenate([np.full(len(r["y"]), (r["y"] >= 0).all()) for r in rows])
        keep &= ~partial | (draw < SAMPLE)
    return keep


def _labelled(rows: list[dict]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Stacked features, labels and weights of the lines a fit uses."""
    keep = _kept(rows)
    x = np.vstack([r["x"] for r in rows])[keep]
    y = np.concatenate([r["y"] for r in rows])[keep]
    w = line_weights(rows)[keep]
    return x, y, w


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


def _hash_fold(key: str, folds: int) -> int:
    return int(hashlib.md5(key.encode()).hexdigest()[:8], 16) % folds


def train(rows: list[dict], inner_folds: int = 3, quiet: bool = False) -> ScorerModel:
    """Stage 1 on every labelled line; stage 2 on out-of-fold stage-1
    probabilities (inner folds by site group, so both styles and every restyled
    copy of a page, and the pages of one template, land in one fold)."""
    t0 = time.time()
    x, y, w = _labelled(rows)
    stage1 = fit_gbm(x, y, w)
    if not quiet:
        print(f"  stage 1: {len(y)} lines, {time.time() - t0:.0f}s", flush=True)
    fold = np.array([_hash_fold(r["group"], inner_folds) for r in rows])
    oof: list[np.ndarray | None] = [None] * len(rows)
    for k in range(inner_folds):
        inside = [r for r, f in zip(rows, fold, strict=True) if f != k]
        model_k = fit_gbm(*_labelled(inside))
        for j, r in enumerate(rows):
            if fold[j] == k:
                oof[j] = model_k.proba(r["x"])
        if not quiet:
            print(f"  inner fold {k}: {time.time() - t0:.0f}s", flush=True)
    x2 = np.vstack([stage2_features(p, r["base"]) for p, r in zip(oof, rows, strict=True)])
    keep = _kept(rows)
    stage2 = fit_gbm(x2[keep], np.concatenate([r["y"] for r in rows])[keep],
                     line_weights(rows)[keep])
    if not quiet:
        print(f"  stage 2: {time.time() - t0:.0f}s", flush=True)
    # transitions from the fully labelled pages only (snippet pages have gaps)
    log_start, log_trans, _ = hmm([r for r in rows if (r["y"] >= 0).all()])
    # the trees were trained on weighted lines: their prior is the weighted share
    weighted = np.bincount(y, weights=w, minlength=3)
    log_prior = np.log(weighted / weighted.sum())
    return ScorerModel(stage1, stage2, log_start, log_trans, log_prior)


_PIPELINES: dict[str, Pipeline] = {}


def _clean_one(job: tuple[str, dict]) -> dict[str, Any]:
    """The referee's outputs of one page cleaned with the model at `path`."""
    path, rec = job
    if path not in _PIPELINES:
        _PIPELINES[path] = default_pipeline().replace("content", ContentFilter(model=path))
    return outputs(_PIPELINES[path].run(rec["dump"]))


def clean_all(jobs: list[tuple[str, dict]]) -> list[dict[str, Any]]:
    with Pool(2) as pool:
        return pool.map(_clean_one, jobs, chunksize=8)


def report(records: list[dict], outs: list[dict[str, Any]], title: str) -> dict[str, Any]:
    """The referee's tables (one per corpus file) of these outputs."""
    print(f"\n== {title}")
    tables: dict[str, Any] = {}
    for name in FILES:
        style = name.rsplit("-", 1)[1]
        split = name.rsplit("-", 1)[0]
        pairs = [(r, o) for r, o in zip(records, outs, strict=True)
                 if r["style"] == style and (r["source"] == "trafilatura-eval") == (split != "dev")]
        if pairs:
            tables[name] = score_outputs(pairs)
            print(f"-- {name}")
            print(format_report(tables[name]))
    return tables


def main() -> None:
    global SNIPPET_WEIGHT, SAMPLE
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--out", type=Path,
                    default=ROOT / "textclean" / "data" / "model" / "content-scorer.npz")
    ap.add_argument("--cache", type=Path, help="pickle of the feature rows, reused if present")
    ap.add_argument("--folds", type=int, default=0,
                    help="K: out-of-fold figures, pages of one site in one fold")
    ap.add_argument("--inner-folds", type=int, default=3)
    ap.add_argument("--augment", default="",
                    help=f"restyled training copies, comma-separated: {','.join(STYLES)}")
    ap.add_argument("--snippet-weight", type=float, default=SNIPPET_WEIGHT,
                    help="weight of snippet pages' labelled lines (0: leave them out)")
    ap.add_argument("--sample", type=float, default=SAMPLE,
                    help="share of fully labelled pages' lines each fit sees")
    ap.add_argument("--skip-final", action="store_true", help="do not write the shipped model")
    ap.add_argument("--json", type=Path, help="write the figures here")
    ap.add_argument("--models", type=Path,
                    help="keep the fold and final models here; models found there are reused "
                         "(to score code changed after training)")
    a = ap.parse_args()
    np.random.seed(SEED)
    SNIPPET_WEIGHT = a.snippet_weight
    SAMPLE = a.sample
    records = load_records(a.corpus)
    groups = site_groups((r["id"], r["source"], r["dump"]) for r in records)
    training = [r for r in records if r["source"] in TRAIN_SOURCES]
    styles = [s for s in a.augment.split(",") if s]
    t0 = time.time()
    rows = build_rows(training, a.cache)
    copies = 0
    for style in styles:  # the lines dumps restyled; each style cached beside the rows
        copied = [_restyled(r, style) for r in training if r["style"] == "lines"]
        cache = a.cache.with_suffix(f".{style}.pkl") if a.cache is not None else None
        rows += build_rows(copied, cache)
        copies += len(copied)
    rng = np.random.default_rng(SEED)
    for r in rows:
        r["group"] = groups[r["id"]]
        r["draw"] = rng.random(len(r["y"]))
    print(f"features for {len(rows)} page dumps ({copies} restyled) "
          f"in {time.time() - t0:.0f}s", flush=True)
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = a.models if a.models is not None else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)

        def trained(name: str, subset: list[dict], quiet: bool) -> Path:
            """The model of these rows, trained now or reused from `--models`."""
            path = folder / f"{name}.npz"
            if a.models is None or not path.exists():
                train(subset, a.inner_folds, quiet=quiet).save(path)
            return path

        jobs: list[tuple[str, dict]] = []
        if a.folds:
            fold_of = assign_folds(groups, a.folds)
            for k in range(a.folds):
                t1 = time.time()
                path = trained(f"fold{k}", [r for r in rows if fold_of[r["id"]] != k], True)
                jobs += [(str(path), rec) for rec in training if fold_of[rec["id"]] == k]
                print(f"fold {k}: {time.time() - t1:.0f}s", flush=True)
        final_path = trained("final", rows, False)
        if a.folds:
            unseen = [rec for rec in records if rec["source"] not in TRAIN_SOURCES]
            jobs += [(str(final_path), rec) for rec in unseen]
            outs = clean_all(jobs)
            figures["out_of_fold"] = report([rec for _, rec in jobs], outs,
                                            f"out of fold ({a.folds} folds by site; "
                                            "l3s-gn1 and cleaneval never trained on)")
        outs = clean_all([(str(final_path), rec) for rec in records])
        figures["in_sample"] = report(records, outs, "in sample (the shipped model, every page)")
        if not a.skip_final:
            a.out.parent.mkdir(parents=True, exist_ok=True)
            a.out.write_bytes(final_path.read_bytes())
            print(f"shipped model: {a.out} ({a.out.stat().st_size / 1e6:.2f} MB)")
    if a.json is not None:
        a.json.write_text(json.dumps(figures, indent=1, default=float))


if __name__ == "__main__":
    main()
