"""Golden dumps for pytest: pin what textclean makes of your own sample pages.

Installed with textclean (entry point ``pytest11``). Point it at a folder of
dumps, ``NAME.txt``; each is cleaned and checked against ``NAME.json`` beside it
(title, deck, byline, date, paragraphs, captions, comments, removed texts).

- ini: ``textclean_goldens = samples/`` (folders, relative to the ini file)
  collects every ``*.txt`` there as a test when pytest visits the folder;
  ``textclean_pipeline = pipeline.toml`` cleans them with that configuration.
- marker: ``@pytest.mark.textclean_goldens("samples/", pipeline=None)`` on a test
  taking ``textclean_golden`` runs it once per dump; call
  ``textclean_golden.check()``.
- ``pytest --textclean-update`` writes the expectations from the current output.
  Nothing else is ever written: hand-written expectations (``*.expect.json``,
  ``known-gaps.json``) are refused.

A failure says which input lines moved between the article, the comments and
the removed text, with the filter and reason that placed them now, and what
else changed field by field.

>>> import textclean
>>> view = golden_view(textclean.clean(
...     "Share this\\n\\nThe council met on Tuesday and agreed the budget for next year.\\n"))
>>> view["article"]["paragraphs"]
['The council met on Tuesday and agreed the budget for next year.']
>>> view["removed"]
['widgets/widget:share: Share this']
"""

from __future__ import annotations

import difflib
import functools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .models import Document
    from .pipeline import Pipeline

# pytest loads this plugin in every run wherever textclean is installed: the package
# itself (patterns, vocabulary, model) is imported only when a golden is checked.

UPDATE_FLAG = "--textclean-update"
PROTECTED_SUFFIXES = (".expect.json", "known-gaps.json")
"""Expectation files people write by hand: the update flag never touches them."""

_MAX_ITEMS = 25  # per section of a failure report; the rest is counted


def golden_view(doc: Document) -> dict[str, Any]:
    """The parts of a Document a golden pins (offsets are left to partition tests,
    so a change reads as content)."""
    art = doc.article
    return {
        "language": doc.language,
        "style": doc.style,
        "article": None
        if art is None
        else {
            "title": art.title,
            "subtitle": art.subtitle,
            "byline": art.byline,
            "published": art.published.raw if art.published else None,
            "paragraphs": art.paragraphs,
            "captions": art.captions,
        },
        "declared_comment_count": doc.declared_comment_count,
        "comments": [
            {
                "author": c.author,
                "posted": c.posted.raw if c.posted else None,
                "votes": c.votes,
                "parent": c.parent,
                "depth": c.depth,
                "text": c.text,
            }
            for c in doc.comments
        ],
        "removed": [
            f"{r.filter}/{r.category}: {r.text.strip()}" for r in doc.removed if r.text.strip()
        ],
    }


def golden_json(doc: Document) -> str:
    """The golden file's text: `golden_view` as indented JSON, one trailing newline.

    >>> import textclean
    >>> golden_json(textclean.clean("")).splitlines()[-3:]
    [' "comments": [],', ' "removed": []', '}']
    """
    return json.dumps(golden_view(doc), indent=1, ensure_ascii=False) + "\n"


def is_protected(path: Path) -> bool:
    """True for files the update flag must never write.

    >>> is_protected(Path("fixtures/known-gaps.json")), is_protected(Path("a.expect.json"))
    (True, True)
    """
    return path.name.endswith(PROTECTED_SUFFIXES)


# -- where each input line went, before and now ------------------------------


_NOT_TEXT = re.compile(r"!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|https?://\S+")
_WORD = re.compile(r"\w+")


def _norm(text: str) -> str:
    return " ".join(text.split())


def _tokens(text: str) -> frozenset[str]:
    # Words as a reader sees them: Markdown images, link targets and bare URLs are not text.
    return frozenset(w.lower() for w in _WORD.findall(_NOT_TEXT.sub(" ", text)))


