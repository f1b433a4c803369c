"""The widgets filter: vocabulary categories and shapes on invented lines."""

from __future__ import annotations

import pytest

from textclean.filters.widgets import WidgetFilter
from textclean.page import Page

PROSE = "The council met on Tuesday and agreed the budget after a long debate.\n"


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
    page = Page(f"{PROSE}{counter}\n{PROSE}")
    WidgetFilter().apply(page)
    decision = page.standing(1)
    assert decision is not None and decision.category == "counter"


@pytest.mark.parametrize("line", ["A room with great views", "Views differ on the plan."])
def test_prose_about_views_stays(line: str) -> None:
    page = Page(f"{PROSE}{line}\n")
    WidgetFilter().apply(page)
    assert page.standing(1) is None
