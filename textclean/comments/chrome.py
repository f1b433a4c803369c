"""The shapes of a comment section's widget lines, as opposed to its headers.

Section markers that count or announce the comments ("12 Comments", "One Response
to ..."), the comment form ("Leave a Reply"), closed notes, and the toolbars and
badges under each comment ("Reply", "12 points", "Like · Reply · 2y", "Top
commenter", "Replying to Teresa M.", "level 2", star ratings). The vocabulary's
categories that end a section or count as chrome are here too.

>>> _declared("12 Comments"), _declared("Comments ()"), _declared("Sort by")
(12, 0, None)
>>> _is_action("Reply"), _is_action("Like · Reply · 2y"), _is_action("I agree")
(True, True, False)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from ..dates import is_short_age
from ..vocabulary import default_vocabulary
from .fields import _INITIAL_END, _name_ok
from .gates import _SPLIT_GATE, _WORDS
from .words import _ACTION_FILLERS, _ACTION_WORDS, _COMMENT_NOUNS, _REPLY_PHRASE

if TYPE_CHECKING:
    from ..filters.comments import CommentOptions

# Vocabulary categories that end a comment section.
_STOP = frozenset(
    {
        "footer",
        "related",
        "navigation",
        "pagination",
        "widget:subscribe",
        "widget:login",
        "widget:app",
        "widget:cookie",
        "advertisement",
        "donation",
        "tags",
        "print",
        "comment-closed",
        "trackback",
        "widget:read-more",
    }
)
# Stops that a comment section may hold: one short line of these never ends it alone.
_SOFT_STOP = frozenset({"navigation", "widget:subscribe", "widget:login"})
_CHROME = frozenset(
    {"comment-action", "comment-chrome", "widget:share", "byline-label", "date-label"}
)
# Tumblr-style notes: "x liked this" / "x reblogged this from y" are chrome.
_NOTE = regex.compile(
    r"(?:^|\s)[\w.-]{1,60} (?:liked this(?: post| page| article| story)?"
    r"|reblogged this from [\w.-]+|posted this)\.?\s*$"
)
# "12 points", "5 △ ▽" (Disqus prints both arrows after the count)
_VOTES = regex.compile(
    r"^\s*([+-]?\d{1,5})\s*(?:points?|votes?|likes?|[△▲▽▼](?:\s*[△▲▽▼]){0,3}|\+|-)?\s*$",
    regex.IGNORECASE,
)
_ARROWS = regex.compile(r"^[\s△▲▽▼↑↓⬆⬇+\-•·|\d]*$")
# A line that is only that phrase and a name ("Replying to Teresa M.", "Em resposta a
# Cláudio Menezes"): the widget's reply chrome, not the comment's words.
_REPLY_LINE = regex.compile(
    rf"^\s*+(?:↪|↳|»)?\s*+(?:{_REPLY_PHRASE})(?:\s*+:\s++|\s++)@?"
    r"(?P<name>\w[\w.'’-]*+(?:\s++[\w.'’-]++){0,4}?)\s*+[.:]?+\s*+$",
    regex.IGNORECASE,
)
# A bare count of replies ("14 replies", "View 3 replies", "Show 2 more replies"): under a
# comment's toolbar it is the toggle of that comment's thread, not a section count.
_REPLY_TOGGLE = regex.compile(
    r"^\W*(?:(?:view|show|see|load|hide|expand|collapse|ver|mostrar|ocultar|voir|afficher|"
    r"masquer|anzeigen|zeige|mostra|nascondi|toon|bekijk|verberg|показать|скрыть)\s+)?"
    r"(?:(?:all|alle|todas|toutes|tutte|все)\s+)?(?:\d[\d.,]*\s+)?(?:more\s+|weitere\s+|mais\s+|más\s+)?"
    r"(?:replies|reply|antworten|antwort|réponses|réponse|respuestas|respuesta|risposte|risposta|"
    r"respostas|resposta|antwoorden|antwoord|ответ\w*)(?:\s*[(\[]\s*\d[\d.,]*\s*[)\]])?\W*$",
    regex.IGNORECASE,
)
# A commenter's badge and profile line under the name ("Top commenter · Works at X").
_BADGE = regex.compile(
    r"top (?:commenter|fan|contributor)|most relevant commenter|verified|moderator|admin|"
    r"(?:works|worked) at \S.*|(?:studies|studied) at \S.*|(?:lives|lived) in \S.*|"
    r"went to \S.*|from \S.*",
    regex.IGNORECASE,
)
_BADGE_WORD = regex.compile(r"^(?:top|most|verified|moderator|admin|works|worked|studie)", regex.I)
# "level 2": the nesting depth a threaded dump prints over a comment.
_LEVEL = regex.compile(r"^\s*level\s+(?P<n>\d{1,2})\s*$", regex.IGNORECASE)
# A reviewer's star rating over the text ("★★★★☆", "Rated 4 out of 5").
_STARS = regex.compile(
    r"^\s*(?:[★☆✩✪✭✮⭐]{3,10}\s*(?:\(?\d(?:[.,]\d)?\s*(?:/\s*5|out of 5)?\)?)?"
    r"|rated\s+\d(?:[.,]\d)?\s+out\s+of\s+5(?:\s+stars)?)\s*$",
    regex.IGNORECASE,
)
# A like button with its count ("Curtir (12)", "Like (3)", "Gefällt mir [4]", "Likes: 7").
_LIKE_COUNT = regex.compile(
    r"^\s*(?:👍\s*)?(?:likes?|upvotes?|votes?|recommend(?:ed|s)?|gefällt mir|j['’]aime|"
    r"me gusta|mi piace|curtir|curtidas?|gosto|vind ik leuk|leuk|нравится|лайк\w*)"
    r"\s*(?:[(\[]\s*(?P<a>\d{1,6})\s*[)\]]|:\s*(?P<b>\d{1,6}))\s*$",
    regex.IGNORECASE,
)
# "Recommend? (7)", "Helpful? [3]": a vote button with its count.
_ASK_COUNT = regex.compile(r"^\s*\p{L}[\p{L} ]{0,24}\?\s*[(\[]\s*\d{1,6}\s*[)\]]\s*$")
_TOOLBAR_SPLIT = regex.compile(r"\s*[·•|]\s*|\s{2,}")
# Linear time: only the first digit of a run of digits, points and commas starts a
# count (a later one reaches the same end of the run), and the runs are possessive
# (what follows each never starts with what it repeats).
_COUNT_HEADER = regex.compile(
    r"(?:^|\D)(?P<n>\d(?<!\d[.,]*\d)[\d.,]*+|one|a single)\s++(?:\w++\s++)?(?:comments?|responses?|replies|reply|thoughts?|reactions?|"  # noqa: E501
    r"kommentare?|antworten|commentaires?|réponses?|comentarios?|respuestas?|commenti|risposte|comentários|"
    r"respostas|reacties|opmerkingen|комментари\w*|ответ\w*)\b"
    rf"|(?:{_COMMENT_NOUNS}|discussion)\s*+[(\[:]?\s*+(?P<m>\d[\d.,]*+)\s*+[)\]]?+\s*+$",
    regex.IGNORECASE,
)
# A count that opens a longer line: "One Response to “A long post title”",
# "{ 1 comment… read it below or add one }".
_COUNT_LEAD = regex.compile(
    r"^\W*(?:\d[\d.,]*|one|a single)\s+(?:\w+\s+)?"
    rf"(?:{_COMMENT_NOUNS}|replies|thoughts?|reactions?)\b"
    r"(?!\s+(?:that|which|are|were|is|was)\b)",  # "3 comments were removed" is prose
    regex.IGNORECASE,
)
_EMPTY_COUNT = regex.compile(r"\w\s*[(\[]\s*[)\]]\s*$")
_NUMBER_PUNCT = regex.compile(r"[.,]")
# A comment count anywhere in a line, even glued to a headline ("Tough875 comments"):
# used only to tell a list of posts from one thread.
_LIST_COUNT = regex.compile(
    rf"\d[\d,.]*+(*SKIP)\s*+(?:{_COMMENT_NOUNS})\b",
    regex.IGNORECASE,
)
# Words that name a whole comment section (not an inner "Replies" label).
_SECTION_WORD = regex.compile(
    r"comment|kommentar|commentaire|comentario|commento|comentário|reactie|discussion|комментари",
    regex.IGNORECASE,
)
# Marker lines that invite a comment (the form), as opposed to announcing the section.
_FORM_HEADER = regex.compile(
    r"^(?:leave|post|add|write|submit|make|have|speak|share|tell|let|your|what|join|start|"
    r"kommentar (?:schreiben|verfassen|hinterlassen)|schreibe|hinterlasse|laisser|laissez|écrire|"
    r"ajouter|deja|dejar|escribe|añadir|lascia|scrivi|aggiungi|deixe|deixar|escreva|adicionar|"
    r"laat|plaats|schrijf|reageer|оставить|оставьте|написать|добавить)\b",
    regex.IGNORECASE,
)
# A form's own heading in words the vocabulary may lack ("Post a New Comment").
_FORM_LINE = regex.compile(
    r"^(?:leave|post|add|write|submit|make)\s+(?:a|an|your)?\s*(?:new\s+|own\s+)?"
    r"(?:comment|reply|response|review)s?(?:\s+(?:below|here|now))?$",
    regex.IGNORECASE,
)
# "The comments to this entry are closed.": the end of a section, in words the
# vocabulary may lack.
_CLOSED = regex.compile(
    r"\b(?:comments?|commenting|discussion)\b[^.!?\n]{0,60}?\b(?:are|is|has been|have been)\s+"
    r"(?:now\s+)?(?:closed|disabled|turned off)\b",
    regex.IGNORECASE,
)
_EXCERPT_END = regex.compile(
    r"(?:\.\.\.|…|\[\.\.\.\]|\[…\]|read more|continue reading|more\s*»)\s*$", regex.IGNORECASE
)
_ELLIPSIS_END = regex.compile(r"(?:…|\.\.\.)\s*$")


def _declared(text: str) -> int | None:
    """The comment count a marker line announces ("12 Comments" -> 12), if any."""
    m = _COUNT_HEADER.search(text)
    if not m:
        # "Comments ()": a counter with nothing to count
        return 0 if _EMPTY_COUNT.search(text) else None
    raw = m.group("n") or m.group("m")
    return 1 if raw.lower() in ("one", "a single") else int(_NUMBER_PUNCT.sub("", raw) or 0)


def count_allows(declared: int) -> int:
    """How many comments a count allows: a long thread's count ("131
    comments") may fall short of the comments shown by a tenth (it is cached, or leaves
    out replies); a count under twenty is exact."""
    return declared + declared // 10 if declared >= 20 else declared


def _badge(text: str) -> bool:
    """"Top commenter · Works at Millbrook Library": a profile line, not talk.

    >>> _badge("Top commenter · Works at Millbrook Library"), _badge("Admin")
    (True, False)
    """
    parts = [p for p in _TOOLBAR_SPLIT.split(text.strip()) if p]
    return (
        bool(parts)
        and all(_BADGE.fullmatch(p) for p in parts)
        and any(_BADGE_WORD.match(p) for p in parts)
        # one word alone ("Admin") may be a commenter's name
        and (len(parts) > 1 or " " in parts[0])
        and not text.rstrip().endswith((".", "!", "?"))
    )


def _reply_target(text: str, options: CommentOptions) -> str | None:
    """The name a reply-chrome line points at ("Replying to Teresa M." -> "Teresa M.").

    >>> from textclean.filters.comments import CommentOptions
    >>> _reply_target("Replying to Teresa M.", CommentOptions())
    'Teresa M.'
    """
    m = _REPLY_LINE.match(text)
    if m is None:
        return None
    name = m.group("name")
    # "Reply to this comment", "Reply to all": toolbar words, not a person
    words = _WORDS.findall(name.casefold())
    if all(w in _ACTION_WORDS or w in _ACTION_FILLERS or w == "all" for w in words):
        return None
    bare = name[:-1] if _INITIAL_END.search(name) else name.rstrip(".")
    if not _name_ok(bare, options.max_author_words):
        return None
    return name


def _is_action(text: str, words: list[str] | None = None) -> bool:
    """A comment toolbar: action words, vote arrows or "Like · Reply · 2y" parts.
    `words`: `_WORDS.findall(text.casefold())`, if the caller has them."""
    stripped = text.strip()
    if not stripped or len(stripped) > 100:
        return False  # toolbars are short; prose is not an action
    if words is None:
        # the spaces strip() removes are no word characters: the same words
        words = _WORDS.findall(stripped.casefold())
    if (
        words
        and len(words) <= 8
        and not _ACTION_WORDS.isdisjoint(words)
        and all(
            w in _ACTION_WORDS or w in _ACTION_FILLERS or w.isdigit() or is_short_age(w)
            for w in words
        )
    ):
        return True
    # _ARROWS has no letter (a `\d` is never alphabetic)
    if not stripped[0].isalpha() and _ARROWS.match(stripped) and not stripped.isdigit():
        return True
    # "Like · Reply · 2y", "Reply ↓", "Report abuse"
    if _SPLIT_GATE.search(stripped) is None:
        return False  # no separator: a single part
    vocab = default_vocabulary()
    parts = [p for p in _TOOLBAR_SPLIT.split(stripped) if p]
    return len(parts) > 1 and all(
        is_short_age(p)
        or vocab.match(p) in ("comment-action", "widget:share")
        or _VOTES.match(p)
        for p in parts
    )
