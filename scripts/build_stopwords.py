#!/usr/bin/env python3
"""Build textclean/data/stopwords/{iso639-1}.txt from the `stop-words` package.

Source
------
    stop-words 2025.11.4 (PyPI, https://pypi.org/project/stop-words/)
    https://github.com/Alir3z4/python-stop-words
    Copyright (c) 2014, Alireza Savand, Contributors
    Licence: BSD-3-Clause (copied to textclean/data/stopwords/LICENSE)

The version actually installed is read at run time and written into the
first line of every output file:

    # source: stop-words <version> (PyPI), BSD-3-Clause

Usage
-----
    .venv/bin/python scripts/build_stopwords.py

Language selection
------------------
Every language the package ships is written EXCEPT those whose script does
not separate words with whitespace, because textclean tokenises on
whitespace:

* zh (chinese), ja (japanese): skipped - no spaces between words.
* ko (korean): KEPT. Modern Korean separates words (eojeol) with spaces.
  Particles attach to the preceding noun, so only free-standing stop words
  (adverbs, conjunctions, determiners) will ever match a token; that is
  acceptable for a stop-word ratio.
* vi (vietnamese): KEPT. Vietnamese puts a space between every syllable,
  so a whitespace token is a syllable; only the package's single-syllable
  entries are kept (see below), multi-syllable phrases are dropped.

Cleaning rules (the upstream lists contain some noise)
------------------------------------------------------
* One whitespace-free token per line: multi-word upstream entries
  (e.g. "a ha" in vi, "것과 같이" in ko, "por qué" in es) are dropped,
  not split.
* Hebrew upstream file is written as JSON fragments ("אבל",): surrounding
  ASCII double quotes and commas are stripped from every entry.
* Byte-order marks are stripped; ZWNJ/ZWJ (used inside Persian words) are
  kept.
* Mojibake repair: entries that are not purely alphabetic and that were
  UTF-8 read as cp1252 and then lower-cased (Polish "duå¼o" -> "dużo") are
  repaired when the round trip succeeds; Turkish entries that were cp1254
  read as latin-1 ("altý" -> "altı", "beþ" -> "beş") are repaired by
  mapping ý/þ/ð to ı/ş/ğ (these letters do not exist in Turkish).
* Entries containing uppercase letters upstream are artefacts
  ("INSERmi" in tr, "WHO" in gu) and are dropped.
* Entries with no letter, or with any digit, are dropped (punctuation and
  digits in fa/ar/en lists).
* Entries are kept only if made of letters, combining marks, apostrophes
  (' or ’), hyphens, periods ("i.e.", "т.н.") and ZWNJ/ZWJ; anything else
  (e.g. "herse”", "γα^") is dropped.
* For non-Latin-script languages, pure-ASCII entries are dropped.
* Every entry is NFC-normalised and lower-cased; if str.casefold() gives a
  different string ("daß" -> "dass") that form is added too. For Greek,
  words ending in non-final sigma "σ" (as upstream writes them) also get a
  final-sigma "ς" variant, which is what str.lower() yields on real text.
* Output is sorted (by code point) and unique.
"""

from __future__ import annotations

import importlib.metadata
import sys
import unicodedata
from pathlib import Path

import stop_words

REPO = Path(__file__).resolve().parent.parent
OUT_DIR = REPO / "textclean" / "data" / "stopwords"

# Languages whose words are not whitespace-separated.
SKIP = {
    "zh": "no whitespace between words",
    "ja": "no whitespace between words",
}

# Languages not written in the Latin script (pure-ASCII entries are noise).
NON_LATIN = {"ar", "bg", "el", "fa", "gu", "he", "hi", "ko", "ru", "uk"}

TURKISH_FIX = str.maketrans({"ý": "ı", "þ": "ş", "ð": "ğ", "Ý": "İ", "Þ": "Ş", "Ð": "Ğ"})

APOSTROPHES = {"'", "\u2019"}
JOINERS = {"\u200c", "\u200d"}  # ZWNJ, ZWJ
EXTRA_OK = APOSTROPHES | JOINERS | {"-", "."}


def package_version() -> str:
    try:
        return importlib.metadata.version("stop-words")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover
        return stop_words.get_version()


def fix_mojibake(word: str) -> str:
    """Undo UTF-8 -> cp1252 mis-decoding followed by lower-casing."""
    if word.isalpha():
        return word
    candidate = word.replace("å", "Å").replace("ä", "Ä").replace("ã", "Ã")
    try:
        fixed = candidate.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return word
    return fixed if fixed.isalpha() else word


def char_ok(ch: str) -> bool:
    if ch in EXTRA_OK:
        return True
    return unicodedata.category(ch)[0] in ("L", "M")


def clean(raw: str, code: str) -> list[str]:
    """Return the cleaned forms of one upstream entry (possibly empty)."""
    w = raw.replace("\ufeff", "").strip()
    w = w.strip('",').strip()  # Hebrew JSON-fragment format, stray quotes
    w = unicodedata.normalize("NFC", w)
    if not w or len(w.split()) != 1:
        return []
    if code == "tr":
        w = w.translate(TURKISH_FIX)
    w = fix_mojibake(w)
    if w != w.lower():
        return []
    if any(ch.isdigit() for ch in w):
        return []
    if not any(unicodedata.category(ch)[0] == "L" for ch in w):
        return []
    if not all(char_ok(ch) for ch in w):
        return []
    if code in NON_LATIN and w.isascii():
        return []
    forms = {w, unicodedata.normalize("NFC", w.casefold())}
    if code == "el":
        forms |= {f[:-1] + "ς" for f in forms if len(f) > 1 and f.endswith("σ")}
    return sorted(forms)


def main() -> int:
    version = package_version()
    header = f"# source: stop-words {version} (PyPI), BSD-3-Clause"
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for old in OUT_DIR.glob("*.txt"):
        old.unlink()

    # Copy the upstream licence next to the data (BSD-3 requires the notice).
    try:
        dist = importlib.metadata.distribution("stop-words")
        lic = next(
            (f for f in (dist.files or []) if f.name == "LICENSE"), None
        )
        if lic is not None:
            text = Path(dist.locate_file(lic)).read_text(encoding="utf-8")
            (OUT_DIR / "LICENSE").write_text(
                f"Stop-word lists in this directory are derived from "
                f"stop-words {version} (PyPI).\n\n{text}",
                encoding="utf-8",
            )
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover
        pass

    written = []
    for code, name in sorted(stop_words.LANGUAGE_MAPPING.items()):
        if code in SKIP:
            print(f"skip {code} ({name}): {SKIP[code]}")
            continue
        raw = stop_words.get_stop_words(name, cache=False)
        words: set[str] = set()
        dropped = 0
        for entry in raw:
            forms = clean(entry, code)
            if not forms:
                dropped += 1
            words.update(forms)
        out = OUT_DIR / f"{code}.txt"
        out.write_text(header + "\n" + "".join(f"{w}\n" for w in sorted(words)), encoding="utf-8")
        written.append(code)
        print(f"{code} ({name}): {len(words)} words ({len(raw)} upstream, {dropped} dropped)")

    print(f"wrote {len(written)} languages to {OUT_DIR}")
    required = {"en", "de", "fr", "es", "it", "pt", "ru", "nl"}
    missing = required - set(written)
    if missing or len(written) < 25:
        print(f"ERROR: missing {sorted(missing)} or fewer than 25 languages", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
