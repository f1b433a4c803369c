"""Orphan comment lines: prose the line model took for user comments, on a page
where the comment filter found no discussion at all, or above the discussion it
found.

The line model reads a long report's closing sections, numbered paragraphs or
footnotes much as it reads comments (below the article, first person, short
paragraphs). The comment filter only turns lines into comments when it finds a
section's structure (headers, times, counts); without one those lines would be
dropped as comment chrome, cutting the article short. A run of such lines that
continues the article (no more than `gap` other lines from it) is article.

>>> from textclean.page import Evidence, Label, Page
>>> page = Page("Body text that is long enough to be prose in a report.\\n"
...             "More of the report, numbered 71, reads like a comment because it is "
...             "written in the first person, I think, and long enough.\\nFooter\\n")
>>> _ = page.decide(0, Label.ARTICLE, "content", "prose", 0.6)
>>> _ = page.decide(1, Label.COMMENT, "content", "comment-like", 0.55, None, Evidence.SCORE)
>>> _ = page.decide(2, Label.BOILERPLATE, "content", "short", 0.6)
>>> OrphanCommentFilter().apply(page)
>>> [page.label(i).value for i in range(3)]
['article', 'article', 'boilerplate']
"""

from __future__ import annotations

from ..confidence import ORPHAN
from ..filter import Count, Filter, FilterOptions, Probability, Weight, register
from ..page import Decision, Evidence, Label, Page


class OrphanOptions(FilterOptions):
    gap: Count = 2
    """A run of orphan comment lines at most this many non-blank lines from the
    article continues it."""
    mean_words: Weight = 15.0
    """The run's lines must average at least this many words (paragraphs, not notes)."""
    header_words: Count = 12
    """A line of at most this many words that holds a time and ends no sentence is a
    comment header:
    the run is a discussion the comment filter missed, and stays out."""
    above_section: bool = True
    """On a page with a comment section, lines above the section are reconsidered
    too (False: only pages without a section)."""
    confidence: Probability = ORPHAN
    """Above the line model's comment cap (0.65), below the surer filters (0.7)."""
    source: str | None = None
    """Only these comment lines are considered: by default those a scorer labelled
    (evidence "score": the line model's guesses); a filter's name: only that filter's."""


@register
class OrphanCommentFilter(Filter):
    """Comment-labelled lines on a page without comments that continue the article."""

    name = "orphans"
    Options = OrphanOptions
    options: OrphanOptions

    def apply(self, page: Page) -> None:
        opts = self.options
        rows = page.nonblank()
        if page.comments:
            # a discussion was found: leftover comment lines in it or after it are
            # its chrome, but those above it may still continue the article
            section = page.comment_section
            if not opts.above_section or section is None:
                return
            rows = [i for i in rows if i < section[0]]
        labels = [page.standing(i) for i in rows]
        article = [k for k, d in enumerate(labels) if d is not None and d.label is Label.ARTICLE]
        if not article:
            return
        k = 0
        while k < len(rows):
            d = labels[k]
            if not self._orphan(d):
                k += 1
                continue
            end = k
            while end + 1 < len(rows):
                if not self._orphan(labels[end + 1]):
                    break
                end += 1
            if self._touches_article(labels, k, end, opts.gap) and self._reads_on(
                page, rows[k : end + 1], opts
            ):
                for j in range(k, end + 1):
                    page.decide(
                        rows[j],
                        Label.ARTICLE,
                        self.name,
                        "comment-like prose, but the page has no comment section "
                        "and the run continues the article",
                        opts.confidence,
                    )
                    labels[j] = page.standing(rows[j])
            k = end + 1

    def _orphan(self, d: Decision | None) -> bool:
        """A comment line the options let this filter reconsider."""
        if d is None or d.label is not Label.COMMENT:
            return False
        source = self.options.source
        return d.evidence is Evidence.SCORE if source is None else d.filter == source

    @staticmethod
    def _reads_on(page: Page, run: list[int], opts: OrphanOptions) -> bool:
        """Paragraphs, not a missed discussion: no short line holding a time (a
        comment header such as "Posted by Jo on 01/13/08") and long lines on average
        (a footer of short notes is not the article either)."""
        stats = page.stats
        short = opts.header_words
        if any(
            s.has_time and s.words <= short and not s.ends_full_stop
            for s in map(stats.__getitem__, run)
        ):
            return False
        return sum(stats[i].words for i in run) >= opts.mean_words * len(run)

    @staticmethod
    def _touches_article(labels: list[Decision | None], start: int, end: int, gap: int) -> bool:
        """An article line within `gap` non-blank lines before or after the run."""
        for j in [*range(max(0, start - gap - 1), start), *range(end + 1, end + gap + 2)]:
            if j < len(labels):
                d = labels[j]
                if d is not None and d.label is Label.ARTICLE:
                    return True
        return False
