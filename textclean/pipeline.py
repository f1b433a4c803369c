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

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, ValidationError

from .page import Page

FILTERS: dict[str, type[Filter]] = {}


class FilterOptions(BaseModel):
    """Options of a filter; subclasses add fields. Unknown keys are errors."""

    model_config = ConfigDict(extra="forbid")


class Filter:
    """Base class of every filter.

    Subclasses set `name`, optionally an `Options` model, and implement
    `apply(page)`. Register with `@register` to make a filter buildable from
    configuration by its name.
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
    """Class decorator: make a filter available to `Pipeline.from_config` by name."""
    FILTERS[cls.name] = cls
    return cls


class ConfigError(ValueError):
    """A pipeline configuration names an unknown filter or a bad option."""


def _explain_validation(err: ValidationError) -> str:
    parts = []
    for e in err.errors():
        loc = ".".join(str(x) for x in e["loc"]) or "(options)"
        parts.append(f"{loc}: {e['msg']}")
    return "; ".join(parts)


class FilterSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    options: dict[str, Any] = {}
    enabled: bool = True


class PipelineConfig(BaseModel):
    """`{"filters": [{"name": "widgets", "options": {...}}, ...]}`."""

    model_config = ConfigDict(extra="forbid")
    filters: list[FilterSpec]


class Pipeline:
    """An ordered list of filters; `run` turns text into a Document."""

    def __init__(self, filters: Sequence[Filter]):
        self.filters: list[Filter] = list(filters)
        names = [f.name for f in self.filters]
        duplicates = {n for n in names if names.count(n) > 1}
        if duplicates:
            raise ConfigError(f"filter names must be unique in a pipeline: {sorted(duplicates)}")

    # -- building ----------------------------------------------------------
    @classmethod
    def from_config(cls, config: Mapping[str, Any] | str | Path) -> Pipeline:
        """Build from a dict or a TOML/JSON file; errors name the bad key."""
        if isinstance(config, (str, Path)):
            config = _read_config_file(Path(config))
        _ensure_filters_loaded()
        try:
            parsed = PipelineConfig.model_validate(config)
        except ValidationError as err:
            raise ConfigError(f"pipeline config: {_explain_validation(err)}") from err
        filters: list[Filter] = []
        for spec in parsed.filters:
            if not spec.enabled:
                continue
            if spec.name not in FILTERS:
                raise ConfigError(
                    f"unknown filter {spec.name!r}; known: {', '.join(sorted(FILTERS))}"
                )
            filters.append(FILTERS[spec.name](spec.options))
        return cls(filters)

    def names(self) -> list[str]:
        return [f.name for f in self.filters]

    def __iter__(self) -> Iterator[Filter]:
        return iter(self.filters)

    def __len__(self) -> int:
        return len(self.filters)

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
        return Pipeline(self.filters[:i] + self.filters[i + 1 :])

    def replace(self, name: str, new: Filter) -> Pipeline:
        i = self._index(name)
        return Pipeline([*self.filters[:i], new, *self.filters[i + 1 :]])

    def insert_before(self, name: str, new: Filter) -> Pipeline:
        i = self._index(name)
        return Pipeline([*self.filters[:i], new, *self.filters[i:]])

    def insert_after(self, name: str, new: Filter) -> Pipeline:
        i = self._index(name)
        return Pipeline([*self.filters[: i + 1], new, *self.filters[i + 1 :]])

    def append(self, new: Filter) -> Pipeline:
        return Pipeline([*self.filters, new])

    # -- running -----------------------------------------------------------
    def judge(self, text: str | bytes) -> Page:
        """Run every filter over the page and return it with its decisions."""
        from .segment import decode

        decoded, notes = decode(text)
        page = Page(decoded, notes)
        for f in self.filters:
            f.apply(page)
        return page

    def run(self, text: str | bytes) -> Any:
        """Clean one page: judge it, then assemble the Document."""
        from .assemble import assemble

        return assemble(self.judge(text))

    def __repr__(self) -> str:
        return f"Pipeline({self.filters!r})"


def _read_config_file(path: Path) -> dict[str, Any]:
    raw = path.read_bytes()
    if path.suffix == ".json":
        import json

        data = json.loads(raw)
    else:
        try:
            import tomllib
        except ModuleNotFoundError:  # Python 3.10
            import tomli as tomllib  # type: ignore[no-redef]
        data = tomllib.loads(raw.decode("utf-8"))
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the configuration must be a table/object")
    return data


def _ensure_filters_loaded() -> None:
    from . import filters  # noqa: F401  (registers the built-in filters)


# Content before comments: the scorer labels article and comment lines together;
# the comment filter then checks the section's structure and parses it.
DEFAULT_ORDER = ("donation", "widgets", "content", "comments", "orphans", "error_page", "metadata")


def default_pipeline() -> Pipeline:
    """The pipeline `clean()` uses: donation, widgets, content, comments, metadata."""
    _ensure_filters_loaded()
    return Pipeline([FILTERS[name]() for name in DEFAULT_ORDER])
