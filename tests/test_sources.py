"""Readers on real files made here: WET written with the WARC library itself, a
truncated one, a gzip cut short, JSONL with bad lines, folders, stdin, Parquet."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest
from fastwarc.warc import WarcRecord, WarcRecordType

from textclean.sources import PageRecord, SourceError, read_input, read_inputs

from .conftest import FIXTURES

SEED = FIXTURES / "southfront-syria-strikes.txt"


def wet_record(uri: str, body: bytes, kind: WarcRecordType = WarcRecordType.conversion) -> bytes:
    rec = WarcRecord()
    rec.init_headers(record_type=kind)
    rec.headers["WARC-Target-URI"] = uri
    rec.headers["WARC-Identified-Content-Language"] = "eng"
    rec.set_bytes_content(body)
    buf = io.BytesIO()
    rec.write(buf)
    return buf.getvalue()


def pages(n: int) -> list[bytes]:
    return [f"Home\nPage {k} has a paragraph of its own, long enough.\n".encode() for k in range(n)]


def make_wet(path: Path, bodies: list[bytes], *, gz: bool = True) -> bytes:
    raw = [wet_record(f"https://a.example/{k}", b) for k, b in enumerate(bodies)]
    data = b"".join(gzip.compress(r) for r in raw) if gz else b"".join(raw)
    path.write_bytes(data)
    return b"".join(raw)


def split(items: list[PageRecord | SourceError]) -> tuple[list[PageRecord], list[SourceError]]:
    return (
        [r for r in items if isinstance(r, PageRecord)],
        [r for r in items if isinstance(r, SourceError)],
    )


def test_wet_keeps_uri_record_id_date_language(tmp_path: Path) -> None:
    src = tmp_path / "x.warc.wet.gz"
    make_wet(src, pages(3))
    recs, errs = split(list(read_input(src)))
    assert errs == []
    assert [r.url for r in recs] == [f"https://a.example/{k}" for k in range(3)]
    assert recs[0].id.startswith("<urn:uuid:")
    assert recs[0].meta["warc_language"] == "eng"
    assert recs[0].meta["warc_date"]
    assert recs[1].text.startswith(b"Home\nPage 1")


def test_wet_skips_warcinfo_but_reads_every_conversion(tmp_path: Path) -> None:
    src = tmp_path / "x.wet"
    info = wet_record("", b"software: test\r\n", WarcRecordType.warcinfo)
    src.write_bytes(info + b"".join(wet_record(f"u{k}", b) for k, b in enumerate(pages(4))))
    recs, errs = split(list(read_input(src)))
    assert len(recs) == 4 and errs == []


def test_content_length_past_the_end_is_reported(tmp_path: Path) -> None:
    # today's reader drops the last record silently (199 of 200, exit 0)
    src = tmp_path / "x.wet"
    raw = b"".join(wet_record(f"u{k}", b) for k, b in enumerate(pages(5)))
    src.write_bytes(raw[:-20])
    recs, errs = split(list(read_input(src)))
    assert len(recs) == 4
    assert len(errs) == 1 and errs[0].number == 5 and "cut short" in errs[0].reason
    assert errs[0].offset is not None and errs[0].offset > 0


def test_content_length_not_a_number_is_reported(tmp_path: Path) -> None:
    src = tmp_path / "x.wet"
    first, second = (wet_record(f"u{k}", b) for k, b in enumerate(pages(2)))
    head, _, rest = first.partition(b"Content-Length: ")
    _length, _, tail = rest.partition(b"\r\n")
    src.write_bytes(head + b"Content-Length: lots\r\n" + tail + second)
    items = list(read_input(src))
    _, errs = split(items)
    assert errs and "not a number" in errs[0].reason and errs[0].number == 1


def test_truncated_gzip_keeps_what_was_read(tmp_path: Path) -> None:
    src = tmp_path / "x.warc.wet.gz"
    make_wet(src, pages(6))
    data = src.read_bytes()
    src.write_bytes(data[: len(data) - 40])
    recs, errs = split(list(read_input(src)))
    assert len(recs) == 5  # the sixth record's member is cut
    assert any("cut short" in e.reason for e in errs)


def test_one_gzip_member_for_the_whole_file_is_read_too(tmp_path: Path) -> None:
    src = tmp_path / "x.wet.gz"
    src.write_bytes(gzip.compress(b"".join(wet_record(f"u{k}", b) for k, b in enumerate(pages(3)))))
    recs, errs = split(list(read_input(src)))
    assert len(recs) == 3 and errs == []


def test_jsonl_bad_lines_are_errors_not_tracebacks(tmp_path: Path) -> None:
    src = tmp_path / "x.jsonl.gz"
    lines = [
        json.dumps({"id": "a", "text": "Home\nfine\n"}),
        "{not json",
        json.dumps({"id": "c", "text": None}),
        json.dumps({"id": "d", "text": 123}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "f"}),
        json.dumps({"id": "g", "text": "last"}),
    ]
    src.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    recs, errs = split(list(read_input(src)))
    assert [r.id for r in recs] == ["a", "g"]
    assert [e.number for e in errs] == [2, 3, 4, 5, 6]
    assert "not JSON" in errs[0].reason
    assert "null" in errs[1].reason and "int" in errs[2].reason  # never cleaned as "None"
    assert "no field" in errs[4].reason


def test_jsonl_dotted_fields(tmp_path: Path) -> None:
    src = tmp_path / "x.jsonl"
    src.write_text(json.dumps({"meta": {"key": "k1"}, "body": {"text": "Hi"}}) + "\n")
    (rec,) = list(read_input(src, text_field="body.text", id_field="meta.key"))
    assert isinstance(rec, PageRecord) and rec.text == "Hi" and rec.id == "k1"


def test_truncated_jsonl_gz_is_reported(tmp_path: Path) -> None:
    src = tmp_path / "x.jsonl.gz"
    body = "".join(json.dumps({"id": str(k), "text": "x" * 50}) + "\n" for k in range(200))
    data = gzip.compress(body.encode())
    src.write_bytes(data[: len(data) // 2])
    recs, errs = split(list(read_input(src)))
    assert 0 < len(recs) < 200
    assert errs and "cut short" in errs[-1].reason


def test_folder_recursive_with_glob(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Home\none\n")
    (tmp_path / "two.txt").write_text("Home\ntwo\n")
    (tmp_path / "skip.md").write_text("no")
    (tmp_path / ".hidden.txt").write_text("no")
    recs, _ = split(list(read_inputs([tmp_path], glob="**/*.txt")))
    assert sorted(Path(r.source).name for r in recs) == ["one.txt", "two.txt"]


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(b"Home\nFrom standard input.\n"))
    monkeypatch.setattr(sys, "stdin", fake)
    (rec,) = list(read_input("-"))
    assert isinstance(rec, PageRecord) and rec.text == b"Home\nFrom standard input.\n"


def test_parquet_rows(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    src = tmp_path / "x.parquet"
    pq.write_table(
        pa.table({"id": ["a", "b", "c"], "text": [SEED.read_text(), None, "Hi"], "n": [1, 2, 3]}),
        src,
    )
    recs, errs = split(list(read_input(src)))
    assert [r.id for r in recs] == ["a", "c"] and recs[1].fields["n"] == 3
    assert len(errs) == 1 and errs[0].number == 2


def test_corrupt_parquet_is_an_error_record(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    src = tmp_path / "x.parquet"
    src.write_bytes(b"PAR1 this is not parquet")
    _, errs = split(list(read_input(src)))
    assert len(errs) == 1 and "Parquet" in errs[0].reason


def test_a_warc_of_html_responses_is_reported_not_read_as_nothing(tmp_path: Path) -> None:
    src = tmp_path / "x.warc"
    src.write_bytes(
        wet_record("u", b"HTTP/1.1 200 OK\r\n\r\n<html></html>", WarcRecordType.response)
    )
    recs, errs = split(list(read_input(src)))
    assert recs == [] and len(errs) == 1 and "1 response" in errs[0].reason


def test_record_numbers_count_every_record(tmp_path: Path) -> None:
    src = tmp_path / "x.wet"
    info = wet_record("", b"software: test\r\n", WarcRecordType.warcinfo)
    src.write_bytes(info + b"".join(wet_record(f"u{k}", b) for k, b in enumerate(pages(2))))
    recs, _ = split(list(read_input(src)))
    assert [r.number for r in recs] == [2, 3]
