"""WARC and WET files (Common Crawl), read with FastWARC.

Pages are the `conversion` records (WET: the text Common Crawl extracted) and
`resource` records; each keeps its target URI, record id, date and the
identified-language header. Damage is reported, never skipped in silence:

- a record whose body is shorter than its Content-Length (the file ends
  inside it) is a `SourceError`, not half a page cleaned;
- a Content-Length that is not a number is a `SourceError`, and so is the
  point where the reader can no longer find the next record;
- a gzip stream cut short or corrupt keeps every record before the damage.

FastWARC was measured against warcio (`benchmarks/scale.py --readers`): see the
README ("Batch, scale and distributed") for the figures and the reasons.

>>> import io, tempfile, pathlib
>>> from fastwarc.warc import WarcRecord, WarcRecordType
>>> buf = io.BytesIO()
>>> rec = WarcRecord(); rec.init_headers(record_type=WarcRecordType.conversion)
>>> rec.headers["WARC-Target-URI"] = "https://example.org/a"
>>> rec.set_bytes_content(b"Home\\nThe article.\\n")
>>> _ = rec.write(buf)
>>> p = pathlib.Path(tempfile.mkdtemp()) / "x.warc.wet"
>>> _ = p.write_bytes(buf.getvalue())
>>> [(r.url, r.text) for r in read_warc(p)]
[('https://example.org/a', b'Home\\nThe article.\\n')]
>>> _ = p.write_bytes(buf.getvalue()[:-10])
>>> [r.reason for r in read_warc(p)]
['record cut short: Content-Length 18, 12 bytes before the end of the file']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from .base import PageRecord, SourceError, SourceItem, open_bytes

_KEEP = ("WARC-Target-URI", "WARC-Record-ID", "WARC-Date", "WARC-Identified-Content-Language")


def read_warc(path: str | Path) -> Iterator[SourceItem]:
    """The page records of a WARC/WET file (gzipped or not); see the module doc."""
    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType
    except ImportError as err:  # pragma: no cover - fastwarc is a core dependency
        raise ImportError("reading WARC/WET needs fastwarc: pip install fastwarc") from err

    source = str(path)
    n = 0  # every record counts, so that `record` is its place in the file
    last_offset = 0
    pages = 0
    skipped: Counter[str] = Counter()
    page_types = (WarcRecordType.conversion, WarcRecordType.resource)
    with open_bytes(path) as stream:
        records = ArchiveIterator(
            stream,  # type: ignore[arg-type]  # FastWARC reads any object with read()
            parse_http=False,
        )
        try:
            for record in records:
                n += 1
                last_offset = record.stream_pos
                if record.record_type not in page_types:
                    skipped[record.headers.get("WARC-Type") or "unknown"] += 1
                    continue
                pages += 1
                declared = record.headers.get("Content-Length") or ""
                body = record.reader.read()
                if not declared.strip().isdigit():
                    yield SourceError(
                        source, n, last_offset, f"Content-Length is not a number: {declared!r}"
                    )
                    continue
                if len(body) < int(declared):
                    yield SourceError(
                        source,
                        n,
                        last_offset,
                        f"record cut short: Content-Length {int(declared)}, "
                        f"{len(body)} bytes before the end of the file",
                    )
                    continue
                headers = {k: v for k, v in record.headers.items() if k in _KEEP}
                yield PageRecord(
                    id=record.record_id or f"{source}:{n}",
                    url=headers.get("WARC-Target-URI"),
                    text=body,
                    source=source,
                    number=n,
                    offset=last_offset,
                    meta={
                        "warc_record_id": headers.get("WARC-Record-ID"),
                        "warc_date": headers.get("WARC-Date"),
                        "warc_language": headers.get("WARC-Identified-Content-Language"),
                    },
                )
        except (OSError, ValueError) as err:
            # FastWARC stops where it cannot find the next record's header
            yield SourceError(
                source, n + 1, None, f"no readable WARC record after record {n}: {err}"
            )
        if stream.damage:
            yield SourceError(
                source, None, stream.position, f"stream cut short: {stream.damage}"
            )
    if not pages and set(skipped) - {"warcinfo"}:
        kinds = ", ".join(f"{v} {k}" for k, v in skipped.most_common())
        yield SourceError(
            source,
            None,
            None,
            f"no conversion or resource records ({kinds}): textclean reads text dumps, "
            "e.g. Common Crawl WET files, not the HTML in WARC response records",
        )
