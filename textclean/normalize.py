"""Text normalisation at the edge: only output text is normalised, never offsets.

>>> clean_text("  caf\\u00c3\\u00a9  au\\tlait\\x00 ")
'café au lait'
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

import ftfy
import regex

# Characters that mojibake is made of (UTF-8 read as Latin-1/cp1252): cheap to
# look for, so ftfy (about 40x slower than a regex pass) runs only where needed.
_MOJIBAKE_HINT = regex.compile(r"[ÃÂâÅÐÑØÙÚ][\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ¡-¿]|\ufffd")
_CONTROL = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b\ufeff]")
_SPACES = regex.compile(r"[\s\u00a0\u202f]+")
# A Markdown link or image, as html2text, Jina or Firecrawl print them:
# "[text](https://…)" reads as its text, an image "![alt](…)" as nothing (a
# plain-text dump has no alt text either).
MARKDOWN_LINK = regex.compile(
    r"(?P<image>!?)\[(?P<text>[^\[\]\n]{0,500})\]"
    r"\(\s*<?[^\s()<>]{1,2000}>?"
    r"(?:\s+(?:\"[^\"\n]{0,300}\"|'[^'\n]{0,300}'))?\s*\)"
)
# Markdown strong emphasis, "**Jo Smith** says:": the markers read as nothing.
# The pattern says what a strong span is; `strong_spans` finds the same spans in
# linear time (the pattern's lazy scan reads up to 300 characters after every
# unclosed marker: 16 s on a 1 MB line of "**a ").
MARKDOWN_STRONG = regex.compile(r"(\*\*|__)(?=\S)([^\n]{1,300}?)(?<=\S)\1")
_STRONG_MAX = 300
_MARKER = regex.compile(r"(?=(\*\*|__))")
_SPACE = regex.compile(r"\s")
# a hard wrap after a hyphen inside a word ("Grünen-\nFraktion"): the word goes on
_WRAPPED_HYPHEN = regex.compile(r"(?<=\p{L}-)[ \t]*(?:\r\n|\r|\n)[ \t]*(?=\p{L})")


def strong_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every strong span `MARKDOWN_STRONG.sub` would replace, in
    order, markers included: the first marker followed by a non-space opens a
    span; the nearest same marker after a non-space, on the same line and at most
    300 characters on, closes it.

    >>> strong_spans("**Jo** and __Al__, ** not **x**")
    [(0, 6), (11, 17), (26, 31)]
    """
    markers: dict[str, list[int]] = {"**": [], "__": []}
    for m in _MARKER.finditer(text):
        markers[m.group(1)].append(m.start())
    # closers: a marker right after a non-space character
    closers = {
        mark: [j for j in found if j > 0 and not _SPACE.match(text, j - 1)]
        for mark, found in markers.items()
    }
    openers = sorted((i, mark) for mark, found in markers.items() for i in found)
    spans: list[tuple[int, int]] = []
    pos = 0
    for i, mark in openers:
        if i < pos or i + 2 >= len(text) or _SPACE.match(text, i + 2):
            continue
        close = closers[mark]
        k = bisect.bisect_left(close, i + 3)  # at least one character inside
        if k == len(close):
            continue
        j = close[k]
        if j - (i + 2) > _STRONG_MAX or text.find("\n", i + 2, j) >= 0:
            continue
        spans.append((i, j + 2))
        pos = j + 2
    return spans


def replace_strong(text: str, inner: Callable[[str, str], str]) -> str:
    """`text` with each strong span replaced by `inner(marker, content)`.

    >>> replace_strong("**Jo** says", lambda mark, content: content)
    'Jo says'
    """
    parts: list[str] = []
    pos = 0
    for start, end in strong_spans(text):
        parts.append(text[pos:start])
        parts.append(inner(text[start : start + 2], text[start + 2 : end - 2]))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _link_text(m: regex.Match[str]) -> str:
    return "" if m.group("image") else m.group("text")


def clean_text(text: str) -> str:
    """Fix mojibake where there are signs of it, drop control characters, join words
    a hard wrap split after a hyphen, keep a Markdown link's text only, collapse spaces.

    >>> clean_text("Deputy-\\nCommander of the\\nforces")
    'Deputy-Commander of the forces'
    >>> clean_text("Read [the report](https://example.com/r.pdf). ![A chart](c.png)")
    'Read the report.'
    >>> clean_text("**Jo Smith** says:")
    'Jo Smith says:'
    """
    # each step runs only where its pattern can match: mojibake needs a non-ASCII
    # character, every control character is unprintable, a wrap needs a break
    if not text.isascii() and _MOJIBAKE_HINT.search(text):
        text = ftfy.fix_text(text)
    if not text.isprintable():
        text = _CONTROL.sub("", text)
    if "-" in text and ("\n" in text or "\r" in text):
        text = _WRAPPED_HYPHEN.sub("", text)
    if "](" in text:
        for _ in range(2):  # a link around an image: the image first, then the link
            text = MARKDOWN_LINK.sub(_link_text, text)
    if "**" in text or "__" in text:
        text = replace_strong(text, lambda _mark, content: content)
    # str.split() splits on exactly `_SPACES`'s characters once control characters
    # are gone (checked over every code point in tests/test_normalize.py)
    return " ".join(text.split())
