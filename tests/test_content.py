"""The content filter's line model: loading, determinism, shapes, obvious cases."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from textclean import Label, Page, default_pipeline
from textclean.filters.content import ContentFilter
from textclean.scorer import (
    ScorerModel,
    base_features,
    feature_names,
    line_features,
    load_model,
    predict_page,
    stage2_features,
    stage2_names,
    viterbi,
)

ROOT = Path(__file__).resolve().parent.parent

PROSE = [
    "The city council met on Tuesday evening and, after a long debate, agreed the budget.",
    "Members said the plan would pay for repairs to the library and to two primary schools.",
    "The opposition argued that the rise in local taxes was too steep for many families.",
    "A final vote is expected next month, when the council will also discuss the new bus routes.",
]
MENU = ["Home", "News", "Sport", "Weather", "Contact us"]
HEADLINE = "Council agrees budget after long debate"
FOOTER = ["Privacy policy", "Terms of use", "About us"]


def _page(lines: list[str], sep: str = "\n") -> Page:
    return Page(sep.join(lines) + "\n")


def _labels(page: Page) -> list[str | None]:
    return [page.label(i).value if page.label(i) else None for i in range(len(page))]


def test_model_loads_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the model must not touch the network")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    load_model.cache_clear()
    model = load_model()
    assert isinstance(model, ScorerModel)
    assert model.stage1.feature.shape == model.stage1.threshold.shape
    assert model.log_trans.shape == (3, 3)
    assert np.allclose(np.exp(model.log_trans).sum(axis=1), 1.0)


def test_model_file_is_small_and_needs_no_sklearn() -> None:
    path = ROOT / "textclean" / "data" / "model" / "content-scorer.npz"
    assert path.exists() and path.stat().st_size < 2_000_000
    code = (
        "import sys, textclean; textclean.clean('Home\\nThe council met and agreed the budget.'); "
        "assert not any(m.startswith('sklearn') for m in sys.modules), 'sklearn was imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_feature_shapes() -> None:
    page = _page(["Home", "", *PROSE, "", "3 Comments", "Jane", "Nice piece."])
    idx, base, x = line_features(page)
    assert idx.tolist() == [i for i in range(len(page)) if not page.lines[i].blank]
    assert base.shape[0] == x.shape[0] == len(idx)
    assert x.shape[1] == len(feature_names())
    assert np.isfinite(x).all()
    idx2, base2 = base_features(page)
    assert np.array_equal(idx, idx2) and np.array_equal(base, base2)
    s2 = stage2_features(np.full((len(idx), 3), 1 / 3), base)
    assert s2.shape == (len(idx), len(stage2_names()))


def test_empty_and_blank_pages() -> None:
    for text in ("", "\n\n\n", "   \n"):
        page = Page(text)
        assert line_features(page)[2].shape == (0, len(feature_names()))
        ContentFilter().apply(page)
        assert all(page.label(i) is None for i in range(len(page)))


def test_predictions_are_deterministic() -> None:
    page_a = _page([*MENU, *PROSE, *FOOTER])
    page_b = _page([*MENU, *PROSE, *FOOTER])
    pa = predict_page(page_a, load_model())
    pb = predict_page(page_b, load_model())
    assert np.array_equal(pa, pb)
    assert np.allclose(pa.sum(axis=1), 1.0)
    assert ((pa >= 0) & (pa <= 1)).all()


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_prose_is_article_and_menus_are_not(sep: str) -> None:
    # sep "\n\n": a blocks dump, blank lines between paragraphs, menus kept together;
    # the headline between menu and body may go either way, the rest may not
    blocks = ["\n".join(MENU), HEADLINE, *PROSE, "\n".join(FOOTER)]
    page = Page(sep.join(blocks) + "\n")
    ContentFilter().apply(page)
    labels = [page.label(i) for i in range(len(page)) if not page.lines[i].blank]
    assert labels[: len(MENU)] == [Label.BOILERPLATE] * len(MENU)
    body = len(MENU) + 1
    assert labels[body : body + len(PROSE)] == [Label.ARTICLE] * len(PROSE)
    assert labels[-len(FOOTER) :] == [Label.BOILERPLATE] * len(FOOTER)
    assert page.scores is not None and len(page.scores) == len(page)
    assert page.comment_scores is not None and len(page.comment_scores) == len(page)


def test_hard_wrapped_prose_is_one_article_run() -> None:
    wrapped = []
    for para in PROSE:
        words = para.split()
        wrapped += [" ".join(words[k : k + 7]) for k in range(0, len(words), 7)]
    page = _page([*MENU, *wrapped, *FOOTER])
    ContentFilter().apply(page)
    body = [i for i in range(len(page)) if page.label(i) is Label.ARTICLE]
    assert body, "the wrapped article was lost"
    assert body == list(range(body[0], body[-1] + 1)), "the article run has holes"
    assert len(body) >= 0.8 * len(wrapped)


def test_every_nonblank_line_is_decided_with_a_reason() -> None:
    page = _page([*MENU, "", *PROSE, "", *FOOTER])
    ContentFilter().apply(page)
    for i, line in enumerate(page.lines):
        if line.blank:
            assert page.standing(i) is None
            continue
        d = page.standing(i)
        assert d is not None and d.filter == "content"
        assert d.reason.startswith("content score")
        if d.label is Label.BOILERPLATE:
            assert d.category


def test_confident_earlier_decisions_are_respected() -> None:
    page = _page([*MENU, *PROSE])
    page.decide(len(MENU), Label.BOILERPLATE, "test", "forced", 0.8, "test")
    ContentFilter().apply(page)
    d = page.standing(len(MENU))
    assert d is not None and d.filter == "test"


def test_comment_decisions_are_weak() -> None:
    text = [*MENU, *PROSE, "12 Comments",
            "Jane Doe", "July 21, 2012 at 5:46 pm",
            "I really enjoyed this, thanks for writing it up so clearly!", "Reply",
            "Bob Smith", "July 22, 2012 at 9:02 am",
            "Totally agree with Jane, the budget vote was a surprise to me too.", "Reply"]
    page = _page(text)
    ContentFilter().apply(page)
    for d in page.decisions:
        if d.label is Label.COMMENT:
            assert d.confidence <= 0.65
    assert page.comment_scores is not None
    last = len(text) - 2
    assert page.comment_scores[last] > page.comment_scores[len(MENU)]


def test_options_switch_smoothing_and_threshold() -> None:
    page = _page([*MENU, *PROSE, *FOOTER])
    ContentFilter(smoothing=False, threshold=0.999999).apply(page)
    assert not any(page.label(i) is Label.ARTICLE for i in range(len(page)))
    page = _page([*MENU, *PROSE, *FOOTER])
    ContentFilter(
        smoothing=False, threshold=0.0, island_gap=0, trim_tail_words=0, head_lines=0
    ).apply(page)
    assert all(page.label(i) is Label.ARTICLE for i in range(len(page)))


def test_viterbi_prefers_contiguous_runs() -> None:
    model = load_model()
    # one "other" line inside a strong article run is absorbed, unless transitions are off
    probs = np.array([[0.95, 0.02, 0.03]] * 5 + [[0.05, 0.05, 0.9]] + [[0.95, 0.02, 0.03]] * 5)
    path = viterbi(probs, model)
    assert path.tolist() == [0] * 11
    assert viterbi(probs, model, weight=0.0)[5] == 2
    assert viterbi(np.zeros((0, 3)), model).shape == (0,)


def test_clean_end_to_end_keeps_the_article() -> None:
    doc = default_pipeline().run("\n".join([*MENU, *PROSE, *FOOTER]))
    assert doc.article is not None
    assert PROSE[0] in doc.article.text and PROSE[-1] in doc.article.text
    assert "Privacy policy" not in doc.article.text


def test_a_sure_sentence_is_rescued_when_smoothing_leaves_only_a_headline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the sequence pass kept the headline and smoothed the one paragraph away between
    # share buttons; the model was sure of the paragraph, so it stays
    import textclean.filters.content as content

    menu = ["Home", "News", "Tech", "Video"]
    lines = [*menu, "Phone maker sees an up day", "Share", PROSE[0], "Tags: phones"]
    other = [0.1, 0.0, 0.9]
    probs = np.array([other] * 4 + [[0.9, 0.0, 0.1], other, [0.86, 0.0, 0.14], other])
    monkeypatch.setattr(content, "predict_features", lambda model, feats, **_: probs)
    states = np.array([2, 2, 2, 2, 0, 2, 2, 2])
    monkeypatch.setattr(content, "viterbi", lambda *a, **k: states)
    page = Page("\n".join(lines) + "\n")
    ContentFilter().apply(page)
    article = [i for i in range(len(lines)) if page.label(i) is Label.ARTICLE]
    assert article == [4, 6]


def _long_page() -> Page:
    """Several fixtures one after another: a page of many chunks of rows."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*.txt"))]
    page = Page("\n".join(texts * 3))
    assert len(page.nonblank()) > 3 * 256  # more than three of the walk's chunks
    return page


