"""Readers for the containers page dumps come in: JSONL(.gz) records and
Common Crawl WET files (WARC 'conversion' records holding each page's text).

>>> import io
>>> body = "Home\\nThe article.\\n".encode()
>>> wet = (b"WARC/1.0\\r\\nWARC-Type: conversion\\r\\nWARC-Target-URI: https://example.org/a\\r\\n"
...        b"Content-Length: " + str(len(body)).encode() + b"\\r\\n\\r\\n" + body + b"\\r\\n\\r\\n")
>>> [(r.url, r.text) for r in read_wet(io.BytesIO(wet))]
[('https://example.org/a', 'Home\\nThe article.\\n')]
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

from .segment import decode


@dataclass(frozen=True, slots=True)
class PageRecord:
    """One page from a container: an id, its address when known, and its text."""

    id: str
    url: str | None
    text: str
    meta: dict[str, Any]


def open_bytes(path: str | Path) -> IO[bytes]:
    """A file's bytes, decompressed when it is gzipped (told by its first bytes)."""
    path = Path(path)
    with path.open("rb") as probe:
        gzipped = probe.read(2) == b"\x1f\x8b"  # gzip magic, whatever the file is called
    # gzip.open owns its file, so closing the reader closes everything
    return cast(IO[bytes], gzip.open(path, "rb") if gzipped else path.open("rb"))


def read_jsonl(path: str | Path, field: str = "text", id_field: str = "id") -> Iterator[PageRecord]:
    """Records of a JSONL file (gzipped or not); `field` holds the page text."""
    with open_bytes(path) as f:
        for n, line in enumerate(f):
            if not line.strip():
                continue
            rec = json.loads(line)
            if field not in rec:
                raise KeyError(f"line {n + 1}: no field {field!r} (fields: {sorted(rec)})")
            url = rec.get("url")
            yield PageRecord(
                str(rec.get(id_field, n)),
                url if isinstance(url, str) else None,
                str(rec[field]),
                {k: v for k, v in rec.items() if k != field},
            )


def read_wet(stream: IO[bytes]) -> Iterator[PageRecord]:
    """The 'conversion' records of a WET stream (plain or already decompressed)."""
    while True:
        line = stream.readline()
        if not line:
            return
        if not line.startswith(b"WARC/"):
            continue  # blank separator lines between records
        headers: dict[str, str] = {}
        while True:
            h = stream.readline()
            if not h or h in (b"\r\n", b"\n"):
                break
            key, _, value = h.decode("utf-8", "replace").partition(":")
            headers[key.strip().lower()] = value.strip()
        try:
            length = int(headers.get("content-length", "0"))
        except ValueError as err:
            raise ValueError(f"WET record with a bad Content-Length: {headers}") from err
        body = stream.read(length)
        if headers.get("warc-type") != "conversion":
            continue
        text, _ = decode(body)
        yield PageRecord(
            headers.get("warc-record-id", headers.get("warc-target-uri", "")),
            headers.get("warc-target-uri"),
            text,
            {k: v for k, v in headers.items() if k.startswith("warc-")},
        )


def read_wet_file(path: str | Path) -> Iterator[PageRecord]:
    with open_bytes(path) as f:
        yield from read_wet(f)


def read_pages(path: str | Path, field: str = "text", id_field: str = "id") -> Iterator[PageRecord]:
    """JSONL or WET, told apart by the first bytes of the (decompressed) file."""
    with open_bytes(path) as f:
        head = f.read(8)
    if head.startswith(b"WARC/"):
        yield from read_wet_file(path)
    else:
        yield from read_jsonl(path, field, id_field)
