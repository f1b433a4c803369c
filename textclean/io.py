"""Kept for code that imported the old readers: they live in `textclean.sources`.

>>> from textclean.io import open_bytes
>>> callable(open_bytes)
True
"""

from __future__ import annotations

from .sources import PageRecord, SourceError, open_bytes, read_inputs

__all__ = ["PageRecord", "SourceError", "open_bytes", "read_inputs"]
