"""The comment filter's word lists, one named constant each, in the vocabulary's
languages (en, de, fr, es, it, pt, nl, ru).

They are regex alternations (or sets of casefolded words) that the patterns of
`shapes`, `chrome` and `gates` build on; a per-language lexicon can replace them
here without touching a pattern.

>>> "wrote" in _SAY_VERBS.split("|"), "in reply to" in _REPLY_PHRASE.split("|")
(True, True)
"""

from __future__ import annotations

# What a commenter does in a "NAME says:" header.
_SAY_VERBS = (
    r"says|said|wrote|writes|commented|replied|responded|schreibt|schrieb|sagt|meint|"
    r"dit|a dit|écrit|a écrit|dice|dijo|escribió|escribe|comentó|scrive|ha scritto|ha detto|"
    r"diz|disse|escreveu|comentou|zegt|schreef|zei|пишет|написал[а]?|сказал[а]?"
)
# "In reply to NAME" in the languages of the vocabulary.
_REPLY_PHRASE = (
    r"in reply to|replying to|reply to|in response to|"
    r"als antwort auf|antwort auf|antwort an|"
    r"en réponse à|réponse à|en respuesta a|respondiendo a|respuesta a|"
    r"in risposta a|risposta a|em resposta a|em resposta à|respondendo a|resposta a|"
    r"in antwoord op|reactie op|antwoord op|в ответ на|ответ на|ответ для"
)
# The section's noun in the vocabulary's languages ("12 Comments", "Kommentare (3)").
_COMMENT_NOUNS = (
    r"comments?|responses?|kommentare?|commentaires?|comentarios?|commenti|comentários|reacties"
    r"|комментари\w*"
)
# Prepositions that open a place or a section, never a name ("1 hour ago in Science").
_PLACE_WORDS = frozenset(["in", "on", "at", "from", "for", "to", "of", "with", "into", "under"])
# Words of comment toolbars ("permalink save report reply", "Antworten Melden").
_ACTION_WORDS = frozenset(
    ["reply", "replies", "report", "permalink", "save", "share", "like", "likes", "unlike", "dislike", "flag", "quote", "edit", "delete", "embed", "parent", "give", "award", "upvote", "downvote", "vote", "votes", "up", "down", "rate", "abuse", "abusive", "link", "hide", "block", "mute", "spam", "antworten", "melden", "teilen", "gefällt", "mir", "répondre", "signaler", "partager", "aimer", "responder", "denunciar", "compartir", "rispondi", "segnala", "condividi", "mi", "piace", "reageren", "rapporteren", "delen", "ответить", "пожаловаться", "поделиться", "нравится"]  # noqa: E501
)
# Small words between toolbar words ("Report as abusive", "Reply to this").
_ACTION_FILLERS = frozenset(["as", "to", "this", "comment"])
# _SAY_VERBS as the whole words a line must hold for one of them to stand in it (the
# gate's word set; casefolded, as `gates._fold` folds them).
_SAY_VERB_WORDS = (
    "says", "said", "wrote", "writes", "commented", "replied", "responded", "schreibt",
    "schrieb", "sagt", "meint", "dit", "écrit", "dice", "dijo", "escribió", "escribe",
    "comentó", "scrive", "scritto", "detto", "diz", "disse", "escreveu", "comentou",
    "zegt", "schreef", "zei", "пишет", "написал", "написала", "сказал", "сказала",
)
