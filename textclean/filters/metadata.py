"""Metadata extractors: the title, the byline, the date and the captions.

Runs after the content filter, reading where the article body starts:

- title: the headline-shaped line closest above the body (a few words, no
  full stop), preferring one whose words recur in the body's first paragraphs
  and one the page repeats (the browser title and the headline); the other
  copies are removed as repeats;
- byline: "By Jane Doe" / "Von ..." / "Par ..." near the start of the body;
- date: a short line near the start of the body holding a date or time;
- captions: lines in or just above the body that carry a photo credit.

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

import regex

from ..dates import TimeMatch, find_time_span
from ..language import stopwords
from ..page import Label, MetaClaim, Page
from ..pipeline import Count, Filter, FilterOptions, Probability, Weight, register

# A person's name as bylines print it: capitalised words, particles allowed between.
_NAME = (
    r"(?-i:\p{Lu})[\p{L}.'’-]*(?:\s+(?:(?:van|von|de|der|den|da|di|del|la|le|du|dos)\s+)?"
    r"(?-i:\p{Lu})[\p{L}.'’-]*){0,3}"
    r"(?:\s+(?:and|und|et|y|e|en|и|&)\s+(?-i:\p{Lu})[\p{L}.'’-]*(?:\s+(?-i:\p{Lu})[\p{L}.'’-]*){0,2})?"
)
_BY_WORDS = (
    r"by|written by|posted by|words by|story by|author:?|von|par|por|di|door|de|от|автор:?"
    r"|texto?:|text:|testo di|escrito por|écrit par|geschrieben von"
)
# "By Jane Doe", "Автор: Анна Ковалёва": the label opens the segment.
_BYLINE_OPEN = regex.compile(
    rf"^\s*(?:{_BY_WORDS})\s+(?P<name>{_NAME})"
    # what may follow the name: ", Staff Writer", " in London", " and agencies", " -- Sun Media"
    r"(?:\s*(?:,|--|—|–|-|\||/|\bin\b|\band\b|\bat\b|\bfor\b|\bof\b).{0,60})?\s*$",
    regex.IGNORECASE,
)
# Any line that opens like a byline is no headline, even where its name is not read.
_BYLINE_START = regex.compile(rf"^\s*(?:{_BY_WORDS})\s+\p{{Lu}}", regex.IGNORECASE)
# "Posted on July 19, 2012 by Edwin Marsh": the label closes it.
_BYLINE_CLOSE = regex.compile(
    rf"(?:^|\s)(?P<by>{_BY_WORDS})\s+(?P<name>{_NAME})\s*$", regex.IGNORECASE
)
# By-words that are also plain prepositions ("Le Potager de Clémence", "Il Corriere di
# Valsenna"): closing a line they name a byline only after a date or a posting verb.
_PREPOSITION_BY = frozenset({"de", "di", "door", "от", "von"})
_WORDS = regex.compile(r"\w+")
_META_MAX_CHARS = 500  # a byline or date line is short; longer ones are never read as one
# what leads up to "by Jane Doe" on a meta line: a date or time, or a posting verb
_META_LEAD = regex.compile(
    r"\d|^\W*(?:posted|written|published|filed|uploaded|submitted|updated|photos?|text|story|words)\b",
    regex.IGNORECASE,
)
_BARE_NAME = regex.compile(rf"^\s*(?P<name>{_NAME})\s*$")
# Meta lines are split into segments at these: "Jane Doe · 12 March 2024 · 7 min read".
# Whitespace runs are possessive and read from their start only (a start inside a
# run has the same continuation): linear on a line padded with spaces.
_META_SPLIT = regex.compile(
    r"(?<!\s)\s++[·|•—–]\s++|(?<!\s)\s++-\s++|(?<!\s)\s*+\|\s*+|\|\s*+"
    r"|,\s+(?=(?-i:\p{Lu})\p{Ll}+\s+(?:Writer|Editor|Reporter|Correspondent)\b)"
)


def read_meta_line(text: str) -> tuple[tuple[int, int] | None, TimeMatch | None]:
    """The byline name's span and the date in a short meta line, where present.

    >>> line = "Posted on July 19, 2012 by Edwin Marsh"
    >>> name, when = read_meta_line(line)
    >>> line[name[0]:name[1]], when.stamp.raw
    ('Edwin Marsh', 'July 19, 2012')
    >>> line = "Tomas Eklund · 12 March 2024 · 7 min read"
    >>> name, when = read_meta_line(line); line[name[0]:name[1]]
    'Tomas Eklund'
    >>> read_meta_line("By the end of the day the council had agreed.")[0] is None
    True
    """
    when = find_time_span(text)
    segments: list[tuple[int, int]] = []
    pos = 0
    for m in _META_SPLIT.finditer(text):
        segments.append((pos, m.start()))
        pos = m.end()
    segments.append((pos, len(text)))
    bare: tuple[int, int] | None = None
    for lo, hi in segments:
        piece = text[lo:hi]
        if when is not None and lo <= when.start and when.end <= hi:
            # "Posted on <date> by Jane": read the name from what follows the date
            tail = text[when.end : hi]
            m = _BYLINE_CLOSE.search(tail)
            if m:
                return (when.end + m.start("name"), when.end + m.end("name")), when
            continue
        m = _BYLINE_OPEN.match(piece)
        if m is None:
            # "Photos and text by Jane Doe", not "Lakers squeak by Grizzlies": without a
            # date beside it, few words may lead up to the label
            m = _BYLINE_CLOSE.search(piece)
            lead = piece[: m.start()] if m is not None else ""
            if (
                m is not None
                and not _META_LEAD.search(lead)
                and (len(_WORDS.findall(lead)) > 3 or m.group("by").casefold() in _PREPOSITION_BY)
            ):
                m = None
        if m:
            return (lo + m.start("name"), lo + m.end("name")), when
        m = _BARE_NAME.match(piece)
        if m and bare is None and 2 <= len(m.group("name").split()) <= 4:
            bare = (lo + m.start("name"), lo + m.end("name"))
    # a bare name counts only beside a date, on a line cut into segments
    if bare is not None and when is not None and len(segments) > 1:
        return bare, when
    return None, when


def date_only(text: str, when: TimeMatch, max_label_words: int = 3) -> bool:
    """A line that is a date with at most a short label ("Updated", "Last modified:").

    >>> line = "Updated March 12, 2024 at 9:40 a.m."
    >>> date_only(line, find_time_span(line))
    True
    >>> line = "On March 12, 2024 the council met again."
    >>> date_only(line, find_time_span(line))
    False
    """
    rest = text[: when.start] + " " + text[when.end :]
    return len(_WORDS.findall(rest)) <= max_label_words and not rest.rstrip().endswith(
        (".", "!", "?")
    )


_CREDIT = regex.compile(
    r"(?i)\((?:[^()]*\b(?:photo|foto|image|picture|credit|courtesy|illustration|bild|imagen|immagine|фото)\b[^()]*)\)"
    r"|(?:^|\s)(?:photo|foto|image|picture|bild|imagen|immagine|фото)\s*(?:credit)?\s*:\s*\S"
    # "(Devin Ashgrove/The Harbor Ledger)": photographer/agency in closing parentheses
    r"|\((?-i:\p{Lu})[\p{L}.'’ -]{1,40}/[^()/]{2,40}\)\s*$"
    r"|\b(?:getty images|ap photo|shutterstock|istock(?:photo)?)\b"
    # "... Photo by Jane Doe / The Courier", "Foto von ...": a credit closing the line
    r"|\b(?:photo(?:graph)?s?|foto|bild|imagen|immagine|image|picture)\s+(?:by|von|de|di|par|por|door)"
    r"\s+(?-i:\p{Lu})[^.!?]{0,80}$"
    r"|[/|]\s*(?:reuters|afp|ap|epa|dpa|getty)\s*\)?\s*$"
)
# Read off `_CREDIT`: a line without "(", ":", "/" or "|" can match only its
# credit-word branches, which need one of these words (casefolded: a superset of
# the pattern's case-insensitive match), so most body lines skip the search.
_CREDIT_MARKS = frozenset("(:/|")
_CREDIT_WORDS = ("photo", "foto", "bild", "imagen", "immagine", "image", "picture",
                 "getty", "ap photo", "shutterstock", "istock")


def _has_credit(text: str) -> bool:
    if _CREDIT_MARKS.isdisjoint(text):
        folded = text.casefold()
        if not any(word in folded for word in _CREDIT_WORDS):
            return False
    return _CREDIT.search(text) is not None


# "Source: Press Association", "Cast: ...", "Filed under: ...": a field of the page's
# metadata, not a headline.
_FIELD = regex.compile(
    r"^\s*(?:source|location|courtesy|credits?|cast|starring|director|release(?:d)?|filed under"
    r"|categor(?:y|ies)|tags?|topics?|keywords|section|rating|genre|runtime|quelle|fuente|fonte"
    r"|источник|rubrique|catégorie|kategorie|schlagworte|etiquetas|图注|图片|来源|作者|责任编辑|摄影)\s*[:：]",
    regex.IGNORECASE,
)
# "Derby County (0) 0 Wigan Athletic (0) 1": a result line under a match report's headline.
_TEAM = r"(?:(?-i:\p{Lu})[\p{L}.'&-]*\s+){1,4}"
_GOALS = r"\(?\d{1,3}\)?(?:\s+\(?\d{1,3}\)?)?"
_SCORE_LINE = regex.compile(rf"^\s*{_TEAM}{_GOALS}\s*[-–,]?\s+{_TEAM}{_GOALS}\s*$")


def _claimable(page: Page, i: int) -> bool:
    """Metadata may take article lines and the content scorer's boilerplate, not the
    lines that widget, donation or comment filters removed."""
    d = page.standing(i)
    return (
        d is None
        or d.label is Label.ARTICLE
        or (d.label is Label.BOILERPLATE and d.filter == "content" and d.confidence < 0.75)
    )


def _dateline(page: Page, i: int) -> bool:
    found = find_time_span(page.lines[i].text)
    return found is not None and not found.stamp.relative


def _lines_above(page: Page, nonblank: list[int], first: int, n: int) -> list[int]:
    """Up to n lines above the body, not counting widget lines (share bars push the
    byline away from the text), in page order."""
    out: list[int] = []
    for k in range(first - 1, max(-1, first - 4 * n), -1):
        i = nonblank[k]
        d = page.standing(i)
        if d is not None and d.filter in ("widgets", "donation"):
            continue
        out.append(i)
        if len(out) >= n:
            break
    return out[::-1]


def _topic_words(page: Page, i: int, stop: frozenset[str]) -> set[str]:
    """A line's content words, cut to a short stem so "shoplifting" meets "shoplift".

    >>> page = Page("Council approves the new budget")
    >>> sorted(_topic_words(page, 0, frozenset({"the"})))
    ['appro', 'budge', 'counc', 'new']
    """
    return {w.casefold()[:5] for w in page.words(i) if len(w) > 2 and w.casefold() not in stop}


# "Jane Doe, The Harbor Ledger", "Jane Doe in Lisbon": an unlabelled byline.
_NAME_LINE = regex.compile(
    r"^\s*(?-i:\p{Lu}[\p{L}'’-]+)(?:\s+(?-i:\p{Lu})\.?)?(?:\s+(?-i:\p{Lu}[\p{L}'’-]+)){1,2}"
    r"\s*(?:,|\bat\b|\bin\b|\bfor\b|—|–|-)\s*(?-i:\p{Lu})[^.!?]{0,40}$"
)
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
# "AP Sports Writer", "Staff Reporter", "The Oregonian Staff": the byline's second line.
_ROLE_LINE = regex.compile(
    r"^\W*(?:\w+\W+){0,4}(?:writer|reporter|correspondent|editor|columnist|staff|contributor"
    r"|redakteur|korrespondent|rédacteur|redactor|corresponsal|giornalista)\W*$",
    regex.IGNORECASE,
)
# "More news stories", "More from Sport": heads or closes a list of other stories.
_MORE_LINK = regex.compile(
    r"^\W*more (?:\w+ ){0,2}(?:news|stories|articles|headlines|from|on|in)\b", regex.IGNORECASE
)
# lower-case lines that are labels, not the rest of a sentence
_WRAP_LEAD = regex.compile(r"^\s*(?:by|posted|updated|published|filed|from|photo|via)\b")
_NEVER_TITLES = ("comment", "widget", "pagination", "print", "footer", "tags", "trackback")
# "Home\t\tScores\t\tFixtures": the cells of a menu or a table row
_CELL_GAP = regex.compile(r"\t+|[ \u00a0]{3,}")
_CLOCK = regex.compile(r"\b\d{1,2}:\d{2}\b")
_ITEM_MARKS = frozenset("+-*•·◦▪►▸→>»–—")


def _wrapped(page: Page, nonblank: list[int], k: int) -> bool:
    """Hard-wrapped prose: a line that ends no sentence and goes on in lower case.

    >>> page = Page("The council agreed on\\nTuesday to build it.\\nthe end of the line goes")
    >>> [_wrapped(page, page.nonblank(), k) for k in range(3)]
    [False, False, False]
    >>> page = Page("The council voted on a plan\\nto build a pier.")
    >>> _wrapped(page, page.nonblank(), 0)
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
        and not _CLOCK.search(text)
        and not page.stats[nxt].separators
        and not _BYLINE_START.match(text)
        and _WRAP_LEAD.match(text) is None
    )


