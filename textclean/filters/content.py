"""Content filter: which lines are the article, which are user comments, and
which are everything else (menus, teasers of other stories, footers).

A small learned model (textclean.scorer) scores every non-blank line from text
alone: its shape (length, stop words, sentence ends, capitals, digits,
addresses), the vocabulary category of UI labels, what the donation and
widget filters already said, and the same for the neighbouring lines. Two
stacked tree ensembles give P(article), P(comment), P(other) per line; a
Viterbi pass with learned transitions then keeps article runs contiguous.

Comment lines are decided weakly (at most 0.65) so the comment filter, which
checks the section's structure, can overrule them; lines an earlier filter
decided with confidence 0.7 or more are left alone.

>>> from textclean.page import Page
>>> text = ("Home\\nNews\\nSport\\n" + "The council met on Tuesday and agreed the budget, "
...         "which rises by four percent, after a long debate.\\n" * 4)
>>> page = Page(text); ContentFilter().apply(page)
>>> [page.label(i).value[:4] for i in range(len(page))]
['boil', 'boil', 'boil', 'arti', 'arti', 'arti', 'arti']
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import field_validator

from ..confidence import COMMENT_GUESS, GUESS, LINE_RULE
from ..filter import Count, Filter, FilterOptions, Probability, Weight, register
from ..page import Evidence, Label, Page
from ..scorer import (
    ARTICLE,
    BASE_NAMES,
    COMMENT,
    LineFeatures,
    PlainBase,
    ScorerModel,
    load_model,
    predict_features,
    viterbi,
)
from .continuation import continue_past_lists

_B = {name: k for k, name in enumerate(BASE_NAMES)}
# base feature rows: a float array, or the line model's compact form of one
_Base = np.ndarray | PlainBase


class ContentOptions(FilterOptions):
    model: str | None = None
    """Path of a model file (.npz from scripts/train_scorer.py); None: the shipped one."""
    smoothing: bool = True
    """Pick labels with the Viterbi pass (contiguous runs); off: per-line thresholds."""
    transition_weight: Weight = 0.5
    """How strongly the sequence pass prefers staying in the same class (0: not at all)."""
    article_bias: float = -0.25
    """Log odds added to the article class in the sequence pass (>0: more recall)."""
    threshold: Probability = 0.5
    """Without smoothing, a line with P(article) at least this is article."""
    comment_threshold: Probability = 0.5
    """Without smoothing, a line with P(comment) at least this (and above P(article)) is comment."""
    respect_confidence: Probability = LINE_RULE
    """Lines an earlier filter decided at least this confidently are not touched."""
    max_confidence: Probability = GUESS
    """Cap of this filter's article/boilerplate confidence: surer filters overrule it."""
    short_page_lines: Count = 6
    """Pages with at most this many non-blank lines are too short for the model's
    page context (it learned from whole pages): there, prose-shaped lines are article."""
    comment_confidence: Probability = COMMENT_GUESS
    """Cap for comment lines, so the comment filter can overrule them."""
    rescue_threshold: Probability = 0.5
    """When the sequence pass finds no article, lines with P(article) at least this
    are article all the same (0: return no article then)."""
    best_run_floor: Probability = 0.25
    """When even the rescue finds no article, the run around the page's most
    article-like sentence is the article if that sentence scores at least this
    (0: return no article then)."""
    island_gap: Count = 6
    """Article lines this many other lines apart still belong to one run (0: no pruning)."""
    island_share: Probability = 0.15
    """A run with less than this share of the main run's words is a teaser, not article."""
    head_lines: Count = 3
    """At most this many headline-shaped article lines (title, deck, byline, date) are
    kept above the first sentence; more are another stories' list (0: keep all)."""
    continuation_list_words: Count = 8
    """Where the article run ends at a list of short lines (at most this many words)
    and prose the model calls article follows, the article goes on (0: it does not)."""
    continuation_min_list: Count = 1
    """The fewest short lines that make such a list."""
    continuation_max_list: Count = 40
    """The most short lines the article reaches across."""
    continuation_score: Probability = 0.5
    """A line after the list continues the article if P(article) is at least this."""
    related_cut_words: Count = 100
    """A related-stories header after at least this many article words closes the
    article when teaser-shaped lines follow it (0: it does not)."""
    related_cut_mean_words: Weight = 21.0
    """... teaser-shaped: at most this many words a line on average."""
    related_teaser_lines: Count = 3
    """A related-stories header that does not close the article: the headline lines
    right after it, if at most this many, are the linked stories (0: kept)."""
    trim_tail_words: Count = 12
    """Trailing article lines of at most this many words that end no sentence are
    dropped as related-story teasers (0: keep them)."""

    @field_validator("model")
    @classmethod
    def _model_file_exists(cls, path: str | None) -> str | None:
        # checked when the pipeline is built: a batch refuses to start rather than
        # failing every record at its first clean()
        if path is not None and not Path(path).is_file():
            raise ValueError(f"no model file at {path!r}")
        return path


