"""Step 3: is a candidate run a comment section? Each veto says why not, or None.

A run of two or more headers faces `REPEATED_VETOES` in order (the first to refuse
decides); a lone header faces `_lone_header`. `accept` records a refusal on the page
(`page.refused`, with the run's first and last lines and the reason), so that a run
that was not taken can be told apart from one that was never found.

>>> from textclean.filters.comments import CommentOptions
>>> from textclean.page import Page
>>> from textclean.comments.kinds import classify
>>> from textclean.comments.sections import header_groups
>>> page = Page("Jane Doe says:\\nI liked this a lot, thanks for writing.\\n")
>>> found = classify(page, CommentOptions())
>>> run = header_groups(page, found.kinds, found.heads, CommentOptions())
>>> accept(page, found.kinds, run, CommentOptions(), "comments")
False
>>> page.refused
[Refusal(first=0, last=0, filter='comments', reason='a lone header with no section marker')]
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..page import Page, Refusal
from .chrome import _EXCERPT_END, _declared, count_allows
from .fields import _JOINERS, _time, _time_form
from .gates import _WORDS
from .kinds import BLANK, CHROME, MARKER, TEXT, Kinds
from .markers import _count_follows, _marker_before, _stop_before
from .nearby import _headline, _text_after, scored_words
from .sections import Group
from .support import (
    _comment_support,
    _reply_then_form,
    _short_reply,
    _speaks,
    _text_support,
    _toolbar_follows,
)

if TYPE_CHECKING:
    from ..filters.comments import CommentOptions


@dataclass(slots=True)
class Candidate:
    """A run under judgement, with what every veto reads of it."""

    run: list[Group]
    marker: int | None  # the section marker in front of it (see _marker_before)
    texts: list[list[int]]  # the text lines between each two groups
    filled: list[list[int]]  # ... those gaps that hold text
    names: int  # groups that name someone
    vetted: bool  # a bare-name run whose scores or signatures were checked already


Veto = Callable[[Page, Kinds, Candidate], str | None]


def accept(
    page: Page, kinds: Kinds, run: list[Group], options: CommentOptions, filter_name: str,
    vetted: bool = False,
) -> bool:
    """Whether a run is a comment section; a refusal is recorded on the page."""
    reason = refusal(page, kinds, run, options, vetted)
    if reason is None:
        return True
    page.refused.append(Refusal(run[0].first, run[-1].last, filter_name, reason))
    return False


def refusal(
    page: Page, kinds: Kinds, run: list[Group], options: CommentOptions, vetted: bool = False
) -> str | None:
    """Why a run is not a comment section, or None when it is one (`vetted`: a
    bare-name run whose scores or signatures were already checked, so it needs no
    more support)."""
    marker = _marker_before(page, kinds, run[0].first, options)
    texts = [
        [
            i
            for i in range(a.last + 1, b.first)
            if kinds[i] == TEXT and i not in (a.name_line, b.name_line)
        ]
        for a, b in itertools.pairwise(run)
    ]
    if marker is None and _stop_before(page, kinds, run[0].first):
        return "under a related-posts or sidebar heading"
    filled = [t for t in texts if t]
    names = sum(1 for g in run if g.has_name())
    candidate = Candidate(run, marker, texts, filled, names, vetted)
    if len(run) < 2:
        return _lone_header(page, kinds, candidate)
    for veto in REPEATED_VETOES:
        reason = veto(page, kinds, candidate)
        if reason is not None:
            return reason
    return None


# -- a run of two or more headers: repeated structure --------------------------
def _empty_gaps(page: Page, kinds: Kinds, c: Candidate) -> str | None:
    """Most gaps between headers hold text."""
    if len(c.filled) < max(1, 0.6 * len(c.texts)):
        return "most gaps between the headers hold no text"
    return None


def _nameless(page: Page, kinds: Kinds, c: Candidate) -> str | None:
    """Most headers name someone, or, under a count, the scorer reads what lies between
    them as comments (a widget that prints the name where no header shape reads it:
    "Name" / the text / "August 9, 2012 02:07 pm |")."""
    if c.names < 0.5 * len(c.run) and not _read_as_comments(page, c):
        return "most headers name no one"
    return None


NAMELESS_READING = 0.75
"""Three headers or more under a count ("soundoff (78 Responses)"), with text the
scorer reads as comments this much (by words), need no names."""


def _read_as_comments(page: Page, c: Candidate) -> bool:
    """Whether the scorer reads the text between the run's headers as comments."""
    if (
        len(c.run) < 3
        or c.marker is None
        or not _declared(page.lines[c.marker].text)
        or page.scores is None
        or page.comment_scores is None
    ):
        return False
    inside = [i for t in c.texts for i in t]
    if not inside:
        return False
    _, comment, words = scored_words(page, inside)
    return words > 0 and comment / words >= NAMELESS_READING


