"""Draw docs/notebook-view.png: the notebook view of the seed fixture in headless Chromium.

python scripts/notebook_screenshot.py [PAGE.txt] [OUT.png]
"""

from __future__ import annotations

import sys
from pathlib import Path

import textclean
from textclean.display.browser import screenshot, standalone

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    page = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else ROOT / "fixtures" / "southfront-syria-strikes.txt"
    )
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "docs/notebook-view.png"
    doc = textclean.clean(page.read_bytes())
    out.parent.mkdir(parents=True, exist_ok=True)
    print(screenshot(standalone(doc._repr_html_()), out, width=1000, height=900))


if __name__ == "__main__":
    main()