_Row = Sequence[float]


def _describe(row: _Row, prev: _Row | None, nxt: _Row | None) -> str:
    """A few words on why a line looks the way it does (rows as plain floats:
    indexing a numpy row costs more than the words it yields)."""
    words = round(math.expm1(row[_B["log_words"]]))
    parts = [f"{words} word{'s' if words != 1 else ''}" if words > 3 else f"short ({words} words)"]
    parts.append("ends a sentence" if row[_B["ends_full_stop"]] else "no sentence end")
    if words >= 4:
        parts.append(f"stop words {row[_B['stop_ratio']]:.0%}")
    if row[_B["url"]]:
        parts.append("contains an address")
    if row[_B["log_repeats"]] > 0:
        parts.append("repeated on the page")
    if row[_B["has_time"]]:
        parts.append("holds a time")
    if row[_B["name_like"]]:
        parts.append("name-like")

    def chrome(r: _Row | None) -> bool:
        return r is None or bool(r[_B["vocab_any"]] or r[_B["prior_removed"]] or r[_B["short"]])

    def prose(r: _Row | None) -> bool:
        return r is not None and bool(r[_B["prose"]])

    if chrome(prev) and chrome(nxt):
        parts.append("between navigation-like lines")
    elif prose(prev) and prose(nxt):
        parts.append("between prose lines")
    return ", ".join(parts)


def _neighbours(
    base: _Base, block: int = 1024
) -> Iterator[tuple[_Row | None, _Row, _Row | None]]:
    """(previous, this, next) row of `base` as plain floats, for every row in order;
    converted a block at a time, so a huge page never holds all its rows as lists.

    >>> [(p and p[0], r[0], n and n[0]) for p, r, n in _neighbours(np.arange(3.0)[:, None], 2)]
    [(None, 0.0, 1.0), (0.0, 1.0, 2.0), (1.0, 2.0, None)]
    """
    n = len(base)
    for lo in range(0, n, block):
        start = max(lo - 1, 0)
        rows = base[start : min(lo + block + 1, n)].tolist()
        for k in range(lo, min(lo + block, n)):
            j = k - start
            yield (rows[j - 1] if k else None), rows[j], (rows[j + 1] if k + 1 < n else None)


def _plain(values: np.ndarray, block: int = 1024) -> Iterator[Any]:
    """The items of `values` as plain Python numbers (rows as lists), in order,
    converted a block at a time.

    >>> list(_plain(np.arange(3), 2)), list(_plain(np.eye(2), 1))
    ([0, 1, 2], [[1.0, 0.0], [0.0, 1.0]])
    """
    for lo in range(0, len(values), block):
        yield from values[lo : lo + block].tolist()