def _teasers(page: Page, kinds: Kinds, c: Candidate) -> str | None:
    """Post lists with dates and teasers are not discussions."""
    teasers = sum(1 for t in c.filled if _EXCERPT_END.search(page.lines[t[-1]].text))
    if teasers > 0.5 * len(c.filled):
        return "a post list: most texts end as teasers"
    return None


def _headlines(page: Page, kinds: Kinds, c: Candidate) -> str | None:
    """... nor are lists of "By Name | date" under headlines."""
    headlines = sum(1 for t in c.filled if all(_headline(page, i) for i in t))
    if headlines > 0.5 * len(c.filled):
        return "a post list: headlines under the headers"
    return None


def _news_feed(page: Page, kinds: Kinds, c: Candidate) -> str | None:
    """... nor are news feeds ("Source | date" over a one-line headline each)."""
    bare = sum(
        1
        for t in c.filled
        if len(t) == 1 and not page.stats[t[0]].ends_sentence and page.stats[t[0]].words >= 4
    )
    if len(c.filled) >= 4 and bare > 0.6 * len(c.filled):
        return "a news feed: one unfinished line under each header"
    return None


def _dated_list(page: Page, kinds: Kinds, c: Candidate) -> str | None:
    """... nor dated lists (tickers, schedules, "date  headline" feeds), whose other
    entries failed to read as headers only for their long titles."""
    if _dated_entries(page, kinds, c.run) >= max(2, 0.5 * len(c.run)):
        return "a dated list: the text lines are entries with a time"
    return None


def _two_widgets(page: Page, kinds: Kinds, c: Candidate) -> str | None:
    """Two headers that print their dates differently ("10/29/2012", "29/10/12") and no
    count announcing them: two widgets (a feed of network posts)."""
    if (c.marker is None or kinds[c.marker] != MARKER) and _mixed_formats(c.run):
        return "two headers print their dates differently, and no marker counts them"
    return None


def _one_author(page: Page, kinds: Kinds, c: Candidate) -> str | None:
    """One name over every header is the post's own byline repeated, not a discussion."""
    authors = {_author_key(page, g) for g in c.run} - {None}
    if c.marker is None and len(authors) == 1 and c.names >= 2:
        return "one name over every header: the post's byline"
    return None


def _silent(page: Page, kinds: Kinds, c: Candidate) -> str | None:
    """Most comments read as talk; under a comment marker, named headers may carry
    one-word comments ("hot")."""
    speaking = sum(1 for k in range(len(c.run)) if _speaks(page, kinds, c.run, k))
    if speaking < 0.5 * len(c.run) and not (c.marker is not None and c.names == len(c.run)):
        return "most headers have no talk under them"
    return None


def _unsupported(page: Page, kinds: Kinds, c: Candidate) -> str | None:
    """Without a marker a short run (an article dateline plus a schedule's "Seattle at
    Green Bay, 4:30 p.m.") needs the scorer's support too."""
    if (
        c.marker is not None
        or c.vetted
        or len(c.run) >= 6
        or (len(c.run) >= 3 and page.comment_scores is None)
        or _comment_support(page, c.run)
        or _actions_under_each(page, kinds, c.run)
    ):
        return None
    return "a short run with no marker that the scorer does not read as comments"


def _actions_under_each(page: Page, kinds: Kinds, run: list[Group]) -> bool:
    """Every comment's text closed by its action ("Reply", "Like · Reply"): the widget's
    own toolbar under each of two named comments or more."""
    if sum(1 for g in run if g.has_name()) < 2:
        return False
    for k, g in enumerate(run):
        end = len(kinds)
        if k + 1 < len(run):
            nxt = run[k + 1]
            end = min(nxt.first, nxt.name_line if nxt.name_line is not None else nxt.first)
        i = g.last + 1
        while i < end and (kinds[i] in (TEXT, BLANK) or i == g.name_line):
            i += 1
        if i >= end or kinds[i] != CHROME or page.stats[i].vocab != "comment-action":
            return False
        if not any(kinds[j] == TEXT for j in range(g.last + 1, i) if j != g.name_line):
            return False
    return True


