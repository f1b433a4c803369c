"""The server-errors filter: PHP messages printed into invented pages, and prose that
only looks like them."""

from __future__ import annotations

import pytest

from textclean import clean
from textclean.filters.server_errors import ServerErrorFilter
from textclean.page import Page

PROSE = "The council met on Tuesday and agreed the budget after a long and heated debate.\n"


def _category(text: str, line: int) -> str | None:
    page = Page(text)
    ServerErrorFilter().apply(page)
    decision = page.standing(line)
    return decision.category if decision is not None else None


@pytest.mark.parametrize(
    "message",
    [
        "Warning: mysql_connect(): Access denied for user 'web'@'localhost' (using password: "
        "YES) in /home/web/public_html/db.php on line 12",
        "Notice: Undefined index: page in /var/www/html/index.php on line 7",
        "Deprecated: Function create_function() is deprecated in "
        "/srv/site/wp-content/plugins/gallery/gallery.php on line 301",
        "Fatal error: Uncaught Error: Call to undefined function mysql_query() in "
        "C:\\xampp\\htdocs\\shop\\cart.php:44",
        "Parse error: syntax error, unexpected '}' in /home/a/site/theme/header.inc on line 9",
        "PHP Warning: Cannot modify header information - headers already sent in "
        "/usr/share/site/lib/session.php on line 88",
    ],
)
def test_php_messages_are_removed(message: str) -> None:
    assert _category(f"{message}\n{PROSE}", 0) == "server-error"


@pytest.mark.parametrize(
    "line",
    [
        "Warning: graphic pictures ahead, as the report shows the crash site in detail.",
        "Notice: the office is closed in July while the building is repaired on line 4.",
        "Deprecated: the old tram line in the east, replaced by buses from 1998.",
    ],
)
def test_prose_with_a_level_word_stays(line: str) -> None:
    assert _category(f"{line}\n{PROSE}", 0) is None


def test_a_quoted_message_stays() -> None:
    question = (
        "When I open the page I get this error:\n"
        "Notice: Undefined index: page in /var/www/html/index.php on line 7\n"
    )
    assert _category(question, 1) is None


def test_the_article_does_not_open_with_the_warning() -> None:
    dump = (
        "Warning: Use of undefined constant THEME_VERSION - assumed 'THEME_VERSION' in "
        "/home/site/public_html/wp-content/themes/news/functions.php on line 45\n"
        "Local elections\n"
        "The council met on Tuesday and agreed the budget after a long and heated debate, "
        "the first in the new hall.\n"
        "The mayor said that the plan would cut the waiting lists for housing by half before "
        "the end of the next year.\n"
        "The opposition voted against it and called for a review of the figures in spring.\n"
    )
    article = clean(dump).article
    assert article is not None
    assert "THEME_VERSION" not in article.text
    assert "waiting lists" in article.text
