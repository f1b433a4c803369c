"""Shared test set-up: the path to ../shared and the quality switch. Goldens are
checked by textclean's own pytest plugin (`pytest --textclean-update` rewrites them)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"

pytest_plugins = ("pytester",)  # tests/test_plugin.py runs pytest in a user's project


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--record-quality",
        action="store_true",
        help="write the dev-sample figures to benchmarks/quality-baseline.json",
    )


def corpus_path(style: str = "lines", split: str = "dev") -> Path:
    return SHARED / "corpus" / f"{split}-{style}.jsonl.gz"


needs_shared = pytest.mark.skipif(
    not corpus_path().exists(), reason="../shared (the dev corpus) is not present"
)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "quality: scores the dev corpus sample")


def assert_finishes(code: str, timeout: float = 300) -> None:
    """Run `code` in a fresh interpreter: a hang guard (a runaway pattern fails the
    test at `timeout` instead of stalling the suite), never a speed measurement."""
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout, cwd=ROOT
    )
    assert run.returncode == 0, run.stderr