def prune_islands(states: np.ndarray, words: np.ndarray, gap: int, share: float) -> np.ndarray:
    """Keep the article where most of it is: runs of article lines (allowing `gap`
    other lines inside) with under `share` of the largest run's words are teasers,
    sidebars or related links, and become boilerplate.

    >>> s = np.array([ARTICLE, 2, ARTICLE, ARTICLE] + [2] * 8 + [ARTICLE])
    >>> prune_islands(s, np.array([40, 1, 60, 50] + [1] * 8 + [7.0]), 3, 0.2).tolist()
    [0, 2, 0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2]
    """
    runs: list[list[int]] = []
    last = -gap - 2
    for k in np.flatnonzero(states == ARTICLE).tolist():
        if k - last > gap + 1:
            runs.append([])
        runs[-1].append(k)
        last = k
    if len(runs) <= 1:
        return states
    mass = [float(words[r].sum()) for r in runs]
    keep = share * max(mass)
    out = states.copy()
    for run, m in zip(runs, mass, strict=True):
        if m < keep:
            out[run] = 2
    return out


def trim_tail(
    states: np.ndarray, base: _Base, max_words: int, trailing_dots: np.ndarray | None = None
) -> np.ndarray:
    """Headline-shaped lines that close the article (short, no sentence end) are the
    teasers of a related-stories block, not its last paragraph. A short line whose
    full stop is an ellipsis ("Other Recent Articles...", "Read more…") is a label
    of that block, not a sentence (`trailing_dots` marks such lines).

    >>> b = np.zeros((3, len(_B)))
    >>> b[:, _B["log_words"]] = np.log1p([40, 30, 7]); b[:2, _B["ends_full_stop"]] = 1
    >>> trim_tail(np.array([ARTICLE, ARTICLE, ARTICLE]), b, 12).tolist()
    [0, 0, 2]
    >>> b[2, _B["ends_full_stop"]] = 1  # "Other Recent Articles..."
    >>> trim_tail(np.array([ARTICLE] * 3), b, 12, np.array([False, False, True])).tolist()
    [0, 0, 2]
    """
    article = np.flatnonzero(states == ARTICLE)
    out = states.copy()
    prose = 0
    for k in article.tolist():
        prose += bool(base[k, _B["ends_full_stop"]]) and np.expm1(base[k, _B["log_words"]]) >= 15
    if prose < 2:
        return states  # a short page or a list: nothing to trim against
    for k in article[::-1].tolist():
        words = np.expm1(base[k, _B["log_words"]])
        label = trailing_dots is not None and bool(trailing_dots[k])
        if (base[k, _B["ends_full_stop"]] and not label) or words > max_words:
            break
        out[k] = 2
    return out


_BEST_RUN_WORDS = 8  # a sentence this long can anchor an article


def best_run(states: np.ndarray, p_article: np.ndarray, base: _Base, floor: float) -> np.ndarray:
    """The page's most article-like sentence and the lines around it the model
    scores at least half as high: on a page where the sequence pass and the rescue
    kept nothing, the article the model was least unsure of, rather than none. UI
    lines (vocabulary, removed by an earlier filter) bound the run.

    >>> b = np.zeros((5, len(_B)))
    >>> b[:, _B["log_words"]] = np.log1p([2, 30, 20, 25, 3]); b[1:4, _B["ends_full_stop"]] = 1
    >>> best_run(np.full(5, 2), np.array([0.01, 0.3, 0.35, 0.05, 0.2]), b, 0.2).tolist()
    [2, 0, 0, 2, 2]
    >>> best_run(np.full(5, 2), np.array([0.01, 0.1, 0.15, 0.05, 0.2]), b, 0.2).tolist()
    [2, 2, 2, 2, 2]
    """
    words = np.expm1(base[:, _B["log_words"]])
    chrome = (base[:, _B["vocab_any"]] > 0) | (base[:, _B["prior_removed"]] > 0)
    anchor = (base[:, _B["ends_full_stop"]] > 0) & (words >= _BEST_RUN_WORDS) & ~chrome
    if not anchor.any():
        return states
    peak = int(np.argmax(np.where(anchor, p_article, -1.0)))
    if p_article[peak] < floor:
        return states
    near = (p_article >= p_article[peak] / 2) & ~chrome
    lo = hi = peak
    while lo > 0 and near[lo - 1]:
        lo -= 1
    while hi + 1 < len(states) and near[hi + 1]:
        hi += 1
    out = states.copy()
    out[lo : hi + 1] = ARTICLE
    return out


# Headers that close an article's body: other stories' list. (A tags line does
# too on blogs, but on listing pages "Category:" heads the listing itself.)
_CLOSING_CATEGORIES = frozenset({"related"})


