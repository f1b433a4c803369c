"""Named confidence levels: one scale that every filter's verdicts share.

A verdict stands over the line's standing one when it is at least as confident
(`Page.decide`), so the levels say who may overrule whom. A filter names the
level it decides at instead of writing the number, and reads another filter's
verdict by its level and its evidence (`textclean.page.Evidence`), never by the
other filter's name.

>>> COMMENT_GUESS < GUESS < LINE_RULE < STRUCTURE < SURE < CERTAIN
True
"""

from __future__ import annotations

MENU = 0.6
"""A row of short items between separators: a menu, unless the line model is surer."""

COMMENT_GUESS = 0.65
"""The line model's cap for comment lines: the comment filter, which reads a
section's structure, always overrules it."""

ORPHAN = 0.66
"""Comment-like prose that continues the article: above the line model's comment
guess, below every rule."""

GUESS = 0.69
"""The line model's cap for article and boilerplate lines: just below `LINE_RULE`,
so that every rule overrules a guess."""

LINE_RULE = 0.7
"""A line that is chrome by its own text (a share label, a copyright line); the
line model leaves lines decided at this level or above alone."""

STRUCTURE = 0.75
"""A verdict read off the structure around a line: a comment section, a byline
or caption claim; a guess below it may still be claimed by the metadata."""

SURE = 0.8
"""A widget or a page that cannot be anything else (donation progress, an error
page, a repeat of the title)."""

CERTAIN = 0.9
"""Beyond doubt; for users' filters that must win over every built-in one."""
