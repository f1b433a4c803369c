"""The filter: the base class every step of a pipeline derives from, its options,
and the registry that finds a filter by name for a configuration file.

A filter answers one question about the page's lines and records decisions with
reasons; it never edits text. This module knows no filter and no pipeline: the
built-in filters (textclean.filters) and the pipeline (textclean.pipeline) both
import it, and nothing here imports them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .page import Evidence, Page

FILTERS: dict[str, type[Filter]] = {}
"""The registered filters by name (`register`); `registered()` adds the built-in ones."""
_BUILT_IN_LOADERS: list[Callable[[], object]] = []

# Option types with their ranges, for the filters' Options classes.
Count = Annotated[int, Field(ge=0)]
"""A number of lines, words or characters: an int >= 0."""
Probability = Annotated[float, Field(ge=0.0, le=1.0)]
"""A probability, confidence or share: a number in [0, 1]."""
Weight = Annotated[float, Field(ge=0.0)]
"""A penalty, bonus or weight: a finite number >= 0."""


class FilterOptions(BaseModel):
    """Options of a filter; subclasses add fields. Unknown keys are errors, types are
    strict (`True` is not an int, "3" is not a number) and numbers finite; `Count`,
    `Probability` and `Weight` add ranges.

    >>> class MyOptions(FilterOptions):
    ...     min_letters: Count = 3
    >>> MyOptions(min_letters=5).min_letters
    5
    >>> for bad in (True, -1):
    ...     try:
    ...         MyOptions(min_letters=bad)
    ...     except ValidationError as err:
    ...         print(err.errors()[0]["msg"])
    Input should be a valid integer
    Input should be greater than or equal to 0
    """

    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)


class Filter:
    """Base class of every filter.

    Subclasses set `name`, optionally an `Options` model and the `evidence` their
    verdicts rest on, and implement `apply(page)`. Register with `@register` to make
    a filter buildable from configuration by its name.

    >>> from textclean import Label
    >>> class ShoutFilter(Filter):
    ...     name = "shout"
    ...     def apply(self, page):
    ...         for i, line in enumerate(page.lines):
    ...             if line.text.isupper():
    ...                 page.decide(i, Label.BOILERPLATE, self.name, "capitals", 0.9, "shout")
    >>> from textclean import Pipeline
    >>> doc = Pipeline([ShoutFilter()]).run("BUY NOW\\n")
    >>> [(r.filter, r.category, r.reason) for r in doc.removed]
    [('shout', 'shout', 'capitals')]
    """

    name: ClassVar[str] = "filter"
    Options: ClassVar[type[FilterOptions]] = FilterOptions
    evidence: ClassVar[Evidence] = Evidence.CONTEXT
    """What this filter's verdicts rest on (recorded with each of them): later filters
    tell a scorer's guess from a rule by it, never by the filter's name."""

    def __init__(self, options: FilterOptions | Mapping[str, Any] | None = None, **kwargs: Any):
        if isinstance(options, FilterOptions):
            self.options = options
        else:
            merged = {**dict(options or {}), **kwargs}
            try:
                self.options = self.Options(**merged)
            except ValidationError as err:
                raise ConfigError(f"filter {self.name!r}: {explain_validation(err)}") from err

    def apply(self, page: Page) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def __repr__(self) -> str:
        opts = self.options.model_dump(exclude_defaults=True)
        return f"{type(self).__name__}({opts})" if opts else f"{type(self).__name__}()"


def register(cls: type[Filter]) -> type[Filter]:
    """Class decorator: make a filter available to `Pipeline.from_config` by name.

    >>> @register
    ... class NoopFilter(Filter):
    ...     name = "noop-example"
    ...     def apply(self, page): pass
    >>> from textclean import Pipeline
    >>> Pipeline.from_config({"filters": [{"name": "noop-example"}]}).names()
    ['noop-example']
    """
    FILTERS[cls.name] = cls
    return cls


def load_built_ins_with(load: Callable[[], object]) -> None:
    """How to import the built-in filters, which register themselves: the package
    (textclean/__init__.py) says so once, so that neither this module nor the
    pipeline imports a filter, and `import textclean` stays light until the first
    lookup or clean()."""
    _BUILT_IN_LOADERS.append(load)


def registered() -> Mapping[str, type[Filter]]:
    """Every registered filter by name, the built-in ones included.

    >>> sorted(registered())[:3]
    ['appeals', 'comments', 'consent']
    """
    while _BUILT_IN_LOADERS:
        _BUILT_IN_LOADERS.pop()()
    return FILTERS


class ConfigError(ValueError):
    """A pipeline configuration cannot be used: a file that is not valid TOML/JSON or
    not UTF-8 (with file, line and column), an unknown filter or key, a bad option.

    >>> from textclean import Pipeline
    >>> try:
    ...     Pipeline.from_config({"filters": [{"name": "widgets", "options": {"nope": 1}}]})
    ... except ConfigError as err:
    ...     print(err)
    pipeline config: filter 'widgets': nope: Extra inputs are not permitted
    """


def explain_validation(err: ValidationError) -> str:
    """The errors of a failed validation as one line: `key: message; ...`."""
    parts = []
    for e in err.errors():
        loc = ".".join(str(x) for x in e["loc"]) or "(options)"
        parts.append(f"{loc}: {e['msg']}")
    return "; ".join(parts)
