"""Batch runs: nothing overwritten, nothing lost, any number of workers."""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from textclean import CleaningError, Failure, Filter, Page, clean_many, default_pipeline
from textclean.batch import run_batch
from textclean.cli import main
from textclean.models import Document

from .conftest import FIXTURES
from .test_sources import make_wet, pages

SEED = FIXTURES / "southfront-syria-strikes.txt"
ROOT = Path(__file__).resolve().parent.parent


class Trap(Filter):
    """Misbehaves on pages that ask for it: raises, hangs, or kills its process."""

    name = "trap"

    def apply(self, page: Page) -> None:
        if "RAISE-HERE" in page.text:
            raise ValueError("a bug in a filter")
        if "SLEEP-HERE" in page.text:
            time.sleep(30)
        if "DIE-HERE" in page.text:
            os._exit(3)


TRAPPED = default_pipeline().append(Trap())


def jsonl(path: Path, texts: list[str]) -> Path:
    path.write_text(
        "".join(json.dumps({"id": str(k), "text": t}) + "\n" for k, t in enumerate(texts))
    )
    return path


def texts(n: int, bad: dict[int, str] | None = None) -> list[str]:
    out = [p.decode() for p in pages(n)]
    for k, marker in (bad or {}).items():
        out[k] = f"Home\n{marker} in a paragraph long enough to be the article.\n"
    return out


def rows(path: Path) -> list[dict[str, object]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


# -- the command line: nothing overwritten ----------------------------------


def test_two_wet_inputs_are_both_read_and_neither_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.warc.wet.gz", tmp_path / "b.warc.wet.gz"
    make_wet(a, pages(2))
    make_wet(b, pages(3))
    before = b.read_bytes()
    assert main(["batch", str(a), str(b), "--quiet"]) == 0
    assert b.read_bytes() == before
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["source"] for r in out] == [str(a)] * 2 + [str(b)] * 3


def test_output_that_is_an_input_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = jsonl(tmp_path / "in.jsonl", texts(2))
    before = src.read_bytes()
    assert main(["clean", str(src), "-o", str(src), "--force"]) == 2
    assert "also an input" in capsys.readouterr().err
    assert src.read_bytes() == before


def test_existing_output_needs_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = jsonl(tmp_path / "in.jsonl", texts(2))
    out = tmp_path / "out.jsonl"
    out.write_text("precious\n")
    assert main(["clean", str(src), "-o", str(out)]) == 2
    assert out.read_text() == "precious\n"
    assert "--force" in capsys.readouterr().err
    assert main(["clean", str(src), "-o", str(out), "--force", "--quiet"]) == 0
    assert len(rows(out)) == 2


def test_gz_output_is_gzipped(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "in.jsonl", texts(3))
    out = tmp_path / "out.jsonl.gz"
    assert main(["clean", str(src), "-o", str(out), "--quiet"]) == 0
    assert out.read_bytes()[:2] == b"\x1f\x8b"
    assert [r["id"] for r in rows(out)] == ["0", "1", "2"]


def test_output_record_fields(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    rec = {
        "id": "x",
        "url": "https://e.example/x",
        "text": SEED.read_text(),
        "lang": "en",
        "meta": {"crawl": "CC-1"},
        "drop": "me",
    }
    src.write_text(json.dumps(rec) + "\n")
    out = tmp_path / "out.jsonl"
    assert (
        main(["clean", str(src), "-o", str(out), "--keep-fields", "lang,meta.crawl", "--quiet"])
        == 0
    )
    (row,) = rows(out)
    assert row["id"] == "x" and row["url"] == "https://e.example/x"
    assert row["lang"] == "en" and row["meta.crawl"] == "CC-1" and "drop" not in row
    assert row["article"]["title"].startswith("US-led")  # type: ignore[index]
    assert row["comments"] and row["removed_counts"]["donation"] >= 1  # type: ignore[index]
    assert isinstance(row["seconds"], float)


def test_keep_field_with_a_reserved_name_is_refused(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "in.jsonl", texts(1))
    assert (
        main(["clean", str(src), "-o", str(tmp_path / "o.jsonl"), "--keep-fields", "article"]) == 2
    )


def test_json_and_text_formats(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "in.jsonl", texts(2))
    out = tmp_path / "out.json"
    assert main(["clean", str(src), "-o", str(out), "--quiet"]) == 0
    assert [r["id"] for r in json.loads(out.read_text())] == ["0", "1"]
    txt = tmp_path / "out.txt"
    assert main(["clean", str(src), "-o", str(txt), "--quiet"]) == 0
    assert txt.read_text().count("### ") == 2


def test_parquet_output_keeps_the_warc_headers(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    wet = tmp_path / "x.warc.wet.gz"
    make_wet(wet, pages(2))
    out = tmp_path / "out.parquet"
    assert main(["clean", str(wet), "-o", str(out), "--quiet"]) == 0
    table = pq.read_table(out).to_pylist()
    assert [r["warc_language"] for r in table] == ["eng", "eng"]
    assert table[0]["warc_record_id"].startswith("<urn:uuid:")


def test_parquet_output(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "s", "text": SEED.read_text()})
        + "\n"
        + json.dumps({"id": "e", "text": ""})
        + "\n"
    )
    out = tmp_path / "out.parquet"
    assert main(["clean", str(src), "-o", str(out), "--quiet"]) == 0
    assert out.read_bytes()[:4] == b"PAR1"
    table = pq.read_table(out).to_pylist()
    assert [r["id"] for r in table] == ["s", "e"]
    assert table[0]["article"]["title"].startswith("US-led")
    assert table[0]["comments"][0]["text"]
    assert table[1]["article"] is None


