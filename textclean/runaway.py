"""The safety net under the patterns: a match that runs away stops the filter that
ran it, and the pipeline records that instead of hanging.

Every pattern is written to run in linear time (possessive runs, no nested
quantifiers over the same characters; see README "Input and robustness"), and
that is the fix. This is the net under it, for a case nobody has found yet:
the regex module's `timeout=` on the patterns that read whole lines of any
length (the date patterns, the biggest of all). A timeout costs about 10 us a
call in the regex module, more than most matches take, so it is set only where
the subject is long (`LONG_TEXT`): a runaway that the pattern rules allow
(polynomial, not the exponential kind that nested quantifiers give, which
tests/test_hostile.py rules out) needs a long subject to matter.

When a match times out, the regex module raises `TimeoutError`;
`Pipeline.judge` withdraws that filter's decisions, keeps the page as the
filters before it left it, and notes which filter stopped and why (an
`InputNote` of kind "timeout"), then runs the filters after it.

>>> import regex
>>> search(regex.compile(r"\\d+"), "room 101").group()
'101'
"""

from __future__ import annotations

import regex

LONG_TEXT = 4096
"""Characters: subjects at least this long are matched with a time limit."""

TIMEOUT = 2.0
"""Seconds one match may take on a long subject (a normal one takes microseconds)."""


def search(pattern: regex.Pattern[str], text: str, pos: int = 0) -> regex.Match[str] | None:
    """`pattern.search(text, pos)`, with a time limit when `text` is long."""
    if len(text) < LONG_TEXT:
        return pattern.search(text, pos)
    return pattern.search(text, pos, timeout=TIMEOUT)


def match(pattern: regex.Pattern[str], text: str, pos: int = 0) -> regex.Match[str] | None:
    """`pattern.match(text, pos)`, with a time limit when `text` is long."""
    if len(text) < LONG_TEXT:
        return pattern.match(text, pos)
    return pattern.match(text, pos, timeout=TIMEOUT)
