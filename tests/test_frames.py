"""Documents as records and DataFrames, and the README's pandas and datasets examples."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import textclean
from textclean import Document
from textclean.display.lines import SourceMissing

from .conftest import FIXTURES, ROOT

SEED = FIXTURES / "southfront-syria-strikes.txt"
THREAD = FIXTURES / "disqus-thread.txt"


def _clean(path: Path) -> Document:
    return textclean.clean(path.read_bytes())


def test_one_row_per_document_with_its_fields() -> None:
    docs = [_clean(SEED), _clean(THREAD)]
    rows = textclean.to_records(docs)
    assert [r["doc"] for r in rows] == [0, 1]
    for row, doc in zip(rows, docs, strict=True):
        assert doc.article is not None
        assert row["title"] == doc.article.title and row["text"] == doc.article.text
        assert row["comment_count"] == len(doc.comments)
        assert row["paragraph_count"] == len(doc.article.paragraphs)
        removed = sum(len(r.text) for r in doc.removed)
        assert row["removed_share"] == pytest.approx(removed / doc.length)


def test_one_row_per_comment_with_its_thread() -> None:
    doc = _clean(THREAD)
    rows = textclean.to_records([doc], level="comment")
    assert len(rows) == len(doc.comments) >= 2
    for row, c in zip(rows, doc.comments, strict=True):
        assert (row["author"], row["votes"], row["parent"], row["depth"], row["text"]) == (
            c.author,
            c.votes,
            c.parent,
            c.depth,
            c.text,
        )
        assert row["posted"] == (c.posted.raw if c.posted else None)
    assert any(r["parent"] is not None for r in rows)


def test_one_row_per_non_blank_line_with_role_filter_reason() -> None:
    text = SEED.read_text(encoding="utf-8")
    doc = textclean.clean(text)
    rows = textclean.to_records(doc, level="line")
    assert [r["text"] for r in rows] == [line for line in text.splitlines() if line.strip()]
    first = rows[0]
    assert (first["role"], first["filter"], first["category"]) == (
        "removed",
        "donation",
        "donation",
    )
    title = next(r for r in rows if r["role"] == "article.title")
    assert doc.article is not None and title["text"] == doc.article.title
    assert {r["role"] for r in rows} >= {"article.body", "comment.text", "removed"}


def test_frames_have_their_columns_even_when_empty() -> None:
    empty = textclean.clean("")
    for level in ("document", "comment", "line"):
        frame = empty.to_frame(level=level)
        assert "doc" in frame.columns
    assert len(empty.to_frame(level="comment")) == 0
    assert list(textclean.to_frame([_clean(SEED)], level="comment").author) == [
        c.author for c in _clean(SEED).comments
    ]


def test_bad_level_and_missing_source_are_errors() -> None:
    with pytest.raises(ValueError, match="level must be one of"):
        textclean.to_records([], level="paragraph")
    back = Document.model_validate_json(_clean(SEED).model_dump_json())
    with pytest.raises(SourceMissing, match="with_source"):
        textclean.to_records([back], level="line")
    assert textclean.to_records([back], level="comment")  # needs no input text


def _readme_example(name: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(rf"<!-- example: {name} -->\n```python\n(.*?)```", readme, re.S)
    assert found, f"README has no example {name!r}"
    return found.group(1)


def test_readme_pandas_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas")
    monkeypatch.chdir(ROOT)
    exec(compile(_readme_example("pandas"), "README.md:pandas", "exec"), {})


@pytest.mark.slow
def test_readme_datasets_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")  # read at import: no hub, ever
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    pytest.importorskip("datasets", reason="pip install -e '.[hf]' (CI installs it)")
    monkeypatch.chdir(ROOT)
    exec(compile(_readme_example("datasets"), "README.md:datasets", "exec"), {})
