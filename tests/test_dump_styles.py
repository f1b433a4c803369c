"""Other dump styles than the fixtures': the same page hard-wrapped at 72
columns (as mail and fixed-width text reads), indented and wrapped as lynx
prints it, or indented (as table layouts render) must give much the same
article and the same comments."""

from __future__ import annotations

import pytest

import textclean
from textclean.evaluation import tpfpfn
from textclean.restyle import hard_wrapped, indented, lynx_like

from .conftest import FIXTURES

PAGES = ["news-byline-date", "wordpress-native-comments", "german-news", "spanish-news"]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("restyle", [hard_wrapped, lynx_like, indented])
def test_restyled_page_keeps_its_article_and_comments(page: str, restyle: object) -> None:
    text = (FIXTURES / f"{page}.txt").read_text(encoding="utf-8")
    base = textclean.clean(text)
    other = textclean.clean(restyle(text))  # type: ignore[operator]
    assert base.article is not None and other.article is not None
    tp, fp, fn = tpfpfn(base.article.text, other.article.text)
    assert tp / (tp + fp) >= 0.8, "restyled page took in text the original did not"
    assert tp / (tp + fn) >= 0.9, "restyled page lost article text"
    assert [c.author for c in other.comments] == [c.author for c in base.comments]
