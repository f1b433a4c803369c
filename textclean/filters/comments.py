"""Comment-section detector: where the discussion under a page is, and how it
splits into comments (author, time, votes, text, replies).

Comments are found by their *headers*, not by their prose: a header is a short
line that names a commenter and/or gives a time ("Jane says:", "July 21, 2012
at 5:46 pm", "Posted by: Jim | Sep 26, 2012", "October 11, 2012 | Eve"). The
steps, and the forum-thread reading (phpBB, vBulletin), are explained in the
package that does the work, `textclean.comments`; this module is the filter.

>>> from textclean.page import Page
>>> text = ("An article sentence that is long enough to count as prose, it says.\\n"
...         "2 Comments\\nJane Doe\\nJuly 21, 2012 at 5:46 pm\\n"
...         "I liked this a lot, thanks for writing.\\n"
...         "Reply\\nBob\\n3 hours ago\\nMe too, it was a very good read.\\nLeave a Reply\\n")
>>> page = Page(text); CommentFilter().apply(page)
>>> [(c.author, c.posted.raw) for c in page.comments]
[('Jane Doe', 'July 21, 2012 at 5:46 pm'), ('Bob', '3 hours ago')]
>>> page.declared_comment_count
2
"""

from __future__ import annotations

from ..comments.build import build, remove_trackbacks
from ..comments.forum import forum_posts, forum_thread
from ..comments.kinds import classify
from ..comments.named import named_run, scored_named_run
from ..comments.sections import (
    authors_below,
    candidate_runs,
    header_groups,
    shed_article_head,
)
from ..comments.shapes import Header, parse_header
from ..comments.vetoes import accept
from ..confidence import STRUCTURE
from ..filter import Count, Filter, FilterOptions, Probability, register
from ..page import Page

__all__ = ["CommentFilter", "CommentOptions", "Header", "parse_header"]


class CommentOptions(FilterOptions):
    max_author_words: Count = 6
    """An author shown on a header line has at most this many words."""
    max_header_words: Count = 18
    """A header line (name, time, chrome words) has at most this many words."""
    max_gap_lines: Count = 40
    """Two header groups more than this many lines apart are not one section."""
    max_gap_chars: Count = 6000
    """... nor when more than this many characters of text lie between them."""
    marker_reach: Count = 12
    """How many lines before the first comment a section marker may stand."""
    confidence: Probability = STRUCTURE
    """Confidence of the comment filter's decisions (above the content scorer's)."""


@register
class CommentFilter(Filter):
    """Finds the comment section and parses its comments; see the module docstring."""

    name = "comments"
    Options = CommentOptions
    options: CommentOptions

    def apply(self, page: Page) -> None:
        """The steps, in order (each in `textclean.comments`):

        1. classify every line (kinds.classify); a forum thread is read apart (forum);
           trackbacks are removed (build.remove_trackbacks);
        2. header groups and the candidate runs, best first, each with the authors its
           time-only headers print below them (sections);
        3. the first run no veto refuses (vetoes.accept; refusals go to page.refused),
           else a bare-name run under a counted marker, else a scored or signed one
           (named);
        4. the accepted run becomes the section and its comments (build).
        """
        options, name = self.options, self.name
        # -- step 1: what each line is --------------------------------------
        found = classify(page, options)
        kinds = found.kinds
        posts = forum_posts(page, options)
        if posts:
            forum_thread(page, kinds, posts, options, name)
            return
        remove_trackbacks(page, found, options, name)
        # -- step 2: header groups and runs ---------------------------------
        groups = header_groups(page, kinds, found.heads, options)
        for run in candidate_runs(page, kinds, groups, options) if groups else []:
            run = shed_article_head(page, kinds, run)
            authors_below(page, kinds, run, options.max_author_words)
            # -- step 3: is it a comment section --------------------------------
            if accept(page, kinds, run, options, name):
                # -- step 4: build the comments ---------------------------------
                build(page, kinds, run, options, name)
                return
        run = named_run(page, kinds, options)
        if run and accept(page, kinds, run, options, name):
            build(page, kinds, run, options, name)
            return
        run = scored_named_run(page, kinds, options)
        if run and accept(page, kinds, run, options, name, vetted=True):
            build(page, kinds, run, options, name)
