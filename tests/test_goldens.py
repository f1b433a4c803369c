"""Golden regression tests over fixtures/.

Two layers:
- fixtures/NAME.json: the whole expected output (reviewed), checked by
  textclean's pytest plugin (`textclean.pytest_plugin`); a change shows which
  lines moved and which fields changed. Rewrite after a reviewed change with
  ``pytest --textclean-update``.
- fixtures/NAME.expect.json: what a person checked by hand (title, body edges,
  comments...). Checks that do not hold yet are listed in
  fixtures/known-gaps.json, by hand: no flag rewrites it. The test fails both
  when a new check breaks and when a listed gap starts to hold (so the list
  only shrinks on purpose).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import textclean
from textclean.models import Document
from textclean.pytest_plugin import Golden

from .conftest import FIXTURES


def _load(page: str) -> Document:
    return textclean.clean((FIXTURES / f"{page}.txt").read_text(encoding="utf-8"))


@pytest.mark.textclean_goldens(FIXTURES)
def test_golden(textclean_golden: Golden) -> None:
    textclean_golden.check()


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
def test_hand_expectations(page: str) -> None:
    checks = hand_checks(page, _load(page))
    failing = sorted(name for name, ok in checks.items() if not ok)
    known = sorted(_known_gaps().get(page, []))
    newly_broken = [f for f in failing if f not in known]
    now_fixed = [k for k in known if k not in failing]
    entry = json.dumps({page: failing}, ensure_ascii=False)
    assert not newly_broken, (
        f"hand-checked expectations broke: {newly_broken}\n"
        f"(a known gap, on purpose? then edit known-gaps.json by hand: {entry})"
    )
    assert not now_fixed, f"known gaps now hold; remove them from known-gaps.json: {now_fixed}"


def test_fixture_set_is_complete() -> None:
    assert len(EXPECTED_PAGES) >= 13
    for page in EXPECTED_PAGES:
        assert Path(FIXTURES / f"{page}.txt").exists()
