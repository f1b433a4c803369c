"""Comment-section detector: where the discussion under a page is, and how it
splits into comments (author, time, votes, text, replies).

Comments are found by their *headers*, not by their prose: a header is a short
line that names a commenter and/or gives a time ("Jane says:", "July 21, 2012
at 5:46 pm", "Posted by: Jim | Sep 26, 2012", "October 11, 2012 | Eve").

1. Every line is classified: header, chrome ("Reply", vote counts, "Sort by"),
   section marker ("2 Comments", "Leave a Reply"), stop (footer, related
   posts, sidebars, the comment form) or text.
2. Adjacent header lines form one header group ("Jane Doe" + "3 hours ago").
   Groups close to each other form a run; a run is a comment section when it
   repeats (two or more groups with text between them) or when a comment
   marker announces it. With no marker and no repeated structure: no comments.
3. The run's orientation is decided once: headers lead their text (most
   widgets) or trail it ("text ... Posted by: Jim | date").
4. Text lines between headers become the comment's paragraphs; chrome is
   removed; trackbacks become removed spans of category "trackback".
5. Indentation (blocks dumps), "level N" lines, "1.2" numbering, "@name" openings,
   "in reply to NAME" (in any vocabulary language; a line of its own is chrome),
   "Name → Parent" headers and an opening that addresses an earlier commenter by
   exact name ("Hoi Gerard, ...") give replies.
6. Forum threads (phpBB, vBulletin): two or more post headers of one shape ("Post by
   NAME » DATE", "#2 NAME DATE"), each under a profile block ("Posts: 87", "Joined:
   ..." in the vocabulary languages), make the page a thread. The first post is the
   article (its poster the byline, its time the date); the others are flat comments;
   profile blocks, subjects, "Top"/"Quote", quote headers and repeated signatures are
   chrome.

>>> from textclean.page import Page
>>> text = ("An article sentence that is long enough to count as prose, it says.\\n"
...         "2 Comments\\nJane Doe\\nJuly 21, 2012 at 5:46 pm\\n"
...         "I liked this a lot, thanks for writing.\\n"
...         "Reply\\nBob\\n3 hours ago\\nMe too, it was a very good read.\\nLeave a Reply\\n")
>>> page = Page(text); CommentFilter().apply(page)
>>> [(c.author, c.posted.raw) for c in page.comments]
[('Jane Doe', 'July 21, 2012 at 5:46 pm'), ('Bob', '3 hours ago')]
>>> page.declared_comment_count
2
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from dataclasses import dataclass, field

import regex

from ..dates import (
    _MONTH_ALT,
    _MONTH_WORDS,
    _RELATIVE_TRIGGERS,
    TimeMatch,
    find_time_span,
    is_short_age,
)
from ..models import TimeStamp
from ..page import CommentDraft, CommentPart, Label, MetaClaim, Page
from ..pipeline import Count, Filter, FilterOptions, Probability, register
from ..vocabulary import default_vocabulary

# -- shapes ------------------------------------------------------------------
_SAY_VERBS = (
    r"says|said|wrote|writes|commented|replied|responded|schreibt|schrieb|sagt|meint|"
    r"dit|a dit|écrit|a écrit|dice|dijo|escribió|escribe|comentó|scrive|ha scritto|ha detto|"
    r"diz|disse|escreveu|comentou|zegt|schreef|zei|пишет|написал[а]?|сказал[а]?"
)
# Linear time: the name starts at the first non-space (the first try of `^\s*`), or,
# failing that, it is one space of the leading run: every later try of the original
# `^\s*(?P<name>[^\n]{1,80}?)` ends on the same `[\s,]` run, so the last such space
# (an atomic group, tried once) gives the same match (benchmarks/pattern_equivalence.py).
_SAYS = regex.compile(
    r"^(?:\s*+(?P<name>[^\n]{1,80}?)|(?>\s*(?P<name>[^\S\n])(?=[\s,])))"
    rf"[\s,]+(?:{_SAY_VERBS})\s*(?::|,|\.{{3}}|…)?(?:\s+(?P<rest>.*?))?\s*$",
    regex.IGNORECASE,
)
_SAY_GATE = regex.compile(rf"(?<!\w)(?:{_SAY_VERBS})(?!\w)", regex.IGNORECASE)
# The original `\s*:?\s+(?P<name>[^|»\n]{1,60}?)` tried every split of the spaces
# (cubic on a long run). The same names in the same order, each tried once: after the
# colon (if a space follows it) or else after the spaces, the name starts at the first
# non-space or is the last space of the run (every other start inside the run ends on
# the same separator test); nothing after the name starts with a space, so the other
# runs are possessive.
_POSTED_BY = regex.compile(
    r"^\s*+(?:comment|reply|response|post(?:ed)?|written|submitted|kommentar|commentaire|comentario|"
    r"commento|comentário|reactie|комментарий)?\s*+(?:by|von|par|por|di|da|door|от)"
    r"(?:\s*+:(?=\s)(?:\s++(?P<name>[^|»\n]{1,60}?)|\s(?>\s*(?P<name>[^\S\n])))"
    r"|\s++(?P<name>[^|»\n]{1,60}?)|\s(?>\s*(?P<name>[^\S\n])))"
    r"\s*+(?:\||»|\bon\b|\bat\b|\bam\b|\ble\b|\bel\b|\bil\b|\bem\b|\bop\b|@|-|–|—|,|//)\s*+(?P<rest>.*)$",
    regex.IGNORECASE,
)
# Tumblr-style notes: "x reblogged this from y and added:" opens a comment,
# "x liked this" / "x reblogged this from y" are chrome.
_NOTE_ADDED = regex.compile(
    r"^\s*(?P<name>[\w.-]{1,60}) reblogged this from [\w.-]+ and added:\s*$"
)
_NOTE = regex.compile(
    r"(?:^|\s)[\w.-]{1,60} (?:liked this(?: post| page| article| story)?"
    r"|reblogged this from [\w.-]+|posted this)\.?\s*$"
)
# Possessive: what follows each run never starts with what the run repeats (linear on
# "1.1.1.1...", quadratic before).
_NUMBERING = regex.compile(r"^\s*+#?(?P<num>\d{1,4}+(?:\.\d{1,3}+)*+)[.):]?+\s++(?=\S)")
# "12 points", "5 △ ▽" (Disqus prints both arrows after the count)
_VOTES = regex.compile(
    r"^\s*([+-]?\d{1,5})\s*(?:points?|votes?|likes?|[△▲▽▼](?:\s*[△▲▽▼]){0,3}|\+|-)?\s*$",
    regex.IGNORECASE,
)
# "Nadia Reyes → Karsten Ludlow": a commenter and the commenter answered.
# (?<!\s): a search tries a run of spaces once, from its start (the leftmost match
# starts there anyway), not again from every space inside it.
_ARROW_REPLY = regex.compile(r"(?<!\s)\s++(?:→|⟶|➔|➜|►|▶|▸)\s+")
_INLINE_VOTES = regex.compile(
    r"(?<!\w)(?P<n>[+-]?\d{1,6})\s+(?P<unit>points?|votes?|likes?)(?!\w)", regex.IGNORECASE
)
# "baroo 6 pts", "civil_eng 7 points": a commenter's name and score, no time.
_NAME_POINTS = regex.compile(
    r"^\s*(?P<name>\S[^\n]{0,40}?)\s+(?P<n>[+-]?\d{1,6})\s+(?P<unit>pts|points?)\s*$",
    regex.IGNORECASE,
)
_ARROWS = regex.compile(r"^[\s△▲▽▼↑↓⬆⬇+\-•·|\d]*$")
_MENTION = regex.compile(r"^\s*@\s?(\w[\w.-]{0,30})")
# "In reply to NAME" in the languages of the vocabulary.
_REPLY_PHRASE = (
    r"in reply to|replying to|reply to|in response to|"
    r"als antwort auf|antwort auf|antwort an|"
    r"en réponse à|réponse à|en respuesta a|respondiendo a|respuesta a|"
    r"in risposta a|risposta a|em resposta a|em resposta à|respondendo a|resposta a|"
    r"in antwoord op|reactie op|antwoord op|в ответ на|ответ на|ответ для"
)
_IN_REPLY = regex.compile(
    rf"(?<!\w)(?:{_REPLY_PHRASE})\s+@?(?P<name>[\w.-]+(?:\s[\w.-]+)?)",
    regex.IGNORECASE,
)
# A line that is only that phrase and a name ("Replying to Teresa M.", "Em resposta a
# Cláudio Menezes"): the widget's reply chrome, not the comment's words.
_REPLY_LINE = regex.compile(
    rf"^\s*+(?:↪|↳|»)?\s*+(?:{_REPLY_PHRASE})(?:\s*+:\s++|\s++)@?"
    r"(?P<name>\w[\w.'’-]*+(?:\s++[\w.'’-]++){0,4}?)\s*+[.:]?+\s*+$",
    regex.IGNORECASE,
)
# A comment that opens by addressing someone ("Hoi Gerard, ...", "Pat, that is fair"):
# an optional greeting word, then a capitalised name and a comma (or "!", ":").
_ADDRESS = regex.compile(
    r"^\s*(?:(?:hi|hey|hello|dear|thanks|thank you|hoi|hallo|beste|lieve|dag|moin|servus|"
    r"liebe[rs]?|danke|hola|querid[oa]|estimad[oa]|gracias|ciao|car[oa]|grazie|salut|bonjour|"
    r"cher|chère|merci|olá|oi|prezad[oa]|obrigad[oa]|привет|здравствуйте|спасибо)\s*,?\s+)?"
    r"(?P<name>\p{Lu}[\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,3}?)\s*[,!:](?=\s|$)",
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
# A social age closing a header line after a separator ("quietgearhead · 5h").
_AGE_FIELD = regex.compile(
    r"\S\s*[·•|]\s*(?P<age>\d{1,3}\s?(?:min|mo|hr|yr|s|m|h|d|w|y))\s*$", regex.IGNORECASE
)
# The thread starter's badge after a commenter's name.
_OP_MARK = regex.compile(r"(?<!\s)\s++(?:\(OP\)|OP|\[OP\])$")
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
# Characters that join a name and a time in a header; stripped from both ends.
_JOINERS = " \t|•·—–-+,:;@/\\()[]#»«>"
_JOIN_WORDS = regex.compile(
    r"^(?:on|at|am|um|le|à|el|a las|il|alle|em|às|op|om|в|posted|said|says|wrote|by|\|)\b\s*|(?<!\s)\s*+\b(?:on|at|am|um|le|à|el|il|alle|em|às|op|om|в|posted|said|says|wrote)$",  # noqa: E501
    regex.IGNORECASE,
)
# Words that never belong to a commenter's name: article meta and widget words.
_NOT_NAME = regex.compile(
    r"\b(?:posted in|filed under|categor|tags?\b|updated|published|last modified|read more|"
    r"comments?\b|responses?\b|replies\b|permalink|share|print|email|copyright|all rights|"
    r"previous|next|older|newer|recent|latest|archives?|page \d)",
    regex.IGNORECASE,
)
# The section's noun in the vocabulary's languages ("12 Comments", "Kommentare (3)").
_COMMENT_NOUNS = (
    r"comments?|responses?|kommentare?|commentaires?|comentarios?|commenti|comentários|reacties"
    r"|комментари\w*"
)
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
# Labels of an article's own times ("updated 2:24 PM EST"): a post list, not a commenter.
_ARTICLE_TIME = regex.compile(
    r"\b(?:updated|published|created|last modified|modified|aktualisiert|veröffentlicht|"
    r"mis à jour|publié|actualizado|publicado|aggiornato|pubblicato|bijgewerkt|gepubliceerd|"
    r"обновлено|опубликовано)\b",
    regex.IGNORECASE,
)
# A line that counts *its own* comments ("by Sam 12 comments") lists posts; a comment
# header never carries a comment count.
# (*SKIP): a count that fails fails for every later digit of its run too (they reach
# the same end), so the next try starts after the run: linear on "1.1.1.1...".
_OWN_COUNT = regex.compile(
    rf"(?<!\w)\d[\d,.]*+(*SKIP)\s++(?:{_COMMENT_NOUNS})\b",
    regex.IGNORECASE,
)
# A comment count anywhere in a line, even glued to a headline ("Tough875 comments"):
# used only to tell a list of posts from one thread.
_LIST_COUNT = regex.compile(
    rf"\d[\d,.]*+(*SKIP)\s*+(?:{_COMMENT_NOUNS})\b",
    regex.IGNORECASE,
)
# Prepositions that open a place or a section, never a name ("1 hour ago in Science").
_PLACE_WORDS = frozenset(["in", "on", "at", "from", "for", "to", "of", "with", "into", "under"])
_EXCERPT_END = regex.compile(
    r"(?:\.\.\.|…|\[\.\.\.\]|\[…\]|read more|continue reading|more\s*»)\s*$", regex.IGNORECASE
)

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

# Words of comment toolbars ("permalink save report reply", "Antworten Melden").
_ACTION_WORDS = frozenset(
    ["reply", "replies", "report", "permalink", "save", "share", "like", "likes", "unlike", "dislike", "flag", "quote", "edit", "delete", "embed", "parent", "give", "award", "upvote", "downvote", "vote", "votes", "up", "down", "rate", "abuse", "abusive", "link", "hide", "block", "mute", "spam", "antworten", "melden", "teilen", "gefällt", "mir", "répondre", "signaler", "partager", "aimer", "responder", "denunciar", "compartir", "rispondi", "segnala", "condividi", "mi", "piace", "reageren", "rapporteren", "delen", "ответить", "пожаловаться", "поделиться", "нравится"]  # noqa: E501
)

# Small words between toolbar words ("Report as abusive", "Reply to this").
_ACTION_FILLERS = frozenset(["as", "to", "this", "comment"])

# Line kinds.
TEXT, HEAD, NAME, CHROME, MARKER, FORM, STOP, TRACK, BLANK = range(9)
_MAX_SHAPE_CHARS = 2000

# -- cheap gates ---------------------------------------------------------------
# Each gate is a necessary condition of a pattern, read off the pattern: when it fails
# the pattern cannot match, so the pattern is not run (the results are the same; the
# work is not). Substring gates look in `_fold(text)`: `regex` matches a letter under
# IGNORECASE only to characters of the same full case fold, except "İ" for "i" (whose
# fold "i̇" carries U+0307, removed), so a match's letters are a substring of the fold.
_DIGIT = regex.compile(r"\d")  # `\d` of regex, not str.isdigit: they differ


def _fold(text: str) -> str:
    return text.casefold().replace("\u0307", "")


# The pieces each gate looks for are spelt out at its pattern's call (`in` tests, in
# that order, cost less than a loop): "12 comments", "One Response to" (_COUNT_HEADER,
# _COUNT_LEAD) need a digit, "one" or "a single"; _CLOSED needs "closed", "disabled" or
# "turned off".
# _FORM_LINE's first letters (its input is normalised, so casefolded).
_FORM_LINE_FIRST = frozenset("lpawsmLPAWSMſ")
_STAR_CHARS = frozenset("★☆✩✪✭✮⭐")
# A piece of every phrase of _REPLY_PHRASE ("repl", "respo", "respu", "rispo", "réponse",
# "antwo", "reactie", "ответ"), _BADGE_WORD's words (a badge line needs one of "top",
# "most", "verified", "moderator", "admin", "work", "studie"), _NAME_POINTS's units
# ("pts", "point"): spelt out below.
_REPLY_GATE = regex.compile(r"repl|resp[ou]|rispo|réponse|antwo|reactie|ответ")
_BADGE_GATE = regex.compile(r"top|most|verified|moderator|admin|work|studie")
_CHROME_GATE = regex.compile(
    r"repl|resp[ou]|rispo|réponse|antwo|reactie|ответ|top|most|verified|moderator|admin|work"
    r"|studie"
)  # either of the two: one search for the many lines with neither
# First letters (casefolded) of _POSTED_BY's opening words.
_POSTED_BY_FIRST = frozenset("crpwskbvdок")
# _SAY_GATE's verbs as whole words (the gate needs one of these words on the line).
_SAY_WORDS = frozenset(
    _fold(w)
    for w in [
        "says", "said", "wrote", "writes", "commented", "replied", "responded", "schreibt",
        "schrieb", "sagt", "meint", "dit", "écrit", "dice", "dijo", "escribió", "escribe",
        "comentó", "scrive", "scritto", "detto", "diz", "disse", "escreveu", "comentou",
        "zegt", "schreef", "zei", "пишет", "написал", "написала", "сказал", "сказала",
    ]
)


def _say_gate(text: str, fold: str | None = None, words: list[str] | None = None) -> bool:
    """`_SAY_GATE.search(text) is not None`, without the search on most lines: the verb
    stands between non-word characters, so it is a word of the line's fold (no
    character outside a word folds to a word character, none inside folds to one
    outside)."""
    if words is None:
        words = _WORDS.findall(_fold(text) if fold is None else fold)
    if _SAY_WORDS.isdisjoint(words):
        return False
    return _SAY_GATE.search(text) is not None


class _RangeMean:
    """Whether the mean of `values[lo:hi]` is at least a threshold, as
    `sum(values[lo:hi]) / (hi - lo) >= threshold` says, in O(1) for most ranges.

    The difference of two running sums differs from the left-to-right sum of the
    range by rounding only: for non-negative values each is within (n + 2) units
    in the last place of the total (Higham's bound), so where the difference is
    farther than that from the threshold both answer alike; within it, the range
    is summed as before.

    >>> at_least = _RangeMean([0.2, 0.9, 0.4, 0.1])
    >>> at_least(1, 3, 0.5), at_least(0, 4, 0.5), at_least(0, 2, 0.55)
    (True, False, True)
    """

    def __init__(self, values: list[float]) -> None:
        self.values = values
        self.prefix = list(itertools.accumulate(values, initial=0.0))
        self._ulps = (len(values) + 2) * 2.0**-52  # generous: twice the unit roundoff

    def __call__(self, lo: int, hi: int, threshold: float) -> bool:
        n = hi - lo
        estimate = self.prefix[hi] - self.prefix[lo]
        margin = 4 * self._ulps * (self.prefix[hi] + 1.0) + n * 2.0**-50
        if estimate - threshold * n > margin:
            return True
        if threshold * n - estimate > margin:
            return False
        return not sum(self.values[lo:hi]) / n < threshold


class CommentOptions(FilterOptions):
    max_author_words: Count = 6
    """An author shown on a header line has at most this many words."""
    max_header_words: Count = 18
    """A header line (name, time, chrome words) has at most this many words."""
    max_gap_lines: Count = 40
    """Two header groups more than this many lines apart are not one section."""
    max_gap_chars: Count = 6000
    """... nor when more than this many characters of text lie between them."""
    marker_reach: Count = 12
    """How many lines before the first comment a section marker may stand."""
    confidence: Probability = 0.75
    """Confidence of the comment filter's decisions (above the content scorer's)."""


@dataclass(slots=True)
class Header:
    """What one header line says."""

    kind: str  # says | by | time | note | name | points
    name: tuple[int, int] | None = None  # offsets within the line
    time: TimeMatch | None = None
    votes: tuple[int, int, int, str] | None = None  # start, end, value, unit
    text: tuple[int, int] | None = None  # inline comment text ("x said: text")
    number: str | None = None


@dataclass
class Group:
    """Adjacent header lines that introduce (or close) one comment."""

    lines: list[int] = field(default_factory=list)
    heads: dict[int, Header] = field(default_factory=dict)
    name_line: int | None = None  # an author-only line that joined the group

    @property
    def first(self) -> int:
        return min(self.lines)

    @property
    def last(self) -> int:
        return max(self.lines)

    def has_name(self) -> bool:
        return self.name_line is not None or any(h.name for h in self.heads.values())

    def has_time(self) -> bool:
        return any(h.time for h in self.heads.values())


_MONTH_YEAR = regex.compile(r"(?<!\p{L})\p{L}++\.?+\s++\d{4}")
_WORDS = regex.compile(r"\w+")
_TOOLBAR_SPLIT = regex.compile(r"\s*[·•|]\s*|\s{2,}")
_SPLIT_GATE = regex.compile(r"[·•|]|\s\s")  # in every match of _TOOLBAR_SPLIT
_EMPTY_COUNT = regex.compile(r"\w\s*[(\[]\s*[)\]]\s*$")
_EMAIL = regex.compile(r"\S@\S+\.\w{2,}")
_CLOCK = regex.compile(r"\d{1,2}[:.h]\d{2}")
_TIME_REST = regex.compile(r"(?=.*\d)(?:\d{1,4}|[:.,h]|\s|\bat\b|\bum\b|[ap]\.?m\.?)+", regex.I)
_CLOCK_ONLY = regex.compile(r"[\d:\s]+(?:[ap]\.?m\.?)?(?:\s?(?-i:[A-Z]{3,4}))?", regex.I)
_NUMBER_PUNCT = regex.compile(r"[.,]")
# "Recommend? (7)", "Helpful? [3]": a vote button with its count.
_ASK_COUNT = regex.compile(r"^\s*\p{L}[\p{L} ]{0,24}\?\s*[(\[]\s*\d{1,6}\s*[)\]]\s*$")
# "Amy D.": a name that ends in an initial.
_INITIAL_END = regex.compile(r"(?<!\w)\p{Lu}\.$")
# "http://twitter.com/jane Jane Doe": a commenter's link, then the name.
_URL_NAME = regex.compile(r"https?://\S++(*SKIP)\s++(?P<name>[^\s:/][^:/]*)")


# Words that name a whole comment section (not an inner "Replies" label).
_SECTION_WORD = regex.compile(
    r"comment|kommentar|commentaire|comentario|commento|comentário|reactie|discussion|комментари",
    regex.IGNORECASE,
)
_LEADING_ID = regex.compile(r"#?\d{5,}\s+(?=\p{L})")
_ELLIPSIS_END = regex.compile(r"(?:…|\.\.\.)\s*$")
# A link running up to the end of the searched span (a time inside a URL).
_IN_URL = regex.compile(r"(?:https?://|www\.)\S*$", regex.IGNORECASE)
_FORM_LETTERS = regex.compile(r"\p{L}+\.?")
_FORM_YEAR = regex.compile(r"\d{3,}")
_FORM_NUMBER = regex.compile(r"\d{1,2}")


# -- forum threads (phpBB, vBulletin) ----------------------------------------
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


def _arrow_split(text: str) -> tuple[str, str] | None:
    """"Nadia Reyes → Karsten Ludlow" -> ("Nadia Reyes", "Karsten Ludlow")."""
    m = _ARROW_REPLY.search(text)
    if m is None:
        return None
    author, target = text[: m.start()].strip(), text[m.end() :].strip()
    if not author or not target or not _name_ok(target, 6):
        return None
    return author, target


def _initial_name(piece: str) -> bool:
    """"Martine L.": a name of two words or more that ends in an initial."""
    return " " in piece.strip() and _INITIAL_END.search(piece) is not None


def _time_form(raw: str) -> str:
    """The shape of a printed time: "Oct. 29, 2012" -> "a 9, Y", "29/10/12" -> "9/9/9"."""
    return _FORM_NUMBER.sub("9", _FORM_YEAR.sub("Y", _FORM_LETTERS.sub("a", raw)))


def _declared(text: str) -> int | None:
    """The comment count a marker line announces ("12 Comments" -> 12), if any."""
    m = _COUNT_HEADER.search(text)
    if not m:
        # "Comments ()": a counter with nothing to count
        return 0 if _EMPTY_COUNT.search(text) else None
    raw = m.group("n") or m.group("m")
    return 1 if raw.lower() in ("one", "a single") else int(_NUMBER_PUNCT.sub("", raw) or 0)


def _author_key(page: Page, g: Group) -> str | None:
    """The name a header group gives, casefolded, for telling commenters apart."""
    if g.name_line is not None:
        return page.lines[g.name_line].text.strip().casefold()
    for i in sorted(g.lines):
        h = g.heads[i]
        if h.name:
            return page.lines[i].text[h.name[0] : h.name[1]].casefold()
    return None


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


# Where a loose time search can find something (see _timeless), in the line's fold: a
# numeric date ("06/24"), a clock time ("5:46", "5.46", "18 h 42", "5H00") or a colon.
_TIME_SHAPE = regex.compile(r"\d[./-]\d|:|\d\s?h\s?\d")
# ... and a month with a number beside it ("July 21", "21 July", "5. märz", "5 de marzo").
_MONTH_DATE = regex.compile(
    rf"(?:{_MONTH_ALT})\.?\s+\d|\d(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?(?:{_MONTH_ALT})"
)


def _timeless(text: str) -> bool:
    """True only where `find_time_span(text, loose=True)` is None, tested in a fraction of
    its time (most lines with a digit have no time). Every time it finds needs one of:
    a relative word ("ago", "today"; looked for as `find_time_span` does), a numeric
    date or a clock time (_TIME_SHAPE), or a month name standing as a word of its own
    with a number beside it (_MONTH_DATE; a month glued to what follows, "Nov5:00" or
    "Novat 5.00", only comes with a clock time). Its patterns fold case fully, as
    `_fold` does, so their letters are in the fold. The words are dates._MONTH_WORDS,
    dates._RELATIVE_TRIGGERS and dates._MONTH_ALT, the ones `find_time_span` reads;
    tests/test_hostile.py checks this gate against it."""
    fold = _fold(text)
    if _TIME_SHAPE.search(fold):
        return False
    if not _RELATIVE_TRIGGERS.isdisjoint(_WORDS.findall(text.casefold())):
        return False
    if _MONTH_WORDS.isdisjoint(_WORDS.findall(fold)):
        return True
    return _MONTH_DATE.search(fold) is None


def _time(text: str) -> TimeMatch | None:
    """A time that can stand in a comment header: not an archive label like "July 2012"."""
    if _timeless(text):
        return None
    t = find_time_span(text, loose=True)
    if t is not None and _MONTH_YEAR.fullmatch(t.stamp.raw):
        return None
    return t


def _clean_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim joiners around a name span; None when what is left is not a name."""
    while start < end and (text[start] in _JOINERS):
        start += 1
    while end > start and (
        text[end - 1] in _JOINERS
        or (text[end - 1] == "." and not _initial_name(text[start:end]))
    ):
        end -= 1
    piece = text[start:end]
    m = _JOIN_WORDS.search(piece)
    while m and piece:
        piece = piece[: m.start()] + piece[m.end() :] if m.start() > 0 else piece[m.end() :]
        piece = piece.strip(_JOINERS)
        m = _JOIN_WORDS.search(piece)
    # "| 2691543 malikai": a long comment id before the name is not part of it
    m = _LEADING_ID.match(piece)
    if m and m.end() < len(piece):
        piece = piece[m.end() :]
    if not piece:
        return None
    a = text.find(piece, start)
    if a < 0:
        return None
    b = a + len(piece)
    if piece.count("(") > piece.count(")") and text[b : b + 1] == ")":
        b += 1  # "Anna (South St Style)": the bracket closes part of the name
    return a, b


