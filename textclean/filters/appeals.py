"""Appeals: the site speaking to the reader at the edges of the article.

Articles often end, and sometimes open, with a paragraph the site writes on every
page: "Follow us on Twitter and Facebook", "Subscribe now for the full story",
"Ihr Beitrag hilft, unsere Berichterstattung auszubauen", "We want to hear what you
think about this article." It is prose, and the line model reads it as the
article's. This filter walks in from each end of the article and removes such
lines (category ``appeal``) until it meets an article line that is not one; lines
already removed between them are stepped over.

A heading near the end that closes the article ("About the author", "Über den
Autor", "Ihre Meinung") is removed with the article lines after it (category
``after-article``): what follows is the author's note or the comment form.

The phrases are the lexicon's (`appeal_phrases`, `follow_words` with
`social_networks`, `closing_headings`): one file per language.

>>> from textclean.page import Label, Page
>>> page = Page("The council met on Tuesday and agreed the budget for next year.\\n"
...             "It takes effect in April, after a vote of the full assembly.\\n"
...             "Follow us on Twitter and Facebook for more local news.\\n")
>>> for i in range(3): _ = page.decide(i, Label.ARTICLE, "content", "prose", 0.6)
>>> AppealFilter().apply(page)
>>> [page.standing(i).category for i in range(3)]
[None, None, 'appeal']
"""

from __future__ import annotations

import regex

from .. import lexicon
from ..confidence import LINE_RULE
from ..filter import Count, Filter, FilterOptions, Probability, register
from ..page import Evidence, Label, Page


def _phrases(*fields: str) -> regex.Pattern[str]:
    """The fields' words as a pattern of whole words anywhere in a line."""
    return regex.compile(rf"(?<!\w)(?:{lexicon.alternation(*fields)})(?!\w)", regex.IGNORECASE)


APPEAL = _phrases("appeal_phrases")
FOLLOW = _phrases("follow_words")
SOCIAL = _phrases("social_networks")
# A heading opens its line and ends no sentence: "About the author", "Ihre Meinung zu
# diesem Thema:", "What do you think?"
CLOSING = regex.compile(
    rf"^\W{{0,3}}(?:{lexicon.alternation('closing_headings')})(?!\w)[^.!]*$", regex.IGNORECASE
)
# The same words opening the article's last sentence: "The author is a professor at ...",
# "Der Autor ist Professor an ...": the author's note, not the article.
CLOSING_NOTE = regex.compile(
    rf"^\W{{0,3}}(?:{lexicon.alternation('closing_headings')})(?!\w)", regex.IGNORECASE
)


class AppealOptions(FilterOptions):
    max_words: Count = 40
    """An appeal is a short paragraph: a longer line is the article's own prose."""
    closing_words: Count = 6
    """A closing heading has at most this many words."""
    closing_reach: Count = 10
    """A closing heading is among the article's last this many non-blank lines."""
    min_article_words: Count = 50
    """A closing heading closes only an article of at least this many words above it
    (a shorter one may be a page about the author)."""
    confidence: Probability = LINE_RULE
    """A rule over the line model's guesses (0.69), as the line's own text decides it."""


def appeal(text: str) -> str | None:
    """The phrase that makes `text` an appeal to the reader, or None.

    >>> appeal("Síguenos en Telegram, Instagram, Facebook y Twitter")
    'Síguenos'
    >>> appeal("Follow The Gleaner on Twitter and Instagram")
    'Follow … Twitter'
    >>> appeal("The ministry said it would follow the advice.") is None
    True
    """
    found = APPEAL.search(text)
    if found:
        return found.group()
    follow, social = FOLLOW.search(text), SOCIAL.search(text)
    if follow and social:
        return f"{follow.group()} … {social.group()}"
    return None


def closing_heading(text: str, words: int, max_words: int) -> bool:
    """Whether `text` (of `words` words) is a short heading after which the article
    has ended.

    >>> closing_heading("Über den Autor", 3, 6), closing_heading("About the author:", 3, 6)
    (True, True)
    >>> closing_heading("The author lives in Leeds.", 5, 6)
    False
    """
    return words <= max_words and CLOSING.match(text.strip()) is not None


@register
class AppealFilter(Filter):
    """Removes the site's calls to action at the article's edges."""

    name = "appeals"
    Options = AppealOptions
    options: AppealOptions
    evidence = Evidence.LINE

    def apply(self, page: Page) -> None:
        article = [i for i in page.nonblank() if page.label(i) is Label.ARTICLE]
        if not article:
            return
        article = self._close_at_heading(page, article)
        # from the end inwards, then from the start; each walk stops at the first
        # article line that is not an appeal
        kept = self._walk(page, article[::-1], from_end=True)
        self._walk(page, [i for i in article if i in kept], from_end=False)

    def _close_at_heading(self, page: Page, article: list[int]) -> list[int]:
        """Removes a closing heading near the end and the article lines after it;
        returns the article lines left."""
        opts = self.options
        first = max(1, len(article) - opts.closing_reach)
        words = 0
        for k in range(first):
            words += page.stats[article[k]].words
        for k in range(first, len(article)):
            text, count = page.lines[article[k]].text, page.stats[article[k]].words
            if words >= opts.min_article_words and closing_heading(
                text, count, opts.closing_words
            ):
                reason = f"{text.strip()!r} closes the article: what follows is not its text"
                for i in article[k:]:
                    page.decide(
                        i, Label.BOILERPLATE, self.name, reason, opts.confidence,
                        "after-article", self.evidence,
                    )
                return article[:k]
            words += count
        return article

    def _walk(self, page: Page, lines: list[int], from_end: bool) -> set[int]:
        """Removes the appeals at the head of `lines` (the article's lines from one
        end); returns the lines left. From the end, the author's note counts too."""
        opts = self.options
        for n, i in enumerate(lines):
            if page.stats[i].words > opts.max_words:
                return set(lines[n:])
            text = page.lines[i].text
            phrase = appeal(text)
            if phrase is None and from_end:
                note = CLOSING_NOTE.match(text)
                phrase = note.group().strip() if note else None
            if phrase is None:
                return set(lines[n:])
            page.decide(
                i, Label.BOILERPLATE, self.name, f"the site's call to action {phrase!r}",
                opts.confidence, "appeal", self.evidence,
            )
        return set()
