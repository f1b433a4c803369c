"""textclean: turn plain-text dumps of web pages into a clean article, structured
comments, and an account of every removed span.

>>> import textclean
>>> doc = textclean.clean(
...     "Menu\\n\\nThe council met on Tuesday and agreed the budget for next year.\\n")
>>> doc.article.text
'The council met on Tuesday and agreed the budget for next year.'
>>> [r.text for r in doc.removed]
['Menu\\n\\n']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# Compiled regex programs from the start-up cache first, so that the modules below,
# which compile their patterns at import, find them ready (see textclean.startup_cache).
from .startup_cache import capturing_regex_programs as _capturing_regex_programs

with _capturing_regex_programs():
    # `explain` stays an eager import: the function shadows the submodule of the same
    # name only if the submodule is loaded first (a lazy `explain` would be replaced
    # by the module object when anything imports `textclean.explain`).
    from .explain import LineExplanation, explain
    from .filter import ConfigError, Filter, FilterOptions, load_built_ins_with, register
    from .models import Article, Comment, Document, RemovedSpan, Segment, TimeStamp
    from .page import Decision, Label, Page
    from .pipeline import Pipeline
    from .segment import InputError

if TYPE_CHECKING:
    from .filters import default_pipeline
    from .frames import to_frame, to_records
    from .parallel import CleaningError, Failure, clean_many

# Imported on first use: worker pools (multiprocessing, concurrent.futures) and the
# table views cost a third of `import textclean` and one clean() needs neither.
_LAZY = {
    "default_pipeline": "filters",
    "CleaningError": "parallel",
    "Failure": "parallel",
    "clean_many": "parallel",
    "to_frame": "frames",
    "to_records": "frames",
}


def _import_built_in_filters() -> object:
    from . import filters  # each built-in filter registers itself

    return filters


# The built-in filters (and numpy, which the line model needs) load on the first
# lookup by name or the first clean(), not at `import textclean`.
load_built_ins_with(_import_built_in_filters)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "Article",
    "CleaningError",
    "Comment",
    "ConfigError",
    "Decision",
    "Document",
    "Failure",
    "Filter",
    "FilterOptions",
    "InputError",
    "Label",
    "LineExplanation",
    "Page",
    "Pipeline",
    "RemovedSpan",
    "Segment",
    "TimeStamp",
    "clean",
    "clean_many",
    "default_pipeline",
    "explain",
    "register",
    "to_frame",
    "to_records",
]
__version__ = "0.1.0"

_DEFAULT: Pipeline | None = None


def _default() -> Pipeline:
    global _DEFAULT
    if _DEFAULT is None:
        from .filters import default_pipeline

        _DEFAULT = default_pipeline()
    return _DEFAULT


def clean(text: str | bytes, *, pipeline: Pipeline | None = None) -> Document:
    """Clean one page dump. Bytes are decoded (UTF-8, BOMs, cp1252 fallback).

    Raises `InputError` for input that is neither str nor bytes. The Document
    keeps a reference to `text` for its notebook view (never serialised).

    >>> doc = clean(b"Share on Facebook\\nThe council met and agreed the budget for next year.\\n")
    >>> doc.article.text
    'The council met and agreed the budget for next year.'
    >>> [(r.filter, r.category) for r in doc.removed]
    [('widgets', 'widget:share')]
    """
    doc: Document = (pipeline or _default()).run(text)
    return doc.with_source(text)
