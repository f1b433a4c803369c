"""The title: the headline-shaped line closest above the body, its deck, and the
other copies of it.

The search goes up from where the prose starts (`prose_start`), over about
`title_window` text lines (share bars, menus and one-word labels count a
quarter, lines inside a list of links a half). Lines that are never a headline
are passed over (`_ruled_out`, `_no_headline`); the others are scored by the
signals of `textclean.metadata.signals`: a headline sits above its byline and
date, is repeated (the browser title), announces the story (its words recur in
the first paragraphs), and stands alone, not in a list of other stories.

Of several copies of the best line, the one nearest the body is the headline; a
shorter headline-shaped line right above it may be the headline and it the deck.
The line under the headline may be the deck (`textclean.metadata.deck`); the
other copies are removed as repeats.

>>> from textclean.filters.metadata import MetadataOptions
>>> text = ("Home\\nCouncil votes to rebuild the ferry pier\\nBy Jane Doe\\n"
...         + "The council voted to rebuild the ferry pier before the summer.\\n" * 2)
>>> page = Page(text)
>>> for i in (3, 4): _ = page.decide(i, Label.ARTICLE, "test", "body")
>>> choose_title(page, page.nonblank(), 3, [3, 4], MetadataOptions(), "metadata")
>>> [(m.role, m.value, m.reason) for m in page.meta]  # doctest: +NORMALIZE_WHITESPACE
[('title', 'Council votes to rebuild the ferry pier',
  'headline-shaped line above the body, right above the byline or date,
   its words recur in the first paragraphs')]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..confidence import SURE
from ..language import stopwords
from ..page import Label, Page
from .deck import claim_deck
from .lines import BYLINE_START, FIELD, ROLE_LINE, SCORE_LINE
from .prose import prose_start
from .scope import claim, claimable, set_aside
from .shapes import (
    CELL_GAP,
    MORE_LINK,
    dateline,
    headline_shaped,
    in_short_run,
    list_header,
    list_item,
    meta_line,
    title_cased,
    topic_words,
    wrapped,
)
from .signals import Candidate, WeightedSignals, title_score, weigh

if TYPE_CHECKING:
    from ..filters.metadata import MetadataOptions

TitleTrace = list[tuple[int, float, list[str]]]
"""Title candidates as scored: (line, score rounded to 2 places, reasons)."""

# How a line counts in the search window: share bars, menus and one-word labels
# between the headline and the body count a quarter, a list of links half.
_LIGHT_LINE = 0.25
_LIST_LINE = 0.5
_TEXT_LINE = 1.0
# UI labels that are never the title, however often they repeat.
_NEVER_TITLES = ("comment", "widget", "pagination", "print", "footer", "tags", "trackback")
# How sure metadata is that another copy of the title is a repeat.
_REPEAT_CONFIDENCE = SURE


@dataclass(slots=True)
class _Window:
    """The stretch of the page searched for the title, and what is known of it."""

    page: Page
    nonblank: list[int]
    first: int
    """The non-blank position the search goes up from."""
    prose: int
    """Where the prose starts (at or above `first`)."""
    lo: int
    """The topmost position searched."""
    distance: dict[int, float]
    heads: list[str]
    """The page's first three lines, normalised: the browser title is among them."""
    stop: frozenset[str]
    lead: list[tuple[int, set[str]]]
    """The first paragraphs' positions and topic words."""


def choose_title(
    page: Page,
    nonblank: list[int],
    first: int,
    body: list[int],
    options: MetadataOptions,
    by: str,
    trace: TitleTrace | None = None,
) -> None:
    """Claim the title for filter `by` above the body (`first`: the non-blank
    position of its first line; `body`: its lines), then its deck, and remove the
    title's other copies. Candidates' scores are added to `trace` where given."""
    win = _window(page, nonblank, first, options)
    best, best_why = _best_candidate(win, options, len(body) <= 1, trace)
    if best is None:
        return
    norm = page.stats[best].norm
    # Of several copies (browser title, headline), the one nearest the body is the headline.
    best = max(
        (
            i
            for i in nonblank[win.lo : win.first + 1]
            if page.stats[i].norm == norm and claimable(page, i)
        ),
        default=best,
    )
    above = _headline_over_deck(win, best)
    if above is not None:
        best, best_why = above, "headline-shaped line above its deck"
    text = page.lines[best].text
    value = text.strip()
    a = text.index(value)
    claim(page, Label.TITLE, best, (a, a + len(value)), value, best_why, by)
    claim_deck(page, nonblank, best, options.max_subtitle_words, by)
    # the other copies of the headline (browser title, breadcrumbs) are repeats
    for i in nonblank:
        if i != best and norm and page.stats[i].norm == norm:
            page.decide(
                i, Label.BOILERPLATE, by, "repeat of the title", _REPEAT_CONFIDENCE, "title-repeat"
            )


