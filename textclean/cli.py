"""The `textclean` console script, thin over the API.

textclean clean PAGE.txt                 # the Document as JSON
textclean clean - --format text < PAGE   # the article, then the comments
textclean clean IN.jsonl.gz CC.warc.wet.gz pages/ -o OUT.jsonl.gz --jobs 2
textclean explain PAGE.txt               # every line, its label, filter and reason
textclean eval CORPUS.jsonl.gz           # the referee's metric on a gold corpus
textclean schema                         # the Document JSON Schema
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__, clean
from .batch import FORMATS, RESERVED, document_as_text, format_for, run_batch
from .evaluation import evaluate, format_report, read_records
from .explain import explain_page
from .filters import default_pipeline
from .models import Document
from .pipeline import ConfigError, Pipeline
from .segment import InputError
from .sources import kind_of, open_bytes

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
    with open_bytes(source) as f:  # a gzipped page is read through
        data = f.read()
    if f.damage:
        raise InputError(f"{source}: {f.damage}")
    return data


def _pipeline(config: str | None) -> Pipeline:
    return Pipeline.from_config(config) if config else default_pipeline()


def _single_page(args: argparse.Namespace) -> bool:
    """`clean FILE` (or `-`) without -o prints that page's Document, as it always did."""
    if args.output or len(args.inputs) != 1:
        return False
    only = args.inputs[0]
    return only == "-" or (Path(only).is_file() and kind_of(only) == "text")


def cmd_clean(args: argparse.Namespace) -> int:
    if _single_page(args):
        if args.format not in (None, "json", "jsonl", "text"):
            raise UsageError(f"--format {args.format} needs -o OUT")
        doc = clean(_read(args.inputs[0]), pipeline=_pipeline(args.config))
        if args.format == "text":
            sys.stdout.write(document_as_text(doc))
        else:
            exclude = None if args.segments else {"segments"}
            sys.stdout.write(doc.model_dump_json(indent=2, exclude=exclude) + "\n")
        return 0
    return cmd_batch(args)


class UsageError(Exception):
    """A command line that cannot run; said before any work is done."""


def _check_paths(args: argparse.Namespace, keep: list[str]) -> None:
    for name in args.inputs:
        if name != "-" and not Path(name).exists():
            raise UsageError(f"no such input: {name}")
    if args.inputs.count("-") > 1:
        raise UsageError("standard input (-) can be read once")
    clash = sorted(set(keep) & RESERVED)
    if clash:
        raise UsageError(f"--keep-fields {','.join(clash)}: the output record has these names")
    for target, what in ((args.output, "output"), (args.errors, "errors file")):
        if not target or target == "-":
            continue
        out = Path(target).resolve()
        for name in args.inputs:
            if name == "-":
                continue
            src = Path(name).resolve()
            if out == src or (src.is_dir() and src in out.parents):
                raise UsageError(f"the {what} {target} is also an input ({name}); not overwritten")
        if out.exists() and not args.force:
            raise UsageError(f"the {what} {target} exists; add --force to overwrite it")
    if args.output and args.errors and Path(args.output).resolve() == Path(args.errors).resolve():
        raise UsageError("the output and the errors file are the same file")


def cmd_batch(args: argparse.Namespace) -> int:
    keep = [k for k in (args.keep_fields or "").split(",") if k]
    _check_paths(args, keep)
    fmt = format_for(args.output, args.format)
    summary = run_batch(
        args.inputs,
        output=args.output,
        fmt=fmt,
        pipeline=_pipeline(args.config),
        jobs=args.jobs or os.cpu_count() or 1,
        text_field=args.text_field,
        id_field=args.id_field,
        keep=keep,
        glob=args.glob,
        errors=args.errors,
        timeout=args.timeout or None,
        progress=not args.quiet and sys.stderr.isatty(),
    )
    if not args.quiet or not summary.ok:
        print(summary, file=sys.stderr)
    return 0 if summary.ok else 1


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


def _clean_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="text file, folder, - (stdin), JSONL(.gz), WARC/WET(.gz), Parquet",
    )
    p.add_argument("-o", "--output", help="output file (.jsonl, .jsonl.gz, .json, .parquet, .txt)")
    p.add_argument("--format", choices=FORMATS, help="output format (default: by -o's name)")
    p.add_argument("--segments", action="store_true", help="include the full partition in JSON")
    p.add_argument("--jobs", "--workers", type=int, help="processes (default: all cores)")
    p.add_argument("--text-field", "--field", default="text", help="JSONL/Parquet text field")
    p.add_argument("--id-field", default="id", help="JSONL/Parquet id field")
    p.add_argument("--keep-fields", help="input fields to copy into each record: a,b.c")
    p.add_argument("--glob", default="**/*", help="files to read in a folder (default: all)")
    p.add_argument("--errors", help="write failures here as JSONL (default: stderr)")
    p.add_argument("--timeout", type=float, default=60.0, help="seconds per page (0: none)")
    p.add_argument("--force", action="store_true", help="overwrite an existing output")
    p.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    p.add_argument("--config", help="pipeline configuration (TOML or JSON)")


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="textclean", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--version", action="version", version=f"textclean {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    for name, help in (
        ("clean", "clean pages: one file to stdout, or files, folders, JSONL, WET, Parquet"),
        ("batch", "the same as clean (kept for old scripts)"),
    ):
        p = sub.add_parser(name, help=help)
        _clean_arguments(p)
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
    except (InputError, ConfigError, OSError, KeyError, ValueError, UsageError) as err:
        if isinstance(err, BrokenPipeError):
            return _closed_pipe()
        print(f"textclean: {err}", file=sys.stderr)
        return 2
    except RuntimeError as err:  # e.g. workers that could not start
        print(f"textclean: {err}", file=sys.stderr)
        return 2


def _closed_pipe() -> int:
    """The reader went away (`| head`): stop quietly. Point stdout at /dev/null so
    the interpreter's last flush does not report the broken pipe either."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
