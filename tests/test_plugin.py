"""textclean's pytest plugin in a user's project of their own (pytester)."""

from __future__ import annotations

import json

import pytest

import textclean
from textclean.pytest_plugin import golden_json

from .conftest import FIXTURES

SEED = (FIXTURES / "southfront-syria-strikes.txt").read_text(encoding="utf-8")
THREAD = (FIXTURES / "disqus-thread.txt").read_text(encoding="utf-8")


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    """A project with two sample dumps in samples/ and the ini option pointing there."""
    pytester.makeini("[pytest]\ntextclean_goldens = samples\n")
    samples = pytester.mkdir("samples")
    (samples / "seed.txt").write_text(SEED, encoding="utf-8")
    (samples / "thread.txt").write_text(THREAD, encoding="utf-8")
    return pytester


def test_update_writes_expectations_then_they_pass(project: pytest.Pytester) -> None:
    result = project.runpytest("samples", "--textclean-update")
    result.assert_outcomes(passed=2)
    written = project.path / "samples" / "seed.json"
    assert written.read_text(encoding="utf-8") == golden_json(textclean.clean(SEED))
    project.runpytest("samples").assert_outcomes(passed=2)


def test_without_expectation_it_fails_and_writes_nothing(project: pytest.Pytester) -> None:
    result = project.runpytest("samples")
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(["*seed.json does not exist: run pytest --textclean-update*"])
    assert not (project.path / "samples" / "seed.json").exists()


def test_a_failure_says_which_lines_moved_not_a_json_blob(project: pytest.Pytester) -> None:
    project.runpytest("samples", "--textclean-update").assert_outcomes(passed=2)
    path = project.path / "samples" / "seed.json"
    golden = json.loads(path.read_text(encoding="utf-8"))
    first = golden["article"]["paragraphs"].pop(0)  # as if it had been removed before
    golden["removed"].insert(0, f"content/boilerplate: {first}")
    golden["comments"][1]["votes"] = 7
    path.write_text(json.dumps(golden, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    result = project.runpytest("samples")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "seed.txt: the output differs from its golden (if intended: pytest --textclean-update)",
            "1 input lines moved:",
            "  line   15 'On January 5, the US-led coalition released footage show*'",
            "        before: removed content/boilerplate",
            "        now:    article.body  (content: content score *",
            "changed fields:",
            "  article.paragraphs: 5 items -> 6",
        ]
    )
    out = result.stdout.str()
    assert "  article.paragraphs[0]: (new) -> 'On January 5, the US-led coalition" in out
    assert "  comments[1].votes: 7 -> 2\n" in out
    assert "  removed[0] (golden): 'content/boilerplate: On January 5," in out
    assert '"paragraphs"' not in out


def test_update_never_writes_hand_written_expectations(project: pytest.Pytester) -> None:
    samples = project.path / "samples"
    (samples / "known-gaps.json").write_text('{"seed": ["title"]}\n', encoding="utf-8")
    (samples / "notes.expect.txt").write_text(THREAD, encoding="utf-8")
    (samples / "notes.expect.json").write_text('{"title": "by hand"}\n', encoding="utf-8")
    result = project.runpytest("samples", "--textclean-update")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*notes.expect.json is a hand-written expectation*"])
    assert (samples / "known-gaps.json").read_text(encoding="utf-8") == '{"seed": ["title"]}\n'
    assert (samples / "notes.expect.json").read_text(encoding="utf-8") == '{"title": "by hand"}\n'


def test_marker_with_a_folder_and_a_pipeline_config(pytester: pytest.Pytester) -> None:
    dumps = pytester.mkdir("dumps")
    (dumps / "seed.txt").write_text(SEED, encoding="utf-8")
    pytester.makefile(
        ".toml",
        pipeline='[[filters]]\nname = "donation"\n[[filters]]\nname = "widgets"\n'
        '[[filters]]\nname = "content"\n[[filters]]\nname = "comments"\n',
    )
    pytester.makepyfile(
        test_mine="""
        import pytest

        @pytest.mark.textclean_goldens("dumps", pipeline="pipeline.toml")
        def test_dump(textclean_golden):
            textclean_golden.check()
        """
    )
    pytester.runpytest("--textclean-update").assert_outcomes(passed=1)
    written = json.loads((dumps / "seed.json").read_text(encoding="utf-8"))
    assert written["article"]["title"] is None  # no metadata filter in this pipeline
    result = pytester.runpytest("-v")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*test_dump?seed? PASSED*"])


def test_ini_pipeline_config_and_a_plain_pytest_run(pytester: pytest.Pytester) -> None:
    pytester.makeini(
        "[pytest]\ntextclean_goldens = samples\n"
        "# the dumps are cleaned with this configuration\n"
        "textclean_pipeline = pipeline.json\n"
    )
    (pytester.mkdir("samples") / "seed.txt").write_text(SEED, encoding="utf-8")
    config = {"filters": [{"name": n} for n in ("donation", "widgets", "content", "comments")]}
    (pytester.path / "pipeline.json").write_text(json.dumps(config), encoding="utf-8")
    pytester.runpytest("--textclean-update").assert_outcomes(passed=1)
    written = json.loads((pytester.path / "samples" / "seed.json").read_text(encoding="utf-8"))
    assert written["article"]["title"] is None  # the configured pipeline has no metadata filter
    pytester.runpytest().assert_outcomes(passed=1)
