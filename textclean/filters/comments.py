"""Comment-section detector: where the discussion under a page starts and ends,
and how it splits into comments (author, time, votes, text, replies).

1. The section starts at a comment header or the widget chrome around it
   ("2 Comments", "Leave a Reply", "Notify of", "Kommentare (3)") that comes
   after the article's prose; it ends at the page footer or at the comment
   form.
2. Inside, a comment starts at a header: a line with a name and a time
   ("Jane says:", "July 21, 2012 at 5:46 pm", "Posted by: Jim | Sep 26, 2012"),
   or a short name line followed by prose. Action words ("Reply", "Report",
   vote arrows) are chrome; a number standing alone after a comment is its votes.
3. Indentation (blocks dumps), "@name" openings and "in reply to" give replies.

>>> from textclean.page import Page
>>> text = ("An article sentence that is long enough to count as prose, it says.\\n"
...         "2 Comments\\nJane Doe\\nJuly 21, 2012 at 5:46 pm\\nI liked this a lot, thanks for writing.\\n"
...         "Reply\\nBob\\n3 hours ago\\nMe too, it was a very good read.\\n")
>>> page = Page(text); CommentFilter().apply(page)
>>> [(c.author, c.posted.raw) for c in page.comments]
[('Jane Doe', 'July 21, 2012 at 5:46 pm'), ('Bob', '3 hours ago')]
>>> page.declared_comment_count
2
"""

from __future__ import annotations

import regex

from ..dates import find_time_span, is_short_age
from ..page import CommentDraft, CommentPart, Label, Page
from ..pipeline import Filter, FilterOptions, register

_COUNT = regex.compile(r"(\d[\d.,]*)")
_SAYS = regex.compile(
    r"^\s*(?P<name>[^\n:]{1,60}?)\s+(?:says|said|wrote|writes|schreibt|schrieb|dit|a écrit|dice|dijo|"
    r"escribió|scrive|ha scritto|diz|escreveu|zegt|schreef|пишет|написал[а]?)\s*:?\s*(?P<rest>.*)$",
    regex.IGNORECASE,
)
_POSTED_BY = regex.compile(
    r"^\s*(?:posted by|written by|comment by|reply by|post by|von|par|por|di|door|от)\s*:?\s*"
    r"(?P<name>[^|»\n]{1,60}?)\s*(?:\||»|on|at|@|-|–|—|,)\s*(?P<rest>.*)$",
    regex.IGNORECASE,
)
_NAME_TIME_SEP = regex.compile(r"\s*(?:\||•|·|—|–|-|,|\bon\b|\bat\b|@)\s*")
_VOTES = regex.compile(r"^\s*([+-]?\d{1,5})\s*(?:points?|votes?|likes?|△|▲|▽|▼|\+|-)?\s*$")
_ARROWS = regex.compile(r"^[\s△▲▽▼↑↓⬆⬇+\-•·|\d]*$")
_MENTION = regex.compile(r"^\s*@(\w[\w.-]{0,30})")
_STRUCTURAL_NUMBER = regex.compile(r"^\s*\d+(?:\.\d+)+\.?\s")

_SECTION_STARTERS = frozenset({"comment-header", "comment-chrome"})
_SECTION_ENDERS = frozenset({"footer", "related", "widget:app", "widget:cookie", "navigation"})


class CommentOptions(FilterOptions):
    max_author_words: int = 6
    """An author line has at most this many words."""
    min_prose_before: int = 1
    """Lines of prose (10+ words) needed before a section header counts."""


def _is_action(page: Page, i: int) -> bool:
    stats = page.stats[i]
    text = page.lines[i].text.strip()
    if stats.vocab in {"comment-action", "widget:share"}:
        return True
    if not text or _ARROWS.match(text) and not text.strip().isdigit():
        return True
    # "Like · Reply · 2y", "Reply ↓", "Report abuse"
    parts = [p for p in regex.split(r"\s*[·•|]\s*", text) if p]
    return len(parts) > 1 and all(
        is_short_age(p) or page_vocab_is(p, "comment-action") for p in parts
    )


def page_vocab_is(text: str, category: str) -> bool:
    from ..vocabulary import default_vocabulary

    return default_vocabulary().match(text) == category