@dataclass(frozen=True)
class _Place:
    group: str  # article, comment or removed
    name: str  # where in the golden: title, article, comment #2, removed widgets/...
    text: str
    tokens: frozenset[str]


def _places_before(view: dict[str, Any]) -> list[_Place]:
    """Every text of a golden view, with where it was."""
    raw: list[tuple[str, str, str]] = []
    art = view.get("article") or {}
    for key in ("title", "subtitle", "byline", "published"):
        if art.get(key):
            raw.append(("article", key, art[key]))
    raw += [("article", "article", p) for p in art.get("paragraphs", [])]
    raw += [("article", "caption", c) for c in art.get("captions", [])]
    for k, c in enumerate(view.get("comments", [])):
        for key in ("author", "posted", "text"):
            if c.get(key):
                raw.append(("comment", f"comment #{k}", str(c[key])))
    for entry in view.get("removed", []):
        label, _, text = entry.partition(": ")
        raw += [("removed", f"removed {label}", ln) for ln in text.split("\n") if ln.strip()]
    return [_Place(g, n, _norm(t), _tokens(t)) for g, n, t in raw]


def _where_before(line: str, places: list[_Place]) -> list[_Place]:
    """Every place of the golden this line's text may have gone to: the same text,
    its words inside a paragraph, or a short field (an author, a time) inside the line.
    Generous on purpose: a duplicate text hides a move rather than inventing one."""
    text, words = _norm(line), _tokens(line)
    found = [p for p in places if p.text == text]
    for p in places:
        if p.group == "removed" or not p.tokens:
            continue
        if (words and words <= p.tokens) or (len(p.tokens) <= 8 and p.tokens <= words):
            found.append(p)
    return found


def _group_now(role: str) -> str:
    return "removed" if role in ("removed", "whitespace") else role.split(".")[0].rstrip("s")


@dataclass
class Move:
    """An input line that went somewhere else than the golden says."""

    line: int
    text: str
    before: str
    now: str
    filter: str
    reason: str

    def __str__(self) -> str:
        text = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        return (
            f"  line {self.line:>4} {text!r}\n"
            f"        before: {self.before}\n"
            f"        now:    {self.now}  ({self.filter}: {self.reason})"
        )


def moved_lines(doc: Document, expected: dict[str, Any]) -> list[Move]:
    """The input lines whose group (article, comment, removed) differs from `expected`.
    Needs the Document's input (`clean()` keeps it).

    >>> import textclean
    >>> doc = textclean.clean("Share this\\n")
    >>> moved_lines(doc, golden_view(doc))
    []
    >>> [m.now for m in moved_lines(doc, {"article": {"paragraphs": ["Share this"]}})]
    ['removed widgets/widget:share']
    """
    places = _places_before(expected)
    moves = []
    from .display.lines import view_lines

    for line in view_lines(doc):
        if line.blank or not line.pieces:
            continue
        seg = line.segment(doc)
        now_group = _group_now(seg.role)
        candidates = _where_before(line.text, places)
        if not _tokens(line.text) or any(p.group == now_group for p in candidates):
            continue  # nothing a reader sees, or (one of) its places before is where it is now
        if not candidates and now_group == "removed":
            continue  # removed now, and in no place of the golden: removed before too
        if now_group == "removed":
            now = f"removed {seg.filter}/{seg.category}"
        elif now_group == "comment":
            now = f"comment #{seg.comment} ({seg.role})"
        else:
            now = seg.role
        moves.append(
            Move(
                line.number,
                line.text,
                candidates[0].name if candidates else "removed (no text of the golden)",
                now,
                seg.filter,
                seg.reason,
            )
        )
    return moves


