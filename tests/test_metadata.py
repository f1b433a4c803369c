"""Title, deck and byline selection (textclean/filters/metadata.py, textclean/metadata/) on
invented pages."""

from __future__ import annotations

import textclean
from textclean import default_pipeline
from textclean.filters.metadata import MetadataFilter, MetadataOptions, read_meta_line
from textclean.metadata.signals import TITLE_SIGNALS
from textclean.models import Article

NAV = "Home\nNews\nSport\nBusiness\nWeather\nContact us\n"
BODY = (
    "The harbour council voted on Tuesday to rebuild the old ferry pier before the summer,"
    " ending a dispute that had divided the town for more than two years.\n"
    "Councillors said the new pier would be wider and safer, and that the ferry company had"
    " agreed to pay a third of the cost over the next ten years.\n"
    "Residents who had opposed the plan said they would watch the work closely, but most of"
    " the people at the meeting welcomed the decision with applause.\n"
    "Construction is expected to begin in March, and the ferry will use a temporary landing"
    " on the north beach while the pier is closed to the public.\n"
)


def article(text: str) -> Article:
    doc = textclean.clean(text)
    assert doc.article is not None
    return doc.article


def test_headline_beyond_a_long_share_bar_is_found() -> None:
    # menus and share buttons between headline and body count for little
    share = "".join(f"{w}\n" for w in ["Email", "Print", "Share", "Digg", "Facebook", "Reddit"] * 4)
    a = article(f"{NAV}Council votes to rebuild ferry pier\nBy Mara Lindqvist\n{share}{BODY}")
    assert a.title == "Council votes to rebuild ferry pier"


def test_related_stories_are_not_the_headline() -> None:
    related = (
        "Related News\n"
        "Ferry company posts record summer season\n"
        "Harbour festival returns after two quiet years\n"
        "New lighthouse museum opens to visitors\n"
        "Fishing fleet warns of rising fuel costs\n"
    )
    a = article(f"{NAV}Council votes to rebuild ferry pier\nMarch 4, 2024\n{related}{BODY}")
    assert a.title == "Council votes to rebuild ferry pier"


def test_breadcrumb_is_not_the_headline_but_a_question_is() -> None:
    text = (
        f"{NAV}» Home » Local News » Will the ferry pier be rebuilt at last?\n"
        "Will the ferry pier be rebuilt at last?\n"
        "By Mara Lindqvist | Published 03/04/2024 | Local News\n"
        f"{BODY}"
    )
    assert article(text).title == "Will the ferry pier be rebuilt at last?"


def test_title_cased_headline_ending_in_an_abbreviation() -> None:
    # "P.m." ends in a full stop, yet it is a headline, not the first paragraph
    text = f"{NAV}Harbour Hawks (12-4) Host Bay City Gulls (9-7), 7 P.m.\n{BODY}"
    assert article(text).title == "Harbour Hawks (12-4) Host Bay City Gulls (9-7), 7 P.m."


def test_score_line_and_field_lines_are_not_headlines() -> None:
    text = (
        f"{NAV}Hawks hold on for a late win\nBy Mara Lindqvist\nMarch 4, 2024\n"
        "Source: Harbour Wire Service\n"
        "Harbour Hawks 2 Bay City Gulls 1\n"
        f"{BODY}"
    )
    assert article(text).title == "Hawks hold on for a late win"


def test_unlabelled_byline_above_the_date_is_not_the_headline() -> None:
    text = (
        f"{NAV}Council backs pier plan after long row\n"
        f"Mara Lindqvist in Northport\nSunday March 3, 2024\n{BODY}"
    )
    assert article(text).title == "Council backs pier plan after long row"


def test_role_line_is_not_the_headline() -> None:
    text = (
        f"{NAV}Council backs pier plan\nMara Lindqvist\n"
        f"Harbour Times Staff Writer\nMarch 3, 2024\n{BODY}"
    )
    assert article(text).title == "Council backs pier plan"


def test_headline_with_by_inside_is_no_byline() -> None:
    assert read_meta_line("Gulls edged by Hawks in overtime thriller")[0] is None
    assert read_meta_line("Hawks squeak past the Gulls as fans cheer by Harbour")[0] is None
    line = "Photos by Mara Lindqvist"
    name, _ = read_meta_line(line)
    assert name is not None and line[name[0] : name[1]] == "Mara Lindqvist"


def test_promotions_ending_in_exclamations_do_not_start_the_body() -> None:
    promos = (
        "Win a weekend for two at the Harbour Hotel this spring!\n"
        "Sign up today and get your first month of the paper free!\n"
    )
    text = f"{NAV}{promos}Council votes to rebuild ferry pier\nMarch 4, 2024\n{BODY}"
    assert article(text).title == "Council votes to rebuild ferry pier"


