from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from textclean.cli import main
from textclean.models import Document

from .conftest import FIXTURES

SEED = str(FIXTURES / "southfront-syria-strikes.txt")


def test_clean_json_round_trips(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", SEED, "--segments"]) == 0
    doc = Document.model_validate_json(capsys.readouterr().out)
    assert doc.article is not None and doc.article.title
    assert Document.model_validate_json(doc.model_dump_json()) == doc


def test_clean_text_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", SEED, "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("US-led Coalition Shares Footage")
    assert "Notify of" not in out


def test_explain_lists_every_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", SEED, "--color", "never"]) == 0
    rows = capsys.readouterr().out.splitlines()
    n_lines = len(Path(SEED).read_text(encoding="utf-8").splitlines())
    assert len(rows) == n_lines
    assert "donation" in rows[0]


def test_batch_jsonl(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl.gz"
    with gzip.open(src, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "a", "text": Path(SEED).read_text(encoding="utf-8")}) + "\n")
        f.write(json.dumps({"id": "b", "text": ""}) + "\n")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"]
    assert rows[0]["article"]["title"].startswith("US-led")
    assert rows[1]["article"] is None


def test_eval_on_a_small_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "gold.jsonl"
    rec = {
        "id": "x/1",
        "source": "hand",
        "dump": "Home\nThe council agreed the budget on Tuesday after a long and heated debate.\n",
        "gold": {
            "article": "The council agreed the budget on Tuesday after a long and heated debate."
        },
    }
    src.write_text(json.dumps(rec) + "\n")
    assert main(["eval", str(src), "--json", str(tmp_path / "r.json")]) == 0
    res = json.loads((tmp_path / "r.json").read_text())
    assert res["ALL"]["article"]["f1"] == 1.0


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert "article" in schema["properties"]


def test_missing_file_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", "/nonexistent/page.txt"]) == 2
    assert "textclean:" in capsys.readouterr().err


def test_bad_config_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cfg = tmp_path / "p.toml"
    cfg.write_text('[[filters]]\nname = "nope"\n')
    assert main(["clean", SEED, "--config", str(cfg)]) == 2
    assert "unknown filter" in capsys.readouterr().err


def test_batch_reads_common_crawl_wet(tmp_path: Path) -> None:
    page = Path(SEED).read_text(encoding="utf-8").encode()
    records = b""
    for uri, body, kind in (
        ("https://a.example/1", page, b"conversion"),
        ("https://a.example/1", b"", b"warcinfo"),
    ):
        records += (
            b"WARC/1.0\r\nWARC-Type: "
            + kind
            + b"\r\nWARC-Target-URI: "
            + uri.encode()
            + b"\r\nContent-Length: "
            + str(len(body)).encode()
            + b"\r\n\r\n"
            + body
            + b"\r\n\r\n"
        )
    src = tmp_path / "x.warc.wet.gz"
    src.write_bytes(gzip.compress(records))
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 1
    assert rows[0]["url"] == "https://a.example/1"
    assert rows[0]["article"]["title"].startswith("US-led")


def test_batch_with_workers_keeps_order(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    texts = [
        f"Home\nParagraph number {k} of the page tells its own story at some length.\n"
        for k in range(6)
    ]
    src.write_text(
        "".join(json.dumps({"id": str(k), "text": t}) + "\n" for k, t in enumerate(texts))
    )
    out = tmp_path / "out.jsonl"
    assert main(["clean", str(src), "-o", str(out), "--jobs", "2"]) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == [str(k) for k in range(6)]


def test_clean_a_gzipped_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "page.txt.gz"
    src.write_bytes(gzip.compress(Path(SEED).read_bytes()))
    assert main(["clean", str(src), "--format", "text"]) == 0
    assert capsys.readouterr().out.startswith("US-led Coalition Shares Footage")


def test_clean_a_cut_gzipped_page_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "page.txt.gz"
    src.write_bytes(gzip.compress(Path(SEED).read_bytes())[:-30])
    assert main(["clean", str(src)]) == 2
    assert "cut short" in capsys.readouterr().err
