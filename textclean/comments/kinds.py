"""Step 1: what each line is (its `Kind`), decided once for the page.

`classify(page, options)` gives every line a kind: a header (its `Header` kept),
chrome ("Reply", vote counts, "Sort by"), a section marker ("2 Comments"), the
comment form ("Leave a Reply"), a stop (footer, related posts, sidebars), a
trackback, text or blank. Three passes then amend kinds from their neighbours, in
this order: reply toggles under a toolbar, toolbars repeated under every comment,
and the lines under a trackback header. After `classify` the kinds are a tuple:
no later step changes them.

>>> from textclean.filters.comments import CommentOptions
>>> from textclean.page import Page
>>> page = Page("2 Comments\\nJane Doe says:\\nGreat read, thanks.\\nReply\\n")
>>> [Kind(k).name for k in classify(page, CommentOptions()).kinds]
['MARKER', 'HEAD', 'TEXT', 'CHROME']
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING

from ..features import LineStats
from ..page import Page
from .chrome import (
    _ASK_COUNT,
    _CHROME,
    _CLOSED,
    _COUNT_HEADER,
    _COUNT_LEAD,
    _ELLIPSIS_END,
    _FORM_HEADER,
    _FORM_LINE,
    _LEVEL,
    _LIKE_COUNT,
    _NOTE,
    _REPLY_TOGGLE,
    _STARS,
    _STOP,
    _VOTES,
    _badge,
    _declared,
    _is_action,
    _reply_target,
)
from .gates import (
    _BADGE_GATE,
    _CHROME_GATE,
    _DIGIT,
    _FORM_LINE_FIRST,
    _POSTED_BY_FIRST,
    _REPLY_GATE,
    _STAR_CHARS,
    _WORDS,
    _any_between,
    _RangeMean,
    _say_gate,
)
from .shapes import HEADER_READERS, Header, _points_header, _signature, parse_header

if TYPE_CHECKING:
    from ..filters.comments import CommentOptions


class Kind(IntEnum):
    """What a line is to the comment filter."""

    TEXT = 0  # prose: a comment's words, or the page's
    HEAD = 1  # a comment header (its Header in Classified.heads)
    CHROME = 3  # toolbars, votes, badges, reply chrome
    MARKER = 4  # "2 Comments", "Comments": announces the section
    FORM = 5  # "Leave a Reply": invites a comment
    STOP = 6  # footer, related posts, sidebars: ends the section
    TRACK = 7  # a trackback (or pingback), or a line under one
    BLANK = 8


# The kinds as plain ints, as the lists hold them: the interpreter compares exact ints
# faster than an IntEnum's members, and the kinds are compared many times per line.
TEXT, HEAD, CHROME, MARKER, FORM, STOP, TRACK, BLANK = (
    int(k)
    for k in (Kind.TEXT, Kind.HEAD, Kind.CHROME, Kind.MARKER, Kind.FORM, Kind.STOP, Kind.TRACK,
              Kind.BLANK)
)
# The kinds of a page's lines, by line: a tuple once classified (see build.py for the
# one copy that is amended).
Kinds = Sequence[int]
_MAX_SHAPE_CHARS = 2000


@dataclass(frozen=True, slots=True)
class Classified:
    """The kinds of a page's lines, the headers read, the trackback lines in order,
    and those of them that became trackbacks for standing under a trackback header."""

    kinds: tuple[int, ...]
    heads: dict[int, Header]
    trackbacks: tuple[int, ...]
    under_trackback: frozenset[int]


def classify(page: Page, options: CommentOptions) -> Classified:
    """Every line's kind (from its vocabulary category, else from its shape), then the
    passes that amend kinds, in order."""
    heads: dict[int, Header] = {}
    kinds: list[int] = []
    stats = page.stats
    for i, line in enumerate(page.lines):
        if line.blank:
            kinds.append(BLANK)
            continue
        text = line.text
        if len(text) > _MAX_SHAPE_CHARS:
            # headers, markers and chrome are short; a huge line is text (and the
            # shape patterns below would each scan all of it)
            kinds.append(TEXT)
            continue
        s = stats[i]
        vocab = s.vocab
        if vocab == "comment-header":
            if _FORM_HEADER.match(s.norm):
                kinds.append(FORM)
            else:
                kinds.append(STOP if _declared(text) == 0 else MARKER)
            continue
        if vocab == "trackback":
            kinds.append(TRACK)
            continue
        if vocab in _STOP:
            kinds.append(STOP)
            continue
        # Each pattern below runs only when its gate (see gates.py) passes.
        if vocab in ("comment-chrome", "comment-action", "widget:share") or (
            s.words <= 12 and "ed this" in text and _NOTE.search(text)
        ):
            kinds.append(CHROME)
            continue
        digit = _DIGIT.search(text) is not None
        folded = text.casefold()
        fold = folded.replace("\u0307", "") if "\u0307" in folded else folded
        # the words of the casefolded line (_is_action's) and of its fold (_say_gate's);
        # casefolding keeps every character in or out of a word as it was
        words = _WORDS.findall(folded) if len(text) <= 400 else None
        kind = _widget_kind(text, s, digit, fold, words, options)
        if kind is None:
            head = _header(text, s, vocab, fold, words if fold is folded else None, options)
            if head is not None:
                heads[i] = head
            kind = TEXT if head is None else HEAD
        kinds.append(kind)
    _reply_toggles(page, kinds)
    _repeated_toolbars(page, kinds)
    tracks, under = _trackback_bodies(page, kinds, heads)
    return Classified(tuple(kinds), heads, tracks, under)


def _widget_kind(
    text: str, s: LineStats, digit: bool, fold: str, words: list[str] | None,
    options: CommentOptions,
) -> int | None:
    """A count (MARKER, or STOP for "0 comments"), the form's heading (FORM), or chrome:
    a closed note, a vote count, a toolbar, a "level N", stars, a like count, reply
    chrome ("Replying to Teresa M.") or a badge. None for anything else."""
    if (
        not s.has_time
        and s.words <= 30
        and (digit or "one" in fold or "single" in fold)
        and ((s.words <= 6 and _COUNT_HEADER.search(text)) or _COUNT_LEAD.match(text))
    ):
        # "0 comments" announces that there is no discussion to find
        return STOP if _declared(text) == 0 else MARKER
    if s.words <= 6 and s.norm[:1] in _FORM_LINE_FIRST and _FORM_LINE.match(s.norm):
        return FORM
    if s.words <= 12 and (
        "closed" in fold or "disabled" in fold or "turned off" in fold
    ) and _CLOSED.search(text):
        return CHROME  # a moderator's note may stand among the comments
    if (
        (digit and (_VOTES.match(text) or ("?" in text and _ASK_COUNT.match(text))))
        or _is_action(text, words)
    ):
        return CHROME
    if s.words <= 10 and (
        (
            digit
            and (_LEVEL.match(text) or _STARS.match(text) or _LIKE_COUNT.match(text))
        )
        or (not _STAR_CHARS.isdisjoint(text) and _STARS.match(text))
        or (
            _CHROME_GATE.search(fold) is not None
            and (
                (
                    _REPLY_GATE.search(fold) is not None
                    and _reply_target(text, options) is not None
                )
                or (_BADGE_GATE.search(fold) is not None and _badge(text))
            )
        )
    ):
        return CHROME
    return None


def _header(
    text: str, s: LineStats, vocab: str | None, fold: str, fold_words: list[str] | None,
    options: CommentOptions,
) -> Header | None:
    """The header a line reads as: a name with points, a signature, or `parse_header`."""
    # The feature pass already looked for times: a short line with no digit and no
    # time can only be a "says" header, so skip the date patterns for it.
    timeless = s.chars <= 160 and not s.digits and not s.has_time
    points = None
    if s.digits and not s.has_time:
        if "pts" in fold or "point" in fold:
            points = _points_header(text, options)
    elif (
        not s.has_time
        and s.words <= 10
        and text.lstrip()[:1].casefold() in _POSTED_BY_FIRST
    ):
        points = _signature(text, options)
    if points is not None:
        return points
    if (vocab is not None and vocab not in _CHROME) or s.chars > 200:
        return None  # a UI label, or longer than parse_header's own limit
    if (
        timeless
        and not HEADER_READERS  # an added shape may need neither a time nor a verb
        and "reblogged" not in text
        and not _say_gate(text, fold, fold_words)
    ):
        return None
    return parse_header(text, options)


def _reply_toggles(page: Page, kinds: list[int]) -> None:
    """"14 replies" right under a comment's toolbar ("Reply", its vote count), with a
    header above that, is the toggle of the comment's replies: chrome, not a marker
    (which would cut the section there and take 14 as the page's count)."""
    last_head = -1
    for i, kind in enumerate(kinds):
        if kind == HEAD:
            last_head = i
            continue
        if kind != MARKER or last_head < 0 or i - last_head > 30:
            continue
        if page.stats[i].words > 6 or not _REPLY_TOGGLE.match(page.lines[i].text):
            continue
        prev = i - 1
        while prev >= 0 and kinds[prev] == BLANK:
            prev -= 1
        if prev >= 0 and kinds[prev] == CHROME and page.stats[prev].vocab != "widget:share":
            kinds[i] = CHROME


def _repeated_toolbars(page: Page, kinds: list[int]) -> None:
    """A short line printed again under every comment ("Responses (0)", "Close",
    "Share this") is the comment's toolbar, not the end of the section: it is chrome
    when it recurs three times or more with a header between each two copies."""
    where: dict[str, list[int]] = {}
    for i, kind in enumerate(kinds):
        s = page.stats[i]
        if (
            kind in (STOP, TEXT, MARKER)
            and s.repeats >= 3
            and s.words <= 4
            # "Loading comments…": an ellipsis ends no sentence
            and (not s.ends_sentence or _ELLIPSIS_END.search(page.lines[i].text))
            and s.vocab not in ("footer", "related", "tags")
        ):
            where.setdefault(s.norm, []).append(i)
    if not where:
        return
    head_lines = [i for i, k in enumerate(kinds) if k == HEAD]
    if len(head_lines) < 2:
        return
    scores = page.comment_scores
    # running sums of the headers' scores: a group's mean without a pass over the
    # headers inside it (that pass, per repeated line, was quadratic on big pages)
    mean_at_least = _RangeMean([scores[h] for h in head_lines]) if scores is not None else None
    for lines in where.values():
        if len(lines) < 3:
            continue
        # a header strictly between two copies: one binary search per pair, not a scan
        between = sum(
            1 for a, b in itertools.pairwise(lines) if _any_between(head_lines, a, b)
        )
        if between < len(lines) - 1:
            continue  # the checks below read the headers between: only when needed
        # "Responses (2)" in a toolbar vs "27 comments" under each post of a list:
        # a counted line is chrome only among other chrome.
        counted = any(_declared(page.lines[i].text) for i in lines)
        if counted and not all(_by_chrome(kinds, i) for i in lines):
            continue
        # Section labels between post-list entries repeat too ("News"): where the
        # scorer ran, the headers between the copies must read as comments.
        # (a copy with chrome on both sides sits inside a toolbar: no label of a list)
        lo = bisect.bisect_right(head_lines, lines[0])
        hi = bisect.bisect_left(head_lines, lines[-1])
        if (
            mean_at_least is not None
            and (hi <= lo or not mean_at_least(lo, hi, 0.5))
            and not all(_inside_chrome(kinds, i) for i in lines)
        ):
            continue
        for i in lines:
            kinds[i] = CHROME


def _chrome_beside(kinds: Kinds, line: int) -> tuple[bool, bool]:
    """Whether the nearest non-blank line before `line`, and the one after it, are chrome."""
    sides = []
    for step in (-1, 1):
        i = line + step
        while 0 <= i < len(kinds) and kinds[i] == BLANK:
            i += step
        sides.append(0 <= i < len(kinds) and kinds[i] == CHROME)
    return sides[0], sides[1]


def _inside_chrome(kinds: Kinds, line: int) -> bool:
    """Whether the nearest non-blank lines before and after `line` are both chrome."""
    return all(_chrome_beside(kinds, line))


def _by_chrome(kinds: Kinds, line: int) -> bool:
    """Whether the nearest non-blank line before or after `line` is chrome."""
    return any(_chrome_beside(kinds, line))


def _trackback_bodies(
    page: Page, kinds: list[int], heads: dict[int, Header]
) -> tuple[tuple[int, ...], frozenset[int]]:
    """Lines under a trackback header, up to the next marker or header, are trackbacks:
    they become TRACK. Returns every trackback line in order, and those under a header
    (the filter removes them all, see build.remove_trackbacks)."""
    tracks: list[int] = []
    under: list[int] = []
    inside = False
    for i, kind in enumerate(kinds):
        if kind == BLANK:
            continue
        if kind == TRACK:
            inside = True
            tracks.append(i)
            continue
        if not inside:
            continue
        # "Anton says:" after a pingback is the next comment; a bare date or
        # "Site | date" is the trackback's own line
        if (
            kind in (MARKER, FORM, STOP)
            or page.stats[i].words > 60
            or (kind == HEAD and heads[i].kind in ("says", "by"))
        ):
            inside = False
            continue
        tracks.append(i)
        under.append(i)
        kinds[i] = TRACK
    return tuple(tracks), frozenset(under)
