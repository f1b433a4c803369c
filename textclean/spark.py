"""Spark (the `spark` extra): clean a column of page dumps across a cluster.

`clean_column(df, "text")` adds struct columns made with `mapInPandas` (Arrow
batches, the pipeline built once per Python worker):

- `article`: title, subtitle, byline, published (as shown), text, paragraphs,
  captions, language -- null when the page has none;
- `comments`: an array of author, posted, text, votes, likes, parent, depth;
- `removed_counts`: removed spans by category;
- `textclean_error`: why a row could not be cleaned (null text, a failure),
  null otherwise -- a failing row stays in the frame, nothing is dropped.

    from pyspark.sql import SparkSession
    from textclean.spark import clean_column

    spark = SparkSession.builder.getOrCreate()
    df = spark.read.parquet("s3://bucket/wet-text/")          # columns: url, text
    clean_column(df, "text").select("url", "article.title", "article.text").show()
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from .filters import default_pipeline
from .models import Document
from .pipeline import Pipeline

_PIPELINES: dict[str, Pipeline] = {}

OUTPUT_COLUMNS = ("article", "comments", "removed_counts", "textclean_error")


def output_schema() -> Any:
    """The Spark types of the columns `clean_column` adds."""
    from pyspark.sql import types as T

    text = T.StringType()
    article = T.StructType(
        [
            T.StructField("title", text),
            T.StructField("subtitle", text),
            T.StructField("byline", text),
            T.StructField("published", text),
            T.StructField("text", text),
            T.StructField("paragraphs", T.ArrayType(text)),
            T.StructField("captions", T.ArrayType(text)),
            T.StructField("language", text),
        ]
    )
    comment = T.StructType(
        [
            T.StructField("author", text),
            T.StructField("posted", text),
            T.StructField("text", text),
            T.StructField("votes", T.LongType()),
            T.StructField("likes", T.LongType()),
            T.StructField("parent", T.LongType()),
            T.StructField("depth", T.LongType()),
        ]
    )
    return [
        T.StructField("article", article),
        T.StructField("comments", T.ArrayType(comment)),
        T.StructField("removed_counts", T.MapType(text, T.LongType())),
        T.StructField("textclean_error", text),
    ]


def row_of(doc: Document) -> dict[str, Any]:
    """One cleaned page as the values of the added columns.

    >>> from textclean import clean
    >>> row = row_of(clean("Home\\nThe council met on Tuesday and agreed the budget.\\n"))
    >>> row["article"]["text"], row["comments"], row["textclean_error"]
    ('The council met on Tuesday and agreed the budget.', [], None)
    """
    art = doc.article
    return {
        "article": None
        if art is None
        else {
            "title": art.title,
            "subtitle": art.subtitle,
            "byline": art.byline,
            "published": art.published.raw if art.published else None,
            "text": art.text,
            "paragraphs": list(art.paragraphs),
            "captions": list(art.captions),
            "language": art.language,
        },
        "comments": [
            {
                "author": c.author,
                "posted": c.posted.raw if c.posted else None,
                "text": c.text,
                "votes": c.votes,
                "likes": c.likes,
                "parent": c.parent,
                "depth": c.depth,
            }
            for c in doc.comments
        ],
        "removed_counts": dict(Counter(r.category for r in doc.removed)),
        "textclean_error": None,
    }


def _failed(reason: str) -> dict[str, Any]:
    return {"article": None, "comments": [], "removed_counts": {}, "textclean_error": reason}


def clean_rows(texts: Any, pipeline: Pipeline) -> list[dict[str, Any]]:
    """The added columns' values for each text; a failing text gets its reason."""
    out = []
    for text in texts:
        if not isinstance(text, str | bytes):
            null = text is None or text != text  # pandas may hand a null over as NaN
            out.append(_failed(f"text is {'null' if null else type(text).__name__}"))
            continue
        try:
            out.append(row_of(pipeline.run(text)))
        except Exception as err:  # one bad row must not fail the Spark task
            out.append(_failed(f"{type(err).__name__}: {err}"))
    return out


def clean_column(df: Any, column: str = "text", *, config: str | None = None) -> Any:
    """`df` with the columns of `output_schema()` added, from the page dumps in `column`.

    `config` is a pipeline configuration (TOML/JSON text or a path readable on the workers).
    """
    from pyspark.sql import types as T

    clash = set(OUTPUT_COLUMNS) & set(df.columns)
    if clash:
        raise ValueError(f"the frame already has columns {sorted(clash)}")
    schema = T.StructType([*df.schema.fields, *output_schema()])

    def run(batches: Iterator[Any]) -> Iterator[Any]:
        import pandas as pd

        key = config or ""
        if key not in _PIPELINES:  # once per Python worker, then warm
            _PIPELINES[key] = Pipeline.from_config(config) if config else default_pipeline()
        pipeline = _PIPELINES[key]
        for batch in batches:
            rows = pd.DataFrame(clean_rows(batch[column], pipeline), index=batch.index)
            yield pd.concat([batch, rows], axis=1)

    return df.mapInPandas(run, schema)
