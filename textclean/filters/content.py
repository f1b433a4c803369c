"""Content scorer: which of the lines no widget filter claimed are the article.

Read top to bottom, like jusText: a score per line from its own features,
then one pass that uses the neighbours — the article is the densest
contiguous run of prose (a maximum-sum segment over the scores), short lines
inside that run are kept, and prose far outside it is boilerplate.

>>> from textclean.page import Page
>>> text = "Home\\nNews\\n" + "This is a sentence of the article, and it goes on for a while.\\n" * 3 + "Contact us\\n"
>>> page = Page(text); ContentFilter().apply(page)
>>> [page.label(i).value for i in range(len(page))][:6]
['boilerplate', 'boilerplate', 'article', 'article', 'article', 'boilerplate']
"""

from __future__ import annotations

from ..features import LineStats
from ..page import Label, Page
from ..pipeline import Filter, FilterOptions, register


class ContentOptions(FilterOptions):
    prose_words: int = 10
    """Lines with at least this many words and stop words look like prose."""
    min_stop_ratio: float = 0.15
    short_penalty: float = -0.6
    """Score of a short line: how much one menu entry costs a run of prose."""


def line_score(stats: LineStats, options: ContentOptions) -> tuple[float, str]:
    """A score in [-1, 1] and the words that explain it."""
    if stats.words == 0:
        return -0.2, "no words"
    reasons = []
    score = 0.0
    if stats.words >= options.prose_words:
        score += 0.5
        reasons.append(f"{stats.words} words")
    elif stats.words <= 3:
        score += options.short_penalty
        reasons.append(f"short ({stats.words} words)")
    else:
        score -= 0.2
        reasons.append(f"{stats.words} words")
    if stats.stop_ratio >= options.min_stop_ratio:
        score += 0.3
        reasons.append(f"stop words {stats.stop_ratio:.0%}")
    else:
        score -= 0.3
        reasons.append(f"few stop words ({stats.stop_ratio:.0%})")
    if stats.ends_full_stop:
        score += 0.3
        reasons.append("ends a sentence")
    if stats.words and stats.title_words / stats.words > 0.7 and stats.words > 3:
        score -= 0.3
        reasons.append("mostly capitalised words")
    if stats.url:
        score -= 0.3
        reasons.append("contains an address")
    if stats.repeats > 1:
        score -= 0.3
        reasons.append(f"repeated {stats.repeats}x on the page")
    return max(-1.0, min(1.0, score)), ", ".join(reasons)


def best_run(scores: list[float]) -> tuple[int, int]:
    """[start, end) of the maximum-sum contiguous run (Kadane), (0, 0) if none is positive."""
    best, best_span = 0.0, (0, 0)
    running, start = 0.0, 0
    for i, s in enumerate(scores):
        if running <= 0:
            running, start = s, i
        else:
            running += s
        if running > best:
            best, best_span = running, (start, i + 1)
    return best_span


@register
class ContentFilter(Filter):
    """Labels the undecided lines article or boilerplate; see the module docstring."""

    name = "content"
    Options = ContentOptions
    options: ContentOptions

    def apply(self, page: Page) -> None:
        section = page.comment_section
        candidates = [
            i for i in page.nonblank()
            if section is None or not section[0] <= i < section[1]
        ]
        scored = []
        for i in candidates:
            standing = page.standing(i)
            if standing is not None and standing.label is Label.BOILERPLATE:
                scored.append((i, -0.8, f"removed by {standing.filter}"))
                continue
            score, why = line_score(page.stats[i], self.options)
            scored.append((i, score, why))
        lo, hi = best_run([s for _, s, _ in scored])
        for k, (i, score, why) in enumerate(scored):
            if page.standing(i) is not None:
                continue
            if lo <= k < hi:
                page.decide(i, Label.ARTICLE, self.name,
                            f"content score {score:+.2f} ({why}), inside the main run of prose",
                            0.5 + 0.2 * max(score, 0))
            else:
                page.decide(i, Label.BOILERPLATE, self.name,
                            f"content score {score:+.2f} ({why}), outside the main run of prose",
                            0.5, "boilerplate")