_QUOTES = frozenset('"“”„«»')


def _name_ok(piece: str, max_words: int) -> bool:
    # the same tests as ever, cheapest first (each one alone can refuse)
    words = piece.split()
    if not words or len(words) > max_words or len(piece) > 60:
        return False
    if words[0] in _PLACE_WORDS or not _QUOTES.isdisjoint(piece):
        return False  # "in Science": not a person's name
    letters = sum(map(str.isalpha, piece))
    # "C98976": a user id of one letter and digits is a name too
    handle = letters == 1 and len(words) == 1 and len(piece) >= 4
    if not (letters >= 2 or handle) or (piece[-1] in ".!?" and not _initial_name(piece)):
        return False
    # "12:59 pm", an address: not a person's name
    return not (
        _NOT_NAME.search(piece)
        or _CLOCK.search(piece)
        or ("@" in piece and _EMAIL.search(piece))
    )


def _posted_by_anywhere(text: str) -> bool:
    """Whether _POSTED_BY matches the line or the line after its "1." numbering (the
    two places parse_header tries it)."""
    if _POSTED_BY.match(text):
        return True
    num = _NUMBERING.match(text)
    return num is not None and _POSTED_BY.match(text[num.end() :]) is not None


def parse_header(text: str, options: CommentOptions) -> Header | None:
    """A header read off one line, or None (`text` is the line as in the input)."""
    stripped = text.strip()
    if not stripped or len(stripped) > 200:
        return None
    words = len(stripped.split())
    if words > options.max_header_words or _OWN_COUNT.search(stripped):
        return None
    if (
        ((words > 8 and stripped[-1] in ".!?") or (words >= 4 and stripped[-1] == "?"))
        and "reblogged" not in text
        and not _say_gate(text)
        and not _posted_by_anywhere(text)
    ):
        # A sentence or a question, with no "says", reblog note or "Posted by" shape:
        # only a time header could be left, and that refuses sentences (below); so the
        # time search (the costly part) is not needed to know the answer.
        return None
    first_time = _time(text)
    if first_time is not None and _IN_URL.search(text, 0, first_time.end):
        first_time = None  # "http://site/2012/10/17/story": a link, not a time
    if first_time is None:
        age = _AGE_FIELD.search(text)
        if age is not None:  # "quietgearhead · 5h"
            raw = age.group("age")
            first_time = TimeMatch(
                age.start("age"), age.end("age"), TimeStamp(raw=raw, relative=True)
            )
    # Cheap gate: without a time, only a "says" or a reblog note can be a header.
    if first_time is None and "reblogged" not in text and not _say_gate(text):
        return None
    number = None
    base = 0
    num = _NUMBERING.match(text)
    if num and not (first_time is not None and first_time.start < num.end()):
        number, base = num.group("num"), num.end()
    body = text[base:]
    m = _NOTE_ADDED.match(body)
    if m:
        return Header("note", name=(base + m.start("name"), base + m.end("name")), number=number)
    m = _SAYS.match(body)
    if (
        m
        and m.group("rest")
        and ":" not in body[m.end("name") : m.start("rest")]
        and _time(m.group("rest")) is None
    ):
        m = None  # "Smith said the plan..." is prose; only "Smith said: text" carries text
    if m:
        lo, hi = base + m.start("name"), base + m.end("name")
        head = Header("says", number=number)
        # "Jane on July 21, 2012 at 5:46 pm said:": the time sits inside the name part
        inner = _time(text[lo:hi])
        if inner is not None:
            head.time = TimeMatch(lo + inner.start, lo + inner.end, inner.stamp)
            candidates = [
                _clean_name(text, lo, lo + inner.start),
                _clean_name(text, lo + inner.end, hi),
            ]
        else:
            candidates = [_clean_name(text, lo, hi)]
        head.name = next(
            (n for n in candidates if n and _name_ok(text[n[0] : n[1]], options.max_author_words)),
            None,
        )
        if head.name is None and head.time is None:
            return None
        if m.group("rest"):
            rest_start = base + m.start("rest")
            t = _time(m.group("rest"))
            if t is not None and head.time is None:
                head.time = TimeMatch(rest_start + t.start, rest_start + t.end, t.stamp)
            elif t is None:
                head.text = (rest_start, base + m.end("rest"))
        return head
    t = first_time  # the same search over the same text
    m = _POSTED_BY.match(body)
    if m and t is not None:
        name = _clean_name(text, base + m.start("name"), base + m.end("name"))
        if (
            name
            and name[1] <= t.start
            and _name_ok(text[name[0] : name[1]], options.max_author_words)
        ):
            return Header("by", name=name, time=t, number=number)
    if t is None:
        return None
    if _ARTICLE_TIME.search(text, base, t.start):
        return None
    # "today" alone is a label ("Register today", a headline's "To Start Today");
    # with a clock time it is a header.
    if (
        t.stamp.relative
        and not any(ch.isdigit() for ch in t.stamp.raw)
        and _CLOCK.search(stripped) is None
    ):
        return None
    # A sentence that mentions a date is prose, not a header; so is a question.
    if (words > 8 and stripped[-1] in ".!?") or (words >= 4 and stripped[-1] == "?"):
        return None
    head = Header("time", time=t, number=number)
    before, after = (base, t.start), (t.end, len(text))
    vm = _INLINE_VOTES.search(text)
    if vm:
        head.votes = (vm.start(), vm.end(), int(vm.group("n")), vm.group("unit").lower())
        if vm.end() <= t.start:
            before = (base, vm.start())
        elif vm.start() >= t.end:
            after = (t.end, vm.start())
    for lo, hi in (before, after):
        if hi - lo <= 0:
            continue
        piece = text[lo:hi]
        # Chrome words around the time ("Reply", "Permalink", "#") are not a name.
        if default_vocabulary().match(piece) in _CHROME or not any(ch.isalpha() for ch in piece):
            continue
        name = _clean_name(text, lo, hi)
        if name is None:
            continue
        candidate = text[name[0] : name[1]]
        if default_vocabulary().match(candidate) in _CHROME or _TIME_REST.fullmatch(candidate):
            continue  # "Reply", or the rest of a time ("7 Aug" + "12 at 11:21 pm")
        if not _name_ok(candidate, options.max_author_words):
            return None
        op = _OP_MARK.search(candidate)
        if op is not None and op.start() > 0:  # "spokes OP · 4h": the poster's badge
            name = (name[0], name[0] + op.start())
        head.name = name
        break
    return head


