"""Filters and the pipeline that runs them.

A filter answers one question about the page's lines and records decisions
with reasons; it never edits text. A pipeline is an ordered list of filters.

>>> from textclean import Pipeline, default_pipeline
>>> [f.name for f in default_pipeline()]
['donation', 'widgets', 'content', 'comments', 'orphans', 'error_page', 'metadata']
>>> custom = default_pipeline().without("donation")
>>> "donation" in custom
False
>>> Pipeline.from_config({"filters": [{"name": "widgets"}, {"name": "content"}]}).names()
['widgets', 'content']
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictStr, ValidationError

from .page import Label, Page

FILTERS: dict[str, type[Filter]] = {}

# Option types with their ranges, for the filters' Options classes.
Count = Annotated[int, Field(ge=0)]
"""A number of lines, words or characters: an int >= 0."""
Probability = Annotated[float, Field(ge=0.0, le=1.0)]
"""A probability, confidence or share: a number in [0, 1]."""
Weight = Annotated[float, Field(ge=0.0)]
"""A penalty, bonus or weight: a finite number >= 0."""

MAX_CHARS = 64_000_000
"""Default maximum document size: characters of a str, bytes of a bytes input."""


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

    Subclasses set `name`, optionally an `Options` model, and implement
    `apply(page)`. Register with `@register` to make a filter buildable from
    configuration by its name.

    >>> from textclean import Label
    >>> class ShoutFilter(Filter):
    ...     name = "shout"
    ...     def apply(self, page):
    ...         for i, line in enumerate(page.lines):
    ...             if line.text.isupper():
    ...                 page.decide(i, Label.BOILERPLATE, self.name, "capitals", 0.9, "shout")
    >>> doc = Pipeline([ShoutFilter()]).run("BUY NOW\\n")
    >>> [(r.filter, r.category, r.reason) for r in doc.removed]
    [('shout', 'shout', 'capitals')]
    """

    name: ClassVar[str] = "filter"
    Options: ClassVar[type[FilterOptions]] = FilterOptions

    def __init__(self, options: FilterOptions | Mapping[str, Any] | None = None, **kwargs: Any):
        if isinstance(options, FilterOptions):
            self.options = options
        else:
            merged = {**dict(options or {}), **kwargs}
            try:
                self.options = self.Options(**merged)
            except ValidationError as err:
                raise ConfigError(f"filter {self.name!r}: {_explain_validation(err)}") from err

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
    >>> Pipeline.from_config({"filters": [{"name": "noop-example"}]}).names()
    ['noop-example']
    """
    FILTERS[cls.name] = cls
    return cls


class ConfigError(ValueError):
    """A pipeline configuration cannot be used: a file that is not valid TOML/JSON or
    not UTF-8 (with file, line and column), an unknown filter or key, a bad option.

    >>> try:
    ...     Pipeline.from_config({"filters": [{"name": "widgets", "options": {"nope": 1}}]})
    ... except ConfigError as err:
    ...     print(err)
    pipeline config: filter 'widgets': nope: Extra inputs are not permitted
    """


def _explain_validation(err: ValidationError) -> str:
    parts = []
    for e in err.errors():
        loc = ".".join(str(x) for x in e["loc"]) or "(options)"
        parts.append(f"{loc}: {e['msg']}")
    return "; ".join(parts)


class FilterSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    name: StrictStr
    options: dict[str, Any] = {}
    enabled: StrictBool = True


class PipelineConfig(BaseModel):
    """`{"filters": [{"name": "widgets", "options": {...}}, ...], "max_chars": N}`.

    An empty `filters` list is allowed: such a pipeline decides nothing, so every
    line is removed as undecided and there is no article.
    """

    model_config = ConfigDict(extra="forbid", strict=True)
    filters: list[FilterSpec]
    max_chars: Annotated[int, Field(gt=0)] = MAX_CHARS


class Pipeline:
    """An ordered list of filters; `run` turns text into a Document.

    >>> p = default_pipeline().without("metadata")
    >>> p
    Pipeline(donation, widgets, content, comments, orphans, error_page)
    >>> p.run("Home\\nThe council met and agreed the budget for next year.\\n").article.text
    'The council met and agreed the budget for next year.'
    """

    def __init__(self, filters: Sequence[Filter], *, max_chars: int = MAX_CHARS):
        self.filters: list[Filter] = list(filters)
        if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars <= 0:
            raise ConfigError(f"max_chars must be a positive int, not {max_chars!r}")
        self.max_chars = max_chars
        """Input longer than this (characters of a str, bytes of bytes) raises InputError."""
        names = [f.name for f in self.filters]
        duplicates = {n for n in names if names.count(n) > 1}
        if duplicates:
            raise ConfigError(f"filter names must be unique in a pipeline: {sorted(duplicates)}")

    # -- building ----------------------------------------------------------
    @classmethod
    def from_config(cls, config: Mapping[str, Any] | str | Path) -> Pipeline:
        """Build from a dict or a TOML/JSON file; errors name the file and the bad key.

        Only data is read (TOML or JSON, no code): filters are found by their
        registered name, and every option is validated (a model file must exist).
        """
        where = "pipeline config"
        if isinstance(config, (str, Path)):
            where = str(config)
            config = _read_config_file(Path(config))
        _ensure_filters_loaded()
        try:
            parsed = PipelineConfig.model_validate(config)
        except ValidationError as err:
            raise ConfigError(f"{where}: {_explain_validation(err)}") from err
        filters: list[Filter] = []
        for spec in parsed.filters:
            if not spec.enabled:
                continue
            if spec.name not in FILTERS:
                raise ConfigError(
                    f"{where}: unknown filter {spec.name!r}; known: {', '.join(sorted(FILTERS))}"
                )
            try:
                filters.append(FILTERS[spec.name](spec.options))
            except ConfigError as err:
                raise ConfigError(f"{where}: {err}") from err
        try:
            return cls(filters, max_chars=parsed.max_chars)
        except ConfigError as err:
            raise ConfigError(f"{where}: {err}") from err

    def names(self) -> list[str]:
        return [f.name for f in self.filters]

    def __iter__(self) -> Iterator[Filter]:
        return iter(self.filters)

    def __len__(self) -> int:
        return len(self.filters)

    def __bool__(self) -> bool:
        return True  # an empty pipeline is still a pipeline (`pipeline or default`)

    def __contains__(self, name: object) -> bool:
        return name in self.names()

    def __getitem__(self, name: str) -> Filter:
        for f in self.filters:
            if f.name == name:
                return f
        raise KeyError(name)

    def _index(self, name: str) -> int:
        try:
            return self.names().index(name)
        except ValueError:
            raise KeyError(f"no filter named {name!r} in {self.names()}") from None

    def without(self, name: str) -> Pipeline:
        """A copy without the named filter."""
        i = self._index(name)
        return self._with(self.filters[:i] + self.filters[i + 1 :])

    def replace(self, name: str, new: Filter) -> Pipeline:
        i = self._index(name)
        return self._with([*self.filters[:i], new, *self.filters[i + 1 :]])

    def insert_before(self, name: str, new: Filter) -> Pipeline:
        i = self._index(name)
        return self._with([*self.filters[:i], new, *self.filters[i:]])

    def insert_after(self, name: str, new: Filter) -> Pipeline:
        i = self._index(name)
        return self._with([*self.filters[: i + 1], new, *self.filters[i + 1 :]])

    def append(self, new: Filter) -> Pipeline:
        return self._with([*self.filters, new])

    def _with(self, filters: Sequence[Filter]) -> Pipeline:
        return Pipeline(filters, max_chars=self.max_chars)

    # -- running -----------------------------------------------------------
    def judge(self, text: str | bytes) -> Page:
        """Run every filter over the page and return it with its decisions."""
        from .models import InputNote
        from .segment import InputError, decode, not_text

        if isinstance(text, (str, bytes, bytearray, memoryview)) and len(text) > self.max_chars:
            unit = "characters" if isinstance(text, str) else "bytes"
            raise InputError(
                f"input of {len(text):,} {unit} is above the maximum document size of "
                f"{self.max_chars:,} (Pipeline(max_chars=...) or max_chars in the configuration)"
            )
        decoded, notes = decode(text)
        reason = not_text(decoded)
        if reason is not None:
            notes.append(InputNote(kind="not-text", detail=reason))
        page = Page(decoded, notes)
        if reason is not None:  # no filter reads binary data: all of it is removed
            for i, line in enumerate(page.lines):
                if not line.blank:
                    page.decide(i, Label.BOILERPLATE, "decode", reason, 1.0, "not-text")
            return page
        for f in self.filters:
            f.apply(page)
        return page

    def run(self, text: str | bytes) -> Any:
        """Clean one page: judge it, then assemble the Document."""
        from .assemble import assemble

        page = self.judge(text)
        doc = assemble(page)
        if any(note.kind == "not-text" for note in page.notes):
            doc.language = None  # stop words of no language voted: not a language
        return doc

    def __repr__(self) -> str:
        # names, and options only where they differ from a filter's defaults
        parts = []
        for f in self.filters:
            opts = f.options.model_dump(exclude_defaults=True)
            parts.append(f"{f.name}{opts}" if opts else f.name)
        return f"Pipeline({', '.join(parts)})"


_TOML_WHERE = re.compile(r"\(at line (\d+), column (\d+)\)")


def _read_config_file(path: Path) -> dict[str, Any]:
    """A TOML (or, for *.json, JSON) file as data; any failure is a ConfigError that
    names the file and, for a syntax or encoding error, the line and column."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise ConfigError(f"{path}: cannot read the configuration: {err.strerror or err}") from err
    return _parse_config(raw, path)


