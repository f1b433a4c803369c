"""What lies near a line, read off the page and its kinds: the next content line,
the text after or before a header, whether lines are prose or a headline, and
whether a line is a bare commenter's name ("Jane Doe", "http://site Name").

>>> from textclean.page import Page
>>> page = Page("Jane Doe\\nI liked this a lot, thanks for writing.\\n")
>>> _name_line(page, 0, 6), _name_line(page, 1, 6), _prose(page, [1])
(True, False, True)
"""

from __future__ import annotations

from ..language import stopwords
from ..page import Page
from .fields import _INITIAL_END, _URL_NAME, _name_ok
from .gates import _WORDS
from .kinds import BLANK, CHROME, TEXT, Kinds


def _next_content(kinds: Kinds, line: int) -> int | None:
    """The first line after `line` that is neither blank nor chrome."""
    for i in range(line + 1, len(kinds)):
        if kinds[i] not in (BLANK, CHROME):
            return i
    return None


def _prev_nonblank(page: Page, line: int) -> int | None:
    for i in range(line - 1, -1, -1):
        if not page.lines[i].blank:
            return i
    return None


def _text_after(page: Page, kinds: Kinds, line: int, limit: int) -> list[int]:
    """Text lines after `line` that can still belong to a comment."""
    out: list[int] = []
    short_run = 0
    for i in range(line + 1, len(kinds)):
        kind = kinds[i]
        if kind == BLANK:
            continue
        if kind == CHROME:
            if out:
                break
            continue
        if kind != TEXT:
            break
        s = page.stats[i]
        # a run of short unfinished lines is a menu or a sidebar, not comment text
        short_run = short_run + 1 if s.words <= 4 and not s.ends_sentence else 0
        if short_run >= 3 or s.repeats > 1:
            break
        out.append(i)
        if len(out) >= limit:
            break
    while out and page.stats[out[-1]].words <= 4 and not page.stats[out[-1]].ends_sentence:
        out.pop()
    return out


def _text_before(page: Page, kinds: Kinds, line: int, stop: int, limit: int) -> list[int]:
    """Text lines before `line` (down to `stop`, exclusive) that can belong to a comment
    whose header trails it."""
    out: list[int] = []
    for i in range(line - 1, stop, -1):
        kind = kinds[i]
        if kind == BLANK:
            continue
        if kind == CHROME:
            if out:
                break
            continue
        if kind != TEXT or page.stats[i].repeats > 1:
            break
        out.append(i)
        if len(out) >= limit:
            break
    return out[::-1]


def _prose(page: Page, lines: list[int]) -> bool:
    """Whether some line ends a sentence or reads as running text."""
    for i in lines:
        s = page.stats[i]
        if (s.ends_sentence and s.letters >= 3) or (s.words >= 10 and s.stop_ratio >= 0.25):
            return True
    return False


def _headline(page: Page, i: int) -> bool:
    """Title Case ("Zillow to Acquire Mortech", "3. Who's the Loser Now?"): a headline,
    not talk; people do not capitalise every word of what they say."""
    s = page.stats[i]
    if s.words < 3 or s.words > 25:
        return False
    # numbers and apostrophe pieces ("Who's" -> "s") have no case
    words = [w for w in page.words(i) if len(w) > 1 and not w.isdigit()]
    if len(words) < 3:
        return False
    title = sum(1 for w in words if w[0].isupper())
    return title >= (0.7 if s.ends_full_stop else 0.6) * len(words)


def _name_line(page: Page, i: int, max_author_words: int) -> bool:
    """A line that is only a commenter's name ("Jane Doe", "Teresa M.")."""
    s = page.stats[i]
    if not 1 <= s.words <= max_author_words - 1 or s.chars > 40:
        return False  # tested below too: first, as they are cheap
    text = page.lines[i].text.strip()
    # "Teresa M.": an initial's full stop does not end a sentence
    initial = s.words >= 2 and _INITIAL_END.search(text) is not None
    if initial:
        text = text[:-1]
    return (
        1 <= s.words <= max_author_words - 1
        and s.chars <= 40
        and _name_ok(text, max_author_words)
        and (initial or not s.ends_sentence)
    )


def _name_span(page: Page, i: int, max_author_words: int) -> tuple[int, int] | None:
    """The span of a bare-name line, or of "http://site Name" (kept whole: the link is
    part of how the widget prints the author)."""
    text = page.lines[i].text
    stripped = text.strip()
    a = text.index(stripped) if stripped else 0
    if _name_line(page, i, max_author_words):
        return a, a + len(stripped)
    if not stripped.endswith(".") and not stripped.startswith(("http://", "https://")):
        # neither a link (_URL_NAME) nor a final initial: `name` would be the line as
        # it stands, which the test below refuses
        return None
    m = _URL_NAME.fullmatch(stripped)
    name = m.group("name") if m else stripped
    # "Amy D.": an initial's full stop does not end a sentence
    name = name[:-1] if _INITIAL_END.search(name) else name
    words = max_author_words - 1
    if (m or name != stripped) and len(name) <= 40 and _name_ok(name, words):
        return a, a + len(stripped)
    return None


def _bare_name(page: Page, i: int, max_author_words: int) -> tuple[int, int] | None:
    """`_name_span` for a line with no header shape at all: not a short remark made
    mostly of function words ("cool and I mean that")."""
    s = page.stats[i]
    if s.words >= 3 and s.stop_ratio >= 0.5 and not s.url:
        return None
    return _name_span(page, i, max_author_words)


def person_like(page: Page, i: int) -> bool:
    """A name line that reads as a person or a handle, not a subheading ("Peaks and
    valleys", "Crafting wonder") or a salutation ("Dear Governor,"): no function words
    (a linked name, "http://site Name", is the widget's own), and its words all
    capitalised or all in lower case ("Joel Hruska", "h4rm0ny")."""
    text = page.lines[i].text.strip()
    if text.endswith((",", ":")):
        return False
    link = _URL_NAME.fullmatch(text)
    if link is not None:
        text = link.group("name")
    elif page.stats[i].stop_words:
        # an initial ("Mita B.") may be a stop word of some list; a word of two letters
        # or more is the language's own ("Peaks and valleys")
        stop = stopwords(page.stop_language)
        if any(len(w) > 1 and w.casefold() in stop for w in page.words(i)):
            return False
    if any(
        any(ch.isdigit() for ch in piece) and not any(ch.isalpha() for ch in piece)
        for piece in text.split()
    ):
        return False  # "Speed 9.5": a figure, not part of a name
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) >= 4 and all(ch.isupper() for ch in letters):
        return False  # "LINER NOTES": a heading in capitals
    words = [w for w in _WORDS.findall(text) if w[:1].isalpha()]
    if len(words) < 2:
        return True
    upper = sum(1 for w in words if w[0].isupper())
    return upper in (0, len(words))


def scored_words(page: Page, lines: list[int]) -> tuple[float, float, int]:
    """How the scorer reads `lines`, weighted by their words: (article mass, comment
    mass, words); masses are sums of P * words. Needs `page.scores` and
    `page.comment_scores` (a scorer ran)."""
    scores, comment_scores = page.scores, page.comment_scores
    assert scores is not None and comment_scores is not None
    article = comment = 0.0
    words = 0
    for i in lines:
        w = page.stats[i].words
        article += scores[i] * w
        comment += comment_scores[i] * w
        words += w
    return article, comment, words

