"""Does a language identifier beat the stop-word vote? Accuracy and time per page.

    python benchmarks/language_id.py [--limit N] [--show-misses]

For the corpus pages (`../shared/corpus`, skipped when absent) it asks, of the whole
dump and of the article the pipeline keeps (`clean(dump).article.text`):

- ``vote``: the stop-word vote as the pipeline runs it (`Page(text).language`, the
  first `LANGUAGE_SAMPLE_WORDS` words; `guess_language` on the article's words);
- ``py3langid``: the identifier alone, its best guess however unsure, on the
  pipeline's sample (`textclean.langid.identify` with no margin);
- ``pipeline``: what the Document now reports: the identifier where it is sure,
  else the vote.

`dev-snippets` pages carry a declared `lang`; `dev` pages carry none and are mostly
English, so they are scored against "en" (a page in another language counts as a
miss for both methods alike). It prints accuracy per declared language, per method,
and the mean time per page of each. Nothing from the corpus is written anywhere.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import textclean  # noqa: E402
from textclean.features import WORD, line_words  # noqa: E402
from textclean.langid import IDENTIFY_CHARS, identify  # noqa: E402
from textclean.language import guess_language  # noqa: E402
from textclean.page import LANGUAGE_SAMPLE_WORDS, Page, _head  # noqa: E402
from textclean.segment import split_paragraph_lines  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"

# Short made-up texts in languages the issue names (written for this benchmark).
MADE_UP = {
    "an": "A ciudat ye chicota pero muit polita, y as suyas carreras son plenas de chent "
    "que charra en aragonés cada día dende que se leva.",
    "ca": "La ciutat és petita però molt bonica, i els seus carrers són plens de gent que "
    "parla català cada dia des que es lleva.",
    "cs": "Město je malé, ale velmi krásné, a jeho ulice jsou plné lidí, kteří každý den "
    "mluví česky, jakmile vstanou.",
    "sv": "Staden är liten men mycket vacker, och dess gator är fulla av människor som "
    "pratar svenska varje dag när de har vaknat.",
    "tr": "Şehir küçük ama çok güzel ve sokakları her gün uyanır uyanmaz Türkçe konuşan "
    "insanlarla dolu.",
}


def records(split: str, limit: int | None) -> list[dict[str, str]]:
    path = CORPUS / f"{split}-lines.jsonl.gz"
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for k, line in enumerate(f):
            if limit is not None and k >= limit:
                break
            r = json.loads(line)
            out.append({"id": r["id"], "lang": r.get("lang") or "en", "dump": r["dump"]})
    return out


def timed(fn, *args):  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    value = fn(*args)
    return value, time.perf_counter() - t


def vote_dump(text: str) -> str:
    """The stop-word vote alone, on the words the pipeline gives it."""
    words = []
    for line in split_paragraph_lines(text):  # Page's lines, without its identifier
        if len(words) >= LANGUAGE_SAMPLE_WORDS:
            break
        words.extend(line_words(line))
    return guess_language(words[:LANGUAGE_SAMPLE_WORDS])


def vote_article(text: str) -> str:
    return guess_language(WORD.findall(text))


def langid(text: str) -> str:
    """The identifier alone, its best guess however unsure."""
    return identify(text[:IDENTIFY_CHARS], min_margin=0.0) or "unknown"


def pipeline_dump(text: str) -> str:
    """What the Document reports: the identifier when sure, else the vote."""
    return Page(text).language


def pipeline_article(text: str) -> str:
    return identify(text) or vote_article(text)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None, help="pages per split")
    ap.add_argument("--show-misses", action="store_true", help="ids and answers of misses")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"no corpus at {CORPUS}; made-up texts only")
    identify("warm the model up")  # its one-off load is not a page's time
    print("made-up texts (no corpus text):")
    for code, text in MADE_UP.items():
        print(
            f"  {code}: vote {vote_article(text)!r}  py3langid {langid(text)!r}"
            f"  pipeline {pipeline_dump(text)!r}"
        )
    if not CORPUS.exists():
        return
    methods = {
        "vote/dump": vote_dump,
        "py3langid/dump": langid,
        "pipeline/dump": pipeline_dump,
        "vote/article": vote_article,
        "py3langid/article": langid,
        "pipeline/article": pipeline_article,
    }
    for split in ("dev-snippets", "dev"):
        right: dict[str, Counter[str]] = defaultdict(Counter)
        pages: Counter[str] = Counter()
        seconds: Counter[str] = Counter()
        misses: list[str] = []
        empty = 0
        for r in records(split, args.limit):
            doc = textclean.clean(r["dump"])
            article = doc.article.text if doc.article is not None else ""
            empty += not article
            pages[r["lang"]] += 1
            said = {}
            for name, fn in methods.items():
                text = article if name.endswith("article") else r["dump"]
                if name == "py3langid/dump":
                    text = _head(Page(r["dump"]).lines, IDENTIFY_CHARS)  # as the pipeline
                said[name], took = timed(fn, text)
                seconds[name] += took
                right[name][r["lang"]] += said[name] == r["lang"]
            if args.show_misses and any(v != r["lang"] for v in said.values()):
                misses.append(f"{r['id']} [{r['lang']}] {said}")
        n = sum(pages.values())
        print(f"\n{split}-lines: {n} pages (declared language; dev: all taken as en)")
        langs = sorted(pages, key=lambda c: (-pages[c], c))
        print(f"  {'method':18} {'ALL':>6} " + " ".join(f"{c:>5}" for c in langs) + "  ms/page")
        print(f"  {'pages':18} {n:>6} " + " ".join(f"{pages[c]:>5}" for c in langs))
        print(f"  ({empty} with no article)")
        for name in methods:
            acc = sum(right[name].values()) / n
            per = " ".join(f"{right[name][c] / pages[c]:>5.2f}" for c in langs)
            print(f"  {name:18} {acc:>6.3f} {per}  {1000 * seconds[name] / n:.2f}")
        for m in misses:
            print("  miss:", m)


if __name__ == "__main__":
    main()
