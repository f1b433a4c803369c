"""Server error text: the warnings a broken site prints into its own page.

A PHP site with a faulty plugin prints its warnings into the HTML ("Warning:
mysql_connect(): Access denied for user ... in /home/site/public_html/db.php on
line 12", "Notice: Undefined index: id in ...", "Deprecated: ...", "Fatal error:
..."), often above the article, where the line model reads them as its opening
sentence. PHP writes them in one fixed shape, whatever the site's language: the
level, a colon, the message, the script's path and the line number. That shape is
the rule; the message itself may say anything.

A page that quotes such a message on purpose (a question on a programming forum:
"I get this error:") introduces it; a line after one ending in a colon is left to
the content filters.

>>> from textclean.page import Page
>>> page = Page("Notice: Undefined index: id in /var/www/html/post.php on line 7\\n"
...             "The council met on Tuesday and agreed the budget.\\n")
>>> ServerErrorFilter().apply(page)
>>> [page.standing(i).category if page.standing(i) else None for i in range(2)]
['server-error', None]
"""

from __future__ import annotations

import regex

from ..confidence import LINE_RULE
from ..filter import Filter, register
from ..page import Evidence, Label, Page

# PHP's error levels as its handler prints them ("PHP " in front when logged).
_LEVEL = (
    r"(?:PHP\s)?(?:Warning|Notice|Deprecated|Strict\sStandards|Parse\serror"
    r"|(?:Catchable\s|Recoverable\s)?Fatal\serror|User\s(?:Warning|Notice|Deprecated))"
)
# The script's path (Unix or Windows) and the line: " in /x/y.php on line 12" or,
# for uncaught exceptions, " in /x/y.php:12". The message between is lazy and
# bounded, and a path is one run of non-spaces: linear in the line's length.
_PATH = r"(?:[A-Za-z]:)?[\\/]\S{0,300}?\.(?:php\d?|inc|phtml|module)"
PHP_ERROR = regex.compile(
    rf"(?i)^\W{{0,3}}{_LEVEL}\W{{0,3}}:\s.{{1,1000}}?\sin\s{_PATH}(?:\s+on\s+line\s+\d+|:\d+)"
)
# Most pages name no script at all: one scan of the page's text spares them the
# line loop.
_ANY_SCRIPT = regex.compile(r"(?i)\.(?:php\d?|inc|phtml|module)\b")


@register
class ServerErrorFilter(Filter):
    """Removes error messages the server printed into the page; see the module docstring."""

    name = "server_errors"
    evidence = Evidence.LINE

    def apply(self, page: Page) -> None:
        if not _ANY_SCRIPT.search(page.text):
            return
        previous = ""
        for i in page.nonblank():
            text = page.lines[i].text.strip()
            quoted = previous.endswith(":")
            previous = text
            if quoted or page.standing(i) is not None or not PHP_ERROR.match(text):
                continue
            page.decide(
                i,
                Label.BOILERPLATE,
                self.name,
                "a PHP error message: level, message, script path and line",
                LINE_RULE,
                "server-error",
                self.evidence,
            )
