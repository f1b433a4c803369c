"""Line scorer for the content filter: per-line features, a small tree model
evaluated in numpy, and a sequence pass that keeps article runs contiguous.

Every non-blank line gets three probabilities, P(article), P(comment) and
P(other), from two stacked gradient-boosted tree ensembles: the first reads
the line and its neighbours' features, the second re-reads the first's
probabilities in a wider window (where the prose runs are, what comes
before and after). A Viterbi pass over a three-state HMM with learned
transitions then picks the labels. The model is plain arrays in an ``.npz``
file trained by ``scripts/train_scorer.py``; scikit-learn is not needed here.

>>> from textclean.page import Page
>>> page = Page("Home\\nNews\\n" + "The council met on Tuesday and agreed the budget.\\n" * 4)
>>> probs = predict_page(page, load_model())
>>> probs.shape, bool(probs[0, 0] < 0.5 < probs[3, 0])
((6, 3), True)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from .model_features import (
    _S2,
    ARTICLE,
    BASE_NAMES,
    CLASSES,
    COMMENT,
    CONTEXT_NAMES,
    OTHER,
    PAGE_NAMES,
    VOCAB_CATEGORIES,
    LineFeatures,
    PlainBase,
    base_features,
    feature_names,
    line_features,
    plain_base_features,
    stage2_chunks,
    stage2_features,
    stage2_names,
    widen_base,
)
from .page import Page
from .trees import _CHUNK_ROWS, TreeEnsemble, _walk

# the features and the trees, for code written against textclean.scorer
__all__ = [
    "ARTICLE",
    "BASE_NAMES",
    "CLASSES",
    "COMMENT",
    "CONTEXT_NAMES",
    "OTHER",
    "PAGE_NAMES",
    "VOCAB_CATEGORIES",
    "LineFeatures",
    "PlainBase",
    "ScorerModel",
    "TreeEnsemble",
    "_walk",
    "base_features",
    "feature_names",
    "line_features",
    "load_model",
    "plain_base_features",
    "predict",
    "predict_features",
    "predict_page",
    "stage2_chunks",
    "stage2_features",
    "stage2_names",
    "viterbi",
    "widen_base",
]


@dataclass
class ScorerModel:
    """Both tree stages and the HMM over the three classes."""

    stage1: TreeEnsemble
    stage2: TreeEnsemble | None
    log_start: np.ndarray  # (3,)
    log_trans: np.ndarray  # (3, 3): from row state to column state
    log_prior: np.ndarray  # (3,): class shares the trees were trained on

    def save(self, path: str | Path) -> None:
        arrays = self.stage1.arrays("s1_")
        if self.stage2 is not None:
            arrays.update(self.stage2.arrays("s2_"))
        arrays.update(log_start=self.log_start, log_trans=self.log_trans, log_prior=self.log_prior,
                      n_features=np.array(len(feature_names())),
                      n_stage2=np.array(len(stage2_names())))
        np.savez_compressed(path, **arrays)  # type: ignore[arg-type]

    @classmethod
    def load(cls, path: str | Path) -> ScorerModel:
        with np.load(path) as npz:
            data = {k: npz[k] for k in npz.files}
        if int(data["n_features"]) != len(feature_names()):
            raise ValueError(f"{path}: model expects {int(data['n_features'])} features, "
                             f"the code computes {len(feature_names())}")
        stage2 = TreeEnsemble.from_arrays(data, "s2_") if "s2_feature" in data else None
        return cls(TreeEnsemble.from_arrays(data, "s1_"), stage2, data["log_start"],
                   data["log_trans"], data["log_prior"])


DEFAULT_MODEL = "content-scorer.npz"


@lru_cache(maxsize=8)
def load_model(path: str | None = None) -> ScorerModel:
    """The shipped model (or the one at `path`), loaded once per process."""
    if path is not None:
        return ScorerModel.load(path)
    ref = resources.files("textclean") / "data" / "model" / DEFAULT_MODEL
    with resources.as_file(ref) as real:
        return ScorerModel.load(real)


def predict(model: ScorerModel, base: np.ndarray, x: np.ndarray) -> np.ndarray:
    """(rows, 3) probabilities of article, comment, other."""
    if len(x) == 0:
        return np.zeros((0, 3))
    probs = model.stage1.proba(x)
    if model.stage2 is not None:
        probs = model.stage2.proba(stage2_features(probs, base))
    return probs


def predict_features(
    model: ScorerModel, feats: LineFeatures, *, release: bool = False
) -> np.ndarray:
    """`predict` over a page's rows built chunk by chunk: the same probabilities,
    with memory bounded by the chunk, not the page. `release` frees the context
    columns once stage 1 is done (the caller needs no more rows)."""
    if feats.n == 0:
        return np.zeros((0, 3))
    # each chunk's probabilities written into one array (a list of chunks and
    # their vstack would hold them twice)
    probs = np.empty((feats.n, len(CLASSES)))
    for lo in range(0, feats.n, _CHUNK_ROWS):
        probs[lo : lo + _CHUNK_ROWS] = model.stage1.proba(feats.rows(lo, lo + _CHUNK_ROWS))
    if release:
        feats.release()
    if model.stage2 is not None:
        # chunks on the walk's own boundaries: the same leaves and sums as one call
        stage2 = model.stage2
        s2_base = feats.column_view(_S2)  # no page-wide copy of the columns
        out = np.empty_like(probs)
        lo = 0
        for x in stage2_chunks(probs, s2_base, _CHUNK_ROWS):
            out[lo : lo + len(x)] = stage2.proba(x)
            lo += len(x)
        probs = out
    return probs


def predict_page(page: Page, model: ScorerModel) -> np.ndarray:
    """Probabilities for the page's non-blank lines, in order."""
    return predict_features(model, LineFeatures(page))