@register
class CommentFilter(Filter):
    """Finds the comment section and parses its comments; see the module docstring."""

    name = "comments"
    Options = CommentOptions
    options: CommentOptions

    def apply(self, page: Page) -> None:
        section = self.find_section(page)
        if section is None:
            return
        start, end = section
        page.comment_section = section
        self.parse(page, start, end)

    # -- where ----------------------------------------------------------
    def find_section(self, page: Page) -> tuple[int, int] | None:
        stats = page.stats
        prose = 0
        start = None
        for i in page.nonblank():
            s = stats[i]
            if s.vocab in _SECTION_STARTERS and prose >= self.options.min_prose_before:
                start = i
                break
            if s.words >= 10 and s.ends_sentence:
                prose += 1
        if start is None:
            return None
        end = len(page.lines)
        seen_comment_like = False
        for i in range(start + 1, len(page.lines)):
            s = stats[i]
            if page.lines[i].blank:
                continue
            if s.vocab in _SECTION_ENDERS and seen_comment_like:
                end = i
                break
            if s.words >= 4:
                seen_comment_like = True
        return start, end

    # -- what -----------------------------------------------------------
    def parse(self, page: Page, start: int, end: int) -> None:
        lines = [i for i in range(start, end) if not page.lines[i].blank]
        headers = self._headers(page, lines)
        current: CommentDraft | None = None
        depth_base: int | None = None
        for i in lines:
            stats = page.stats[i]
            line = page.lines[i]
            text = line.text
            if i in headers:
                author, author_span, time_span, stamp = headers[i]
                if current is not None and current.posted is None and author is None and stamp is not None:
                    # a time line right after its author line
                    current.posted = stamp
                    current.lines.append(i)
                    current.parts.append(CommentPart("posted", line.start + time_span[0], line.start + time_span[1]))
                    page.decide(i, Label.COMMENT, self.name, "comment time", 0.7)
                    continue
                current = CommentDraft(lines=[i], author=author, posted=stamp)
                indent = stats.indent
                if depth_base is None:
                    depth_base = indent
                current.depth = 1 if indent > depth_base else 0
                if author_span:
                    current.parts.append(CommentPart("author", line.start + author_span[0], line.start + author_span[1]))
                if time_span:
                    current.parts.append(CommentPart("posted", line.start + time_span[0], line.start + time_span[1]))
                page.comments.append(current)
                page.decide(i, Label.COMMENT, self.name, "comment header (author/time)", 0.7)
                continue
            if stats.vocab in _SECTION_STARTERS or stats.vocab == "comment-closed":
                if stats.vocab == "comment-header" and page.declared_comment_count is None:
                    m = _COUNT.search(text)
                    if m:
                        page.declared_comment_count = int(regex.sub(r"[.,]", "", m.group(1)))
                        page.decide(i, Label.COMMENT_HEADER, self.name, "comment count header", 0.8)
                        current = None
                        continue
                page.decide(i, Label.BOILERPLATE, self.name, f"comment-section chrome {text.strip()[:30]!r}", 0.8, "comment-chrome")
                continue
            if current is None:
                page.decide(i, Label.BOILERPLATE, self.name, "comment section, before any comment", 0.6, "comment-chrome")
                continue
            votes = _VOTES.match(text)
            if votes and stats.words <= 2:
                if current.votes is None:
                    current.votes = int(votes.group(1))
                page.decide(i, Label.BOILERPLATE, self.name, "vote count", 0.7, "comment-chrome")
                continue
            if _is_action(page, i):
                page.decide(i, Label.BOILERPLATE, self.name, f"comment action {text.strip()[:20]!r}", 0.7, "comment-chrome")
                continue
            current.lines.append(i)
            current.parts.append(CommentPart("text", line.start, line.end))
            page.decide(i, Label.COMMENT, self.name, "comment text", 0.7)
        self._thread(page)
        # a section with no comment in it is only chrome
        page.comments = [c for c in page.comments if any(p.role == "text" for p in c.parts)]

    def _headers(
        self, page: Page, lines: list[int]
    ) -> dict[int, tuple[str | None, tuple[int, int] | None, tuple[int, int] | None, object]]:
        """line -> (author, author span, time span, stamp) for lines that open a comment."""
        out: dict[int, tuple] = {}
        max_words = self.options.max_author_words
        for k, i in enumerate(lines):
            text = page.lines[i].text
            stats = page.stats[i]
            if stats.vocab is not None or stats.words == 0:
                continue
            m = _SAYS.match(text) or _POSTED_BY.match(text)
            if m and len(m.group("name").split()) <= max_words:
                name_span = m.span("name")
                t = find_time_span(m.group("rest"))
                tspan = (m.start("rest") + t.start, m.start("rest") + t.end) if t else None
                out[i] = (m.group("name").strip(), name_span, tspan, t.stamp if t else None)
                continue
            if stats.has_time and stats.words <= 14 and not stats.ends_full_stop:
                t = find_time_span(text)
                if t is None:
                    continue
                before = text[: t.start].strip(" |•·—–-,@")
                after = text[t.end :].strip(" |•·—–-,@")
                name = before or after
                if name and len(name.split()) <= max_words:
                    a = text.index(name)
                    out[i] = (name, (a, a + len(name)), (t.start, t.end), t.stamp)
                else:
                    out[i] = (None, None, (t.start, t.end), t.stamp)
                continue
            # a short name line followed by prose, not ending a sentence
            nxt = lines[k + 1] if k + 1 < len(lines) else None
            if (
                1 <= stats.words <= max_words and not stats.ends_sentence and stats.chars <= 40
                and nxt is not None and (page.stats[nxt].words >= 5 or page.stats[nxt].has_time)
                and page.stats[nxt].vocab is None
                and not _VOTES.match(text)
            ):
                prev = lines[k - 1] if k else None
                # a short line after a short unfinished line is a list item, not an author
                if prev is not None and prev in out and out[prev][0] is not None and out[prev][2] is None:
                    continue
                stripped = text.strip()
                a = text.index(stripped)
                out[i] = (stripped, (a, a + len(stripped)), None, None)
        # an author-only line directly followed by a time-only line: merge
        return out

    def _thread(self, page: Page) -> None:
        names: dict[str, int] = {}
        last_top: int | None = None
        for ci, c in enumerate(page.comments):
            first_text = next((p for p in c.parts if p.role == "text"), None)
            if c.depth > 0 and last_top is not None:
                c.parent = last_top
            elif first_text is not None:
                m = _MENTION.match(page.text[first_text.start:first_text.end])
                if m and m.group(1).casefold() in names:
                    c.parent = names[m.group(1).casefold()]
                    c.depth = page.comments[c.parent].depth + 1
            if c.depth == 0:
                last_top = ci
            if c.author:
                names[c.author.split()[0].casefold()] = ci
