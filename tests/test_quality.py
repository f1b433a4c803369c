"""Quality is guarded like behaviour: the referee's metric on a fixed dev sample
must not drop below the figures last recorded in benchmarks/quality-baseline.json.

Record new figures after an improvement with ``pytest tests/test_quality.py --record-quality``.
Skipped where ../shared is absent.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import textclean
from textclean.evaluation import evaluate, read_records, shingles, tpfpfn

from .conftest import ROOT, SHARED, corpus_path, needs_shared

BASELINE = ROOT / "benchmarks" / "quality-baseline.json"
SAMPLE = 400  # the first N records of each style: the files are shuffled already
SNIPPET_SAMPLE = 200  # the first N records of dev-snippets (Trafilatura's benchmark)
# A figure may move by rounding only; anything more is a drop.
TOLERANCE = 0.0005
# Languages with fewer pages in a sample are too few to guard one by one.
MIN_LANGUAGE_DOCS = 10


def _figures(res: dict[str, Any]) -> dict[str, float]:
    out: dict[str, float] = {}
    for key, r in res.items():
        if key.startswith("_") or (key.startswith("lang:") and r["docs"] < MIN_LANGUAGE_DOCS):
            continue
        for m in ("article", "comments", "content"):
            if m in r:
                out[f"{key}/{m}_f1"] = round(r[m]["f1"], 4)
        if "title" in r:
            out[f"{key}/title"] = round(r["title"], 4)
        if "snippets" in r:
            out[f"{key}/snippets_f1"] = round(r["snippets"]["f1"], 4)
        if "falsecomm" in r:
            # lower is better: guard its complement so every figure is "higher is better"
            out[f"{key}/no_falsecomm"] = round(1 - r["falsecomm"], 4)
    return out


@pytest.fixture(scope="module")
def figures() -> dict[str, float]:
    out: dict[str, float] = {}
    for style in ("lines", "blocks"):
        res = evaluate(read_records(corpus_path(style), SAMPLE), textclean.clean)
        assert res["_meta"]["errors"] == 0, res["_errors"]
        out.update({f"{style}/{k}": v for k, v in _figures(res).items()})
        path = corpus_path(style, "dev-snippets")
        if path.exists():
            res = evaluate(read_records(path, SNIPPET_SAMPLE), textclean.clean)
            assert res["_meta"]["errors"] == 0, res["_errors"]
            out.update({f"snippets-{style}/{k}": v for k, v in _figures(res).items()})
    return out


@needs_shared
def test_quality_does_not_drop(figures: dict[str, float], request: pytest.FixtureRequest) -> None:
    if request.config.getoption("--record-quality") or not BASELINE.exists():
        BASELINE.write_text(json.dumps(dict(sorted(figures.items())), indent=1) + "\n")
        return
    baseline: dict[str, float] = json.loads(BASELINE.read_text())
    drops = {
        k: (v, figures.get(k))
        for k, v in baseline.items()
        if figures.get(k) is None or figures[k] < v - TOLERANCE
    }
    assert not drops, f"figures dropped below the recorded baseline (recorded, now): {drops}"


def _referee() -> Any:
    spec = importlib.util.spec_from_file_location("referee", SHARED / "bench" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@needs_shared
def test_own_metric_agrees_with_the_referee() -> None:
    referee = _referee()
    for rec in read_records(corpus_path("lines"), 60):
        doc = textclean.clean(rec["dump"])
        art = doc.article.text if doc.article else ""
        gold = rec["gold"].get("article") or rec["gold"].get("content") or ""
        assert tpfpfn(gold, art) == referee.tpfpfn(gold, art)
        assert shingles(art) == referee.shingles(art)
        ours = textclean.evaluation.outputs(doc)["comments"]
        theirs = "\n".join(referee.comment_string(c) for c in doc.comments)
        assert ours == theirs


def _referee_figures(split: str, limit: int, out: Path) -> dict[str, Any]:
    """The referee's own figures, run as its command line runs it."""
    subprocess.run(
        [sys.executable, str(SHARED / "bench" / "score.py"), "--src", str(ROOT),
         "--split", split, "--limit", str(limit), "--json", str(out)],
        check=True, capture_output=True,
    )
    figures: dict[str, Any] = json.loads(out.read_text())
    return figures


def _rounded(res: dict[str, Any]) -> dict[str, Any]:
    """Our figures in the referee's JSON layout and rounding."""
    out: dict[str, Any] = {}
    for key, r in res.items():
        if key.startswith("_"):
            continue
        row: dict[str, Any] = {"docs": r["docs"]}
        for m in ("article", "comments", "content", "snippets"):
            if m in r:
                row[m] = {k: round(v, 4) for k, v in r[m].items()}
        for m in ("falsecomm", "title"):
            if m in r:
                row[m] = round(r[m], 4)
        out[key] = row
    return out


@needs_shared
@pytest.mark.parametrize(("split", "limit"), [("dev", 80), ("dev-snippets", 60)])
def test_eval_figures_equal_the_referees(split: str, limit: int, tmp_path: Path) -> None:
    """`textclean eval` prints the referee's figures: every source, language and
    metric, comments written with their header lines as printed."""
    path = corpus_path("lines", split)
    if not path.exists():
        pytest.skip(f"{path.name} is not present")
    theirs = _referee_figures(split, limit, tmp_path / "referee.json")
    theirs.pop("_meta")
    ours = _rounded(evaluate(read_records(path, limit), textclean.clean))
    assert ours == theirs