def test_chunked_features_and_probabilities_are_the_whole_page_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from textclean import model_features, scorer

    page = _long_page()
    model = load_model()
    idx, base, x = line_features(page)
    # the reference: every row built at once, stage 2 over the whole page
    whole = scorer.predict(model, base, x)
    feats = scorer.LineFeatures(page)
    assert np.array_equal(feats.idx, idx) and np.array_equal(feats.full(0, feats.n), base)
    odd = np.vstack([feats.rows(lo, lo + 97) for lo in range(0, feats.n, 97)])
    assert np.array_equal(odd, x)
    assert np.array_equal(scorer.predict_features(model, feats, release=True), whole)
    # running sums built in blocks of a few rows: the same sums as in one block
    monkeypatch.setattr(model_features, "_BLOCK_ROWS", 7)
    small_blocks = scorer.LineFeatures(page)
    assert np.array_equal(small_blocks.rows(0, small_blocks.n), x)
    assert np.array_equal(small_blocks.columns(list(range(len(scorer.BASE_NAMES)))), base)


def test_best_run_when_nothing_else_is_article() -> None:
    import numpy as np

    from textclean.filters.content import best_run
    from textclean.scorer import ARTICLE, BASE_NAMES

    b = {name: k for k, name in enumerate(BASE_NAMES)}
    base = np.zeros((6, len(BASE_NAMES)))
    base[:, b["log_words"]] = np.log1p([2, 30, 20, 25, 3, 40])
    base[[1, 2, 3, 5], b["ends_full_stop"]] = 1
    base[5, b["prior_removed"]] = 1  # a removed notice is no anchor
    p = np.array([0.01, 0.3, 0.35, 0.05, 0.2, 0.9])
    assert best_run(np.full(6, 2), p, base, 0.2).tolist() == [2, ARTICLE, ARTICLE, 2, 2, 2]
    assert best_run(np.full(6, 2), p / 4, base, 0.2).tolist() == [2] * 6  # too doubtful


