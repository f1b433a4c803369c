"""Error pages: a "404 / Page not found" notice is not an article.

Crawls are full of error and removed-content pages whose only prose is the
apology ("Sorry, we couldn't find the page you were looking for."). The line
model reads that as a short article; this filter sees the notice's heading at
the top of the article (or just above it) and, when the article is short, marks
the notice as removed, category ``error-page``, so the page has no article.

>>> from textclean.page import Label, Page
>>> page = Page("Home\\n404\\nPage not found\\n"
...             "Sorry, we couldn't find the page you were looking for. It may have moved.\\n")
>>> for i in (2, 3): _ = page.decide(i, Label.ARTICLE, "content", "prose", 0.6)
>>> ErrorPageFilter().apply(page)
>>> [page.standing(i).category for i in (1, 2, 3)]
['error-page', 'error-page', 'error-page']
"""

from __future__ import annotations

import regex

from ..confidence import SURE
from ..filter import Count, Filter, FilterOptions, Probability, register
from ..page import Label, Page

# The notice's heading in the vocabulary's languages: "404", "Error 404 - Not Found",
# "Page not found", "Seite nicht gefunden", "Página no encontrada", "Страница не найдена".
ERROR_HEADING = regex.compile(
    r"^\W*(?:(?:error|fehler|erreur|errore|erro|ошибка|fout)\W*)?(?:404|410)\b.{0,40}$"
    r"|^\W*(?:(?:error\W*)?(?:404\W*)?)(?:"
    r"(?:the\s+)?page\s+(?:not\s+found|cannot\s+be\s+found|could\s+not\s+be\s+found|does\s+not\s+exist)"
    r"|not\s+found|seite\s+nicht\s+gefunden|page\s+(?:introuvable|non\s+trouvée)"
    r"|página\s+no\s+encontrada|pagina\s+non\s+trovata|página\s+não\s+encontrada"
    r"|pagina\s+niet\s+gevonden|страница\s+не\s+найдена"
    r")\W*$",
    regex.IGNORECASE,
)


class ErrorPageOptions(FilterOptions):
    max_words: Count = 120
    """Only an article of at most this many words can be an error notice."""
    look_above: Count = 3
    """How many non-blank lines above the article's first line may hold the heading."""
    confidence: Probability = SURE


@register
class ErrorPageFilter(Filter):
    """Removes the article of an error page ("404", "Page not found")."""

    name = "error_page"
    Options = ErrorPageOptions
    options: ErrorPageOptions

    def apply(self, page: Page) -> None:
        opts = self.options
        rows = page.nonblank()
        article = [k for k, i in enumerate(rows) if page.label(i) is Label.ARTICLE]
        if not article:
            return
        if sum(page.stats[rows[k]].words for k in article) > opts.max_words:
            return
        first = article[0]
        heading = [
            k
            for k in range(max(0, first - opts.look_above), first + 1)
            if ERROR_HEADING.match(page.lines[rows[k]].text.strip())
        ]
        if not heading:
            return
        reason = f"error page: {page.lines[rows[heading[0]]].text.strip()!r} heads the article"
        for k in [*range(heading[0], first), *article]:
            page.decide(
                rows[k], Label.BOILERPLATE, self.name, reason, opts.confidence, "error-page"
            )
