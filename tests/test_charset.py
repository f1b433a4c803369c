"""Bytes that are not UTF-8: the detected code page, its note, and the fallbacks."""

from __future__ import annotations

import pytest

import textclean
from textclean.charset import SAMPLE_BYTES
from textclean.models import InputNote
from textclean.segment import decode

# Paragraphs written for these tests, each in a legacy code page its script uses.
PARAGRAPHS = {
    "cp1251": "Городской совет собрался во вторник и утвердил бюджет на следующий год. "
    "Депутаты долго спорили о расходах на школы, больницы и дороги, но в конце концов "
    "большинство проголосовало за предложение мэра.",
    "latin-1": "Der Stadtrat trat am Dienstag zusammen und verabschiedete den Haushalt für "
    "das nächste Jahr. Die Abgeordneten stritten lange über die Ausgaben für Schulen, "
    "Krankenhäuser und Straßen, aber am Ende stimmte die Mehrheit für den Vorschlag.",
    "shift_jis": "市議会は火曜日に開かれ、来年度の予算を承認した。議員たちは学校や病院、"
    "道路への支出について長い間議論したが、最終的には過半数が市長の提案に賛成した。",
    "gb18030": "市议会星期二开会，批准了明年的预算。议员们就学校、医院和道路的支出争论了"
    "很长时间，但最后多数人投票赞成市长的提议。",
    "cp1253": "Το δημοτικό συμβούλιο συνεδρίασε την Τρίτη και ενέκρινε τον προϋπολογισμό "
    "για το επόμενο έτος. Οι σύμβουλοι διαφώνησαν για πολύ καιρό σχετικά με τις δαπάνες "
    "για σχολεία, νοσοκομεία και δρόμους.",
}
# What the note names: cp1252 reads latin-1 letters the same, and cp932 is the
# Windows superset of Shift JIS (the text comes back the same).
NAMED = {"cp1251": "cp1251", "latin-1": "cp1252", "shift_jis": "cp932",
         "gb18030": "gb18030", "cp1253": "cp1253"}  # fmt: skip


@pytest.mark.parametrize("codec", sorted(PARAGRAPHS))
def test_a_legacy_code_page_is_detected_and_named(codec: str) -> None:
    text = PARAGRAPHS[codec]
    decoded, notes = decode(text.encode(codec))
    assert decoded == text
    assert [n.detail for n in notes] == [f"not UTF-8; decoded as {NAMED[codec]} (detected)"]


@pytest.mark.parametrize("codec", ["cp1251", "cp1253", "gb18030"])
def test_the_code_page_is_found_when_it_starts_late(codec: str) -> None:
    head = "Home\nNews\nSport\n" * (SAMPLE_BYTES // 8)  # ASCII past the sample's size
    text = head + PARAGRAPHS[codec] + "\n"
    decoded, notes = decode(text.encode(codec))
    assert decoded == text
    assert notes[0].detail.endswith("(detected)")


def test_a_word_or_two_falls_back_to_cp1252() -> None:
    # four bytes tell the detector nothing; cp1252 reads them whole
    assert decode(b"caf\xe9") == (
        "café",
        [InputNote(kind="encoding", detail="not UTF-8; decoded as cp1252")],
    )


def test_a_cp1252_page_with_typographic_quotes_stays_cp1252() -> None:
    text = "He said \u201cthe budget is \u20ac5 million\u201d \u2014 and the council agreed."
    decoded, notes = decode(text.encode("cp1252"))
    assert decoded == text
    assert "cp1252" in notes[0].detail


def test_bytes_past_the_sample_that_break_the_code_page_fall_back() -> None:
    # cp1251 in the sample, then a byte cp1251 has no character for (0x98)
    data = PARAGRAPHS["cp1251"].encode("cp1251") * 2 + b"\n" * SAMPLE_BYTES + b"\x98"
    decoded, notes = decode(data)
    assert [n.detail for n in notes] == ["not UTF-8; decoded as cp1252"]
    assert decoded == data.decode("cp1252")


def test_a_russian_page_in_cp1251_reads_as_russian() -> None:
    page = "\n".join([PARAGRAPHS["cp1251"]] * 3)
    doc = textclean.clean(page.encode("cp1251"))
    assert doc.language == "ru"
    assert doc.article is not None and "бюджет" in doc.article.text
