"""Text normalisation at the edge: only output text is normalised, never offsets.

>>> clean_text("  caf\\u00c3\\u00a9  au\\tlait\\x00 ")
'café au lait'
"""

from __future__ import annotations

import ftfy
import regex

# Characters that mojibake is made of (UTF-8 read as Latin-1/cp1252): cheap to
# look for, so ftfy (about 40x slower than a regex pass) runs only where needed.
_MOJIBAKE_HINT = regex.compile(r"[ÃÂâÅÐÑØÙÚ][\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ¡-¿]|\ufffd")
_CONTROL = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b\ufeff]")
_SPACES = regex.compile(r"[\s\u00a0\u202f]+")
# a hard wrap after a hyphen inside a word ("Grünen-\nFraktion"): the word goes on
_WRAPPED_HYPHEN = regex.compile(r"(?<=\p{L}-)[ \t]*(?:\r\n|\r|\n)[ \t]*(?=\p{L})")


def clean_text(text: str) -> str:
    """Fix mojibake where there are signs of it, drop control characters, join words
    a hard wrap split after a hyphen, collapse spaces.

    >>> clean_text("Deputy-\\nCommander of the\\nforces")
    'Deputy-Commander of the forces'
    """
    if _MOJIBAKE_HINT.search(text):
        text = ftfy.fix_text(text)
    text = _CONTROL.sub("", text)
    text = _WRAPPED_HYPHEN.sub("", text)
    return _SPACES.sub(" ", text).strip()