def _parse_config(raw: bytes, path: Path) -> dict[str, Any]:
    """The bytes of a configuration file named `path` (its suffix picks the syntax)."""
    try:
        source = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        raise ConfigError(
            f"{path}:{line}:{column}: not UTF-8 (byte 0x{raw[err.start]:02x})"
        ) from err
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(source)
        except json.JSONDecodeError as err:
            raise ConfigError(
                f"{path}:{err.lineno}:{err.colno}: JSON syntax error: {err.msg}"
            ) from err
    else:
        try:
            import tomllib
        except ModuleNotFoundError:  # Python 3.10
            import tomli as tomllib  # type: ignore[no-redef]
        try:
            data = tomllib.loads(source)
        except tomllib.TOMLDecodeError as err:
            message = str(err)
            m = _TOML_WHERE.search(message)
            where = f"{m.group(1)}:{m.group(2)}" if m else f"{source.count(chr(10)) + 1}:1"
            raise ConfigError(
                f"{path}:{where}: TOML syntax error: {_TOML_WHERE.sub('', message).strip()}"
            ) from err
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the configuration must be a table/object")
    return data


def _ensure_filters_loaded() -> None:
    from . import filters  # noqa: F401  (registers the built-in filters)


# Content before comments: the scorer labels article and comment lines together;
# the comment filter then checks the section's structure and parses it.
DEFAULT_ORDER = ("donation", "widgets", "content", "comments", "orphans", "error_page", "metadata")


def default_pipeline() -> Pipeline:
    """The pipeline `clean()` uses, a new copy each call.

    >>> default_pipeline().names()
    ['donation', 'widgets', 'content', 'comments', 'orphans', 'error_page', 'metadata']
    """
    _ensure_filters_loaded()
    return Pipeline([FILTERS[name]() for name in DEFAULT_ORDER])