def changed_fields(expected: Any, actual: Any, path: str = "") -> list[str]:
    """Field-by-field differences, one readable line each.

    >>> changed_fields({"a": 1, "b": [1, 2, 3]}, {"a": 2, "b": [1, 3]})
    ['a: 1 -> 2', 'b: 3 items -> 2', 'b[1] (golden): 2 -> (gone)']
    """
    if isinstance(expected, dict) and isinstance(actual, dict):
        out = []
        for key in list(expected) + [k for k in actual if k not in expected]:
            out += changed_fields(
                expected.get(key), actual.get(key), f"{path}.{key}" if path else key
            )
        return out
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) == len(actual):
            return [
                line
                for i, (old, new) in enumerate(zip(expected, actual, strict=True))
                for line in changed_fields(old, new, f"{path}[{i}]")
            ]
        # Items added or dropped: align the lists so the rest does not read as changed.
        out = [f"{path}: {len(expected)} items -> {len(actual)}"]
        keys = difflib.SequenceMatcher(
            None,
            [json.dumps(x, sort_keys=True) for x in expected],
            [json.dumps(x, sort_keys=True) for x in actual],
            autojunk=False,
        )
        for op, i1, i2, j1, j2 in keys.get_opcodes():
            if op == "replace" and i2 - i1 == j2 - j1:
                for k in range(i2 - i1):
                    out += changed_fields(expected[i1 + k], actual[j1 + k], f"{path}[{j1 + k}]")
                continue
            if op in ("delete", "replace"):
                out += [
                    f"{path}[{i}] (golden): {_brief(expected[i])} -> (gone)" for i in range(i1, i2)
                ]
            if op in ("insert", "replace"):
                out += [f"{path}[{j}]: (new) -> {_brief(actual[j])}" for j in range(j1, j2)]
        return out
    if expected == actual:
        return []
    return [f"{path}: {_brief(expected)} -> {_brief(actual)}"]


def _brief(value: Any) -> str:
    if isinstance(value, str):
        return repr(value if len(value) <= 70 else value[:67] + "...")
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 90 else text[:87] + "..."


def _capped(items: list[str]) -> list[str]:
    extra = len(items) - _MAX_ITEMS
    return items[:_MAX_ITEMS] + ([f"  ... and {extra} more"] if extra > 0 else [])


def report(name: str, doc: Document, expected: dict[str, Any]) -> str:
    """The failure message for a golden that no longer holds.

    >>> import textclean
    >>> doc = textclean.clean("Share this\\n")
    >>> print(report("x.txt", doc, {**golden_view(doc), "language": "de"}))
    x.txt: the output differs from its golden (if intended: pytest --textclean-update)
    changed fields:
      language: 'de' -> 'en'
    """
    actual = golden_view(doc)
    out = [f"{name}: the output differs from its golden (if intended: pytest {UPDATE_FLAG})"]
    moves = moved_lines(doc, expected) if doc.source is not None else []
    if moves:
        out.append(f"{len(moves)} input lines moved:")
        out += _capped([str(m) for m in moves])
    fields = changed_fields(expected, actual)
    if fields:
        out.append("changed fields:")
        out += _capped(["  " + f for f in fields])
    return "\n".join(out)


# -- the golden of one dump --------------------------------------------------


@functools.lru_cache(maxsize=8)
def _pipeline(config: Path | None) -> Pipeline:
    # One pipeline per configuration for the session: a new one loads its model again.
    from .filters import default_pipeline
    from .pipeline import Pipeline

    return Pipeline.from_config(config) if config else default_pipeline()


class GoldenMismatch(AssertionError):
    """A dump's output differs from its expectation (the message says how)."""


