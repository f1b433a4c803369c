"""The comment filter's word lists, one named constant each.

The say verbs, reply phrases and comment nouns come from the per-language lexicon
(textclean/lexicon/*.json), as the escaped, longest-first alternations that the
patterns of `shapes`, `chrome` and `gates` build on: a new language's words are a
new data file, not an edit here. The toolbar words below are still spelt out here.

>>> "wrote" in _SAY_VERBS.split("|"), "in reply to" in _REPLY_PHRASE.split("|")
(True, True)
"""

from __future__ import annotations

from .. import lexicon

# What a commenter does in a "NAME says:" header.
_SAY_VERBS = lexicon.alternation("say_verbs")
# "In reply to NAME".
_REPLY_PHRASE = lexicon.alternation("reply_phrases")
# The section's noun ("12 Comments", "Kommentare (3)").
_COMMENT_NOUNS = lexicon.alternation("comment_nouns")
# Prepositions that open a place or a section, never a name ("1 hour ago in Science").
_PLACE_WORDS = frozenset(["in", "on", "at", "from", "for", "to", "of", "with", "into", "under"])
# Words of comment toolbars ("permalink save report reply", "Antworten Melden").
_ACTION_WORDS = frozenset(
    ["reply", "replies", "report", "permalink", "save", "share", "like", "likes", "unlike", "dislike", "flag", "quote", "edit", "delete", "embed", "parent", "give", "award", "upvote", "downvote", "vote", "votes", "up", "down", "rate", "abuse", "abusive", "link", "hide", "block", "mute", "spam", "antworten", "melden", "teilen", "gefällt", "mir", "répondre", "signaler", "partager", "aimer", "responder", "denunciar", "compartir", "rispondi", "segnala", "condividi", "mi", "piace", "reageren", "rapporteren", "delen", "ответить", "пожаловаться", "поделиться", "нравится"]  # noqa: E501
)
# Small words between toolbar words ("Report as abusive", "Reply to this").
_ACTION_FILLERS = frozenset(["as", "to", "this", "comment"])
