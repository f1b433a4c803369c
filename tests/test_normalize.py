"""The fast paths of the normalisers give what the plain regex passes give."""

from __future__ import annotations

import sys
import unicodedata

import ftfy
from hypothesis import given, settings
from hypothesis import strategies as st

from textclean import normalize, vocabulary
from textclean.normalize import clean_text
from textclean.vocabulary import normalise

# text the shortcuts care about: ASCII, separators, digits, controls, odd spaces,
# wrap breaks, mojibake signs, combining marks
_ALPHABET = st.sampled_from([
    *"aZ09 #-/|,;:()[]*_.!\t\n\r\x00\x0b\x1c\x1f\x7f",
    *("\u00a0", "\u202f", "\u2003", "\u200b", "\ufeff", "\u0301", "é", "Ã", "©", "\ufffd", "ß"),
])
_TEXT = st.text(_ALPHABET, max_size=40)


def _clean_text_reference(text: str) -> str:
    """clean_text as every step unconditionally (the shape before the gates)."""
    if normalize._MOJIBAKE_HINT.search(text):
        text = ftfy.fix_text(text)
    text = normalize._CONTROL.sub("", text)
    text = normalize._WRAPPED_HYPHEN.sub("", text)
    if "](" in text:
        for _ in range(2):
            text = normalize.MARKDOWN_LINK.sub(normalize._link_text, text)
    if "**" in text or "__" in text:
        text = normalize.replace_strong(text, lambda _mark, content: content)
    return normalize._SPACES.sub(" ", text).strip()


def _normalise_reference(line: str) -> str:
    text = vocabulary._DIGITS.sub("#", unicodedata.normalize("NFC", line).casefold())
    text = vocabulary._SEPARATORS.sub(" ", text)
    text = vocabulary._NOT_WORDISH.sub("", text)
    return vocabulary._SPACES.sub(" ", text).strip()


@settings(max_examples=600, deadline=None)
@given(_TEXT)
def test_clean_text_equals_its_ungated_steps(text: str) -> None:
    assert clean_text(text) == _clean_text_reference(text)


@settings(max_examples=600, deadline=None)
@given(_TEXT)
def test_normalise_equals_its_regex_steps(text: str) -> None:
    assert normalise(text) == _normalise_reference(text)


def test_every_ascii_character_normalises_as_the_regexes_do() -> None:
    for c in range(128):
        for text in (chr(c), f"a{chr(c)}b", f"1{chr(c)}2 x"):
            assert normalise(text) == _normalise_reference(text), repr(text)


def test_str_split_splits_on_the_space_pattern_once_controls_are_gone() -> None:
    # the join(split()) shortcut in clean_text relies on this, for every code point
    differ = [
        hex(c)
        for c in range(sys.maxunicode + 1)
        if not 0xD800 <= c < 0xE000
        and not normalize._CONTROL.match(chr(c))
        and bool(normalize._SPACES.match(chr(c))) != chr(c).isspace()
    ]
    assert differ == []
