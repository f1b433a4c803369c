"""Bad input gets a correct result or a clear error, never a hang or a crash."""

from __future__ import annotations

import pytest

import textclean
from textclean import InputError


def _covers(doc: textclean.Document, n: int) -> bool:
    return sum(s.end - s.start for s in doc.segments) == n


def test_empty_text() -> None:
    doc = textclean.clean("")
    assert doc.article is None and doc.comments == [] and doc.length == 0


def test_whitespace_only() -> None:
    text = " \n\n\t\n"
    doc = textclean.clean(text)
    assert doc.article is None and _covers(doc, len(text))


def test_bytes_and_broken_encoding() -> None:
    raw = (
        "The council agreed the budget on Tuesday after a long debate, café.\n"
        "Members said the plan would fund repairs to the library and two schools.\n"
    ).encode()
    doc = textclean.clean(raw + b"\xff\xfe\xfa broken tail\n")
    assert doc.notes and doc.notes[0].kind == "encoding"
    assert doc.article is not None and "council agreed" in doc.article.text


def test_nul_characters_are_kept_in_offsets_dropped_from_text() -> None:
    text = "The council agreed\x00 the budget on Tuesday after a long and heated debate.\n"
    doc = textclean.clean(text)
    assert _covers(doc, len(text))
    if doc.article is not None:
        assert "\x00" not in doc.article.text


@pytest.mark.parametrize("unit", ["word ", "x", "Posted by Jo on May 2, 2024 | "])
def test_huge_single_line(unit: str) -> None:
    text = unit * (10_000_000 // len(unit))  # 10 MB, one line: prose, one "word", headers
    doc = textclean.clean(text)
    assert _covers(doc, len(text))


def test_many_lines() -> None:
    text = "Home\n" * 50_000 + "The council agreed the budget on Tuesday after a long debate.\n"
    doc = textclean.clean(text)
    assert _covers(doc, len(text))


def test_mojibake_is_fixed_in_output_only() -> None:
    text = "The cafÃ© on the corner reopened on Tuesday after a long and costly refit.\n"
    doc = textclean.clean(text)
    assert doc.article is not None
    assert "café" in doc.article.text
    assert doc.length == len(text)


def test_not_text_is_a_clear_error() -> None:
    with pytest.raises(InputError):
        textclean.clean(None)  # type: ignore[arg-type]


def test_lone_surrogate_output_serialises() -> None:
    text = "The council agreed\ud800 the budget on Tuesday after a long and heated debate.\n"
    doc = textclean.clean(text)
    assert doc.length == len(text) and _covers(doc, len(text))
    assert textclean.Document.model_validate_json(doc.model_dump_json()) == doc
    assert doc.notes[0].kind == "encoding" and "surrogate" in doc.notes[0].detail


def test_binary_bytes_are_not_an_article() -> None:
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20
    doc = textclean.clean(data)
    assert doc.article is None and doc.language is None
    assert [n.kind for n in doc.notes][-1] == "not-text"


def test_oversized_input_is_a_clear_error() -> None:
    pipeline = textclean.Pipeline(list(textclean.default_pipeline()), max_chars=1_000)
    with pytest.raises(InputError, match="2,000 bytes is above the maximum document size of 1,000"):
        textclean.clean(b"x" * 2_000, pipeline=pipeline)
