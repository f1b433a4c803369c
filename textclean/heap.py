"""Freed memory handed back to the system after a big page's filters.

CPython returns its small-object arenas by itself, but numpy arrays and objects
over 512 bytes come from the C library's heap, which keeps the pages a big page's
filters freed (tens of MB on a 50 MB page) and grows again beside them while the
Document is built. glibc's `malloc_trim(0)` gives the free pages back; where the C
library has no such call (not glibc), this does nothing.
"""

from __future__ import annotations

from collections.abc import Callable

BIG_PAGE = 1_000_000
"""Characters: below this a page's freed memory is too little to be worth a call."""

_trim: Callable[[int], int] | None = None
_loaded = False


def _load() -> Callable[[int], int] | None:
    import ctypes  # only for big pages: most processes never load it

    try:
        trim = ctypes.CDLL(None).malloc_trim  # the process's own C library
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim  # type: ignore[no-any-return]


def release_free_memory() -> None:
    """Give the C library's free heap pages back to the system (glibc only).

    >>> release_free_memory()
    """
    global _trim, _loaded
    if not _loaded:
        _trim, _loaded = _load(), True
    if _trim is not None:
        _trim(0)
