"""A datatrove pipeline step (the `datatrove` extra): textclean as an extractor.

`TextcleanExtractor` reads each document's text as a page dump, sets the text
to the cleaned article (title, then paragraphs) and puts the article, the
comments and the removed-span counts in `doc.metadata["textclean"]`. A page
whose cleaning fails is counted (`clean_error`) and logged with its id; with
`keep_failures=True` it goes on unchanged, marked `metadata["textclean_error"]`.
Pages without an article are dropped (`no_article`) unless `keep_empty=True`.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from textclean.datatrove import TextcleanExtractor

    LocalPipelineExecutor(pipeline=[
        JsonlReader("dumps/"), TextcleanExtractor(), JsonlWriter("clean/")
    ], tasks=4).run()

>>> from datatrove.data import Document as DatatroveDocument
>>> page = "Home\\nThe council met on Tuesday and agreed the budget for next year.\\n"
>>> (out,) = TextcleanExtractor().run(iter([DatatroveDocument(text=page, id="1")]))
>>> out.text, out.metadata["textclean"]["removed_counts"]
('The council met on Tuesday and agreed the budget for next year.', {'navigation': 1})
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from datatrove.pipeline.base import PipelineStep

from .filters import default_pipeline
from .models import Document
from .pipeline import Pipeline


def metadata_of(doc: Document) -> dict[str, Any]:
    """The JSON-ready account of a cleaned page kept in the datatrove metadata."""
    return {
        "article": doc.article.model_dump(mode="json") if doc.article else None,
        "comments": [c.model_dump(mode="json") for c in doc.comments],
        "removed_counts": dict(Counter(r.category for r in doc.removed)),
        "language": doc.language,
        "style": doc.style,
    }


def cleaned_text(doc: Document) -> str:
    """The article as one text: its title, then its paragraphs."""
    if doc.article is None:
        return ""
    head = [doc.article.title] if doc.article.title else []
    return "\n\n".join([*head, *doc.article.paragraphs])


class TextcleanExtractor(PipelineStep):  # type: ignore[misc]  # datatrove is untyped
    """Clean every document's text with textclean; see the module's doc."""

    name = "textclean"
    type = "🛢 - EXTRAC"

    def __init__(
        self,
        pipeline_config: str | dict[str, Any] | None = None,
        *,
        keep_empty: bool = False,
        keep_failures: bool = False,
    ) -> None:
        super().__init__()
        self.pipeline_config = pipeline_config
        self.keep_empty = keep_empty
        self.keep_failures = keep_failures
        self._pipeline: Pipeline | None = None

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:  # built in the task that runs, once
            self._pipeline = (
                Pipeline.from_config(self.pipeline_config)
                if self.pipeline_config is not None
                else default_pipeline()
            )
        return self._pipeline

    def run(self, data: Any, rank: int = 0, world_size: int = 1) -> Iterator[Any]:
        for document in data:
            self.stat_update("total")
            with self.track_time():
                try:
                    cleaned = self.pipeline.run(document.text)
                except Exception as err:  # one bad page must not end the task
                    self.stat_update("clean_error")
                    from datatrove.utils.logging import logger

                    logger.warning(f"textclean: {document.id}: {type(err).__name__}: {err}")
                    if self.keep_failures:
                        document.metadata["textclean_error"] = f"{type(err).__name__}: {err}"
                        yield document
                    continue
            document.metadata["textclean"] = metadata_of(cleaned)
            document.text = cleaned_text(cleaned)
            if not document.text and not self.keep_empty:
                self.stat_update("no_article")
                continue
            self.stat_update("forwarded")
            yield document
