"""explain(): every line's fate, with the candidates a filter refused."""

from __future__ import annotations

from textclean import explain


def test_explain_says_why_a_comment_run_was_refused() -> None:
    rows = explain("Jane Doe says:\nI liked this a lot, thanks for writing.\n")
    assert "[comments refused the run to line 1: a lone header with no section marker]" in (
        rows[0].reason
    )
    assert "refused" not in rows[1].reason
