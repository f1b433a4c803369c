"""The per-language lexicon: its merge rules, what it composes, that the dates read
it, and that a language added from a directory of one's own is read at once."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import regex

from textclean import dates, lexicon

# dates.py's month lists as they were spelt out before the lexicon (033e782).
_TODAYS_MONTHS = [
    "january jan januar janv janvier enero ene gennaio genn janeiro januari января январь янв",
    "february feb febr februar fév févr février febrero febbraio fevereiro fev februari "
    "февраля февраль фев",
    "march mar märz maerz mars marzo março marco maart марта март",
    "april apr avril avr abril aprile abr апреля апрель",
    "may mai mayo maggio mag maio mei мая май",
    "june jun juni juin junio giugno giu junho июня июнь",
    "july jul juli juillet juil julio luglio lug julho июля июль",
    "august aug août aout agosto ago augustus августа август авг",
    "september sep sept septembre septiembre settembre set setembro сентября сентябрь сен",
    "october oct oktober octobre octubre ottobre ott outubro out октября октябрь окт",
    "november nov novembre noviembre novembro ноября ноябрь",
    "december dec dez dezember décembre déc diciembre dic dicembre dezembro desember "
    "декабря декабрь дек",
]

AddLanguage = Callable[..., Path]


def _empty_months() -> list[list[str]]:
    return [[] for _ in range(12)]


@pytest.fixture
def add_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[AddLanguage]:
    """Write language files into a new directory and add it; every directory added is
    removed again afterwards, so the package's lexicon is back for the other tests."""
    # patterns compiled from test words stay out of the user's start-up cache
    monkeypatch.setenv("TEXTCLEAN_CACHE_DIR", "")
    monkeypatch.delenv(lexicon.ENVIRONMENT, raising=False)
    lexicon.reset()
    before = (dates._ABSOLUTE_SOURCE, dates._RELATIVE_SOURCE, dict(dates._MONTHS))
    added: list[Path] = []

    def add(**files: dict[str, object]) -> Path:
        folder = tmp_path / f"lexicon{len(added)}"
        folder.mkdir()
        for code, fields in files.items():
            data = {"language": code, **fields}
            (folder / f"{code}.json").write_text(json.dumps(data), encoding="utf-8")
        lexicon.add_lexicon_dir(folder)
        added.append(folder)
        return folder

    try:
        yield add
    finally:
        for folder in reversed(added):
            if folder in lexicon.directories():  # not removed by the test itself
                lexicon.remove_lexicon_dir(folder)
    assert before == (dates._ABSOLUTE_SOURCE, dates._RELATIVE_SOURCE, dates._MONTHS)


def test_months_are_todays() -> None:
    expected: dict[str, int] = {}
    for month, names in enumerate(_TODAYS_MONTHS, start=1):
        for name in names.split():
            expected.setdefault(name, month)
    assert lexicon.months() == expected
    assert expected == dates._MONTHS and frozenset(expected) == dates._MONTH_WORDS


def test_every_package_file_is_valid_and_listed() -> None:
    codes = {p.stem for p in lexicon.PACKAGE_DIR.glob("*.json")}
    assert {"en", "de", "fr", "es", "it", "nl", "pt", "ru", "pl"} <= codes
    assert lexicon.languages() == tuple(sorted(codes))
    for file in lexicon.PACKAGE_DIR.glob("*.json"):
        # the package's files are read unchecked: the checks must pass, and change nothing
        checked = lexicon.read_file(file)
        assert checked == lexicon.read_file(file, check=False)
        assert checked[0] == file.stem


def test_alternation_is_escaped_and_longest_first(add_language: AddLanguage) -> None:
    add_language(xx={"say_verbs": ["a.b", "zz+", "a", "ab", "yy", "hé*"]})
    pieces = lexicon.alternation("say_verbs").split("|")
    words = [regex.sub(r"\\(.)", r"\1", p.removesuffix(r"\w*")) for p in pieces]
    lengths = [len(w) for w in words]
    assert lengths == sorted(lengths, reverse=True)
    for length in set(lengths):  # ties in code point order
        tied = [w for w in words if len(w) == length]
        assert tied == sorted(tied)
    assert r"a\.b" in pieces and r"zz\+" in pieces and r"hé\w*" in pieces
    pattern = regex.compile(rf"(?:{lexicon.alternation('say_verbs')})$")
    assert pattern.match("a.b") and not pattern.match("axb") and pattern.match("héllo")
    assert pattern.match("says")  # the package's words are still there


def test_composition_does_not_depend_on_file_order(add_language: AddLanguage) -> None:
    first = add_language(xb={"time_units": ["quux", "zab"]})
    second = add_language(xa={"time_units": ["zib", "blorp"]})
    forward = lexicon.alternation("time_units")
    # `words` keeps the merge order: package files first, then the directories added
    assert lexicon.words("time_units")[-4:] == ("quux", "zab", "zib", "blorp")
    lexicon.remove_lexicon_dir(first)
    lexicon.remove_lexicon_dir(second)
    add_language(xa={"time_units": ["blorp", "zib"]}, xb={"time_units": ["zab", "quux"]})
    assert lexicon.words("time_units")[-4:] == ("blorp", "zib", "zab", "quux")
    assert lexicon.alternation("time_units") == forward


