"""Readers for every container page dumps come in, behind one entry point.

`read_inputs(paths)` yields, in order, a `PageRecord` for every page it could
read and a `SourceError` for every piece of damage (a truncated gzip, a WARC
record cut short, a JSONL line that is not JSON, a text field that is not
text): nothing is dropped without a record saying so.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "pages.jsonl").write_text('{"id": "a", "text": "Hi"}\\nnot json\\n')
>>> [(type(r).__name__, r.number) for r in read_inputs([d / "pages.jsonl"])]
[('PageRecord', 1), ('SourceError', 2)]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from .base import PageRecord, SourceError, SourceItem, kind_of, open_bytes
from .jsonl import _MISSING as MISSING
from .jsonl import get_path, read_jsonl
from .parquet import read_parquet
from .text import read_folder, read_stdin, read_text_file
from .warc import read_warc

__all__ = [
    "MISSING",
    "PageRecord",
    "SourceError",
    "SourceItem",
    "get_path",
    "kind_of",
    "open_bytes",
    "read_folder",
    "read_input",
    "read_inputs",
    "read_jsonl",
    "read_parquet",
    "read_stdin",
    "read_text_file",
    "read_warc",
]


def read_input(
    path: str | Path,
    *,
    text_field: str = "text",
    id_field: str = "id",
    glob: str = "**/*",
) -> Iterator[SourceItem]:
    """Every page of one input: `-` (stdin), a folder, or a file of any known kind.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "page.txt").write_text("Home\\nText.\\n")
    >>> [r.text for r in read_input(d / "page.txt")]
    [b'Home\\nText.\\n']
    """
    if str(path) == "-":
        yield from read_stdin()
        return
    path = Path(path)
    if path.is_dir():
        for file in read_folder(path, glob):
            yield from read_input(file, text_field=text_field, id_field=id_field)
        return
    kind = kind_of(path)
    if kind == "warc":
        yield from read_warc(path)
    elif kind == "jsonl":
        yield from read_jsonl(path, text_field=text_field, id_field=id_field)
    elif kind == "parquet":
        yield from read_parquet(path, text_field=text_field, id_field=id_field)
    else:
        yield from read_text_file(path)


def read_inputs(
    paths: Iterable[str | Path],
    *,
    text_field: str = "text",
    id_field: str = "id",
    glob: str = "**/*",
) -> Iterator[SourceItem]:
    """`read_input` over several inputs, one after the other."""
    for path in paths:
        try:
            yield from read_input(path, text_field=text_field, id_field=id_field, glob=glob)
        except OSError as err:  # unreadable file or folder: said, and the next input read
            yield SourceError(str(path), None, None, f"cannot read: {err}")