def viterbi(
    probs: np.ndarray, model: ScorerModel, weight: float = 1.0, article_bias: float = 0.0
) -> np.ndarray:
    """Most likely state sequence; the trees' posteriors over the class priors are
    the emissions, `weight` scales how much the transitions count and
    `article_bias` (log odds) tips close calls towards the article."""
    n = len(probs)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    emit = np.log(np.clip(probs, 1e-9, 1.0)) - model.log_prior
    emit[:, ARTICLE] += article_bias
    # plain floats: a step over three states is cheaper in Python than in numpy
    # (the same float64 sums, and ties go to the first state as np.argmax does)
    (t00, t01, t02), (t10, t11, t12), (t20, t21, t22) = (weight * model.log_trans).tolist()
    s0, s1, s2 = (weight * model.log_start + emit[0]).tolist()
    # each line's three back pointers as one byte, 9 * a0 + 3 * a1 + a2 (a list of
    # tuples took 70 bytes a line); the emissions as plain floats a block at a time
    back = bytearray(n)
    # the three states written out: the same sums and comparisons as a loop over
    # them, without the loop's bookkeeping (this runs once per line)
    t = 1
    for lo in range(1, n, _VITERBI_BLOCK):
        for e0, e1, e2 in emit[lo : lo + _VITERBI_BLOCK].tolist():
            b0, a0 = s0 + t00, 0
            c = s1 + t10
            if c > b0:
                b0, a0 = c, 9
            c = s2 + t20
            if c > b0:
                b0, a0 = c, 18
            b1, a1 = s0 + t01, 0
            c = s1 + t11
            if c > b1:
                b1, a1 = c, 3
            c = s2 + t21
            if c > b1:
                b1, a1 = c, 6
            b2, a2 = s0 + t02, 0
            c = s1 + t12
            if c > b2:
                b2, a2 = c, 1
            c = s2 + t22
            if c > b2:
                b2, a2 = c, 2
            back[t] = a0 + a1 + a2
            t += 1
            s0, s1, s2 = b0 + e0, b1 + e1, b2 + e2
    score = [s0, s1, s2]
    states = range(3)
    state = max(states, key=score.__getitem__)  # first of equal maxima, as np.argmax
    path = [state] * n
    for t in range(n - 1, 0, -1):
        state = _BACK[back[t]][state]
        path[t - 1] = state
    return np.array(path, dtype=np.int64)


# rows of emissions made plain floats at once in `viterbi`
_VITERBI_BLOCK = 4096
# a back-pointer byte 9 * a0 + 3 * a1 + a2 -> (a0, a1, a2)
_BACK = tuple((code // 9, code // 3 % 3, code % 3) for code in range(27))