def test_stdin_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED.read_bytes())))
    out = tmp_path / "out.jsonl"
    assert main(["clean", "-", "-o", str(out), "--quiet"]) == 0
    (row,) = rows(out)
    assert row["source"] == "-" and row["article"]["title"].startswith("US-led")  # type: ignore[index]


def test_folder_input(tmp_path: Path) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "in" / "sub" / "b.txt").write_text(texts(1)[0])
    out = tmp_path / "out.jsonl"
    assert (
        main(["clean", str(tmp_path / "in"), "-o", str(out), "--glob", "**/*.txt", "--quiet"]) == 0
    )
    assert sorted(Path(str(r["source"])).name for r in rows(out)) == ["a.txt", "b.txt"]


def test_output_inside_an_input_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    assert main(["clean", str(tmp_path), "-o", str(tmp_path / "out.jsonl")]) == 2


# -- nothing lost ------------------------------------------------------------


def test_damaged_inputs_are_reported_and_the_run_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wet = tmp_path / "cut.warc.wet.gz"
    make_wet(wet, pages(4))
    data = wet.read_bytes()
    wet.write_bytes(data[:-40])
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": "Home\nok\n"})
        + "\n{oops\n"
        + json.dumps({"id": "c", "text": None})
        + "\n"
    )
    out, errs = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    code = main(["clean", str(wet), str(src), "-o", str(out), "--errors", str(errs), "--jobs", "2"])
    assert code == 1
    assert len(rows(out)) == 3 + 1
    failures = rows(errs)
    assert {f["source"] for f in failures} == {str(wet), str(src)}
    assert {f["record"] for f in failures if f["source"] == str(src)} == {2, 3}
    assert all(f["reason"] for f in failures)
    summary = capsys.readouterr().err
    assert "4 documents" in summary and "damaged in the input" in summary


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_raising_record_is_recorded_with_any_number_of_workers(tmp_path: Path, jobs: int) -> None:
    src = jsonl(tmp_path / "in.jsonl", texts(12, {5: "RAISE-HERE"}))
    out, errs = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    summary = run_batch(
        [str(src)], output=str(out), fmt="jsonl", pipeline=TRAPPED, jobs=jobs, errors=str(errs)
    )
    assert summary.documents == 11 and summary.failures == 1 and not summary.ok
    assert [r["id"] for r in rows(out)] == [str(k) for k in range(12) if k != 5]
    (failure,) = rows(errs)
    assert failure["record"] == 6 and failure["source"] == str(src) and failure["offset"]
    assert "ValueError: a bug in a filter" in str(failure["reason"])


def test_a_record_past_the_timeout_is_recorded(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "in.jsonl", texts(4, {1: "SLEEP-HERE"}))
    out, errs = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    summary = run_batch(
        [str(src)],
        output=str(out),
        fmt="jsonl",
        pipeline=TRAPPED,
        jobs=2,
        errors=str(errs),
        timeout=1.0,
    )
    assert summary.documents == 3 and summary.failures == 1
    assert "TimeoutError" in str(rows(errs)[0]["reason"])


def test_a_dying_worker_fails_only_its_pages(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "in.jsonl", texts(20, {7: "DIE-HERE"}))
    out, errs = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    summary = run_batch(
        [str(src)], output=str(out), fmt="jsonl", pipeline=TRAPPED, jobs=2, errors=str(errs)
    )
    written = [r["id"] for r in rows(out)]
    failed = [r["record"] for r in rows(errs)]
    assert summary.failures == len(failed) >= 1 and 8 in failed
    assert len(written) + len(failed) == 20  # every page is in one file or the other
    assert "worker process died" in str(rows(errs)[0]["reason"])


