"""Cheap sound gates: tests that answer like a costlier one wherever they answer.

Each gate is a necessary condition of a pattern, read off the pattern: when it fails
the pattern cannot match, so the pattern is not run (the results are the same; the
work is not). Substring gates look in `_fold(text)`: `regex` matches a letter under
IGNORECASE only to characters of the same full case fold, except "İ" for "i" (whose
fold "i̇" carries U+0307, removed), so a match's letters are a substring of the fold.

The pieces each gate looks for are spelt out at its pattern's call (`in` tests, in
that order, cost less than a loop): "12 comments", "One Response to" (_COUNT_HEADER,
_COUNT_LEAD) need a digit, "one" or "a single"; _CLOSED needs "closed", "disabled" or
"turned off". Two arithmetic shortcuts of the same kind live here too: `_RangeMean`
(a mean by running sums) and `_any_between` (a binary search for a scan).
"""

from __future__ import annotations

import bisect
import itertools

import regex

from .. import lexicon
from ..dates import _MONTH_ALT, _MONTH_WORDS, _RELATIVE_TRIGGERS
from .words import _SAY_VERBS

_DIGIT = regex.compile(r"\d")  # `\d` of regex, not str.isdigit: they differ
_WORDS = regex.compile(r"\w+")


def _fold(text: str) -> str:
    """The full case fold without U+0307 (see the module docstring).

    >>> _fold("İSTANBUL Straße")
    'istanbul strasse'
    """
    return text.casefold().replace("\u0307", "")


# _FORM_LINE's first letters (its input is normalised, so casefolded).
_FORM_LINE_FIRST = frozenset("lpawsmLPAWSMſ")
_STAR_CHARS = frozenset("★☆✩✪✭✮⭐")
# A piece of every phrase of _REPLY_PHRASE ("repl", "respo", "respu", "rispo", "réponse",
# "antwo", "reactie", "ответ"), _BADGE_WORD's words (a badge line needs one of "top",
# "most", "verified", "moderator", "admin", "work", "studie"), _NAME_POINTS's units
# ("pts", "point"): spelt out below.
# a piece of every reply phrase and badge word, from the lexicon (see its gate_alternation)
_REPLY_GATE = regex.compile(lexicon.gate_alternation("reply_phrases"))
_BADGE_GATE = regex.compile(lexicon.gate_alternation("badge_words"))
_CHROME_GATE = regex.compile(
    lexicon.gate_alternation("reply_phrases") + "|" + lexicon.gate_alternation("badge_words")
)  # either of the two: one search for the many lines with neither
# First letters (casefolded) of _POSTED_BY's opening words.
_POSTED_BY_FIRST = lexicon.first_letters("posted_by_labels", "posted_by_words")
_SPLIT_GATE = regex.compile(r"[·•|]|\s\s")  # in every match of _TOOLBAR_SPLIT
_SAY_GATE = regex.compile(rf"(?<!\w)(?:{_SAY_VERBS})(?!\w)", regex.IGNORECASE)
# _SAY_GATE's verbs as whole words (the gate needs one of these words on the line).
_SAY_WORDS = lexicon.gate_words("say_verbs")


def _say_gate(text: str, fold: str | None = None, words: list[str] | None = None) -> bool:
    """`_SAY_GATE.search(text) is not None`, without the search on most lines: the verb
    stands between non-word characters, so it is a word of the line's fold (no
    character outside a word folds to a word character, none inside folds to one
    outside).

    >>> _say_gate("Jane Doe says:"), _say_gate("Jane Doe sayso")
    (True, False)
    """
    if words is None:
        words = _WORDS.findall(_fold(text) if fold is None else fold)
    if _SAY_WORDS.isdisjoint(words):
        return False
    return _SAY_GATE.search(text) is not None


# Where a loose time search can find something (see _timeless), in the line's fold: a
# numeric date ("06/24"), a clock time ("5:46", "5.46", "18 h 42", "5H00") or a colon.
_TIME_SHAPE = regex.compile(r"\d[./-]\d|:|\d\s?h\s?\d")
# ... and a month with a number beside it ("July 21", "21 July", "5. märz", "5 de marzo").
_MONTH_DATE = regex.compile(
    rf"(?:{_MONTH_ALT})\.?\s+\d|\d(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?(?:{_MONTH_ALT})"
)


def _timeless(text: str) -> bool:
    """True only where `find_time_span(text, loose=True)` is None, tested in a fraction of
    its time (most lines with a digit have no time). Every time it finds needs one of:
    a relative word ("ago", "today"; looked for as `find_time_span` does), a numeric
    date or a clock time (_TIME_SHAPE), or a month name standing as a word of its own
    with a number beside it (_MONTH_DATE; a month glued to what follows, "Nov5:00" or
    "Novat 5.00", only comes with a clock time). Its patterns fold case fully, as
    `_fold` does, so their letters are in the fold. The words are dates._MONTH_WORDS,
    dates._RELATIVE_TRIGGERS and dates._MONTH_ALT, the ones `find_time_span` reads;
    tests/test_hostile.py checks this gate against it.

    >>> _timeless("Jane Doe"), _timeless("July 21, 2012"), _timeless("3 hours ago")
    (True, False, False)
    """
    fold = _fold(text)
    if _TIME_SHAPE.search(fold):
        return False
    if not _RELATIVE_TRIGGERS.isdisjoint(_WORDS.findall(text.casefold())):
        return False
    if _MONTH_WORDS.isdisjoint(_WORDS.findall(fold)):
        return True
    return _MONTH_DATE.search(fold) is None


class _RangeMean:
    """Whether the mean of `values[lo:hi]` is at least a threshold, as
    `sum(values[lo:hi]) / (hi - lo) >= threshold` says, in O(1) for most ranges.

    The difference of two running sums differs from the left-to-right sum of the
    range by rounding only: for non-negative values each is within (n + 2) units
    in the last place of the total (Higham's bound), so where the difference is
    farther than that from the threshold both answer alike; within it, the range
    is summed as before.

    >>> at_least = _RangeMean([0.2, 0.9, 0.4, 0.1])
    >>> at_least(1, 3, 0.5), at_least(0, 4, 0.5), at_least(0, 2, 0.55)
    (True, False, True)
    """

    def __init__(self, values: list[float]) -> None:
        self.values = values
        self.prefix = list(itertools.accumulate(values, initial=0.0))
        self._ulps = (len(values) + 2) * 2.0**-52  # generous: twice the unit roundoff

    def __call__(self, lo: int, hi: int, threshold: float) -> bool:
        n = hi - lo
        estimate = self.prefix[hi] - self.prefix[lo]
        margin = 4 * self._ulps * (self.prefix[hi] + 1.0) + n * 2.0**-50
        if estimate - threshold * n > margin:
            return True
        if threshold * n - estimate > margin:
            return False
        return not sum(self.values[lo:hi]) / n < threshold


def _any_between(sorted_lines: list[int], a: int, b: int) -> bool:
    """Whether some line of `sorted_lines` lies strictly between a and b (a < b).

    >>> _any_between([2, 9], 3, 9), _any_between([2, 9], 2, 10)
    (False, True)
    """
    k = bisect.bisect_right(sorted_lines, a)
    return k < len(sorted_lines) and sorted_lines[k] < b
