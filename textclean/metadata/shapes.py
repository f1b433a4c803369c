"""Line shapes the title and deck searches share: each a plain function of the page
and the line (`i`, an index into `page.lines`) or its position `k` among the page's
non-blank lines (`nonblank`, from `Page.nonblank()`).

- a meta line: a byline or a date line (`meta_line`, `dateline`);
- a headline-shaped line: a few words, no sentence (`headline_shaped`), and the
  shorter kind a list of links is made of (`short_line`, `in_short_run`,
  `list_item`), with the label over such a list (`list_header`, `MORE_LINK`);
- a piece of hard-wrapped prose (`wrapped`), a title-cased line (`title_cased`);
- a line's content words (`topic_words`), to compare a headline with the body.
"""

from __future__ import annotations

import regex

from ..dates import find_time_span
from ..page import Label, Page
from .lines import BYLINE_START
from .scope import claimable

# The label over a list of other stories: "Related News", "Most emailed stories",
# "More news related to ...", "Latest related coverage", "In this section".
_LIST_HEADER = regex.compile(
    r"^\W*(?:\w+\W+){0,3}(?:related|most (?:read|emailed|e-mailed|popular|viewed|commented)"
    r"|top (?:stories|news|headlines)"
    r"|latest (?:news|stories|headlines)|in this section|see also|recommended|you may also like"
    r"|also in|other (?:news|stories)|weitere|mehr zum thema|lire aussi|à lire|articles? liés"
    r"|relacionad|leggi anche|correlati|gerelateerd|meer nieuws|читайте также|похожие)\b",
    regex.IGNORECASE,
)
# "More news stories", "More from Sport": heads or closes a list of other stories.
MORE_LINK = regex.compile(
    r"^\W*more (?:\w+ ){0,2}(?:news|stories|articles|headlines|from|on|in)\b", regex.IGNORECASE
)
# lower-case lines that are labels, not the rest of a sentence
_WRAP_LEAD = regex.compile(r"^\s*(?:by|posted|updated|published|filed|from|photo|via)\b")
# "Home\t\tScores\t\tFixtures": the cells of a menu or a table row
CELL_GAP = regex.compile(r"\t+|[ \u00a0]{3,}")
CLOCK = regex.compile(r"\b\d{1,2}:\d{2}\b")


def dateline(page: Page, i: int) -> bool:
    """A line holding a date or time that is not relative ("3 hours ago").

    >>> page = Page("March 3, 2024\\n3 hours ago")
    >>> dateline(page, 0), dateline(page, 1)
    (True, False)
    """
    found = find_time_span(page.lines[i].text)
    return found is not None and not found.stamp.relative


def topic_words(page: Page, i: int, stop: frozenset[str]) -> set[str]:
    """A line's content words, cut to a short stem so "shoplifting" meets "shoplift".

    >>> page = Page("Council approves the new budget")
    >>> sorted(topic_words(page, 0, frozenset({"the"})))
    ['appro', 'budge', 'counc', 'new']
    """
    return {w.casefold()[:5] for w in page.words(i) if len(w) > 2 and w.casefold() not in stop}


def wrapped(page: Page, nonblank: list[int], k: int) -> bool:
    """Hard-wrapped prose: a line that ends no sentence and goes on in lower case.

    >>> page = Page("The council agreed on\\nTuesday to build it.\\nthe end of the line goes")
    >>> [wrapped(page, page.nonblank(), k) for k in range(3)]
    [False, False, False]
    >>> page = Page("The council voted on a plan\\nto build a pier.")
    >>> wrapped(page, page.nonblank(), 0)
    True
    """
    i = nonblank[k]
    stats = page.stats[i]
    if k + 1 >= len(nonblank) or stats.words < 4 or stats.ends_sentence:
        return False
    nxt = nonblank[k + 1]
    text = page.lines[nxt].text
    # "by Jane Doe", "updated: 3 May": a byline or a date under a headline
    return (
        text.lstrip()[:1].islower()
        and (page.stats[nxt].words >= 5 or page.stats[nxt].ends_sentence)
        and not page.stats[nxt].url
        and not page.stats[nxt].has_time
        and not CLOCK.search(text)
        and not page.stats[nxt].separators
        and not BYLINE_START.match(text)
        and _WRAP_LEAD.match(text) is None
    )


