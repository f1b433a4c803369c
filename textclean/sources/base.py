"""What every reader yields, and the byte-level helpers they share.

>>> PageRecord(id="a", url=None, text="Hi", source="x.txt", number=1).text
'Hi'
>>> kind_of("CC-MAIN-1.warc.wet.gz"), kind_of("pages.jsonl.gz"), kind_of("page.txt")
('warc', 'jsonl', 'text')
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any


@dataclass(frozen=True, slots=True)
class PageRecord:
    """One page from a container: its id, address when known, text and where it came from.

    `text` stays `bytes` when the container holds bytes (WARC, text files): the
    pipeline decodes them (UTF-8, BOMs, cp1252 fallback) in the worker.
    `fields` are the container's other fields (JSONL and Parquet columns), kept in
    the output when asked for; `meta` what the container always carries (WARC
    record id, date, identified language), always kept.
    """

    id: str
    url: str | None
    text: str | bytes
    source: str
    number: int
    offset: int | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SourceError:
    """Damage found while reading: where (file, record number, byte offset) and why.

    >>> str(SourceError("x.jsonl", 3, None, "not JSON"))
    'x.jsonl: record 3: not JSON'
    """

    source: str
    number: int | None
    offset: int | None
    reason: str

    def __str__(self) -> str:
        where = [self.source]
        if self.number is not None:
            where.append(f"record {self.number}")
        if self.offset is not None:
            where.append(f"byte {self.offset}")
        return ": ".join([*where, self.reason])


SourceItem = PageRecord | SourceError

_SUFFIXES = {
    ".warc": "warc",
    ".wet": "warc",
    ".arc": "warc",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".parquet": "parquet",
}


def kind_of(path: str | Path) -> str:
    """The container kind told by the name (`.gz` looked through); `text` otherwise."""
    suffixes = [s.lower() for s in Path(path).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    for suffix in reversed(suffixes):
        if suffix in _SUFFIXES:
            return _SUFFIXES[suffix]
    return "text"


def is_gzip(path: str | Path) -> bool:
    with Path(path).open("rb") as probe:
        return probe.read(2) == b"\x1f\x8b"  # gzip magic, whatever the file is called


class GuardedStream:
    """A file's bytes, gunzipped as they are read when `gzipped`, that ends where a
    gzip stream is cut short or corrupt instead of raising, with the reason in
    `damage`: the reader keeps every record before the damage and reports it.
    Multi-member gzip (Common Crawl's, one member per record) is read through.

    >>> import gzip, io
    >>> s = GuardedStream(io.BytesIO(gzip.compress(b"abc" * 100)[:-9]), gzipped=True)
    >>> len(s.read()), s.damage
    (300, 'gzip stream cut short (no end-of-stream marker)')
    """

    _CHUNK = 1 << 16

    def __init__(self, raw: IO[bytes], *, gzipped: bool = False) -> None:
        self.raw = raw
        self.gzipped = gzipped
        self.damage: str | None = None
        self.position = 0  # decompressed bytes handed out
        self._buffer = bytearray()
        self._inflate = zlib.decompressobj(31) if gzipped else None
        self._ended = False

    def _fill(self) -> bool:
        """Add bytes to the buffer; False at the end of the stream."""
        if self._ended:
            return False
        try:
            chunk = self.raw.read(self._CHUNK)
        except OSError as err:
            self.damage, self._ended = f"{type(err).__name__}: {err}", True
            return False
        if self._inflate is None:
            if not chunk:
                self._ended = True
            self._buffer += chunk
            return bool(chunk)
        if not chunk:
            self._ended = True
            if not self._inflate.eof and (self._inflate.unconsumed_tail or self._started):
                self.damage = "gzip stream cut short (no end-of-stream marker)"
            return False
        try:
            while chunk:
                self._started = True
                self._buffer += self._inflate.decompress(chunk)
                chunk = b""
                if self._inflate.eof:  # the next gzip member starts in the unused data
                    chunk = self._inflate.unused_data
                    self._inflate = zlib.decompressobj(31)
                    self._started = False
                    if chunk.strip(b"\0") == b"":
                        chunk = b""
        except zlib.error as err:
            self.damage, self._ended = f"corrupt gzip data: {err}", True
        return True

    _started = False

    def read(self, size: int = -1) -> bytes:
        while (size < 0 or len(self._buffer) < size) and self._fill():
            pass
        if size < 0:
            size = len(self._buffer)
        out = bytes(self._buffer[:size])
        del self._buffer[:size]
        self.position += len(out)
        return out

    def readline(self, size: int = -1) -> bytes:
        while True:
            nl = self._buffer.find(b"\n")
            if nl >= 0 or not self._fill():
                break
        end = nl + 1 if nl >= 0 else len(self._buffer)
        if size >= 0:
            end = min(end, size)
        return self.read(end)

    def __iter__(self) -> GuardedStream:
        return self

    def __next__(self) -> bytes:
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def tell(self) -> int:
        return self.position

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self.raw.close()

    def __enter__(self) -> GuardedStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_bytes(path: str | Path) -> GuardedStream:
    """A file's bytes, decompressed when it is gzipped (told by its first bytes);
    a cut or corrupt gzip ends the stream and sets `damage` instead of raising."""
    path = Path(path)
    return GuardedStream(path.open("rb"), gzipped=is_gzip(path))
