"""A page's language by a trained identifier (py3langid), loaded on first use.

The stop-word vote (`textclean.language`) knows only the languages it has a list
for and answers "en" when none votes; py3langid's naive-Bayes model over byte
n-grams knows 140 languages (Aragonese, Catalan, Chinese, ...) and reads text with
no stop words at all. Its model costs about a second to load, so `import textclean`
does not load it: the first `identify` does.

>>> identify("Der Hund und die Katze sind nicht im Haus, sie spielen im Garten.")
'de'
>>> identify("") is None
True
"""

from __future__ import annotations

from array import array
from functools import cache
from pathlib import Path
from typing import Any

from .startup_cache import cached_build

# The identifier reads the page's first characters: its walk is linear in bytes
# (about 5 ms for 10,000). On the dev pages 5,000 read an English blog with a
# Spanish menu as Spanish; 20,000 answered as 10,000 on every page.
IDENTIFY_CHARS = 10_000

# Below this lead of the best language over the next (log-likelihood per byte of
# the sample) the answer is a coin toss: a few words, or English lists of place
# names read as Nigerian Pidgin. Measured on the dev pages (benchmarks/language_id.py):
# right answers lead by 0.015 and more, those wrong ones by under 0.009.
MIN_MARGIN = 0.012

# The identifier's codes that name a language the stop-word lists spell otherwise,
# and its "no linguistic content" label, which is no language.
_ALIASES = {"no": "nb"}
_NO_LANGUAGE = "zxx"


@cache
def _identifier() -> Any:
    """py3langid's model, its arrays kept in the start-up cache: decompressing the
    shipped file costs about a second, reading the cached arrays a tenth of that."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    from py3langid.modelio import load_model

    path = MODEL_DIR / MODEL_FILE
    ptc, pc, classes, nextmove, row, output = cached_build(
        "langid-model",
        [(path.name, path.read_bytes())],
        Path(__file__),
        lambda: load_model(path),
        _dump,
        _load,
    )
    return LanguageIdentifier(ptc, pc, classes, nextmove, output, tk_row=row)


def forget_model() -> None:
    """Drop the identifier's tables (about 70 MB resident once loaded). Called before a
    big page (`heap.BIG_PAGE`): its memory is worth more than the reload (0.35-0.6 s)
    that an unsure page would cost."""
    _identifier.cache_clear()


def _dump(model: tuple[Any, ...]) -> object:
    ptc, pc, classes, nextmove, row, output = model
    arrays = [(a.dtype.str, a.shape, a.tobytes()) for a in (ptc, pc)]
    tables = [(t.typecode, t.tobytes()) for t in (nextmove, row, array("l", output))]
    return (*arrays, list(classes), *tables)


def _load(data: Any) -> tuple[Any, ...]:
    import numpy as np

    (pt, ps, pb), (ct, cs, cb), classes, (nt, nb), (rt, rb), (ot, ob) = data
    if not all(isinstance(x, str) for x in classes):
        raise TypeError("langid model cache: unexpected payload")
    return (
        np.frombuffer(pb, dtype=pt).reshape(ps),
        np.frombuffer(cb, dtype=ct).reshape(cs),
        classes,
        array(nt, nb),
        array(rt, rb),
        array(ot, ob).tolist(),  # a state's feature (or -1), read once per byte
    )


def identify(text: str, min_margin: float = MIN_MARGIN) -> str | None:
    """The ISO 639 code of `text`'s language (its first `IDENTIFY_CHARS` characters),
    or None when it holds no letters to read or the identifier is unsure: its best
    language leads the next by less than `min_margin` (log-likelihood per byte).

    >>> identify("Test Case 1")  # too little text to tell
    """
    sample = text[:IDENTIFY_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None
    (code, best), (_, second) = _identifier().rank(sample)[:2]
    if code == _NO_LANGUAGE or best - second < min_margin * len(sample.encode()):
        return None
    return _ALIASES.get(code, code)
