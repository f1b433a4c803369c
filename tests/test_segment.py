from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textclean.restyle import hard_wrapped
from textclean.segment import InputError, decode, split_lines, split_paragraph_lines, wrap_width


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


PARAGRAPHS = [
    "The harbour council voted on Tuesday to rebuild the old ferry pier before the summer,"
    " ending a dispute that had divided the town for more than two years.",
    "Councillors said the new pier would be wider and safer, and that the ferry company had"
    " agreed to pay a third of the cost over the next ten years.",
    "Residents who had opposed the plan said they would watch the work closely, but most of"
    " the people at the meeting welcomed the decision with applause.",
]
PAGE = "\n".join(["Home", "News", "Ferry pier to be rebuilt", *PARAGRAPHS, "Contact us"])


@pytest.mark.parametrize("width", [60, 72, 80])
def test_hard_wrapped_paragraphs_are_joined_back(width: int) -> None:
    text = hard_wrapped(PAGE, width)
    assert wrap_width(split_lines(text)) is not None
    lines = split_paragraph_lines(text)
    assert [" ".join(ln.text.split()) for ln in lines] == PAGE.split("\n")
    # a joined line keeps its offsets (and the row it starts on, for explain)
    for ln in lines:
        assert len(ln.text) == ln.end - ln.start
        assert ln.text == text[ln.start : ln.end].replace("\n", " ")
    assert [ln.row for ln in lines[:4]] == [0, 1, 2, 3]


def test_an_unwrapped_dump_is_left_as_it_is() -> None:
    lines = split_lines(PAGE)
    assert wrap_width(lines) is None
    assert split_paragraph_lines(PAGE) == lines


def test_a_full_row_ending_a_sentence_keeps_the_next_paragraph_apart() -> None:
    rows = hard_wrapped(PAGE, 72).split("\n")
    # a paragraph whose last row happens to fill the margin, then a new paragraph
    full = "The vote was nine to two, and the mayor said work would start in spring."
    text = "\n".join([*rows, full, "Work starts in March and the ferry will use the beach."])
    width = wrap_width(split_lines(text))
    assert width is not None and len(full) + len(" Work") > width  # "Work" would not fit
    assert [ln.text for ln in split_paragraph_lines(text)][-2:] == [
        full,
        "Work starts in March and the ferry will use the beach.",
    ]
    # ... nor before a count in braces, nor where the next row goes on in lower case
    braced = "\n".join([*rows, full, "{ 3 comments }"])
    assert [ln.text for ln in split_paragraph_lines(braced)][-1] == "{ 3 comments }"
    abbreviated = "\n".join([*rows, full, "afterwards the ferry will use the beach."])
    assert split_paragraph_lines(abbreviated)[-1].text.startswith(full)


@given(st.lists(st.text(alphabet="ab \n", max_size=90), max_size=30))
def test_joined_lines_still_tile_the_text(rows: list[str]) -> None:
    text = "\n".join(rows)
    lines = split_paragraph_lines(text)
    assert lines[0].start == 0 and lines[-1].stop == len(text)
    for prev, nxt in itertools.pairwise(lines):
        assert prev.stop == nxt.start
    assert [ln.index for ln in lines] == list(range(len(lines)))


def test_explain_numbers_joined_lines_by_their_first_input_row() -> None:
    from textclean.explain import explain_page
    from textclean.filters import default_pipeline

    text = hard_wrapped(PAGE, 60)
    rows = explain_page(default_pipeline().judge(text))
    assert [r.line for r in rows][:4] == [1, 2, 3, 4]
    last = text.split("\n").index("Contact us") + 1
    assert rows[-1].line == last and rows[-1].text == "Contact us"


def test_bullets_read_as_indentation_but_the_line_model_still_sees_them() -> None:
    from textclean.features import compute_stats

    text = "* Home\n   • Jo Smith says:\n-5 degrees\n- 3 - 2\n"
    lines = split_paragraph_lines(text)
    assert [ln.text for ln in lines] == ["  Home", "     Jo Smith says:", "-5 degrees", "  3 - 2"]
    assert [ln.raw for ln in lines] == ["* Home", "   • Jo Smith says:", None, "- 3 - 2"]
    stats = compute_stats(lines, "en")
    assert [s.bullet for s in stats] == [True, True, False, True]
    assert [s.indent for s in stats] == [0, 3, 0, 0]


def test_markdown_links_images_and_strong_marks_read_as_spaces() -> None:
    text = (
        "* [Home](https://example.com/)\n"
        "[![Logo](/logo.png)](/)\n"
        "## 2 thoughts on “Hedges”\n"
        "   **Jo Pennick** says:\n"
        'Read [the report](https://example.org/r "Report") today.\n'
    )
    lines = split_paragraph_lines(text)
    assert [" ".join(ln.text.split()) for ln in lines] == [
        "Home",
        "",
        "2 thoughts on “Hedges”",
        "Jo Pennick says:",
        "Read the report today.",
    ]
    for ln in lines:  # same length: every offset still points into the input
        assert len(ln.text) == ln.end - ln.start
    assert lines[0].raw is not None and lines[0].raw.startswith("* ")  # the model's view