def test_deck_is_kept_apart_and_a_dateline_is_no_deck() -> None:
    text = (
        f"{NAV}Council votes to rebuild ferry pier\n"
        "Two years of argument end with a wider pier and a shared bill\n"
        "By Mara Lindqvist\nMarch 4, 2024\n"
        f"{BODY}"
    )
    a = article(text)
    assert a.title == "Council votes to rebuild ferry pier"
    assert a.subtitle == "Two years of argument end with a wider pier and a shared bill"
    text = f"{NAV}Council votes to rebuild ferry pier\nMon 4 Mar, 10:45 AM\n{BODY}"
    assert article(text).subtitle is None


def test_hard_wrapped_body_lines_are_not_headlines() -> None:
    wrapped = (
        "The harbour council voted on Tuesday to rebuild the old ferry\n"
        "pier before the summer, ending a dispute that had divided the\n"
        "town for more than two years. Councillors said the new pier\n"
        "would be wider and safer.\n"
        "Status of the Works\n"
        "The ferry company had agreed to pay a third of the cost over\n"
        "the next ten years, and residents who had opposed the plan said\n"
        "they would watch the work closely.\n"
        "Construction is expected to begin in March, and the ferry will\n"
        "use a temporary landing on the north beach.\n"
    )
    a = article(f"Ferry Pier Works Notice\n{wrapped}{BODY}")
    assert a.title in (None, "Ferry Pier Works Notice")


def test_title_cased_headline_like_a_name_line_stays_the_headline() -> None:
    # "Name in Place" shape, but nothing headline-like above it: it is the headline
    text = f"{NAV}text size: A | A | A\nMarlow Appearing in Harbour Parade\nMarch 4, 2024\n{BODY}"
    assert article(text).title == "Marlow Appearing in Harbour Parade"


def test_subheads_under_the_lede_are_not_the_headline() -> None:
    long_para = (
        "The ferry company said on Monday that the temporary landing on the north beach"
        " would open in March, and that timetables would change for about six months while"
        " the old pier is taken down and the new one is built on the same foundations.\n"
    )
    text = (
        f"{NAV}Council votes to rebuild ferry pier\nBy Mara Lindqvist\n"
        "Everything you need to know about the works, the timetable and the cost.\n"
        "The timetable\nWhat changes in March\n"
        f"{long_para}{BODY}"
    )
    assert article(text).title == "Council votes to rebuild ferry pier"


def test_an_updated_line_under_the_date_leaves_the_body() -> None:
    doc = textclean.clean(
        f"{NAV}Council votes to rebuild ferry pier\nBy Mara Lindqvist\n"
        f"March 12, 2024\nUpdated March 12, 2024 at 9:40 a.m.\n{BODY}"
    )
    assert doc.article is not None and doc.article.published is not None
    assert doc.article.published.raw == "March 12, 2024"
    assert "Updated" not in doc.article.text
    assert any(r.category == "date-label" and "Updated" in r.text for r in doc.removed)


def test_a_photo_credit_closing_a_line_makes_it_a_caption() -> None:
    caption = "The new pier under construction in May. Photo by Ines Carvalho / Harbour Times"
    a = article(f"{NAV}Council votes to rebuild ferry pier\n{BODY}{caption}\n")
    assert caption in a.captions and caption not in a.text
    # a photo taken "by the lake" in a sentence is no credit
    sentence = "We took a photo by the old lighthouse on the way back, as everyone does there."
    assert sentence in article(f"{NAV}Council votes to rebuild ferry pier\n{BODY}{sentence}\n").text


def test_short_credits_and_stock_photo_credits_are_captions() -> None:
    credits = ("Foto: Jana Roth", "Photo by ev on Unsplash", "(crédito: Ana Souza/CB/D.A Press)")
    for credit in credits:
        a = article(f"{NAV}Council votes to rebuild ferry pier\n{credit}\n{BODY}")
        assert credit in a.captions and credit not in a.text
    # a two-word line without the credit word and colon is no credit
    assert "Photography Club" not in article(
        f"{NAV}Council votes to rebuild ferry pier\n{BODY}Photography Club\n"
    ).captions


def test_claims_an_earlier_filter_made_are_kept() -> None:
    # a forum thread's first post gives byline and date from its removed header: the
    # metadata filter adds no second byline or date from lines near the body
    from textclean.page import Label, MetaClaim, Page

    text = (
        "Home\nBig News Today\nBy Jane Doe\nMarch 3, 2024\n"
        + "A sentence of the body that is long enough, as they are.\n" * 2
    )
    page = Page(text)
    for i in (4, 5):
        page.decide(i, Label.ARTICLE, "test", "body")
    page.meta.append(MetaClaim("byline", -1, 0, 4, "Pat Roe", "comments", "post header"))
    page.meta.append(MetaClaim("date", -1, 0, 4, "May 1, 2024", "comments", "post header"))
    MetadataFilter().apply(page)
    roles = [m.role for m in page.meta]
    assert roles.count("byline") == 1 and roles.count("date") == 1
    assert page.meta[0].value == "Pat Roe"


