"""textclean as a datatrove step, on a small local pipeline: JSONL in, JSONL out."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from .conftest import FIXTURES

pytest.importorskip("datatrove", reason="the datatrove extra is not installed")


def test_local_pipeline_cleans_text_and_fills_metadata(tmp_path: Path) -> None:
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from textclean.datatrove import TextcleanExtractor

    seed = (FIXTURES / "southfront-syria-strikes.txt").read_text(encoding="utf-8")
    src = tmp_path / "in"
    src.mkdir()
    (src / "pages.jsonl").write_text(
        json.dumps({"id": "seed", "text": seed})
        + "\n"
        + json.dumps({"id": "menu", "text": "Home\nAbout\nContact\n"})
        + "\n"
    )
    out = tmp_path / "out"
    LocalPipelineExecutor(
        pipeline=[JsonlReader(str(src)), TextcleanExtractor(), JsonlWriter(str(out))],
        tasks=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    rows = [
        json.loads(line)
        for path in sorted(out.glob("*.jsonl.gz"))
        for line in gzip.decompress(path.read_bytes()).decode().splitlines()
    ]
    assert [r["id"] for r in rows] == ["seed"]  # the page with no article is dropped, counted
    meta = rows[0]["metadata"]["textclean"]
    assert rows[0]["text"].startswith("US-led Coalition")
    assert "Notify of" not in rows[0]["text"]
    assert meta["article"]["title"].startswith("US-led")
    assert meta["comments"] and meta["removed_counts"]["donation"] >= 1
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    counted = json.dumps(stats)
    assert "no_article" in counted


def test_a_failing_page_is_counted_and_kept_when_asked() -> None:
    from datatrove.data import Document as DatatroveDocument

    from textclean.datatrove import TextcleanExtractor

    step = TextcleanExtractor(keep_failures=True)
    docs = [DatatroveDocument(text=b"\xff" * 3, id="x")]  # type: ignore[arg-type]
    docs[0].text = 42  # type: ignore[assignment]  # not a page at all
    (out,) = list(step.run(iter(docs)))
    assert "InputError" in out.metadata["textclean_error"]
    assert step.stats["clean_error"].total == 1
