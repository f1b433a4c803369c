"""Forum threads (phpBB, vBulletin): posts instead of comments.

Two or more post headers of one shape ("Post by NAME » DATE", "#2 NAME DATE"), each
under a profile block ("Posts: 87", "Joined: ..." in the vocabulary languages), make
the page a thread. The first post is the article (its poster the byline, its time
the date); the others are flat comments; profile blocks, subjects, "Top"/"Quote",
quote headers and repeated signatures are chrome.

>>> from textclean.filters.comments import CommentOptions
>>> _post_head("Post by Ann » Mon Sep 24, 2012 7:51 pm", CommentOptions())[0]
(8, 11)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from ..dates import TimeMatch
from ..page import CommentDraft, CommentPart, Label, MetaClaim, Page
from .fields import _clean_name, _name_ok, _time
from .kinds import FORM, MARKER, STOP, Kinds
from .nearby import _prev_nonblank

if TYPE_CHECKING:
    from ..filters.comments import CommentOptions

# A post header naming the poster with the post's time: "Post by NAME » DATE",
# "NAME » DATE", "#2 NAME DATE" (the time is checked apart).
# As _POSTED_BY: each start of the name tried once (after "by", after the leading
# spaces, or the last space of a run), in the order the original tried them.
_POST_HEAD = regex.compile(
    r"^(?:\s*+(?:post(?:ed)?|beitrag|message|mensaje|messaggio|mensagem|bericht|сообщение)?\s*+"
    r"(?:by|von|par|por|di|de|door|от)(?:\s++(?P<name>[^»\n]{1,60}?)|\s(?>\s*(?P<name>[^\S\n])))"
    r"|\s*+(?P<name>[^»\n]{1,60}?)|(?>\s*(?P<name>[^\S\n])))\s*+»\s*+(?P<rest>\S.*)$",
    regex.IGNORECASE,
)
_POST_NUMBER = regex.compile(r"^\s*#\d{1,6}\s*$")
_POST_NUM_HEAD = regex.compile(r"^\s*#(?P<num>\d{1,6})\s+(?P<rest>\S.*)$")
# A field of the poster's profile block beside each post, in the vocabulary languages.
_PROFILE_FIELD = regex.compile(
    r"^\s*(?:posts|joined|join date|location|registered|reputation|messages|thanks|"
    r"beiträge|registriert|wohnort|dabei seit|mitglied seit|inscrit|inscription|localisation|"
    r"mensajes|registrado|ubicación|ubicacion|messaggi|iscritto|iscrizione|località|mensagens|"
    r"registado|localização|berichten|lid sinds|geregistreerd|locatie|woonplaats|"
    r"сообщения|сообщений|зарегистрирован|регистрация|откуда)\s*:\s*\S",
    regex.IGNORECASE,
)
# Lines under a post that are its toolbar ("Top", "Quote", "Reply With Quote").
_POST_TOOL = regex.compile(
    r"^\s*(?:top|back to top|(?:reply with |multi-?)?quote|report(?: post)?|nach oben|zitieren|"
    r"haut|citer|arriba|citar|torna su|cita|topo|naar boven|citeren|наверх|цитата|"
    r"цитировать)\s*$",
    regex.IGNORECASE,
)
# "NAME wrote: ↑DATE": the header of a quote inside a post.
_QUOTE_HEAD = regex.compile(
    r"^\s*\S[^\n]{0,60}?\s+(?:wrote|said|schrieb|a écrit|escribió|ha scritto|escreveu|schreef|"
    r"написал[а]?)\s*:\s*(?:↑\s*)?[^\n]{0,60}$",
    regex.IGNORECASE,
)


@dataclass(slots=True)
class _Post:
    head: int  # the post header line
    block: int  # first line of the profile block above it
    name: tuple[int, int]  # offsets within the header line
    time: TimeMatch


def _post_head(text: str, options: CommentOptions) -> tuple[tuple[int, int], TimeMatch] | None:
    """The poster's name and the post's time in a forum post header, or None."""
    if len(text.split()) > options.max_header_words:
        return None
    m = _POST_HEAD.match(text)
    if m is not None:
        when = _time(m.group("rest"))
        if when is None or when.stamp.relative:
            return None
        name = _clean_name(text, m.start("name"), m.end("name"))
        off = m.start("rest")
        when = TimeMatch(when.start + off, when.end + off, when.stamp)
    else:
        m = _POST_NUM_HEAD.match(text)
        when = _time(text) if m is not None else None
        if m is None or when is None or when.stamp.relative or when.start <= m.start("rest"):
            return None
        name = _clean_name(text, m.start("rest"), when.start)
    if name is None or not _name_ok(text[name[0] : name[1]], options.max_author_words):
        return None
    return name, when


def forum_posts(page: Page, options: CommentOptions) -> list[_Post]:
    """Posts of a forum thread: two or more post headers of one shape ("Post by NAME
    » DATE", "#2 NAME DATE"), each under a profile block ("Posts: 87", "Joined: ...")."""
    posts: list[_Post] = []
    shapes: Counter[bool] = Counter()
    floor = 0  # a block never reaches back into the post above
    for i, line in enumerate(page.lines):
        if line.blank or ("»" not in line.text and "#" not in line.text):
            continue
        found = _post_head(line.text, options)
        if found is None:
            continue
        block = None
        for j in range(i - 1, max(floor, i - 8) - 1, -1):
            if _PROFILE_FIELD.match(page.lines[j].text):
                block = j
        if block is None:
            continue
        posts.append(_Post(i, _block_top(page, block, floor), *found))
        shapes["»" in line.text] += 1
        floor = i + 1
    if len(posts) < 2 or len(shapes) > 1:
        return []
    return posts


def _block_top(page: Page, block: int, floor: int) -> int:
    """The poster's name (and a "#2" post number) head the profile block."""
    for number in (False, True):
        k = _prev_nonblank(page, block)
        if (
            k is None
            or k < floor
            or page.stats[k].words > 4
            or page.stats[k].ends_sentence
            or _POST_TOOL.match(page.lines[k].text)
            or (number and not _POST_NUMBER.match(page.lines[k].text))
        ):
            break
        block = k
    return block


def forum_thread(
    page: Page, kinds: Kinds, posts: list[_Post], options: CommentOptions, filter_name: str
) -> None:
    """The first post is the article (its poster the byline, its time the date), the
    others are comments; profile blocks, subjects, toolbars, quote headers and the
    signatures a poster repeats under several posts are chrome. Threads are flat."""
    bodies = _post_bodies(page, kinds, posts)
    seen: Counter[str] = Counter()
    for body in bodies:
        seen.update({page.lines[i].text.strip() for i in body})
    conf = options.confidence
    for k, (post, body) in enumerate(zip(posts, bodies, strict=True)):
        for i in range(post.block, post.head):
            # the first post's subject is the thread's title: left to the metadata
            if not page.lines[i].blank and (
                k > 0 or i == post.block or _PROFILE_FIELD.match(page.lines[i].text)
            ):
                _remove(page, i, "forum post's profile block", conf, filter_name)
        if k == 0:
            _first_post(page, post, body, seen, conf, filter_name)
        else:
            _reply_post(page, post, body, seen, conf, filter_name)
    if len(posts) > 1:
        last = max([posts[-1].head, *bodies[-1]])
        page.comment_section = (posts[1].block, last + 1)


def _post_bodies(page: Page, kinds: Kinds, posts: list[_Post]) -> list[list[int]]:
    """Each post's non-blank lines; the last post runs to its toolbar or to twice the
    longest post above it."""
    bodies: list[list[int]] = []
    longest = 4  # lines from a post's header to its last line
    for k, post in enumerate(posts):
        end = (
            posts[k + 1].block
            if k + 1 < len(posts)
            else min(len(page), post.head + 1 + max(8, 2 * longest))
        )
        body: list[int] = []
        for i in range(post.head + 1, end):
            if k + 1 == len(posts) and (
                _POST_TOOL.match(page.lines[i].text) or kinds[i] in (STOP, FORM, MARKER)
            ):
                break
            if not page.lines[i].blank:
                body.append(i)
        bodies.append(body)
        if body:
            longest = max(longest, body[-1] - post.head)
    return bodies


def _post_chrome(page: Page, i: int, seen: Counter[str]) -> bool:
    """A post's toolbar, a quote's header, or a signature (a line under several posts)."""
    text = page.lines[i].text
    stats = page.stats[i]
    return bool(
        _POST_TOOL.match(text)
        or (stats.words <= 16 and _QUOTE_HEAD.match(text) and _time(text) is not None)
        or (seen[text.strip()] > 1 and not stats.ends_sentence)  # a signature
    )


def _remove(page: Page, i: int, why: str, conf: float, filter_name: str) -> None:
    page.decide(i, Label.BOILERPLATE, filter_name, why, conf, "comment-chrome")


def _first_post(
    page: Page, post: _Post, body: list[int], seen: Counter[str], conf: float, filter_name: str
) -> None:
    """The thread's first post: the article, its header's name and time the byline and
    the date (read off the removed header: no line is claimed for them)."""
    line = page.lines[post.head]
    _remove(page, post.head, "forum post header", conf, filter_name)
    for claim, (a, b), value, stamp in (
        ("byline", post.name, line.text[post.name[0] : post.name[1]], None),
        ("date", (post.time.start, post.time.end), post.time.stamp.raw, post.time.stamp),
    ):
        page.meta.append(
            MetaClaim(claim, None, line.start + a, line.start + b, value, filter_name,
                      "the first post's header", stamp)
        )
    for i in body:
        if _post_chrome(page, i, seen):
            _remove(page, i, "forum post chrome", conf, filter_name)
        else:
            page.decide(i, Label.ARTICLE, filter_name, "the thread's first post", conf)


def _reply_post(
    page: Page, post: _Post, body: list[int], seen: Counter[str], conf: float, filter_name: str
) -> None:
    """A later post: a flat comment, its header's name and time the author and time."""
    line = page.lines[post.head]
    draft = CommentDraft(lines=[post.head])
    draft.author = line.text[post.name[0] : post.name[1]]
    draft.parts.append(
        CommentPart("author", line.start + post.name[0], line.start + post.name[1],
                    "poster's name")
    )
    draft.posted = post.time.stamp
    draft.parts.append(
        CommentPart("posted", line.start + post.time.start, line.start + post.time.end,
                    "post time")
    )
    page.decide(post.head, Label.COMMENT, filter_name, "forum post header", conf)
    for i in body:
        if _post_chrome(page, i, seen):
            _remove(page, i, "forum post chrome", conf, filter_name)
            continue
        text = page.lines[i].text.strip()
        a = page.lines[i].start + page.lines[i].text.index(text)
        draft.lines.append(i)
        draft.parts.append(CommentPart("text", a, a + len(text), "post text"))
        page.decide(i, Label.COMMENT, filter_name, "forum post text", conf)
    if len(draft.lines) > 1:
        page.comments.append(draft)
