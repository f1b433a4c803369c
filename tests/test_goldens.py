"""Golden regression tests over fixtures/.

Two layers:
- fixtures/NAME.json: the whole expected output (reviewed); a change shows as a
  readable diff. Rewrite after a reviewed change with ``pytest --update-goldens``.
- fixtures/NAME.expect.json: what a person checked by hand (title, body edges,
  comments...). Checks that do not hold yet are listed in
  fixtures/known-gaps.json; the test fails both when a new check breaks and when
  a listed gap starts to hold (so the list only shrinks on purpose).
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any

import pytest

import textclean
from textclean.models import Document

from .conftest import FIXTURES

PAGES = sorted(p.stem for p in FIXTURES.glob("*.txt"))


def golden_view(doc: Document) -> dict[str, Any]:
    """The parts of a Document a golden pins (offsets of segments are left to the
    partition tests, so a golden diff reads as content)."""
    art = doc.article
    return {
        "language": doc.language,
        "style": doc.style,
        "article": None
        if art is None
        else {
            "title": art.title,
            "subtitle": art.subtitle,
            "byline": art.byline,
            "published": art.published.raw if art.published else None,
            "paragraphs": art.paragraphs,
            "captions": art.captions,
        },
        "declared_comment_count": doc.declared_comment_count,
        "comments": [
            {
                "author": c.author,
                "posted": c.posted.raw if c.posted else None,
                "votes": c.votes,
                "parent": c.parent,
                "depth": c.depth,
                "text": c.text,
            }
            for c in doc.comments
        ],
        "removed": [
            f"{r.filter}/{r.category}: {r.text.strip()}" for r in doc.removed if r.text.strip()
        ],
    }


def _load(page: str) -> Document:
    return textclean.clean((FIXTURES / f"{page}.txt").read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", PAGES)
def test_golden(page: str, update_goldens: bool) -> None:
    path = FIXTURES / f"{page}.json"
    actual = json.dumps(golden_view(_load(page)), indent=1, ensure_ascii=False) + "\n"
    if update_goldens or not path.exists():
        path.write_text(actual, encoding="utf-8")
        if not update_goldens:
            pytest.fail(f"{path.name} did not exist; written now: review it and commit")
        return
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(True),
                actual.splitlines(True),
                f"{page}.json (golden)",
                "actual",
            )
        )
        pytest.fail(
            f"output differs from the golden; if intended, run pytest --update-goldens\n{diff}"
        )


def hand_checks(page: str, doc: Document) -> dict[str, bool]:
    """Every hand-written expectation of a fixture, by name, and whether it holds."""
    exp = json.loads((FIXTURES / f"{page}.expect.json").read_text(encoding="utf-8"))
    art = doc.article
    checks: dict[str, bool] = {}
    if exp.get("body_first") is None:
        checks["no article"] = art is None
    else:
        checks["has article"] = art is not None
        paras = art.paragraphs if art else []
        body = art.text if art else ""
        checks["title"] = (art.title if art else None) == exp.get("title")
        checks["body_first"] = bool(paras) and paras[0] == exp["body_first"]
        checks["body_last"] = bool(paras) and paras[-1] == exp["body_last"]
        for s in exp.get("body_must_contain", []):
            checks[f"body has {s[:30]!r}"] = s in body
        for s in exp.get("body_must_not_contain", []):
            checks[f"body lacks {s[:30]!r}"] = s not in body
        if exp.get("byline"):
            checks["byline"] = (art.byline if art else None) == exp["byline"]
        if exp.get("published"):
            checks["published"] = bool(
                art and art.published and art.published.raw == exp["published"]
            )
        for c in exp.get("captions", []):
            checks[f"caption {c[:30]!r}"] = bool(art) and c in (art.captions if art else [])
    want = exp.get("comments", [])
    checks["comment count"] = len(doc.comments) == len(want)
    for k, (w, got) in enumerate(zip(want, doc.comments, strict=False)):
        checks[f"comment {k} author"] = got.author == w["author"]
        if w.get("posted"):
            checks[f"comment {k} posted"] = bool(got.posted) and got.posted.raw == w["posted"]
        checks[f"comment {k} text"] = got.text.startswith(w["text_starts"])
        checks[f"comment {k} parent"] = got.parent == w.get("parent")
        if w.get("votes") is not None:
            checks[f"comment {k} votes"] = got.votes == w["votes"]
    if exp.get("declared_comment_count") is not None:
        checks["declared count"] = doc.declared_comment_count == exp["declared_comment_count"]
    removed_text = "\n".join(r.text for r in doc.removed)
    for s in exp.get("removed_must_contain", []):
        checks[f"removed {s[:30]!r}"] = s in removed_text
    return checks


EXPECTED_PAGES = sorted(p.name[: -len(".expect.json")] for p in FIXTURES.glob("*.expect.json"))
KNOWN_GAPS_PATH = FIXTURES / "known-gaps.json"


def _known_gaps() -> dict[str, list[str]]:
    if not KNOWN_GAPS_PATH.exists():
        return {}
    data: dict[str, list[str]] = json.loads(KNOWN_GAPS_PATH.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("page", EXPECTED_PAGES)
def test_hand_expectations(page: str, update_goldens: bool) -> None:
    checks = hand_checks(page, _load(page))
    failing = sorted(name for name, ok in checks.items() if not ok)
    gaps = _known_gaps()
    if update_goldens:
        if failing:
            gaps[page] = failing
        else:
            gaps.pop(page, None)
        KNOWN_GAPS_PATH.write_text(
            json.dumps(dict(sorted(gaps.items())), indent=1, ensure_ascii=False) + "\n"
        )
        return
    known = sorted(gaps.get(page, []))
    newly_broken = [f for f in failing if f not in known]
    now_fixed = [k for k in known if k not in failing]
    assert not newly_broken, f"hand-checked expectations broke: {newly_broken}"
    assert not now_fixed, f"known gaps now hold; remove them from known-gaps.json: {now_fixed}"


def test_fixture_set_is_complete() -> None:
    assert len(EXPECTED_PAGES) >= 13
    for page in EXPECTED_PAGES:
        assert Path(FIXTURES / f"{page}.txt").exists()
