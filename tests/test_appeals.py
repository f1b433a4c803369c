"""The appeals filter: the site's calls to action at the article's edges."""

from __future__ import annotations

from textclean import clean
from textclean.filters.appeals import AppealFilter, AppealOptions, appeal, closing_heading
from textclean.page import Label, Page

PROSE = [
    "The council met on Tuesday evening and agreed the budget for the coming year after a debate.",
    "Spending on schools rises by four percent, while the roads budget is frozen until autumn.",
    "The opposition said the plan left too little for housing and promised to raise it in March.",
]


def judged(lines: list[str], article: range | None = None) -> Page:
    """A page whose lines the line model has labelled article (all, or `article`)."""
    page = Page("\n".join(lines) + "\n")
    for i in article if article is not None else range(len(lines)):
        page.decide(i, Label.ARTICLE, "content", "prose", 0.6)
    AppealFilter().apply(page)
    return page


def categories(page: Page) -> list[str | None]:
    out = []
    for i in range(len(page.lines)):
        d = page.standing(i)
        out.append(d.category if d is not None else None)
    return out


def test_calls_to_action_at_the_end_are_removed_up_to_the_article() -> None:
    page = judged(
        [*PROSE, "Subscribe to our newsletter for the week's news.", "Follow us on Facebook and X."]
    )
    assert categories(page) == [None, None, None, "appeal", "appeal"]
    assert page.label(2) is Label.ARTICLE
    assert page.standing(3).filter == "appeals"  # type: ignore[union-attr]


def test_the_walk_stops_at_the_first_line_that_is_not_an_appeal() -> None:
    # the appeal inside the article stays: only the edges are the site's
    page = judged([PROSE[0], "Subscribe to our newsletter for the week's news.", *PROSE[1:]])
    assert categories(page) == [None, None, None, None]


def test_an_appeal_opening_the_article_is_removed() -> None:
    page = judged(["Síguenos en Telegram, Instagram y Facebook", *PROSE])
    assert categories(page) == ["appeal", None, None, None]


def test_lines_removed_before_are_stepped_over() -> None:
    lines = [*PROSE, "Share", "Jetzt abonnieren und nichts mehr verpassen!"]
    page = judged(lines, article=range(3))
    page.decide(4, Label.ARTICLE, "content", "prose", 0.6)
    page.decide(3, Label.BOILERPLATE, "widgets", "share label", 0.7, "widget:share")
    AppealFilter().apply(page)
    assert categories(page) == [None, None, None, "widget:share", "appeal"]


def test_a_long_paragraph_with_the_words_is_the_articles_own() -> None:
    long_line = "Readers who subscribe to our newsletter " + "said the budget was fair " * 8
    assert len(long_line.split()) > AppealOptions().max_words
    page = judged([*PROSE, long_line])
    assert categories(page) == [None, None, None, None]


def test_a_social_network_needs_a_follow_verb() -> None:
    assert appeal("Twitter said on Monday that it would change its rules.") is None
    assert appeal("The ministry said it would follow the advice.") is None
    assert appeal("Folgen Sie uns auf Instagram") is not None
    page = judged([*PROSE, "Twitter said on Monday that it would change its rules."])
    assert categories(page) == [None, None, None, None]


def test_a_closing_heading_ends_the_article() -> None:
    lines = [*PROSE, *PROSE, "About the author", "Jo Bloggs has covered the council since 2009."]
    page = judged(lines)
    assert categories(page) == [None] * 6 + ["after-article", "after-article"]
    assert "closes the article" in page.standing(6).reason  # type: ignore[union-attr]


def test_a_closing_heading_needs_an_article_above_it() -> None:
    # a short page under "About the author" is the author's page
    page = judged(["About the author", "Jo Bloggs has covered the council since 2009."])
    assert categories(page) == [None, None]


def test_a_heading_is_short_and_ends_no_sentence() -> None:
    assert closing_heading("Über den Autor", 3, 6)
    assert closing_heading("Ihre Meinung zu diesem Thema:", 5, 6)
    assert not closing_heading("The author lives in Leeds.", 5, 6)
    assert not closing_heading("About the author of this fine and very long report", 10, 6)


def test_the_authors_note_closing_the_article_is_removed() -> None:
    page = judged([*PROSE, "Der Autor ist Professor an der Universität Bonn."])
    assert categories(page) == [None, None, None, "appeal"]
    # the same words inside the article stay
    page = judged([PROSE[0], "The author of the plan, Jo Bloggs, defended it.", *PROSE[1:]])
    assert categories(page) == [None, None, None, None]


def test_clean_accounts_for_the_removed_appeal() -> None:
    text = (
        "Home | News | Sport | Contact\n\n"
        + "\n\n".join(PROSE * 2)
        + "\n\nFollow us on Twitter and Instagram for more news from the town hall.\n"
    )
    doc = clean(text)
    assert doc.article is not None
    assert "Follow us" not in doc.article.text
    removed = [r for r in doc.removed if r.filter == "appeals"]
    assert [r.category for r in removed] == ["appeal"]
    assert text[removed[0].start : removed[0].end].startswith("Follow us on Twitter")
