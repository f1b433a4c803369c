"""The title score: a table of named signals, each a test of a candidate line and
the option that weighs it.

A candidate's score starts at `BASE_SCORE`, less `distance_penalty` for each line
between it and the body (`Candidate.distance`). Then every signal of
`TITLE_SIGNALS` whose test holds adds its weight times its factor (1 a bonus, -1
a penalty, -2 twice a penalty), and those with a reason add it to the title
claim's reason. The line with the highest score above 0 is the title.

The table is evaluated in order and its order is part of the behaviour: a score
is a floating-point sum, so reordering the signals can change a score in its last
bit, and the reasons are listed in this order.

>>> [s.name for s in TITLE_SIGNALS][:3]
['right above the meta', 'above the meta', 'below the meta']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from ..features import LineStats
from ..page import Label, Page
from .lines import NAME_LINE
from .shapes import headline_shaped

if TYPE_CHECKING:
    from ..filters.metadata import MetadataOptions

# A candidate needs a score above 0 to be the title: the nearest line starts at this.
BASE_SCORE = 1.0


@dataclass(slots=True)
class Candidate:
    """What the signals read about one title candidate: line `i`, at position `k` of
    the page's non-blank lines."""

    page: Page
    nonblank: list[int]
    k: int
    i: int
    stats: LineStats
    text: str
    label: Label | None
    first: int
    """Where the title search starts going up (a non-blank position)."""
    prose: int
    """Where the article's prose starts (at or above `first`)."""
    distance: float
    """The text lines between the candidate and `first`; light lines count less."""
    meta_after: int
    """1: the next line is a byline or date; 2: the one after it is; 0: neither."""
    meta_before: bool
    """One of the two lines above is a byline or date."""
    in_head: bool
    """Inside one of the page's first lines (the browser title, "Headline - Site")."""
    listed: bool
    """Under a "Related ..." label, a list label itself, or a "More news" link."""
    in_link_run: bool
    """One of `list_run` headline-shaped lines in a row."""
    own: set[str]
    """The candidate's topic words."""
    seen: set[str]
    """The topic words of the first paragraphs below it."""
    share: float
    """How many of `own` are in `seen`, over `len(own)` (at least `lead_min_words`)."""


class Signal(NamedTuple):
    """One term of a title candidate's score."""

    name: str
    weight: str
    """The `MetadataOptions` field holding the weight."""
    factor: int
    """1: the weight is a bonus; -1: a penalty; -2: twice a penalty."""
    reason: str | None
    """What the title claim's reason says of a candidate the signal holds for."""
    test: Callable[[Candidate], bool]
    scale: Callable[[Candidate], float] | None = None
    """The weight is taken times this, where given."""


def _right_above_meta(c: Candidate) -> bool:
    return c.meta_after == 1  # the headline sits right above its byline and date


def _above_meta(c: Candidate) -> bool:
    return c.meta_after == 2


def _below_meta(c: Candidate) -> bool:
    return c.meta_before and c.meta_after == 0


def _repeated(c: Candidate) -> bool:
    return c.stats.repeats > 1  # the headline and the browser title


def _in_head(c: Candidate) -> bool:
    # inside the browser title, where the site's name is too: that counts less
    return c.stats.repeats <= 1 and c.in_head


def _echoed(c: Candidate) -> bool:
    return c.stats.repeats > 1 or c.in_head


def _four_words(c: Candidate) -> bool:
    return c.stats.words >= 4


def _three_words(c: Candidate) -> bool:
    return c.stats.words == 3 and not _echoed(c)


def _two_words(c: Candidate) -> bool:
    return c.stats.words < 3 and not _echoed(c)


def _long(c: Candidate) -> bool:
    return c.stats.words > 18


def _capitalised(c: Candidate) -> bool:
    return c.stats.words >= 3 and c.stats.title_words / c.stats.words > 0.6


def _separated(c: Candidate) -> bool:
    return bool(c.stats.separators)  # "Home | Sport", "Derby homepage | Wigan homepage"


def _full_stop(c: Candidate) -> bool:
    return c.stats.ends_full_stop


def _listed(c: Candidate) -> bool:
    return c.listed


