from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import textclean
from textclean import ConfigError, Filter, FilterOptions, Label, Page, Pipeline, default_pipeline

TEXT = (
    "Home\nShare on Facebook\n"
    "The council agreed the budget on Tuesday after a long and heated debate.\n"
    "Members said the plan would fund repairs to the library and two schools.\n"
)


def test_default_order() -> None:
    assert default_pipeline().names() == [
        "donation",
        "server_errors",
        "widgets",
        "consent",
        "content",
        "comments",
        "orphans",
        "appeals",
        "error_page",
        "metadata",
    ]


def test_config_dict_builds_and_validates() -> None:
    p = Pipeline.from_config(
        {"filters": [{"name": "widgets", "options": {"min_menu_items": 4}}, {"name": "content"}]}
    )
    assert p.names() == ["widgets", "content"]
    assert p["widgets"].options.min_menu_items == 4  # type: ignore[attr-defined]


def test_config_errors_name_the_bad_key() -> None:
    with pytest.raises(ConfigError, match="min_menu_itemz"):
        Pipeline.from_config({"filters": [{"name": "widgets", "options": {"min_menu_itemz": 4}}]})
    with pytest.raises(ConfigError, match="unknown filter 'nope'"):
        Pipeline.from_config({"filters": [{"name": "nope"}]})
    with pytest.raises(ConfigError, match="filterz"):
        Pipeline.from_config({"filterz": []})


def test_config_from_toml_file(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(
        '[[filters]]\nname = "donation"\n[[filters]]\nname = "widgets"\n'
        '[[filters]]\nname = "content"\nenabled = false\n'
    )
    assert Pipeline.from_config(path).names() == ["donation", "widgets"]


def test_without_replace_insert() -> None:
    p = default_pipeline()
    assert "donation" not in p.without("donation")
    with pytest.raises(KeyError):
        p.without("nope")
    with pytest.raises(ConfigError, match="unique"):
        p.append(p["widgets"])


class ShoutFilter(Filter):
    """A user filter: lines in capitals are boilerplate."""

    name = "shout"

    class Options(FilterOptions):
        min_letters: int = 3

    def apply(self, page: Page) -> None:
        for i, line in enumerate(page.lines):
            letters = [c for c in line.text if c.isalpha()]
            if len(letters) >= self.options.min_letters and all(c.isupper() for c in letters):
                page.decide(i, Label.BOILERPLATE, self.name, "all capitals", 0.9, "shouting")


def test_user_filter_plugs_in_and_its_reason_is_reported() -> None:
    text = "BREAKING NEWS\n" + TEXT
    p = default_pipeline().insert_before("content", ShoutFilter())
    doc = textclean.clean(text, pipeline=p)
    shouted = [r for r in doc.removed if r.filter == "shout"]
    assert [r.text for r in shouted] == ["BREAKING NEWS\n"]
    assert shouted[0].category == "shouting"
    assert doc.article is not None
    assert "council agreed the budget" in doc.article.text


def test_dropping_a_filter_changes_the_result() -> None:
    text = "0 $\n2,500 $\n" + TEXT
    with_donation = textclean.clean(text)
    without = textclean.clean(text, pipeline=default_pipeline().without("donation"))
    assert any(r.filter == "donation" for r in with_donation.removed)
    assert not any(r.filter == "donation" for r in without.removed)


def test_filter_options_reject_unknown_keys() -> None:
    with pytest.raises(ConfigError, match="bogus"):
        ShoutFilter(bogus=1)


def test_the_pipeline_and_the_filter_base_import_no_filter() -> None:
    """No import circle: the filters import textclean.filter and textclean.pipeline,
    never the other way round (the package root wires the built-ins in)."""
    package = Path(textclean.__file__).parent
    for module in ("pipeline.py", "filter.py", "page.py", "assemble.py"):
        tree = ast.parse((package / module).read_text(encoding="utf-8"))
        imported = {
            node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
        } | {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        }
        assert not {m for m in imported if m.lstrip(".").startswith("filters")}, module


def test_a_filter_found_by_name_before_any_clean() -> None:
    code = (
        "import sys, textclean\n"
        "assert 'textclean.filters' not in sys.modules\n"
        "p = textclean.Pipeline.from_config({'filters': [{'name': 'comments'}]})\n"
        "print(p.names(), 'textclean.filters' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.split("\n")[0] == "['comments'] True"


def test_replaced_filters_are_read_by_their_evidence_not_their_names() -> None:
    """Filters cooperate through labels, evidence and confidence: renaming the
    widget, donation and content filters changes no article or comment. (When
    metadata and orphans read other filters' names, three fixtures changed.)"""
    from textclean.filters import ContentFilter, DonationFilter, WidgetFilter

    class Widgets(WidgetFilter):
        name = "my-widgets"

    class Content(ContentFilter):
        name = "my-content"

    class Donation(DonationFilter):
        name = "my-donation"

    renamed = (
        default_pipeline()
        .replace("widgets", Widgets())
        .replace("content", Content())
        .replace("donation", Donation())
    )
    fixtures = sorted((Path(__file__).parent.parent / "fixtures").glob("*.txt"))
    assert fixtures
    for path in fixtures:
        text = path.read_text(encoding="utf-8")
        a, b = textclean.clean(text), textclean.clean(text, pipeline=renamed)
        assert (a.article and (a.article.title, a.article.text)) == (
            b.article and (b.article.title, b.article.text)
        ), path.name
        assert [(c.author, c.text) for c in a.comments] == [
            (c.author, c.text) for c in b.comments
        ], path.name