ARTICLE_INSIDE = 0.5
"""A run whose text holds this share of the page's article (as the scorer reads it)..."""
COMMENT_READING = 0.2
"""... and that the scorer reads as comments less than this, is the article."""


def _article_inside(page: Page, kinds: Kinds, c: Candidate) -> str | None:
    """Dated headers over the article's own paragraphs (a timestamp under the
    headline, embedded posts' "— Name (@handle) date" lines) are not a discussion:
    the scorer reads most of the page's article inside the run, and not as comments."""
    scores = page.scores
    if scores is None or page.comment_scores is None:
        return None
    inside = [i for t in c.texts for i in t]
    if not inside or _outweighs_the_scorer(page, kinds, c):
        return None
    mass, comment, words = scored_words(page, inside)
    reading = comment / (words or 1)
    if reading >= COMMENT_READING or mass <= 0:
        return None
    # the run holds ARTICLE_INSIDE of the page's mass when the rest holds no more than
    # (1 / ARTICLE_INSIDE - 1) times it: the count stops as soon as the rest exceeds
    # that, so a run with little of the article costs a few lines, not the page
    limit = mass * (1 / ARTICLE_INSIDE - 1)
    taken = set(inside)
    rest = 0.0
    for i, p in enumerate(scores):
        if i not in taken:
            rest += p * page.stats[i].words
            if rest > limit:
                return None
    share = mass / (mass + rest)
    return (f"the scorer reads {share:.0%} of the page's article inside the run "
            f"and its text as comments {reading:.0%}")


HEADS_READING = 0.6
"""Header lines the scorer reads as comments this much, under a marker, are a section's."""


def _outweighs_the_scorer(page: Page, kinds: Kinds, c: Candidate) -> bool:
    """Evidence of a discussion that the scorer's reading of the text does not undo:
    many people who each "said", a count over the run that its comments match ("131
    comments" over 134 of them), a marker over headers the scorer itself reads as
    comments ("Posted by: garr | July 13"), or a bare-name run the widget signed
    (linked names, its credit line)."""
    if c.vetted or _many_speak(page, c.run):
        return True
    if c.marker is None or kinds[c.marker] != MARKER:
        return False
    declared = _declared(page.lines[c.marker].text)
    if declared and declared - declared // 10 <= len(c.run) <= count_allows(declared):
        return True  # (a count under the headline, "5 comments", over three tweets: no)
    scores = page.comment_scores
    assert scores is not None
    heads = [i for g in c.run for i in g.lines]
    return len(c.run) >= 3 and sum(scores[i] for i in heads) / len(heads) >= HEADS_READING


SPEAKERS = 4
"""This many different people each introduced by a "says" header ("Jacob said,") and
five such headers are a discussion whatever the scorer reads."""


def _many_speak(page: Page, run: list[Group]) -> bool:
    """Five "says" headers or more ("Nikos said,", "Debbie M wrote:") naming at least
    `SPEAKERS` different people: no article prints its quotes so."""
    says = [g for g in run if any(h.kind == "says" for h in g.heads.values())]
    if len(says) < 5:
        return False
    return len({_author_key(page, g) for g in says} - {None}) >= SPEAKERS


REPEATED_VETOES: tuple[Veto, ...] = (
    _empty_gaps,
    _nameless,
    _teasers,
    _headlines,
    _news_feed,
    _dated_list,
    _two_widgets,
    _one_author,
    _silent,
    _unsupported,
    _article_inside,
)


# -- a lone header ---------------------------------------------------------------
def _lone_header(page: Page, kinds: Kinds, c: Candidate) -> str | None:
    """A lone header needs a marker in front of it, a name and prose; under a count of
    exactly one comment, a short line of text will do ("1 Comment" / "Jo said:" / "ok").
    Two shapes need no marker: a score header and a header over "Reply" and the form."""
    g = c.run[0]
    if _lone_score(page, kinds, c) or _lone_before_form(page, kinds, c):
        return None
    if c.marker is None or kinds[c.marker] != MARKER:
        return "a lone header with no section marker"
    if not g.has_name():
        return "a lone header that names no one"
    if not (
        _speaks(page, kinds, c.run, 0)
        or (
            _declared(page.lines[c.marker].text) == 1
            and _short_reply(page, kinds, g) is not None
        )
    ):
        return "a lone header with no talk under it"
    if _count_follows(page, kinds, g.last):
        return "a lone header over a comment count: a post list"
    return None


