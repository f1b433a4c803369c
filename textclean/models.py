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

from pydantic import BaseModel, ConfigDict, Field, computed_field


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=False)


class TimeStamp(_Model):
    """A time as the page shows it, parsed where the page gives an absolute one.

    `raw` is the text as shown ("July 21, 2012 at 5:46 pm", "3 hours ago");
    `parsed` is set only when the text names an unambiguous absolute date;
    `relative` marks "… ago" style times that cannot be anchored.
    """

    raw: str
    parsed: dt.datetime | None = None
    relative: bool = False

    def __str__(self) -> str:
        return self.raw


class Span(_Model):
    """A half-open character range [start, end) of the input."""

    start: int
    end: int


class Segment(Span):
    """One piece of the partition of the input: every character is in exactly one.

    `role` says where the piece went: ``article.title``, ``article.subtitle``,
    ``article.byline``, ``article.date``, ``article.body``, ``article.caption``,
    ``comments.header``,
    ``comment.author``, ``comment.posted``, ``comment.votes``, ``comment.text``
    or ``removed``. `filter` and `reason` say who decided and why.
    """

    role: str
    filter: str
    reason: str
    category: str | None = None
    comment: int | None = Field(default=None, description="index into Document.comments")


class RemovedSpan(Span):
    """Input text that is in neither the article nor a comment, and why."""

    text: str
    filter: str
    category: str
    reason: str


class Article(_Model):
    """The main content of the page.

    >>> Article(title="T", paragraphs=["One.", "Two."]).text
    'One.\\nTwo.'
    """

    title: str | None = None
    subtitle: str | None = Field(default=None, description="the deck under the headline")
    byline: str | None = None
    published: TimeStamp | None = None
    paragraphs: list[str] = Field(default_factory=list)
    captions: list[str] = Field(default_factory=list)
    language: str | None = None
    start: int | None = Field(default=None, description="offset of the first body line")
    end: int | None = Field(default=None, description="offset after the last body line")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def text(self) -> str:
        """The body paragraphs joined by newlines."""
        return "\n".join(self.paragraphs)


class Comment(_Model):
    """One user comment.

    `parent` is the index (in `Document.comments`) of the comment this one
    answers, where the dump shows it; `depth` is 0 for top-level comments.
    """

    index: int
    author: str | None = None
    posted: TimeStamp | None = None
    header: str | None = Field(
        default=None,
        description="the header lines as the page prints them ('Posted by Jo | May 2, 2012')",
    )
    signed: bool = Field(
        default=False, description="the header follows the text, as a signature does"
    )
    paragraphs: list[str] = Field(default_factory=list)
    votes: int | None = None
    likes: int | None = None
    parent: int | None = None
    depth: int = 0
    start: int
    end: int

    @computed_field  # type: ignore[prop-decorator]
    @property
    def text(self) -> str:
        """The comment's paragraphs joined by newlines."""
        return "\n".join(self.paragraphs)


class InputNote(_Model):
    """Something the decoder had to do to the raw bytes (e.g. replacement characters)."""

    kind: str
    detail: str


class Document(_Model):
    """The result of cleaning one page."""

    length: int = Field(description="length of the decoded input in characters")
    language: str | None = None
    style: str = Field(description="'blocks' (blank lines between blocks) or 'lines'")
    article: Article | None = None
    comments: list[Comment] = Field(default_factory=list)
    declared_comment_count: int | None = Field(
        default=None,
        description="the count the comment section announces, e.g. 12 from '12 Comments'",
    )
    removed: list[RemovedSpan] = Field(default_factory=list)
    segments: list[Segment] = Field(default_factory=list)
    notes: list[InputNote] = Field(default_factory=list)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def comment_count_mismatch(self) -> bool:
        """True when the section declares a count that differs from the comments found."""
        return self.declared_comment_count is not None and self.declared_comment_count != len(
            self.comments
        )