def test_a_site_name_with_a_preposition_is_no_byline() -> None:
    # "de", "di", "door", "von" closing a line are prepositions there, bylines only
    # after a date or a posting verb
    for line in ("Le Jardin de Solène", "La Gazzetta di Montebello", "Tuinieren aan de Linge"):
        assert read_meta_line(line)[0] is None
    line = "Publié le 3 mai 2024 par Solène Le Brun"
    name, when = read_meta_line(line)
    assert name is not None and line[name[0] : name[1]] == "Solène Le Brun"
    assert when is not None and when.stamp.raw == "3 mai 2024"
    line = "di Marta Ricci"
    name, _ = read_meta_line(line)
    assert name is not None and line[name[0] : name[1]] == "Marta Ricci"


def test_the_byline_date_beats_the_masthead_date() -> None:
    doc = textclean.clean(
        f"The Harbour Sentinel\nThursday, March 7, 2024\n{NAV}"
        f"Council votes to rebuild ferry pier\nPosted on March 6, 2024 by Mara Lindqvist\n{BODY}"
    )
    assert doc.article is not None and doc.article.published is not None
    assert doc.article.published.raw == "March 6, 2024"
    assert doc.article.byline == "Mara Lindqvist"


def test_a_one_paragraph_post_keeps_its_paragraph_as_body() -> None:
    # the only line under the headline is the post, not its deck
    line = (
        "A four-part documentary series follows three photographers through two years of"
        " work in the field, and its first episode airs on Sunday night."
    )
    text = (
        f"{NAV}New documentary follows conflict photographers\n{line}\n"
        "Read more here: http://www.example.org\nLeave a Comment\n"
    )
    a = article(text)
    assert a.subtitle is None
    assert a.text == line


# "Mara Lindqvist in Northport": a byline shaped like a headline, right above the date
NAME_UNDER_HEADLINE = (
    f"{NAV}Council backs pier plan after long row\n"
    f"Mara Lindqvist in Northport\nSunday March 3, 2024\n{BODY}"
)


def test_every_title_signal_is_weighed_by_a_weight_option() -> None:
    fields = MetadataOptions.model_fields
    for signal in TITLE_SIGNALS:
        assert signal.weight in fields, signal.name
        field = fields[signal.weight]
        assert field.annotation is float, signal.name
        assert any(getattr(m, "ge", None) == 0.0 for m in field.metadata), signal.name
        assert signal.factor in (1, -1, -2), signal.name
    assert len({s.name for s in TITLE_SIGNALS}) == len(TITLE_SIGNALS)


def test_a_title_signal_weighs_what_its_option_says() -> None:
    traces: dict[float, list[tuple[int, float, list[str]]]] = {}
    titles: dict[float, str | None] = {}
    for penalty in (1.5, 0.0):
        metadata = MetadataFilter(name_line_penalty=penalty)
        metadata.trace = []
        doc = default_pipeline().replace("metadata", metadata).run(NAME_UNDER_HEADLINE)
        traces[penalty] = metadata.trace
        titles[penalty] = doc.article.title if doc.article else None
    assert titles[1.5] == "Council backs pier plan after long row"
    assert titles[0.0] == "Mara Lindqvist in Northport"
    # the name line's score rises by the penalty, the headline's stays
    (line, with_penalty, why), headline = traces[1.5]
    assert "a name beside the date: a byline" in why
    # (scores in the trace are rounded to 2 places)
    assert traces[0.0][0][0] == line and abs(traces[0.0][0][1] - (with_penalty + 1.5)) < 0.011
    assert traces[0.0][1] == headline


def test_the_title_reason_lists_the_signals_that_held_in_table_order() -> None:
    metadata = MetadataFilter()
    metadata.trace = []
    page = default_pipeline().replace("metadata", metadata).judge(NAME_UNDER_HEADLINE)
    order = [s.reason for s in TITLE_SIGNALS if s.reason is not None]
    for _, _, why in metadata.trace:
        assert why == sorted(why, key=order.index)
    line, _, why = max(metadata.trace, key=lambda entry: entry[1])
    (title,) = [m for m in page.meta if m.role == "title"]
    assert title.line == line
    assert title.reason == ", ".join(["headline-shaped line above the body", *why])
