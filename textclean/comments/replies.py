"""Who answers whom: the threading of a section's comments.

A comment's depth comes from its "1.2" numbering or "level N" line (read in
drafts.py), or from its indentation in a blocks dump; a flat comment is a reply
when its reply chrome names an earlier commenter ("In reply to NAME", "Name →
Parent"), or when its text opens with "@name", "in reply to NAME", an address by
exact name ("Hoi Gerard, ...") or an earlier commenter's full name.

>>> _arrow_split("Nadia Reyes → Karsten Ludlow")
('Nadia Reyes', 'Karsten Ludlow')
>>> _MENTION.match("@jo_b good point").group(1)
'jo_b'
"""

from __future__ import annotations

import regex

from ..page import CommentDraft, Page
from .fields import _name_ok
from .words import _REPLY_PHRASE

# "Nadia Reyes → Karsten Ludlow": a commenter and the commenter answered.
# (?<!\s): a search tries a run of spaces once, from its start (the leftmost match
# starts there anyway), not again from every space inside it.
_ARROW_REPLY = regex.compile(r"(?<!\s)\s++(?:→|⟶|➔|➜|►|▶|▸)\s+")
_MENTION = regex.compile(r"^\s*@\s?(\w[\w.-]{0,30})")
_IN_REPLY = regex.compile(
    rf"(?<!\w)(?:{_REPLY_PHRASE})\s+@?(?P<name>[\w.-]+(?:\s[\w.-]+)?)",
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


def _arrow_split(text: str) -> tuple[str, str] | None:
    """"Nadia Reyes → Karsten Ludlow" -> ("Nadia Reyes", "Karsten Ludlow")."""
    m = _ARROW_REPLY.search(text)
    if m is None:
        return None
    author, target = text[: m.start()].strip(), text[m.end() :].strip()
    if not author or not target or not _name_ok(target, 6):
        return None
    return author, target


def _thread(page: Page, reply_to: dict[int, str] | None = None) -> None:
    """Each comment's depth and parent: by depth where it has one, else by the name
    its reply chrome (`reply_to`: comment index -> name) or its opening gives."""
    comments = page.comments
    _depths_from_indents(comments)
    names: dict[str, int] = {}
    full_names: set[str] = set()  # authors of two words or more, casefolded
    stack: list[int] = []  # the latest comment at each depth
    for ci, c in enumerate(comments):
        if c.depth > 0:
            if c.depth <= len(stack):
                c.parent = stack[c.depth - 1]
            elif stack:
                c.parent = stack[-1]
        else:
            key = _addressed(page, c, reply_to[ci] if reply_to and ci in reply_to else None,
                             names, full_names)
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


def _depths_from_indents(comments: list[CommentDraft]) -> None:
    """Indented comments of a blocks dump (depth -indent, see drafts.py): each indent
    step deeper than the section's least indent is one level."""
    indents = [-c.depth for c in comments if c.depth < 0]
    base = min([0 if c.depth >= 0 else -c.depth for c in comments], default=0)
    steps = sorted({i - base for i in indents if i > base})
    for c in comments:
        if c.depth < 0:
            extra = -c.depth - base
            c.depth = steps.index(extra) + 1 if extra in steps else 0


def _addressed(
    page: Page, c: CommentDraft, target: str | None, names: dict[str, int], full_names: set[str]
) -> str | None:
    """The casefolded name a flat comment answers: its reply chrome's `target`, else an
    "@name" or "in reply to NAME" opening, an earlier commenter addressed by exact name,
    or an earlier commenter's full name as a tag ("Donna Kessler agreed.")."""
    if target is not None:
        return target.casefold()
    first_text = next((p for p in c.parts if p.role == "text"), None)
    if first_text is None:
        return None
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
    return key
