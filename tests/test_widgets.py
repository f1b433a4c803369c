"""The widgets filter: vocabulary categories and shapes on invented lines."""

from __future__ import annotations

import pytest

from textclean.filters.widgets import WidgetFilter
from textclean.page import Decision, Page

PROSE = "The council met on Tuesday and agreed the budget after a long debate.\n"


def second_line(text: str) -> Decision | None:
    """The widgets filter's decision on the second line of `text`."""
    page = Page(text)
    WidgetFilter().apply(page)
    return page.standing(1)


@pytest.mark.parametrize(
    "counter",
    [
        "3,418 views",
        "Views: 12",
        "1.2K views",
        "Просмотров: 3 418",
        "Aufrufe: 1.234",
        "245 visualizações",
    ],
)
def test_view_counters_are_removed(counter: str) -> None:
    decision = second_line(f"{PROSE}{counter}\n{PROSE}")
    assert decision is not None and decision.category == "counter"


@pytest.mark.parametrize("line", ["A room with great views", "Views differ on the plan."])
def test_prose_about_views_stays(line: str) -> None:
    assert second_line(f"{PROSE}{line}\n") is None


@pytest.mark.parametrize(
    "line",
    [
        "This post may contain affiliate links. As an Amazon Associate I earn from "
        "qualifying purchases. See our full disclosure policy for details.",
        "Dieser Artikel enthält Affiliate-Links: Wenn du darüber kaufst, erhalten wir eine "
        "kleine Provision.",
    ],
)
def test_affiliate_disclosures_are_removed(line: str) -> None:
    decision = second_line(f"{PROSE}{line}\n{PROSE}")
    assert decision is not None and decision.category == "advertisement"


def test_ratings_and_print_buttons_are_removed() -> None:
    page = Page(f"{PROSE}★★★★★ 4.8 from 36 votes\nPrint Recipe\n{PROSE}")
    WidgetFilter().apply(page)
    assert [page.standing(i).category for i in (1, 2)] == ["counter", "print"]  # type: ignore[union-attr]


def test_prose_about_affiliates_stays() -> None:
    page = Page(
        f"{PROSE}The retailer's affiliate programme paid bloggers a record sum last year.\n"
    )
    WidgetFilter().apply(page)
    assert page.standing(1) is None


# Lines of one width read as a paragraph wrapped at that width (and are joined):
# the article around a short line is longer than it.
LONG_PROSE = (
    "The council met on Tuesday and agreed the budget after a long and heated debate "
    "that ran well into the evening.\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "Lea también: El puerto reabre tras la tormenta de la semana pasada",
        "MIRA: Vecinos limpian la playa después del festival",
        "Czytaj też: Nowy most otwarty dla pieszych",
        "Lesen Sie auch: Warum der Bahnhof erst 2030 fertig wird",
        "PUEDES VER: ¿Cuándo abre el nuevo mercado?",
        "À lire aussi | Le musée rouvre ses portes",
    ],
)
def test_read_also_links_are_removed(line: str) -> None:
    decision = second_line(f"{LONG_PROSE}{line}\n{LONG_PROSE}")
    assert decision is not None and decision.category == "related"


@pytest.mark.parametrize(
    "line",
    [
        "Mira: el problema no es el dinero, es el tiempo que perdimos.",
        "Leaders: the summit ends without an agreement on trade",
        "More than thirty people came to read: the library was full",
    ],
)
def test_prose_opening_like_a_read_also_link_stays(line: str) -> None:
    assert second_line(f"{LONG_PROSE}{line}\n") is None


@pytest.mark.parametrize(
    "header", ["Für dich empfohlen", "Next Up In Tech", "Good Deals", "Explore further"]
)
def test_teaser_block_headers_are_related(header: str) -> None:
    decision = second_line(f"{LONG_PROSE}{header}\n{LONG_PROSE}")
    assert decision is not None and decision.category == "related"


@pytest.mark.parametrize(
    "heading", ["Czytaj też:", "See also:", "Lesen Sie auch:", "» Lire aussi :"]
)
def test_a_read_also_heading_alone_is_removed(heading: str) -> None:
    decision = second_line(f"{PROSE}{heading}\n{PROSE}")
    assert decision is not None and decision.category == "related"


def test_a_sentence_starting_like_a_read_also_label_stays() -> None:
    assert second_line(f"{PROSE}See also the minutes of the meeting:\n{PROSE}") is None