def _window(page: Page, nonblank: list[int], first: int, options: MetadataOptions) -> _Window:
    # The model often counts the headline (and a browser-title line) as article:
    # search above the first line of prose, not above the first article line.
    prose = prose_start(page, nonblank, first, options.title_window)
    first = _sure_paragraph(page, nonblank, prose, options)
    distance, lo = _distances(page, nonblank, first, options.title_window)
    stop = stopwords(page.stop_language)
    return _Window(
        page,
        nonblank,
        first,
        prose,
        lo,
        distance,
        # The browser title ("Headline - Site") is usually among the first lines of a dump.
        [page.stats[i].norm for i in nonblank[:3]],
        stop,
        _lead_paragraphs(page, nonblank, prose, options.lead_words, stop),
    )


def _sure_paragraph(page: Page, nonblank: list[int], prose: int, options: MetadataOptions) -> int:
    """Where the search starts: captions and sidebar teasers the model let in can open
    the body; where the scorer is surer of a paragraph a little further down, there."""
    scores = page.scores
    if scores is not None and scores[nonblank[prose]] < options.sure_prose:
        return next(
            (
                k
                for k in range(prose + 1, min(len(nonblank), prose + options.title_window))
                if page.label(nonblank[k]) is Label.ARTICLE
                and scores[nonblank[k]] >= options.sure_prose
                and page.stats[nonblank[k]].words >= 8
                and page.stats[nonblank[k]].ends_sentence
            ),
            prose,
        )
    return prose


def _distances(
    page: Page, nonblank: list[int], first: int, window: int
) -> tuple[dict[int, float], int]:
    """Each position's distance from `first` going up, in text lines, and the topmost
    position within `window` of them."""
    distance: dict[int, float] = {}
    d = 0.0
    lo = first
    for k in range(first, max(-1, first - 4 * window), -1):
        distance[k] = d
        lo = k
        i = nonblank[k]
        st = page.stats[i]
        light = st.words <= 2 or st.vocab is not None or st.url or set_aside(page.standing(i))
        d += _LIGHT_LINE if light else _LIST_LINE if in_short_run(page, nonblank, k) else _TEXT_LINE
        if d > window:
            break
    return distance, lo


def _lead_paragraphs(
    page: Page, nonblank: list[int], prose: int, budget: int, stop: frozenset[str]
) -> list[tuple[int, set[str]]]:
    """The first paragraphs from `prose`, about `budget` words: a headline announces
    the story, its words recur in them."""
    lead: list[tuple[int, set[str]]] = []
    for k in range(prose, len(nonblank)):
        if budget <= 0:
            break
        i = nonblank[k]
        if page.label(i) is Label.ARTICLE and page.stats[i].words >= 8:
            lead.append((k, topic_words(page, i, stop)))
            budget -= page.stats[i].words
    return lead


def _link_runs(win: _Window) -> tuple[dict[int, int], set[int]]:
    """Runs of headline-shaped lines are lists of links (related stories, most read):
    the headline stands alone between labels, bylines and dates. The length of the
    run each position is in, and the positions of a list under a "Related" label."""
    page, nonblank, first = win.page, win.nonblank, win.first
    run: dict[int, int] = {}
    listed: set[int] = set()
    k = win.lo
    while k <= first:
        if not list_item(page, nonblank[k]):
            k += 1
            continue
        e = k
        while (
            e + 1 <= first
            and list_item(page, nonblank[e + 1])
            and not list_header(page, nonblank[e + 1])
        ):
            e += 1
        for kk in range(k, e + 1):
            run[kk] = e - k + 1
        if k > 0 and list_header(page, nonblank[k - 1]):
            listed.update(range(k, e + 1))
        k = e + 1
    return run, listed


def _best_candidate(
    win: _Window, options: MetadataOptions, short_body: bool, trace: TitleTrace | None
) -> tuple[int | None, str]:
    """The best-scored candidate line above 0, and the reason of its claim."""
    weighted: WeightedSignals = weigh(options)
    best, best_score, best_why = None, 0.0, ""
    for c in _candidates(win, options, short_body):
        score, why = title_score(c, weighted, options.distance_penalty)
        if trace is not None:
            trace.append((c.i, round(score, 2), why))
        if score > best_score:
            best, best_score = c.i, score
            best_why = ", ".join(["headline-shaped line above the body", *why])
    return best, best_why


