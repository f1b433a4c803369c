"""The `textclean` console script, thin over the API.

textclean clean PAGE.txt                 # the Document as JSON
textclean clean - --format text < PAGE   # the article, then the comments
textclean explain PAGE.txt               # every line, its label, filter and reason
textclean batch IN.jsonl.gz OUT.jsonl --field text
textclean eval CORPUS.jsonl.gz           # the referee's metric on a gold corpus
textclean schema                         # the Document JSON Schema
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from . import clean, clean_many
from .evaluation import evaluate, format_report, read_records
from .explain import explain_page
from .io import PageRecord, read_pages
from .models import Document
from .pipeline import ConfigError, Pipeline, default_pipeline
from .segment import InputError

_COLOURS = {
    "article": "32",
    "title": "1;32",
    "byline": "36",
    "date": "36",
    "caption": "33",
    "comment": "35",
    "comments.header": "1;35",
    "boilerplate": "2",
    "removed": "2",
    "blank": "2",
}


def _read(source: str) -> bytes:
    if source == "-":
        return sys.stdin.buffer.read()
    return Path(source).read_bytes()


def _pipeline(config: str | None) -> Pipeline:
    return Pipeline.from_config(config) if config else default_pipeline()


def _as_text(doc: Document) -> str:
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


def cmd_clean(args: argparse.Namespace) -> int:
    doc = clean(_read(args.file), pipeline=_pipeline(args.config))
    if args.format == "text":
        sys.stdout.write(_as_text(doc))
    else:
        exclude = None if args.segments else {"segments"}
        sys.stdout.write(doc.model_dump_json(indent=2, exclude=exclude) + "\n")
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    from .display.terminal import print_explanation, select

    page = _pipeline(args.config).judge(_read(args.file))
    rows = select(explain_page(page), only=args.only, filter=args.filter)
    colour = {"always": True, "never": False}.get(args.color)
    try:
        print_explanation(rows, sys.stdout, colour=colour, filter=args.filter)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader left (| head): send what is still buffered nowhere, quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    pipeline = _pipeline(args.config)
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")  # noqa: SIM115
    n = failed = 0
    records = read_pages(args.input, args.field, args.id_field)
    if args.workers > 1:
        pending, feed = itertools.tee(records)
        results: Iterator[tuple[PageRecord, Document | None]] = zip(
            pending,
            clean_many((r.text for r in feed), pipeline=pipeline, workers=args.workers),
            strict=True,
        )
    else:
        results = ((r, None) for r in records)
    try:
        for rec, done in results:
            try:
                doc = done if done is not None else pipeline.run(rec.text)
            except Exception as err:  # one bad page must not end a million-page job
                failed += 1
                print(f"textclean: {rec.id}: {type(err).__name__}: {err}", file=sys.stderr)
                continue
            payload = json.loads(doc.model_dump_json(exclude={"segments"}))
            payload["id"] = rec.id
            if rec.url:
                payload["url"] = rec.url
            out.write(json.dumps(payload, ensure_ascii=False) + "\n")
            n += 1
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"{n} documents, {failed} failed", file=sys.stderr)
    return 1 if failed else 0


def cmd_eval(args: argparse.Namespace) -> int:
    pipeline = _pipeline(args.config)
    res = evaluate(read_records(args.corpus, args.limit), pipeline.run)
    print(format_report(res))
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=1))
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    print(json.dumps(Document.model_json_schema(mode="serialization"), indent=2))
    return 0


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="textclean", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("clean", help="clean one page dump")
    p.add_argument("file", help="a text file, or - for standard input")
    p.add_argument("--format", choices=("json", "text"), default="json")
    p.add_argument("--segments", action="store_true", help="include the full partition in JSON")
    p.add_argument("--config", help="pipeline configuration (TOML or JSON)")
    p.set_defaults(run=cmd_clean)

    p = sub.add_parser("explain", help="every line with its label, filter and reason")
    p.add_argument("file", help="a text file, or - for standard input")
    p.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="auto: colour on a terminal, unless NO_COLOR is set",
    )
    p.add_argument(
        "--only", choices=("removed", "article", "comments"), help="show only these lines"
    )
    p.add_argument("--filter", help="show only lines this filter decided or was overruled on")
    p.add_argument("--config")
    p.set_defaults(run=cmd_explain)

    p = sub.add_parser("batch", help="clean every page of a JSONL(.gz) or WET(.gz) file")
    p.add_argument("input")
    p.add_argument("output", nargs="?", default="-")
    p.add_argument("--field", default="text", help="the field holding the page text")
    p.add_argument("--id-field", default="id")
    p.add_argument("--workers", type=int, default=1, help="processes to clean pages in")
    p.add_argument("--config")
    p.set_defaults(run=cmd_batch)

    p = sub.add_parser("eval", help="score against a gold corpus with the referee's metric")
    p.add_argument("corpus", help="JSONL(.gz) with dump, source and gold fields")
    p.add_argument("--limit", type=int)
    p.add_argument("--json", help="also write the figures here")
    p.add_argument("--config")
    p.set_defaults(run=cmd_eval)

    p = sub.add_parser("schema", help="print the Document JSON Schema")
    p.set_defaults(run=cmd_schema)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except (InputError, ConfigError, OSError, KeyError) as err:
        print(f"textclean: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into head
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