@dataclass
class Golden:
    """One sample dump and its expectation beside it (NAME.txt -> NAME.json).

    >>> Golden(Path("samples/seed.txt")).expected_path.as_posix()
    'samples/seed.json'
    """

    dump: Path
    pipeline_config: Path | None = None
    update: bool = False

    @property
    def expected_path(self) -> Path:
        """NAME.json beside NAME.txt."""
        return self.dump.with_suffix(".json")

    def clean(self) -> Document:
        """The dump cleaned with the configured pipeline."""
        data = self.dump.read_bytes()
        doc: Document = _pipeline(self.pipeline_config).run(data)
        return doc.with_source(data)

    def check(self) -> None:
        """Compare (or with the update flag, write) the expectation; raises GoldenMismatch."""
        path = self.expected_path
        if is_protected(path):
            raise GoldenMismatch(
                f"{path.name} is a hand-written expectation; textclean never writes it"
            )
        doc = self.clean()
        actual = golden_json(doc)
        if self.update:
            if not path.exists() or path.read_text(encoding="utf-8") != actual:
                path.write_text(actual, encoding="utf-8")
            return
        if not path.exists():
            raise GoldenMismatch(
                f"{path.name} does not exist: run pytest {UPDATE_FLAG}, review, commit"
            )
        expected_text = path.read_text(encoding="utf-8")
        if expected_text != actual:
            raise GoldenMismatch(report(self.dump.name, doc, json.loads(expected_text)))


def goldens_in(
    folder: Path, pipeline_config: Path | None = None, update: bool = False
) -> list[Golden]:
    """A Golden for every ``*.txt`` in `folder`, sorted by name.

    >>> goldens_in(Path("no-such-folder"))
    []
    """
    return [Golden(p, pipeline_config, update) for p in sorted(Path(folder).glob("*.txt"))]


# -- pytest hooks ------------------------------------------------------------


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("textclean", "textclean golden dumps")
    group.addoption(
        UPDATE_FLAG,
        action="store_true",
        help="write each golden dump's NAME.json from the current output (review the diff!)",
    )
    parser.addini(
        "textclean_goldens", "folders of NAME.txt dumps checked against NAME.json", type="paths"
    )
    parser.addini("textclean_pipeline", "pipeline configuration for the golden dumps", default="")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "textclean_goldens(folder, pipeline=None): run the test once per NAME.txt in folder, "
        "with the textclean_golden argument",
    )


def _pipeline_from_ini(config: pytest.Config) -> Path | None:
    value = str(config.getini("textclean_pipeline") or "")
    if not value:
        return None
    base = config.inipath.parent if config.inipath else config.rootpath
    return (base / value).resolve()


def _resolve(config: pytest.Config, value: str | Path | None, base: Path) -> Path | None:
    if value is None:
        return None
    path = Path(value)
    return path if path.is_absolute() else (base / path).resolve()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    marker = metafunc.definition.get_closest_marker("textclean_goldens")
    if marker is None or "textclean_golden" not in metafunc.fixturenames:
        return
    config = metafunc.config
    base = config.rootpath
    folder = _resolve(config, marker.args[0] if marker.args else marker.kwargs["folder"], base)
    assert folder is not None
    pipeline = _resolve(config, marker.kwargs.get("pipeline"), base) or _pipeline_from_ini(config)
    goldens = goldens_in(folder, pipeline, bool(config.getoption(UPDATE_FLAG)))
    if not goldens:
        raise pytest.UsageError(f"textclean_goldens: no *.txt dumps in {folder}")
    metafunc.parametrize("textclean_golden", goldens, ids=[g.dump.stem for g in goldens])


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix != ".txt":
        return None
    folders = [Path(p).resolve() for p in parent.config.getini("textclean_goldens")]
    if file_path.resolve().parent not in folders:
        return None
    return GoldenFile.from_parent(parent, path=file_path)


class GoldenFile(pytest.File):
    """A dump in a `textclean_goldens` folder: one test."""

    def collect(self) -> Iterator[GoldenItem]:
        golden = Golden(
            self.path, _pipeline_from_ini(self.config), bool(self.config.getoption(UPDATE_FLAG))
        )
        yield GoldenItem.from_parent(self, name=self.path.stem, golden=golden)


class GoldenItem(pytest.Item):
    """The check of one golden dump."""

    def __init__(self, *, golden: Golden, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.golden = golden

    def runtest(self) -> None:
        self.golden.check()

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, GoldenMismatch):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"textclean golden {self.name}"
