"""Rewrite a dump into another dump style, to test that a result does not hang on
the style: the same page hard-wrapped, indented, bulleted or with Markdown links
should give much the same article and comments. `benchmarks/dump_styles.py`
scores the dev corpus through these; use them in your own regression tests.

They are mechanical stand-ins for the tools, not the tools' output.

>>> print(hard_wrapped("one two three four", 9))
one two
three
four
>>> print(lynx_like("Home\\n\\nA short line."))
   Home
<BLANKLINE>
   A short line.
"""

from __future__ import annotations

import random
import textwrap
from collections.abc import Callable


def hard_wrapped(text: str, width: int = 72) -> str:
    """Every line longer than `width` wrapped at `width`, as mail and `fmt` do."""
    return "\n".join(
        "\n".join(textwrap.wrap(line, width)) if len(line) > width else line
        for line in text.split("\n")
    )


def lynx_like(text: str) -> str:
    """Indented three columns and wrapped at 76, as `lynx -dump` prints paragraphs."""
    return "\n".join(
        "\n".join(textwrap.wrap(line, 76, initial_indent="   ", subsequent_indent="   "))
        if line.strip()
        else line
        for line in text.split("\n")
    )


def indented(text: str, columns: int = 4) -> str:
    """Every non-blank line indented, as table layouts render."""
    pad = " " * columns
    return "\n".join(pad + line if line.strip() else line for line in text.split("\n"))


def bulleted(text: str, under: int = 60) -> str:
    """A "* " bullet before every non-blank line shorter than `under` characters."""
    return "\n".join(
        "* " + line if line.strip() and len(line) < under else line for line in text.split("\n")
    )


def crlf(text: str) -> str:
    """Windows line ends."""
    return text.replace("\n", "\r\n")


def markdown_links(text: str) -> str:
    """Short unfinished lines (menus) as bulleted Markdown links, and one link in most
    long paragraphs, as html2text-like converters print pages (seeded by the text,
    so a page always gets the same rewrite)."""
    rnd = random.Random(len(text))
    out = []
    for line in text.split("\n"):
        words = line.split()
        stripped = line.strip()
        if 0 < len(words) <= 4 and not stripped.endswith((".", "!", "?")):
            slug = "-".join(words).lower()[:40]
            out.append(f"* [{stripped}](https://example.com/{slug})")
        elif len(words) >= 20 and rnd.random() < 0.7:
            k = rnd.randrange(0, len(words) - 2)
            words[k] = "[" + words[k]
            words[k + 1] += f"](https://example.org/story/{k})"
            out.append(" ".join(words))
        else:
            out.append(line)
    return "\n".join(out)


def caseless(text: str) -> str:
    """Every letter in lower case: a stand-in for scripts without case (Chinese,
    Arabic, Hindi, Korean...), whose headlines and menus are not capitalised."""
    return text.lower()


STYLES: dict[str, Callable[[str], str]] = {
    "as-is": lambda text: text,
    "wrap72": hard_wrapped,
    "wrap100": lambda text: hard_wrapped(text, 100),
    "lynx": lynx_like,
    "indented": indented,
    "bullets": bulleted,
    "markdown": markdown_links,
    "crlf": crlf,
    "caseless": caseless,
}
"""Every rewrite by name, as `benchmarks/dump_styles.py --style NAME` takes them."""