def test_a_related_header_closes_the_article_before_teasers() -> None:
    import numpy as np

    from textclean.filters.content import cut_at_related
    from textclean.scorer import ARTICLE

    states = np.array([ARTICLE, ARTICLE, 2, ARTICLE, ARTICLE, ARTICLE, ARTICLE])
    related = np.array([False, False, True, False, False, False, False])
    teasers = np.array([90.0, 70, 2, 9, 21, 8, 19])  # headline, excerpt, headline, excerpt
    assert cut_at_related(states, teasers, related, 100, 21).tolist() == [ARTICLE] * 2 + [2] * 5
    paragraphs = np.array([90.0, 70, 2, 60, 80, 45, 50])  # an in-article box: the story goes on
    assert cut_at_related(states, paragraphs, related, 100, 21).tolist() == states.tolist()
    early = np.array([30.0, 20, 2, 9, 21, 8, 19])  # a header near the top is no close
    assert cut_at_related(states, early, related, 100, 21).tolist() == states.tolist()


def test_headlines_under_an_in_article_related_header_are_the_linked_stories() -> None:
    import numpy as np

    from textclean.filters.content import drop_linked_teasers
    from textclean.model_features import BASE_NAMES
    from textclean.scorer import ARTICLE

    b = {n: k for k, n in enumerate(BASE_NAMES)}
    states = np.array([ARTICLE, 2, ARTICLE, ARTICLE, ARTICLE, ARTICLE, ARTICLE])
    related = np.array([False, True, False, False, False, False, False])
    base = np.zeros((7, len(BASE_NAMES)))
    base[[0, 3, 4, 5, 6], b["ends_sentence"]] = 1  # one headline, then the story goes on
    assert drop_linked_teasers(states, base, related, 3).tolist() == [0, 2, 2, 0, 0, 0, 0]
    base[:, b["ends_sentence"]] = 0
    base[[0, 6], b["ends_sentence"]] = 1  # five short lines: the article's own list stays
    assert drop_linked_teasers(states, base, related, 3).tolist() == states.tolist()
    nothing = np.zeros(7, dtype=bool)
    assert drop_linked_teasers(states, base, nothing, 3).tolist() == states.tolist()


def test_the_linked_stories_rule_can_be_turned_off() -> None:
    from textclean import clean, default_pipeline
    from textclean.filters.content import ContentFilter

    story = (
        "The council met on Tuesday evening and agreed the budget for the coming year.\n"
        "Spending on schools rises by four percent, while the roads budget is frozen.\n"
    )
    text = (
        "Home | News | Sport\n" + story * 3 + "Related Coverage\n"
        "Factbox: Key winners at the council awards\n" + story * 3
    )
    assert "Factbox" not in (clean(text).article.text or "")  # type: ignore[union-attr]
    kept = default_pipeline().replace("content", ContentFilter(related_teaser_lines=0))
    assert "Factbox" in (kept.run(text).article.text or "")  # type: ignore[union-attr]
