"""The models `assemble` builds without validation are the validated models, in every
respect a user or pydantic can see."""

from __future__ import annotations

import copy
import pickle
from typing import Any

from textclean.models import Document, RemovedSpan, Segment, trusted_removed, trusted_segment

SEGMENT: dict[str, Any] = dict(
    start=300,
    end=4000,
    role="removed",
    filter="widgets",
    reason="a share button",
    category="widget:share",
    comment=None,
)
REMOVED: dict[str, Any] = dict(
    start=300,
    end=4000,
    text="Share this\n",
    filter="widgets",
    category="widget:share",
    reason="a share button",
)


def _same(a: Any, b: Any) -> None:
    assert type(a) is type(b)
    assert a == b
    assert a.__dict__ == b.__dict__
    assert list(a.__dict__) == list(b.__dict__)  # field order: repr and iteration
    assert a.model_fields_set == b.model_fields_set
    assert a.__pydantic_extra__ == b.__pydantic_extra__
    assert a.__pydantic_private__ == b.__pydantic_private__
    assert repr(a) == repr(b)
    assert a.model_dump_json() == b.model_dump_json()
    assert a.model_dump() == b.model_dump()


def test_trusted_segment_is_a_validated_segment() -> None:
    _same(trusted_segment(**SEGMENT), Segment(**SEGMENT))
    with_comment = {**SEGMENT, "role": "comment.text", "category": None, "comment": 3}
    _same(trusted_segment(**with_comment), Segment(**with_comment))


def test_trusted_removed_span_is_a_validated_one() -> None:
    _same(trusted_removed(**REMOVED), RemovedSpan(**REMOVED))


def test_shared_field_set_is_never_changed_by_use() -> None:
    a = trusted_segment(**SEGMENT)
    b = trusted_segment(**SEGMENT)
    a.reason = "changed"
    assert a.reason == "changed" and b.reason == "a share button"
    assert b.model_fields_set == set(Segment.model_fields)
    c = a.model_copy(update={"category": "x"})
    assert c.category == "x" and b.category == "widget:share"
    assert b.model_fields_set == set(Segment.model_fields)
    _same(copy.deepcopy(b), Segment(**SEGMENT))
    _same(pickle.loads(pickle.dumps(b)), Segment(**SEGMENT))


def test_a_document_of_trusted_models_round_trips() -> None:
    seg = trusted_segment(0, 11, "removed", "widgets", "a share button", "widget:share", None)
    rem = trusted_removed(0, 11, "Share this\n", "widgets", "widget:share", "a share button")
    doc = Document(length=11, style="lines", removed=[rem], segments=[seg])
    back = Document.model_validate_json(doc.model_dump_json())
    assert back == doc
    assert back.model_dump_json() == doc.model_dump_json()
    _same(back.segments[0], seg)
    _same(back.removed[0], rem)