def cut_at_related(
    states: np.ndarray, words: np.ndarray, related: np.ndarray, min_words: int, max_mean: float
) -> np.ndarray:
    """A related-stories header ("Related Posts", removed by the widgets filter)
    inside the article run, after at least `min_words` of it, closes the article
    when what follows it is teaser-shaped (headlines and one-line excerpts: at most
    `max_mean` words a line on average): those lines are other stories.

    >>> s = np.array([ARTICLE, ARTICLE, 2, ARTICLE, ARTICLE, ARTICLE])
    >>> w = np.array([80.0, 60, 2, 8, 20, 7])
    >>> rel = np.array([False, False, True, False, False, False])
    >>> cut_at_related(s, w, rel, 100, 18).tolist()
    [0, 0, 2, 2, 2, 2]
    >>> cut_at_related(s, np.array([80.0, 60, 2, 80, 90, 70]), rel, 100, 18).tolist()
    [0, 0, 2, 0, 0, 0]
    """
    is_article = states == ARTICLE
    if int(is_article.sum()) < 2:
        return states
    # the article's words above each line and below it, and its lines below: running
    # sums, so that every header is judged at once (not a pass over the article each)
    article_words = np.where(is_article, words, 0.0)
    above = np.cumsum(article_words) - article_words
    below = np.cumsum(article_words[::-1])[::-1] - article_words
    lines_below = np.cumsum(is_article[::-1])[::-1] - is_article
    lines_above = np.cumsum(is_article) - is_article
    closes = (
        related
        & ~is_article
        & (lines_above > 0)
        & (above >= min_words)
        & (lines_below > 0)
        & (below <= max_mean * lines_below)
    )
    if not closes.any():
        return states
    out = states.copy()
    out[(np.arange(len(states)) > int(np.argmax(closes))) & is_article] = 2
    return out


def drop_linked_teasers(
    states: np.ndarray, base: _Base, related: np.ndarray, max_lines: int
) -> np.ndarray:
    """A related-stories header inside the article that does not close it ("Related
    Coverage" between two paragraphs) links a story or two: the headline lines right
    after it, up to the next sentence, are those stories' headlines, not the article,
    when there are at most `max_lines` of them (a longer run is the article's own list).

    >>> b = np.zeros((5, len(_B))); b[[0, 3, 4], _B["ends_sentence"]] = 1
    >>> rel = np.array([False, True, False, False, False])
    >>> drop_linked_teasers(np.array([ARTICLE, 2, ARTICLE, ARTICLE, ARTICLE]), b, rel, 3).tolist()
    [0, 2, 2, 0, 0]
    """
    out = states
    for k in np.flatnonzero(related).tolist():
        run: list[int] = []
        # each header's walk ends at the next header: the walks never overlap (linear)
        for j in range(k + 1, len(states)):
            if related[j]:
                break
            if states[j] != ARTICLE:
                continue
            if base[j, _B["ends_sentence"]] or len(run) > max_lines:
                break
            run.append(j)
        if run and len(run) <= max_lines:
            if out is states:
                out = states.copy()
            out[run] = 2
    return out


class _AdLines:
    """Whether row k of the line model's rows is an advertisement slot, read only for
    the rows the continuation walk reaches."""

    def __init__(self, page: Page, idx: np.ndarray) -> None:
        self.page, self.idx = page, idx

    def __getitem__(self, k: int) -> bool:
        return self.page.stats[int(self.idx[k])].vocab == "advertisement"


_MIN_TEASERS = 3  # one or two extra lines above the body are a long deck, not a list


