"""Prove the linear-time rewrites of other patterns match exactly what they replaced.

    python benchmarks/pattern_equivalence.py            # every dev-corpus line
    python benchmarks/pattern_equivalence.py --limit 100
    python benchmarks/pattern_equivalence.py --fuzz 200000   # random header-like lines

The reference patterns are the ones before the rewrite (commit cd44d46; the comment
filter's: main at 67d7618), copied here verbatim; each pair is compared as the code
uses it (spans of every match, `split`, or `match` at the line start; the comment
patterns in search, match and fullmatch, every group), plus the strong-span scanner
against `MARKDOWN_STRONG`. `--fuzz N` compares the comment patterns on N random
header-like lines each. Prints the differences (exit status 1 if any).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import _here  # noqa: F401  (this tree's textclean, not an installed one)
import regex

from textclean.comments import chrome, fields, forum, replies, shapes
from textclean.comments.words import _COMMENT_NOUNS, _REPLY_PHRASE, _SAY_VERBS
from textclean.evaluation import read_records
from textclean.filters.donation import AMOUNT
from textclean.filters.metadata import _META_SPLIT
from textclean.filters.widgets import _MENU_SEPARATOR
from textclean.normalize import MARKDOWN_STRONG, strong_spans
from textclean.segment import _BULLET

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"

_ISO = (
    r"USD|EUR|GBP|RUB|JPY|CHF|CAD|AUD|NZD|CNY|RMB|INR|BRL|MXN|PLN|SEK|NOK|DKK|CZK|HUF|TRY|UAH"
    r"|ZAR|KRW|SGD|HKD|ILS|AED|SAR|NGN|KES|BTC|ETH|XMR|LTC|USDT|DOGE"
)
_NUMBER = r"\d(?:[\d.,'\u00a0\u202f]|\s(?=\d{3}\b))*"
OLD_AMOUNT = regex.compile(
    rf"(?:\p{{Sc}}\s?{_NUMBER}|{_NUMBER}\s?\p{{Sc}}|{_NUMBER}\s?(?:{_ISO})\b|\b(?:{_ISO})\s?{_NUMBER})"
    r"(?:\s?(?:k|K|m|M|bn)\b)?"
)
OLD_MENU_SEPARATOR = regex.compile(r"\s+(?:\||•|·|»|›|>|/|::)\s+|(?<=\S)\s{2,}(?=\S)")
OLD_META_SPLIT = regex.compile(
    r"\s+[·|•—–]\s+|\s+-\s+|\s*\|\s*"
    r"|,\s+(?=(?-i:\p{Lu})\p{Ll}+\s+(?:Writer|Editor|Reporter|Correspondent)\b)"
)
OLD_BULLET = regex.compile(r"[ \t]*(?:[*+•·▪◦‣○●■□►▸▶–-]|#{1,6}|>)(?=[ \t]+\S)")

# The comment filter's patterns before their linear-time rewrite (main at 67d7618),
# copied verbatim; the vocabularies they share are unchanged.
OLD_SAYS = regex.compile(
    rf"^\s*(?P<name>[^\n]{{1,80}}?)[\s,]+(?:{_SAY_VERBS})\s*(?::|,|\.{{3}}|…)?(?:\s+(?P<rest>.*?))?\s*$",
    regex.IGNORECASE,
)
OLD_POSTED_BY = regex.compile(
    r"^\s*(?:comment|reply|response|post(?:ed)?|written|submitted|kommentar|commentaire|comentario|"
    r"commento|comentário|reactie|комментарий)?\s*(?:by|von|par|por|di|da|door|от)\s*:?\s+"
    r"(?P<name>[^|»\n]{1,60}?)\s*(?:\||»|\bon\b|\bat\b|\bam\b|\ble\b|\bel\b|\bil\b|\bem\b|\bop\b|@|-|–|—|,|//)\s*(?P<rest>.*)$",
    regex.IGNORECASE,
)
OLD_POST_HEAD = regex.compile(
    r"^\s*(?:(?:post(?:ed)?|beitrag|message|mensaje|messaggio|mensagem|bericht|сообщение)?\s*"
    r"(?:by|von|par|por|di|de|door|от)\s+)?(?P<name>[^»\n]{1,60}?)\s*»\s*(?P<rest>\S.*)$",
    regex.IGNORECASE,
)
OLD_REPLY_LINE = regex.compile(
    rf"^\s*(?:↪|↳|»)?\s*(?:{_REPLY_PHRASE})\s*:?\s+@?(?P<name>\w[\w.'’-]*(?:\s+[\w.'’-]+){{0,4}}?)"
    r"\s*[.:]?\s*$",
    regex.IGNORECASE,
)
OLD_COUNT_HEADER = regex.compile(
    r"(?:^|\D)(?P<n>\d[\d.,]*|one|a single)\s+(?:\w+\s+)?(?:comments?|responses?|replies|reply|thoughts?|reactions?|"  # noqa: E501
    r"kommentare?|antworten|commentaires?|réponses?|comentarios?|respuestas?|commenti|risposte|comentários|"
    r"respostas|reacties|opmerkingen|комментари\w*|ответ\w*)\b"
    rf"|(?:{_COMMENT_NOUNS}|discussion)\s*[(\[:]?\s*(?P<m>\d[\d.,]*)\s*[)\]]?\s*$",
    regex.IGNORECASE,
)
OLD_OWN_COUNT = regex.compile(rf"(?<!\w)\d[\d,.]*\s+(?:{_COMMENT_NOUNS})\b", regex.IGNORECASE)
OLD_LIST_COUNT = regex.compile(rf"\d[\d,.]*\s*(?:{_COMMENT_NOUNS})\b", regex.IGNORECASE)
OLD_ARROW_REPLY = regex.compile(r"\s+(?:→|⟶|➔|➜|►|▶|▸)\s+")
OLD_OP_MARK = regex.compile(r"\s+(?:\(OP\)|OP|\[OP\])$")
OLD_JOIN_WORDS = regex.compile(
    r"^(?:on|at|am|um|le|à|el|a las|il|alle|em|às|op|om|в|posted|said|says|wrote|by|\|)\b\s*|\s*\b(?:on|at|am|um|le|à|el|il|alle|em|às|op|om|в|posted|said|says|wrote)$",  # noqa: E501
    regex.IGNORECASE,
)
OLD_MONTH_YEAR = regex.compile(r"\p{L}+\.?\s+\d{4}")
OLD_URL_NAME = regex.compile(r"https?://\S+\s+(?P<name>[^\s:/][^:/]*)")
OLD_NUMBERING = regex.compile(r"^\s*#?(?P<num>\d{1,4}(?:\.\d{1,3})*)[.):]?\s+(?=\S)")

# old, new and how the filter calls each (the rewrites keep all three modes exact)
COMMENT_PATTERNS: dict[str, tuple[regex.Pattern[str], regex.Pattern[str]]] = {
    "_SAYS": (OLD_SAYS, shapes._SAYS),
    "_POSTED_BY": (OLD_POSTED_BY, shapes._POSTED_BY),
    "_POST_HEAD": (OLD_POST_HEAD, forum._POST_HEAD),
    "_REPLY_LINE": (OLD_REPLY_LINE, chrome._REPLY_LINE),
    "_COUNT_HEADER": (OLD_COUNT_HEADER, chrome._COUNT_HEADER),
    "_OWN_COUNT": (OLD_OWN_COUNT, shapes._OWN_COUNT),
    "_LIST_COUNT": (OLD_LIST_COUNT, chrome._LIST_COUNT),
    "_ARROW_REPLY": (OLD_ARROW_REPLY, replies._ARROW_REPLY),
    "_OP_MARK": (OLD_OP_MARK, shapes._OP_MARK),
    "_JOIN_WORDS": (OLD_JOIN_WORDS, fields._JOIN_WORDS),
    "_MONTH_YEAR": (OLD_MONTH_YEAR, fields._MONTH_YEAR),
    "_URL_NAME": (OLD_URL_NAME, fields._URL_NAME),
    "_NUMBERING": (OLD_NUMBERING, shapes._NUMBERING),
}


def _modes(p: regex.Pattern[str]) -> Callable[[str], object]:
    """search, match and fullmatch, each with the span of every group."""

    def run(line: str) -> object:
        out = []
        for m in (p.search(line), p.match(line), p.fullmatch(line)):
            out.append(m and (m.span(), [m.span(g) for g in range(1, (p.groups or 0) + 1)]))
        return out

    return run


def _spans(p: regex.Pattern[str]) -> Callable[[str], object]:
    return lambda line: [m.span() for m in p.finditer(line)]


def _start(p: regex.Pattern[str]) -> Callable[[str], object]:
    return lambda line: (m := p.match(line)) and m.span()


PAIRS: dict[str, tuple[Callable[[str], object], Callable[[str], object]]] = {
    "donation.AMOUNT": (_spans(OLD_AMOUNT), _spans(AMOUNT)),
    "widgets._MENU_SEPARATOR": (OLD_MENU_SEPARATOR.split, _MENU_SEPARATOR.split),
    "metadata._META_SPLIT": (_spans(OLD_META_SPLIT), _spans(_META_SPLIT)),
    "segment._BULLET": (_start(OLD_BULLET), _start(_BULLET)),
    "normalize.strong_spans": (_spans(MARKDOWN_STRONG), strong_spans),
    **{
        f"comments.{name}": (_modes(old), _modes(new))
        for name, (old, new) in COMMENT_PATTERNS.items()
    },
}

# Pieces of hostile and header-like lines: spaces of several kinds, the colons, commas,
# separators and words the rewritten patterns turn on. Random joins of them check the
# rewrites on lines the corpus lacks (long runs, several colons, a newline inside).
_FUZZ_PIECES = [
    " ", " ", "  ", "\xa0", "\t", "\n", ":", ",", ".", "|", "»", "-", "@", "//", "(", ")",
    "[", "]", "#", "1", "12", "2012", "1.", "a", "x", "Jo", "Jo Smith", "by", "Posted",
    "posted by", "says", "wrote", "on", "at", "comments", "comment", "one", "a single",
    "in reply to", "Reply", "Replying to", "→", "OP", "(OP)", "http://x", "July", "↪",
    "'", ".", "replies", "discussion", "5", "post", "de", "Teresa M.",
]


# ... and each pattern's own words, drawn more often so that a good share of the lines
# match (or nearly match) it.
_FUZZ_KEYS: dict[str, list[str]] = {
    "_SAYS": ["says", "said:", " says:", "wrote", "…", "...", ", ", "Jo", "a dit"],
    "_POSTED_BY": ["by", "Posted by", " by ", "by:", " | ", " on ", " - ", "Jo", ":", "  "],
    "_POST_HEAD": ["Post by", "by ", " » ", "»", "Jo", "de "],
    "_REPLY_LINE": ["in reply to", "Replying to", " ", ":", "@", "Jo", "M.", "x", "."],
    "_COUNT_HEADER": ["comments", "1", "1.", ",", "one", " ", "(", ")", ":", "Comments"],
    "_OWN_COUNT": ["comments", "1", "1.", ",", " ", "a1"],
    "_LIST_COUNT": ["comments", "1", "1.", ",", " ", "a1"],
    "_ARROW_REPLY": ["→", " ", "  ", "\xa0", "Jo"],
    "_OP_MARK": ["OP", "(OP)", " ", "  ", "\xa0", "Jo"],
    "_JOIN_WORDS": ["on", "at", " ", "  ", "posted", "Jo"],
    "_MONTH_YEAR": ["July", "Jul.", " ", "2012", "a"],
    "_URL_NAME": ["http://x", "https://", " ", "Jo", ":", "/"],
    "_NUMBERING": ["1", "12", "1234", ".", "1.", ")", ":", "#", " ", "x"],
}


def fuzz(count: int, seed: int = 1) -> int:
    """Differences between old and new comment patterns on `count` random lines each."""
    import random

    rng = random.Random(seed)
    differences = 0
    for name, (old, new) in COMMENT_PATTERNS.items():
        a, b = _modes(old), _modes(new)
        keys = _FUZZ_KEYS[name]
        found = 0
        for _ in range(count):
            k = rng.randint(0, 10)
            line = "".join(
                rng.choice(keys) if rng.random() < 0.5 else rng.choice(_FUZZ_PIECES)
                for _ in range(k)
            )
            if a(line) != b(line):
                found += 1
                if found <= 5:
                    print(f"DIFF {name}: {line!r}")
        print(f"{name}: {count} random lines, {found} differences")
        differences += found
    return differences


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, help="records per corpus file")
    ap.add_argument("--fuzz", type=int, default=0, help="random lines per comment pattern")
    a = ap.parse_args()
    if a.fuzz:
        return 1 if fuzz(a.fuzz) else 0
    lines: dict[str, None] = {}
    for path in sorted(CORPUS.glob("dev-*.jsonl.gz")):
        for record in read_records(str(path), a.limit):
            lines.update(dict.fromkeys(record["dump"].splitlines()))
    if not lines:
        print("no corpus under", CORPUS)
        return 0
    differences = 0
    for name, (old, new) in PAIRS.items():
        found = 0
        for line in lines:
            if old(line) != new(line):
                found += 1
                print(f"DIFF {name}: {line[:120]!r}")
        print(f"{name}: {len(lines)} distinct lines, {found} differences")
        differences += found
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
