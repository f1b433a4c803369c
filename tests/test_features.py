"""The per-line feature pass: its shortcuts answer as the patterns they stand for."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from textclean import features
from textclean.features import _char_counts, _has_url

from .conftest import assert_finishes

# the characters the URL and e-mail shapes are made of, and some that break them
_URLISH = st.lists(
    st.sampled_from([*"ab1_.+-@:/ w", "com", "org", "net", "htm", "www.", "://", "é", "\u0301"]),
    max_size=30,
).map("".join)


@settings(max_examples=3000, deadline=None)
@given(_URLISH)
@example(".@ab.ab")  # no word character before the "@": no e-mail
@example("+-@ab.ab")
@example("a.@ab.ab")
@example("é\u0301@ab.a")
@example("x @ab.ab")
def test_has_url_answers_as_the_url_pattern(text: str) -> None:
    assert _has_url(text) == (features._URL.search(text) is not None)


@settings(max_examples=1000, deadline=None)
@given(st.text(max_size=40))
def test_character_counts_equal_the_str_predicates(text: str) -> None:
    expected = (
        sum(map(str.isalpha, text)),
        sum(map(str.isdigit, text)),
        sum(map(str.isupper, text)),
    )
    assert _char_counts(text) == expected


def test_every_ascii_character_counts_as_the_predicates_say() -> None:
    for c in range(128):
        text = f"x{chr(c)}Y1"
        assert _char_counts(text) == (
            sum(map(str.isalpha, text)),
            sum(map(str.isdigit, text)),
            sum(map(str.isupper, text)),
        )


def test_url_check_is_linear_on_runs_before_an_at_sign() -> None:
    """`_URL`'s e-mail branch rescanned "1.1.1..." from every word start (2.6 s for
    one 20,000-character line, the analysis cap); 200 such lines hang this guard
    instead of the suite."""
    code = (
        "from textclean.features import _has_url\n"
        "line = '1.' * 10_000 + ' @x'\n"
        "assert not any(_has_url(line) for _ in range(200))\n"
        "assert _has_url('1.' * 10_000 + 'a@example.org')\n"
    )
    assert_finishes(code, timeout=120)
