"""Render a view in headless Chromium: a PNG of it, or the DOM after its scripts ran.

Used to check the notebook view in a real browser and to draw the README's
screenshot; needs a `chromium` (or `chromium-browser`, `google-chrome`) on PATH.

>>> page = standalone("<p>hi</p>")
>>> page.startswith("<!DOCTYPE html>") and "<p>hi</p>" in page
True
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Flags that work as root in a container, with no network chatter and a fresh profile.
_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def chromium() -> str | None:
    """The path of a Chromium-like browser on PATH, or None.

    >>> chromium() is None or Path(chromium()).name in _NAMES
    True
    """
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def standalone(body: str, *, script: str = "") -> str:
    """A whole HTML page around a view (UTF-8, white background), with an optional script
    run at the end of the body."""
    tail = f"<script>{script}</script>" if script else ""
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>textclean view</title></head>'
        f'<body style="margin:8px;background:#fff">{body}{tail}</body></html>'
    )


def _run(page: str, args: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    browser = chromium()
    if browser is None:
        raise FileNotFoundError("no chromium on PATH (Debian: apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="textclean-chromium-") as tmp:
        html = Path(tmp) / "view.html"
        html.write_text(page, encoding="utf-8")
        profile = Path(tmp) / "profile"
        profile.mkdir()
        cmd = [browser, *_FLAGS, f"--user-data-dir={profile}", *args, html.as_uri()]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True)


def screenshot(
    page: str, png: Path, *, width: int = 1000, height: int = 1400, timeout: float = 60
) -> Path:
    """Write a PNG of the whole HTML `page` (a viewport of `width` x `height`) to `png`."""
    png = Path(png).resolve()
    _run(page, [f"--window-size={width},{height}", f"--screenshot={png}"], timeout)
    return png


def dump_dom(page: str, *, timeout: float = 60) -> str:
    """The serialised DOM of `page` after it loaded and its scripts ran."""
    return _run(page, ["--dump-dom"], timeout).stdout
