"""Imported by every benchmark before textclean: the textclean measured is the one in
this tree, not an installed copy (an editable install of another checkout would
otherwise be measured, silently). Benchmarks run as `python benchmarks/NAME.py`, so
this directory is on the path and the tree's root is put before the installed one."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if sys.path[:1] != [str(ROOT)]:
    sys.path.insert(0, str(ROOT))
