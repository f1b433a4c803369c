"""What each role and removed category is called and coloured, for every view.

A segment's *kind* is its role, or for removed text the family of its category
(``removed:navigation`` for navigation, pagination, footers and related links),
so the colours stay few enough to read while the hover text keeps the category.

>>> kind_of("article.body", None), kind_of("removed", "widget:share")
('article.body', 'removed:widget')
>>> KINDS["removed:donation"].name
'removed: donation'
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    """How one kind of segment is shown: a short CSS-safe key, a name, a colour
    (background in HTML, hex) and a rich style for the terminal.

    >>> KINDS["article.title"].key
    'title'
    """

    key: str
    name: str
    colour: str
    style: str


KINDS: dict[str, Kind] = {
    role: k
    for role, k in [
        ("article.title", Kind("title", "title", "#a5d6a7", "bold green")),
        ("article.subtitle", Kind("deck", "deck", "#c5e1a5", "green")),
        ("article.byline", Kind("byline", "byline", "#80deea", "cyan")),
        ("article.date", Kind("date", "date", "#81d4fa", "bright_cyan")),
        ("article.caption", Kind("caption", "caption", "#fff59d", "yellow")),
        ("article.body", Kind("body", "article", "#e8f5e9", "bright_green")),
        ("comments.header", Kind("cheader", "comment section header", "#b39ddb", "bold magenta")),
        ("comment.author", Kind("author", "comment author", "#ce93d8", "bold bright_magenta")),
        ("comment.posted", Kind("posted", "comment time", "#e1bee7", "magenta")),
        ("comment.votes", Kind("votes", "comment votes", "#f8bbd0", "magenta")),
        ("comment.text", Kind("ctext", "comment text", "#f3e5f5", "bright_magenta")),
        ("whitespace", Kind("ws", "whitespace", "#ffffff", "dim")),
    ]
}

# Removed text by family: (key, name, colour, terminal style, categories).
_FAMILIES: list[tuple[str, str, str, str, tuple[str, ...]]] = [
    ("donation", "donation", "#ffab91", "red", ("donation",)),
    ("advert", "advertisement", "#ef9a9a", "red", ("advertisement",)),
    ("widget", "widget", "#cfd8dc", "blue", ("counter", "print", "tags")),
    (
        "navigation",
        "navigation",
        "#d7ccc8",
        "yellow",
        ("navigation", "pagination", "footer", "related"),
    ),
    (
        "cchrome",
        "comment chrome",
        "#d1c4e9",
        "dim magenta",
        ("comment-chrome", "comment-header", "comment-action", "comment-closed"),
    ),
    (
        "label",
        "label",
        "#b2dfdb",
        "dim cyan",
        ("byline-label", "date-label", "title-label", "title-repeat"),
    ),
    ("error", "error page", "#ffcc80", "bright_red", ("error-page",)),
    ("other", "boilerplate", "#e0e0e0", "dim", ("boilerplate",)),
]
_FAMILY_OF: dict[str, str] = {}
for _key, _name, _colour, _style, _cats in _FAMILIES:
    KINDS[f"removed:{_key}"] = Kind(f"x-{_key}", f"removed: {_name}", _colour, _style)
    for _cat in _cats:
        _FAMILY_OF[_cat] = _key


def kind_of(role: str, category: str | None) -> str:
    """The KINDS key for a segment's role and category (unknown roles read as boilerplate).

    >>> kind_of("removed", "widget:cookie"), kind_of("removed", "something-new")
    ('removed:widget', 'removed:other')
    """
    if role != "removed":
        return role if role in KINDS else "removed:other"
    cat = category or "boilerplate"
    if cat.startswith("widget"):
        return "removed:widget"
    return f"removed:{_FAMILY_OF.get(cat, 'other')}"


ORDER: list[str] = list(KINDS)
"""Every kind in legend order: the article's, the comments', then removed families."""
