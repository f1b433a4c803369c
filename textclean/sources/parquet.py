"""Parquet files (pyarrow, the `parquet` extra): one page per row, read a batch at a time.

>>> import tempfile, pathlib, pyarrow as pa, pyarrow.parquet as pq
>>> p = pathlib.Path(tempfile.mkdtemp()) / "x.parquet"
>>> pq.write_table(pa.table({"id": ["a", "b"], "text": ["Hi", None]}), p)
>>> [type(r).__name__ for r in read_parquet(p)]
['PageRecord', 'SourceError']
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .base import SourceError, SourceItem
from .jsonl import _MISSING, _kind, get_path, record_from_fields


def read_parquet(
    path: str | Path, *, text_field: str = "text", id_field: str = "id", batch_size: int = 256
) -> Iterator[SourceItem]:
    """Rows of a Parquet file; the text field may be a dotted path into a struct column."""
    try:
        import pyarrow.parquet as pq
    except ImportError as err:  # pragma: no cover - depends on the extra
        raise ImportError("Parquet needs pyarrow: pip install 'textclean[parquet]'") from err
    source = str(path)
    n = 0
    try:
        parquet = pq.ParquetFile(path)
        for batch in parquet.iter_batches(batch_size=batch_size):
            for row in batch.to_pylist():
                n += 1
                text = get_path(row, text_field)
                if not isinstance(text, str):
                    what = "missing" if text is _MISSING else _kind(text)
                    yield SourceError(source, n, None, f"field {text_field!r} is {what}, not text")
                    continue
                yield record_from_fields(row, text, id_field, source, n)
    except (OSError, ValueError) as err:  # pyarrow's ArrowInvalid is a ValueError
        yield SourceError(source, n + 1, None, f"unreadable Parquet: {type(err).__name__}: {err}")
