"""The views of a Document: short reprs, the notebook HTML (and in a real browser)."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

import textclean
from textclean import Document
from textclean.display.browser import chromium, dump_dom, screenshot, standalone
from textclean.display.html import render
from textclean.display.palette import KINDS, kind_of

from .conftest import FIXTURES

PAGES = sorted(FIXTURES.glob("*.txt"))
SEED = FIXTURES / "southfront-syria-strikes.txt"


def _doc(path: Path) -> tuple[str, Document]:
    text = path.read_text(encoding="utf-8")
    return text, textclean.clean(text)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_reprs_are_short_and_say_the_counts(path: Path) -> None:
    _, doc = _doc(path)
    shown = repr(doc)
    assert len(shown) < 120 and "\n" not in shown
    paragraphs = len(doc.article.paragraphs) if doc.article else 0
    assert shown.startswith("Document(title=")
    assert f" {paragraphs} paragraph" in shown
    assert f" {len(doc.comments)} comment" in shown
    assert f" {len(doc.removed)} removed span" in shown
    if doc.article:
        assert len(repr(doc.article)) < 120
    for c in doc.comments:
        assert len(repr(c)) < 160 and repr(c).startswith(f"Comment(#{c.index}, author=")


def test_seed_repr_reads_as_the_readme_shows() -> None:
    _, doc = _doc(SEED)
    assert repr(doc) == (
        "Document(title='US-led Coalition Shares Foo ...', 6 paragraphs, 2 comments, "
        f"{len(doc.removed)} removed spans)"
    )


def test_round_trip_is_unchanged_and_the_source_is_not_serialised() -> None:
    text, doc = _doc(SEED)
    dumped = doc.model_dump_json()
    assert "Notify of" not in dumped.split('"removed"')[0]  # no copy of the input up front
    back = Document.model_validate_json(dumped)
    assert back == doc and back.model_dump_json() == dumped
    assert back.source is None and doc.source == text
    assert repr(back) == repr(doc)


class _Lines(HTMLParser):
    """Collects every shown line: its number, classes, hover text and text."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[dict[str, str]] = []
        self.spans: list[dict[str, str]] = []
        self._depth = 0  # > 0 while inside a line div

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "div" and "data-n" in a:
            self.lines.append({**a, "text": ""})
            self._depth = 1
        elif self._depth and tag == "span":
            self.spans.append(a)
            self._depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self._depth:
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.lines[-1]["text"] += data


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_every_input_line_is_shown_with_its_role(path: Path) -> None:
    text, doc = _doc(path)
    parsed = _Lines()
    parsed.feed(render(doc))
    want = [
        (n, line.rstrip("\r"))
        for n, line in enumerate(text.split("\n"), 1)
        if line.strip() and (n < text.count("\n") + 1 or not text.endswith("\n"))
    ]
    assert [(int(r["data-n"]), r["text"]) for r in parsed.lines] == want
    offsets = [0]
    for line in text.split("\n"):
        offsets.append(offsets[-1] + len(line) + 1)
    for row in parsed.lines:
        start = offsets[int(row["data-n"]) - 1]
        seg = next(s for s in doc.segments if s.start <= start < s.end)
        classes = row["class"].split()
        # A line's colour is its lead piece's: the first segment's, unless a later
        # piece of the line went into the record and the first did not.
        kinds = {c[2:] for c in classes if c.startswith("k-")}
        assert len(kinds) == 1
        if "title" in row:
            assert kinds == {KINDS[kind_of(seg.role, seg.category)].key}
            assert html.unescape(row["title"]).endswith(f"{seg.filter}: {seg.reason}")


def test_seed_view_has_the_summary_roles_and_reasons() -> None:
    _, doc = _doc(SEED)
    view = doc._repr_html_()
    assert "<h3>US-led Coalition Shares Footage" in view
    assert "6 paragraphs · 2 comments" in view
    removed = sum(s.end - s.start for s in doc.segments if s.category == "donation")
    assert f"donation {removed / doc.length:.1%}" in view
    for key in ("title", "caption", "body", "author", "ctext", "x-donation", "x-cchrome"):
        assert f'class="l k-{key}' in view, key
    assert "currency amounts with no sentence around them" in view
    assert view.count("<details>") == 2  # the donation block and the comment chrome


def test_everything_is_escaped() -> None:
    text = (
        '<script>alert("x")</script>\n\n'
        "The council met on Tuesday & agreed the <b>budget</b> for next year, it said.\n"
    )
    view = render(textclean.clean(text))
    assert "<script>" not in view and "<b>" not in view
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in view
    assert "Tuesday &amp; agreed the &lt;b&gt;budget&lt;/b&gt;" in view


def test_long_runs_of_removed_lines_fold() -> None:
    menu = "".join(f"Menu item {i}\n" for i in range(30))
    text = menu + "\nThe council met on Tuesday and agreed the budget for next year, it said.\n"
    doc = textclean.clean(text)
    view = render(doc)
    assert view.count("<details>") == 1
    found = re.search(r"<summary>(\d+) removed lines, 1–(\d+): ", view)
    assert found and int(found.group(1)) == int(found.group(2)) >= 20
    folded = view.split("<details>")[1].split("</details>")[0]
    assert folded.count('class="l k-x-') == int(found.group(1))
    assert render(doc, collapse=31).count("<details>") == 0


