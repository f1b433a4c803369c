"""The article continuation rule: an article that goes on past a list of short lines."""

from __future__ import annotations

import numpy as np

from textclean.filters.continuation import continue_past_lists
from textclean.scorer import ARTICLE, BASE_NAMES

_B = {name: k for k, name in enumerate(BASE_NAMES)}
OTHER = 2
KW = dict(list_words=8, min_list=2, max_list=30, prose_words=8, min_score=0.5)


def _rows(words: list[int], sentences: list[int], colons: tuple[int, ...] = ()) -> np.ndarray:
    base = np.zeros((len(words), len(BASE_NAMES)))
    base[:, _B["log_words"]] = np.log1p(words)
    base[sentences, _B["ends_sentence"]] = 1
    base[sentences, _B["ends_full_stop"]] = 1
    base[list(colons), _B["ends_colon"]] = 1
    return base


def _run(
    base: np.ndarray, p_art: list[float], ads: tuple[int, ...] = (), **kw: object
) -> list[int]:
    n = len(base)
    states = np.array([ARTICLE] + [OTHER] * (n - 1))
    is_ad = np.zeros(n, dtype=bool)
    is_ad[list(ads)] = True
    return continue_past_lists(
        states, base, np.array(p_art), np.zeros(n), is_ad, **{**KW, **kw}  # type: ignore[arg-type]
    ).tolist()


def test_prose_after_a_list_continues_the_article() -> None:
    base = _rows([40, 2, 3, 2, 30, 25], [0, 4, 5])
    assert _run(base, [0.9, 0.2, 0.1, 0.2, 0.6, 0.55]) == [ARTICLE] * 6


def test_prose_the_model_doubts_does_not() -> None:
    base = _rows([40, 2, 3, 2, 30], [0, 4])
    assert _run(base, [0.9, 0.2, 0.1, 0.2, 0.3]) == [ARTICLE] + [OTHER] * 4


def test_one_short_line_is_no_list() -> None:
    base = _rows([40, 2, 30], [0, 2])
    assert _run(base, [0.9, 0.2, 0.9]) == [ARTICLE, OTHER, OTHER]


def test_ui_lines_end_the_reach() -> None:
    base = _rows([40, 2, 3, 2, 30], [0, 4])
    base[2, _B["prior_removed"]] = 1  # "Share this", removed by the widgets filter
    assert _run(base, [0.9, 0.2, 0.1, 0.2, 0.9]) == [ARTICLE] + [OTHER] * 4


def test_an_announced_list_is_the_articles() -> None:
    # "Here are the places we'll visit:" and its items, then a menu item repeated on the page
    base = _rows([12, 1, 2, 14, 1], [], colons=(0,))
    base[4, _B["log_repeats"]] = 1
    assert _run(base, [0.9, 0.1, 0.1, 0.2, 0.1]) == [ARTICLE] * 4 + [OTHER]


def test_a_subheading_announcing_a_list() -> None:
    base = _rows([40, 2, 5, 6], [0], colons=(1,))  # "Upcoming screenings:"
    assert _run(base, [0.9, 0.8, 0.3, 0.2]) == [ARTICLE] * 4
    assert _run(base, [0.9, 0.1, 0.3, 0.2]) == [ARTICLE] + [OTHER] * 3  # a doubtful heading


def test_an_ad_slot_between_paragraphs() -> None:
    base = _rows([40, 1, 30], [0, 2])
    assert _run(base, [0.9, 0.0, 0.6], ads=(1,)) == [ARTICLE, OTHER, ARTICLE]
