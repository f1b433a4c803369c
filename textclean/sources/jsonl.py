"""JSONL (gzipped or not): one JSON object per line, the page text in a field.

Field names may be dotted paths into nested objects (`--text-field warc.text`).
A line that is not JSON, not an object, lacks the field, or holds something
other than a string there (null, a number) is a `SourceError`, never cleaned
as the text "None" or "123".

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "x.jsonl"
>>> _ = p.write_text('{"doc": {"body": "Hi"}, "id": 7}\\n{"doc": {"body": null}}\\n')
>>> [str(r) if isinstance(r, SourceError) else (r.id, r.text)
...  for r in read_jsonl(p, text_field="doc.body")]
[('7', 'Hi'), "...x.jsonl: record 2: byte 33: field 'doc.body' is null, not text"]
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .base import PageRecord, SourceError, SourceItem, open_bytes

_MISSING = object()


def get_path(record: Any, dotted: str) -> Any:
    """The value at a dotted path (`a.b.c`) in nested dicts, or a sentinel when absent.

    >>> get_path({"a": {"b": 1}}, "a.b"), get_path({"a.b": 2}, "a.b")
    (1, 2)
    """
    if isinstance(record, dict) and dotted in record:
        return record[dotted]  # a flat key that happens to contain dots
    value = record
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return _MISSING
        value = value[part]
    return value


def _kind(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def record_from_fields(
    fields: dict[str, Any], text: str, id_field: str, source: str, number: int,
    offset: int | None = None,
) -> PageRecord:
    """A page of a row-shaped input (JSONL, Parquet): its id (the `id_field`, else
    "source:number"), its url when the row has one, and every field kept.

    >>> record_from_fields({"id": 7, "url": 3}, "text", "id", "a.jsonl", 1).id
    '7'
    """
    rid = get_path(fields, id_field)
    url = fields.get("url")
    return PageRecord(
        id=str(rid) if rid is not _MISSING and rid is not None else f"{source}:{number}",
        url=url if isinstance(url, str) else None,
        text=text,
        source=source,
        number=number,
        offset=offset,
        fields=fields,
    )


def read_jsonl(
    path: str | Path, *, text_field: str = "text", id_field: str = "id"
) -> Iterator[SourceItem]:
    """Records of a JSONL file; see the module's doc for what becomes an error."""
    source = str(path)
    offset = 0
    with open_bytes(path) as f:
        for n, line in enumerate(f, start=1):
            start, offset = offset, offset + len(line)
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except ValueError as err:
                yield SourceError(source, n, start, f"not JSON: {err}")
                continue
            if not isinstance(rec, dict):
                yield SourceError(source, n, start, f"a JSON {_kind(rec)}, not an object")
                continue
            text = get_path(rec, text_field)
            if text is _MISSING:
                yield SourceError(
                    source, n, start, f"no field {text_field!r} (fields: {sorted(rec)})"
                )
                continue
            if not isinstance(text, str):
                yield SourceError(
                    source, n, start, f"field {text_field!r} is {_kind(text)}, not text"
                )
                continue
            yield record_from_fields(rec, text, id_field, source, n, start)
        if f.damage:
            yield SourceError(source, None, f.position, f"stream cut short: {f.damage}")
