"""Spark on a local[2] session (slow: starts a JVM). CI installs a JDK (.ci/run)."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import FIXTURES

pytestmark = pytest.mark.slow

pyspark = pytest.importorskip("pyspark", reason="the spark extra is not installed")
if shutil.which("java") is None:
    pytest.skip("no Java runtime (CI installs one)", allow_module_level=True)


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    # the Python workers must run this interpreter (with textclean), not the first python3
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("textclean-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_clean_column_adds_struct_columns(spark: Any) -> None:
    from textclean.spark import clean_column

    seed = (FIXTURES / "southfront-syria-strikes.txt").read_text(encoding="utf-8")
    rows = [
        ("a", seed),
        ("b", "Home\nThe council met on Tuesday and agreed the budget for next year.\n"),
        ("c", None),
        ("d", ""),
    ]
    df = spark.createDataFrame(rows, "id string, text string").repartition(2)
    out = {r["id"]: r for r in clean_column(df, "text").collect()}
    assert set(out) == {"a", "b", "c", "d"}  # no row lost, null text included
    assert out["a"]["article"]["title"].startswith("US-led")
    assert out["a"]["comments"] and out["a"]["comments"][0]["text"]
    assert out["a"]["removed_counts"]["donation"] >= 1
    assert out["b"]["article"]["text"].startswith("The council met")
    assert out["c"]["article"] is None and out["c"]["textclean_error"] == "text is null"
    assert out["d"]["textclean_error"] is None


def test_clean_column_refuses_a_clashing_column(spark: Any) -> None:
    from textclean.spark import clean_column

    df = spark.createDataFrame([("x", "y")], "text string, article string")
    with pytest.raises(ValueError, match="article"):
        clean_column(df, "text")
