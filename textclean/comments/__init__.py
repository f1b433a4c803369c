"""The comment filter's library: where the discussion under a page is, and how it
splits into comments (author, time, votes, text, replies).

Comments are found by their *headers*, not by their prose: a header is a short
line that names a commenter and/or gives a time ("Jane says:", "July 21, 2012
at 5:46 pm", "Posted by: Jim | Sep 26, 2012", "October 11, 2012 | Eve").

1. Every line is classified: header, chrome ("Reply", vote counts, "Sort by"),
   section marker ("2 Comments", "Leave a Reply"), stop (footer, related
   posts, sidebars, the comment form) or text.
2. Adjacent header lines form one header group ("Jane Doe" + "3 hours ago").
   Groups close to each other form a run; a run is a comment section when it
   repeats (two or more groups with text between them) or when a comment
   marker announces it. With no marker and no repeated structure: no comments.
3. The run's orientation is decided once: headers lead their text (most
   widgets) or trail it ("text ... Posted by: Jim | date").
4. Text lines between headers become the comment's paragraphs; chrome is
   removed; trackbacks become removed spans of category "trackback".
5. Indentation (blocks dumps), "level N" lines, "1.2" numbering, "@name" openings,
   "in reply to NAME" (in any vocabulary language; a line of its own is chrome),
   "Name → Parent" headers and an opening that addresses an earlier commenter by
   exact name ("Hoi Gerard, ...") give replies.
6. Forum threads (phpBB, vBulletin): two or more post headers of one shape ("Post by
   NAME » DATE", "#2 NAME DATE"), each under a profile block ("Posts: 87", "Joined:
   ..." in the vocabulary languages), make the page a thread. The first post is the
   article (its poster the byline, its time the date); the others are flat comments;
   profile blocks, subjects, "Top"/"Quote", quote headers and repeated signatures are
   chrome.

The modules, one question each (`textclean.filters.comments.CommentFilter.apply`
calls them in this order):

- `words`: the word lists (say verbs, reply phrases, comment nouns, toolbar words);
- `gates`: cheap sound tests in front of the costly patterns;
- `fields`: a header's name and time fields (cleaning and checking a name);
- `shapes`: the header shapes and `parse_header`, one reader per shape;
- `chrome`: widget lines: markers, the form, toolbars, badges, reply chrome;
- `kinds`: step 1, every line's `Kind` (`classify`); the kinds never change after;
- `forum`: phpBB/vBulletin threads, read instead of steps 2-4;
- `nearby`, `markers`, `sections`, `named`: step 2, header groups and candidate runs
  (`named`: runs of bare names, tried last);
- `support`, `vetoes`: step 3, whether a run is a section; refusals are recorded on
  the page (`Page.refused`) with their reason;
- `build`, `drafts`, `replies`: step 4, the section, its comments and the threading.

A new comment system is supported by adding the shape of its header lines to
`shapes` (a reader tried in `parse_header`) or of its widget lines to `chrome` (and
its kind in `kinds`); a new reason to refuse a run is a veto in `vetoes`.
"""