def trim_head(states: np.ndarray, base: _Base, max_words: int, keep: int) -> np.ndarray:
    """Headline-shaped lines above the article's first sentence are its title, deck,
    byline and date, a handful at most; a longer stack above those is a list of
    other stories' headlines.

    >>> b = np.zeros((8, len(_B)))
    >>> b[:, _B["log_words"]] = np.log1p([6, 7, 5, 6, 8, 4, 30, 25]); b[6:, _B["ends_sentence"]] = 1
    >>> b[:, _B["title_ratio"]] = 1.0  # Every Word Capitalised, as headlines are
    >>> trim_head(np.array([ARTICLE] * 8), b, 12, 3).tolist()
    [2, 2, 2, 0, 0, 0, 0, 0]
    """
    article = np.flatnonzero(states == ARTICLE).tolist()
    lead: list[int] = []
    for k in article:
        if base[k, _B["ends_sentence"]] or np.expm1(base[k, _B["log_words"]]) > max_words:
            break
        lead.append(k)
    else:
        return states  # no sentence at all: a list page, nothing to measure against
    stack = lead[:-keep] if len(lead) >= keep + _MIN_TEASERS else []
    # headlines are capitalised word by word; bullets and scripts without
    # capitals (lists, CJK) are not a teaser stack
    if not stack or base[stack, _B["bullet"]].any() or base[stack, _B["title_ratio"]].mean() < 0.5:
        return states
    out = states.copy()
    out[stack] = 2
    return out


