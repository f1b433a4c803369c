"""Stop-word lists per language and the choice of a page's language.

The lists are data (``textclean/data/stopwords/{code}.txt``, built by
``scripts/build_stopwords.py``); a new language is a new file.

>>> guess_language("the cat sat on the mat and it was happy".split())
'en'
>>> guess_language("der Hund und die Katze sind nicht im Haus".split())
'de'
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .startup_cache import cached_build


def _read_words(code: str) -> frozenset[str]:
    path = resources.files("textclean") / "data" / "stopwords" / f"{code}.txt"
    words = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        word = raw.strip()
        if word and not word.startswith("#"):
            words.append(word.casefold())
    return frozenset(words)


@lru_cache(maxsize=1)
def available_languages() -> tuple[str, ...]:
    """ISO 639-1 codes of every shipped stop-word list."""
    folder = resources.files("textclean") / "data" / "stopwords"
    return tuple(sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".txt")))


@cache
def stopwords(code: str) -> frozenset[str]:
    """The stop words of one language (empty for an unknown code)."""
    if code not in available_languages():
        return frozenset()
    return _read_words(code)


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, ...]]:
    """word -> languages whose list has it, for one-pass language voting.

    Reading and folding the 31 lists costs about 25 ms, a sixth of a first clean();
    the index is kept in the start-up cache (see `textclean.startup_cache`), keyed by
    the lists' bytes and this module's code."""
    folder = resources.files("textclean") / "data" / "stopwords"
    sources = [(code, (folder / f"{code}.txt").read_bytes()) for code in available_languages()]
    return cached_build("stopword-index", sources, Path(__file__), _build_index, dict, _checked)


def _build_index() -> dict[str, tuple[str, ...]]:
    owners: dict[str, list[str]] = {}
    for code in available_languages():
        for word in stopwords(code):
            owners.setdefault(word, []).append(code)
    return {w: tuple(c) for w, c in owners.items()}


def _checked(data: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(data, dict) or not all(isinstance(v, tuple) for v in data.values()):
        raise TypeError("stop-word index cache: not a dict of tuples")
    return data


def guess_language(words: Iterable[str], default: str = "en") -> str:
    """The language whose stop words cover most of `words` (casefolded inside).

    Each word votes for every list it is in, weighted down by how many lists
    share it, so short words common to many languages do not decide.
    """
    return vote_language(words, default)[0]


DECIDED_SHARE = 0.6
"""A vote is decided when its winner holds this share of all the votes..."""
DECIDED_COVERAGE = 0.25
"""... and this share of the words are stop words of some list."""


def vote_language(words: Iterable[str], default: str = "en") -> tuple[str, bool]:
    """`guess_language`'s answer, and whether the vote decided it clearly: a winner
    far ahead, over text with many stop words (pages whose script or language no
    list covers, and close pairs such as Spanish and Aragonese, are not decided).

    >>> vote_language("der Hund und die Katze sind nicht im Haus".split())
    ('de', True)
    >>> vote_language("北京 上海 广州".split())
    ('en', False)
    """
    index = _weights()
    # Count each distinct word once (in C), then add its votes: the weights are
    # integers (`unit / owners`), so the sums are exact and do not depend on the
    # order of the words. Codes enter `votes` in the order of their first vote,
    # which keeps max()'s choice among equal votes the same as word by word.
    votes: dict[str, int] = {}
    total = covered = 0
    for word, count in Counter(words).items():
        total += count
        owners = index.get(word.casefold())
        if owners:
            covered += count
            codes, weight = owners
            for code in codes:
                votes[code] = votes.get(code, 0) + weight * count
    if not votes:
        return default, False
    best = max(votes, key=votes.__getitem__)
    decided = (votes[best] >= DECIDED_SHARE * sum(votes.values())
               and covered >= DECIDED_COVERAGE * total)
    return best, decided


@lru_cache(maxsize=1)
def _weights() -> dict[str, tuple[tuple[str, ...], int]]:
    """word -> (its languages, its integer vote: a common multiple / their number)."""
    owners = _index()
    unit = math.lcm(*{len(codes) for codes in owners.values()}) if owners else 1
    return {w: (codes, unit // len(codes)) for w, codes in owners.items()}
