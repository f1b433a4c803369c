"""Plain page dumps: one file, a folder of them, or standard input.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "b").mkdir(), (d / "b" / "p.txt").write_text("x"), (d / "a.txt").write_text("y")
>>> [p.relative_to(d).as_posix() for p in read_folder(d, "**/*.txt")]
['a.txt', 'b/p.txt']
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from .base import PageRecord, SourceError, SourceItem, open_bytes


def read_folder(folder: Path, glob: str = "**/*") -> Iterator[Path]:
    """The files under `folder` matching `glob` (recursive with `**`), in a stable order;
    hidden files and folders are left out."""
    for path in sorted(folder.glob(glob)):
        rel = path.relative_to(folder).parts
        if path.is_file() and not any(part.startswith(".") for part in rel):
            yield path


def read_text_file(path: str | Path) -> Iterator[SourceItem]:
    """A file holding one page (gzipped or not), as bytes: the pipeline decodes it."""
    with open_bytes(path) as f:
        data = f.read()
    if f.damage:
        yield SourceError(str(path), 1, f.position, f"stream cut short: {f.damage}")
        return
    yield PageRecord(id=str(path), url=None, text=data, source=str(path), number=1, offset=0)


def read_stdin() -> Iterator[SourceItem]:
    """Standard input as one page."""
    data = sys.stdin.buffer.read()
    yield PageRecord(id="-", url=None, text=data, source="-", number=1, offset=0)
