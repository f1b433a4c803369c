"""The seed page, checked by hand against the issue's expectations."""

from __future__ import annotations

import pytest

import textclean
from textclean.models import Document

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def doc() -> Document:
    return textclean.clean((FIXTURES / "southfront-syria-strikes.txt").read_text(encoding="utf-8"))


def test_title(doc: Document) -> None:
    assert doc.article is not None
    assert doc.article.title == (
        "US-led Coalition Shares Footage Of Recent Strikes On Iranian-Backed Forces In Syria"
    )


def test_body_runs_from_first_to_last_paragraph(doc: Document) -> None:
    assert doc.article is not None
    paragraphs = doc.article.paragraphs
    assert paragraphs[0].startswith("On January 5, the US-led coalition released footage")
    assert paragraphs[-1].endswith("instead of preparing to leave the two countries.")
    assert len(paragraphs) == 6
    assert "MQ-9 Reaper" not in doc.article.text


def test_caption(doc: Document) -> None:
    assert doc.article is not None
    assert len(doc.article.captions) == 1
    assert doc.article.captions[0].startswith("A fully armed MQ-9 Reaper")


def _removed(doc: Document) -> dict[str, str]:
    return {r.text.strip(): r.filter for r in doc.removed}


@pytest.mark.parametrize(
    "text",
    [
        "0 $",
        "2,500 $",
        "5,000 $",
        "1,000 $",
        "NOVEMBER 2024",
        "Support SouthFront",
        "MORE ON THIS TOPIC:",
        "SouthFront",
        "Subscribe",
        "Notify of",
        "guest",
        "Oldest",
        "Newest Most Voted",
        "Inline Feedbacks",
        "View all comments",
        "Would love your thoughts, please comment.x",
        "()",
        "x",
        "2",
        "0",
    ],
)
def test_removed_with_a_reason(doc: Document, text: str) -> None:
    removed = _removed(doc)
    assert text in removed, f"{text!r} not among removed spans"


def test_donation_spans_name_the_donation_filter(doc: Document) -> None:
    removed = _removed(doc)
    for text in ("0 $", "2,500 $", "NOVEMBER 2024", "Support SouthFront"):
        assert removed[text] == "donation"


def test_exactly_two_comments(doc: Document) -> None:
    assert [c.author for c in doc.comments] == ["JJ345", "Christian J. Chuba"]
    assert len(doc.comments[0].paragraphs) == 2
    assert doc.comments[0].paragraphs[1].startswith("Also, didn’t they run away")
    assert doc.comments[1].text.startswith("‘Iranian backed forces’")
    assert "Would love your thoughts" not in doc.comments[1].text


def test_declared_count_agrees(doc: Document) -> None:
    assert doc.declared_comment_count == 2
    assert doc.comment_count_mismatch is False
