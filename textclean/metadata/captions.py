"""Photo captions: lines in or just above the body that carry a photo credit.

A credit is "(Photo: Jane Doe)", "Photo by Jane Doe / The Courier",
"(Devin Ashgrove/The Harbor Ledger)" closing a line, "Getty Images", "/ Reuters)".

>>> has_credit("The new pier in May. Photo by Ines Carvalho / Harbour Times")
True
>>> has_credit("We took a photo by the old lighthouse on the way back, as we do.")
False
>>> has_credit("Photo by ev on Unsplash"), has_credit("(crédito: Ana Souza/CB/D.A Press)")
(True, True)
"""

from __future__ import annotations

import regex

from .. import lexicon
from ..page import Label, Page
from .scope import CONFIDENCE, lines_above

# A credit's label before a colon ("Photo: Jane Doe", "Foto: dpa", "crédito: CB")
_LABELS = r"photo|foto|image|picture|bild|imagen|immagine|фото|crédito|credito"
# Photo agencies and stock sites, the same in every language ("getty" stands for Getty Images)
_AGENCIES = ("getty", "ap photo", "shutterstock", "istock", "unsplash", "pixabay", "pexels")
_CREDIT = regex.compile(
    r"(?i)\((?:[^()]*\b(?:photo|foto|image|picture|credit|crédito|credito|courtesy|illustration"
    r"|bild|imagen|immagine|фото)\b[^()]*)\)"
    rf"|(?:^|\s)(?:{_LABELS})\s*(?:credit)?\s*:\s*\S"
    # "(Devin Ashgrove/The Harbor Ledger)": photographer/agency in closing parentheses
    r"|\((?-i:\p{Lu})[\p{L}.'’ -]{1,40}/[^()/]{2,40}\)\s*$"
    r"|\b(?:getty images|ap photo|shutterstock|istock(?:photo)?|unsplash|pixabay|pexels)\b"
    # "... Photo by Jane Doe / The Courier", "Foto von ...": a credit closing the line
    r"|\b(?:photo(?:graph)?s?|foto|bild|imagen|immagine|image|picture)\s+(?:by|von|de|di|par|por|door)"
    r"\s+(?-i:\p{Lu})[^.!?]{0,80}$"
    r"|[/|]\s*(?:reuters|afp|ap|epa|dpa|getty)\s*\)?\s*$"
)
# Read off `_CREDIT`: a line without "(", ":", "/" or "|" can match only its
# credit-word branches, which need one of these words (casefolded: a superset of
# the pattern's case-insensitive match), so most body lines skip the search.
_CREDIT_MARKS = frozenset("(:/|")
# the lexicon's credit words, and the agencies' names
_CREDIT_WORDS = (*lexicon.words("credit_words"), *_AGENCIES)
# "Foto: J. Roth": a credit's label and colon opening a line make a credit of two words
_SHORT_CREDIT = regex.compile(rf"(?i)^\W{{0,2}}(?:{_LABELS})s?\s*:\s*\S")


def has_credit(text: str) -> bool:
    """The line carries a photo credit (see the module docstring)."""
    if _CREDIT_MARKS.isdisjoint(text):
        folded = text.casefold()
        if not any(word in folded for word in _CREDIT_WORDS):
            return False
    return _CREDIT.search(text) is not None


def mark_captions(page: Page, body: list[int], nonblank: list[int], first: int, by: str) -> None:
    """Decide as captions the lines of the body, and the three above it, that carry a
    photo credit, for filter `by`.

    >>> text = "Council votes\\nThe pier in May. (Photo: Ines Carvalho)\\nThe council met."
    >>> page = Page(text)
    >>> mark_captions(page, [2], page.nonblank(), 2, "metadata")
    >>> page.label(1).value
    'caption'
    """
    window = lines_above(page, nonblank, first, 3)
    for i in [*window, *body]:
        stats = page.stats[i]
        text = page.lines[i].text
        short = 2 <= stats.words < 4 and _SHORT_CREDIT.match(text) is not None
        if short or (4 <= stats.words <= 80 and has_credit(text)):
            page.decide(i, Label.CAPTION, by, "carries a photo credit: a caption", CONFIDENCE)
