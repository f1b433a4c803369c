"""The shared per-line feature pass: computed once per page, read by every filter.

>>> from textclean.segment import split_lines
>>> stats = compute_stats(split_lines("Home\\nThe cat sat on the mat, and it was happy."), "en")
>>> stats[0].words, stats[0].vocab, stats[1].ends_sentence, stats[1].stop_ratio > 0.4
(1, 'navigation', True, True)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from operator import itemgetter

import regex

from .dates import find_time_span
from .segment import Line
from .vocabulary import Vocabulary, default_vocabulary, normalise

WORD = regex.compile(r"\w+")
_FIRST = itemgetter(0)
# Lines are analysed on their first characters only: a 50 MB line gets the
# same label from its first 20,000 characters, without quadratic work.
ANALYSIS_CHARS = 20_000

# A sentence ends in one of these, perhaps followed by closing quotes or brackets.
_CLOSERS = "\"'”’»)] \t"
_FULL_STOP_CHARS = frozenset(".!?。！？…")
_SENTENCE_END_CHARS = _FULL_STOP_CHARS | frozenset(":;")
_BULLET = regex.compile(r"^\s*(?:[-*•·◦▪►▸–—]|\d{1,3}[.)]|[a-z][.)])\s+")
_CURRENCY = regex.compile(
    r"\p{Sc}\s?\d|\d\s?\p{Sc}"
    r"|\d\s?(?:USD|EUR|GBP|RUB|JPY|CHF|CAD|AUD|CNY|INR|BRL|MXN|PLN|SEK|NOK|DKK|TRY|UAH|BTC|ETH)\b"
    r"|\b(?:USD|EUR|GBP|RUB|JPY|CHF|CAD|AUD|CNY|INR|BRL|MXN|PLN|SEK|NOK|DKK|TRY|UAH|BTC|ETH)\s?\d"
)
_URL = regex.compile(r"https?://|www\.|\b[\w.+-]+@[\w-]+\.\w{2,}|\b\w+\.(?:com|org|net|html?)\b")
# `_URL` without its e-mail branch, whose search is quadratic on a long run of
# "1.1.1..." before an "@" (every word start rescans the run): `_has_email` reads
# that branch in one pass instead.
_URL_NOT_EMAIL = regex.compile(r"https?://|www\.|\b\w+\.(?:com|org|net|html?)\b")
_EMAIL_DOMAIN = regex.compile(r"[\w-]+\.\w{2,}")
_EMAIL_LOCAL = regex.compile(r"[\w.+-]")
_WORD_CHAR = regex.compile(r"\w")
_SEPARATORS = regex.compile(r"\s[|•·»›/>]\s|\s[|•·»›]|\|")
# Sound gates, read off the patterns: every `_SEPARATORS` match holds one of these
# characters, every `_URL` match one of the substrings `_has_url` looks for. A set
# or substring test in C is ~30x cheaper than the search it skips.
_SEPARATOR_CHARS = frozenset("|•·»›/>")
# For an ASCII line, str.isalpha/isdigit/isupper are exactly these sets, so the
# counts come from one bytes.translate each instead of a call per character.
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_ASCII_DIGITS = b"0123456789"
_ASCII_UPPER = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _char_counts(stripped: str) -> tuple[int, int, int]:
    """Letters, digits and capitals of a line.

    >>> _char_counts("Ab 12 é"), _char_counts("AB 1")
    ((3, 2, 1), (2, 1, 2))
    """
    if stripped.isascii():
        raw = stripped.encode("ascii")
        n = len(raw)
        return (
            n - len(raw.translate(None, _ASCII_LETTERS)),
            n - len(raw.translate(None, _ASCII_DIGITS)),
            n - len(raw.translate(None, _ASCII_UPPER)),
        )
    # map() keeps the per-character loops in C
    return (
        sum(map(str.isalpha, stripped)),
        sum(map(str.isdigit, stripped)),
        sum(map(str.isupper, stripped)),
    )


def _has_url(s: str) -> bool:
    # spelt out: a chain of `in` tests is 2x cheaper than any() over a tuple
    if "@" in s and _has_email(s):
        return True
    return (
        "://" in s or "www." in s or ".com" in s or ".org" in s or ".net" in s or ".htm" in s
    ) and _URL_NOT_EMAIL.search(s) is not None


def _has_email(s: str) -> bool:
    """Whether `_URL`'s e-mail branch `\\b[\\w.+-]+@[\\w-]+\\.\\w{2,}` matches, in linear
    time: at some "@", a domain follows, and the run of `[\\w.+-]` characters before
    it holds a word character (the first one is where `\\b` lets the match start).
    Each character is read at most twice: the runs before and after an "@" end at
    the next "@".

    >>> _has_email("write to jo.smith@example.org"), _has_email("1.1.1. @x"), _has_email("@a.bc")
    (True, False, False)
    """
    at = s.find("@")
    while at >= 0:
        if _EMAIL_DOMAIN.match(s, at + 1):
            k = at - 1
            while k >= 0 and _EMAIL_LOCAL.match(s, k):
                if _WORD_CHAR.match(s, k):
                    return True
                k -= 1
        at = s.find("@", at + 1)
    return False


@dataclass(slots=True)
class LineStats:
    """Numbers about one line that several filters need."""

    chars: int
    words: int
    letters: int
    digits: int
    upper: int
    title_words: int
    stop_words: int
    punct: int
    commas: int
    indent: int
    ends_sentence: bool
    ends_full_stop: bool
    bullet: bool
    currency: bool
    url: bool
    separators: int
    vocab: str | None
    has_time: bool
    norm: str
    repeats: int = 1
    ui_words: int = 0
    """Words that occur in the widget vocabulary ("email", "print", "font", "size"...)."""

    @property
    def stop_ratio(self) -> float:
        return self.stop_words / self.words if self.words else 0.0

    @property
    def ui_ratio(self) -> float:
        """Share of the words that are widget-vocabulary words (short lines only)."""
        return self.ui_words / self.words if self.words else 0.0

    @property
    def digit_ratio(self) -> float:
        total = self.letters + self.digits
        return self.digits / total if total else 0.0

    @property
    def upper_ratio(self) -> float:
        return self.upper / self.letters if self.letters else 0.0


_EMPTY = LineStats(
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, False, False, False, False, False, 0, None, False, ""
)


def line_words(line: Line) -> list[str]:
    return WORD.findall(line.text[:ANALYSIS_CHARS])


def compute_stats(
    lines: list[Line],
    language: str,
    stop: frozenset[str] | None = None,
    vocabulary: Vocabulary | None = None,
    words_per_line: list[list[str]] | None = None,
) -> list[LineStats]:
    """One pass over the lines; `words_per_line` reuses a tokenisation done before.

    Lines of the same text get the same LineStats object (the numbers depend on the
    text alone): a page repeats its menus, buttons and signatures, and a big page
    would otherwise hold a copy per repetition. Read them, never change them.

    >>> from textclean.segment import split_lines
    >>> a, b, c = compute_stats(split_lines("Reply\\nThe cat sat.\\nReply"), "en")
    >>> a is c, a.repeats, b.repeats
    (True, 2, 1)
    """
    if stop is None:
        from .language import stopwords

        stop = stopwords(language)
    vocab = vocabulary or default_vocabulary()
    out: list[LineStats] = []
    # a line with a bullet or markup (`raw` set) is not looked up: its text alone
    # does not say what the line model reads
    same_text: dict[str, LineStats] = {}
    for i, line in enumerate(lines):
        # the line as printed, list bullet included: the line model learnt from that
        if line.raw is None:
            text = line.text[:ANALYSIS_CHARS]
            known = same_text.get(text)
            if known is not None:
                out.append(known)
                continue
        else:
            text = line.raw[:ANALYSIS_CHARS]
        stripped = text.strip()
        if not stripped:
            out.append(_EMPTY)
            continue
        words = words_per_line[i] if words_per_line is not None else WORD.findall(text)
        folded = list(map(str.casefold, words))
        tail = stripped.rstrip(_CLOSERS)[-1:]
        letters, digits, upper = _char_counts(stripped)
        punct = len(stripped) - letters - digits - stripped.count(" ")
        short = len(stripped) <= 160
        norm = normalise(stripped) if short else ""
        out.append(
            LineStats(
                chars=len(stripped),
                words=len(words),
                letters=letters,
                digits=digits,
                upper=upper,
                # map() over C callables: no Python frame per word
                title_words=sum(map(str.isupper, map(_FIRST, words))),
                stop_words=sum(map(stop.__contains__, folded)),
                punct=punct,
                commas=stripped.count(",") + stripped.count("،") + stripped.count("，"),
                indent=len(text) - len(text.lstrip()),
                ends_sentence=tail in _SENTENCE_END_CHARS,
                ends_full_stop=tail in _FULL_STOP_CHARS,
                bullet=_BULLET.match(stripped) is not None,
                currency=digits > 0 and _CURRENCY.search(stripped) is not None,
                url=_has_url(stripped),
                separators=(
                    len(_SEPARATORS.findall(stripped))
                    if short and not _SEPARATOR_CHARS.isdisjoint(stripped)
                    else 0
                ),
                vocab=vocab.match_normalised(norm) if norm else None,
                has_time=short and find_time_span(stripped) is not None,
                norm=norm,
                ui_words=sum(map(vocab.words.__contains__, folded)) if short else 0,
            )
        )
        if line.raw is None:
            same_text[text] = out[-1]
    counts = Counter(s.norm for s in out if s.norm)
    for s in out:
        if s.norm:
            s.repeats = counts[s.norm]
    return out