def _candidates(win: _Window, options: MetadataOptions, short_body: bool) -> Iterator[Candidate]:
    """The lines that may be the title, from the body up."""
    page, nonblank = win.page, win.nonblank
    run, listed = _link_runs(win)
    for k in range(win.first, win.lo - 1, -1):
        i = nonblank[k]
        if _ruled_out(page, i, options):
            continue
        own = topic_words(page, i, win.stop)
        seen = set().union(*(w for kk, w in win.lead if kk > k))
        # one shared word says little about a one- or two-word line ("World")
        share = len(own & seen) / max(len(own), options.lead_min_words) if own and seen else 0.0
        if _no_headline(page, nonblank, k, share, short_body):
            continue
        stats = page.stats[i]
        text = page.lines[i].text
        after = [meta_line(page, j) for j in nonblank[k + 1 : k + 3]]
        yield Candidate(
            page=page,
            nonblank=nonblank,
            k=k,
            i=i,
            stats=stats,
            text=text,
            label=page.label(i),
            first=win.first,
            prose=win.prose,
            distance=win.distance[k],
            meta_after=1 if after and after[0] else 2 if len(after) > 1 and after[1] else 0,
            meta_before=any(meta_line(page, j) for j in nonblank[max(0, k - 2) : k]),
            in_head=any(
                stats.norm != h and len(stats.norm) >= 12 and stats.norm in h for h in win.heads
            ),
            listed=k in listed or list_header(page, i) or MORE_LINK.match(text) is not None,
            in_link_run=run.get(k, 0) >= options.list_run,
            own=own,
            seen=seen,
            share=share,
        )


def _ruled_out(page: Page, i: int, options: MetadataOptions) -> bool:
    """Lines that are never the title: taken, too short or long, a link, a UI label."""
    stats = page.stats[i]
    if page.label(i) in (Label.BYLINE, Label.DATE, Label.CAPTION) or not claimable(page, i):
        return True
    if not 2 <= stats.words <= options.max_title_words or stats.url or not stats.norm:
        return True
    # a UI label ("Comments: 87" however often it repeats)
    return stats.vocab is not None and (
        stats.repeats <= 1 or stats.vocab.startswith(_NEVER_TITLES)
    )


def _no_headline(page: Page, nonblank: list[int], k: int, share: float, short_body: bool) -> bool:
    """Lines not shaped like a headline: a UI row, a byline, wrapped prose, a field, a
    score or date line, a sentence; `share`: of its words in the first paragraphs."""
    i = nonblank[k]
    stats = page.stats[i]
    text = page.lines[i].text
    if stats.ui_ratio >= 0.75 and (share < 0.5 or stats.words < 4):
        return True  # "Email Print Text Size", "Sign In to E-Mail or Save This"
    if BYLINE_START.match(text):
        return True  # "By Julian Linden in Sydney"
    if wrapped(page, nonblank, k) or (k > 0 and wrapped(page, nonblank, k - 1)):
        return True  # a piece of a hard-wrapped paragraph
    if (
        FIELD.match(text)
        or SCORE_LINE.match(text)
        or ROLE_LINE.match(text)
        or stats.separators >= 2
        or len(CELL_GAP.findall(text.strip())) >= 2
    ):
        return True  # "Source: Press Association", "Leeds 2 Hull 1", "Home » News » ..."
    if stats.digit_ratio > 0.3 or (stats.has_time and stats.words <= 8 and dateline(page, i)):
        return True  # a dateline or a score line
    # a sentence, not a headline; but headlines ask ("Is the boom over?"), cry
    # out, and capitalise every word up to a final abbreviation ("7:30 P.m.")
    stopped = stats.ends_full_stop and not (
        (stats.words <= 14 and text.rstrip()[-1:] in "?!") or title_cased(page, i)
    )
    label = page.label(i)
    if stopped and (stats.repeats <= 1 or label is Label.ARTICLE):
        return True
    # would take the body's own first paragraph
    return label is Label.ARTICLE and (stats.words > 20 or short_body)


def _headline_over_deck(win: _Window, best: int) -> int | None:
    """A shorter headline-shaped line right above `best`: the headline, and `best` its
    deck. The headline announces the story too, and opens the heading: a related
    link in a list of them does neither."""
    page, nonblank = win.page, win.nonblank
    k = nonblank.index(best)
    above = nonblank[k - 1] if k else None
    if above is None or not headline_shaped(page, above):
        return None
    lead_words: set[str] = set().union(*(w for _, w in win.lead))
    if (
        page.stats[above].words >= 5
        and 1.3 * page.stats[above].words < page.stats[best].words
        and bool(topic_words(page, above, win.stop) & lead_words)
        and not (
            k >= 2
            and headline_shaped(page, nonblank[k - 2])
            and page.stats[nonblank[k - 2]].words >= 5
        )
    ):
        return above
    return None
