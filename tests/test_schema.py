"""`textclean schema`: the JSON Schema of the output record, described field by field."""

from __future__ import annotations

import json
from typing import Any

import pytest

import textclean
from textclean.cli import main

from .conftest import FIXTURES


def _schema(capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(["schema"]) == 0
    schema: dict[str, Any] = json.loads(capsys.readouterr().out)
    return schema


def test_schema_names_its_dialect_and_describes_every_field(
    capsys: pytest.CaptureFixture[str],
) -> None:
    schema = _schema(capsys)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["description"] == "The result of cleaning one page."
    models = {"Document": schema, **schema["$defs"]}
    assert {"Article", "Comment", "RemovedSpan", "Segment", "TimeStamp"} <= set(models)
    for name, model in models.items():
        assert model.get("description") and ">>>" not in model["description"], name
        for field, spec in model["properties"].items():
            assert spec.get("description"), f"{name}.{field} has no description"


def test_a_real_document_has_the_schemas_fields(capsys: pytest.CaptureFixture[str]) -> None:
    schema = _schema(capsys)
    doc = textclean.clean((FIXTURES / "disqus-thread.txt").read_bytes())
    record = json.loads(doc.model_dump_json())
    assert set(record) == set(schema["properties"])
    assert set(schema["required"]) <= set(record)
    comment = schema["$defs"]["Comment"]
    assert set(record["comments"][0]) == set(comment["properties"])
