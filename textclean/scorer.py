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

import importlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import ModuleType

import numpy as np

from .page import Label, Page

_walk: ModuleType | None
try:  # the optional C walker (setup.py builds it where a compiler is present)
    _walk = importlib.import_module("textclean._walk")
except ImportError:  # pragma: no cover - pure-Python installs
    _walk = None

# TEXTCLEAN_PURE=1 walks the trees with numpy even where the C walker is built
_PURE = os.environ.get("TEXTCLEAN_PURE", "") not in ("", "0")
# rows walked at once: bounds the (rows x trees) arrays of the walk; 256 rows x 450
# trees of leaf values (0.9 MB) stay in cache, 2,048 (7.4 MB) did not: a big page's
# walk ran twice as fast per row with the smaller chunk
_CHUNK_ROWS = 256
# rows of the page-wide passes that go a block at a time (bounds their temporaries)
_BLOCK_ROWS = 4096

CLASSES = ("article", "comment", "other")
ARTICLE, COMMENT, OTHER = 0, 1, 2

# A fixed list, so a vocabulary file gaining a category never shifts columns;
# anything not listed falls into "vocab:other".
VOCAB_CATEGORIES = (
    "advertisement", "byline-label", "comment-action", "comment-chrome", "comment-closed",
    "comment-header", "date-label", "donation", "footer", "navigation", "pagination", "print",
    "related", "tags", "trackback", "widget:app", "widget:cookie", "widget:login",
    "widget:read-more", "widget:share", "widget:subscribe",
)
_VOCAB_INDEX = {name: k for k, name in enumerate(VOCAB_CATEGORIES)}
_COMMENTISH = frozenset({"comment-header", "comment-chrome", "comment-closed", "comment-action"})
_OPEN_QUOTES = frozenset("\"“„«'‘")

BASE_NAMES: tuple[str, ...] = (
    "log_chars", "log_words", "stop_ratio", "ends_sentence", "ends_full_stop", "punct_share",
    "log_commas", "digit_ratio", "upper_ratio", "title_ratio", "url", "separators", "bullet",
    "currency", "has_time", "log_repeats", "log_indent", "blank_before", "blank_after",
    "name_like", "prior_removed", "prior_confidence", "mean_word_len", "starts_lower",
    "ends_colon", "all_caps", "quoted", "prose", "short", "vocab_any",
    *(f"vocab:{c}" for c in VOCAB_CATEGORIES), "vocab:other",
)
_B = {name: k for k, name in enumerate(BASE_NAMES)}
# the columns before the one-hot vocabulary categories, which close the row
_PLAIN = _B[f"vocab:{VOCAB_CATEGORIES[0]}"]
# Base columns whose neighbours (±1, ±2) and windowed means the line model sees.
CONTEXT_NAMES = (
    "log_words", "stop_ratio", "ends_full_stop", "prose", "short", "vocab_any", "prior_removed",
    "name_like", "has_time", "url", "log_repeats", "title_ratio", "digit_ratio", "blank_before",
    "vocab:comment-header", "vocab:navigation", "vocab:related", "separators",
)
_CTX = [_B[n] for n in CONTEXT_NAMES]
_OFFSETS = (-2, -1, 1, 2)
_WINDOWS = (3, 10)
PAGE_NAMES = (
    "rel_pos", "rel_char", "prose_above", "prose_below", "log_lines", "blocks_style",
    "page_prose_share", "after_comment_header", "log_dist_comment_header_before",
    "log_dist_comment_header_after", "in_best_run", "log_dist_best_run", "best_run_share",
)


def feature_names() -> list[str]:
    """Column names of the line model's input, in order."""
    names = list(BASE_NAMES)
    for k in _OFFSETS:
        names += [f"{n}@{k:+d}" for n in CONTEXT_NAMES]
    for r in _WINDOWS:
        names += [f"{n}~{r}" for n in CONTEXT_NAMES]
    return names + list(PAGE_NAMES)


def base_features(page: Page) -> tuple[np.ndarray, np.ndarray]:
    """(indices of the non-blank lines, one row of base features per such line)."""
    idx, plain, vocab = plain_base_features(page)
    return idx, widen_base(plain, vocab)


