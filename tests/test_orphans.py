"""The orphans filter: comment-labelled prose on a page without comments."""

from __future__ import annotations

from textclean import clean
from textclean.filters.orphans import OrphanCommentFilter
from textclean.page import CommentDraft, Evidence, Label, Page

PARAGRAPH = (
    "The committee considered the evidence at length and concluded that the measures "
    "adopted so far had not reached the people they were meant to help."
)


def _page(lines: list[str], labels: list[Label], evidence: Evidence = Evidence.SCORE) -> Page:
    """Lines labelled as the line model would label them (a scorer's guesses)."""
    page = Page("\n".join(lines) + "\n")
    for i, label in enumerate(labels):
        confidence = 0.6 if label is not Label.COMMENT else 0.55
        page.decide(i, label, "scorer", "test", confidence, None, evidence)
    return page


def test_report_paragraphs_rejoin_the_article() -> None:
    lines = [PARAGRAPH, f"71. {PARAGRAPH}", f"72. {PARAGRAPH}", "Print this page"]
    labels = [Label.ARTICLE, Label.COMMENT, Label.COMMENT, Label.BOILERPLATE]
    page = _page(lines, labels)
    OrphanCommentFilter().apply(page)
    assert [page.label(i) for i in range(4)] == [Label.ARTICLE] * 3 + [Label.BOILERPLATE]
    assert page.standing(1) is not None and page.standing(1).filter == "orphans"


def test_missed_discussion_stays_out() -> None:
    lines = [PARAGRAPH, "Posted by jo_k on 01/13/08 at 1:54PM", PARAGRAPH]
    labels = [Label.ARTICLE, Label.COMMENT, Label.COMMENT]
    page = _page(lines, labels)
    OrphanCommentFilter().apply(page)
    assert page.label(1) is Label.COMMENT and page.label(2) is Label.COMMENT


def test_short_notes_and_far_runs_stay_out() -> None:
    notes = ["Jane Roe, Editor", "Contact us.", "Want to submit a story?"]
    page = _page([PARAGRAPH, *notes], [Label.ARTICLE] + [Label.COMMENT] * 3)
    OrphanCommentFilter().apply(page)
    assert all(page.label(i) is Label.COMMENT for i in (1, 2, 3))

    far = [PARAGRAPH, "Menu", "Home", "About", "Archive", PARAGRAPH]
    labels = [Label.ARTICLE] + [Label.BOILERPLATE] * 4 + [Label.COMMENT]
    page = _page(far, labels)
    OrphanCommentFilter(gap=2).apply(page)
    assert page.label(5) is Label.COMMENT


def test_pages_with_comments_are_left_alone() -> None:
    page = _page([PARAGRAPH, PARAGRAPH], [Label.ARTICLE, Label.COMMENT])
    page.comments.append(CommentDraft(lines=[1]))
    OrphanCommentFilter().apply(page)
    assert page.label(1) is Label.COMMENT


def test_can_be_removed_from_the_pipeline() -> None:
    from textclean import default_pipeline

    pipeline = default_pipeline().without("orphans")
    assert "orphans" not in pipeline.names()
    assert clean(PARAGRAPH, pipeline=pipeline).article is not None


def test_only_a_scorers_comment_lines_are_reconsidered() -> None:
    """Orphans reads what a verdict rests on, not which filter wrote it: a comment
    line found by its context (a comment section's structure) stays a comment."""
    lines = [PARAGRAPH, f"71. {PARAGRAPH}", f"72. {PARAGRAPH}", "Print this page"]
    labels = [Label.ARTICLE, Label.COMMENT, Label.COMMENT, Label.BOILERPLATE]
    page = _page(lines, labels, Evidence.CONTEXT)
    OrphanCommentFilter().apply(page)
    assert page.label(1) is Label.COMMENT and page.label(2) is Label.COMMENT
    named = _page(lines, labels, Evidence.CONTEXT)
    OrphanCommentFilter(source="scorer").apply(named)  # a filter named in the options
    assert named.label(1) is Label.ARTICLE


def test_prose_above_the_comment_section_rejoins_the_article() -> None:
    lines = [PARAGRAPH, f"More: {PARAGRAPH}", "2 Comments", "Jo", PARAGRAPH]
    labels = [Label.ARTICLE, Label.COMMENT, Label.BOILERPLATE, Label.COMMENT, Label.COMMENT]
    page = _page(lines, labels)
    page.comments.append(CommentDraft(lines=[4]))
    page.comment_section = (2, 5)
    OrphanCommentFilter().apply(page)
    assert page.label(1) is Label.ARTICLE  # above the section, continuing the article
    assert page.label(4) is Label.COMMENT  # inside it: the discussion's own

    page = _page(lines, labels)
    page.comments.append(CommentDraft(lines=[4]))
    page.comment_section = (2, 5)
    OrphanCommentFilter(above_section=False).apply(page)
    assert page.label(1) is Label.COMMENT