@register
class ContentFilter(Filter):
    """Labels lines article, comment or boilerplate with the line model (module docstring)."""

    name = "content"
    Options = ContentOptions
    evidence = Evidence.SCORE
    options: ContentOptions

    def apply(self, page: Page) -> None:
        """Score every line, choose the states (smoothed, pruned, trimmed), decide."""
        model = load_model(self.options.model)
        feats = LineFeatures(page)
        idx, base = feats.idx, feats.base
        probs = predict_features(model, feats, release=True)
        # 8 bytes a line (a list of floats takes 32), no per-line Python objects
        scores = array("d", [0.0]) * len(page.lines)
        comment_scores = array("d", [0.0]) * len(page.lines)
        np.frombuffer(scores, dtype=np.float64)[idx] = probs[:, ARTICLE]
        np.frombuffer(comment_scores, dtype=np.float64)[idx] = probs[:, COMMENT]
        page.scores = scores
        page.comment_scores = comment_scores
        if not len(idx):
            return
        states = self._states(page, model, idx, base, probs)
        self._decide(page, idx, base, probs, states)

    def _states(
        self,
        page: Page,
        model: ScorerModel,
        idx: np.ndarray,
        base: _Base,
        probs: np.ndarray,
    ) -> np.ndarray:
        """Each scored line's state: the sequence pass (or thresholds), then the
        short-page, rescue, island and head/tail rules."""
        opts = self.options
        if opts.smoothing:
            states = viterbi(probs, model, opts.transition_weight, opts.article_bias)
        else:
            p_art, p_com = probs[:, ARTICLE], probs[:, COMMENT]
            is_comment = (p_com >= opts.comment_threshold) & (p_com > p_art)
            states = np.where(p_art >= opts.threshold, ARTICLE, np.where(is_comment, COMMENT, 2))
        if len(idx) <= opts.short_page_lines:
            prose = (base[:, _B["prose"]] > 0) & (base[:, _B["prior_removed"]] == 0)
            states = np.where(prose | (probs[:, ARTICLE] >= opts.threshold), ARTICLE, states)
        sentence = base[:, _B["ends_full_stop"]] > 0
        if opts.smoothing and opts.rescue_threshold and not (sentence & (states == ARTICLE)).any():
            # The sequence pass can smooth a short article away between menus; lines
            # the model itself is sure of are kept rather than returning no article
            # (or a lone headline), if one of them is a sentence (a lone label or
            # byline is no article).
            sure = probs[:, ARTICLE] >= opts.rescue_threshold
            if (sure & sentence).any():
                states = np.where(sure, ARTICLE, states)
        if opts.smoothing and opts.best_run_floor and not (sentence & (states == ARTICLE)).any():
            states = best_run(states, probs[:, ARTICLE], base, opts.best_run_floor)
        words = np.expm1(base[:, _B["log_words"]])
        if opts.island_gap > 0:
            states = prune_islands(states, words, opts.island_gap, opts.island_share)
        if opts.trim_tail_words:
            # only article lines can be trimmed; an end-anchored regex would scan
            # every line from its start, so look at the line's end directly
            dots = np.zeros(len(idx), dtype=bool)
            for k in np.flatnonzero(states == ARTICLE).tolist():
                dots[k] = page.lines[idx[k]].text.rstrip().endswith(("...", "…"))
            states = trim_tail(states, base, opts.trim_tail_words, dots)
        if opts.continuation_list_words:
            states = continue_past_lists(
                states,
                base,
                probs[:, ARTICLE],
                probs[:, COMMENT],
                _AdLines(page, idx),
                list_words=opts.continuation_list_words,
                min_list=opts.continuation_min_list,
                max_list=opts.continuation_max_list,
                prose_words=opts.continuation_list_words,
                min_score=opts.continuation_score,
            )
        if opts.related_cut_words or opts.related_teaser_lines:
            states = self._cut_at_related(page, idx, words, base, states)
        if opts.head_lines:
            states = trim_head(states, base, opts.trim_tail_words or 12, opts.head_lines)
        return states

    def _cut_at_related(
        self, page: Page, idx: np.ndarray, words: np.ndarray, base: _Base, states: np.ndarray
    ) -> np.ndarray:
        """`cut_at_related` and `drop_linked_teasers` with the related-stories headers
        an earlier filter removed (only lines inside the article's span are read)."""
        opts = self.options
        article = np.flatnonzero(states == ARTICLE)
        related = np.zeros(len(idx), dtype=bool)
        if len(article):
            for k in range(int(article[0]), int(article[-1]) + 1):
                d = page.standing(idx[k])
                related[k] = d is not None and d.category in _CLOSING_CATEGORIES
        if opts.related_cut_words:
            states = cut_at_related(
                states, words, related, opts.related_cut_words, opts.related_cut_mean_words
            )
        if opts.related_teaser_lines:
            states = drop_linked_teasers(states, base, related, opts.related_teaser_lines)
        return states

    def _decide(
        self,
        page: Page,
        idx: np.ndarray,
        base: _Base,
        probs: np.ndarray,
        states: np.ndarray,
    ) -> None:
        """A decision per scored line that no surer filter decided, with its reason."""
        opts = self.options
        # line numbers, states and probabilities as plain numbers, a block at a time
        # like the rows: a huge page holds no page-wide list of them
        lines = zip(
            _plain(idx),
            _plain(states),
            _plain(probs.argmax(axis=1)),
            _neighbours(base),
            _plain(probs),
            strict=True,
        )
        page_lines = page.lines
        # one object per distinct reason: a page's repeated menus and buttons get the
        # same words, and the reason outlives the page in its Document's segments
        reasons: dict[str, str] = {}
        for i, state, raw, (prev, row, nxt), (pa, pc, po) in lines:
            standing = page.standing(i)
            if standing is not None and standing.confidence >= opts.respect_confidence:
                continue
            # the line's own index object: the decision keeps no int of its own
            i = page_lines[i].index
            # plain floats: decisions end up in JSON (explain) and in pydantic models
            why = _describe(row, prev, nxt)
            if state != raw:
                why += "; relabelled to fit its neighbours"
            head = f"content score {pa:.2f} (comment {pc:.2f}): {why}"
            if state == COMMENT:
                head += "; looks like a user comment"
            head = reasons.setdefault(head, head)
            if state == ARTICLE:
                page.decide(
                    i,
                    Label.ARTICLE,
                    self.name,
                    head,
                    min(opts.max_confidence, 0.5 + 0.2 * pa),
                    evidence=self.evidence,
                )
            elif state == COMMENT:
                page.decide(
                    i,
                    Label.COMMENT,
                    self.name,
                    head,
                    min(opts.comment_confidence, 0.45 + 0.2 * pc),
                    evidence=self.evidence,
                )
            else:
                vocab = page.stats[i].vocab
                category = (
                    standing.category
                    if standing is not None and standing.category
                    else vocab or "boilerplate"
                )
                page.decide(
                    i,
                    Label.BOILERPLATE,
                    self.name,
                    head,
                    min(opts.max_confidence, 0.5 + 0.2 * po),
                    category,
                    self.evidence,
                )