def test_merge_rules(add_language: AddLanguage) -> None:
    months = _empty_months()
    months[4] = ["jan", "glorp"]  # "jan" is January already: the earlier month wins
    months[1] = ["glorp"]
    add_language(en={"months": months, "day_words": ["today", "the other day"]})
    assert lexicon.months()["jan"] == 1
    assert lexicon.months()["glorp"] == 2
    assert lexicon.words("day_words").count("today") == 1  # listed twice, kept once
    assert "the other day" in lexicon.words("day_words")  # a package language extended
    assert lexicon.languages().count("en") == 1


def test_gate_words_and_sets() -> None:
    assert lexicon.gate_words("say_verbs") >= {"dit", "scritto", "says"}
    assert "a" not in lexicon.gate_words("say_verbs")  # "a dit" gives its longest word
    assert lexicon.gate_words("day_words") >= {"aujourd", "just"}
    assert lexicon.gate_words("ago_words", "before_words", "day_words") == dates._RELATIVE_TRIGGERS
    assert lexicon.word_set("by_prepositions") == {"de", "di", "door", "от", "von"}
    assert lexicon.first_letters("posted_by_words") >= {"b", "v", "о"}
    # a shorter piece inside a longer one makes the longer one redundant
    gate = lexicon.gate_alternation("reply_phrases").split("|")
    assert "reply" in gate and "replying" not in gate
    with pytest.raises(ValueError):
        lexicon.gate_words("comment_nouns")  # a stem is no whole word


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"monthz": []}, "unknown field"),
        ({"months": [["x"]]}, "12 lists"),
        ({"weekdays": [[] for _ in range(6)]}, "7 lists"),
        ({"say_verbs": ["Says"]}, "lower-case"),
        ({"say_verbs": "says"}, "lower-case"),
        ({"say_verbs": [" says"]}, "lower-case"),
    ],
)
def test_bad_files_say_what_is_wrong(
    add_language: AddLanguage, fields: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        add_language(xx=fields)
        lexicon.words("say_verbs")


def test_a_new_language_is_read_by_the_dates(add_language: AddLanguage) -> None:
    text = "Glorpdi, 5 Zorblat 2024 att 17:46 and 3 blips gaan"
    assert dates.find_time(text) is None
    months = _empty_months()
    months[0] = ["zorblat", "zor"]
    weekdays: list[list[str]] = [[] for _ in range(7)]
    weekdays[0] = ["glorpdi"]
    add_language(
        xx={
            "months": months,
            "weekdays": weekdays,
            "time_connectors": ["att"],
            "time_units": ["blips"],
            "ago_words": ["gaan"],
        }
    )
    found = dates.find_time_span(text)
    assert found is not None and found.stamp.raw == "Glorpdi, 5 Zorblat 2024 att 17:46"
    assert found.stamp.parsed == dt.datetime(2024, 1, 5, 17, 46)
    relative = dates.find_time("3 blips gaan")
    assert relative is not None and relative.relative and relative.raw == "3 blips gaan"
    assert dates.find_time_span("Zor. 8th", loose=True) is not None


def test_the_environment_names_directories(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEXTCLEAN_CACHE_DIR", "")
    folder = tmp_path / "mine"
    folder.mkdir()
    months = _empty_months()
    months[11] = ["quuxember"]
    (folder / "xx.json").write_text(json.dumps({"language": "xx", "months": months}))
    monkeypatch.setenv(lexicon.ENVIRONMENT, str(folder))
    try:
        lexicon.reset()
        assert lexicon.directories()[-1] == folder and "xx" in lexicon.languages()
        stamp = dates.find_time("Quuxember 24, 2024")
        assert stamp is not None and stamp.parsed == dt.datetime(2024, 12, 24)
    finally:
        monkeypatch.delenv(lexicon.ENVIRONMENT)
        lexicon.reset()
    assert "quuxember" not in dates._MONTHS and dates.find_time("Quuxember 24, 2024") is None


def test_removing_a_directory_not_added_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        lexicon.remove_lexicon_dir(tmp_path)


def test_a_new_language_file_is_read_by_the_comment_and_metadata_filters(
    tmp_path: Path,
) -> None:
    """Where does Polish go? In a data file: with a say verb and a by-word of its
    own, the comment headers and the byline read it, no code changed
    (a fresh process, as the filters compile their patterns at import)."""
    (tmp_path / "szl.json").write_text(
        json.dumps({"language": "szl", "say_verbs": ["godo"], "by_words": ["napisoł"]}),
        encoding="utf-8",
    )
    code = (
        "from textclean.filters.comments import CommentOptions, parse_header\n"
        "from textclean.filters.metadata import read_meta_line\n"
        "head = parse_header('Jan Kowalski godo:', CommentOptions())\n"
        "print(head is not None and head.name is not None)\n"
        "print(read_meta_line('napisoł Jan Kowalski')[0] is not None)\n"
    )
    for env, expected in (
        ({}, "False\nFalse\n"),
        ({lexicon.ENVIRONMENT: str(tmp_path)}, "True\nTrue\n"),
    ):
        out = subprocess.run(
            [sys.executable, "-c", code],
            check=True,
            capture_output=True,
            text=True,
            env={**os.environ, **env},
        ).stdout
        assert out == expected, env
