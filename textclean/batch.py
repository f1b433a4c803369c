"""A batch run: inputs of any kind in, one output record per page out, nothing lost.

`run_batch` reads the inputs as a stream (`textclean.sources`), cleans them over
warm workers (`textclean.parallel`), writes each record as the worker made it,
sends every failure -- a page that raised or timed out, a damaged container --
to the errors file, and ends with a summary.

An output record holds the page's `id`, `url`, `source` and `record` number, the
fields kept from the input, `article`, `comments`, `removed_counts` (removed
spans by category), `language`, `style`, `length` and the `seconds` it took:

>>> from textclean import clean
>>> doc = clean("Menu\\n\\nThe council met on Tuesday and agreed the budget for next year.\\n")
>>> payload, counts = RecordFormat("json")(doc, {"id": "a", "url": None}, 0.01)
>>> rec = json.loads(payload)
>>> rec["id"], rec["article"]["text"][:11], rec["removed_counts"], counts
('a', 'The council', {'navigation': 1}, {'navigation': 1})
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

from .models import Document
from .parallel import Failure, Job, WorkerPool, WorkerSpec
from .pipeline import Pipeline
from .sources import MISSING, PageRecord, SourceError, get_path, read_inputs

FORMATS = ("jsonl", "json", "parquet", "text")
WARC_FIELDS = ("warc_record_id", "warc_date", "warc_language")
# names of the output record; a kept input field may not take one
RESERVED = frozenset(
    {"id", "url", "source", "record", "article", "comments", "removed_counts", "language",
     "style", "length", "seconds", "declared_comment_count", "notes", *WARC_FIELDS}
)


def document_as_text(doc: Document) -> str:
    """The article, then the comments, as plain text for reading.

    >>> from textclean import clean
    >>> doc = clean("Menu\\n\\nThe council met and agreed the budget for the year.\\n")
    >>> document_as_text(doc)
    '\\nThe council met and agreed the budget for the year.\\n\\n'
    """
    out: list[str] = []
    art = doc.article
    if art is not None:
        if art.title:
            out += [art.title, "=" * min(len(art.title), 79)]
        meta = " | ".join(
            x for x in (art.byline, art.published.raw if art.published else None) if x
        )
        if meta:
            out.append(meta)
        out.append("")
        out += [p + "\n" for p in art.paragraphs]
        out += [f"[caption] {c}" for c in art.captions]
    else:
        out.append("(no article found)")
    if doc.comments:
        count = f" (page says {doc.declared_comment_count})" if doc.declared_comment_count else ""
        out += ["", f"--- {len(doc.comments)} comments{count} ---"]
        for c in doc.comments:
            head = "  " * c.depth + " | ".join(
                x
                for x in (
                    c.author,
                    c.posted.raw if c.posted else None,
                    f"{c.votes} votes" if c.votes is not None else None,
                )
                if x
            )
            out += ["", head] + ["  " * c.depth + p for p in c.paragraphs]
    return "\n".join(out) + "\n"


@dataclass(frozen=True)
class RecordFormat:
    """Runs in the worker: a Document and its envelope to output bytes (JSON or
    text) plus the removed-span counts for the summary, so the parent only writes."""

    kind: str = "json"

    def __call__(
        self, doc: Document, envelope: dict[str, Any], seconds: float
    ) -> tuple[bytes, dict[str, int]]:
        counts = dict(Counter(r.category for r in doc.removed))
        if self.kind == "text":
            head = f"### {envelope.get('id')} {envelope.get('url') or ''}".rstrip()
            return (head + "\n" + document_as_text(doc) + "\n").encode(), counts
        record: dict[str, Any] = {
            **envelope,
            "language": doc.language,
            "style": doc.style,
            "length": doc.length,
            "declared_comment_count": doc.declared_comment_count,
            "removed_counts": counts,
            "notes": [n.model_dump() for n in doc.notes],
            "seconds": round(seconds, 6),
        }
        article = doc.article.model_dump_json() if doc.article is not None else "null"
        comments = ",".join(c.model_dump_json() for c in doc.comments)
        text = json.dumps(record, ensure_ascii=False)[:-1]
        return f'{text},"article":{article},"comments":[{comments}]}}'.encode(), counts


# -- writers ---------------------------------------------------------------


class Writer:
    """Where output records go; `write` takes the bytes a worker made."""

    def write(self, payload: bytes) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass


class StreamWriter(Writer):
    """JSONL or text, to a file (gzipped when its name ends in `.gz`) or stdout."""

    def __init__(self, out: IO[bytes], *, separator: bytes = b"\n", close: bool = True) -> None:
        self.out = out
        self.separator = separator
        self._close = close

    def write(self, payload: bytes) -> None:
        self.out.write(payload)
        self.out.write(self.separator)

    def close(self) -> None:
        if self._close:
            self.out.close()
        else:
            self.out.flush()


class JsonArrayWriter(StreamWriter):
    """One JSON array of records, written as they come."""

    def __init__(self, out: IO[bytes], *, close: bool = True) -> None:
        super().__init__(out, close=close)
        self.first = True
        out.write(b"[")

    def write(self, payload: bytes) -> None:
        self.out.write(b"\n" if self.first else b",\n")
        self.first = False
        self.out.write(payload)

    def close(self) -> None:
        self.out.write(b"\n]\n")
        super().close()


class ParquetWriter(Writer):
    """Parquet (pyarrow, the `parquet` extra): flat columns, `article` a struct,
    `comments` a list of structs, kept fields as text; row groups of `batch` rows.
    The parent parses each record back from JSON here (Parquet is columnar)."""

    def __init__(self, path: Path, kept: Sequence[str], *, batch: int = 512) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.pa = pa
        self.kept = list(kept)
        posted = pa.string()
        self.schema = pa.schema(
            [
                ("id", pa.string()),
                ("url", pa.string()),
                ("source", pa.string()),
                ("record", pa.int64()),
                # WARC/WET headers (null for other inputs), then the kept fields
                *[(name, pa.string()) for name in WARC_FIELDS],
                *[(name, pa.string()) for name in self.kept],
                ("language", pa.string()),
                ("style", pa.string()),
                ("length", pa.int64()),
                ("seconds", pa.float64()),
                ("declared_comment_count", pa.int64()),
                ("removed_counts", pa.map_(pa.string(), pa.int64())),
                (
                    "article",
                    pa.struct(
                        [
                            ("title", pa.string()),
                            ("subtitle", pa.string()),
                            ("byline", pa.string()),
                            ("published", posted),
                            ("text", pa.string()),
                            ("paragraphs", pa.list_(pa.string())),
                            ("captions", pa.list_(pa.string())),
                            ("language", pa.string()),
                        ]
                    ),
                ),
                (
                    "comments",
                    pa.list_(
                        pa.struct(
                            [
                                ("index", pa.int64()),
                                ("author", pa.string()),
                                ("posted", posted),
                                ("text", pa.string()),
                                ("votes", pa.int64()),
                                ("likes", pa.int64()),
                                ("parent", pa.int64()),
                                ("depth", pa.int64()),
                            ]
                        )
                    ),
                ),
            ]
        )
        self.writer = pq.ParquetWriter(path, self.schema)
        self.rows: list[dict[str, Any]] = []
        self.batch = batch

    def write(self, payload: bytes) -> None:
        rec = json.loads(payload)
        row = {name: rec.get(name) for name in self.schema.names}
        for name in self.kept:
            value = row[name]
            row[name] = value if value is None or isinstance(value, str) else json.dumps(value)
        row["removed_counts"] = list(rec["removed_counts"].items())
        art = rec.get("article")
        if art is not None:
            art["published"] = (art.get("published") or {}).get("raw")
        for c in rec.get("comments") or []:
            c["posted"] = (c.get("posted") or {}).get("raw")
        self.rows.append(row)
        if len(self.rows) >= self.batch:
            self._flush()

    def _flush(self) -> None:
        if self.rows:
            self.writer.write_table(self.pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self._flush()
        self.writer.close()


def format_for(path: str | None, explicit: str | None) -> str:
    """The output format: as asked, else told by the output's name, else JSONL.

    >>> format_for("out.parquet", None), format_for("out.jsonl.gz", None), format_for(None, "text")
    ('parquet', 'jsonl', 'text')
    """
    if explicit:
        return explicit
    if path:
        name = path.lower().removesuffix(".gz")
        if name.endswith(".parquet"):
            return "parquet"
        if name.endswith(".json"):
            return "json"
        if name.endswith(".txt"):
            return "text"
    return "jsonl"


def open_writer(path: str | None, fmt: str, kept: Sequence[str]) -> Writer:
    """A writer for `fmt` at `path` (None or "-": stdout); `.gz` names are gzipped."""
    if fmt == "parquet":
        if not path or path == "-":
            raise ValueError("Parquet output needs a file: -o OUT.parquet")
        return ParquetWriter(Path(path), kept)
    to_stdout = not path or path == "-"
    out: IO[bytes]
    if to_stdout:
        out = sys.stdout.buffer
    elif path and path.endswith(".gz"):
        out = cast(IO[bytes], gzip.open(path, "wb"))  # noqa: SIM115 - closed by the writer
    else:
        out = open(path or "", "wb")  # noqa: SIM115 - closed by the writer
    if fmt == "json":
        return JsonArrayWriter(out, close=not to_stdout)
    return StreamWriter(out, close=not to_stdout)


# -- the run ---------------------------------------------------------------


@dataclass
class Summary:
    """What a run did: documents written, failures, time, removed spans by category."""

    documents: int = 0
    failures: int = 0
    source_errors: int = 0
    seconds: float = 0.0
    bytes_in: int = 0
    removed: Counter[str] = field(default_factory=Counter)

    def __str__(self) -> str:
        rate = self.documents / self.seconds if self.seconds else 0.0
        mbs = self.bytes_in / 1e6 / self.seconds if self.seconds else 0.0
        top = ", ".join(f"{k} {v}" for k, v in self.removed.most_common())
        return (
            f"{self.documents} documents, {self.failures} failed, "
            f"{self.source_errors} damaged in the input; {self.seconds:.1f} s "
            f"({rate:.1f} docs/s, {mbs:.2f} MB/s)"
            + (f"\nremoved spans: {top}" if top else "")
        )

    @property
    def ok(self) -> bool:
        return not (self.failures or self.source_errors)


def _envelope(rec: PageRecord, keep: Sequence[str]) -> dict[str, Any]:
    env: dict[str, Any] = {
        "id": rec.id,
        "url": rec.url,
        "source": rec.source,
        "record": rec.number,
    }
    env.update(rec.meta)
    for name in keep:
        value = get_path(rec.fields, name)
        env[name] = None if value is MISSING else value
    return env


class ErrorSink:
    """Failures as JSONL to a file, or one line each to stderr."""

    def __init__(self, path: str | None) -> None:
        self.out: IO[str] | None = open(path, "w", encoding="utf-8") if path else None  # noqa: SIM115
        self.bar: Any = None  # a progress bar to print above, when one is shown

    def add(self, failure: Failure | SourceError) -> None:
        if isinstance(failure, SourceError):
            row = {
                "source": failure.source,
                "record": failure.number,
                "offset": failure.offset,
                "id": None,
                "reason": failure.reason,
                "kind": "input",
            }
        else:
            row = {**failure.as_dict(), "kind": "cleaning"}
        if self.out is not None:
            self.out.write(json.dumps(row, ensure_ascii=False) + "\n")
            self.out.flush()
        elif self.bar is not None:
            self.bar.write(f"textclean: {failure}", file=sys.stderr)
        else:
            print(f"textclean: {failure}", file=sys.stderr)

    def close(self) -> None:
        if self.out is not None:
            self.out.close()


def _progress(enabled: bool, total: int | None) -> Any:
    if not enabled:
        return None
    try:
        import tqdm
    except ImportError:  # pragma: no cover - tqdm is a core dependency
        return None
    tqdm.tqdm.monitor_interval = 0  # no monitor thread: workers may still be forked
    return tqdm.tqdm(total=total, unit="B", unit_scale=True, desc="cleaning", file=sys.stderr)


def run_batch(
    inputs: Sequence[str],
    *,
    output: str | None,
    fmt: str,
    pipeline: Pipeline,
    jobs: int = 1,
    text_field: str = "text",
    id_field: str = "id",
    keep: Sequence[str] = (),
    glob: str = "**/*",
    errors: str | None = None,
    timeout: float | None = 60.0,
    progress: bool = False,
    start_method: str | None = None,
) -> Summary:
    """Clean every page of `inputs` into `output`; see the module's doc."""
    summary = Summary()
    started = time.perf_counter()
    sink = ErrorSink(errors)
    spec = WorkerSpec(pipeline, RecordFormat("text" if fmt == "text" else "json"), timeout)
    total = _total_bytes(inputs)

    def jobs_from(items: Iterable[PageRecord | SourceError]) -> Iterator[Job]:
        for item in items:
            if isinstance(item, SourceError):
                summary.source_errors += 1
                sink.add(item)
                continue
            yield Job(
                item.text,
                _envelope(item, keep),
                Failure(reason="", source=item.source, number=item.number,
                        offset=item.offset, id=item.id),
            )

    writer = open_writer(output, fmt, keep)
    bar = None
    try:
        with WorkerPool(spec, jobs=jobs, start_method=start_method) as pool:
            bar = sink.bar = _progress(progress, total)  # after the fork: tqdm may start threads
            items = read_inputs(inputs, text_field=text_field, id_field=id_field, glob=glob)
            for job, (ok, result, _seconds) in pool.run(jobs_from(items)):
                size = len(job.text)
                summary.bytes_in += size
                if ok:
                    payload, counts = result
                    writer.write(payload)
                    summary.documents += 1
                    summary.removed.update(counts)
                else:
                    summary.failures += 1
                    w = job.where
                    sink.add(Failure(result, w.source, w.number, w.offset, w.id))
                if bar is not None:
                    bar.set_postfix(docs=summary.documents, failed=summary.failures, refresh=False)
                    bar.update(size)
    finally:
        if bar is not None:
            bar.close()
        writer.close()
        sink.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _total_bytes(inputs: Sequence[str]) -> int | None:
    """The inputs' size on disk, for the progress bar's ETA; None when unknown
    (stdin, folders, gzipped files whose text is larger than the file)."""
    total = 0
    for name in inputs:
        path = Path(name)
        if name == "-" or not path.is_file() or name.endswith(".gz"):
            return None
        if path.suffix == ".parquet":
            return None
        total += path.stat().st_size
    return total