def test_html_grows_linearly() -> None:
    text = SEED.read_text(encoding="utf-8")
    one = len(render(textclean.clean(text)))
    eight = len(render(textclean.clean(text * 8)))
    assert eight < 8 * one  # the style block and summary are paid once
    assert eight < 6 * len(text * 8)


def test_a_document_read_from_json_needs_its_text() -> None:
    text, doc = _doc(SEED)
    back = Document.model_validate_json(doc.model_dump_json())
    assert "does not know its input" in back._repr_html_()
    assert render(back, text) == render(doc)
    assert back.with_source(text.encode("utf-8"))._repr_html_() == render(doc)
    assert "does not know its input" in render(back, text + "x")  # wrong length: refused


needs_chromium = pytest.mark.skipif(
    chromium() is None, reason="no chromium on PATH (CI installs it: apt-get install chromium)"
)

# Reads each line kind's computed background in the browser and writes it into the DOM.
_COMPUTED = (
    "const out=[];for(const k of %s){const e=document.querySelector('.k-'+k);"
    "if(e)out.push(k+'='+getComputedStyle(e).backgroundColor);}"
    "const p=document.createElement('pre');p.id='computed';p.textContent=out.join(';');"
    "document.body.appendChild(p);"
)


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


@pytest.mark.slow
@needs_chromium
def test_chromium_shows_the_roles_in_their_colours(tmp_path: Path) -> None:
    from PIL import Image

    _, doc = _doc(SEED)
    view = render(doc, collapse=10**6)  # nothing folded: every kind is on screen
    keys = sorted({KINDS[kind_of(s.role, s.category)].key for s in doc.segments})
    dom = dump_dom(standalone(view, script=_COMPUTED % keys))
    computed = dict(
        item.split("=")
        for item in re.search(r'id="computed">([^<]*)<', dom).group(1).split(";")  # type: ignore[union-attr]
    )
    by_key = {k.key: k for k in KINDS.values()}
    for key in keys:
        r, g, b = _rgb(by_key[key].colour)
        assert computed.get(key) == f"rgb({r}, {g}, {b})", key

    png = screenshot(standalone(view), tmp_path / "view.png", width=1000, height=1800)
    image = Image.open(png).convert("RGB")
    counts: dict[tuple[int, int, int], int] = {
        colour: n for n, colour in image.getcolors(maxcolors=1 << 20) or []
    }
    for key in keys:
        if key == "ws":
            continue
        # Every kind on the page paints at least its left bar (6 px wide, a line high).
        assert counts.get(_rgb(by_key[key].colour), 0) >= 6 * 12, key


# -- the terminal view (textclean explain) -------------------------------------


def _explain(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return subprocess.run(
        [sys.executable, "-m", "textclean.cli", "explain", *args],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        check=True,
    )


def test_explain_piped_has_no_colour_and_one_row_per_line() -> None:
    out = _explain(str(SEED)).stdout
    assert "\x1b[" not in out
    assert len(out.splitlines()) == len(SEED.read_text(encoding="utf-8").splitlines())


def test_explain_in_colour_has_a_legend() -> None:
    out = _explain(str(SEED), "--color", "always").stdout.splitlines()
    assert out[0].startswith("colours: ") and "\x1b[" in out[0]
    assert "removed: donation" in out[0] and "comment text" in out[0]
    assert all(line.startswith("\x1b[") for line in out[1:])


def test_explain_only_and_filter_select_lines() -> None:
    from textclean.display.terminal import group_of, select

    rows = textclean.explain(SEED.read_text(encoding="utf-8"))
    for only in ("removed", "article", "comments"):
        out = _explain(str(SEED), "--only", only).stdout.splitlines()
        want = [r.line for r in rows if group_of(r) == only]
        assert [int(line.split()[0]) for line in out] == want and want
    donation = _explain(str(SEED), "--filter", "donation").stdout.splitlines()
    assert len(donation) == len(select(rows, filter="donation")) >= 5
    assert all(" donation " in line for line in donation)
    comments = _explain(str(SEED), "--only", "removed", "--filter", "comments").stdout
    assert "'View all comments'" in comments and "'JJ345'" not in comments


def test_explain_into_head_ends_quietly(tmp_path: Path) -> None:
    big = tmp_path / "all.txt"
    big.write_text("\n".join(p.read_text(encoding="utf-8") for p in PAGES), encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "textclean.cli", "explain", str(big)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # what head does after its lines: the output is far above a pipe buffer
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 0
    assert first.strip().startswith(b"1 ")
    assert err == b""


def test_lines_end_where_the_pipeline_ends_them() -> None:
    text = "Share this\rThe council met on Tuesday and agreed the budget for next year.\r\n"
    parsed = _Lines()
    parsed.feed(render(textclean.clean(text)))
    assert [(r["data-n"], r["class"].split()[1]) for r in parsed.lines] == [
        ("1", "k-x-widget"),
        ("2", "k-body"),
    ]


def test_a_very_long_line_folds_after_its_head() -> None:
    from textclean.display.html import LONG_LINE

    unit = "The council met on Tuesday and agreed the budget for next year, it said. "
    text = unit * (3 * LONG_LINE // len(unit))
    view = render(textclean.clean(text))
    head, _, rest = view.partition("<details><summary>")
    assert head.endswith(text[:LONG_LINE])  # nothing to escape in this text
    assert rest.startswith(f"{len(text) - LONG_LINE:,} more characters of this line</summary>")
    assert text[LONG_LINE:] in rest
