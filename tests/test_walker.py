"""The C tree walker gives the numpy reference's leaves, row by row, and the
pure-Python path (TEXTCLEAN_PURE=1, or no compiler at install) gives the same output."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from textclean import scorer, trees
from textclean.evaluation import read_records
from textclean.page import Page

from .conftest import FIXTURES, ROOT, corpus_path, needs_shared

needs_walker = pytest.mark.skipif(scorer._walk is None, reason="the C walker is not built here")


def test_ci_builds_the_c_walker() -> None:
    # CI installs with a compiler: the compiled path must be the one it tests
    if os.environ.get("CI"):
        assert scorer._walk is not None


def _pages() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    if corpus_path().exists():
        texts += [r["dump"] for r in read_records(corpus_path(), 60)]
    return texts


@needs_walker
def test_c_walker_gives_the_reference_leaves_row_by_row() -> None:
    model = scorer.load_model()
    assert model.stage2 is not None
    rows = 0
    for text in _pages():
        _, base, x = scorer.line_features(Page(text))
        if not len(x):
            continue
        for stage, features in ((model.stage1, x), (model.stage2, None)):
            if features is None:
                features = scorer.stage2_features(model.stage1.proba(x), base)
            ours, ref = stage.leaves(features), stage.leaves_numpy(features)
            bad = np.flatnonzero((ours != ref).any(axis=1))
            assert not len(bad), f"rows {bad[:5].tolist()} differ"
        rows += len(x)
    assert rows > 1000


@needs_walker
def test_c_walker_on_extreme_values() -> None:
    # NaN goes right in both walks (a comparison with NaN is false), infinities too
    model = scorer.load_model()
    width = model.stage1.feature.max() + 1
    x = np.array([[np.nan] * width, [np.inf] * width, [-np.inf] * width, [0.0] * width])
    assert (model.stage1.leaves(x) == model.stage1.leaves_numpy(x)).all()


def test_walk_in_chunks_equals_one_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    model = scorer.load_model()
    _, _, x = scorer.line_features(Page((FIXTURES / "southfront-syria-strikes.txt").read_text()))
    whole = model.stage1.raw(x)
    monkeypatch.setattr(trees, "_CHUNK_ROWS", 7)
    assert np.array_equal(model.stage1.raw(x), whole)


def test_pure_python_path_gives_the_golden_output() -> None:
    code = (
        "import sys, textclean\n"
        "from textclean import trees\n"
        "assert trees._PURE\n"
        "doc = textclean.clean(open(sys.argv[1], 'rb').read())\n"
        "print(doc.model_dump_json())\n"
    )
    fixture = FIXTURES / "southfront-syria-strikes.txt"
    out = subprocess.run(
        [sys.executable, "-c", code, str(fixture)], check=True, capture_output=True, text=True,
        env={**os.environ, "TEXTCLEAN_PURE": "1"}, cwd=ROOT,
    ).stdout
    import textclean

    here = textclean.clean(fixture.read_bytes())
    assert json.loads(out) == json.loads(here.model_dump_json())


@needs_shared
def test_dev_sample_through_both_walks(monkeypatch: pytest.MonkeyPatch) -> None:
    import textclean

    texts = [r["dump"] for r in read_records(corpus_path("blocks"), 30)]
    fast = [textclean.clean(t).model_dump_json() for t in texts]
    monkeypatch.setattr(trees, "_PURE", True)
    assert [textclean.clean(t).model_dump_json() for t in texts] == fast


def test_feature_rows_in_chunks_equal_one_build(monkeypatch: pytest.MonkeyPatch) -> None:
    # a huge page is scored a chunk of rows at a time; every chunking gives the same rows
    page = Page((FIXTURES / "southfront-syria-strikes.txt").read_text())
    feats = scorer.LineFeatures(page)
    whole = feats.rows(0, feats.n)
    for size in (1, 2, 3, 7, 64):
        parts = [feats.rows(lo, lo + size) for lo in range(0, feats.n, size)]
        assert np.array_equal(np.vstack(parts), whole)
    model = scorer.load_model()
    probs = scorer.predict_features(model, feats)
    monkeypatch.setattr(scorer, "_CHUNK_ROWS", 5)
    assert np.array_equal(scorer.predict_features(model, feats), probs)