# -- the filter ---------------------------------------------------------------
def _any_between(sorted_lines: list[int], a: int, b: int) -> bool:
    """Whether some line of `sorted_lines` lies strictly between a and b (a < b).

    >>> _any_between([2, 9], 3, 9), _any_between([2, 9], 2, 10)
    (False, True)
    """
    k = bisect.bisect_right(sorted_lines, a)
    return k < len(sorted_lines) and sorted_lines[k] < b


@register
class CommentFilter(Filter):
    """Finds the comment section and parses its comments; see the module docstring."""

    name = "comments"
    Options = CommentOptions
    options: CommentOptions

    def apply(self, page: Page) -> None:
        kinds, heads = self._classify(page)
        posts = self._forum_posts(page)
        if posts:
            self._forum_thread(page, kinds, posts)
            return
        self._trackbacks(page, kinds, heads)
        groups = self._groups(page, kinds, heads)
        for run in self._runs(page, kinds, groups) if groups else []:
            run = self._shed_article_head(page, kinds, run)
            if self._accept(page, kinds, run):
                self._parse(page, kinds, run)
                return
        run = self._named_run(page, kinds)
        if run and self._accept(page, kinds, run):
            self._parse(page, kinds, run)
            return
        run = self._scored_named_run(page, kinds)
        if run and self._accept(page, kinds, run, vetted=True):
            self._parse(page, kinds, run)

    def _post_head(self, text: str) -> tuple[tuple[int, int], TimeMatch] | None:
        """The poster's name and the post's time in a forum post header, or None."""
        if len(text.split()) > self.options.max_header_words:
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
        if name is None or not _name_ok(text[name[0] : name[1]], self.options.max_author_words):
            return None
        return name, when

    def _forum_posts(self, page: Page) -> list[_Post]:
        """Posts of a forum thread: two or more post headers of one shape ("Post by NAME
        » DATE", "#2 NAME DATE"), each under a profile block ("Posts: 87", "Joined: ...")."""
        posts: list[_Post] = []
        shapes: Counter[bool] = Counter()
        floor = 0  # a block never reaches back into the post above
        for i, line in enumerate(page.lines):
            if line.blank or ("»" not in line.text and "#" not in line.text):
                continue
            found = self._post_head(line.text)
            if found is None:
                continue
            block = None
            for j in range(i - 1, max(floor, i - 8) - 1, -1):
                if _PROFILE_FIELD.match(page.lines[j].text):
                    block = j
            if block is None:
                continue
            # the poster's name (and a "#2" post number) head the block
            for number in (False, True):
                k = self._prev_nonblank(page, block)
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
            posts.append(_Post(i, block, *found))
            shapes["»" in line.text] += 1
            floor = i + 1
        if len(posts) < 2 or len(shapes) > 1:
            return []
        return posts

    def _forum_thread(self, page: Page, kinds: list[int], posts: list[_Post]) -> None:
        """The first post is the article (its poster the byline, its time the date), the
        others are comments; profile blocks, subjects, toolbars, quote headers and the
        signatures a poster repeats under several posts are chrome. Threads are flat."""
        conf = self.options.confidence
        bodies: list[list[int]] = []
        longest = 4  # lines from a post's header to its last line
        for k, post in enumerate(posts):
            # the last post runs to its toolbar or to twice the longest post above it
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
        seen: Counter[str] = Counter()
        for body in bodies:
            seen.update({page.lines[i].text.strip() for i in body})

        def chrome(i: int) -> bool:
            text = page.lines[i].text
            stats = page.stats[i]
            return bool(
                _POST_TOOL.match(text)
                or (stats.words <= 16 and _QUOTE_HEAD.match(text) and _time(text) is not None)
                or (seen[text.strip()] > 1 and not stats.ends_sentence)  # a signature
            )

        def remove(i: int, why: str) -> None:
            page.decide(i, Label.BOILERPLATE, self.name, why, conf, "comment-chrome")

        for k, (post, body) in enumerate(zip(posts, bodies, strict=True)):
            for i in range(post.block, post.head):
                # the first post's subject is the thread's title: left to the metadata
                if not page.lines[i].blank and (
                    k > 0 or i == post.block or _PROFILE_FIELD.match(page.lines[i].text)
                ):
                    remove(i, "forum post's profile block")
            line = page.lines[post.head]
            if k == 0:
                remove(post.head, "forum post header")
                for claim, (a, b), value, stamp in (
                    ("byline", post.name, line.text[post.name[0] : post.name[1]], None),
                    ("date", (post.time.start, post.time.end), post.time.stamp.raw,
                     post.time.stamp),
                ):
                    # read off the removed header: no line is claimed for it
                    page.meta.append(
                        MetaClaim(claim, None, line.start + a, line.start + b, value, self.name,
                                  "the first post's header", stamp)
                    )
                for i in body:
                    if chrome(i):
                        remove(i, "forum post chrome")
                    else:
                        page.decide(i, Label.ARTICLE, self.name, "the thread's first post", conf)
                continue
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
            page.decide(post.head, Label.COMMENT, self.name, "forum post header", conf)
            for i in body:
                if chrome(i):
                    remove(i, "forum post chrome")
                    continue
                text = page.lines[i].text.strip()
                a = page.lines[i].start + page.lines[i].text.index(text)
                draft.lines.append(i)
                draft.parts.append(CommentPart("text", a, a + len(text), "post text"))
                page.decide(i, Label.COMMENT, self.name, "forum post text", conf)
            if len(draft.lines) > 1:
                page.comments.append(draft)
        if len(posts) > 1:
            last = max([posts[-1].head, *bodies[-1]])
            page.comment_section = (posts[1].block, last + 1)

    def _named_run(self, page: Page, kinds: list[int]) -> list[Group]:
        """Headers that are a bare name ("JJ345" then the text), as some widgets print
        them: trusted only right under a section marker that counts its comments,
        and never more of them than the count says."""
        markers = [i for i, k in enumerate(kinds) if k == MARKER]
        if self._post_list(page, kinds):
            return []
        known: dict[int, bool] = {}  # line -> _name_line (asked again for the next line)

        def name_line(j: int) -> bool:
            if j not in known:
                known[j] = self._name_line(page, j)
            return known[j]

        for m in reversed(markers):
            declared = _declared(page.lines[m].text)
            if not declared:
                continue
            run: list[Group] = []
            quiet = 0
            for i in range(m + 1, len(kinds)):
                kind = kinds[i]
                if kind in (STOP, FORM, MARKER, HEAD):
                    break
                if kind != TEXT:
                    continue
                nxt = self._next_content(kinds, i)
                if (
                    name_line(i)
                    and nxt is not None
                    and kinds[nxt] == TEXT
                    and not name_line(nxt)
                    and (page.stats[nxt].words >= 4 or page.stats[nxt].ends_sentence)
                ):
                    text = page.lines[i].text
                    stripped = text.strip()
                    a = text.index(stripped)
                    run.append(Group([i], {i: Header("name", name=(a, a + len(stripped)))}))
                    quiet = 0
                else:
                    quiet += 1
                    if quiet > self.options.max_gap_lines:
                        break
            if run and len(run) <= declared:
                return run
        return []

    def _scored_named_run(self, page: Page, kinds: list[int]) -> list[Group]:
        """Bare-name headers with no marker (Disqus-style "Name" or "http://site Name",
        then the text): trusted only when at least three of them repeat with prose
        under each, and the content scorer calls the whole stretch comments."""
        scores = page.comment_scores
        if scores is None:
            return []
        opts = self.options
        best: list[Group] = []
        run: list[Group] = []
        quiet = 0
        known: dict[int, tuple[int, int] | None] = {}  # line -> _bare_name

        def bare_name(j: int) -> tuple[int, int] | None:
            if j not in known:
                known[j] = self._bare_name(page, j)
            return known[j]

        def close(closer: int | None = None) -> None:
            nonlocal best
            if len(run) <= len(best) or len(run) < 2:
                return
            if (len(run) >= 3 and self._scored(page, kinds, run)) or self._signed_run(
                page, kinds, run, closer
            ):
                best = list(run)

        for i, kind in enumerate(kinds):
            if kind in (STOP, FORM, MARKER, HEAD, TRACK):
                close(i)
                run, quiet = [], 0
                continue
            if kind != TEXT:
                continue
            name = bare_name(i)
            nxt = self._next_content(kinds, i) if name is not None else None
            if (
                name is not None
                and nxt is not None
                and kinds[nxt] == TEXT
                and bare_name(nxt) is None
                and (page.stats[nxt].words >= 4 or page.stats[nxt].ends_sentence)
            ):
                run.append(Group([i], {i: Header("name", name=name)}))
                quiet = 0
            elif run:
                quiet += 1
                if quiet > min(12, opts.max_gap_lines):
                    close()
                    run, quiet = [], 0
        close()
        return best

    def _signed_run(
        self, page: Page, kinds: list[int], run: list[Group], closer: int | None
    ) -> bool:
        """Bare-name comments the widget signs: three or more names printed with the
        commenter's link ("http://site Name"), or a run that the widget's own credit line
        closes at once ("comments powered by X": a section marker that neither counts nor
        invites). Two different names at least, and prose under the headers."""
        heads = [g.first for g in run]
        names = {page.lines[h].text.strip().casefold() for h in heads}
        if len(names) < 2:
            return False
        body = [
            i
            for k, g in enumerate(run)
            for i in range(g.last + 1, run[k + 1].first if k + 1 < len(run) else g.last + 2)
            if i < len(kinds) and kinds[i] == TEXT
        ]
        if not body or not self._prose(page, body):
            return False
        if sum(1 for i in body if _headline(page, i)) > 0.3 * len(body):
            return False  # headlines under bylines: a list of posts
        linked = sum(1 for h in heads if _URL_NAME.fullmatch(page.lines[h].text.strip()))
        if linked >= 3 and linked >= 0.5 * len(heads):
            return True
        if closer is None or kinds[closer] != MARKER:
            return False
        # a credit line ("blog comments powered by X"), not a heading ("Comments") that
        # opens the next section
        if (
            page.stats[closer].words < 3
            or _declared(page.lines[closer].text) is not None
            or _FORM_HEADER.match(page.stats[closer].norm)
        ):
            return False
        scores = page.comment_scores
        if scores is not None and sum(scores[i] for i in body) / len(body) < 0.5:
            return False
        # the credit line follows the last comment's text directly
        last = run[-1].last
        nxt = self._next_content(kinds, last)
        while nxt is not None and nxt < closer and kinds[nxt] == TEXT:
            nxt = self._next_content(kinds, nxt)
        return nxt == closer and closer - last <= 12

    @staticmethod
    def _scored(page: Page, kinds: list[int], run: list[Group]) -> bool:
        """The scorer's view of a bare-name run: names and text both read as comments."""
        scores = page.comment_scores
        assert scores is not None
        heads = [g.first for g in run]
        body = [
            i
            for a, b in itertools.pairwise(run)
            for i in range(a.last + 1, b.first)
            if kinds[i] == TEXT
        ]
        if not body:
            return False
        names = {page.lines[h].text.strip().casefold() for h in heads}
        return (
            len(names) >= 2
            and sum(scores[i] for i in heads) / len(heads) >= 0.6
            and sum(scores[i] for i in body) / len(body) >= 0.7
        )

    def _name_span(self, page: Page, i: int) -> tuple[int, int] | None:
        """The span of a bare-name line, or of "http://site Name" (kept whole: the link is
        part of how the widget prints the author)."""
        text = page.lines[i].text
        stripped = text.strip()
        a = text.index(stripped) if stripped else 0
        if self._name_line(page, i):
            return a, a + len(stripped)
        if not stripped.endswith(".") and not stripped.startswith(("http://", "https://")):
            # neither a link (_URL_NAME) nor a final initial: `name` would be the line as
            # it stands, which the test below refuses
            return None
        m = _URL_NAME.fullmatch(stripped)
        name = m.group("name") if m else stripped
        # "Amy D.": an initial's full stop does not end a sentence
        name = name[:-1] if _INITIAL_END.search(name) else name
        words = self.options.max_author_words - 1
        if (m or name != stripped) and len(name) <= 40 and _name_ok(name, words):
            return a, a + len(stripped)
        return None

    def _bare_name(self, page: Page, i: int) -> tuple[int, int] | None:
        """`_name_span` for a line with no header shape at all: not a short remark made
        mostly of function words ("cool and I mean that")."""
        s = page.stats[i]
        if s.words >= 3 and s.stop_ratio >= 0.5 and not s.url:
            return None
        return self._name_span(page, i)

    @staticmethod
    def _next_content(kinds: list[int], line: int) -> int | None:
        for i in range(line + 1, len(kinds)):
            if kinds[i] not in (BLANK, CHROME):
                return i
        return None

    # -- step 1: what each line is -------------------------------------------
    def _classify(self, page: Page) -> tuple[list[int], dict[int, Header]]:
        kinds: list[int] = []
        heads: dict[int, Header] = {}
        for i, line in enumerate(page.lines):
            s = page.stats[i]
            if line.blank:
                kinds.append(BLANK)
                continue
            if len(line.text) > _MAX_SHAPE_CHARS:
                # headers, markers and chrome are short; a huge line is text (and the
                # shape patterns below would each scan all of it)
                kinds.append(TEXT)
                continue
            vocab = s.vocab
            if vocab == "comment-header":
                if _FORM_HEADER.match(s.norm):
                    kinds.append(FORM)
                else:
                    kinds.append(STOP if _declared(line.text) == 0 else MARKER)
                continue
            if vocab == "trackback":
                kinds.append(TRACK)
                continue
            if vocab in _STOP:
                kinds.append(STOP)
                continue
            text = line.text
            # Each pattern below runs only when its gate (see "cheap gates") passes.
            if vocab in ("comment-chrome", "comment-action", "widget:share") or (
                s.words <= 12 and "ed this" in text and _NOTE.search(text)
            ):
                kinds.append(CHROME)
                continue
            digit = _DIGIT.search(text) is not None
            folded = text.casefold()
            fold = folded.replace("\u0307", "") if "\u0307" in folded else folded
            # the words of the casefolded line (_is_action's) and of its fold (_say_gate's);
            # casefolding keeps every character in or out of a word as it was
            words = _WORDS.findall(folded) if len(text) <= 400 else None
            fold_words = words if fold is folded else None
            if (
                not s.has_time
                and s.words <= 30
                and (digit or "one" in fold or "single" in fold)
                and ((s.words <= 6 and _COUNT_HEADER.search(text)) or _COUNT_LEAD.match(text))
            ):
                # "0 comments" announces that there is no discussion to find
                kinds.append(STOP if _declared(text) == 0 else MARKER)
                continue
            if s.words <= 6 and s.norm[:1] in _FORM_LINE_FIRST and _FORM_LINE.match(s.norm):
                kinds.append(FORM)
                continue
            if s.words <= 12 and (
                "closed" in fold or "disabled" in fold or "turned off" in fold
            ) and _CLOSED.search(text):
                kinds.append(CHROME)  # a moderator's note may stand among the comments
                continue
            if (
                (digit and (_VOTES.match(text) or ("?" in text and _ASK_COUNT.match(text))))
                or self._is_action(text, words)
            ):
                kinds.append(CHROME)
                continue
            if s.words <= 10 and (
                (
                    digit
                    and (_LEVEL.match(text) or _STARS.match(text) or _LIKE_COUNT.match(text))
                )
                or (not _STAR_CHARS.isdisjoint(text) and _STARS.match(text))
                or (
                    _CHROME_GATE.search(fold) is not None
                    and (
                        (
                            _REPLY_GATE.search(fold) is not None
                            and self._reply_target(text) is not None
                        )
                        or (_BADGE_GATE.search(fold) is not None and self._badge(text))
                    )
                )
            ):
                kinds.append(CHROME)
                continue
            # The feature pass already looked for times: a short line with no digit and no
            # time can only be a "says" header, so skip the date patterns for it.
            timeless = s.chars <= 160 and not s.digits and not s.has_time
            points = None
            if s.digits and not s.has_time:
                if "pts" in fold or "point" in fold:
                    points = self._points_header(text)
            elif (
                not s.has_time
                and s.words <= 10
                and text.lstrip()[:1].casefold() in _POSTED_BY_FIRST
            ):
                points = self._signature(text)
            if points is not None:
                heads[i] = points
                kinds.append(HEAD)
                continue
            head = (
                parse_header(text, self.options)
                if (vocab is None or vocab in _CHROME)
                and s.chars <= 200  # parse_header's own limit, checked before any regex
                and not (
                    timeless
                    and "reblogged" not in text
                    and not _say_gate(text, fold, fold_words)
                )
                else None
            )
            if head is not None:
                heads[i] = head
                kinds.append(HEAD)
                continue
            kinds.append(TEXT)
        self._reply_toggles(page, kinds)
        self._repeated_toolbars(page, kinds)
        return kinds, heads

    @staticmethod
    def _reply_toggles(page: Page, kinds: list[int]) -> None:
        """"14 replies" right under a comment's toolbar ("Reply", its vote count), with a
        header above that, is the toggle of the comment's replies: chrome, not a marker
        (which would cut the section there and take 14 as the page's count)."""
        last_head = -1
        for i, kind in enumerate(kinds):
            if kind == HEAD:
                last_head = i
                continue
            if kind != MARKER or last_head < 0 or i - last_head > 30:
                continue
            if page.stats[i].words > 6 or not _REPLY_TOGGLE.match(page.lines[i].text):
                continue
            prev = i - 1
            while prev >= 0 and kinds[prev] == BLANK:
                prev -= 1
            if prev >= 0 and kinds[prev] == CHROME and page.stats[prev].vocab != "widget:share":
                kinds[i] = CHROME

    @staticmethod
    def _badge(text: str) -> bool:
        """"Top commenter · Works at Millbrook Library": a profile line, not talk."""
        parts = [p for p in _TOOLBAR_SPLIT.split(text.strip()) if p]
        return (
            bool(parts)
            and all(_BADGE.fullmatch(p) for p in parts)
            and any(_BADGE_WORD.match(p) for p in parts)
            # one word alone ("Admin") may be a commenter's name
            and (len(parts) > 1 or " " in parts[0])
            and not text.rstrip().endswith((".", "!", "?"))
        )

    def _reply_target(self, text: str) -> str | None:
        """The name a reply-chrome line points at ("Replying to Teresa M." -> "Teresa M.")."""
        m = _REPLY_LINE.match(text)
        if m is None:
            return None
        name = m.group("name")
        # "Reply to this comment", "Reply to all": toolbar words, not a person
        words = _WORDS.findall(name.casefold())
        if all(w in _ACTION_WORDS or w in _ACTION_FILLERS or w == "all" for w in words):
            return None
        bare = name[:-1] if _INITIAL_END.search(name) else name.rstrip(".")
        if not _name_ok(bare, self.options.max_author_words):
            return None
        return name

    def _signature(self, text: str) -> Header | None:
        """A timeless "Posted by Tex | Report as abusive": a name and comment actions."""
        m = _POSTED_BY.match(text)
        if m is None or not m.group("rest").strip():
            return None
        rest = m.group("rest").strip()
        vocab = default_vocabulary().match(rest)
        if vocab not in ("comment-action", "comment-chrome") and not self._is_action(rest):
            return None
        name = _clean_name(text, m.start("name"), m.end("name"))
        if name is None or not _name_ok(text[name[0] : name[1]], self.options.max_author_words):
            return None
        return Header("by", name=name)

    def _points_header(self, text: str) -> Header | None:
        """A name with its score and no time ("baroo 6 pts")."""
        m = _NAME_POINTS.match(text)
        if m is None:
            return None
        name = _clean_name(text, m.start("name"), m.end("name"))
        if name is None or not _name_ok(text[name[0] : name[1]], self.options.max_author_words):
            return None
        unit = "points" if m.group("unit").lower() == "pts" else m.group("unit").lower()
        return Header(
            "points", name=name, votes=(m.start("n"), m.end("unit"), int(m.group("n")), unit)
        )

    @staticmethod
    def _repeated_toolbars(page: Page, kinds: list[int]) -> None:
        """A short line printed again under every comment ("Responses (0)", "Close",
        "Share this") is the comment's toolbar, not the end of the section: it is chrome
        when it recurs three times or more with a header between each two copies."""
        where: dict[str, list[int]] = {}
        for i, kind in enumerate(kinds):
            s = page.stats[i]
            if (
                kind in (STOP, TEXT, MARKER)
                and s.repeats >= 3
                and s.words <= 4
                # "Loading comments…": an ellipsis ends no sentence
                and (not s.ends_sentence or _ELLIPSIS_END.search(page.lines[i].text))
                and s.vocab not in ("footer", "related", "tags")
            ):
                where.setdefault(s.norm, []).append(i)
        if not where:
            return
        head_lines = [i for i, k in enumerate(kinds) if k == HEAD]
        if len(head_lines) < 2:
            return
        scores = page.comment_scores
        # running sums of the headers' scores: a group's mean without a pass over the
        # headers inside it (that pass, per repeated line, was quadratic on big pages)
        mean_at_least = _RangeMean([scores[h] for h in head_lines]) if scores is not None else None
        for lines in where.values():
            if len(lines) < 3:
                continue
            # a header strictly between two copies: one binary search per pair, not a scan
            between = sum(
                1 for a, b in itertools.pairwise(lines) if _any_between(head_lines, a, b)
            )
            if between < len(lines) - 1:
                continue  # the checks below read the headers between: only when needed
            # "Responses (2)" in a toolbar vs "27 comments" under each post of a list:
            # a counted line is chrome only among other chrome.
            counted = any(_declared(page.lines[i].text) for i in lines)
            if counted and not all(CommentFilter._by_chrome(kinds, i) for i in lines):
                continue
            # Section labels between post-list entries repeat too ("News"): where the
            # scorer ran, the headers between the copies must read as comments.
            lo = bisect.bisect_right(head_lines, lines[0])
            hi = bisect.bisect_left(head_lines, lines[-1])
            if mean_at_least is not None and (hi <= lo or not mean_at_least(lo, hi, 0.5)):
                continue
            for i in lines:
                kinds[i] = CHROME

    @staticmethod
    def _by_chrome(kinds: list[int], line: int) -> bool:
        """Whether the nearest non-blank line before or after `line` is chrome."""
        for step in (-1, 1):
            i = line + step
            while 0 <= i < len(kinds) and kinds[i] == BLANK:
                i += step
            if 0 <= i < len(kinds) and kinds[i] == CHROME:
                return True
        return False

    @staticmethod
    def _is_action(text: str, words: list[str] | None = None) -> bool:
        """`words`: `_WORDS.findall(text.casefold())`, if the caller has them."""
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

    def _trackbacks(self, page: Page, kinds: list[int], heads: dict[int, Header]) -> None:
        """Lines under a trackback header, up to the next marker or header, are trackbacks."""
        conf = self.options.confidence
        inside = False
        for i, kind in enumerate(kinds):
            if kind == BLANK:
                continue
            if kind == TRACK:
                inside = True
                page.decide(i, Label.BOILERPLATE, self.name, "trackback", conf, "trackback")
                continue
            if not inside:
                continue
            # "Anton says:" after a pingback is the next comment; a bare date or
            # "Site | date" is the trackback's own line
            if (
                kind in (MARKER, FORM, STOP)
                or page.stats[i].words > 60
                or (kind == HEAD and heads[i].kind in ("says", "by"))
            ):
                inside = False
                continue
            page.decide(
                i,
                Label.BOILERPLATE,
                self.name,
                "trackback (under a trackback header)",
                conf,
                "trackback",
            )
            kinds[i] = TRACK

    # -- step 2: header groups and runs --------------------------------------
    def _groups(self, page: Page, kinds: list[int], heads: dict[int, Header]) -> list[Group]:
        groups: list[Group] = []
        current: Group | None = None
        for i, kind in enumerate(kinds):
            if kind == BLANK:
                continue
            if kind == HEAD:
                head = heads[i]
                # A second name or a second time starts a new group.
                if current is not None and (
                    (
                        head.name
                        and current.has_name()
                        and not (current.has_time() is False and head.time)
                    )
                    or (head.time and current.has_time() and not self._completes(current, head))
                    or head.kind == "note"
                ):
                    current = None
                if current is None:
                    current = Group()
                    groups.append(current)
                current.lines.append(i)
                current.heads[i] = head
                continue
            if kind == CHROME and current is not None:
                continue
            current = None
        # A group must carry a time or a "says"/note shape: bare names are never headers.
        groups = [
            g
            for g in groups
            if g.has_time()
            or any(h.kind in ("says", "note", "points", "by") for h in g.heads.values())
        ]
        # A time-only header may have its author on the line above ("Jane Doe" / "3 hours ago").
        for g in groups:
            if not g.has_name():
                prev = self._prev_nonblank(page, g.first)
                if prev is not None and kinds[prev] == TEXT and self._name_line(page, prev):
                    g.name_line = prev
                    continue
                # ... or on the line below it ("3 hours ago" / "Mita B." / the text), where
                # the scorer reads that line as part of a comment.
                nxt = self._next_content(kinds, g.last)
                after = self._next_content(kinds, nxt) if nxt is not None else None
                scores = page.comment_scores
                if (
                    nxt is not None
                    and after is not None
                    and kinds[nxt] == TEXT
                    and kinds[after] == TEXT
                    and scores is not None
                    and scores[nxt] >= 0.5
                    and self._name_span(page, nxt) is not None
                    and self._name_span(page, after) is None
                    and self._prose(page, [after])
                ):
                    g.name_line = nxt
        return groups

    @staticmethod
    def _completes(group: Group, head: Header) -> bool:
        """A bare clock time under a date without one ("August 9th, 2012" / "2:13 pm")."""
        if (
            head.name
            or head.time is None
            or not _CLOCK_ONLY.fullmatch(head.time.stamp.raw)
        ):
            return False
        return all(":" not in h.time.stamp.raw for h in group.heads.values() if h.time)

    def _runs(self, page: Page, kinds: list[int], groups: list[Group]) -> list[list[Group]]:
        """Groups close enough together to be one section, best candidate first."""
        runs: list[list[Group]] = [[groups[0]]]
        scores = page.comment_scores
        for prev, g in itertools.pairwise(groups):
            between = range(prev.last + 1, g.first)
            text_lines = [i for i in between if kinds[i] == TEXT]
            chars = sum(page.stats[i].chars for i in text_lines)
            # Headers with nothing between them are a list of dates (archives), not comments.
            hard_stop = any(
                kinds[i] in (STOP, FORM, MARKER)
                and not self._soft_stop(page, kinds, i)
                and not self._replies_label(page, kinds, i)
                and not self._stop_in_comment(page, kinds, i)
                for i in between
            )
            too_long = (
                len(text_lines) > self.options.max_gap_lines or chars > self.options.max_gap_chars
            )
            if too_long and scores is not None:
                # one long comment (a pasted list) where the scorer reads every line as one
                too_long = sum(scores[i] for i in text_lines) / len(text_lines) < 0.8
            if too_long or hard_stop:
                runs.append([g])
            else:
                runs[-1].append(g)
        # The longest run is the section; ties go to the later one (comments come last).
        order = sorted(range(len(runs)), key=lambda k: (len(runs[k]), k), reverse=True)
        return [runs[k] for k in order]

    @staticmethod
    def _shed_article_head(page: Page, kinds: list[int], run: list[Group]) -> list[Group]:
        """Drop leading headers whose text the scorer reads as the article: a dateline
        ("Aug 8 '12") or a byline over the post that joined the commenters' run."""
        scores, comment_scores = page.scores, page.comment_scores
        if scores is None or comment_scores is None:
            return run
        k = 0
        while len(run) - k > 2:
            text = [i for i in range(run[k].last + 1, run[k + 1].first) if kinds[i] == TEXT]
            words = sum(page.stats[i].words for i in text)
            if words < 50:
                break
            mean = sum(scores[i] * page.stats[i].words for i in text) / words
            mean_comment = sum(comment_scores[i] * page.stats[i].words for i in text) / words
            # a named header ("By Jo Smith, May 2") is the byline only on surer scores
            margin = 0.1 if run[k].has_name() else 0.0
            if mean < 0.7 + margin or mean_comment > 0.3 - margin:
                break
            k += 1
        return run[k:]

    # -- step 3: is it a comment section, and which way round ----------------
    def _marker_before(self, page: Page, kinds: list[int], line: int) -> int | None:
        """The nearest section marker before `line`, within reach and not past prose."""
        seen = 0
        soft = False  # past a soft stop only a counted marker will do
        for i in range(line - 1, -1, -1):
            if kinds[i] == BLANK:
                continue
            if kinds[i] == MARKER or (kinds[i] == FORM and not soft):
                return i
            if kinds[i] in (STOP, FORM):
                if not self._soft_stop(page, kinds, i):
                    return None
                soft = True
            seen += 1
            if seen > self.options.marker_reach:
                return None
        return None

    @staticmethod
    def _soft_stop(page: Page, kinds: list[int], line: int) -> bool:
        """A short widget word inside a comment section ("Subscribe" over the list, a
        comment titled "Tech"): not the end of the section when a header follows at once
        (or under a one-line title)."""
        s = page.stats[line]
        if kinds[line] != STOP or s.vocab not in _SOFT_STOP or s.words > 6:
            return False
        seen = 0
        for i in range(line + 1, len(kinds)):
            if kinds[i] == BLANK:
                continue
            if kinds[i] == HEAD:
                return True
            # a repeated word is a list's label, the entry's title under it is no comment's
            if kinds[i] != TEXT or seen or s.repeats > 1 or page.stats[i].words > 12:
                return False
            seen += 1
        return False

    @classmethod
    def _stop_in_comment(cls, page: Page, kinds: list[int], line: int) -> bool:
        """A short stop line inside a comment's text ("See also:" over the links a
        commenter gives) where the scorer reads it and the lines around it as comment."""
        scores = page.comment_scores
        if scores is None or kinds[line] != STOP or page.stats[line].words > 4:
            return False
        if scores[line] < 0.3:
            return False
        prev = line - 1
        while prev >= 0 and kinds[prev] == BLANK:
            prev -= 1
        nxt = cls._next_content(kinds, line)
        return (
            prev >= 0
            and nxt is not None
            and kinds[prev] == TEXT
            and kinds[nxt] == TEXT
            and scores[prev] >= 0.8
            and scores[nxt] >= 0.8
        )

    @classmethod
    def _replies_label(cls, page: Page, kinds: list[int], line: int) -> bool:
        """An uncounted "Replies" label between a comment's toolbar and the replies'
        first header: a thread's inner label, not a new section."""
        if kinds[line] != MARKER or page.stats[line].words > 2:
            return False
        text = page.lines[line].text
        if _declared(text) is not None or _SECTION_WORD.search(text):
            return False  # "Comments»" opens the section itself
        nxt = cls._next_content(kinds, line)
        prev = line - 1
        while prev >= 0 and kinds[prev] == BLANK:
            prev -= 1
        return (
            nxt is not None
            and kinds[nxt] == HEAD
            and prev >= 0
            and kinds[prev] == CHROME
            and page.stats[prev].vocab != "widget:share"  # the article's share buttons
        )

    def _count_before(self, page: Page, kinds: list[int], line: int) -> int | None:
        """A counted section marker a few short widget lines above `line` (the form
        that tops the section), with no prose and no hard stop between."""
        seen = 0
        for i in range(line - 1, -1, -1):
            kind = kinds[i]
            if kind == BLANK:
                continue
            if kind == MARKER:
                return i if _declared(page.lines[i].text) else None
            s = page.stats[i]
            if (
                kind in (HEAD, TRACK)
                or (kind == STOP and s.vocab not in _SOFT_STOP)
                or (kind == TEXT and (s.words > 4 or s.ends_sentence))
            ):
                return None
            seen += 1
            if seen > self.options.marker_reach:
                return None
        return None

    @staticmethod
    def _stop_before(page: Page, kinds: list[int], line: int) -> bool:
        """A "Related posts"-style heading just above the first header."""
        seen = 0
        for i in range(line - 1, -1, -1):
            if kinds[i] == BLANK:
                continue
            if kinds[i] == STOP and page.stats[i].vocab in ("related", "navigation"):
                return True
            seen += 1
            if seen > 3:
                return False
        return False

    def _text_after(self, page: Page, kinds: list[int], line: int, limit: int) -> list[int]:
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

    def _text_before(
        self, page: Page, kinds: list[int], line: int, stop: int, limit: int
    ) -> list[int]:
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

    def _accept(
        self, page: Page, kinds: list[int], run: list[Group], vetted: bool = False
    ) -> bool:
        """Whether a run is a comment section (`vetted`: a bare-name run whose scores or
        signatures were already checked, so it needs no more support)."""
        marker = self._marker_before(page, kinds, run[0].first)
        texts = [
            [
                i
                for i in range(a.last + 1, b.first)
                if kinds[i] == TEXT and i not in (a.name_line, b.name_line)
            ]
            for a, b in itertools.pairwise(run)
        ]
        if marker is None and self._stop_before(page, kinds, run[0].first):
            return False  # under "Related posts" or a sidebar heading
        filled = [t for t in texts if t]
        names = sum(1 for g in run if g.has_name())
        if len(run) >= 2:
            # Repeated structure: most gaps hold text, most headers name someone.
            if len(filled) < max(1, 0.6 * len(texts)) or names < 0.5 * len(run):
                return False
            # Post lists with dates and teasers are not discussions.
            teasers = sum(1 for t in filled if _EXCERPT_END.search(page.lines[t[-1]].text))
            if teasers > 0.5 * len(filled):
                return False
            # ... nor are lists of "By Name | date" under headlines.
            headlines = sum(1 for t in filled if all(_headline(page, i) for i in t))
            if headlines > 0.5 * len(filled):
                return False
            # ... nor are news feeds ("Source | date" over a one-line headline each).
            bare = sum(
                1
                for t in filled
                if len(t) == 1
                and not page.stats[t[0]].ends_sentence
                and page.stats[t[0]].words >= 4
            )
            if len(filled) >= 4 and bare > 0.6 * len(filled):
                return False
            # ... nor dated lists (tickers, schedules, "date  headline" feeds), whose
            # other entries failed to read as headers only for their long titles.
            if self._dated_entries(page, kinds, run) >= max(2, 0.5 * len(run)):
                return False
            # Two headers that print their dates differently ("10/29/2012", "29/10/12")
            # and no count announcing them: two widgets (a feed of network posts).
            if (marker is None or kinds[marker] != MARKER) and self._mixed_formats(run):
                return False
            # One name over every header is the post's own byline repeated, not a discussion.
            authors = {_author_key(page, g) for g in run} - {None}
            if marker is None and len(authors) == 1 and names >= 2:
                return False
            speaking = sum(1 for k in range(len(run)) if self._speaks(page, kinds, run, k))
            # Under a comment marker, named headers may carry one-word comments ("hot").
            if speaking < 0.5 * len(run) and not (marker is not None and names == len(run)):
                return False
            # Without a marker a short run (an article dateline plus a schedule's
            # "Seattle at Green Bay, 4:30 p.m.") needs the scorer's support too.
            return (
                marker is not None
                or vetted
                or len(run) >= 6
                or (len(run) >= 3 and page.comment_scores is None)
                or self._comment_support(page, run)
            )
        # A lone score header ("baroo 6 pts") with prose under it, where the scorer reads
        # both as a comment, needs no marker.
        if (
            marker is None
            and any(h.kind == "points" for h in run[0].heads.values())
            and self._speaks(page, kinds, run, 0)
            and (
                (self._comment_support(page, run) and self._text_support(page, kinds, run[0]))
                or self._toolbar_follows(page, kinds, run[0])
            )
        ):
            return True
        # A lone named and timed header with no marker: its text, the comment's "Reply"
        # and then the comment form, where the scorer agrees ("Jason" / "November 12th" /
        # the text / "Reply" / "Leave a Comment").
        if (
            marker is None
            and run[0].has_name()
            and run[0].has_time()
            and self._speaks(page, kinds, run, 0)
            and self._reply_then_form(page, kinds, run[0])
            and page.comment_scores is not None
            and self._comment_support(page, run)
            and self._text_support(page, kinds, run[0])
        ):
            return True
        # A lone header needs a marker in front of it, a name and prose; under a count of
        # exactly one comment, a short line of text will do ("1 Comment" / "Jo said:" / "ok").
        return (
            marker is not None
            and kinds[marker] == MARKER
            and run[0].has_name()
            and (
                self._speaks(page, kinds, run, 0)
                or (
                    _declared(page.lines[marker].text) == 1
                    and self._short_reply(page, kinds, run[0]) is not None
                )
            )
            and not self._count_follows(page, kinds, run[0].last)
        )

    def _short_reply(self, page: Page, kinds: list[int], g: Group) -> int | None:
        """The one short line of text right under a lone header, closed by widget lines
        (chrome, the form, a stop) or the end of the page: a one-line comment."""
        nxt = self._next_content(kinds, g.last)
        if nxt is None or kinds[nxt] != TEXT:
            return None
        s = page.stats[nxt]
        if s.letters < 3 or s.url or s.repeats > 1 or _headline(page, nxt):
            return None
        after = nxt + 1
        while after < len(kinds) and kinds[after] == BLANK:
            after += 1
        if after < len(kinds) and kinds[after] not in (CHROME, FORM, STOP, MARKER):
            return None
        return nxt

    @staticmethod
    def _mixed_formats(run: list[Group]) -> bool:
        """Whether the two groups of a two-header run give absolute times in different
        formats (letters, short numbers and years compared, not their values)."""
        if len(run) != 2:
            return False
        forms = []
        for g in run:
            stamps = [h.time.stamp for h in g.heads.values() if h.time]
            if not stamps or any(st.relative for st in stamps):
                return False
            forms.append(" ".join(_time_form(st.raw) for st in stamps))
        return forms[0] != forms[1]

    @staticmethod
    def _dated_entries(page: Page, kinds: list[int], run: list[Group]) -> int:
        """Text lines inside the run that are list entries with a time: the time at one
        edge, a title of three words or more at the other, no sentence end. Entries that
        repeat one template ("Response to X, date", "date Reply 0 Flag") are chrome."""
        heads = {g.name_line for g in run} | {i for g in run for i in g.lines}
        rests: list[list[str]] = []
        for i in range(run[0].first, run[-1].last + 1):
            s = page.stats[i]
            if kinds[i] != TEXT or i in heads or s.ends_sentence or s.words < 4 or s.words > 30:
                continue
            text = page.lines[i].text.strip()
            t = _time(text)
            if t is None:
                continue
            rest = (text[: t.start] + " " + text[t.end :]).strip(_JOINERS)
            words = _WORDS.findall(rest.casefold())
            if len(words) < 3:
                continue
            # the time must sit at an edge: before it or after it only digits and joiners
            if any(ch.isalpha() for ch in text[: t.start]) and any(
                ch.isalpha() for ch in text[t.end :]
            ):
                continue
            rests.append(words)
        if not rests:
            return 0
        common = Counter(w[0] for w in rests).most_common(1)[0][1]
        return 0 if len(rests) >= 3 and common > 0.5 * len(rests) else len(rests)

    @staticmethod
    def _post_list(page: Page, kinds: list[int]) -> bool:
        """Many counted markers: a list of posts with their comment counts, not one thread."""
        counted = 0
        for i, kind in enumerate(kinds):
            # "35 comments" markers, "0 comments" stops and headlines with their count
            # ("Romney Talks Tough875 comments") all count entries of the list.
            if (kind == MARKER and _declared(page.lines[i].text)) or (
                kind in (STOP, TEXT, MARKER)
                and page.stats[i].words <= 20
                and _LIST_COUNT.search(page.lines[i].text)
            ):
                counted += 1
                if counted > 2:
                    return True
        return False

    @staticmethod
    def _count_follows(page: Page, kinds: list[int], line: int) -> bool:
        """A counted marker right after a lone header: the next entry of a post list
        ("Title / by Ann 4 days ago / 15 comments"), not the end of a discussion."""
        seen = 0
        for i in range(line + 1, len(kinds)):
            if kinds[i] == BLANK:
                continue
            if kinds[i] == MARKER and _declared(page.lines[i].text):
                return True
            seen += 1
            if seen >= 3:
                return False
        return False

    def _speaks(self, page: Page, kinds: list[int], run: list[Group], k: int) -> bool:
        """Whether comment k of a run has a line that reads like someone talking."""
        g = run[k]
        lo = g.last + 1
        hi = run[k + 1].first if k + 1 < len(run) else len(kinds)
        if k + 1 == len(run):
            lines = self._text_after(page, kinds, g.last, 4)
        else:
            lines = [i for i in range(lo, hi) if kinds[i] == TEXT][:12]
        if k > 0:  # trailing headers: the text before counts too
            lines += [i for i in range(run[k - 1].last + 1, g.first) if kinds[i] == TEXT][-4:]
        elif len(run) == 1:  # a lone header may trail its text ("text / Posted by jenn | date")
            before = self._text_before(page, kinds, g.first, -1, 4)
            if any(page.stats[i].ends_full_stop and not _headline(page, i) for i in before):
                return True
        for i in lines:
            s = page.stats[i]
            if _headline(page, i):
                continue  # post lists put a headline under each "Name | date"
            if s.ends_sentence and s.letters >= 3 and not s.url:
                return True
            if s.words >= 10 and s.stop_ratio >= 0.25:
                return True
        return any(h.text for h in g.heads.values())

    @staticmethod
    def _reply_then_form(page: Page, kinds: list[int], g: Group) -> bool:
        """After the text under a header: a comment action, then (within three lines) the
        comment form."""
        i = g.last + 1
        while i < len(kinds) and kinds[i] in (TEXT, BLANK):
            i += 1
        if i >= len(kinds) or kinds[i] != CHROME or page.stats[i].vocab != "comment-action":
            return False
        seen = 0
        for j in range(i + 1, len(kinds)):
            if kinds[j] == BLANK:
                continue
            if kinds[j] == FORM:
                return True
            seen += 1
            if seen >= 3:
                return False
        return False

    @staticmethod
    def _toolbar_follows(page: Page, kinds: list[int], g: Group) -> bool:
        """A comment's toolbar under its text: three chrome lines or more ("share",
        "spam", "Like") among the seven lines after the text."""
        i = g.last + 1
        while i < len(kinds) and kinds[i] in (TEXT, BLANK):
            i += 1
        chrome = seen = 0
        while i < len(kinds) and seen < 7:
            if kinds[i] != BLANK:
                seen += 1
                if kinds[i] == CHROME:
                    chrome += 1
                elif kinds[i] != TEXT:
                    break
            i += 1
        return chrome >= 3

    def _text_support(self, page: Page, kinds: list[int], g: Group) -> bool:
        """The scorer reads the text under a header as a comment."""
        scores = page.comment_scores
        lines = self._text_after(page, kinds, g.last, 8)
        return scores is not None and bool(lines) and (
            sum(scores[i] for i in lines) / len(lines) >= 0.7
        )

    def _comment_support(self, page: Page, run: list[Group]) -> bool:
        """A short run without a marker: only when a scorer agrees they are comments."""
        scores = page.comment_scores
        if scores is not None:
            lines = [i for g in run for i in g.lines]
            return sum(scores[i] for i in lines) / len(lines) >= 0.5
        return any(page.label(i) is Label.COMMENT for g in run for i in g.lines)

    # -- step 4: build the comments ------------------------------------------
    def _parse(self, page: Page, kinds: list[int], run: list[Group]) -> None:
        marker = self._marker_before(page, kinds, run[0].first)
        spans = [
            len([i for i in range(a.last + 1, b.first) if kinds[i] == TEXT])
            for a, b in itertools.pairwise(run)
        ]
        typical = max(spans, default=6)
        limit = max(8, 2 * typical)
        tail = self._text_after(page, kinds, run[-1].last, limit)
        if not tail and len(run) == 1 and not self._speaks(page, kinds, run, 0):
            # accepted for its one short line under a count of one (see _accept)
            short = self._short_reply(page, kinds, run[0])
            tail = [short] if short is not None else []
        if page.style == "blocks" and tail:
            # a blocks dump indents a comment's text with its header: a line further out
            # under the last comment is the page again
            indent = page.stats[run[-1].last].indent
            cut = next((k for k, i in enumerate(tail) if page.stats[i].indent < indent), None)
            if cut is not None and cut > 0:
                tail = tail[:cut]
        scores = page.comment_scores
        if scores is not None:
            # the form's own notes under the last comment ("Debate is fine, flaming is
            # not...") where the scorer reads them as chrome and the comment above as talk
            while (
                len(tail) > 1
                and scores[tail[-1]] < 0.3
                and max(scores[i] for i in tail[:-1]) >= 0.6
            ):
                tail.pop()
        start_bound = marker if marker is not None else -1
        head_text = self._text_before(
            page, kinds, run[0].first, start_bound, limit if marker is not None else 4
        )
        # Trailing when nothing follows the last header, or when text sits between the
        # marker and the first header and no header looks like an opener.
        trailing = not tail or (
            marker is not None
            and bool(head_text)
            and not any(g.name_line is not None or self._leads(page, g) for g in run)
            and self._prose(page, head_text)
            and not self._prose(page, tail)
        )
        if trailing and not head_text:
            trailing = False
        if trailing and scores is not None:
            # the section's own notes under its marker ("You can follow this conversation
            # by subscribing..."), where the scorer reads them as chrome, open no comment
            while (
                len(head_text) > 1
                and scores[head_text[0]] < 0.2
                and page.stats[head_text[0]].words >= 8
            ):
                head_text = head_text[1:]
        # Only a leading header takes an author-only line above it; trailing, that line is text.
        if trailing:
            for g in run:
                g.name_line = None
        conf = self.options.confidence
        drafts: list[tuple[Group, list[int]]] = []
        for k, g in enumerate(run):
            if trailing:
                lo = run[k - 1].last if k else (head_text[0] - 1 if head_text else g.first)
                body = [i for i in range(lo + 1, g.first) if kinds[i] in (TEXT, CHROME)]
            else:
                hi = (
                    run[k + 1].first if k + 1 < len(run) else (tail[-1] + 1 if tail else g.last + 1)
                )
                next_name = run[k + 1].name_line if k + 1 < len(run) else None
                if next_name is not None:
                    hi = min(hi, next_name)
                body = [
                    i
                    for i in range(g.last + 1, hi)
                    if kinds[i] in (TEXT, CHROME) and i != g.name_line
                ]
            if scores is not None and not trailing:
                self._trim_widget_lines(page, kinds, scores, body)
            drafts.append((g, body))
        drafts = self._fold_trailing_times(page, kinds, drafts)
        first_line = min(
            min(g.lines + ([g.name_line] if g.name_line is not None else []) + body)
            for g, body in drafts
        )
        last_line = max(max(g.lines + body) for g, body in drafts)
        toolbar: list[int] = []
        while last_line + 1 < len(kinds) and kinds[last_line + 1] in (CHROME, BLANK):
            last_line += 1  # the last comment's "Reply" belongs to the section
            if kinds[last_line] == CHROME:
                toolbar.append(last_line)
        if toolbar and not trailing:
            # ... and so do its vote counts ("Reply" / "12 Likes"), when they are its own:
            # no other comment's chrome has been read yet
            drafts[-1][1].extend(toolbar)
        section_start = marker if marker is not None else first_line
        if marker is not None and kinds[marker] == FORM:
            # "12 Comments" / login and sort chrome / "Join the discussion…" (the form
            # on top): the count above the form opens the section
            count = self._count_before(page, kinds, marker)
            section_start = count if count is not None else section_start
        page.comment_section = (section_start, last_line + 1)
        self._markers(page, kinds, section_start, first_line)
        reply_to: dict[int, str] = {}  # comment index -> the name its reply chrome gives
        for g, body in drafts:
            draft = self._draft(page, kinds, g, body)
            if draft is None:
                continue
            page.comments.append(draft)
            target = next(
                (
                    t
                    for i in body
                    if kinds[i] == CHROME
                    and (t := self._reply_target(page.lines[i].text)) is not None
                ),
                None,
            )
            if target is None and g.name_line is not None:
                arrow = _arrow_split(page.lines[g.name_line].text.strip())
                target = arrow[1] if arrow else None
            if target is not None:
                reply_to[len(page.comments) - 1] = target
            for i in draft.lines:
                page.decide(
                    i,
                    Label.COMMENT,
                    self.name,
                    "comment " + ("header" if i in g.heads or i == g.name_line else "text"),
                    conf,
                )
            for i in body:
                if i not in draft.lines:
                    page.decide(
                        i,
                        Label.BOILERPLATE,
                        self.name,
                        f"comment chrome {page.lines[i].text.strip()[:30]!r}",
                        conf,
                        "comment-chrome",
                    )
        # Chrome and markers inside the section are removed, not left to the article.
        for i in range(first_line, last_line + 1):
            standing = page.standing(i)
            if kinds[i] in (CHROME, MARKER, FORM) and (
                standing is None or standing.filter != self.name
            ):
                page.decide(
                    i,
                    Label.BOILERPLATE,
                    self.name,
                    "comment-section chrome",
                    conf,
                    "comment-chrome",
                )
        self._thread(page, reply_to)

    @staticmethod
    def _trim_widget_lines(
        page: Page, kinds: list[int], scores: list[float], body: list[int]
    ) -> None:
        """Short lines at the end of a comment's body that the scorer reads as widget
        text ("This comment has been hidden. View comment", the comment's share link),
        under a text it reads as talk, are the comment's chrome."""
        text = [i for i in body if kinds[i] == TEXT]
        if not text or max(scores[i] for i in text) < 0.6:
            return
        for i in reversed(text[1:]):
            if scores[i] >= 0.15 or page.stats[i].words > 15:
                break
            kinds[i] = CHROME

    @staticmethod
    def _fold_trailing_times(
        page: Page, kinds: list[int], drafts: list[tuple[Group, list[int]]]
    ) -> list[tuple[Group, list[int]]]:
        """A bare time under a named comment that had none ("Julie wrote:" / the text /
        "May 2, 2024 at 7:28 pm | Permalink") closes that comment: it joins its header;
        so does a bare signature under a timed one ("Aug 6, 2012" / the text / "Posted by
        Tex | Report as abusive")."""
        out: list[tuple[Group, list[int]]] = []
        for g, body in drafts:
            if out and g.has_name() != g.has_time():
                prev, prev_body = out[-1]
                if (
                    prev.has_name() != g.has_name()
                    and prev.has_time() != g.has_time()
                    and any(kinds[i] == TEXT for i in prev_body)
                    and not any(kinds[i] == TEXT for i in body)
                ):
                    merged = Group(
                        lines=prev.lines + g.lines,
                        heads={**prev.heads, **g.heads},
                        name_line=prev.name_line,
                    )
                    out[-1] = (merged, prev_body + body)
                    continue
            out.append((g, body))
        return out

    @staticmethod
    def _prose(page: Page, lines: list[int]) -> bool:
        for i in lines:
            s = page.stats[i]
            if (s.ends_sentence and s.letters >= 3) or (s.words >= 10 and s.stop_ratio >= 0.25):
                return True
        return False

    def _leads(self, page: Page, g: Group) -> bool:
        """A header that ends in "says:" or "wrote:" introduces the text after it."""
        return any(
            h.kind in ("says", "note", "name") and h.text is None for h in g.heads.values()
        )

    @staticmethod
    def _prev_nonblank(page: Page, line: int) -> int | None:
        for i in range(line - 1, -1, -1):
            if not page.lines[i].blank:
                return i
        return None

    def _name_line(self, page: Page, i: int) -> bool:
        s = page.stats[i]
        if not 1 <= s.words <= self.options.max_author_words - 1 or s.chars > 40:
            return False  # tested below too: first, as they are cheap
        text = page.lines[i].text.strip()
        # "Teresa M.": an initial's full stop does not end a sentence
        initial = s.words >= 2 and _INITIAL_END.search(text) is not None
        if initial:
            text = text[:-1]
        return (
            1 <= s.words <= self.options.max_author_words - 1
            and s.chars <= 40
            and _name_ok(text, self.options.max_author_words)
            and (initial or not s.ends_sentence)
        )

    def _markers(self, page: Page, kinds: list[int], start: int, first: int) -> None:
        """Section markers before the first comment: the declared count, the rest chrome."""
        conf = self.options.confidence + 0.05
        for i in range(start, first):
            if kinds[i] == MARKER and page.declared_comment_count is None:
                value = _declared(page.lines[i].text)
                if value is not None:
                    page.declared_comment_count = value
                    page.decide(i, Label.COMMENT_HEADER, self.name, "comment count header", conf)
                    continue
            if kinds[i] in (MARKER, FORM, CHROME):
                page.decide(
                    i,
                    Label.BOILERPLATE,
                    self.name,
                    "comment-section header",
                    conf,
                    "comment-chrome",
                )

    def _draft(
        self, page: Page, kinds: list[int], g: Group, body: list[int]
    ) -> CommentDraft | None:
        draft = CommentDraft(lines=[])
        if g.name_line is not None:
            line = page.lines[g.name_line]
            text = line.text.strip()
            a = line.start + line.text.index(text)
            arrow = _arrow_split(text)
            if arrow is not None:
                text = arrow[0]  # the rest names the comment answered (see _parse)
            draft.author = text
            draft.parts.append(CommentPart("author", a, a + len(text), "author line"))
            draft.lines.append(g.name_line)
        inline_text: list[CommentPart] = []
        for i in sorted(g.lines):
            line = page.lines[i]
            head = g.heads[i]
            draft.lines.append(i)
            if head.name and draft.author is None:
                draft.author = line.text[head.name[0] : head.name[1]]
                draft.parts.append(
                    CommentPart(
                        "author",
                        line.start + head.name[0],
                        line.start + head.name[1],
                        "commenter's name",
                    )
                )
            if head.time and (draft.posted is None or ":" not in draft.posted.raw):
                stamp = head.time.stamp
                if draft.posted is not None:  # a date line, then its clock time line
                    stamp = TimeStamp(
                        raw=f"{draft.posted.raw} {stamp.raw}", parsed=draft.posted.parsed
                    )
                draft.posted = stamp
                draft.parts.append(
                    CommentPart(
                        "posted",
                        line.start + head.time.start,
                        line.start + head.time.end,
                        "comment time",
                    )
                )
            if head.votes:
                vs, ve, value, unit = head.votes
                if unit.startswith("like"):
                    draft.likes = value
                else:
                    draft.votes = value
                draft.parts.append(
                    CommentPart("votes", line.start + vs, line.start + ve, "vote count")
                )
            if head.number and "." in head.number:
                draft.depth = head.number.count(".")
            if head.text:
                inline_text.append(
                    CommentPart(
                        "text", line.start + head.text[0], line.start + head.text[1], "comment text"
                    )
                )
        draft.parts.extend(inline_text)
        for i in body:
            line = page.lines[i]
            if kinds[i] == CHROME:
                vm = _VOTES.match(line.text)
                if vm and draft.votes is None and draft.likes is None:
                    draft.votes = int(vm.group(1))
                lm = _LIKE_COUNT.match(line.text)
                if lm and draft.votes is None and draft.likes is None:
                    draft.votes = draft.likes = int(lm.group("a") or lm.group("b"))
                self._toolbar_fields(line.text, draft)
                continue
            text = line.text.strip()
            a = line.start + line.text.index(text)
            draft.lines.append(i)
            draft.parts.append(CommentPart("text", a, a + len(text), "comment text"))
        if not any(p.role == "text" for p in draft.parts):
            return None
        draft.lines.sort()
        level = self._level_before(page, kinds, min(draft.lines))
        if level is not None and draft.depth == 0:
            draft.depth = level
        indent = page.stats[min(g.lines)].indent
        if indent and page.style == "blocks" and draft.depth == 0:
            draft.depth = -indent  # resolved against the section's least indent in _thread
        return draft

    @staticmethod
    def _level_before(page: Page, kinds: list[int], line: int) -> int | None:
        """The depth a "level N" line just above a comment's first line gives (N - 1)."""
        seen = 0
        for i in range(line - 1, -1, -1):
            if kinds[i] == BLANK:
                continue
            if kinds[i] != CHROME or seen >= 2:
                return None
            m = _LEVEL.match(page.lines[i].text)
            if m is not None:
                return max(0, int(m.group("n")) - 1)
            seen += 1
        return None

    @staticmethod
    def _toolbar_fields(text: str, draft: CommentDraft) -> None:
        """"Like · Reply · 7 · 2y": a social toolbar under the text gives the comment's
        age and its like count when no header did (the line stays removed whole)."""
        parts = [p for p in _TOOLBAR_SPLIT.split(text.strip()) if p]
        if len(parts) < 2 or not any(is_short_age(p) for p in parts):
            return
        vocab = default_vocabulary()
        if not any(vocab.match(p) == "comment-action" for p in parts):
            return
        for p in parts:
            if is_short_age(p) and draft.posted is None:
                draft.posted = TimeStamp(raw=p.strip(), relative=True)
            elif p.isdigit() and draft.votes is None and draft.likes is None:
                draft.votes = draft.likes = int(p)

    def _thread(self, page: Page, reply_to: dict[int, str] | None = None) -> None:
        comments = page.comments
        indents = [-c.depth for c in comments if c.depth < 0]
        base = min([0 if c.depth >= 0 else -c.depth for c in comments], default=0)
        steps = sorted({i - base for i in indents if i > base})
        for c in comments:
            if c.depth < 0:
                extra = -c.depth - base
                c.depth = steps.index(extra) + 1 if extra in steps else 0
        names: dict[str, int] = {}
        full_names: set[str] = set()  # authors of two words or more, casefolded
        stack: list[int] = []  # the latest comment at each depth
        for ci, c in enumerate(comments):
            first_text = next((p for p in c.parts if p.role == "text"), None)
            if c.depth > 0:
                if c.depth <= len(stack):
                    c.parent = stack[c.depth - 1]
                elif stack:
                    c.parent = stack[-1]
            else:
                key = None
                if reply_to and ci in reply_to:
                    key = reply_to[ci].casefold()
                elif first_text is not None:
                    snippet = page.text[first_text.start : first_text.end]
                    m = _MENTION.match(snippet) or _IN_REPLY.search(snippet[:80])
                    key = m.group(1).casefold() if m else None
                    if key is None:
                        # "Hoi Gerard, ...": only the exact name of an earlier commenter
                        a = _ADDRESS.match(snippet[:80])
                        if a is not None and a.group("name")[0].isupper():
                            named = a.group("name").casefold()
                            key = named if named in names else None
                    if key is None and full_names:
                        # "Donna Kessler agreed.": a tag, the full name of an earlier one
                        words = snippet[:80].split()[:4]
                        for n in range(len(words), 1, -1):
                            tag = " ".join(words[:n]).rstrip(",.:!?").casefold()
                            if tag in full_names:
                                key = tag
                                break
                if key is not None:
                    key = key.rstrip(".")
                    target = names.get(key) or names.get(key.split()[0]) if key else None
                    if target is not None and target != ci:
                        c.parent = target
                        c.depth = comments[target].depth + 1
            del stack[c.depth :]
            stack.append(ci)
            if c.author:
                # "@handle" authors are mentioned as "@handle" (read as "handle")
                author = c.author.casefold().rstrip(".").lstrip("@")
                if author:
                    names[author] = ci
                    names.setdefault(author.split()[0], ci)
                    if " " in author:
                        full_names.add(author)
