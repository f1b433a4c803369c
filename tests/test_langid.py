"""The reported language (the identifier) and the stop-word list the features use."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import textclean
from textclean.langid import identify
from textclean.page import Page

# Short texts written for these tests.
ARAGONESE = (
    "A ciudat ye chicota pero muit polita, y as suyas carreras son plenas de chent que "
    "charra en aragonés cada día dende que se leva. O consello d'a ciudat s'aplegó o "
    "martes y aprebó o presupuesto de l'anyo que viene."
)
CHINESE = (
    "市议会星期二开会，批准了明年的预算。议员们就学校、医院和道路的支出争论了很长时间，"
    "但最后多数人投票赞成市长的提议。"
)
GERMAN = (
    "Der Stadtrat trat am Dienstag zusammen und verabschiedete den Haushalt für das "
    "nächste Jahr. Die Abgeordneten stritten lange über die Ausgaben für Schulen."
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (ARAGONESE, "an"),
        (CHINESE, "zh"),
        ("La ciutat és petita però molt bonica, i els seus carrers són plens de gent.", "ca"),
        ("Město je malé, ale velmi krásné, a jeho ulice jsou plné lidí.", "cs"),
        ("Staden är liten men mycket vacker, och dess gator är fulla av människor.", "sv"),
        ("Şehir küçük ama çok güzel ve sokakları her gün insanlarla dolu.", "tr"),
    ],
)
def test_the_identifier_names_languages_the_vote_cannot(text: str, code: str) -> None:
    assert identify(text) == code


def test_a_language_without_a_list_is_reported_and_counted_with_the_nearest() -> None:
    page = Page(ARAGONESE)
    assert page.language == "an"
    # no Aragonese list: the vote's nearest list, as the line model was trained
    assert page.stop_language == "es"


def test_a_chinese_page_is_not_english() -> None:
    doc = textclean.clean("\n".join([CHINESE] * 3))
    assert doc.language == "zh"


def test_a_language_with_a_list_counts_its_own_list() -> None:
    page = Page(GERMAN)
    assert (page.language, page.stop_language) == ("de", "de")


def test_unsure_or_empty_text_keeps_the_vote() -> None:
    assert identify("Test Case 1") is None
    assert identify("12 345 — 678") is None
    assert Page("Test Case 1").language == Page("Test Case 1").stop_language
    assert textclean.clean("").language == "en"  # as before: the vote's default


def test_import_loads_neither_the_identifier_nor_the_charset_detector() -> None:
    code = (
        "import sys, textclean\n"
        "print([m for m in ('py3langid', 'charset_normalizer') if m in sys.modules])\n"
        "textclean.clean('The council met on Tuesday and agreed the budget.')\n"
        "print('py3langid' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout.split()
    assert out == ["[]", "True"]


def test_the_cached_model_answers_as_the_shipped_file(tmp_path: Path) -> None:
    code = (
        "from textclean.langid import _identifier\n"
        "texts = ['The council met on Tuesday.', 'Der Rat tagte am Dienstag.', '市议会开会']\n"
        "print([[(c, round(s, 3)) for c, s in _identifier().rank(t)[:3]] for t in texts])\n"
    )

    def run(cache: str) -> str:
        env = {**os.environ, "TEXTCLEAN_CACHE_DIR": cache}
        return subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env
        ).stdout

    off = run("")
    cold = run(str(tmp_path))
    assert any(p.name.startswith("langid-model-") for p in tmp_path.iterdir())
    assert off == cold == run(str(tmp_path))


def test_a_big_page_lets_go_of_the_identifiers_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    """About 70 MB stay resident once a page needed the identifier; a big page is
    worth more than them (a 50 MB page's peak must stay under 1 GB)."""
    import textclean.pipeline
    from textclean.langid import _identifier, identify

    identify("Der Hund und die Katze sind nicht im Haus, sie spielen im Garten.")
    assert _identifier.cache_info().currsize == 1
    textclean.clean("Der Hund und die Katze sind nicht im Haus, sie spielen im Garten.\n" * 40)
    assert _identifier.cache_info().currsize == 1  # a small page keeps them
    monkeypatch.setattr(textclean.pipeline, "BIG_PAGE", 1_000)
    textclean.clean("Der Hund und die Katze sind nicht im Haus, sie spielen im Garten.\n" * 40)
    assert _identifier.cache_info().currsize == 0
