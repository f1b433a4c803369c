"""The training scripts' pieces that decide what an out-of-fold figure means:
labels from snippet gold, site groups, folds that never split a group."""

from __future__ import annotations

import doctest
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["folds", "label_lines"])
def test_doctests(name: str) -> None:
    result = doctest.testmod(_script(name))
    assert result.attempted > 0 and result.failed == 0


def _template(site: str, story: str) -> str:
    chrome = "\n".join(f"{site} section {k} of the site menu" for k in range(4))
    return f"{chrome}\n{story}\nCopyright {site} and its owners, all rights kept"


def test_pages_sharing_a_template_share_a_group() -> None:
    folds = _script("folds")
    pages = [
        ("dragnet/1", "dragnet", _template("alpha", "The council met on Tuesday to vote.")),
        ("dragnet/2", "dragnet", _template("alpha", "A storm closed the harbour overnight.")),
        ("dragnet/3", "dragnet", _template("beta", "The council met on Tuesday to vote.")),
        ("readability/readability-ehow-1", "readability", "How to tie a knot in a rope"),
        ("readability/readability-ehow-2", "readability", "How to bake bread at home today"),
    ]
    groups = folds.site_groups(pages)
    assert groups["dragnet/1"] == groups["dragnet/2"]
    assert groups["dragnet/3"] != groups["dragnet/1"]  # one shared line is not a template
    assert groups["readability/readability-ehow-1"] == groups["readability/readability-ehow-2"]


def test_a_line_on_many_pages_joins_no_one() -> None:
    folds = _script("folds")
    common = "\n".join(f"Leave a reply to this post number {k}" for k in range(3))
    pages = [(f"dragnet/{k}", "dragnet", f"{common}\nStory {k} " * 3)
             for k in range(folds.MAX_PAGES + 1)]
    groups = folds.site_groups(pages)
    assert len(set(groups.values())) == len(pages)


def test_folds_keep_groups_whole_and_even() -> None:
    folds = _script("folds")
    groups = {f"p{k}": f"g{k // 3}" for k in range(30)} | {f"q{k}": "big" for k in range(12)}
    fold_of = folds.assign_folds(groups, 4)
    for group in set(groups.values()):
        assert len({fold_of[p] for p, g in groups.items() if g == group}) == 1
    sizes = [sum(1 for f in fold_of.values() if f == k) for k in range(4)]
    assert max(sizes) - min(sizes) <= 3 and sum(sizes) == 42