def _in_link_run(c: Candidate) -> bool:
    return not c.listed and c.in_link_run


def _name_line(c: Candidate) -> bool:
    # "Jane Doe in Lisbon" under the headline, or beside a date below it
    if c.stats.words > 8 or not NAME_LINE.match(c.text):
        return False
    if c.meta_before:
        return True
    return c.meta_after == 1 and c.k > 0 and headline_shaped(c.page, c.nonblank[c.k - 1])


def _lead_recurs(c: Candidate) -> bool:
    return bool(c.own and c.seen) and c.share >= 0.3


def _lead_shared(c: Candidate) -> bool:
    return bool(c.own and c.seen) and c.share < 0.3


def _lead_missed(c: Candidate) -> bool:
    return bool(c.own and c.seen) and not c.share and len(c.own) >= 2


def _share(c: Candidate) -> float:
    return c.share


def _below_prose(c: Candidate) -> bool:
    return c.k > c.prose and c.label is Label.ARTICLE


def _article_at_first(c: Candidate) -> bool:
    return c.label is Label.ARTICLE and c.k == c.first


def _article(c: Candidate) -> bool:
    # right above the prose, the model's article line is its headline
    return c.label is Label.ARTICLE and c.k != c.first


def _boilerplate(c: Candidate) -> bool:
    return c.label is Label.BOILERPLATE


TITLE_SIGNALS: tuple[Signal, ...] = (
    Signal(
        "right above the meta", "right_above_meta", 1, "right above the byline or date",
        _right_above_meta,
    ),
    Signal("above the meta", "above_meta", 1, "above the byline or date", _above_meta),
    Signal("below the meta", "below_meta", -1, None, _below_meta),
    Signal("repeated", "repeat_bonus", 1, "repeated on the page", _repeated),
    Signal("in the first lines", "in_head_bonus", 1, "inside the page's first lines", _in_head),
    Signal("four words", "four_words_bonus", 1, None, _four_words),
    Signal("three words", "three_words_penalty", -1, None, _three_words),
    Signal("two words", "two_words_penalty", -1, None, _two_words),
    Signal("long", "long_penalty", -1, None, _long),
    Signal("capitalised", "capitalised_bonus", 1, "capitalised like a headline", _capitalised),
    Signal("separators", "separator_penalty", -1, None, _separated),
    Signal("full stop", "full_stop_penalty", -1, None, _full_stop),
    Signal("listed", "list_penalty", -2, "a list of other stories", _listed),
    Signal("in a run of links", "list_penalty", -1, "one of a list of links", _in_link_run),
    Signal(
        "a name line", "name_line_penalty", -1, "a name beside the date: a byline", _name_line
    ),
    Signal(
        "lead words recur", "lead_weight", 1, "its words recur in the first paragraphs",
        _lead_recurs, _share,
    ),
    Signal("lead words shared", "lead_weight", 1, None, _lead_shared, _share),
    Signal("no lead word", "lead_miss", -1, None, _lead_missed),
    Signal("below the prose", "below_prose", -1, "below the first paragraph", _below_prose),
    Signal("article line first", "first_article_penalty", -1, None, _article_at_first),
    Signal("article line", "article_bonus", 1, None, _article),
    Signal("boilerplate", "boilerplate_penalty", -1, None, _boilerplate),
)

WeightedSignals = Sequence[tuple[Signal, float]]
"""The signals with their signed weights, as `weigh` reads them off the options."""


def weigh(options: MetadataOptions) -> WeightedSignals:
    """Each signal of `TITLE_SIGNALS` with its weight times its factor."""
    return [(s, s.factor * float(getattr(options, s.weight))) for s in TITLE_SIGNALS]


def title_score(
    c: Candidate, weighted: WeightedSignals, distance_penalty: float
) -> tuple[float, list[str]]:
    """The candidate's score and the reasons of the signals that held, in order."""
    why: list[str] = []
    score = BASE_SCORE - distance_penalty * c.distance
    for signal, weight in weighted:
        if signal.test(c):
            score += weight if signal.scale is None else weight * signal.scale(c)
            if signal.reason is not None:
                why.append(signal.reason)
    return score, why
