"""Shared test set-up: the golden-file switch and the path to ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite fixtures/*.json from the current output (review the diff first!)",
    )
    parser.addoption(
        "--record-quality",
        action="store_true",
        help="write the dev-sample figures to benchmarks/quality-baseline.json",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def corpus_path(style: str = "lines", split: str = "dev") -> Path:
    return SHARED / "corpus" / f"{split}-{style}.jsonl.gz"


needs_shared = pytest.mark.skipif(
    not corpus_path().exists(), reason="../shared (the dev corpus) is not present"
)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "quality: scores the dev corpus sample")
