"""Decode the input and cut it into lines that tile it exactly.

>>> lines = split_lines("a\\r\\nb\\n\\nc")
>>> [(ln.start, ln.end, ln.stop, ln.text) for ln in lines]
[(0, 1, 3, 'a'), (3, 4, 5, 'b'), (5, 5, 6, ''), (6, 7, 7, 'c')]
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import regex

from .models import InputNote

_NEWLINE = regex.compile(r"\r\n|\r|\n")


class InputError(ValueError):
    """The input cannot be read as text (wrong type, or undecodable)."""


@dataclass(frozen=True, slots=True)
class Line:
    """One line: content in [start, end), its terminator in [end, stop)."""

    index: int
    start: int
    end: int
    stop: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: str | bytes | bytearray | memoryview) -> tuple[str, list[InputNote]]:
    """Bytes to str. UTF-8 (with or without BOM) or a BOM-marked UTF-16/32 decode
    as such; anything else falls back to cp1252 when that reads it whole, else to
    UTF-8 with replacement characters, and the note says so.

    >>> decode(b"caf\\xc3\\xa9")[0]
    'café'
    >>> decode(b"caf\\xe9")
    ('café', [InputNote(kind='encoding', detail='not UTF-8; decoded as cp1252')])
    """
    if isinstance(data, str):
        return data, []
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise InputError(f"expected str or bytes, got {type(data).__name__}")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), [InputNote(kind="encoding", detail=f"BOM: {codec}")]
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as err:
        first_error = err.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        count = text.count("\ufffd")
        return text, [
            InputNote(
                kind="encoding",
                detail=f"invalid UTF-8 from byte {first_error}; {count} replacement characters",
            )
        ]
    return text, [InputNote(kind="encoding", detail="not UTF-8; decoded as cp1252")]


def split_lines(text: str) -> list[Line]:
    """Every line, blank ones too; their ranges [start, stop) tile `text`."""
    lines: list[Line] = []
    pos = 0
    for m in _NEWLINE.finditer(text):
        lines.append(Line(len(lines), pos, m.start(), m.end(), text[pos : m.start()]))
        pos = m.end()
    if pos < len(text) or not lines:
        lines.append(Line(len(lines), pos, len(text), len(text), text[pos:]))
    return lines
