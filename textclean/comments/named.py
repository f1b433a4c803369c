"""Runs of bare-name headers ("JJ345" over the text, "http://site Name"), tried when
no run of timed or "says" headers made a section.

A bare name is no header on its own; a run of them is trusted only under a section
marker that counts its comments (and not many more than the count: counts go stale,
`named_run`), under a marker or the comment form that does not count them when three
people or more speak (`named_run` too), or with no marker when the content scorer
calls the stretch comments, the widget signs it, or someone comes back to answer
(`scored_named_run`).

>>> from textclean.filters.comments import CommentOptions
>>> from textclean.page import Page
>>> from textclean.comments.kinds import classify
>>> page = Page("2 Comments\\nJJ345\\nI liked this a lot, thanks for writing.\\n"
...             "Pat Kim\\nMe too, it was a very good read.\\n")
>>> kinds = classify(page, CommentOptions()).kinds
>>> [g.lines for g in named_run(page, kinds, CommentOptions())]
[[1], [3]]
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from ..page import Page
from .chrome import _FORM_HEADER, _declared, count_allows
from .fields import _URL_NAME
from .kinds import FORM, HEAD, MARKER, STOP, TEXT, TRACK, Kinds
from .markers import _post_list
from .nearby import (
    _bare_name,
    _headline,
    _name_line,
    _next_content,
    _prose,
    person_like,
    scored_words,
)
from .sections import Group
from .shapes import Header

if TYPE_CHECKING:
    from ..filters.comments import CommentOptions

_T = TypeVar("_T")


def _known(
    known: dict[int, _T], page: Page, j: int, max_words: int,
    test: Callable[[Page, int, int], _T],
) -> _T:
    """`test(page, j, max_words)`, once per line (a line is asked again as the next
    line of the one before it)."""
    if j not in known:
        known[j] = test(page, j, max_words)
    return known[j]


def named_run(page: Page, kinds: Kinds, options: CommentOptions) -> list[Group]:
    """Headers that are a bare name ("JJ345" then the text), as some widgets print
    them: trusted only right under a section marker that counts its comments (and
    never many more of them than the count says), or right under a marker or the
    comment form that does not count them ("Comments", "Post a Comment") when three
    different people or more speak."""
    if _post_list(page, kinds):
        return []
    known: dict[int, bool] = {}  # line -> _name_line
    openers = [i for i, k in enumerate(kinds) if k in (MARKER, FORM)]
    counts = {m: _declared(page.lines[m].text) if kinds[m] == MARKER else None for m in openers}
    # counted markers first: an uncounted one may be the form closing the section
    for m in reversed([m for m in openers if counts[m]]):
        run = _names_after(page, kinds, m, known, options, options.max_gap_lines)
        if run and len(run) <= count_allows(counts[m] or 0):
            return run
    for m in reversed([m for m in openers if counts[m] is None]):
        found = _names_after(page, kinds, m, known, options, options.marker_reach)
        # a salutation ("Dear Governor,") or a subheading is the text's, not a header
        run = [g for g in found if person_like(page, g.first)]
        if (
            len(run) >= 3
            and len(run) >= _PERSON_SHARE * len(found)
            and len(_names(page, run)) >= 3
            and _talk_under(page, kinds, run)
        ):
            return run
    return []


_PERSON_SHARE = 2 / 3
"""The share of a bare-name run's names that must read as people, with no count."""


def _talk_under(page: Page, kinds: Kinds, run: list[Group]) -> bool:
    """Under most headers of a bare-name run, prose that the scorer (where it ran) reads
    as content: a sidebar's "Blog name / its latest post" pairs are neither."""
    gaps = [
        [i for i in range(a.last + 1, b.first) if kinds[i] == TEXT]
        for a, b in itertools.pairwise(run)
    ]
    talking = sum(1 for t in gaps if t and _prose(page, t) and not all(
        _headline(page, i) for i in t))
    if talking < _TALKING_SHARE * len(gaps):
        return False
    if page.scores is None or page.comment_scores is None:
        return True
    article, comment, words = scored_words(page, [i for t in gaps for i in t])
    return words > 0 and (article + comment) / words >= 0.5


_TALKING_SHARE = 2 / 3
"""The share of a bare-name run's gaps that must hold prose, with no marker to count it."""


def _names_after(
    page: Page, kinds: Kinds, m: int, known: dict[int, bool], options: CommentOptions,
    reach: int,
) -> list[Group]:
    """The bare-name headers after line `m`, up to the next widget line or header; the
    first within `reach` lines, and no more than `options.max_gap_lines` quiet lines
    between two."""
    words = options.max_author_words
    run: list[Group] = []
    quiet = 0
    for i in range(m + 1, len(kinds)):
        kind = kinds[i]
        if kind in (STOP, FORM, MARKER, HEAD):
            break
        if kind != TEXT:
            continue
        nxt = _next_content(kinds, i)
        if (
            _known(known, page, i, words, _name_line)
            and nxt is not None
            and kinds[nxt] == TEXT
            and not _known(known, page, nxt, words, _name_line)
            and (page.stats[nxt].words >= 4 or page.stats[nxt].ends_sentence)
        ):
            text = page.lines[i].text
            stripped = text.strip()
            a = text.index(stripped)
            run.append(Group([i], {i: Header("name", name=(a, a + len(stripped)))}))
            quiet = 0
        else:
            quiet += 1
            if quiet > (reach if not run else options.max_gap_lines):
                break
    return run


def _name_keys(page: Page, run: list[Group]) -> list[str]:
    """The name each header of a bare-name run gives, casefolded."""
    return [page.lines[g.first].text.strip().casefold() for g in run]


