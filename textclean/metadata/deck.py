"""The deck (subtitle): the line under the headline, when a byline, a date or a
widget follows it, or when it is a short line that ends no sentence.

A dateline, a byline or a field under the headline is no deck; it is removed as
the headline's meta line all the same, not left in the body. The only line of a
one-paragraph post is its body, not a deck.

>>> from textclean.page import Label
>>> text = ("Council votes to rebuild pier\\nTwo years of argument end with a wider pier\\n"
...         "By Jane Doe\\nThe council voted on Tuesday to rebuild the old pier.")
>>> page = Page(text)
>>> _ = page.decide(3, Label.ARTICLE, "test", "body")
>>> claim_deck(page, page.nonblank(), 0, 45, "metadata")
>>> [(m.role, m.value) for m in page.meta]
[('subtitle', 'Two years of argument end with a wider pier')]
"""

from __future__ import annotations

from ..page import Label, Page
from .lines import BARE_NAME, BYLINE_START, FIELD, NAME_LINE, ROLE_LINE
from .scope import CONFIDENCE, claim, claimable, set_aside
from .shapes import CLOCK


def claim_deck(page: Page, nonblank: list[int], title: int, max_words: int, by: str) -> None:
    """Claim the line under the title line as its deck for filter `by`, where it is
    one (at most `max_words` words); see the module docstring."""
    k = nonblank.index(title) + 1
    if k >= len(nonblank):
        return
    i = nonblank[k]
    stats = page.stats[i]
    label = page.label(i)
    if not claimable(page, i) or label in (Label.BYLINE, Label.DATE, Label.CAPTION):
        return
    if not 5 <= stats.words <= max_words or stats.vocab or stats.url:
        return
    text = page.lines[i].text
    if _meta_shaped(page, i):
        # it is the headline's meta line all the same, not the body
        if stats.words <= 25 and not stats.ends_full_stop:
            reason = "a date, byline or label line under the headline"
            page.decide(i, Label.BOILERPLATE, by, reason, CONFIDENCE, "meta-line")
        return
    # a one-paragraph post: the line is the whole body, not a deck
    if not any(page.label(j) == Label.ARTICLE for j in nonblank[k + 1 :]):
        return
    after = nonblank[k + 1] if k + 1 < len(nonblank) else None
    follower = page.standing(after) if after is not None else None
    meta_follows = follower is not None and (
        follower.label in (Label.BYLINE, Label.DATE) or set_aside(follower)
    )
    if meta_follows or (not stats.ends_sentence and stats.words <= 30):
        value = text.strip()
        a = text.index(value)
        reason = "the deck under the headline"
        claim(page, Label.SUBTITLE, i, (a, a + len(value)), value, reason, by)


def _meta_shaped(page: Page, i: int) -> bool:
    """A dateline, a byline or a field of the page: no deck.

    >>> page = Page("Mon 4 Mar, 10:45 AM\\nTwo years of argument end with a wider pier")
    >>> _meta_shaped(page, 0), _meta_shaped(page, 1)
    (True, False)
    """
    stats = page.stats[i]
    text = page.lines[i].text
    return bool(
        stats.has_time
        or CLOCK.search(text)
        or BARE_NAME.match(text)
        or stats.separators
        or (stats.words <= 8 and stats.ui_ratio >= 0.5)
        or BYLINE_START.match(text)
        or FIELD.match(text)
        or ROLE_LINE.match(text)
        or (stats.words <= 8 and NAME_LINE.match(text))
    )
