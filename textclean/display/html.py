"""The notebook view of a Document: the page as textclean saw it, in HTML.

Every input line is shown, coloured by where it went (title, deck, byline,
date, caption, article, comment header, comment text, removed by category);
hovering a line shows the filter and the reason. Above it a summary: title,
date, paragraph and comment counts, and the share of characters removed per
category. Runs of removed lines fold into a ``<details>`` element, so a long
page stays readable; the HTML grows linearly with the input (styles are
classes, one ``<style>`` block per view) and every text is escaped.

>>> from textclean import clean
>>> html = render(clean("Share this\\nThe council met on Tuesday and agreed the budget.\\n"))
>>> 'class="l k-body"' in html and "widget" in html
True
>>> render(clean("<b>x</b> & y")).count("<b>x</b>")
0
"""

from __future__ import annotations

import html as _html
from collections import Counter

from ..models import Document
from .lines import SourceMissing, ViewLine, view_lines
from .palette import KINDS, ORDER, kind_of

COLLAPSE = 6
"""Fold a run of at least this many non-blank removed lines."""

LONG_LINE = 3000
"""Show this many characters of a longer line; the rest folds up."""

CHUNK = 200
"""Lines per block the browser may skip laying out while it is off screen."""

_CSS = """
.tcv{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#212121;
background:#fff;border:1px solid #ddd;border-radius:4px;padding:8px 10px;overflow:auto}
.tcv .sum{font-family:system-ui,sans-serif;margin-bottom:6px}
.tcv .sum h3{margin:0 0 2px 0;font-size:15px}
.tcv .sum .m{color:#555}
.tcv .lg span,.tcv .rm span{display:inline-block;margin:2px 6px 2px 0;padding:0 5px;
border-radius:3px}
.tcv .l{white-space:pre-wrap;overflow-wrap:anywhere;border-left:6px solid #fff;position:relative;
padding-left:4.4em;min-height:1.45em}
.tcv .l::before{content:attr(data-n);position:absolute;left:0;width:3.6em;color:#9e9e9e;
text-align:right;user-select:none}
.tcv .b{min-height:.6em;border-left:6px solid transparent}
.tcv .x{color:#616161}
.tcv .c{content-visibility:auto;contain-intrinsic-size:auto 4000px}
.tcv details{margin:0}
.tcv summary{cursor:pointer;color:#616161;font-family:system-ui,sans-serif;font-size:12px;
padding-left:12px}
"""


def _css() -> str:
    rules = [_CSS]
    for kind in KINDS.values():
        # The left bar carries the colour too, so a line keeps it under a mixed background.
        rules.append(
            f".tcv .k-{kind.key}{{background:{kind.colour};border-left-color:{kind.colour}}}"
            f".tcv .p-{kind.key}{{background:{kind.colour}}}"
        )
    rules.append(".tcv .k-title{font-weight:bold}.tcv .p-author{font-weight:bold}")
    return "<style>" + "".join(rules) + "</style>"


def _esc(text: str) -> str:
    return _html.escape(text, quote=True)


def _hover(doc: Document, segment: int) -> str:
    s = doc.segments[segment]
    where = s.role if s.role != "removed" else f"removed ({s.category or 'boilerplate'})"
    return _esc(f"{where} · {s.filter}: {s.reason}")


def _line_html(doc: Document, source: str, line: ViewLine) -> str:
    if line.blank or not line.pieces:
        return '<div class="b"></div>'
    lead = line.segment(doc)
    kind = KINDS[kind_of(lead.role, lead.category)]
    removed = " x" if lead.role == "removed" else ""
    body_end = line.start + len(line.text)
    if len(line.pieces) == 1:
        return (
            f'<div class="l k-{kind.key}{removed}" data-n="{line.number}" '
            f'title="{_hover(doc, line.pieces[0].segment)}">{_long(line.text)}</div>'
        )
    parts = []
    for p in line.pieces:
        text = source[p.start : min(p.end, body_end)]
        if not text:
            continue
        s = doc.segments[p.segment]
        k = KINDS[kind_of(s.role, s.category)]
        parts.append(
            f'<span class="p-{k.key}" title="{_hover(doc, p.segment)}">{_esc(text)}</span>'
        )
    return f'<div class="l k-{kind.key}{removed}" data-n="{line.number}">{"".join(parts)}</div>'


def _long(text: str) -> str:
    # A one-line page of a megabyte stays one screen until asked.
    if len(text) <= LONG_LINE:
        return _esc(text)
    rest = len(text) - LONG_LINE
    return (
        f"{_esc(text[:LONG_LINE])}<details><summary>{rest:,} more characters of this line"
        f"</summary>{_esc(text[LONG_LINE:])}</details>"
    )