def widen_base(plain: np.ndarray, vocab: np.ndarray) -> np.ndarray:
    """Base feature rows from their plain columns and vocabulary index (-1: none):
    the vocabulary categories one-hot.

    >>> widen_base(np.zeros((2, _PLAIN)), np.array([-1, 2], dtype=np.int8))[:, _PLAIN:].sum(axis=1)
    array([0., 1.])
    """
    out = np.zeros((len(plain), len(BASE_NAMES)), dtype=np.float64)
    out[:, :_PLAIN] = plain
    hit = np.flatnonzero(vocab >= 0)
    out[hit, _PLAIN + vocab[hit]] = 1.0
    return out


def plain_base_features(page: Page) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(indices of the non-blank lines, their base features but the vocabulary
    columns, each line's vocabulary column as an index, -1 for none): 30 of the
    52 columns as floats, the 22 one-hot ones as a byte (`widen_base` makes rows)."""
    idx = np.array(page.nonblank(), dtype=np.int64)
    stats = page.stats
    lines = page.lines
    n_lines = len(lines)
    n_vocab = len(VOCAB_CATEGORIES)
    # rows of plain numbers first, one numpy conversion and column-wise logs after:
    # a numpy call per line and feature costs more than the features themselves
    rows: list[tuple[float, ...]] = []
    vocab_col: list[int] = []
    out = np.zeros((len(idx), _PLAIN), dtype=np.float64)
    done = 0
    for i in idx.tolist():
        if len(rows) == 4096:
            out[done : done + len(rows), : len(rows[0])] = np.array(rows, dtype=np.float64)
            done += len(rows)
            rows = []
        s = stats[i]
        text = lines[i].text.strip()
        words = s.words
        standing = page.standing(i)
        removed = standing is not None and standing.label is Label.BOILERPLATE
        first = text[:1]
        rows.append((
            s.chars,  # log1p below
            words,  # log1p below
            s.stop_ratio,
            s.ends_sentence,
            s.ends_full_stop,
            s.punct / s.chars if s.chars else 0.0,
            s.commas,  # log1p below
            s.digit_ratio,
            s.upper_ratio,
            s.title_words / words if words else 0.0,
            s.url,
            min(s.separators, 5),
            s.bullet,
            s.currency,
            s.has_time,
            s.repeats - 1,  # log1p below
            s.indent,  # log1p below
            i == 0 or lines[i - 1].blank,
            i + 1 >= n_lines or lines[i + 1].blank,
            # "Jane Doe", "admin": a few capitalised words, no sentence
            1 <= words <= 4 and s.title_words == words and not s.ends_sentence and s.chars <= 40,
            removed,
            standing.confidence if removed and standing is not None else 0.0,
            s.letters / words if words else 0.0,
            first.islower(),
            text.endswith(":"),
            s.letters >= 4 and s.upper == s.letters,
            first in _OPEN_QUOTES,
            words >= 10 and s.stop_ratio >= 0.2,
            words <= 3,
            s.vocab is not None,
        ))
        vocab_col.append(
            -1 if s.vocab is None else _VOCAB_INDEX.get(s.vocab, n_vocab)
        )
    if not rows:
        return idx, out, np.zeros(0, dtype=np.int8)
    out[done:, : len(rows[0])] = np.array(rows, dtype=np.float64)
    for col in _LOG_COLUMNS:
        out[:, col] = np.log1p(out[:, col])
    return idx, out, np.array(vocab_col, dtype=np.int8)


# columns stored raw by base_features and turned into log1p(x) column-wise
_LOG_COLUMNS = tuple(
    _B[n] for n in ("log_chars", "log_words", "log_commas", "log_repeats", "log_indent")
)


def _shift(a: np.ndarray, k: int, fill: float = 0.0) -> np.ndarray:
    """Row i of the result is row i+k of `a` (fill beyond the ends)."""
    out = np.full_like(a, fill)
    n = len(a)
    if k > 0 and k < n:
        out[: n - k] = a[k:]
    elif k < 0 and -k < n:
        out[-k:] = a[: n + k]
    return out


def _window_mean(a: np.ndarray, r: int) -> np.ndarray:
    """Mean of rows i-r..i+r (clipped at the ends), for every row at once."""
    n = len(a)
    c = np.vstack([np.zeros((1, a.shape[1])), np.cumsum(a, axis=0)])
    lo = np.clip(np.arange(n) - r, 0, n)
    hi = np.clip(np.arange(n) + r + 1, 0, n)
    return (c[hi] - c[lo]) / (hi - lo)[:, None]


def _best_run(score: np.ndarray) -> tuple[int, int]:
    """[start, end) of the maximum-sum contiguous run, vectorised (0, 0 if none)."""
    if not len(score):
        return 0, 0
    prefix = np.concatenate([[0.0], np.cumsum(score)])
    low = np.minimum.accumulate(prefix)
    gain = prefix[1:] - low[:-1]
    end = int(np.argmax(gain))
    if gain[end] <= 0:
        return 0, 0
    start = int(np.argmax(prefix[: end + 1] == low[end]))
    return start, end + 1


def _run_features(weight: np.ndarray) -> np.ndarray:
    """Inside the best run of `weight`, log distance to it, and its share of lines."""
    n = len(weight)
    lo, hi = _best_run(weight)
    pos = np.arange(n)
    inside = (pos >= lo) & (pos < hi)
    dist = np.where(pos < lo, lo - pos, np.where(pos >= hi, pos - hi + 1, 0))
    return np.column_stack([inside, np.log1p(dist), np.full(n, (hi - lo) / max(n, 1))])


def _distance_features(flag: np.ndarray) -> np.ndarray:
    """After the first flagged row; log distance to the last flagged row before / next after."""
    n = len(flag)
    pos = np.arange(n)
    big = 2 * n + 10
    last = np.maximum.accumulate(np.where(flag, pos, -big))
    nxt = np.minimum.accumulate(np.where(flag, pos, 3 * n + 10)[::-1])[::-1]
    return np.column_stack([
        last >= 0, np.log1p(np.minimum(pos - last, big)), np.log1p(np.minimum(nxt - pos, big)),
    ])


class LineFeatures:
    """The line model's input for one page, built a chunk of rows at a time.

    The page-wide parts (base features, running sums for the windowed means,
    position and run features) are computed once; `rows(lo, hi)` assembles the
    full 173 columns of rows lo..hi from them, so a huge page never holds all
    its rows' full feature vectors at once. Rows are the same numbers whatever
    the chunking. `base` holds the base columns before the vocabulary categories,
    `vocab` each row's category as an index (`full` gives whole base rows)."""

    def __init__(self, page: Page) -> None:
        self._released = False
        self.idx, self.base, self.vocab = plain_base_features(page)
        base = self.base
        n = self.n = len(self.idx)
        self.width = len(feature_names())
        if n == 0:
            return
        # running sums of the context columns, a block at a time: no page-wide copy
        # of those columns (each block starts from the sum before it, so every sum
        # is the same sequence of additions as one cumsum over the page)
        self._sums = np.zeros((n + 1, len(_CTX)))
        for lo in range(0, n, _BLOCK_ROWS):
            hi = min(lo + _BLOCK_ROWS, n)
            block = self.full(lo, hi)[:, _CTX]
            block[0] += self._sums[lo]
            np.cumsum(block, axis=0, out=self._sums[lo + 1 : hi + 1])
        chars = np.expm1(base[:, _B["log_chars"]])
        prose_chars = chars * base[:, _B["prose"]]
        total = prose_chars.sum() or 1.0
        above = (np.cumsum(prose_chars) - prose_chars) / total
        starts = np.array([page.lines[i].start for i in self.idx.tolist()], dtype=np.float64)
        # the old heuristic's notion of the densest prose run, as a hint
        simple = (
            np.where(base[:, _B["log_words"]] >= np.log1p(10), 0.5,
                     np.where(base[:, _B["short"]] > 0, -0.6, -0.2))
            + np.where(base[:, _B["stop_ratio"]] >= 0.15, 0.3, -0.3)
            + 0.3 * base[:, _B["ends_full_stop"]] - 0.3 * base[:, _B["url"]]
            - 0.3 * (base[:, _B["log_repeats"]] > 0) - 0.8 * base[:, _B["prior_removed"]]
        )
        comment_flag = np.zeros(n, dtype=bool)
        for k, i in enumerate(self.idx.tolist()):
            comment_flag[k] = page.stats[i].vocab in _COMMENTISH
        # filled column by column: no second page-wide copy of the columns
        cols = self.page_cols = np.empty((n, len(PAGE_NAMES)))
        cols[:, 0] = np.arange(n) / max(n - 1, 1)
        cols[:, 1] = starts / max(len(page.text), 1)
        cols[:, 2] = above
        cols[:, 3] = 1.0 - above - prose_chars / total
        cols[:, 4] = np.log1p(n)
        cols[:, 5] = float(page.style == "blocks")
        cols[:, 6] = base[:, _B["prose"]].mean()
        cols[:, 7:10] = _distance_features(comment_flag)
        cols[:, 10:13] = _run_features(simple)

    def full(self, lo: int, hi: int) -> np.ndarray:
        """Base feature rows lo..hi with the vocabulary one-hot (`BASE_NAMES`);
        `base` holds only the columns before it."""
        return widen_base(self.base[lo:hi], self.vocab[lo:hi])

    def columns(self, cols: list[int]) -> np.ndarray:
        """Base feature columns `cols` (indices into `BASE_NAMES`) of every row."""
        out = np.empty((self.n, len(cols)))
        for lo in range(0, self.n, _BLOCK_ROWS):
            hi = min(lo + _BLOCK_ROWS, self.n)
            out[lo:hi] = self.full(lo, hi)[:, cols]
        return out

    def release(self) -> None:
        """Drop the running sums and page columns (a big page's tens of MB) once the
        stage-1 rows are built; `idx` and `base` stay for the second stage."""
        self._sums = self.page_cols = np.zeros((0, 0))
        self._released = True

    def rows(self, lo: int, hi: int) -> np.ndarray:
        """Full feature rows lo..hi (clipped to the page)."""
        if self._released:
            raise RuntimeError("LineFeatures.rows() after release()")
        lo, hi = max(lo, 0), min(hi, self.n)
        out = np.zeros((max(hi - lo, 0), self.width))
        if hi <= lo:
            return out
        nb, nc = len(BASE_NAMES), len(_CTX)
        reach = max(map(abs, _OFFSETS))
        near_lo, near_hi = max(lo - reach, 0), min(hi + reach, self.n)
        near = self.full(near_lo, near_hi)
        out[:, :nb] = near[lo - near_lo : hi - near_lo]
        ctx = near[:, _CTX]
        col = nb
        for k in _OFFSETS:  # row i sees row i+k (zeros beyond the page's ends)
            src_lo, src_hi = max(lo + k, 0), min(hi + k, self.n)
            if src_hi > src_lo:
                out[src_lo - k - lo : src_hi - k - lo, col : col + nc] = ctx[
                    src_lo - near_lo : src_hi - near_lo
                ]
            col += nc
        pos = np.arange(lo, hi)
        for r in _WINDOWS:  # mean of rows i-r..i+r, clipped at the ends
            w_lo = np.clip(pos - r, 0, self.n)
            w_hi = np.clip(pos + r + 1, 0, self.n)
            out[:, col : col + nc] = (self._sums[w_hi] - self._sums[w_lo]) / (w_hi - w_lo)[:, None]
            col += nc
        out[:, col:] = self.page_cols[lo:hi]
        return out


def line_features(page: Page) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(non-blank line indices, base features, full line-model features)."""
    feats = LineFeatures(page)
    return feats.idx, feats.full(0, feats.n), feats.rows(0, feats.n)


STAGE2_BASE = ("log_words", "stop_ratio", "ends_full_stop", "vocab_any", "prior_removed",
               "name_like", "has_time", "short", "log_repeats", "vocab:comment-header")
_S2 = [_B[n] for n in STAGE2_BASE]
_S2_LOG_WORDS = STAGE2_BASE.index("log_words")
_S2_OFFSETS = (-3, -2, -1, 1, 2, 3)
_S2_WINDOWS = (2, 5, 12, 30)


def stage2_names() -> list[str]:
    names = [f"p_{c}" for c in CLASSES]
    for k in _S2_OFFSETS:
        names += [f"p_{c}@{k:+d}" for c in CLASSES]
    for r in _S2_WINDOWS:
        names += [f"p_{c}~{r}" for c in CLASSES]
    names += ["max_article_above", "max_article_below", "article_mass_above",
              "article_mass_below", "comment_mass_above", "in_article_run",
              "log_dist_article_run", "article_run_share", "rel_pos"]
    return names + list(STAGE2_BASE)


def stage2_features(probs: np.ndarray, base: np.ndarray) -> np.ndarray:
    """The second model's input: the first model's probabilities in context."""
    n = len(probs)
    if n == 0:
        return np.zeros((0, len(stage2_names())))
    out = np.empty((n, len(stage2_names())))
    col = 0

    def put(part: np.ndarray) -> None:
        nonlocal col
        out[:, col : col + part.shape[1]] = part
        col += part.shape[1]

    put(probs)
    for k in _S2_OFFSETS:
        put(_shift(probs, k))
    for r in _S2_WINDOWS:
        put(_window_mean(probs, r))
    pa, pc = probs[:, ARTICLE], probs[:, COMMENT]
    words = np.expm1(base[:, _B["log_words"]])
    mass = pa * words
    total = mass.sum() or 1.0
    above = (np.cumsum(mass) - mass) / total
    cmass = pc * words
    ctotal = cmass.sum() or 1.0
    put(np.column_stack([
        _shift(np.maximum.accumulate(pa)[:, None], -1)[:, 0],
        _shift(np.maximum.accumulate(pa[::-1])[::-1][:, None], 1)[:, 0],
        above,
        1.0 - above - mass / total,
        (np.cumsum(cmass) - cmass) / ctotal,
        _run_features((pa - 0.5) * (1.0 + np.log1p(words))),
        np.arange(n) / max(n - 1, 1),
    ]))
    put(base[:, _S2])
    return out


def stage2_chunks(probs: np.ndarray, s2_base: np.ndarray, rows: int) -> Iterator[np.ndarray]:
    """`stage2_features(probs, base)` `rows` rows at a time, the same numbers, from
    the `STAGE2_BASE` columns of `base` (`s2_base`): the page-wide parts (running
    sums, page columns) are computed once, so a big page never holds all its rows'
    stage-2 vectors at once.

    >>> rng = np.random.default_rng(3)
    >>> probs, base = rng.random((700, 3)), rng.random((700, len(BASE_NAMES)))
    >>> chunks = np.vstack(list(stage2_chunks(probs, base[:, _S2], 256)))
    >>> bool((chunks == stage2_features(probs, base)).all())
    True
    """
    n = len(probs)
    width = len(stage2_names())
    if n == 0:
        return
    c = np.vstack([np.zeros((1, probs.shape[1])), np.cumsum(probs, axis=0)])  # as _window_mean
    pa, pc = probs[:, ARTICLE], probs[:, COMMENT]
    words = np.expm1(s2_base[:, _S2_LOG_WORDS])
    mass = pa * words
    total = mass.sum() or 1.0
    above = (np.cumsum(mass) - mass) / total
    cmass = pc * words
    ctotal = cmass.sum() or 1.0
    page = np.empty((n, 9))
    page[:, 0] = _shift(np.maximum.accumulate(pa)[:, None], -1)[:, 0]
    page[:, 1] = _shift(np.maximum.accumulate(pa[::-1])[::-1][:, None], 1)[:, 0]
    page[:, 2] = above
    page[:, 3] = 1.0 - above - mass / total
    page[:, 4] = (np.cumsum(cmass) - cmass) / ctotal
    page[:, 5:8] = _run_features((pa - 0.5) * (1.0 + np.log1p(words)))
    page[:, 8] = np.arange(n) / max(n - 1, 1)
    del words, mass, above, cmass
    k_probs = probs.shape[1]
    for lo in range(0, n, rows):
        hi = min(lo + rows, n)
        out = np.empty((hi - lo, width))
        out[:, :k_probs] = probs[lo:hi]
        col = k_probs
        for k in _S2_OFFSETS:  # _shift: row i sees row i+k, zeros beyond the ends
            part = out[:, col : col + k_probs]
            part[:] = 0.0
            src_lo, src_hi = max(lo + k, 0), min(hi + k, n)
            if src_hi > src_lo:
                part[src_lo - k - lo : src_hi - k - lo] = probs[src_lo:src_hi]
            col += k_probs
        pos = np.arange(lo, hi)
        for r in _S2_WINDOWS:  # _window_mean, row by row
            w_lo = np.clip(pos - r, 0, n)
            w_hi = np.clip(pos + r + 1, 0, n)
            out[:, col : col + k_probs] = (c[w_hi] - c[w_lo]) / (w_hi - w_lo)[:, None]
            col += k_probs
        out[:, col : col + 9] = page[lo:hi]
        out[:, col + 9 :] = s2_base[lo:hi]
        yield out


@dataclass
class TreeEnsemble:
    """Gradient-boosted trees as arrays: node n of tree t sends x left if
    x[feature] <= threshold; leaves point to themselves, so a fixed number of
    steps reaches every leaf. `value` is added to the raw score of `klass`."""

    feature: np.ndarray  # (trees, nodes) int
    threshold: np.ndarray  # (trees, nodes) float
    left: np.ndarray  # (trees, nodes) int
    right: np.ndarray  # (trees, nodes) int
    value: np.ndarray  # (trees, nodes) float
    klass: np.ndarray  # (trees,) int
    baseline: np.ndarray  # (classes,)
    depth: int

    def __post_init__(self) -> None:
        # flat copies with global node numbers: 1-D `take` is much faster than 2-D indexing
        trees, width = self.feature.shape
        offset = (np.arange(trees) * width)[:, None]
        self._feature = self.feature.ravel()
        self._threshold = self.threshold.ravel()
        self._left = (self.left + offset).ravel()
        self._right = (self.right + offset).ravel()
        self._value = self.value.ravel()
        self._roots = offset.ravel().astype(np.intp)
        self._feature_i = self._feature.astype(np.intp)
        # children side by side, right first: child = kids[2 * node + (x <= threshold)]
        # costs one `take` a step instead of two and a `where`
        self._kids = np.stack([self._right, self._left], axis=1).ravel().astype(np.intp)
        # the C walker's packed nodes (see _walk.c): children local to their tree
        self._nodes = np.zeros(
            trees * width,
            dtype=np.dtype([("threshold", "<f8"), ("feature", "<i4"), ("left", "<u2"),
                            ("right", "<u2")]),
        )
        self._nodes["threshold"] = self._threshold
        self._nodes["feature"] = self._feature
        self._nodes["left"] = self.left.ravel()
        self._nodes["right"] = self.right.ravel()
        self._onehot = np.zeros((trees, len(self.baseline)))
        self._onehot[np.arange(trees), self.klass] = 1.0

    def raw(self, x: np.ndarray) -> np.ndarray:
        """Raw (pre-softmax) scores, shape (rows, classes): the C walker where it
        was built, else the numpy walk; both give the same leaves, and the sum over
        trees is the same numpy product, so the scores are bit-identical."""
        if len(x) == 0:
            return np.zeros((0, len(self.baseline)))
        walk = self.leaves if _walk is not None and not _PURE else self.leaves_numpy
        x = np.ascontiguousarray(x, dtype=np.float64)
        # rows in chunks: memory stays (chunk x trees), whatever the page's size
        parts = [
            self.baseline + walk(x[lo : lo + _CHUNK_ROWS]) @ self._onehot
            for lo in range(0, len(x), _CHUNK_ROWS)
        ]
        return parts[0] if len(parts) == 1 else np.vstack(parts)

    def leaves(self, x: np.ndarray) -> np.ndarray:
        """Leaf value of every (row, tree), walked in C."""
        assert _walk is not None
        x = np.ascontiguousarray(x, dtype=np.float64)
        out = np.empty((len(x), len(self._roots)))
        _walk.walk(x, x.shape[1], self._nodes, self._value, len(self._roots), self.depth, out)
        return out

    def leaves_numpy(self, x: np.ndarray) -> np.ndarray:
        """Leaf value of every (row, tree): all trees at once, one array step per
        level (the reference the C walker is checked against)."""
        n, width = x.shape
        flat_x = np.ascontiguousarray(x, dtype=np.float64).ravel()
        row_base = (np.arange(n, dtype=np.intp) * width)[:, None]
        node = np.broadcast_to(self._roots, (n, len(self._roots))).copy()
        for _ in range(self.depth):
            value = flat_x.take(row_base + self._feature_i.take(node))
            node = self._kids.take(2 * node + (value <= self._threshold.take(node)))
        return self._value.take(node)

    def proba(self, x: np.ndarray) -> np.ndarray:
        z = self.raw(x)
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        return {
            f"{prefix}feature": self.feature.astype(np.int16),
            f"{prefix}threshold": self.threshold.astype(np.float64),
            f"{prefix}left": self.left.astype(np.int16),
            f"{prefix}right": self.right.astype(np.int16),
            f"{prefix}value": self.value.astype(np.float32),
            f"{prefix}klass": self.klass.astype(np.int8),
            f"{prefix}baseline": self.baseline.astype(np.float64),
            f"{prefix}depth": np.array(self.depth),
        }

    @classmethod
    def from_arrays(cls, data: dict[str, np.ndarray], prefix: str) -> TreeEnsemble:
        return cls(
            feature=data[f"{prefix}feature"].astype(np.int64),
            threshold=data[f"{prefix}threshold"].astype(np.float64),
            left=data[f"{prefix}left"].astype(np.int64),
            right=data[f"{prefix}right"].astype(np.int64),
            value=data[f"{prefix}value"].astype(np.float64),
            klass=data[f"{prefix}klass"].astype(np.int64),
            baseline=data[f"{prefix}baseline"].astype(np.float64),
            depth=int(data[f"{prefix}depth"]),
        )


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
    probs = np.vstack([
        model.stage1.proba(feats.rows(lo, lo + _CHUNK_ROWS))
        for lo in range(0, feats.n, _CHUNK_ROWS)
    ])
    if release:
        feats.release()
    if model.stage2 is not None:
        # chunks on the walk's own boundaries: the same leaves and sums as one call
        stage2 = model.stage2
        s2_base = feats.columns(_S2)
        probs = np.vstack([
            stage2.proba(x) for x in stage2_chunks(probs, s2_base, _CHUNK_ROWS)
        ])
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
    rows = emit.tolist()
    s0, s1, s2 = (weight * model.log_start + emit[0]).tolist()
    back: list[tuple[int, int, int]] = [(0, 0, 0)]
    # the three states written out: the same sums and comparisons as a loop over
    # them, without the loop's bookkeeping (this runs once per line)
    for e0, e1, e2 in rows[1:]:
        b0, a0 = s0 + t00, 0
        c = s1 + t10
        if c > b0:
            b0, a0 = c, 1
        c = s2 + t20
        if c > b0:
            b0, a0 = c, 2
        b1, a1 = s0 + t01, 0
        c = s1 + t11
        if c > b1:
            b1, a1 = c, 1
        c = s2 + t21
        if c > b1:
            b1, a1 = c, 2
        b2, a2 = s0 + t02, 0
        c = s1 + t12
        if c > b2:
            b2, a2 = c, 1
        c = s2 + t22
        if c > b2:
            b2, a2 = c, 2
        back.append((a0, a1, a2))
        s0, s1, s2 = b0 + e0, b1 + e1, b2 + e2
    score = [s0, s1, s2]
    states = range(3)
    state = max(states, key=score.__getitem__)  # first of equal maxima, as np.argmax
    path = [state] * n
    for t in range(n - 1, 0, -1):
        state = back[t][state]
        path[t - 1] = state
    return np.array(path, dtype=np.int64)