def _names(page: Page, run: list[Group]) -> set[str]:
    """The different names a bare-name run gives, casefolded."""
    return set(_name_keys(page, run))


def scored_named_run(page: Page, kinds: Kinds, options: CommentOptions) -> list[Group]:
    """Bare-name headers with no marker (Disqus-style "Name" or "http://site Name",
    then the text): trusted only when at least three of them repeat with prose
    under each, and the content scorer calls the whole stretch comments."""
    scores = page.comment_scores
    if scores is None:
        return []
    best: list[Group] = []
    run: list[Group] = []
    quiet = 0
    known: dict[int, tuple[int, int] | None] = {}  # line -> _bare_name
    words = options.max_author_words
    for i, kind in enumerate(kinds):
        if kind in (STOP, FORM, MARKER, HEAD, TRACK):
            best = _better(page, kinds, run, best, i)
            run, quiet = [], 0
            continue
        if kind != TEXT:
            continue
        name = _known(known, page, i, words, _bare_name)
        nxt = _next_content(kinds, i) if name is not None else None
        if (
            name is not None
            and nxt is not None
            and kinds[nxt] == TEXT
            and _known(known, page, nxt, words, _bare_name) is None
            and (page.stats[nxt].words >= 4 or page.stats[nxt].ends_sentence)
        ):
            run.append(Group([i], {i: Header("name", name=name)}))
            quiet = 0
        elif run:
            quiet += 1
            if quiet > min(12, options.max_gap_lines):
                best = _better(page, kinds, run, best)
                run, quiet = [], 0
    return _better(page, kinds, run, best)


def _better(
    page: Page, kinds: Kinds, run: list[Group], best: list[Group], closer: int | None = None
) -> list[Group]:
    """A closed bare-name run (`closer`: the line that closed it) when it beats the
    best so far: longer, and scored or signed as comments."""
    if len(run) <= len(best) or len(run) < 2:
        return best
    if (
        (len(run) >= 3 and _scored(page, kinds, run))
        or _signed_run(page, kinds, run, closer)
    ):
        return list(run)
    return best


def _comes_back(page: Page, run: list[Group]) -> bool:
    """Someone comes back under another's comment to answer: three people or more, and
    the same name heads two comments that are not neighbours."""
    keys = _name_keys(page, run)
    if len(set(keys)) < 3:
        return False
    last: dict[str, int] = {}
    for k, key in enumerate(keys):
        if key in last and k - last[key] >= 2:
            return True
        last[key] = k
    return False


def _prose_under(page: Page, kinds: Kinds, run: list[Group]) -> bool:
    """Prose under the headers, and few headlines among it."""
    body = [
        i
        for k, g in enumerate(run)
        for i in range(g.last + 1, run[k + 1].first if k + 1 < len(run) else g.last + 2)
        if i < len(kinds) and kinds[i] == TEXT
    ]
    if not body or not _prose(page, body):
        return False
    return sum(1 for i in body if _headline(page, i)) <= 0.3 * len(body)


def _signed_run(page: Page, kinds: Kinds, run: list[Group], closer: int | None) -> bool:
    """Bare-name comments the widget signs: three or more names printed with the
    commenter's link ("http://site Name"; fewer when someone comes back to answer), or
    a run that the widget's own credit line
    closes at once ("comments powered by X": a section marker that neither counts nor
    invites). Two different names at least, and prose under the headers."""
    heads = [g.first for g in run]
    if len(_names(page, run)) < 2:
        return False
    if not _prose_under(page, kinds, run):
        return False  # (headlines under bylines: a list of posts)
    linked = sum(1 for h in heads if _URL_NAME.fullmatch(page.lines[h].text.strip()))
    if linked >= 3 and (linked >= _LINKED_SHARE * len(heads) or _comes_back(page, run)):
        return True
    if closer is None or kinds[closer] != MARKER:
        return False
    if not all(person_like(page, h) for h in heads):
        return False
    if page.scores is not None and page.comment_scores is not None:
        body = [i for a, b in itertools.pairwise(run) for i in range(a.last + 1, b.first)
                if kinds[i] == TEXT]
        article, _, words = scored_words(page, body)
        if words and article / words >= 0.5:
            return False  # the article's subheadings over a "Discuss this" line
    # a credit line ("blog comments powered by X"), not a heading ("Comments") that
    # opens the next section
    if (
        page.stats[closer].words < 3
        or _declared(page.lines[closer].text) is not None
        or _FORM_HEADER.match(page.stats[closer].norm)
    ):
        return False
    # the credit line follows the last comment's text directly
    last = run[-1].last
    nxt = _next_content(kinds, last)
    while nxt is not None and nxt < closer and kinds[nxt] == TEXT:
        nxt = _next_content(kinds, nxt)
    return nxt == closer and closer - last <= 12


_LINKED_SHARE = 0.4
"""Names printed with the commenter's link: this share of the run's headers at least
(the others are commenters without a profile link)."""


def _scored(page: Page, kinds: Kinds, run: list[Group]) -> bool:
    """The scorer's view of a bare-name run: names and text both read as comments."""
    scores = page.comment_scores
    assert scores is not None
    heads = [g.first for g in run]
    body = [
        i
        for a, b in itertools.pairwise(run)
        for i in range(a.last + 1, b.first)
        if kinds[i] == TEXT
    ]
    if not body:
        return False
    names = {page.lines[h].text.strip().casefold() for h in heads}
    return (
        len(names) >= 2
        and sum(scores[i] for i in heads) / len(heads) >= 0.6
        and sum(scores[i] for i in body) / len(body) >= 0.7
    )