def _title_cased(page: Page, i: int) -> bool:
    """Four words or more, nearly all capitalised: "Jets (5-32) At Suns (27-12), 9 P.m."

    >>> page = Page("Jets (5-32) At Suns (27-12), 9 P.m.\\nThe Jets lost at home again.")
    >>> _title_cased(page, 0), _title_cased(page, 1)
    (True, False)
    """
    words = [w for w in page.words(i) if w[0].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


class MetadataOptions(FilterOptions):
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


@register
class MetadataFilter(Filter):
    """Finds title, byline, date and captions; see the module docstring."""

    name = "metadata"
    Options = MetadataOptions
    options: MetadataOptions
    trace: list[tuple[int, float, list[str]]] | None = None
    """Set to a list to collect the title candidates' scores (for debugging)."""

    def apply(self, page: Page) -> None:
        body = [i for i in range(len(page)) if page.label(i) is Label.ARTICLE]
        if not body:
            return
        nonblank = page.nonblank()
        pos = {line: k for k, line in enumerate(nonblank)}
        first = pos[body[0]]
        self._captions(page, body, nonblank, first)
        self._byline_and_date(page, nonblank, first)
        self._title(page, nonblank, first, body)

    def _claim(
        self, page: Page, role: Label, i: int, a: int, b: int, value: str, reason: str, stamp=None
    ) -> None:
        line = page.lines[i]
        if page.decide(i, role, self.name, reason, 0.75) is page.standing(i):
            page.meta.append(
                MetaClaim(
                    role.value, i, line.start + a, line.start + b, value, self.name, reason, stamp
                )
            )

    def _captions(self, page: Page, body: list[int], nonblank: list[int], first: int) -> None:
        window = _lines_above(page, nonblank, first, 3)
        for i in [*window, *body]:
            stats = page.stats[i]
            if 4 <= stats.words <= 80 and _has_credit(page.lines[i].text):
                page.decide(i, Label.CAPTION, self.name, "carries a photo credit: a caption", 0.75)

    def _byline_and_date(self, page: Page, nonblank: list[int], first: int) -> None:
        window = [
            *_lines_above(page, nonblank, first, self.options.meta_window),
            # the body's first lines may still be headline, deck, byline and date
            *nonblank[first : first + 5],
        ]
        # a filter that read them off a removed line (a forum post's header) came first
        found_byline = any(c.role == Label.BYLINE.value for c in page.meta)
        found_date = any(c.role == Label.DATE.value for c in page.meta)
        # short lines only: a meta line is a few words, and a huge line costs a regex pass
        window = [
            i
            for i in window
            if page.stats[i].words <= 25
            and len(page.lines[i].text) <= _META_MAX_CHARS
            and _claimable(page, i)
            and not (page.stats[i].ends_full_stop and page.stats[i].words > 12)
        ]
        reads = {i: read_meta_line(page.lines[i].text) for i in window}
        # a byline that carries its date ("Posted on March 6, 2024 by Dale Pruitt") dates
        # the article; a date line further up may be the masthead's "today"
        window.sort(key=lambda i: reads[i][0] is None or reads[i][1] is None)
        for i in window:
            stats = page.stats[i]
            if not _claimable(page, i):  # an earlier line's claim may have taken it
                continue
            text = page.lines[i].text
            name, when = reads[i]
            if name is not None and not found_byline:
                value = text[name[0] : name[1]]
                self._claim(
                    page, Label.BYLINE, i, *name, value, "byline near the top of the article"
                )
                found_byline = True
                if when is not None and not found_date and page.label(i) is Label.BYLINE:
                    found_date = True
                    page.meta.append(
                        MetaClaim(
                            Label.DATE.value,
                            i,
                            page.lines[i].start + when.start,
                            page.lines[i].start + when.end,
                            when.stamp.raw,
                            self.name,
                            "date on the byline line",
                            when.stamp,
                        )
                    )
                continue
            if when is not None and found_date and name is None and date_only(text, when):
                # "Updated March 12, 2024 at 9:40 a.m." under the published date
                page.decide(
                    i,
                    Label.BOILERPLATE,
                    self.name,
                    "a second date line near the top",
                    0.75,
                    "date-label",
                )
                continue
            # "today" or "3 hours ago" near a headline is rarely the article's date
            if (
                when is not None
                and not found_date
                and not when.stamp.relative
                and stats.words <= 14
            ):
                self._claim(
                    page,
                    Label.DATE,
                    i,
                    when.start,
                    when.end,
                    when.stamp.raw,
                    "date near the top of the article",
                    when.stamp,
                )
                found_date = True

    def _headline_shaped(self, page: Page, i: int) -> bool:
        stats = page.stats[i]
        return (
            _claimable(page, i)
            and page.label(i) not in (Label.BYLINE, Label.DATE, Label.CAPTION)
            and 3 <= stats.words <= 20
            and not stats.ends_sentence
            and stats.vocab is None
            and not stats.url
            and not stats.separators
            and stats.ui_ratio < 0.5
            and not _BYLINE_START.match(page.lines[i].text)
        )

    def _subtitle(self, page: Page, nonblank: list[int], title: int) -> None:
        """The deck: the line under the headline, when a byline, a date or a widget
        follows it, or when it is a short line that ends no sentence."""
        k = nonblank.index(title) + 1
        if k >= len(nonblank):
            return
        i = nonblank[k]
        stats = page.stats[i]
        label = page.label(i)
        if not _claimable(page, i) or label in (Label.BYLINE, Label.DATE, Label.CAPTION):
            return
        if not 5 <= stats.words <= self.options.max_subtitle_words or stats.vocab or stats.url:
            return
        text = page.lines[i].text
        # a dateline, a byline or a field of the page is no deck
        if (
            stats.has_time
            or _CLOCK.search(text)
            or _BARE_NAME.match(text)
            or stats.separators
            or (stats.words <= 8 and stats.ui_ratio >= 0.5)
            or _BYLINE_START.match(text)
            or _FIELD.match(text)
            or _ROLE_LINE.match(text)
            or (stats.words <= 8 and _NAME_LINE.match(text))
        ):
            # it is the headline's meta line all the same, not the body
            if stats.words <= 25 and not stats.ends_full_stop:
                page.decide(
                    i,
                    Label.BOILERPLATE,
                    self.name,
                    "a date, byline or label line under the headline",
                    0.75,
                    "meta-line",
                )
            return
        # a one-paragraph post: the line is the whole body, not a deck
        if not any(page.label(j) == Label.ARTICLE for j in nonblank[k + 1 :]):
            return
        after = nonblank[k + 1] if k + 1 < len(nonblank) else None
        follower = page.standing(after) if after is not None else None
        meta_follows = follower is not None and (
            follower.label in (Label.BYLINE, Label.DATE)
            or follower.filter in ("widgets", "donation")
        )
        if meta_follows or (not stats.ends_sentence and stats.words <= 30):
            value = text.strip()
            a = text.index(value)
            self._claim(
                page, Label.SUBTITLE, i, a, a + len(value), value, "the deck under the headline"
            )

    def _prose_start(self, page: Page, nonblank: list[int], first: int) -> int:
        """Where the article's prose starts: the first article paragraph of eight words
        or more that ends a sentence (headline-cased lines aside), if it is long or
        another such line follows it; a promotion ending in "!" or a teaser above the
        story stands alone. Hard-wrapped prose (a line whose next line goes on in
        lower case) is never skipped."""
        window = self.options.title_window

        def prose(k: int) -> bool:
            i = nonblank[k]
            stats = page.stats[i]
            return (
                page.label(i) is Label.ARTICLE
                and stats.words >= 8
                and stats.ends_sentence
                and not _title_cased(page, i)
                and stats.separators < 2
                # "How many lives can you save?" is as likely a headline as prose
                and (stats.words >= 10 or page.lines[i].text.rstrip()[-1:] not in "?!")
            )

        def body_like(k: int) -> bool:
            """A list item or a hard-wrapped line: the body may have begun here."""
            i = nonblank[k]
            stats = page.stats[i]
            text = page.lines[i].text.lstrip()
            if stats.bullet or text[:1] in _ITEM_MARKS:
                return True
            return _wrapped(page, nonblank, k)

        start = None
        streak = 0
        for k in range(first, min(len(nonblank), first + 3 * window)):
            if prose(k):
                start = k
                break
            if (
                k + 1 < len(nonblank)
                and _wrapped(page, nonblank, k)
                and page.label(nonblank[k + 1]) is Label.ARTICLE
                and _wrapped(page, nonblank, k + 1)
            ):
                start = k  # a hard-wrapped paragraph opens the body
                break
            streak = streak + 1 if body_like(k) else 0
            if k >= first + window and streak >= 3:
                break
        if start is None:
            return first
        streak = 0
        for k in range(start, min(len(nonblank), start + 2 * window)):
            i = nonblank[k]
            streak = streak + 1 if body_like(k) else 0
            if streak >= 3:
                return start
            if not prose(k):
                continue
            nxt = nonblank[k + 1] if k + 1 < len(nonblank) else None
            if page.stats[i].words >= 25 or nxt is None or page.label(nxt) is not Label.ARTICLE:
                return k
            if prose(k + 1):
                return k
            # a lede, a subhead or two, then a long paragraph: the body has begun
            j = k + 1
            while (
                j < min(len(nonblank), k + 3)
                and page.stats[nonblank[j]].words <= 8
                and not page.stats[nonblank[j]].ends_sentence
            ):
                j += 1
            if k + 1 < j < len(nonblank) and prose(j) and page.stats[nonblank[j]].words >= 25:
                return k
        return start

    def _title(self, page: Page, nonblank: list[int], first: int, body_lines: list[int]) -> None:
        opts = self.options
        best, best_score, best_why = None, 0.0, ""
        # The model often counts the headline (and a browser-title line) as article:
        # search above the first line of prose, not above the first article line.
        first = self._prose_start(page, nonblank, first)
        # Captions and sidebar teasers the model let in can open the body; where the
        # scorer is surer of a paragraph a little further down, search above that one.
        scores = page.scores
        prose = first
        if scores is not None and scores[nonblank[first]] < opts.sure_prose:
            first = next(
                (
                    k
                    for k in range(first + 1, min(len(nonblank), first + opts.title_window))
                    if page.label(nonblank[k]) is Label.ARTICLE
                    and scores[nonblank[k]] >= opts.sure_prose
                    and page.stats[nonblank[k]].words >= 8
                    and page.stats[nonblank[k]].ends_sentence
                ),
                first,
            )

        # The window counts text lines: share bars, menus and one-word labels between
        # the headline and the body count a quarter.
        def short_line(k: int) -> bool:
            st = page.stats[nonblank[k]]
            return (
                3 <= st.words <= 25
                and not st.ends_full_stop
                and not st.separators
                and not _CELL_GAP.search(page.lines[nonblank[k]].text.strip())
            )

        def listy(k: int) -> bool:
            """Inside a run of short lines: a list of links counts half."""
            return (
                0 < k < len(nonblank) - 1
                and short_line(k - 1)
                and short_line(k)
                and short_line(k + 1)
            )

        dist: dict[int, float] = {}
        d = 0.0
        lo = first
        for k in range(first, max(-1, first - 4 * opts.title_window), -1):
            dist[k] = d
            lo = k
            i = nonblank[k]
            st = page.stats[i]
            dec = page.standing(i)
            light = (
                st.words <= 2
                or st.vocab is not None
                or st.url
                or (dec is not None and dec.filter in ("widgets", "donation"))
            )
            d += 0.25 if light else 0.5 if listy(k) else 1.0
            if d > opts.title_window:
                break
        # The browser title ("Headline - Site") is usually among the first lines of a dump.
        heads = [page.stats[i].norm for i in nonblank[:3]]
        # A headline announces the story: its words recur in the first paragraphs.
        stop = stopwords(page.language)
        lead: list[tuple[int, set[str]]] = []
        budget = opts.lead_words
        for k in range(prose, len(nonblank)):
            if budget <= 0:
                break
            i = nonblank[k]
            if page.label(i) is Label.ARTICLE and page.stats[i].words >= 8:
                lead.append((k, _topic_words(page, i, stop)))
                budget -= page.stats[i].words
        lead_words: set[str] = set().union(*(w for _, w in lead))

        def meta(j: int) -> bool:
            """A byline or a date line, claimed or not (only one date is claimed)."""
            st = page.stats[j]
            return (
                page.label(j) in (Label.BYLINE, Label.DATE)
                or (st.has_time and st.words <= 8 and _dateline(page, j))
                or (st.words <= 25 and _BYLINE_START.match(page.lines[j].text) is not None)
            )

        # Runs of headline-shaped lines are lists of links (related stories, most read):
        # the headline stands alone between labels, bylines and dates.
        def item(j: int) -> bool:
            st = page.stats[j]
            return (
                3 <= st.words <= 25
                and st.vocab is None
                and not (st.words <= 4 and st.ui_ratio >= 0.5)  # "Change Type Size"
                and not st.separators
                and not st.url
                and not (st.ends_full_stop and page.lines[j].text.rstrip()[-1:] == ".")
                and not meta(j)
            )

        def list_header(j: int) -> bool:
            st = page.stats[j]
            # "More latest news" closes the list above as often as it opens one
            return (
                not st.separators
                and not _MORE_LINK.match(page.lines[j].text)
                and (
                    st.vocab == "related"
                    or (st.words <= 8 and _LIST_HEADER.match(page.lines[j].text) is not None)
                )
            )

        run: dict[int, int] = {}
        listed: set[int] = set()  # the lines of a list under a "Related ..." label
        k = lo
        while k <= first:
            if not item(nonblank[k]):
                k += 1
                continue
            e = k
            while e + 1 <= first and item(nonblank[e + 1]) and not list_header(nonblank[e + 1]):
                e += 1
            for kk in range(k, e + 1):
                run[kk] = e - k + 1
            if k > 0 and list_header(nonblank[k - 1]):
                listed.update(range(k, e + 1))
            k = e + 1
        for k in range(first, lo - 1, -1):
            i = nonblank[k]
            stats = page.stats[i]
            label = page.label(i)
            if label in (Label.BYLINE, Label.DATE, Label.CAPTION) or not _claimable(page, i):
                continue
            if not 2 <= stats.words <= opts.max_title_words or stats.url or not stats.norm:
                continue
            if stats.vocab is not None and (
                stats.repeats <= 1 or stats.vocab.startswith(_NEVER_TITLES)
            ):
                continue  # a UI label ("Comments: 87" however often it repeats)
            own = _topic_words(page, i, stop)
            seen = set().union(*(w for kk, w in lead if kk > k))
            # one shared word says little about a one- or two-word line ("World")
            share = len(own & seen) / max(len(own), opts.lead_min_words) if own and seen else 0.0
            if stats.ui_ratio >= 0.75 and (share < 0.5 or stats.words < 4):
                continue  # "Email Print Text Size", "Sign In to E-Mail or Save This"
            text = page.lines[i].text
            if _BYLINE_START.match(text):
                continue  # "By Julian Linden in Sydney"
            if _wrapped(page, nonblank, k) or (k > 0 and _wrapped(page, nonblank, k - 1)):
                continue  # a piece of a hard-wrapped paragraph
            if (
                _FIELD.match(text)
                or _SCORE_LINE.match(text)
                or _ROLE_LINE.match(text)
                or stats.separators >= 2
                or len(_CELL_GAP.findall(text.strip())) >= 2
            ):
                continue  # "Source: Press Association", "Leeds 2 Hull 1", "Home » News » ..."
            if stats.digit_ratio > 0.3 or (
                stats.has_time and stats.words <= 8 and _dateline(page, i)
            ):
                continue  # a dateline or a score line
            # a sentence, not a headline; but headlines ask ("Is the boom over?"), cry
            # out, and capitalise every word up to a final abbreviation ("7:30 P.m.")
            stopped = stats.ends_full_stop and not (
                (stats.words <= 14 and text.rstrip()[-1:] in "?!") or _title_cased(page, i)
            )
            if stopped and (stats.repeats <= 1 or label is Label.ARTICLE):
                continue
            if label is Label.ARTICLE and (stats.words > 20 or len(body_lines) <= 1):
                continue  # would take the body's own first paragraph
            why = []
            score = 1.0 - 0.04 * dist[k]
            # the headline sits right above its byline and date
            after = [meta(j) for j in nonblank[k + 1 : k + 3]]
            above_meta = bool(after) and after[0]
            if above_meta:
                score += 0.5
                why.append("right above the byline or date")
            elif len(after) > 1 and after[1]:
                score += 0.25
                why.append("above the byline or date")
            below = any(meta(j) for j in nonblank[max(0, k - 2) : k])
            if below and not above_meta and not (len(after) > 1 and after[1]):
                score -= opts.below_meta
            # repeated whole (headline and browser title), or inside the browser title
            # ("Headline - Site Name"), where the site's name is too: that counts less
            in_head = any(
                stats.norm != h and len(stats.norm) >= 12 and stats.norm in h for h in heads
            )
            echoed = stats.repeats > 1 or in_head
            if stats.repeats > 1:
                score += opts.repeat_bonus
                why.append("repeated on the page")
            elif in_head:
                score += 0.4
                why.append("inside the page's first lines")
            if stats.words >= 4:
                score += 0.3
            elif not echoed:
                score -= 0.4 if stats.words == 3 else 0.7
            if stats.words > 18:
                score -= 0.3
            if stats.words >= 3 and stats.title_words / stats.words > 0.6:
                score += 0.2
                why.append("capitalised like a headline")
            if stats.separators:
                score -= 0.8  # "Home | Sport", "Derby homepage | Wigan homepage"
            if stats.ends_full_stop:
                score -= 0.3
            if k in listed or list_header(i) or _MORE_LINK.match(text):
                score -= 2 * opts.list_penalty
                why.append("a list of other stories")
            elif run.get(k, 0) >= opts.list_run:
                score -= opts.list_penalty
                why.append("one of a list of links")
            # "Jane Doe in Lisbon" under the headline, or beside a date below it
            headline_above = k > 0 and self._headline_shaped(page, nonblank[k - 1])
            if (
                stats.words <= 8
                and _NAME_LINE.match(text)
                and (below or (above_meta and headline_above))
            ):
                score -= 1.5
                why.append("a name beside the date: a byline")
            if own and seen:
                score += opts.lead_weight * share
                if share >= 0.3:
                    why.append("its words recur in the first paragraphs")
                elif not share and len(own) >= 2:
                    score -= opts.lead_miss
            if k > prose and label is Label.ARTICLE:
                score -= opts.below_prose
                why.append("below the first paragraph")
            if label is Label.ARTICLE:
                # right above the prose, the model's article line is its headline
                score += -0.2 if k == first else 0.3
            elif label is Label.BOILERPLATE:
                score -= 0.3
            if self.trace is not None:
                self.trace.append((i, round(score, 2), why))
            if score > best_score:
                best, best_score = i, score
                best_why = ", ".join(["headline-shaped line above the body", *why])
        if best is None:
            return
        norm = page.stats[best].norm
        # Of several copies (browser title, headline), the one nearest the body is the headline.
        best = max(
            (
                i
                for i in nonblank[lo : first + 1]
                if page.stats[i].norm == norm and _claimable(page, i)
            ),
            default=best,
        )
        # A shorter headline-shaped line right above is the headline; this line is its deck.
        k = nonblank.index(best)
        above = nonblank[k - 1] if k else None
        if (
            above is not None
            and self._headline_shaped(page, above)
            and page.stats[above].words >= 5
            and 1.3 * page.stats[above].words < page.stats[best].words
            # the headline announces the story too, and opens the heading: a related
            # link in a list of them does neither
            and bool(_topic_words(page, above, stop) & lead_words)
            and not (
                k >= 2
                and self._headline_shaped(page, nonblank[k - 2])
                and page.stats[nonblank[k - 2]].words >= 5
            )
        ):
            best, best_why = above, "headline-shaped line above its deck"
        text = page.lines[best].text
        value = text.strip()
        a = text.index(value)
        self._claim(page, Label.TITLE, best, a, a + len(value), value, best_why)
        self._subtitle(page, nonblank, best)
        # the other copies of the headline (browser title, breadcrumbs) are repeats
        for i in nonblank:
            if i != best and norm and page.stats[i].norm == norm:
                page.decide(
                    i, Label.BOILERPLATE, self.name, "repeat of the title", 0.8, "title-repeat"
                )
