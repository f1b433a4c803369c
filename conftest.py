"""Doctests of the modules for optional engines run only where the engine is installed
(CI installs them; see .ci/run)."""

from __future__ import annotations

import importlib.util

collect_ignore = [
    path
    for module, path in (
        ("datatrove", "textclean/datatrove.py"),
        ("pyspark", "textclean/spark.py"),
        ("pyarrow", "textclean/sources/parquet.py"),
    )
    if importlib.util.find_spec(module) is None
]
