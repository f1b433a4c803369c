from __future__ import annotations

import itertools

import pytest

from textclean.segment import InputError, decode, split_lines


def test_lines_tile_the_text_with_every_newline_kind() -> None:
    text = "a\r\nb\rc\n\nd"
    lines = split_lines(text)
    assert [ln.text for ln in lines] == ["a", "b", "c", "", "d"]
    assert lines[0].start == 0
    for prev, nxt in itertools.pairwise(lines):
        assert prev.stop == nxt.start
    assert lines[-1].stop == len(text)


def test_empty_text_is_one_empty_line() -> None:
    assert [(ln.start, ln.stop) for ln in split_lines("")] == [(0, 0)]


def test_trailing_newline_makes_no_phantom_line() -> None:
    assert [ln.text for ln in split_lines("a\n")] == ["a"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"caf\xc3\xa9", "café"),
        (b"\xef\xbb\xbfcaf\xc3\xa9", "café"),
        ("café".encode("utf-16"), "café"),
        (b"caf\xe9", "café"),
    ],
)
def test_decode(raw: bytes, expected: str) -> None:
    assert decode(raw)[0] == expected


def test_undecodable_bytes_are_replaced_and_noted() -> None:
    text, notes = decode(b"abc\x81\x8d\x8f\x90\x9d")  # cp1252 has no glyph for these
    assert "\ufffd" in text
    assert notes and notes[0].kind == "encoding"


def test_wrong_type_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="expected str or bytes"):
        decode(12)  # type: ignore[arg-type]
