"""Article continuation: an article that goes on after a list of short lines.

The sequence pass reads a list of short lines under a subheading (ingredients,
image titles, the steps of a how-to, a table read row by row) much as it reads
a menu, and the article run stops there; the paragraphs after the list, which
the line model itself takes for article, are then dropped as a far island or
relabelled to fit their neighbours. This module's one question: where the main
article run ends at such a list, do prose lines the model calls article follow
it? Then the list and those lines continue the article.

The lines in between must be plain short lines (no UI vocabulary, nothing an
earlier filter removed): a share bar, a "Related posts" header or a comment
form ends the article's reach.
"""

from __future__ import annotations

from typing import Any, Protocol

import numpy as np

from ..scorer import ARTICLE, BASE_NAMES, PlainBase

_B = {name: k for k, name in enumerate(BASE_NAMES)}
_OTHER = 2


class LineMarks(Protocol):
    """Which lines carry a mark, asked line by line: the walk below stops after a few
    lines, so a page-long array of marks would mostly go unread."""

    def __getitem__(self, k: int, /) -> Any: ...


def _words(base: np.ndarray | PlainBase, k: int) -> float:
    return float(np.expm1(base[k, _B["log_words"]]))


def _chrome(base: np.ndarray | PlainBase, k: int) -> bool:
    """A line of UI vocabulary, or one an earlier filter removed."""
    return bool(base[k, _B["vocab_any"]] or base[k, _B["prior_removed"]])


def continue_past_lists(
    states: np.ndarray,
    base: np.ndarray | PlainBase,
    p_article: np.ndarray,
    p_comment: np.ndarray,
    ads: LineMarks,
    *,
    list_words: int,
    min_list: int,
    max_list: int,
    prose_words: int,
    min_score: float,
) -> np.ndarray:
    """Extend the last article run over a list of `min_list`..`max_list` short
    lines (at most `list_words` words each) when a prose line follows it (more
    than `prose_words` words, a sentence end) that the model scores article at
    least `min_score` and above comment; repeated while lists and prose alternate.
    A list the article announces (its last line ends with a colon: "Here are the
    places we'll visit:") is the article's even with no prose after it. An
    advertisement slot (`ads` marks its lines) between two paragraphs does not
    end the article.

    >>> b = np.zeros((7, len(_B)))
    >>> b[:, _B["log_words"]] = np.log1p([40, 3, 2, 4, 30, 2, 25])
    >>> b[[0, 4, 6], _B["ends_sentence"]] = 1
    >>> s = np.array([ARTICLE] + [2] * 6)
    >>> pa = np.array([0.9, 0.2, 0.1, 0.2, 0.6, 0.1, 0.1])
    >>> kw = dict(list_words=8, min_list=2, max_list=30, prose_words=8, min_score=0.4)
    >>> continue_past_lists(s, b, pa, np.zeros(7), np.zeros(7, bool), **kw).tolist()
    [0, 0, 0, 0, 0, 2, 2]
    >>> b[0, _B["ends_colon"]] = 1  # "... the places we'll visit:" announces the list
    >>> continue_past_lists(s, b, pa, np.zeros(7), np.zeros(7, bool), **kw).tolist()
    [0, 0, 0, 0, 0, 2, 2]
    >>> b[2, _B["vocab_any"]] = 1  # "Share this" inside: no continuation
    >>> continue_past_lists(s, b, pa, np.zeros(7), np.zeros(7, bool), **kw).tolist()
    [0, 0, 2, 2, 2, 2, 2]
    """
    article = np.flatnonzero(states == ARTICLE)
    if not len(article):
        return states
    out = states.copy()
    last = int(article[-1])
    announced = bool(base[last, _B["ends_colon"]])  # the article introduced what follows
    pending: list[int] = []
    resumed = False  # past one list, the article's paragraphs go on without another
    ad_slot = False  # so they do past an advertisement
    for k in range(last + 1, len(states)):
        if ads[k]:
            ad_slot = True  # stays removed; the article may go on after it
            continue
        if _chrome(base, k):
            break
        words = _words(base, k)
        # an announced list's items may be long titles, but not sentences
        long_item = announced and not base[k, _B["ends_full_stop"]] and words <= 3 * list_words
        if words <= list_words or long_item:
            if announced:
                if base[k, _B["log_repeats"]] or p_article[k] < p_comment[k]:
                    break  # a menu item or a comment: the list is over
                out[k] = ARTICLE
                continue
            if not pending and base[k, _B["ends_colon"]] and p_article[k] >= min_score:
                # the article's own subheading announces a list ("Upcoming screenings:")
                announced = True
                out[k] = ARTICLE
                continue
            pending.append(k)
            if len(pending) > max_list:
                break
            continue
        prose = words > prose_words and bool(base[k, _B["ends_sentence"]])
        if not (
            prose
            and (len(pending) >= min_list or resumed or announced or ad_slot)
            and p_article[k] >= min_score
            and p_article[k] >= p_comment[k]
        ):
            break
        out[pending] = ARTICLE
        out[k] = ARTICLE
        pending = []
        resumed = True
        announced = bool(base[k, _B["ends_colon"]])
    return out
