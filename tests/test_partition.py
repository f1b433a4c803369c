"""Every character of the input is accounted for, exactly once."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import textclean
from textclean.models import Document

from .conftest import FIXTURES


def assert_partition(doc: Document, text: str) -> None:
    pos = 0
    for seg in doc.segments:
        assert seg.start == pos, f"gap or overlap at {pos}: {seg}"
        assert seg.end > seg.start, f"empty segment {seg}"
        pos = seg.end
    assert pos == len(text) == doc.length
    removed = [(s.start, s.end) for s in doc.segments if s.role == "removed"]
    assert removed == [(r.start, r.end) for r in doc.removed]
    for r in doc.removed:
        assert r.text == text[r.start : r.end]
        assert r.filter and r.reason and r.category


def test_partition_on_every_fixture() -> None:
    paths = sorted(FIXTURES.glob("*.txt"))
    assert len(paths) >= 13
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert_partition(textclean.clean(text), text)


def test_partition_on_the_seed_fixture() -> None:
    text = (FIXTURES / "southfront-syria-strikes.txt").read_text(encoding="utf-8")
    assert_partition(textclean.clean(text), text)


_pieces = st.sampled_from(
    [
        "Home",
        "Share on Facebook",
        "2 Comments",
        "Reply",
        "0 $",
        "NOVEMBER 2024",
        "The council agreed the budget on Tuesday after a long and heated debate.",
        "Jane Doe says:",
        "July 21, 2012 at 5:46 pm",
        "  indented line",
        "",
        "\t",
        "x",
        "By Jane Doe",
        "© 2024 Example Inc. All rights reserved.",
        "\x00",
        "caf\u00c3\u00a9",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(_pieces, st.text(max_size=60)), max_size=40),
    st.sampled_from(["\n", "\r\n", "\n\n", "\r"]),
)
def test_partition_on_arbitrary_text(pieces: list[str], sep: str) -> None:
    text = sep.join(pieces)
    assert_partition(textclean.clean(text), text)


def test_segments_text_reassembles_input(tmp_path: Path) -> None:
    text = (FIXTURES / "wordpress-native-comments.txt").read_text(encoding="utf-8")
    doc = textclean.clean(text)
    assert "".join(text[s.start : s.end] for s in doc.segments) == text