def _all_removed(doc: Document, line: ViewLine) -> bool:
    return all(doc.segments[p.segment].role in ("removed", "whitespace") for p in line.pieces)


def _percent(x: float) -> str:
    return "<0.1%" if 0 < x < 0.001 else f"{x:.1%}"


def _summary(doc: Document, kinds_seen: set[str]) -> str:
    art = doc.article
    title = art.title if art and art.title else "(no title)" if art else "(no article found)"
    facts = []
    if art and art.published:
        facts.append(f"published {art.published.raw}")
    if art:
        facts.append(f"{len(art.paragraphs)} paragraphs")
    count = f"{len(doc.comments)} comments"
    if doc.comment_count_mismatch:
        count += f" (the page says {doc.declared_comment_count})"
    facts.append(count)
    facts.append(f"{doc.length:,} characters")
    facts.append(f"language {doc.language or '?'}, {doc.style} dump")
    removed: Counter[str] = Counter()
    for s in doc.segments:
        if s.role == "removed":
            removed[s.category or "boilerplate"] += s.end - s.start
    total = max(doc.length, 1)
    share = sum(removed.values()) / total
    shares = "".join(
        f'<span class="p-{KINDS[kind_of("removed", cat)].key}" title="{n:,} characters">'
        f"{_esc(cat)} {_esc(_percent(n / total))}</span>"
        for cat, n in removed.most_common()
    )
    legend = "".join(
        f'<span class="p-{KINDS[k].key}">{_esc(KINDS[k].name)}</span>'
        for k in ORDER
        if k in kinds_seen
    )
    return (
        f'<div class="sum"><h3>{_esc(title)}</h3>'
        f'<div class="m">{_esc(" · ".join(facts))}</div>'
        f'<div class="rm">removed {_esc(_percent(share))} of the characters: '
        f"{shares or 'nothing'}</div>"
        f'<div class="lg">colours: {legend}</div></div>'
    )


def render(doc: Document, text: str | bytes | None = None, *, collapse: int = COLLAPSE) -> str:
    """The HTML view of `doc`; `text` is its input when the Document does not keep it
    (one read back from JSON). Runs of `collapse` or more removed lines fold up.

    >>> from textclean import Document
    >>> "does not know its input" in render(Document(length=3, style="lines"))
    True
    """
    try:
        lines = view_lines(doc, text)
        source = doc.source if text is None else doc.model_copy().with_source(text).source
    except SourceMissing as err:
        return f'<div class="tcv">{_css()}{_summary(doc, set())}<p>{_esc(str(err))}</p></div>'
    assert source is not None
    kinds_seen = {kind_of(s.role, s.category) for s in doc.segments}
    out: list[str] = []
    chunk_start = i = 0
    while i < len(lines):
        j = i + 1
        if lines[i].pieces and not lines[i].blank and _all_removed(doc, lines[i]):
            j = _removed_run_end(doc, lines, i)
        folded = _fold(doc, lines[i:j]) if j - i >= collapse else None
        if folded is not None and folded[0] >= collapse:
            out.append(folded[1])
        out.extend(_line_html(doc, source, ln) for ln in lines[i:j])
        if folded is not None and folded[0] >= collapse:
            out.append("</details>")
        i = j
        if i - chunk_start >= CHUNK and i < len(lines):
            out.append('</div><div class="c">')
            chunk_start = i
    return (
        f'<div class="tcv">{_css()}{_summary(doc, kinds_seen)}'
        f'<div class="c">{"".join(out)}</div></div>'
    )


def _removed_run_end(doc: Document, lines: list[ViewLine], i: int) -> int:
    """The end of the run of removed (or blank) lines from `i`, trailing blanks left out."""
    j = i
    while j < len(lines) and (lines[j].blank or _all_removed(doc, lines[j])):
        j += 1
    while j > i and lines[j - 1].blank:
        j -= 1
    return j


def _fold(doc: Document, run: list[ViewLine]) -> tuple[int, str]:
    """How many non-blank lines `run` has, and the opening of its fold."""
    cats: Counter[str] = Counter(
        ln.segment(doc).category or "boilerplate" for ln in run if not ln.blank
    )
    n = sum(cats.values())
    summary = ", ".join(f"{c} {k}" for c, k in cats.most_common())
    return n, (
        f"<details><summary>{n} removed lines, {run[0].number}–{run[-1].number}: "
        f"{_esc(summary)}</summary>"
    )
