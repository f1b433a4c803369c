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

from collections.abc import Iterator

import numpy as np

from .page import Label, Page

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