def title_cased(page: Page, i: int) -> bool:
    """Four words or more, nearly all capitalised: "Jets (5-32) At Suns (27-12), 9 P.m."

    >>> page = Page("Jets (5-32) At Suns (27-12), 9 P.m.\\nThe Jets lost at home again.")
    >>> title_cased(page, 0), title_cased(page, 1)
    (True, False)
    """
    words = [w for w in page.words(i) if w[0].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def meta_line(page: Page, i: int) -> bool:
    """A byline or a date line, claimed or not (only one date is claimed).

    >>> page = Page("By Jane Doe\\nUpdated March 3, 2024\\nCouncil votes to rebuild pier")
    >>> [meta_line(page, i) for i in range(3)]
    [True, True, False]
    """
    st = page.stats[i]
    return (
        page.label(i) in (Label.BYLINE, Label.DATE)
        or (st.has_time and st.words <= 8 and dateline(page, i))
        or (st.words <= 25 and BYLINE_START.match(page.lines[i].text) is not None)
    )


def headline_shaped(page: Page, i: int) -> bool:
    """A line metadata may take that reads like a headline: 3 to 20 words, no
    sentence, no label, link, separator or byline.

    >>> page = Page("Council votes to rebuild pier\\nThe council voted on Tuesday.\\nBy Jane Doe")
    >>> [headline_shaped(page, i) for i in range(3)]
    [True, False, False]
    """
    stats = page.stats[i]
    return (
        claimable(page, i)
        and page.label(i) not in (Label.BYLINE, Label.DATE, Label.CAPTION)
        and 3 <= stats.words <= 20
        and not stats.ends_sentence
        and stats.vocab is None
        and not stats.url
        and not stats.separators
        and stats.ui_ratio < 0.5
        and not BYLINE_START.match(page.lines[i].text)
    )


def short_line(page: Page, nonblank: list[int], k: int) -> bool:
    """3 to 25 words, no full stop, separator or table cells: a headline or a link.

    >>> page = Page("Council votes to rebuild pier\\nHome\\tNews\\tSport")
    >>> short_line(page, page.nonblank(), 0), short_line(page, page.nonblank(), 1)
    (True, False)
    """
    st = page.stats[nonblank[k]]
    return (
        3 <= st.words <= 25
        and not st.ends_full_stop
        and not st.separators
        and not CELL_GAP.search(page.lines[nonblank[k]].text.strip())
    )


def in_short_run(page: Page, nonblank: list[int], k: int) -> bool:
    """A short line between two short lines: inside a list of links, likely.

    >>> page = Page("Ferry company posts record season\\nHarbour festival returns again\\n"
    ...             "New lighthouse museum opens")
    >>> [in_short_run(page, page.nonblank(), k) for k in range(3)]
    [False, True, False]
    """
    return (
        0 < k < len(nonblank) - 1
        and short_line(page, nonblank, k - 1)
        and short_line(page, nonblank, k)
        and short_line(page, nonblank, k + 1)
    )


def list_item(page: Page, i: int) -> bool:
    """Headline-shaped, as the items of a list of other stories are: 3 to 25 words,
    no label, separator, link, sentence or meta line.

    >>> page = Page("Ferry company posts record season\\nChange Type Size\\nBy Jane Doe")
    >>> [list_item(page, i) for i in range(3)]
    [True, False, False]
    """
    st = page.stats[i]
    return (
        3 <= st.words <= 25
        and st.vocab is None
        and not (st.words <= 4 and st.ui_ratio >= 0.5)  # "Change Type Size"
        and not st.separators
        and not st.url
        and not (st.ends_full_stop and page.lines[i].text.rstrip()[-1:] == ".")
        and not meta_line(page, i)
    )


def list_header(page: Page, i: int) -> bool:
    """The label over a list of other stories: "Related News", "Most read".

    >>> page = Page("Related News\\nMore latest news\\nCouncil votes to rebuild pier")
    >>> [list_header(page, i) for i in range(3)]
    [True, False, False]
    """
    st = page.stats[i]
    # "More latest news" closes the list above as often as it opens one
    return (
        not st.separators
        and not MORE_LINK.match(page.lines[i].text)
        and (
            st.vocab == "related"
            or (st.words <= 8 and _LIST_HEADER.match(page.lines[i].text) is not None)
        )
    )
