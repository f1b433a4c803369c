"""The numbers the line model reads for each non-blank line.

Its own shape (words, stop-word share, sentence end, digits, capitals, URLs,
separators, vocabulary category, time, repetition...), what the earlier filters
decided about it, its position on the page, and the same numbers for its
neighbours (±1, ±2, windowed means); then, for the second stage, the first
stage's probabilities in a wider window. Page-wide passes go a block of rows at
a time and the rows the trees read are built a chunk at a time, so a big page
never holds a page-wide copy of every column (see `LineFeatures`).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from typing import Any

import numpy as np

from .page import Label, Page

# rows of the page-wide passes that go a block at a time (bounds their temporaries)
_BLOCK_ROWS = 4096
# the context columns' running sums are kept at every this many rows (see LineFeatures)
_SUM_STEP = 64

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
# the plain columns whose values are flags or counts up to 5 (exact in a byte),
# and the fractional ones (see PlainBase)
_FLAGS = [
    _B[n] for n in (
        "ends_sentence", "ends_full_stop", "url", "separators", "bullet", "currency",
        "has_time", "blank_before", "blank_after", "name_like", "prior_removed",
        "starts_lower", "ends_colon", "all_caps", "quoted", "prose", "short", "vocab_any",
    )
]
_FRACTIONS = [k for k in range(_PLAIN) if k not in _FLAGS]
_FLAG_AT = {col: k for k, col in enumerate(_FLAGS)}
_FRACTION_AT = {col: k for k, col in enumerate(_FRACTIONS)}
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
    idx, plain, vocab = base_parts(page)
    return idx, plain.rows(0, len(plain)), vocab


class PlainBase:
    """The plain base columns (`BASE_NAMES` before the vocabulary) of a page's rows:
    the 12 fractional ones as floats, the 18 that are flags or small counts as a
    byte each (149 bytes a row where floats took 240). Indexed like the float
    array it stands for: `plain[rows, column]` gives floats, `plain[lo:hi]` rows.

    >>> plain = PlainBase(np.array([[0.5] * len(_FRACTIONS)]), np.ones((1, len(_FLAGS)), np.int8))
    >>> plain[0, _B["stop_ratio"]], plain[:, _B["prose"]], plain[0:1].shape
    (np.float64(0.5), array([1.]), (1, 30))
    """

    def __init__(self, fractions: np.ndarray, flags: np.ndarray) -> None:
        self.fractions = fractions
        self.flags = flags

    def __len__(self) -> int:
        return len(self.fractions)

    def rows(self, lo: int, hi: int) -> np.ndarray:
        """Rows lo..hi as floats, all 30 columns."""
        fractions = self.fractions[lo:hi]
        out = np.empty((len(fractions), _PLAIN))
        out[:, _FRACTIONS] = fractions
        out[:, _FLAGS] = self.flags[lo:hi]
        return out

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, slice):
            lo, hi, _ = key.indices(len(self))
            return self.rows(lo, hi)
        rows, column = key
        k = _FRACTION_AT.get(column)
        if k is not None:
            return self.fractions[rows, k]
        value = self.flags[rows, _FLAG_AT[column]]
        return value.astype(np.float64) if isinstance(value, np.ndarray) else np.float64(value)


def base_parts(page: Page) -> tuple[np.ndarray, PlainBase, np.ndarray]:
    """`plain_base_features` with the plain columns as a `PlainBase`."""
    lines = page.lines
    # no page-wide list of line numbers on the way (a big page's would be tens of MB)
    idx = np.fromiter((i for i, line in enumerate(lines) if not line.blank), dtype=np.int64)
    stats = page.stats
    n_lines = len(lines)
    n_vocab = len(VOCAB_CATEGORIES)
    # rows of plain numbers first, one numpy conversion and column-wise logs after:
    # a numpy call per line and feature costs more than the features themselves
    rows: list[tuple[float, ...]] = []
    vocab_col = array("b")
    fractions = np.zeros((len(idx), len(_FRACTIONS)))
    flags = np.zeros((len(idx), len(_FLAGS)), dtype=np.int8)
    done = 0
    for i, line in enumerate(lines):
        if line.blank:
            continue
        if len(rows) == 4096:
            _put_rows(fractions, flags, done, rows)
            done += len(rows)
            rows = []
        s = stats[i]
        text = line.text.strip()
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
        return idx, PlainBase(fractions, flags), np.zeros(0, dtype=np.int8)
    _put_rows(fractions, flags, done, rows)
    for col in _LOG_COLUMNS:
        k = _FRACTION_AT[col]
        fractions[:, k] = np.log1p(fractions[:, k])
    return idx, PlainBase(fractions, flags), np.frombuffer(vocab_col, dtype=np.int8).copy()


def _put_rows(
    fractions: np.ndarray, flags: np.ndarray, at: int, rows: list[tuple[float, ...]]
) -> None:
    """Rows of plain numbers into the two arrays from row `at` (one conversion)."""
    block = np.array(rows, dtype=np.float64)
    fractions[at : at + len(rows)] = block[:, _FRACTIONS]
    flags[at : at + len(rows)] = block[:, _FLAGS]


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
    return _run_columns(np.arange(n), *_best_run(weight), n)


def _run_columns(pos: np.ndarray, lo: int, hi: int, n: int) -> np.ndarray:
    """`_run_features` of rows `pos` of n, the best run being [lo, hi)."""
    inside = (pos >= lo) & (pos < hi)
    dist = np.where(pos < lo, lo - pos, np.where(pos >= hi, pos - hi + 1, 0))
    return np.column_stack([inside, np.log1p(dist), np.full(len(pos), (hi - lo) / max(n, 1))])


def _distance_columns(pos: np.ndarray, flagged: np.ndarray, n: int) -> np.ndarray:
    """Rows `pos` of n: after the first flagged row; log distance to the last flagged
    row before / the next after (`flagged`: the flagged rows in order).

    >>> _distance_columns(np.arange(4), np.array([1]), 4)[:, 0].tolist()
    [0.0, 1.0, 1.0, 1.0]
    """
    big = 2 * n + 10
    if len(flagged):
        k = np.searchsorted(flagged, pos, side="right")  # flagged rows up to each row
        last = np.where(k > 0, flagged[np.maximum(k - 1, 0)], -big)
        j = np.searchsorted(flagged, pos, side="left")  # the first flagged row from it on
        nxt = np.where(j < len(flagged), flagged[np.minimum(j, len(flagged) - 1)], 3 * n + 10)
    else:
        last = np.full(len(pos), -big)
        nxt = np.full(len(pos), 3 * n + 10)
    return np.column_stack([
        last >= 0, np.log1p(np.minimum(pos - last, big)), np.log1p(np.minimum(nxt - pos, big)),
    ])


class LineFeatures:
    """The line model's input for one page, built a chunk of rows at a time.

    The page-wide parts are computed once and kept small: the base features, the
    running sums of the context columns at every `_SUM_STEP`-th row (for the
    windowed means), the three page columns that need the whole page, and the few
    numbers the other page columns come from. `rows(lo, hi)` assembles the full
    173 columns of rows lo..hi from them, so a huge page never holds all its rows'
    full feature vectors, nor a page-wide copy of a group of columns. Rows are the
    same numbers whatever the chunking. `base` holds the base columns before the
    vocabulary categories, `vocab` each row's category as an index (`full` gives
    whole base rows)."""

    def __init__(self, page: Page) -> None:
        self._released = False
        self.idx, self.base, self.vocab = base_parts(page)
        base = self.base
        n = self.n = len(self.idx)
        self.width = len(feature_names())
        if n == 0:
            return
        # running sums of the context columns, a block at a time, kept at every
        # `_SUM_STEP`-th row only (`_running_sums` adds up the rows after one again):
        # each sum is the same sequence of additions as one cumsum over the page,
        # as a cumsum adds row by row, whatever the blocks and steps
        self._marks = np.zeros((n // _SUM_STEP + 1, len(_CTX)))
        running = np.zeros(len(_CTX))
        for lo in range(0, n, _BLOCK_ROWS):
            hi = min(lo + _BLOCK_ROWS, n)
            block = self.full(lo, hi)[:, _CTX]
            block[0] += running
            sums = np.cumsum(block, axis=0)  # sums[k - lo]: the sum of rows 0..k
            first = -(-(lo + 1) // _SUM_STEP) * _SUM_STEP  # the first kept one after lo
            for k in range(first, hi + 1, _SUM_STEP):
                self._marks[k // _SUM_STEP] = sums[k - lo - 1]
            running = sums[-1]
        prose_chars = np.expm1(base[:, _B["log_chars"]]) * base[:, _B["prose"]]
        total = prose_chars.sum() or 1.0
        above = (np.cumsum(prose_chars) - prose_chars) / total
        # relative offset, prose above and prose below; `_page_columns` makes the rest
        spread = self._spread = np.empty((n, 3))
        lines = page.lines
        for lo in range(0, n, _BLOCK_ROWS):  # no page-wide list of line numbers
            starts = [lines[i].start for i in self.idx[lo : lo + _BLOCK_ROWS].tolist()]
            spread[lo : lo + _BLOCK_ROWS, 0] = np.array(starts, dtype=np.float64)
        spread[:, 0] /= max(len(page.text), 1)
        spread[:, 1] = above
        spread[:, 2] = 1.0 - above - prose_chars / total
        del above, prose_chars
        # the old heuristic's notion of the densest prose run, as a hint
        simple = (
            np.where(base[:, _B["log_words"]] >= np.log1p(10), 0.5,
                     np.where(base[:, _B["short"]] > 0, -0.6, -0.2))
            + np.where(base[:, _B["stop_ratio"]] >= 0.15, 0.3, -0.3)
            + 0.3 * base[:, _B["ends_full_stop"]] - 0.3 * base[:, _B["url"]]
            - 0.3 * (base[:, _B["log_repeats"]] > 0) - 0.8 * base[:, _B["prior_removed"]]
        )
        self._run = _best_run(simple)
        del simple
        stats = page.stats
        flagged: list[int] = []
        for lo in range(0, n, _BLOCK_ROWS):
            rows = self.idx[lo : lo + _BLOCK_ROWS].tolist()
            flagged += [lo + k for k, i in enumerate(rows) if stats[i].vocab in _COMMENTISH]
        self._flagged = np.array(flagged, dtype=np.int64)  # rows after a comment header...
        self._constants = (np.log1p(n), float(page.style == "blocks"), base[:, _B["prose"]].mean())

    def full(self, lo: int, hi: int) -> np.ndarray:
        """Base feature rows lo..hi with the vocabulary one-hot (`BASE_NAMES`);
        `base` holds only the columns before it."""
        return widen_base(self.base.rows(lo, hi), self.vocab[lo:hi])

    def columns(self, cols: list[int]) -> np.ndarray:
        """Base feature columns `cols` (indices into `BASE_NAMES`) of every row."""
        out = np.empty((self.n, len(cols)))
        for lo in range(0, self.n, _BLOCK_ROWS):
            hi = min(lo + _BLOCK_ROWS, self.n)
            out[lo:hi] = self.full(lo, hi)[:, cols]
        return out

    def column_view(self, cols: list[int]) -> BaseColumns:
        """`columns(cols)` without a page-wide copy: made a block at a time when read."""
        return BaseColumns(self, cols)

    def release(self) -> None:
        """Drop the running sums and page columns once the stage-1 rows are built;
        `idx` and `base` stay for the second stage."""
        self._marks = self._spread = np.zeros((0, 0))
        self._released = True

    def _running_sums(self, a: int, b: int) -> np.ndarray:
        """Row k - a: the sum of the context columns of rows before k, for k in a..b;
        added up from the kept sum before `a`, in the order of the page-wide cumsum."""
        m = a // _SUM_STEP
        first = m * _SUM_STEP
        out = np.empty((b - first + 1, len(_CTX)))
        out[0] = self._marks[m]
        if b > first:
            block = self.full(first, b)[:, _CTX]
            block[0] += out[0]
            np.cumsum(block, axis=0, out=out[1:])
        return out[a - first :]

    def _page_columns(self, lo: int, hi: int) -> np.ndarray:
        """The `PAGE_NAMES` columns of rows lo..hi."""
        n = self.n
        pos = np.arange(lo, hi)
        cols = np.empty((hi - lo, len(PAGE_NAMES)))
        cols[:, 0] = pos / max(n - 1, 1)
        cols[:, 1:4] = self._spread[lo:hi]
        cols[:, 4], cols[:, 5], cols[:, 6] = self._constants
        cols[:, 7:10] = _distance_columns(pos, self._flagged, n)
        cols[:, 10:13] = _run_columns(pos, *self._run, n)
        return cols

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
        wide = max(_WINDOWS)
        s_lo = max(lo - wide, 0)
        sums = self._running_sums(s_lo, min(hi + wide + 1, self.n))
        for r in _WINDOWS:  # mean of rows i-r..i+r, clipped at the ends
            w_lo = np.clip(pos - r, 0, self.n)
            w_hi = np.clip(pos + r + 1, 0, self.n)
            out[:, col : col + nc] = (sums[w_hi - s_lo] - sums[w_lo - s_lo]) / (w_hi - w_lo)[
                :, None
            ]
            col += nc
        out[:, col:] = self._page_columns(lo, hi)
        return out


class BaseColumns:
    """Base feature columns `cols` of a page's rows (`LineFeatures.column_view`),
    indexed like the float array `LineFeatures.columns(cols)` stands for:
    `[lo:hi]` gives rows, `[:, k]` the k-th column of every row."""

    def __init__(self, feats: LineFeatures, cols: list[int]) -> None:
        self.feats = feats
        self.cols = cols

    def __len__(self) -> int:
        return self.feats.n

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, slice):
            lo, hi, _ = key.indices(self.feats.n)
            return self.feats.full(lo, hi)[:, self.cols]
        rows, k = key
        col = self.cols[k]
        if col < _PLAIN:
            return self.feats.base[rows, col]
        return self.feats.columns([col])[rows, 0]


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


def stage2_chunks(
    probs: np.ndarray, s2_base: np.ndarray | BaseColumns, rows: int
) -> Iterator[np.ndarray]:
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
