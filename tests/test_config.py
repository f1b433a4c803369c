"""Safe configuration: files that are not valid TOML/JSON/UTF-8, unknown keys, bad
ranges and missing model files are ConfigErrors that say where; nothing in a
configuration is executed."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import textclean
from textclean import ConfigError, InputError, Pipeline

ARTICLE = "The council met on Tuesday and agreed the budget for next year.\n"


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_toml_syntax_error_names_file_line_and_column(tmp_path: Path) -> None:
    path = _write(tmp_path, "p.toml", '[[filters]]\nname = "widgets"\noptions = { x = }\n')
    with pytest.raises(ConfigError, match=r"p\.toml:3:\d+: TOML syntax error"):
        Pipeline.from_config(path)


def test_json_syntax_error_names_file_line_and_column(tmp_path: Path) -> None:
    path = _write(tmp_path, "p.json", '{"filters": [\n  {"name": "widgets",}\n]}')
    with pytest.raises(ConfigError, match=r"p\.json:2:\d+: JSON syntax error"):
        Pipeline.from_config(path)


def test_non_utf8_file_names_line_and_column(tmp_path: Path) -> None:
    path = _write(tmp_path, "p.toml", b'[[filters]]\nname = "caf\xe9"\n')
    with pytest.raises(ConfigError, match=r"p\.toml:2:12: not UTF-8 \(byte 0xe9\)"):
        Pipeline.from_config(path)


def test_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"nope\.toml: cannot read"):
        Pipeline.from_config(tmp_path / "nope.toml")


def test_top_level_must_be_a_table(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="must be a table"):
        Pipeline.from_config(_write(tmp_path, "p.json", "[1, 2]"))


def test_unknown_keys_are_named() -> None:
    with pytest.raises(ConfigError, match="min_menu_itemz"):
        Pipeline.from_config({"filters": [{"name": "widgets", "options": {"min_menu_itemz": 4}}]})
    with pytest.raises(ConfigError, match="colour"):
        Pipeline.from_config({"filters": [{"name": "widgets", "colour": "red"}]})
    with pytest.raises(ConfigError, match="unknown filter 'widget'"):
        Pipeline.from_config({"filters": [{"name": "widget"}]})


@pytest.mark.parametrize(
    ("name", "options", "message"),
    [
        ("content", {"threshold": -5}, "threshold: Input should be greater than or equal to 0"),
        ("content", {"threshold": 1.5}, "threshold: Input should be less than or equal to 1"),
        ("content", {"island_gap": -1}, "island_gap: Input should be greater than or equal to 0"),
        ("content", {"article_bias": math.nan}, "article_bias: Input should be a finite number"),
        ("content", {"transition_weight": math.inf}, "transition_weight: Input should be a finite"),
        ("content", {"island_gap": True}, "island_gap: Input should be a valid integer"),
        ("content", {"threshold": True}, "threshold: Input should be a valid number"),
        ("content", {"smoothing": 1}, "smoothing: Input should be a valid boolean"),
        ("content", {"head_lines": "3"}, "head_lines: Input should be a valid integer"),
        ("comments", {"confidence": 2.0}, "confidence: Input should be less than or equal to 1"),
        ("comments", {"max_gap_chars": -1}, "max_gap_chars: Input should be greater than"),
        ("metadata", {"list_penalty": -0.5}, "list_penalty: Input should be greater than"),
        ("orphans", {"mean_words": math.inf}, "mean_words: Input should be a finite number"),
        ("error_page", {"confidence": -0.1}, "confidence: Input should be greater than"),
        ("donation", {"campaign_label_window": -3}, "campaign_label_window: Input should be"),
        ("widgets", {"min_menu_items": 2.5}, "min_menu_items: Input should be a valid integer"),
    ],
)
def test_option_ranges_and_strict_types(name: str, options: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=f"filter '{name}': {message}"):
        Pipeline.from_config({"filters": [{"name": name, "options": options}]})


def test_nan_and_inf_literals_in_files(tmp_path: Path) -> None:
    toml = '[[filters]]\nname = "content"\noptions = { threshold = nan }\n'
    with pytest.raises(ConfigError, match=r"p\.toml: filter 'content': threshold: .*finite"):
        Pipeline.from_config(_write(tmp_path, "p.toml", toml))
    js = '{"filters": [{"name": "content", "options": {"island_share": Infinity}}]}'
    with pytest.raises(ConfigError, match="island_share: Input should be a finite number"):
        Pipeline.from_config(_write(tmp_path, "p.json", js))


def test_strict_enabled_flag() -> None:
    with pytest.raises(ConfigError, match="enabled: Input should be a valid boolean"):
        Pipeline.from_config({"filters": [{"name": "widgets", "enabled": "no"}]})


def test_missing_model_file_is_found_when_the_pipeline_is_built(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.npz")
    with pytest.raises(ConfigError, match="no model file at"):
        Pipeline.from_config({"filters": [{"name": "content", "options": {"model": missing}}]})


def test_empty_filter_list_keeps_nothing() -> None:
    """An empty pipeline decides nothing: every line is removed as undecided."""
    pipeline = Pipeline.from_config({"filters": []})
    doc = textclean.clean(ARTICLE, pipeline=pipeline)
    assert doc.article is None
    assert [(r.filter, r.category) for r in doc.removed] == [("resolve", "undecided")]
    assert sum(s.end - s.start for s in doc.segments) == len(ARTICLE)
    assert next(iter(textclean.clean_many([ARTICLE], pipeline=pipeline))).article is None


def test_max_chars_from_configuration() -> None:
    pipeline = Pipeline.from_config({"filters": [{"name": "content"}], "max_chars": 10})
    with pytest.raises(InputError, match="above the maximum document size of 10"):
        textclean.clean(ARTICLE, pipeline=pipeline)
    with pytest.raises(ConfigError, match="max_chars: Input should be greater than 0"):
        Pipeline.from_config({"filters": [], "max_chars": 0})
    with pytest.raises(ConfigError, match="max_chars: Input should be a valid integer"):
        Pipeline.from_config({"filters": [], "max_chars": True})


def test_no_code_is_executed_from_configuration(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    payloads = [
        {"filters": [{"name": "os.system", "options": {"command": f"touch {marker}"}}]},
        {"filters": [{"name": "textclean.filters.content.ContentFilter"}]},
        {"filters": [{"name": "__import__('os').system('touch x')"}]},
        {"filters": [{"name": "content", "options": {"__class__": "os.system"}}]},
    ]
    for payload in payloads:
        with pytest.raises(ConfigError):
            Pipeline.from_config(payload)
    yaml_like = f'!!python/object/apply:os.system ["touch {marker}"]'
    with pytest.raises(ConfigError):
        Pipeline.from_config(_write(tmp_path, "p.toml", yaml_like))
    assert not marker.exists()


# -- fuzz: the loader returns a Pipeline or raises ConfigError, nothing else ----------

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
_FILTER_NAMES = st.sampled_from(
    [
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
        "x",
    ]
)
_OPTION_KEYS = st.sampled_from(
    ["threshold", "island_gap", "smoothing", "confidence", "model", "categories", "gap", "zzz"]
)
_JSONISH = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
_SPEC = st.fixed_dictionaries(
    {"name": _FILTER_NAMES},
    optional={
        "options": st.dictionaries(_OPTION_KEYS, _JSONISH, max_size=3) | _JSONISH,
        "enabled": _SCALARS,
    },
)
_CONFIG = st.fixed_dictionaries(
    {"filters": st.lists(_SPEC, max_size=4) | _JSONISH},
    optional={"max_chars": _SCALARS},
) | st.dictionaries(st.text(max_size=8), _JSONISH, max_size=3)


@settings(max_examples=300, deadline=None)
@given(_CONFIG)
def test_fuzz_config_dicts(config: dict[str, Any]) -> None:
    try:
        pipeline = Pipeline.from_config(config)
    except ConfigError:
        return
    assert isinstance(pipeline, Pipeline)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.binary(max_size=200) | st.text(max_size=200).map(str.encode),
    st.sampled_from([".toml", ".json"]),
)
def test_fuzz_config_files(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        Pipeline.from_config(path)
    except ConfigError as err:
        assert str(path) in str(err)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(_CONFIG)
def test_fuzz_config_as_json_file(tmp_path: Path, config: dict[str, Any]) -> None:
    path = tmp_path / "fuzz.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    try:
        Pipeline.from_config(path)
    except ConfigError as err:
        assert str(path) in str(err)
