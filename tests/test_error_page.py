"""The error_page filter: "404 / Page not found" notices are no article."""

from __future__ import annotations

import pytest

import textclean

NAV = "Home\nNews\nSport\nCulture\nContact\n"
RELATED = (
    "You might be interested in\n"
    "Ferry company posts record summer season\n"
    "Harbour festival returns after two quiet years\n"
)


@pytest.mark.parametrize(
    ("heading", "apology"),
    [
        ("404 Page not found", "Sorry, we couldn't find the page you were looking for."),
        ("Error 404", "The page you requested may have been moved, renamed or deleted."),
        ("Seite nicht gefunden", "Leider konnten wir die gewünschte Seite nicht finden."),
        ("Página no encontrada", "Lo sentimos, la página que buscas no existe o se ha movido."),
    ],
)
def test_error_notices_leave_no_article(heading: str, apology: str) -> None:
    doc = textclean.clean(
        f"{NAV}{heading}\n{apology} Try the search or the links below.\n{RELATED}"
    )
    assert doc.article is None
    assert any(r.category == "error-page" and apology[:20] in r.text for r in doc.removed)


def test_an_article_about_errors_stays() -> None:
    body = (
        "The city's new parking website returned a 404 error for most of Monday, and "
        "residents who tried to renew permits were told the page was not found.\n"
    ) * 6
    doc = textclean.clean(f"{NAV}Parking site fails on its first day\n{body}")
    assert doc.article is not None and "404 error" in doc.article.text