# -- clean_many ----------------------------------------------------------------


def test_clean_many_in_order_with_two_jobs() -> None:
    docs = list(clean_many(texts(30), jobs=2))
    assert [d.article.text.split()[1] for d in docs if isinstance(d, Document) and d.article] == [
        str(k) for k in range(30)
    ]


def test_clean_many_error_policies() -> None:
    pages_in = texts(6, {2: "RAISE-HERE"})
    with pytest.raises(CleaningError, match="record 3"):
        list(clean_many(pages_in, pipeline=TRAPPED, jobs=2))
    assert len(list(clean_many(pages_in, pipeline=TRAPPED, jobs=2, errors="skip"))) == 5
    got = list(clean_many(pages_in, pipeline=TRAPPED, jobs=2, errors="record"))
    assert isinstance(got[2], Failure) and got[2].number == 3
    assert all(isinstance(d, Document) for k, d in enumerate(got) if k != 2)


def run_script(tmp_path: Path, body: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "job.py"
    script.write_text(textwrap.dedent(body))
    return subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )


def test_script_without_main_guard_works_with_the_default_start_method(tmp_path: Path) -> None:
    done = run_script(
        tmp_path,
        """
        import textclean
        docs = list(textclean.clean_many(["Home\\nA paragraph, the article.\\n"] * 5, jobs=2))
        print(len(docs))
    """,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "5"


def test_script_without_main_guard_under_spawn_fails_clearly(tmp_path: Path) -> None:
    # today this respawns crashing children forever; now it stops with a clear message
    done = run_script(
        tmp_path,
        """
        import textclean
        docs = list(textclean.clean_many(["Home\\nText.\\n"] * 5, jobs=2, start_method="spawn"))
    """,
    )
    assert done.returncode != 0
    assert "__main__" in done.stderr


# -- the command line's edges ---------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.startswith("textclean ")


def test_explain_into_head_is_quiet() -> None:
    cmd = f"{sys.executable} -m textclean.cli explain {SEED} | head -1"
    done = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.stdout.count("\n") == 1
    assert "BrokenPipe" not in done.stderr and "Exception ignored" not in done.stderr


def test_batch_into_head_is_quiet(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "in.jsonl", texts(400))
    cmd = f"{sys.executable} -m textclean.cli clean {src} --jobs 2 --quiet | head -1"
    done = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.stdout.count("\n") == 1
    assert "BrokenPipe" not in done.stderr and "Traceback" not in done.stderr


def test_a_page_that_cannot_be_sent_to_a_worker_is_a_failure() -> None:
    got = list(
        clean_many(["Home\nText.\n", lambda: None, "Home\nMore.\n"], jobs=2, errors="record")
    )
    assert isinstance(got[1], Failure) and "InputError" in got[1].reason
    assert isinstance(got[0], Document) and isinstance(got[2], Document)


class Swallow(Filter):
    """A filter that catches every Exception around a slow step."""

    name = "swallow"

    def apply(self, page: Page) -> None:
        if "SLEEP-HERE" in page.text:
            with contextlib.suppress(Exception):
                time.sleep(30)


def test_the_timeout_is_not_swallowed_by_a_filter(tmp_path: Path) -> None:
    src = jsonl(tmp_path / "in.jsonl", texts(2, {0: "SLEEP-HERE"}))
    summary = run_batch(
        [str(src)],
        output=str(tmp_path / "o.jsonl"),
        fmt="jsonl",
        pipeline=default_pipeline().append(Swallow()),
        jobs=1,
        errors=str(tmp_path / "e.jsonl"),
        timeout=0.5,
    )
    assert summary.failures == 1 and summary.documents == 1


@pytest.mark.parametrize("jobs", [1, 2])
def test_input_is_read_only_a_bounded_window_ahead(jobs: int) -> None:
    pulled = 0

    def feed() -> Iterator[str]:
        nonlocal pulled
        for text in texts(300):
            pulled += 1
            yield text

    ahead = [pulled - k for k, _ in enumerate(clean_many(feed(), jobs=jobs), start=1)]
    # at most 4 x jobs chunks of 8 pages in flight, plus the chunk being filled
    assert max(ahead) <= (0 if jobs == 1 else 4 * jobs * 8 + 8)
    assert pulled == 300
