"""The pipeline: an ordered list of filters that turns text into a Document.

A filter (textclean.filter) answers one question about the page's lines and
records decisions with reasons; it never edits text. The built-in filters and
the default order live in textclean.filters; this module knows none of them and
finds a configured filter by its registered name.

>>> from textclean import Pipeline, default_pipeline
>>> [f.name for f in default_pipeline()]  # doctest: +NORMALIZE_WHITESPACE
['donation', 'server_errors', 'widgets', 'consent', 'content', 'comments', 'orphans',
 'appeals', 'error_page', 'metadata']
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
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictStr, ValidationError

from .assemble import assemble
from .filter import (
    ConfigError,
    Count,
    Filter,
    FilterOptions,
    Probability,
    Weight,
    explain_validation,
    register,
    registered,
)
from .heap import BIG_PAGE, release_free_memory
from .langid import forget_model
from .models import Document, InputNote
from .page import Label, Page
from .segment import InputError, decode, not_text

# Filter, its options and the registry, for code written against textclean.pipeline
__all__ = [
    "MAX_CHARS",
    "ConfigError",
    "Count",
    "Filter",
    "FilterOptions",
    "Pipeline",
    "PipelineConfig",
    "Probability",
    "Weight",
    "register",
]

MAX_CHARS = 64_000_000
"""Default maximum document size: characters of a str, bytes of a bytes input."""


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

    >>> from textclean import default_pipeline
    >>> p = default_pipeline().without("metadata")
    >>> p  # doctest: +NORMALIZE_WHITESPACE
    Pipeline(donation, server_errors, widgets, consent, content, comments, orphans, appeals,
             error_page)
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
        try:
            parsed = PipelineConfig.model_validate(config)
        except ValidationError as err:
            raise ConfigError(f"{where}: {explain_validation(err)}") from err
        filters: list[Filter] = []
        known = registered()
        for spec in parsed.filters:
            if not spec.enabled:
                continue
            if spec.name not in known:
                raise ConfigError(
                    f"{where}: unknown filter {spec.name!r}; known: {', '.join(sorted(known))}"
                )
            try:
                filters.append(known[spec.name](spec.options))
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
        if isinstance(text, (str, bytes, bytearray, memoryview)) and len(text) > self.max_chars:
            unit = "characters" if isinstance(text, str) else "bytes"
            raise InputError(
                f"input of {len(text):,} {unit} is above the maximum document size of "
                f"{self.max_chars:,} (Pipeline(max_chars=...) or max_chars in the configuration)"
            )
        decoded, notes = decode(text)
        if len(decoded) >= BIG_PAGE:
            forget_model()  # the identifier's tables, should a batch have loaded them
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
            mark = page.checkpoint()
            try:
                f.apply(page)
            except TimeoutError as err:
                # the safety net (textclean.runaway): a pattern ran away in this
                # filter; what it decided is withdrawn and the next filters run
                page.rollback(mark)
                page.notes.append(
                    InputNote(
                        kind="timeout",
                        detail=f"filter {f.name!r} stopped ({err or 'TimeoutError'}): "
                        "a pattern ran too long, so its decisions were withdrawn",
                    )
                )
        return page

    def run(self, text: str | bytes) -> Document:
        """Clean one page: judge it, then assemble the Document."""
        page = self.judge(text)
        # The Document is built from the standing verdicts alone; the overruled ones
        # and the per-line scores are for `explain` (which reads `judge`), and on a
        # big page they would stay alive beside the whole Document.
        page.decisions = []
        page.scores = page.comment_scores = None
        if len(page.text) >= BIG_PAGE:
            release_free_memory()  # what the filters freed, before the Document grows
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
