"""Decode the input and cut it into lines that tile it exactly.

>>> lines = split_lines("a\\r\\nb\\n\\nc")
>>> [(ln.start, ln.end, ln.stop, ln.text) for ln in lines]
[(0, 1, 3, 'a'), (3, 4, 5, 'b'), (5, 5, 6, ''), (6, 7, 7, 'c')]

A hard-wrapped dump (lynx/w3m/html2text output, mail, fixed-width text) breaks
every paragraph into rows of at most N columns; `join_wrapped` puts the rows of
one paragraph back into one line, so that every filter sees paragraphs as in an
unwrapped dump. The joined line keeps its offsets: its text is the input span
with each line break read as spaces.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, replace

import regex

from .charset import detect_encoding
from .models import InputNote
from .normalize import MARKDOWN_LINK, replace_strong

_NEWLINE = regex.compile(r"\r\n|\r|\n")


class InputError(ValueError):
    """The input cannot be handled: not str or bytes, or above the maximum document
    size; the message says what is wrong and where.

    >>> import textclean
    >>> try:
    ...     textclean.clean(42)
    ... except InputError as err:
    ...     print(err)
    expected str or bytes, got int
    """


# Code points UTF-8 cannot encode (a str may hold them, e.g. from a bad decoder or
# "surrogateescape"): the output could not be serialised.
_SURROGATE = regex.compile(r"[\ud800-\udfff]")
# C0/C1 control characters other than whitespace, and the replacement character:
# what binary data decodes to, and what text hardly ever contains.
_NOT_TEXT_CHAR = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
NOT_TEXT_SHARE = 0.1
"""Input with at least this share of control or replacement characters is not text."""


@dataclass(frozen=True, slots=True)
class Line:
    """One line: content in [start, end), its terminator in [end, stop)."""

    index: int
    start: int
    end: int
    stop: int
    text: str
    row: int = -1
    """The input row (0-based) the line starts on; -1: the same as `index`."""
    raw: str | None = None
    """The text as the line model reads it, list bullet kept (None: as `text`)."""

    @property
    def blank(self) -> bool:
        return not self.text or self.text.isspace()  # no copy of a huge line


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: str | bytes | bytearray | memoryview) -> tuple[str, list[InputNote]]:
    """Bytes to str. UTF-8 (with or without BOM) or a BOM-marked UTF-16/32 decode
    as such; anything else in the code page the detector names when it is sure
    (`textclean.charset`), else in cp1252 when that reads it whole, else as UTF-8
    with replacement characters, and the note says which.

    >>> decode(b"caf\\xc3\\xa9")[0]
    'café'
    >>> decode(b"caf\\xe9")
    ('café', [InputNote(kind='encoding', detail='not UTF-8; decoded as cp1252')])
    >>> decode("Ο δήμος ενέκρινε τον προϋπολογισμό για το επόμενο έτος.".encode("cp1253"))[1]
    [InputNote(kind='encoding', detail='not UTF-8; decoded as cp1253 (detected)')]
    """
    if isinstance(data, str):
        return _replace_surrogates(data)
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
    detected = detect_encoding(data, first_error)
    if detected is not None:
        try:
            text = data.decode(detected)
        except UnicodeDecodeError:  # past the detector's sample: not that code page
            pass
        else:
            note = f"not UTF-8; decoded as {detected} (detected)"
            return text, [InputNote(kind="encoding", detail=note)]
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


def _replace_surrogates(text: str) -> tuple[str, list[InputNote]]:
    """Lone surrogates become U+FFFD, one for one, so offsets still index the input.

    >>> _replace_surrogates("a\\ud800b")
    ('a\ufffdb', [InputNote(kind='encoding', detail='1 lone surrogate (first at character 1) replaced by U+FFFD')])
    """  # noqa: E501
    first = _SURROGATE.search(text)
    if first is None:
        return text, []
    count = sum(1 for _ in _SURROGATE.finditer(text, first.start()))
    detail = (
        f"{count} lone surrogate{'s' if count > 1 else ''} (first at character "
        f"{first.start()}) replaced by U+FFFD"
    )
    return _SURROGATE.sub("\ufffd", text), [InputNote(kind="encoding", detail=detail)]


def not_text(text: str) -> str | None:
    """Why `text` is not text (binary data: many control or replacement characters),
    or None when it reads as text.

    >>> not_text("A page about the council's budget.\\x00") is None
    True
    >>> not_text("\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR\\ufffd\\ufffd")
    'not text: 7 of its 18 characters (39%) are control or replacement characters'
    """
    if not text:
        return None
    limit = NOT_TEXT_SHARE * len(text)
    bad = 0
    for _ in _NOT_TEXT_CHAR.finditer(text):
        bad += 1
    if bad < limit:
        return None
    return (
        f"not text: {bad:,} of its {len(text):,} characters ({bad / len(text):.0%}) "
        "are control or replacement characters"
    )


def split_lines(text: str) -> list[Line]:
    """Every line, blank ones too; their ranges [start, stop) tile `text`."""
    lines: list[Line] = []
    pos = 0
    # one str object per distinct line text: a page repeats its menus and buttons
    same: dict[str, str] = {}
    for m in _NEWLINE.finditer(text):
        end, stop = m.span()
        row = text[pos:end]
        # one int object for a line's stop and the next line's start
        lines.append(Line(len(lines), pos, end, stop, same.setdefault(row, row)))
        pos = stop
    if pos < len(text) or not lines:
        lines.append(Line(len(lines), pos, len(text), len(text), text[pos:]))
    return lines


# Hard-wrap detection: the widest row, rows close under it, and how many there are.
_MIN_WIDTH, _MAX_WIDTH = 40, 132
_NEAR = 16  # a wrapped prose row falls at most this many columns short of the width
_MIN_NEAR_ROWS = 3
_NEAR_SHARE = 0.3  # of the rows at least half the width long
_FIRST_WORD = regex.compile(r"\S+")
_SENTENCE_END = regex.compile(r"[.!?…][\"'”’»)\]]?\s*$")


def wrap_width(lines: list[Line]) -> int | None:
    """The column a hard-wrapped dump was wrapped at, or None when rows run free.

    Wrapped prose fills its rows nearly to one width and never past it; an
    unwrapped dump has rows of every length, many far longer than a screen.

    >>> rows = [("word " * 14)[: 64 + k % 8].strip() for k in range(12)]
    >>> wrap_width(split_lines("\\n".join(rows)))
    69
    >>> wrap_width(split_lines("Home\\nA paragraph that runs on and on. " * 3))
    """
    if any(len(line.text) > 2 * _MAX_WIDTH for line in lines):
        return None  # a row that long was never wrapped (and is not copied here)
    widths = [len(line.text.rstrip()) for line in lines if not line.blank]
    if not widths:
        return None
    width = max(widths)
    if not _MIN_WIDTH <= width <= _MAX_WIDTH:
        return None
    long_rows = sum(1 for w in widths if w >= width // 2)
    near = sum(1 for w in widths if w > width - _NEAR)
    if near < _MIN_NEAR_ROWS or near < _NEAR_SHARE * long_rows:
        return None
    return width


def join_wrapped(text: str, lines: list[Line], width: int) -> list[Line]:
    """Join each row to the next when the next row's first word would not have
    fitted on it: then the break was the wrapper's, not the page's.

    >>> rows = split_lines("The cat sat on\\nthe mat.\\nHome")
    >>> [(ln.text, ln.row) for ln in join_wrapped("The cat sat on\\nthe mat.\\nHome", rows, 16)]
    [('The cat sat on the mat.', 0), ('Home', 2)]
    """
    out: list[Line] = []
    k = 0
    while k < len(lines):
        first = last = lines[k]
        while last.index + 1 < len(lines) and not last.blank:
            nxt = lines[last.index + 1]
            word = _FIRST_WORD.search(nxt.text)
            if word is None or len(last.text.rstrip()) + 1 + len(word.group()) <= width:
                break
            # a full row that ends a sentence before anything but a lower-case word
            # (a capital, a digit, "{ 12 comments }"): more likely a paragraph or a
            # comment ending near the margin than a wrap between two sentences
            if _SENTENCE_END.search(last.text) and not word.group()[0].islower():
                break
            last = nxt
        span = text[first.start : last.end]
        if last is not first:
            span = _NEWLINE.sub(lambda m: " " * len(m.group()), span)
        out.append(Line(len(out), first.start, last.end, last.stop, span, first.index))
        k = last.index + 1
    return out


# A list item's bullet ("* ", "• ", "– "), as lynx, html2text and browsers print
# <li> items, or a Markdown heading or quote mark: read as indentation, so
# "* John says:" is John's header.
_BULLET = regex.compile(r"[ \t]*+(?:[*+•·▪◦‣○●■□►▸▶–-]|#{1,6}|>)(?=[ \t]++\S)")


def blank_markdown(text: str) -> str:
    """Markdown links, images and strong-emphasis markers read as spaces, a link's
    text kept (same length).

    >>> blank_markdown("See [the report](https://example.com/r.pdf) here")
    'See  the report                             here'
    >>> blank_markdown("[![Logo](/logo.png)](/) **Jo** says:")
    '                          Jo   says:'
    """
    if "](" in text:
        for _ in range(2):  # a link around an image: the image first, then the link
            text = MARKDOWN_LINK.sub(_blank_link, text)
    if "**" in text or "__" in text:
        text = replace_strong(text, lambda mark, content: f"  {content}  ")
    return text


def _blank_link(m: regex.Match[str]) -> str:
    if m.group("image"):
        return " " * (m.end() - m.start())
    return " " * (m.start("text") - m.start()) + m.group("text") + " " * (m.end() - m.end("text"))


def blank_marks(lines: list[Line]) -> list[Line]:
    """Each line's Markdown links and leading bullet read as spaces (offsets and
    input stay as they are). The line model reads the line with its bullet
    (`Line.raw`), as it learnt from plain dumps with bullets but without URLs.

    >>> [ln.text for ln in blank_marks(split_lines("* Home\\n- 3 - 2\\n-5 C"))]
    ['  Home', '  3 - 2', '-5 C']
    >>> ln = blank_marks(split_lines("* [Home](/)"))[0]
    >>> (ln.text, ln.raw)
    ('   Home    ', '*  Home    ')
    """
    out = lines
    for k, line in enumerate(lines):
        unlinked = blank_markdown(line.text)
        m = _BULLET.match(unlinked)
        if m is None and unlinked == line.text:
            continue
        if out is lines:
            out = list(lines)
        blanked = unlinked if m is None else " " * m.end() + unlinked[m.end() :]
        out[k] = replace(line, text=blanked, raw=unlinked)
    return out


def split_paragraph_lines(text: str) -> list[Line]:
    """`split_lines`, with the rows of a hard-wrapped dump joined into paragraphs and
    list bullets and Markdown links read as spaces."""
    lines = split_lines(text)
    width = wrap_width(lines)
    return blank_marks(lines if width is None else join_wrapped(text, lines, width))
