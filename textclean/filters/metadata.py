"""Metadata extractors: the title, the byline, the date and the captions.

Runs after the content filter, reading where the article body starts:

- title: the headline-shaped line closest above the body (a few words, no
  full stop), preferring one whose words recur in the body's first paragraphs
  and one the page repeats (the browser title and the headline); the other
  copies are removed as repeats;
- byline: "By Jane Doe" / "Von ..." / "Par ..." near the start of the body;
- date: a short line near the start of the body holding a date or time;
- captions: lines in or just above the body that carry a photo credit.

The filter asks these questions in the order captions, byline and date, title
(and its deck); each is answered in its own module of `textclean.metadata`, and
the title score's weights are the options below (`textclean.metadata.signals`).

>>> from textclean.page import Page, Label
>>> text = ("Home\\nBig News Today\\nBy Jane Doe\\nMarch 3, 2024\\n"
...         + "A sentence of the body that is long enough, as they are.\\n" * 2)
>>> page = Page(text)
>>> for i in (4, 5): _ = page.decide(i, Label.ARTICLE, "test", "body")
>>> MetadataFilter().apply(page)
>>> [(m.role, m.value) for m in page.meta]
[('byline', 'Jane Doe'), ('date', 'March 3, 2024'), ('title', 'Big News Today')]
"""

from __future__ import annotations

from ..filter import Count, Filter, FilterOptions, Probability, Weight, register
from ..metadata.byline import claim_byline_and_date
from ..metadata.captions import mark_captions
from ..metadata.lines import META_SPLIT as _META_SPLIT
from ..metadata.lines import date_only, read_meta_line
from ..metadata.title import TitleTrace, choose_title
from ..page import Label, Page

# The questions live in `textclean.metadata`; these names stay importable from here.
__all__ = ["_META_SPLIT", "MetadataFilter", "MetadataOptions", "date_only", "read_meta_line"]


class MetadataOptions(FilterOptions):
    """The title search's window and the weights of its score (see
    `textclean.metadata.signals`), and the byline and deck windows."""

    title_window: Count = 16
    """How many non-blank lines above the body are searched for the title."""
    meta_window: Count = 6
    """How many lines around the body start are searched for byline and date."""
    max_title_words: Count = 30
    max_subtitle_words: Count = 45
    below_meta: Weight = 0.5
    """Penalty for a title candidate just below a byline or date (the headline leads)."""
    repeat_bonus: Weight = 0.5
    """Bonus for a title candidate the page repeats whole (headline and browser title)."""
    sure_prose: Probability = 0.85
    """P(article) of a paragraph sure enough to start the title search above it."""
    list_run: Count = 4
    """This many headline-shaped lines in a row are a list of links."""
    list_penalty: Weight = 0.6
    """Penalty for a title candidate in such a list; twice this under a list's label
    ("Related News"), for the label itself, or for a "More news" link."""
    below_prose: Weight = 0.5
    """Penalty for a title candidate below a paragraph the scorer was less sure of."""
    lead_words: Count = 150
    """How many words of the body's first paragraphs a title candidate is compared with."""
    lead_min_words: Count = 3
    """Shared words are counted against at least this many, so short lines earn less."""
    lead_weight: Weight = 2.0
    """Bonus for a title candidate whose content words all recur in those paragraphs."""
    lead_miss: Weight = 0.2
    """Penalty for a title candidate sharing no content word with them."""
    distance_penalty: Weight = 0.04
    """Penalty for a title candidate per text line between it and the body."""
    right_above_meta: Weight = 0.5
    """Bonus for a title candidate right above a byline or date line."""
    above_meta: Weight = 0.25
    """Bonus for a title candidate two lines above a byline or date (a deck between)."""
    in_head_bonus: Weight = 0.4
    """Bonus for a title candidate inside one of the page's first three lines, which
    hold the browser title ("Headline - Site"), when not repeated whole."""
    four_words_bonus: Weight = 0.3
    """Bonus for a title candidate of four words or more."""
    three_words_penalty: Weight = 0.4
    """Penalty for a title candidate of three words the page does not repeat."""
    two_words_penalty: Weight = 0.7
    """Penalty for a title candidate of two words the page does not repeat."""
    long_penalty: Weight = 0.3
    """Penalty for a title candidate of more than 18 words."""
    capitalised_bonus: Weight = 0.2
    """Bonus for a title candidate whose words are mostly capitalised."""
    separator_penalty: Weight = 0.8
    """Penalty for a title candidate holding a separator ("Home | Sport")."""
    full_stop_penalty: Weight = 0.3
    """Penalty for a title candidate ending in a full stop."""
    name_line_penalty: Weight = 1.5
    """Penalty for a title candidate shaped like a byline ("Jane Doe in Lisbon")
    beside a date below it or under a headline."""
    first_article_penalty: Weight = 0.2
    """Penalty for a title candidate the model called article where the search starts."""
    article_bonus: Weight = 0.3
    """Bonus for a title candidate the model called article further up."""
    boilerplate_penalty: Weight = 0.3
    """Penalty for a title candidate the content scorer called boilerplate."""


@register
class MetadataFilter(Filter):
    """Finds title, byline, date and captions; see the module docstring."""

    name = "metadata"
    Options = MetadataOptions
    options: MetadataOptions
    trace: TitleTrace | None = None
    """Set to a list to collect the title candidates' scores (for debugging)."""

    def apply(self, page: Page) -> None:
        body = [i for i in range(len(page)) if page.label(i) is Label.ARTICLE]
        if not body:
            return
        nonblank = page.nonblank()
        pos = {line: k for k, line in enumerate(nonblank)}
        first = pos[body[0]]
        mark_captions(page, body, nonblank, first, self.name)
        claim_byline_and_date(page, nonblank, first, self.options.meta_window, self.name)
        choose_title(page, nonblank, first, body, self.options, self.name, self.trace)
