"""The line model's compact page-wide parts (running sums kept every few rows, byte
columns, column views, one-byte Viterbi back pointers) give the numbers the plain
float arrays give."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from textclean import Page, model_features, scorer

ROOT = Path(__file__).resolve().parent.parent


def _long_page() -> Page:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*.txt"))]
    return Page("\n".join(texts * 2))


def test_kept_sums_every_few_rows_give_the_same_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    page = _long_page()
    whole = scorer.LineFeatures(page).rows(0, 10**9)
    for step, block in ((1, 4096), (3, 7), (64, 5), (1000, 64)):
        monkeypatch.setattr(model_features, "_SUM_STEP", step)
        monkeypatch.setattr(model_features, "_BLOCK_ROWS", block)
        feats = scorer.LineFeatures(page)
        parts = [feats.rows(lo, lo + 37) for lo in range(0, feats.n, 37)]
        assert np.array_equal(np.vstack(parts), whole)


def test_plain_base_and_column_view_stand_for_the_float_arrays() -> None:
    page = _long_page()
    idx, plain, _vocab = scorer.plain_base_features(page)
    feats = scorer.LineFeatures(page)
    compact = feats.base
    assert isinstance(compact, scorer.PlainBase) and np.array_equal(compact[0 : len(idx)], plain)
    rows = [0, 5, len(idx) - 1]
    for col in range(plain.shape[1]):
        assert np.array_equal(compact[:, col], plain[:, col])
        assert np.array_equal(compact[rows, col], plain[rows, col])
        assert compact[3, col] == plain[3, col]
    cols = model_features._S2
    view = feats.column_view(cols)
    dense = feats.columns(cols)
    assert len(view) == len(dense) and np.array_equal(view[10:90], dense[10:90])
    for k in range(len(cols)):
        assert np.array_equal(view[:, k], dense[:, k])


def _viterbi_reference(
    probs: np.ndarray, model: scorer.ScorerModel, weight: float, bias: float
) -> np.ndarray:
    """The sequence pass in numpy, one step per row (ties to the first state)."""
    emit = np.log(np.clip(probs, 1e-9, 1.0)) - model.log_prior
    emit[:, scorer.ARTICLE] += bias
    trans = weight * model.log_trans
    score = weight * model.log_start + emit[0]
    back = []
    for e in emit[1:]:
        cand = score[:, None] + trans
        back.append(cand.argmax(axis=0))
        score = cand.max(axis=0) + e
    path = [int(score.argmax())]
    for b in reversed(back):
        path.append(int(b[path[-1]]))
    return np.array(path[::-1])


def test_viterbi_with_byte_back_pointers_is_the_plain_pass() -> None:
    model = scorer.load_model()
    rng = np.random.default_rng(7)
    for n in (1, 2, 3, 9000):  # 9,000: rows in more than one block of emissions
        probs = rng.dirichlet([0.5, 0.5, 0.5], size=n)
        for weight, bias in ((1.0, 0.0), (0.5, -0.25), (0.0, 0.0)):
            expected = _viterbi_reference(probs, model, weight, bias)
            assert np.array_equal(scorer.viterbi(probs, model, weight, bias), expected)
