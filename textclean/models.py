"""The output models: what `clean()` returns.

Every model is pydantic v2 and round-trips through JSON::

    >>> from textclean import clean, Document
    >>> doc = clean("Home\\n\\nA sentence long enough to be an article paragraph, it says.\\n")
    >>> Document.model_validate_json(doc.model_dump_json()) == doc
    True

Offsets (`start`, `end`) always index the decoded input string, before any
normalisation; text fields may be normalised (mojibake fixed, whitespace
collapsed).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, computed_field

if TYPE_CHECKING:
    import pandas


def _describe(schema: dict[str, Any], cls: type) -> None:
    # A model's JSON Schema description is its docstring's first paragraph.
    doc = (cls.__doc__ or "").split("\n\n")[0].split(">>>")[0].strip()
    if doc:
        schema["description"] = " ".join(doc.split())


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=False, json_schema_extra=_describe)


def _short(text: str | None, width: int = 30) -> str:
    """`text` quoted, cut to `width` characters with '...' (a repr stays one short line)."""
    if text is None:
        return "None"
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[: width - 3].rstrip() + " ...")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


class TimeStamp(_Model):
    """A time as the page shows it, parsed where the page gives an absolute one.

    `raw` is the text as shown ("July 21, 2012 at 5:46 pm", "3 hours ago");
    `parsed` is set only when the text names an unambiguous absolute date;
    `relative` marks "… ago" style times that cannot be anchored.

    >>> str(TimeStamp(raw="3 hours ago", relative=True))
    '3 hours ago'
    """

    raw: str = Field(description="the time as the page prints it")
    parsed: dt.datetime | None = Field(
        default=None, description="the absolute time, when the text names one unambiguously"
    )
    relative: bool = Field(default=False, description="a relative time ('3 hours ago')")

    def __str__(self) -> str:
        return self.raw


class Span(_Model):
    """A half-open character range [start, end) of the input.

    >>> Span(start=4, end=12).end - Span(start=4, end=12).start
    8
    """

    start: int = Field(description="offset of the first character in the decoded input")
    end: int = Field(description="offset after the last character")


class Segment(Span):
    """One piece of the partition of the input: every character is in exactly one.

    `role` says where the piece went: ``article.title``, ``article.subtitle``,
    ``article.byline``, ``article.date``, ``article.body``, ``article.caption``,
    ``comments.header``,
    ``comment.author``, ``comment.posted``, ``comment.votes``, ``comment.text``
    or ``removed``. `filter` and `reason` say who decided and why.

    >>> from textclean import clean
    >>> [(s.role, s.filter) for s in clean("Share this\\n").segments]
    [('removed', 'widgets')]
    """

    role: str = Field(description="where the text went: article.body, comment.text, removed, ...")
    filter: str = Field(description="the filter that decided")
    reason: str = Field(description="why, in words")
    category: str | None = Field(
        default=None, description="what removed text was (donation, navigation, widget:share, ...)"
    )
    comment: int | None = Field(default=None, description="index into Document.comments")


class RemovedSpan(Span):
    """Input text that is in neither the article nor a comment, and why.

    >>> from textclean import clean
    >>> [(r.text, r.category) for r in clean("Share this\\n").removed]
    [('Share this\\n', 'widget:share')]
    """

    text: str = Field(description="the removed input text, as it was")
    filter: str = Field(description="the filter that removed it")
    category: str = Field(description="what it was: donation, navigation, widget:share, ...")
    reason: str = Field(description="why, in words")


# -- trusted construction ------------------------------------------------------
# A big page has a Segment, and often a RemovedSpan, per line: hundreds of
# thousands of models. `assemble` builds their values itself (ints and strs it
# took from the page), so it skips validation and builds each model the way
# `model_construct` does, with every field given: the same __dict__, the same
# extra and private state (None), and one shared set of field names as
# `model_fields_set` (a validated model with every field passed has exactly that
# set; a shared one saves a 728-byte set per model, and pydantic only ever adds
# field names to it, which are all in it already). tests/test_trusted.py checks
# that these models equal validated ones in every respect.
#
# The __dict__ is the one CPython makes for the instance on first access, filled
# in field order: it shares its keys with every other instance of the class
# (a key-sharing dict), 150 bytes a model where a dict of its own takes 270. It
# is a plain dict all the same (equality, order, JSON, pickling, assignment).

_object_setattr = object.__setattr__
_object_new = object.__new__
_object_getattribute = object.__getattribute__
_SEGMENT_FIELDS: set[str] = set(Segment.model_fields)
_REMOVED_FIELDS: set[str] = set(RemovedSpan.model_fields)


def _trusted_ok(cls: type[BaseModel]) -> bool:
    # what the shortcut relies on: no private attributes, no post-init, no extras kept
    return (
        not cls.__private_attributes__
        and not cls.__pydantic_post_init__
        and cls.model_config.get("extra") != "allow"
        and not cls.__pydantic_root_model__
    )


_TRUSTED = _trusted_ok(Segment) and _trusted_ok(RemovedSpan)
_M = TypeVar("_M", bound=BaseModel)


def _trusted(cls: type[_M], fields: set[str]) -> tuple[_M, dict[str, Any]]:
    """A bare `cls` with `model_construct`'s state, and its empty __dict__ to fill
    (every field, in field order)."""
    m = _object_new(cls)
    values: dict[str, Any] = _object_getattribute(m, "__dict__")
    _object_setattr(m, "__pydantic_fields_set__", fields)
    _object_setattr(m, "__pydantic_extra__", None)
    _object_setattr(m, "__pydantic_private__", None)
    return m, values


def trusted_segment(
    start: int,
    end: int,
    role: str,
    filter: str,
    reason: str,
    category: str | None,
    comment: int | None,
) -> Segment:
    """A Segment from values the caller built and knows valid (no validation).

    >>> trusted_segment(0, 4, "removed", "widgets", "a share button", "widget:share", None) == (
    ...     Segment(start=0, end=4, role="removed", filter="widgets", reason="a share button",
    ...             category="widget:share", comment=None))
    True
    """
    if not _TRUSTED:  # pragma: no cover - a pydantic that works differently
        return Segment.model_construct(
            set(_SEGMENT_FIELDS), start=start, end=end, role=role, filter=filter,
            reason=reason, category=category, comment=comment,
        )
    m, values = _trusted(Segment, _SEGMENT_FIELDS)
    values["start"] = start
    values["end"] = end
    values["role"] = role
    values["filter"] = filter
    values["reason"] = reason
    values["category"] = category
    values["comment"] = comment
    return m


def trusted_removed(
    start: int, end: int, text: str, filter: str, category: str, reason: str
) -> RemovedSpan:
    """A RemovedSpan from values the caller built and knows valid (no validation).

    >>> trusted_removed(0, 4, "Menu", "widgets", "navigation", "a menu") == RemovedSpan(
    ...     start=0, end=4, text="Menu", filter="widgets", category="navigation", reason="a menu")
    True
    """
    if not _TRUSTED:  # pragma: no cover - a pydantic that works differently
        return RemovedSpan.model_construct(
            set(_REMOVED_FIELDS), start=start, end=end, text=text, filter=filter,
            category=category, reason=reason,
        )
    m, values = _trusted(RemovedSpan, _REMOVED_FIELDS)
    values["start"] = start
    values["end"] = end
    values["text"] = text
    values["filter"] = filter
    values["category"] = category
    values["reason"] = reason
    return m


class Article(_Model):
    """The main content of the page.

    >>> art = Article(title="T", paragraphs=["One.", "Two."])
    >>> art.text
    'One.\\nTwo.'
    >>> art
    Article(title='T', 2 paragraphs)
    """

    title: str | None = Field(default=None, description="the headline")
    subtitle: str | None = Field(default=None, description="the deck under the headline")
    byline: str | None = Field(default=None, description="the author line, as printed")
    published: TimeStamp | None = Field(default=None, description="the article's date")
    paragraphs: list[str] = Field(default_factory=list, description="the body, one per paragraph")
    captions: list[str] = Field(default_factory=list, description="photo captions and credits")
    language: str | None = Field(default=None, description="ISO 639-1 code of the page's language")
    start: int | None = Field(default=None, description="offset of the first body line")
    end: int | None = Field(default=None, description="offset after the last body line")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def text(self) -> str:
        """The body paragraphs joined by newlines."""
        return "\n".join(self.paragraphs)

    def __repr__(self) -> str:
        parts = [f"title={_short(self.title)}", _count(len(self.paragraphs), "paragraph")]
        if self.captions:
            parts.append(_count(len(self.captions), "caption"))
        if self.published:
            parts.append(f"published={_short(self.published.raw)}")
        return f"Article({', '.join(parts)})"


class Comment(_Model):
    """One user comment.

    `parent` is the index (in `Document.comments`) of the comment this one
    answers, where the dump shows it; `depth` is 0 for top-level comments.

    >>> Comment(index=1, author="Jo", paragraphs=["Agreed."], parent=0, depth=1, start=0, end=9)
    Comment(#1, author='Jo', reply to #0, 'Agreed.')
    """

    index: int = Field(description="position in Document.comments")
    author: str | None = Field(default=None, description="the commenter's name")
    posted: TimeStamp | None = Field(default=None, description="when it was posted")
    header: str | None = Field(
        default=None,
        description="the header lines as the page prints them ('Posted by Jo | May 2, 2012')",
    )
    signed: bool = Field(
        default=False, description="the header follows the text, as a signature does"
    )
    paragraphs: list[str] = Field(default_factory=list, description="the comment's text")
    votes: int | None = Field(default=None, description="the score shown (up minus down votes)")
    likes: int | None = Field(default=None, description="the like count shown")
    parent: int | None = Field(
        default=None, description="index of the comment this one answers, where the dump shows it"
    )
    depth: int = Field(default=0, description="0 for a top-level comment, 1 for a reply, ...")
    start: int = Field(description="offset of the comment's first line")
    end: int = Field(description="offset after its last line")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def text(self) -> str:
        """The comment's paragraphs joined by newlines."""
        return "\n".join(self.paragraphs)

    def __repr__(self) -> str:
        parts = [f"#{self.index}", f"author={_short(self.author, 20)}"]
        if self.posted:
            parts.append(f"posted={_short(self.posted.raw, 24)}")
        if self.votes is not None:
            parts.append(f"votes={self.votes}")
        if self.parent is not None:
            parts.append(f"reply to #{self.parent}")
        parts.append(_short(self.text))
        return f"Comment({', '.join(parts)})"


class InputNote(_Model):
    """Something the decoder had to do to the raw bytes (e.g. replacement characters).

    >>> from textclean import clean
    >>> [n.detail for n in clean(b"caf\\xe9 au lait").notes]
    ['not UTF-8; decoded as cp1252']
    """

    kind: str = Field(description="what kind of note ('encoding')")
    detail: str = Field(description="what was done")


JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _document_schema(schema: dict[str, Any], cls: type) -> None:
    _describe(schema, cls)
    schema["$schema"] = JSON_SCHEMA_DIALECT


class Document(_Model):
    """The result of cleaning one page.

    Its repr is one short line; the data is in the fields. In a notebook the
    Document shows the page as textclean saw it (`_repr_html_`), when it knows
    the input: `clean()` keeps a reference to it, a Document read back from
    JSON gets it with `with_source(text)`.

    >>> from textclean import clean
    >>> doc = clean("Menu\\n\\nThe council met on Tuesday and agreed the budget for next year.\\n")
    >>> doc
    Document(title=None, 1 paragraph, 0 comments, 1 removed span)
    >>> doc.article.paragraphs
    ['The council met on Tuesday and agreed the budget for next year.']
    >>> "article.body" in doc._repr_html_()
    True
    """

    model_config = ConfigDict(
        json_schema_extra=_document_schema,
        title="textclean Document",
    )

    length: int = Field(description="length of the decoded input in characters")
    language: str | None = Field(default=None, description="ISO 639-1 code of the page's language")
    style: str = Field(description="'blocks' (blank lines between blocks) or 'lines'")
    article: Article | None = Field(default=None, description="the main content, if any")
    comments: list[Comment] = Field(default_factory=list, description="the user comments in order")
    declared_comment_count: int | None = Field(
        default=None,
        description="the count the comment section announces, e.g. 12 from '12 Comments'",
    )
    removed: list[RemovedSpan] = Field(
        default_factory=list, description="everything not in the article or a comment, and why"
    )
    segments: list[Segment] = Field(
        default_factory=list,
        description="the partition: every input character in exactly one segment",
    )
    notes: list[InputNote] = Field(
        default_factory=list, description="what decoding the input had to do"
    )

    # The input the offsets index; not part of the record (not serialised, not compared).
    _source: str | bytes | None = PrivateAttr(default=None)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def comment_count_mismatch(self) -> bool:
        """True when the section declares a count that differs from the comments found."""
        return self.declared_comment_count is not None and self.declared_comment_count != len(
            self.comments
        )

    def with_source(self, text: str | bytes) -> Document:
        """Remember the input `text` (what the offsets index) for views; returns self.

        >>> from textclean import clean
        >>> text = "A sentence of prose, it says."
        >>> doc = Document.model_validate_json(clean(text).model_dump_json())
        >>> doc.source is None, doc.with_source(text).source == text
        (True, True)
        """
        self._source = text
        return self

    @property
    def source(self) -> str | None:
        """The decoded input, when this Document knows it and it has the right length.

        >>> from textclean import clean
        >>> clean(b"Caf\\xc3\\xa9 menu").source
        'Café menu'
        """
        if self._source is None:
            return None
        if isinstance(self._source, str):
            text = self._source
        else:
            from .segment import decode

            text = decode(self._source)[0]
        return text if len(text) == self.length else None

    def __eq__(self, other: object) -> bool:
        # Equal when the records are equal: the kept input is a view aid, not data.
        if not isinstance(other, Document):
            return NotImplemented
        return all(getattr(self, k) == getattr(other, k) for k in type(self).model_fields)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        title = self.article.title if self.article else None
        paragraphs = len(self.article.paragraphs) if self.article else 0
        return (
            f"Document(title={_short(title)}, {_count(paragraphs, 'paragraph')}, "
            f"{_count(len(self.comments), 'comment')}, "
            f"{_count(len(self.removed), 'removed span')})"
        )

    def _repr_html_(self) -> str:
        """The notebook view: see `textclean.display.html.render`."""
        from .display.html import render

        return render(self)

    def to_frame(self, level: str = "document") -> pandas.DataFrame:
        """This Document as a pandas DataFrame; see `textclean.frames.to_records`.

        >>> from textclean import clean
        >>> frame = clean("Share this\\n").to_frame(level="line")
        >>> frame[["line", "role", "category"]].values.tolist()
        [[1, 'removed', 'widget:share']]
        """
        from .frames import to_frame

        return to_frame([self], level=level)
