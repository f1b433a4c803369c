"""The legacy encoding of bytes that are not UTF-8, by charset-normalizer.

charset-normalizer decodes a sample with every code page Python knows and keeps
those whose text is least garbled and most like some language's letters; this
module trusts its answer only where that evidence is there, and says cp1252 (the
web's commonest legacy encoding) where cp1252 reads the bytes as well.

>>> detect_encoding("Городской совет собрался во вторник и утвердил бюджет.".encode("cp1251"))
'cp1251'
>>> detect_encoding(b"caf\\xe9") is None  # four bytes: nothing to go on
True
"""

from __future__ import annotations

import codecs

# The detector reads a sample: its cost stays flat however big the input (the
# bytes past the sample are only decoded, once). 64 KiB is dozens of paragraphs.
SAMPLE_BYTES = 64 * 1024

# A single-byte answer whose letters look like no language (coherence: the share of
# the sample's letters in some language's frequency table, 0..1) is a guess among
# code pages that all decode without error: short texts get cp437 or UTF-16 there.
MIN_COHERENCE = 0.2
# The detector's chaos (0..1: odd letter mixes, stray symbols) above which its best
# answer is garbled text too.
MAX_CHAOS = 0.1


def detect_encoding(data: bytes, start: int = 0) -> str | None:
    """The Python codec that `data` (bytes that are not UTF-8) was most likely
    written in, or None when the detector is unsure. The sample it reads begins
    near `start` (where UTF-8 failed: the ASCII before tells nothing).

    >>> greek = "Ελληνικά γράμματα στο τέλος της σελίδας.".encode("cp1253")
    >>> detect_encoding(b"Home\\n" * 20_000 + greek, 100_000)
    'cp1253'
    """
    from charset_normalizer import from_bytes
    from charset_normalizer.utils import is_multi_byte_encoding

    begin = max(0, start - 1024)  # the line that holds `start`, most often
    sample = data[begin : begin + SAMPLE_BYTES]
    # begin and end on line breaks, not inside a multi-byte character
    if begin > 0 and 0 <= (first := sample.find(b"\n")) < start - begin:
        sample = sample[first + 1 :]
    if begin + SAMPLE_BYTES < len(data) and (last := sample.rfind(b"\n")) > 0:
        sample = sample[:last]
    best = from_bytes(sample).best()
    if best is None or best.chaos > MAX_CHAOS:
        return None
    codec = codecs.lookup(best.encoding).name
    if codec.startswith("utf"):
        return None  # the bytes are not UTF-8, and UTF-16/32 come with a BOM here
    # a CJK code page that reads the whole sample is evidence enough; its coherence
    # is low by nature (thousands of characters share the frequency table)
    multibyte = is_multi_byte_encoding(best.encoding)
    if not multibyte and best.coherence < MIN_COHERENCE:
        return None
    if not multibyte and _cp1252_reads_as_well(sample, best.chaos, best.coherence):
        return "cp1252"
    return codec


def _cp1252_reads_as_well(sample: bytes, chaos: float, coherence: float) -> bool:
    """Whether cp1252 reads `sample` about as cleanly as the detector's best answer and
    with letters as like a language's: then it is cp1252. The detector counts curly
    quotes, dashes and the euro sign as chaos, so an English page in cp1252 would read
    as cp775 (ō for “); Czech in cp1250 or Turkish in cp1254 read as cp1252 show
    their letters less like their language's, and keep their own code page."""
    from charset_normalizer import from_bytes

    cp1252 = from_bytes(sample, cp_isolation=["cp1252"]).best()
    return (
        cp1252 is not None and cp1252.chaos <= chaos + MAX_CHAOS and cp1252.coherence >= coherence
    )