def _lone_score(page: Page, kinds: Kinds, c: Candidate) -> bool:
    """A lone score header ("baroo 6 pts") with prose under it, where the scorer reads
    both as a comment (or its toolbar follows), needs no marker."""
    g = c.run[0]
    return (
        c.marker is None
        and any(h.kind == "points" for h in g.heads.values())
        and _speaks(page, kinds, c.run, 0)
        and (
            (_comment_support(page, c.run) and _text_support(page, kinds, g))
            or _toolbar_follows(kinds, g)
        )
    )


def _lone_before_form(page: Page, kinds: Kinds, c: Candidate) -> bool:
    """A lone named and timed header with no marker: its text, the comment's "Reply"
    and then the comment form, where the scorer agrees or at least does not read the
    text as the article ("Jason" / "November 12th" / the text / "Reply" / "Leave a
    Comment")."""
    g = c.run[0]
    return (
        c.marker is None
        and g.has_name()
        and g.has_time()
        and _speaks(page, kinds, c.run, 0)
        and _reply_then_form(page, kinds, g)
        and page.comment_scores is not None
        and (
            (_comment_support(page, c.run) and _text_support(page, kinds, g))
            or not _read_as_article(page, kinds, g)
        )
    )


def _read_as_article(page: Page, kinds: Kinds, g: Group) -> bool:
    """Whether the scorer reads the text under a header as the article (by words)."""
    lines = _text_after(page, kinds, g.last, 8)
    if page.scores is None or page.comment_scores is None or not lines:
        return True
    article, _, words = scored_words(page, lines)
    return words == 0 or article / words >= 0.5


# -- what the vetoes read --------------------------------------------------------
def _author_key(page: Page, g: Group) -> str | None:
    """The name a header group gives, casefolded, for telling commenters apart."""
    if g.name_line is not None:
        return page.lines[g.name_line].text.strip().casefold()
    for i in sorted(g.lines):
        h = g.heads[i]
        if h.name:
            return page.lines[i].text[h.name[0] : h.name[1]].casefold()
    return None


def _mixed_formats(run: list[Group]) -> bool:
    """Whether the two groups of a two-header run give absolute times in different
    formats (letters, short numbers and years compared, not their values)."""
    if len(run) != 2:
        return False
    forms = []
    for g in run:
        stamps = [h.time.stamp for h in g.heads.values() if h.time]
        if not stamps or any(st.relative for st in stamps):
            return False
        forms.append(" ".join(_time_form(st.raw) for st in stamps))
    return forms[0] != forms[1]


def _dated_entries(page: Page, kinds: Kinds, run: list[Group]) -> int:
    """Text lines inside the run that are list entries with a time: the time at one
    edge, a title of three words or more at the other, no sentence end. Entries that
    repeat one template ("Response to X, date", "date Reply 0 Flag") are chrome."""
    heads = {g.name_line for g in run} | {i for g in run for i in g.lines}
    rests: list[list[str]] = []
    for i in range(run[0].first, run[-1].last + 1):
        s = page.stats[i]
        if kinds[i] != TEXT or i in heads or s.ends_sentence or s.words < 4 or s.words > 30:
            continue
        text = page.lines[i].text.strip()
        t = _time(text)
        if t is None:
            continue
        rest = (text[: t.start] + " " + text[t.end :]).strip(_JOINERS)
        words = _WORDS.findall(rest.casefold())
        if len(words) < 3:
            continue
        # the time must sit at an edge: before it or after it only digits and joiners
        if any(ch.isalpha() for ch in text[: t.start]) and any(
            ch.isalpha() for ch in text[t.end :]
        ):
            continue
        rests.append(words)
    if not rests:
        return 0
    common = Counter(w[0] for w in rests).most_common(1)[0][1]
    return 0 if len(rests) >= 3 and common > 0.5 * len(rests) else len(rests)
