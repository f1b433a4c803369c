"""Prove that the patterns built from `textclean.lexicon` match exactly what today's
literal word lists match.

    python benchmarks/lexicon_equivalence.py                 # every dev-corpus line
    python benchmarks/lexicon_equivalence.py --limit 100     # 100 records per corpus file
    python benchmarks/lexicon_equivalence.py --rev main      # dates.py before the lexicon

Three parts, each over every distinct line of the dev corpus (../shared/corpus, field
"dump") plus generated lines (every lexicon word in the shapes its patterns read, and
random joins of those words with spaces and punctuation):

- dates: `textclean/dates.py` as of `--rev` (the last commit with the literal lists,
  033e782) is loaded beside the working copy; its three patterns are compared with the
  lexicon-built ones (every match of `finditer`: span and every group), its word
  tables with the new ones (equal), and the public functions line by line.
- comments and metadata, whose modules still hold their literal lists: each list is
  put in a copy of every pattern that holds it, once as it is and once as the lexicon
  composes it (`lexicon.alternation(...)`), and the two copies are compared in search,
  match and fullmatch (span and every group) and in `finditer`. The source of each
  copy with today's list is checked to equal the module's own pattern, so what is
  compared is what runs.
- gates: word sets must be equal to the lexicon's; a substring gate the lexicon
  composes differently must still be a necessary condition of what it guards (the
  filter then answers the same), checked on every line.

Prints one line per check and the number of differences (exit status 1 if any).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import itertools
import random
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import _here  # noqa: F401  (this tree's textclean, not an installed one)
import regex

# dates.py as of a revision, imported beside the current one (run as a script, the
# benchmarks folder is on the path)
from dates_equivalence import load_reference

from textclean import dates, lexicon
from textclean.evaluation import read_records

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
REFERENCE = "033e782"  # the last commit whose dates.py spells its words out


def _room(package: str) -> ModuleType:
    """Every module of a package as one namespace (the comment and metadata filters
    are packages of small modules; this script reads their patterns wherever they are)."""
    import pkgutil

    room = ModuleType(package)
    root = importlib.import_module(package)
    for info in pkgutil.iter_modules(root.__path__):
        room.__dict__.update(vars(importlib.import_module(f"{package}.{info.name}")))
    return room


comments = _room("textclean.comments")
metadata = _room("textclean.metadata")


def corpus_lines(limit: int | None) -> list[str]:
    lines: Iterator[str] = (
        line
        for path in sorted(CORPUS.glob("dev-*.jsonl.gz"))
        for record in read_records(str(path), limit)
        for line in str(record.get("dump") or "").splitlines()
    )
    return list(dict.fromkeys(lines))


# -- generated lines -----------------------------------------------------------------
_AROUND = [" ", "  ", "", ",", ":", ".", " | ", "\xa0", "(", ")", "@", "»", "-", "\n"]
_FILLERS = ["Jo", "Jo Smith", "12", "5", "2012", "5:46 pm", "17:00", "1.", "one", "x"]


def generated_lines(seed: int = 1, random_lines: int = 20_000) -> list[str]:
    """Every lexicon word in the shapes its patterns read, in three cases, and random
    joins of words, fillers and separators."""
    out: list[str] = []
    months = list(lexicon.months())
    weekdays = [
        s + e
        for s in lexicon.words("weekday_stems")
        for e in ("", *lexicon.words("weekday_endings"))
    ] + list(lexicon.words("weekdays"))
    connectors = [*lexicon.words("time_connectors"), "-", "|", "@", ""]
    for mon in months:
        for shape in (
            "{m} 21, 2012", "{m}. 21st 2012 {c} 5:46 pm", "21 {m} 2012", "5. {m} 2024",
            "5 de {m} de 2024 {c} 17:00", "21 {m} 2012 г.", "7 {m} 12 {c} 11:21 pm",
            "{m} 2012", "{m} 8th", "8 {m}", "{w}, {m} 5, 2012", "{w} 5 {m} 2012 {c} 10:42",
            "Jo{m} 5, 2012", "{m}5, 2012", "{m}  5,  2012",
        ):
            c = connectors[len(out) % len(connectors)]
            w = weekdays[len(out) % len(weekdays)]
            out.append(shape.format(m=mon, c=c, w=w))
    for w in weekdays:
        out += [f"{w}, 08/09/2012 - 13:04", f"{w} 2012-07-21", f"{w}, July 21, 2012", f"{w}"]
    numbers = ["2", "12", *lexicon.words("relative_numbers")]
    for unit in lexicon.words("time_units"):
        for k, ago in enumerate(lexicon.words("ago_words")):
            n = numbers[k % len(numbers)]
            out += [f"{n} {unit} {ago}", f"about {n} {unit}, 5 {unit} and 3 min {ago}"]
        for before in lexicon.words("before_words"):
            out.append(f"{before} {numbers[len(out) % len(numbers)]} {unit}")
    for hedge in lexicon.words("relative_hedges"):
        out.append(f"{hedge} 3 hours ago")
    for word in lexicon.words("day_words"):
        out += [f"{word}", f"Posted {word} at 5:46", f"x{word}", f"{word}s"]
    for field in lexicon.FIELDS:
        for word in lexicon.words(field):
            word = word.rstrip("*")
            out += [
                word, f"Jo {word}", f"Jo {word}: hi there", f"Jo Smith, {word}", f"12 {word}",
                f"{word} (3)", f"{word}: 87", f"{word} Jo Smith", f"{word} Jo | 5 hours ago",
                f"Posted {word} Jo on July 5, 2012", f"{word} are closed", f"{word}x",
                f"↪ {word} Teresa M.", f"comment {word} Jo | Reply",
            ]
    rng = random.Random(seed)
    pieces = [w.rstrip("*") for f in lexicon.FIELDS for w in lexicon.words(f)] + _FILLERS
    for _ in range(random_lines):
        out.append(
            "".join(
                rng.choice(pieces) if rng.random() < 0.5 else rng.choice(_AROUND)
                for _ in range(rng.randint(1, 8))
            )
        )
    cased = [f(line) for line in out for f in (str, str.title, str.upper)]
    return list(dict.fromkeys(cased))


# -- comparing two patterns ----------------------------------------------------------
def _groups(m: Any, groups: int) -> object:
    return m and (m.span(), [m.span(g) for g in range(1, groups + 1)])


def every_mode(p: regex.Pattern[str]) -> Callable[[str], object]:
    """search, match and fullmatch (span of the match and of every group), and the spans
    of every match of finditer."""

    def run(line: str) -> object:
        g = p.groups or 0
        return (
            _groups(p.search(line), g),
            _groups(p.match(line), g),
            _groups(p.fullmatch(line), g),
            [_groups(m, g) for m in p.finditer(line)],
        )

    return run


def every_match(p: regex.Pattern[str]) -> Callable[[str], object]:
    g = p.groups or 0
    return lambda line: [_groups(m, g) for m in p.finditer(line)]


def compare(name: str, old: Callable[[str], object], new: Callable[[str], object],
            lines: list[str]) -> int:
    t = time.perf_counter()
    found = 0
    for line in lines:
        a, b = old(line), new(line)
        if a != b:
            found += 1
            if found <= 5:
                print(f"  DIFF {name}: {line[:100]!r}\n    old {a}\n    new {b}")
    print(f"{name}: {len(lines)} lines, {found} differences ({time.perf_counter() - t:.1f} s)")
    return found


def equal(name: str, old: object, new: object) -> int:
    same = old == new
    print(f"{name}: {'equal' if same else f'DIFFERENT: {old!r} vs {new!r}'}")
    return 0 if same else 1


# -- dates ---------------------------------------------------------------------------
def check_dates(reference: ModuleType, lines: list[str]) -> int:
    differences = equal("dates._MONTHS", reference._MONTHS, dates._MONTHS)
    differences += equal("dates._MONTH_WORDS", reference._MONTH_WORDS, dates._MONTH_WORDS)
    differences += equal(
        "dates._RELATIVE_TRIGGERS", reference._RELATIVE_TRIGGERS, dates._RELATIVE_TRIGGERS
    )
    # The month alternation alone (both longest first: only ties are ordered anew), and
    # the comment filter's month gate, which is built from it at import. The weekday
    # and connector pieces are compared where they stand, inside the three patterns:
    # alone, a bare alternation stops at a prefix ("à" of "às") that no pattern lets
    # stand, since a comma, a space or a digit must follow.
    old = regex.compile(rf"(?:{reference._MONTH_ALT})", regex.I | regex.V1)
    new = regex.compile(rf"(?:{dates._MONTH_ALT})", regex.I | regex.V1)
    differences += compare("dates._MONTH_ALT", every_mode(old), every_mode(new), lines)
    month_date = comments._MONTH_DATE
    old_source = month_date.pattern.replace(dates._MONTH_ALT, reference._MONTH_ALT)
    differences += compare(
        "comments._MONTH_DATE",
        every_mode(regex.compile(old_source, month_date.flags)),
        every_mode(month_date),
        [comments._fold(line) for line in lines],
    )
    for name in ("_absolute", "_loose", "_relative"):
        old_p, new_p = getattr(reference, name)(), getattr(dates, name)()
        differences += compare(f"dates.{name}()", every_match(old_p), every_match(new_p), lines)

    def outcome(module: ModuleType) -> Callable[[str], object]:
        def span(found: Any) -> object:
            return found and (found.start, found.end, found.stamp.model_dump())

        return lambda line: (
            span(module.find_time_span(line)),
            span(module.find_time_span(line, loose=True)),
        )

    differences += compare("dates.find_time_span", outcome(reference), outcome(dates), lines)
    return differences


# -- the comment and metadata filters' lists -----------------------------------------
# Their lists as they were spelt out at REFERENCE, before they moved to the lexicon.
_SAY_VERBS = (
    r"says|said|wrote|writes|commented|replied|responded|schreibt|schrieb|sagt|meint|"
    r"dit|a dit|écrit|a écrit|dice|dijo|escribió|escribe|comentó|scrive|ha scritto|ha detto|"
    r"diz|disse|escreveu|comentou|zegt|schreef|zei|пишет|написал[а]?|сказал[а]?"
)
_REPLY_PHRASE = (
    r"in reply to|replying to|reply to|in response to|"
    r"als antwort auf|antwort auf|antwort an|"
    r"en réponse à|réponse à|en respuesta a|respondiendo a|respuesta a|"
    r"in risposta a|risposta a|em resposta a|em resposta à|respondendo a|resposta a|"
    r"in antwoord op|reactie op|antwoord op|в ответ на|ответ на|ответ для"
)
_COMMENT_NOUNS = (
    r"comments?|responses?|kommentare?|commentaires?|comentarios?|commenti|comentários|reacties"
    r"|комментари\w*"
)
_BY_WORDS = (
    r"by|written by|posted by|words by|story by|author:?|von|par|por|di|door|de|от|автор:?"
    r"|texto?:|text:|testo di|escrito por|écrit par|geschrieben von"
)
_SAY_VERB_WORDS = (
    "says", "said", "wrote", "writes", "commented", "replied", "responded", "schreibt",
    "schrieb", "sagt", "meint", "dit", "écrit", "dice", "dijo", "escribió", "escribe",
    "comentó", "scrive", "scritto", "detto", "diz", "disse", "escreveu", "comentou",
    "zegt", "schreef", "zei", "пишет", "написал", "написала", "сказал", "сказала",
)  # fmt: skip
_POSTED_BY_FIRST = frozenset("crpwskbvdок")
_PREPOSITION_BY = frozenset({"de", "di", "door", "от", "von"})
_CREDIT_WORDS = ("photo", "foto", "bild", "imagen", "immagine", "image", "picture",
                 "getty", "ap photo", "shutterstock", "istock")  # fmt: skip
_REPLY_GATE = r"repl|resp[ou]|rispo|réponse|antwo|reactie|ответ"
_BADGE_GATE = r"top|most|verified|moderator|admin|work|studie"
# (constant or the literal text inside the patterns, module, the lexicon's composition)
LISTS: list[tuple[str, ModuleType, str, str]] = [
    ("_SAY_VERBS", comments, _SAY_VERBS, lexicon.alternation("say_verbs")),
    ("_REPLY_PHRASE", comments, _REPLY_PHRASE, lexicon.alternation("reply_phrases")),
    ("_COMMENT_NOUNS", comments, _COMMENT_NOUNS, lexicon.alternation("comment_nouns")),
    (
        "_PROFILE_FIELD words",
        comments,
        "posts|joined|join date|location|registered|reputation|messages|thanks|"
        "beiträge|registriert|wohnort|dabei seit|mitglied seit|inscrit|inscription|localisation|"
        "mensajes|registrado|ubicación|ubicacion|messaggi|iscritto|iscrizione|località|mensagens|"
        "registado|localização|berichten|lid sinds|geregistreerd|locatie|woonplaats|"
        "сообщения|сообщений|зарегистрирован|регистрация|откуда",
        lexicon.alternation("profile_fields"),
    ),
    (
        "_POSTED_BY labels",
        comments,
        "comment|reply|response|post(?:ed)?|written|submitted|kommentar|commentaire|comentario|"
        "commento|comentário|reactie|комментарий",
        lexicon.alternation("posted_by_labels"),
    ),
    (
        "_POSTED_BY by-words",
        comments,
        "(?:by|von|par|por|di|da|door|от)",
        f"(?:{lexicon.alternation('posted_by_words')})",
    ),
    (
        "_POSTED_BY date prepositions",
        comments,
        r"\bon\b|\bat\b|\bam\b|\ble\b|\bel\b|\bil\b|\bem\b|\bop\b",
        rf"\b(?:{lexicon.alternation('date_prepositions')})\b",
    ),
    (
        "_FORM_HEADER words",
        comments,
        "leave|post|add|write|submit|make|have|speak|share|tell|let|your|what|join|start|"
        "kommentar (?:schreiben|verfassen|hinterlassen)|schreibe|hinterlasse|laisser|laissez|"
        "écrire|ajouter|deja|dejar|escribe|añadir|lascia|scrivi|aggiungi|deixe|deixar|escreva|adicionar|"
        "laat|plaats|schrijf|reageer|оставить|оставьте|написать|добавить",
        lexicon.alternation("form_openers"),
    ),
    (
        "_CLOSED subjects",
        comments,
        "comments?|commenting|discussion",
        lexicon.alternation("closed_subjects"),
    ),
    ("_CLOSED verbs", comments, "are|is|has been|have been", lexicon.alternation("closed_verbs")),
    (
        "_CLOSED states",
        comments,
        "closed|disabled|turned off",
        lexicon.alternation("closed_states"),
    ),
    ("_BY_WORDS", metadata, _BY_WORDS, lexicon.alternation("by_words")),
]


def patterns_holding(module: ModuleType, literal: str) -> list[tuple[str, regex.Pattern[str]]]:
    return [
        (name, value)
        for name, value in vars(module).items()
        if isinstance(value, regex.Pattern) and literal in value.pattern
    ]


def check_lists(lines: list[str]) -> int:
    differences = 0
    for constant, module, literal, composed in LISTS:
        # a list the module still spells out, or one it takes from the lexicon now
        holders = patterns_holding(module, literal)
        moved = not holders
        if moved:
            holders = patterns_holding(module, composed)
        if not holders:
            print(f"{constant}: NOT FOUND in any pattern of {module.__name__}")
            differences += 1
            continue
        for name, pattern in holders:
            source = pattern.pattern
            held = composed if moved else literal
            if source.count(held) != 1:
                print(f"{constant} in {name}: the list occurs {source.count(held)} times")
                differences += 1
                continue
            old_source = source.replace(composed, literal) if moved else source
            old = regex.compile(old_source, pattern.flags)
            new = regex.compile(old_source.replace(literal, composed), pattern.flags)
            differences += compare(
                f"{module.__name__.rsplit('.', 1)[-1]}.{name} with {constant}",
                every_mode(old),
                every_mode(new),
                lines,
            )
    return differences


# -- gates ---------------------------------------------------------------------------
_AGENCIES = ("getty", "ap photo", "shutterstock", "istock")


def check_gates(lines: list[str]) -> int:
    say_words = frozenset(comments._fold(w) for w in _SAY_VERB_WORDS)
    differences = equal("comments._SAY_WORDS", say_words, lexicon.gate_words("say_verbs"))
    differences += equal(
        "comments._POSTED_BY_FIRST",
        _POSTED_BY_FIRST,
        lexicon.first_letters("posted_by_labels", "posted_by_words"),
    )
    differences += equal(
        "metadata._PREPOSITION_BY",
        _PREPOSITION_BY,
        lexicon.word_set("by_prepositions"),
    )
    credit = (*lexicon.words("credit_words"), *_AGENCIES)
    differences += equal(
        "metadata._CREDIT_WORDS (as a set)", set(_CREDIT_WORDS), set(credit)
    )

    fold = comments._fold
    reply_gate = regex.compile(lexicon.gate_alternation("reply_phrases"))
    badge_gate = regex.compile(lexicon.gate_alternation("badge_words"))
    chrome_gate = regex.compile(
        lexicon.gate_alternation("reply_phrases") + "|" + lexicon.gate_alternation("badge_words")
    )
    print(f"  reply gate composed: {reply_gate.pattern}")
    print(f"  badge gate composed: {badge_gate.pattern}")
    badge = comments._badge

    def guarded(gate: regex.Pattern[str], answer: Callable[[str], bool]) -> Callable[[str], object]:
        # what the filter sees: the gate, then the guarded test only where it passes
        return lambda line: gate.search(fold(line)) is not None and answer(line)

    def reply(line: str) -> bool:
        return comments._REPLY_LINE.match(line) is not None

    for name, old_gate, new_gate, answer in (
        ("_REPLY_GATE", regex.compile(_REPLY_GATE), reply_gate, reply),
        ("_BADGE_GATE", regex.compile(_BADGE_GATE), badge_gate, badge),
        (
            "_CHROME_GATE",
            regex.compile(f"{_REPLY_GATE}|{_BADGE_GATE}"),
            chrome_gate,
            lambda s: reply(s) or badge(s),
        ),
    ):
        differences += compare(
            f"comments.{name} and what it guards",
            guarded(old_gate, answer),
            guarded(new_gate, answer),
            lines,
        )
    return differences


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rev", default=REFERENCE, help="git revision of the reference dates.py")
    ap.add_argument("--limit", type=int, help="records per corpus file")
    ap.add_argument("--random", type=int, default=20_000, help="random generated lines")
    a = ap.parse_args()
    reference = load_reference(a.rev)
    corpus = corpus_lines(a.limit)
    generated = generated_lines(random_lines=a.random)
    lines = list(dict.fromkeys(itertools.chain(corpus, generated)))
    print(f"{len(corpus)} distinct corpus lines, {len(generated)} generated lines")
    differences = check_dates(reference, lines)
    differences += check_lists(lines)
    differences += check_gates(lines)
    print(f"total: {differences} differences")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
