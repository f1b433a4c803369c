"""The comment filter on small hand-written pages in the shapes real widgets print."""

from __future__ import annotations

import pytest

from textclean import clean
from textclean.comments.chrome import _badge, _reply_target
from textclean.filters.comments import CommentFilter, CommentOptions, parse_header
from textclean.page import Label, Page

ARTICLE = (
    "The council voted on Tuesday to close the old bridge for repairs, a decision that "
    "surprised many residents who use it every day.\n"
    "Engineers said the work would take about six months and cost more than expected, "
    "although the exact figure has not yet been published.\n"
)


def run(text: str) -> Page:
    page = Page(text)
    CommentFilter().apply(page)
    return page


def texts(page: Page) -> list[str]:
    out = []
    for c in page.comments:
        out.append(" / ".join(page.text[p.start : p.end] for p in c.parts if p.role == "text"))
    return out


def authors(page: Page) -> list[str | None]:
    return [c.author for c in page.comments]


# -- positive shapes -----------------------------------------------------------
def test_wordpress_native() -> None:
    page = run(
        ARTICLE + "3 thoughts on “Bridge closed”\n"
        "Lauren K says:\nOctober 29, 2012 at 12:41 pm\nAdorable bridge, I will miss it!\nReply\n"
        "texydeb says:\nOctober 29, 2012 at 10:23 am\nThey should have fixed it years ago.\nReply\n"
        "Mark says:\nOctober 30, 2012 at 9:02 am\n@texydeb agreed, the money was always there.\nReply\n"  # noqa: E501
        "Leave a Reply\nYour email address will not be published. Required fields are marked *\n"
    )
    assert authors(page) == ["Lauren K", "texydeb", "Mark"]
    assert [c.posted.raw for c in page.comments] == [
        "October 29, 2012 at 12:41 pm",
        "October 29, 2012 at 10:23 am",
        "October 30, 2012 at 9:02 am",
    ]
    assert page.comments[0].posted.parsed is not None
    assert texts(page)[0] == "Adorable bridge, I will miss it!"
    assert page.declared_comment_count == 3
    # "@texydeb" answers the second comment
    assert page.comments[2].parent == 1 and page.comments[2].depth == 1
    # widget words are removed, never comment text
    reply_lines = [i for i, ln in enumerate(page.lines) if ln.text == "Reply"]
    assert all(page.label(i) is Label.BOILERPLATE for i in reply_lines)


def test_wpdiscuz_with_votes() -> None:
    page = run(
        ARTICLE
        + "4 Comments\nNotify of\nOldest Newest Most Voted\nInline Feedbacks\nView all comments\n"
        "Anna Berg\n2 years ago\nThe detour through the market adds twenty minutes each way.\n5\nReply\n"  # noqa: E501
        "Tom\n2 years ago\nI cycle, and the ferry is actually faster now.\n0\nReply\n"
    )
    assert authors(page) == ["Anna Berg", "Tom"]
    assert page.comments[0].posted is not None and page.comments[0].posted.relative
    assert page.comments[0].posted.parsed is None
    assert page.comments[0].votes == 5
    assert texts(page)[1] == "I cycle, and the ferry is actually faster now."
    assert page.declared_comment_count == 4


def test_disqus_style() -> None:
    page = run(
        ARTICLE + "12 comments\nSort by Best\n"
        "guest123 • 3 hours ago\nWhy does every repair here take twice as long as promised?\n"
        "Reply\n"
        "Maria_L • 2 hours ago\nBecause the contracts reward delays, sadly.\n"
        "Reply\nLoad more comments\nPowered by Disqus\n"
    )
    assert authors(page) == ["guest123", "Maria_L"]
    assert [c.posted.raw for c in page.comments] == ["3 hours ago", "2 hours ago"]
    assert page.declared_comment_count == 12


def test_count_marker_with_post_title_and_lone_comment() -> None:
    page = run(
        ARTICLE + "One Response to “Bridge closed for repairs this winter, council says”\n"
        "Lynn Kellan says:\nNovember 12, 2012 at 4:22 am\n"
        "I use the bridge every day, so this is bad news for me.\nReply\nFollow Us\n"
    )
    assert authors(page) == ["Lynn Kellan"]
    assert page.declared_comment_count == 1


def test_lone_trailing_comment_under_count() -> None:
    page = run(
        ARTICLE + "Comments (1)\n"
        "As a long time resident, seeing the bridge closed is just devastating for us.\n"
        "Posted by jenn | November 6, 2012 1:04 PM\nLeave a Comment\n"
    )
    assert authors(page) == ["jenn"]
    assert texts(page) == [
        "As a long time resident, seeing the bridge closed is just devastating for us."
    ]


def test_lone_trailing_headline_is_not_a_comment() -> None:
    page = run(
        ARTICLE + "Archives\nComments\n"
        "Saudi Arabia faces an existential dilemma as religious tourism flatlines\n"
        "Posted by Max Fisher on October 29, 2012 at 1:34 pm\nText Size\n"
    )
    assert page.comments == []


def test_braced_count_and_numbered_handle() -> None:
    page = run(
        ARTICLE + "{ 1 comment… read it below or add one }\n"
        "1 Day19 November 12, 2012 at 3:04 pm\nYeah! The bridge was always too narrow anyway.\n"
        "Reply\nLeave a Comment\n"
    )
    assert authors(page) == ["Day19"]
    assert page.comments[0].posted is not None
    assert page.comments[0].posted.raw == "November 12, 2012 at 3:04 pm"


def test_plus_prefixed_id_says() -> None:
    page = run(
        ARTICLE + "1 Comment\n1\n+ C98976 on August 9th, 2012 at 10:16 am said:\n"
        "sounds good, thanks for the update.\nLeave a Comment\n"
    )
    assert authors(page) == ["C98976"]


def test_count_of_one_takes_a_short_unfinished_reply() -> None:
    page = run(
        ARTICLE + "1 Comment\n1\n+ K20417 on March 3rd, 2024 at 8:12 pm said:\n"
        "fine by me\nLeave a Comment\nClick here to cancel reply.\n"
    )
    assert authors(page) == ["K20417"]
    assert texts(page) == ["fine by me"]
    page = run(
        ARTICLE + "{ 1 comment… read it below or add one }\n"
        "1 rosa m November 2, 2023 at 6:40 pm\nThe map does not load for me\nReply\n"
        "Cancel reply\nLeave a Comment\n"
    )
    assert texts(page) == ["The map does not load for me"]


def test_short_reply_needs_a_count_of_one() -> None:
    # "3 Comments" and one header over an unfinished line: not enough to go on
    page = run(
        ARTICLE + "3 Comments\nK20417 on March 3rd, 2024 at 8:12 pm said:\n"
        "fine by me\nLeave a Comment\n"
    )
    assert page.comments == []


def test_widget_word_between_marker_and_comments() -> None:
    page = run(
        ARTICLE + "Discussion\n1 Comment\nSort By Oldest First / Newest First\nSubscribe\n"
        "Tomas / March 3, 2024 at 02:10 pm\nWhere can I buy the new guide book?\nReply\n"
        "Add a Comment\nMore Stories\n"
    )
    assert authors(page) == ["Tomas"]


def test_comment_titled_with_a_widget_word() -> None:
    page = run(
        ARTICLE + "Comments (3)\n"
        "Costs\nwritten by Ann Marsh, March 3, 2024\nWho pays for the ferry in the meantime?\n+0\n"
        "Tech\nwritten by Oleg, March 4, 2024\nThe new sensors will warn of cracks long before.\n"
        "+2\nNo way\nwritten by pat, March 5, 2024\nSix months is far too optimistic.\n-1\n"
        "Write comment\n"
    )
    assert authors(page) == ["Ann Marsh", "Oleg", "pat"]


def test_question_with_a_date_is_not_a_header() -> None:
    assert parse_header("Was this taken in Leeds, March 15?", CommentOptions()) is None
    assert parse_header("Rita, March 15", CommentOptions()) is not None


def test_linked_names_repeat_without_scorer_support() -> None:
    text = ARTICLE + (
        "http://example.org/ Anna Berg\nThe bridge looked so much better in the old photos.\n"
        "http://blog.example.net/ tomk\nAgreed. I miss crossing it on my way to work!\n"
        "http://twitter.com/lenny Len Ruiz\nDoes anyone know if the ferry runs on Sundays?\n"
        "Marta\nThanks for the clear write-up, very useful.\n"
    )
    page = Page(text)
    page.comment_scores = [0.0] * 2 + [0.3] * 8
    CommentFilter().apply(page)
    assert authors(page)[:3] == [
        "http://example.org/ Anna Berg",
        "http://blog.example.net/ tomk",
        "http://twitter.com/lenny Len Ruiz",
    ]
    assert len(page.comments) == 4


def test_two_bare_names_closed_by_the_widget_credit() -> None:
    text = ARTICLE + (
        "Please keep comments civil and use your full name.\n"
        "http://example.org/ Anna Berg\nThe bridge looked so much better in the old photos.\n"
        "Anonymous\nok and I agree with that\nSix months is nothing, they will be late anyway.\n"
        "blog comments powered by Disqus\n"
    )
    page = Page(text)
    page.comment_scores = [0.0] * 3 + [0.8] * 6 + [0.0]
    CommentFilter().apply(page)
    assert authors(page) == ["http://example.org/ Anna Berg", "Anonymous"]
    # a bare "Comments" heading is not a credit line: subheadings of an article
    text = ARTICLE + (
        "Crafting wonder\nPlayers sort the games they play into genres, she said.\n"
        "Peaks and valleys\nWe remember games with huge peaks, he observed.\n"
        "Comments\n"
    )
    page = Page(text)
    page.comment_scores = [0.0] * 2 + [0.8] * 4 + [0.0]
    CommentFilter().apply(page)
    assert page.comments == []


def test_offset_time_with_a_permalink_after_it() -> None:
    page = run(
        ARTICLE + "1 comment\nPenny Wise\n"
        "March 4, 2024 at 9:15 am (UTC -5) Link to this comment\nReply\n"
        "We paid for half of it too and it worked out well for everyone.\n"
        "Leave a Reply Cancel reply\n"
    )
    assert authors(page) == ["Penny Wise"]
    assert page.comments[0].posted.raw == "March 4, 2024 at 9:15 am (UTC -5)"


def test_form_heading_ends_a_trailing_comment() -> None:
    page = run(
        ARTICLE + "Reader Comments (1)\n"
        "Is the footpath going to stay open while they work on the deck?\n"
        "March 4, 2024 | Olga\nPost a New Comment\n"
        "Enter your information below to add a new comment.\nAuthor:\n"
    )
    assert authors(page) == ["Olga"]
    assert texts(page) == ["Is the footpath going to stay open while they work on the deck?"]


def test_time_after_the_text_of_a_says_header() -> None:
    page = run(
        ARTICLE + "One Comment\nJulia wrote:\nGlad the bridge is finally getting some care.\n"
        "Friday, March 1, 2024 at 7:28 pm | Permalink\nPost a Comment\n"
    )
    assert authors(page) == ["Julia"]
    assert page.comments[0].posted.raw == "Friday, March 1, 2024 at 7:28 pm"
    assert texts(page) == ["Glad the bridge is finally getting some care."]


def test_closed_note_and_feed_note_around_trailing_comments() -> None:
    text = ARTICLE + (
        "Comments\nYou can follow this conversation by subscribing to the comment feed.\n"
        "So glad they are finally fixing it!\n"
        "Posted by: Ruth in Leeds | March 2, 2024 at 12:55 AM\n"
        "I will miss the view from the middle of it.\n"
        "Posted by: Sam K. | March 1, 2024 at 08:36 PM\n"
        "The comments to this entry are closed.\nCategories\n"
    )
    page = Page(text)
    page.comment_scores = [0.0] * 3 + [0.02] + [0.9] * 4 + [0.0] * 2
    CommentFilter().apply(page)
    # an initial keeps its full stop ("Sam K.")
    assert authors(page) == ["Ruth in Leeds", "Sam K."]
    assert texts(page) == [
        "So glad they are finally fixing it!",
        "I will miss the view from the middle of it.",
    ]


def test_form_heading_with_below() -> None:
    page = run(
        ARTICLE + "2 Comments\n"
        "Nora said,\nI tried the detour this morning and it took twenty minutes longer.\n"
        "Kemal said,\nThe ferry is faster anyway, if you can catch the early one.\n"
        "Leave Your Reply Below...\nUsername (*required)\nEmail Address (*private)\n"
        "Recent Entries\nWoodworking for beginners\nSeptember 18, 2023\n"
        "Notes on the tool shed\nSeptember 2, 2023\n"
    )
    assert authors(page) == ["Nora", "Kemal"]
    assert texts(page)[1] == "The ferry is faster anyway, if you can catch the early one."


def test_two_digit_year_and_middot_times() -> None:
    page = run(
        ARTICLE + "2 Comments\nAlan Tay\n7 Aug 12 at 11:21 pm\nYou made your point there, Sara.\n"
        "Reply\nJack Nolan\nNovember 6, 2012 · 12:17 PM\nThink you missed something here.\n"
        "Reply\nLeave a Comment\n"
    )
    assert authors(page) == ["Alan Tay", "Jack Nolan"]
    assert [c.posted.raw for c in page.comments if c.posted] == [
        "7 Aug 12 at 11:21 pm",
        "November 6, 2012 · 12:17 PM",
    ]


def test_facebook_plugin() -> None:
    page = run(
        ARTICLE + "2 comments\nSort by Oldest\n"
        "John Smith\nGreat news for the river walk, finally some action.\nLike · Reply · 5y\n"
        "Ana Souza\nIt was about time they did something!\nLike · Reply · 2 · 5y\n"
        "Facebook Comments Plugin\n"
    )
    assert authors(page) == ["John Smith", "Ana Souza"]
    assert texts(page) == [
        "Great news for the river walk, finally some action.",
        "It was about time they did something!",
    ]


def test_facebook_toolbar_badge_and_tag() -> None:
    """The toolbar gives the age and the likes; a badge line under the name is chrome;
    a reply that tags the full name of an earlier commenter answers that comment."""
    page = run(
        ARTICLE + "3 comments\nSort by Top\n"
        "John Smith\nGreat news for the river walk, finally some action.\nLike · Reply · 4 · 5y\n"
        "Ana Souza\nTop fan · Studied at Riverside College\n"
        "John Smith exactly, it was about time they did something!\nLike · Reply · 5y\n"
        "Kim Park\nWill the cycle path stay open during the work?\nLike · Reply · 1w\n"
        "Facebook Comments Plugin\n"
    )
    assert authors(page) == ["John Smith", "Ana Souza", "Kim Park"]
    assert [c.posted.raw for c in page.comments] == ["5y", "5y", "1w"]
    assert [c.votes for c in page.comments] == [4, None, None]
    assert texts(page)[1] == "John Smith exactly, it was about time they did something!"
    assert [c.parent for c in page.comments] == [None, 0, None]


@pytest.mark.parametrize("line", ["Admin", "Moderator note: be kind.", "From the editor"])
def test_not_a_badge(line: str) -> None:
    assert not _badge(line)


def test_threaded_dump_with_levels_and_social_ages() -> None:
    """"level N" lines give nesting; "name · 5h" (an "OP" badge aside) is a header; a
    community box's "Created Mar 14, 2011" under the thread names no commenter."""
    page = run(
        ARTICLE + "42 Comments\nSort by: Best\n"
        "level 1\nriver_rat · 5h\nThe old bridge was always a worry for the school run.\n"
        "12 points\nReply\nShare\n"
        "level 2\nbridge_fan OP · 4h\nIt was, and nobody listened for years.\n"
        "5 points\nReply\nShare\n"
        "level 1\nkit.moss · 2h\nGood to see the money finally spent where it matters.\n"
        "3 points\nReply\nShare\n"
        "View more comments\nAbout Community\nCreated Mar 14, 2011\nMembers\n"
    )
    assert authors(page) == ["river_rat", "bridge_fan", "kit.moss"]
    assert [c.posted.raw for c in page.comments] == ["5h", "4h", "2h"]
    assert [c.votes for c in page.comments] == [12, 5, 3]
    assert [(c.parent, c.depth) for c in page.comments] == [(None, 0), (0, 1), (None, 0)]


def test_star_ratings_are_not_comment_text() -> None:
    page = run(
        ARTICLE + "2 Comments\n"
        "Jane Doe says:\nMarch 9, 2024 at 7:12 am\n★★★★★\nMade this twice already, it is lovely.\n"
        "Reply\nBob says:\nMarch 11, 2024 at 9:48 pm\nRated 4 out of 5\n"
        "Lovely crumb but it sank a little in the middle.\nReply\n"
    )
    assert texts(page) == [
        "Made this twice already, it is lovely.",
        "Lovely crumb but it sank a little in the middle.",
    ]


def test_posted_by_after_the_text() -> None:
    page = run(
        ARTICLE + "Comments\n"
        "David, great insights as usual. There are a couple more points to add.\n"
        "Posted by: Jim Ewel | September 26, 2012 at 05:47 PM\n"
        "Great post David. Relevant and transparent content wins.\n"
        "Posted by: Larry | September 26, 2012 at 06:04 PM\n"
        "Post a comment\n"
    )
    assert authors(page) == ["Jim Ewel", "Larry"]
    assert page.comments[0].posted.raw == "September 26, 2012 at 05:47 PM"
    assert texts(page)[0].startswith("David, great insights")
    assert texts(page)[1].startswith("Great post David.")


def test_date_then_name_after_the_text() -> None:
    page = run(
        ARTICLE + "Reader Comments (3)\n"
        "HOLY! That is a lot of places.\nOctober 11, 2012 | Eve\n"
        "We're expecting you in Denmark then!!!\nOctober 11, 2012 | The Diplomat's Wife\n"
        "Oh that church! Lovely.\nOctober 12, 2012 | Kate\n"
        "Post a New Comment\n"
    )
    assert authors(page) == ["Eve", "The Diplomat's Wife", "Kate"]
    assert texts(page)[1] == "We're expecting you in Denmark then!!!"
    assert page.declared_comment_count == 3


def test_livefyre_viafoura_relative_and_likes() -> None:
    page = run(
        ARTICLE + "Conversation\n"
        "Kim Lee 4 likes 5 hours ago\nThe bridge has been unsafe for years, good call.\nReply\n"
        "Pat 1 like 4 hours ago\nSix months is optimistic, I bet on a year.\nReply\n"
        "Load more\n"
    )
    assert authors(page) == ["Kim Lee", "Pat"]
    assert page.comments[0].likes == 4
    assert page.comments[0].posted.raw == "5 hours ago" and page.comments[0].posted.relative


def test_forum_posts() -> None:
    page = run(
        "Topic: Bridge closure and the detour\n"
        "Post by riverfan » Tue Mar 05, 2024 10:42 am\n"
        "Does anyone know whether buses will still run across the old bridge during repairs?\n"
        "Post by admin » Tue Mar 05, 2024 11:03 am\n"
        "They will take the ring road, the timetable changes next week.\n"
        "Post by riverfan » Tue Mar 05, 2024 11:20 am\n"
        "Thanks, that helps a lot.\n"
        "Display posts from previous: All posts\n"
    )
    assert authors(page) == ["riverfan", "admin", "riverfan"]
    assert page.comments[1].posted.parsed is not None


def test_reddit_style_points() -> None:
    page = run(
        ARTICLE + "45 comments\nsorted by: best\n"
        "throwaway_9 12 points 3 hours ago\nSix months means a year, every single time.\npermalink save report reply\n"  # noqa: E501
        "civil_eng 7 points 2 hours ago\nRepairs on old steel bridges always find new surprises.\npermalink save report reply\n"  # noqa: E501
    )
    assert authors(page) == ["throwaway_9", "civil_eng"]
    assert [c.votes for c in page.comments] == [12, 7]
    assert texts(page)[0] == "Six months means a year, every single time."


def test_name_with_points_and_a_toolbar() -> None:
    page = run(
        ARTICLE + "Sign in\nPost comment as\nSort: Newest | Oldest\nriverrat 12 pts\n"
        "The toll will end up paying for the repairs, mark my words.\n"
        "share\nspam\noffensive\ndisagree\noff topic\nLike\nRecent Posts\n"
    )
    assert authors(page) == ["riverrat"]
    assert page.comments[0].votes == 12
    assert texts(page) == ["The toll will end up paying for the repairs, mark my words."]


def test_name_with_points_in_prose_is_not_a_comment() -> None:
    page = run(
        ARTICLE + "Top scorers\nJay Rivers 31 points\n"
        "Rivers led the home side with a season high, hitting six threes in the second half.\n"
        "Share this\nRelated stories\n"
    )
    assert page.comments == []


def test_numbered_replies_give_depth() -> None:
    page = run(
        ARTICLE + "Comments (3)\n"
        "1. Alice on March 3, 2024 at 9:00 am said:\nWill the footpath stay open during the works?\n"  # noqa: E501
        "1.1 Bob on March 3, 2024 at 9:30 am said:\nYes, the council confirmed it yesterday.\n"
        "2. Carol on March 4, 2024 at 8:15 am said:\nFinally, it was falling apart.\n"
        "Leave a Reply\n"
    )
    assert authors(page) == ["Alice", "Bob", "Carol"]
    assert [c.depth for c in page.comments] == [0, 1, 0]
    assert page.comments[1].parent == 0


def test_blocks_indentation_gives_replies() -> None:
    page = run(
        ARTICLE + "\n2 Comments\n\n"
        "Jane Doe\nJuly 21, 2012 at 5:46 pm\n\nI liked this a lot, thanks for writing.\n\nReply\n\n"
        "    Bob\n    July 21, 2012 at 6:10 pm\n\n    Me too, it was a very good read.\n\n    Reply\n\n"  # noqa: E501
        "Leave a Reply\n"
    )
    assert authors(page) == ["Jane Doe", "Bob"]
    assert page.comments[1].depth == 1 and page.comments[1].parent == 0


def test_blocks_last_comment_ends_where_the_indent_does() -> None:
    page = run(
        ARTICLE + "\nOne Response to “Bridge closed”\n\n"
        "  noor says:\n  March 10, 2024 at 2:28 am\n\n  hi there\n"
        "  I live across the river, so this changes my whole commute.\n\n"
        "Be kind here. Treat this comment form as a conversation in my living room, please.\n"
        "\nLeave a Reply\n"
    )
    assert page.style == "blocks"
    assert texts(page) == ["hi there / I live across the river, so this changes my whole commute."]


@pytest.mark.parametrize(
    ("header", "says"),
    [
        ("Kommentare (2)", "schreibt"),
        ("2 commentaires", "dit"),
        ("2 comentarios", "dice"),
        ("2 commenti", "scrive"),
        ("2 comentários", "disse"),
        ("2 reacties", "zegt"),
        ("Комментарии (2)", "пишет"),
    ],
)
def test_section_headers_in_other_languages(header: str, says: str) -> None:
    page = run(
        ARTICLE + f"{header}\n"
        f"Anna {says}:\n13.03.2024 14:05\nSehr gut geschrieben, danke! Très bien. Muy bien.\n"
        f"Marco {says}:\n14.03.2024 09:12\nDas sehe ich anders. Je ne suis pas d'accord.\n"
    )
    assert authors(page) == ["Anna", "Marco"]
    assert page.declared_comment_count == 2
    assert page.comments[0].posted.parsed is not None


def test_trackbacks_are_removed_spans() -> None:
    page = run(
        ARTICLE + "2 Responses\n"
        "Jane says:\nJuly 21, 2012 at 5:46 pm\nNice write-up, thank you.\n"
        "Bob says:\nJuly 22, 2012 at 8:00 am\nAgreed, very clear.\n"
        "Trackbacks/Pingbacks\n"
        "Bridge news roundup | City Blog\n"
    )
    assert authors(page) == ["Jane", "Bob"]
    track = next(i for i, ln in enumerate(page.lines) if ln.text == "Bridge news roundup | City Blog")  # noqa: E501
    decision = page.standing(track)
    assert decision is not None and decision.category == "trackback"
    assert all("roundup" not in t for t in texts(page))


def test_pingback_between_comments_does_not_swallow_the_next() -> None:
    page = run(
        ARTICLE + "3 Comments\n"
        "Rina says:\nMarch 6, 2024 at 3:37 pm\nI crossed it last spring and it already felt shaky.\nReply\n"  # noqa: E501
        "Pingback: Five bridges worth a detour | Photo Diary\n"
        "Arun says:\nMarch 6, 2024 at 4:31 pm\nThe new deck will be much wider, which is good news.\nReply\n"  # noqa: E501
        "Pingback: Five bridges worth a detour | Photo Diary\n"
        "Lea says:\nMarch 8, 2024 at 9:43 am\nHope the market under it stays open meanwhile.\nReply\n"  # noqa: E501
        "Leave a Reply\n"
    )
    assert authors(page) == ["Rina", "Arun", "Lea"]
    track = next(i for i, ln in enumerate(page.lines) if ln.text.startswith("Pingback"))
    decision = page.standing(track)
    assert decision is not None and decision.category == "trackback"


def test_one_long_comment_does_not_split_the_section() -> None:
    pasted = "".join(f"* Repair item number {k} = {k * 3} thousand\n" for k in range(45))
    text = ARTICLE + (
        "Ola Says:\n3 March 2024 at 8:38 pm\nThe costs keep growing, look at this list:\n"
        + pasted
        + "Ben Says:\n3 March 2024 at 9:03 pm\nWhere did you find those figures?\n"
        "Ola Says:\n3 March 2024 at 9:40 pm\nIn the council minutes, page twelve.\n"
        "Kim Says:\n4 March 2024 at 7:02 am\nThanks, that is useful to know.\n"
    )
    page = Page(text)
    n = len(page.lines)
    page.comment_scores = [0.0] * 2 + [0.95] * (n - 2)
    CommentFilter().apply(page)
    assert authors(page) == ["Ola", "Ben", "Ola", "Kim"]
    assert any("number 44" in page.text[p.start : p.end] for p in page.comments[0].parts)


def test_blogger_replies_label_inside_the_thread() -> None:
    page = run(
        ARTICLE + "4 comments:\n"
        "Mira (Bridge Walks)5 March 2024 17:38\nWhat a shame, it was my favourite walk. xx\n"
        "ReplyDelete\nReplies\n"
        "Town Notes5 March 2024 17:40\nIt will be back by autumn, I promise!\nDelete\nReply\n"
        "Petra5 March 2024 17:44\nThanks for the update, I had no idea it was closing.\n"
        "ReplyDelete\nReplies\n"
        "Town Notes5 March 2024 17:51\nYou are welcome, spread the word.\nDelete\nReply\n"
        "Add comment\n"
    )
    assert authors(page) == ["Mira (Bridge Walks)", "Town Notes", "Petra", "Town Notes"]
    assert page.declared_comment_count == 4


def test_link_with_a_date_in_its_path_is_not_a_header() -> None:
    assert parse_header("http://news.example.com/2024/03/05/bridge/index.html", CommentOptions()) is None  # noqa: E501
    assert parse_header("www.example.com/2024/03/05/bridge", CommentOptions()) is None


def test_discussion_count_is_a_marker() -> None:
    page = run(
        ARTICLE + "Public Discussion (1)\nKarel_7\n"
        "#1 - Mon Mar 4, 2024 10:07 AM EST\nThey said the same thing about the tunnel.\n"
        "Leave a Comment:\n"
    )
    assert page.declared_comment_count == 1
    assert len(page.comments) == 1


def test_lone_comment_without_marker_between_reply_and_form() -> None:
    text = ARTICLE + (
        "Post a Comment Get an Avatar\nMaren\nMarch 12th\n"
        "Honestly, the detour through the old town is nicer than the bridge ever was.\n"
        "Reply\nLeave a Comment\nClick here to cancel reply.\n"
    )
    page = Page(text)
    page.comment_scores = [0.0] * 3 + [0.8, 0.8, 0.9] + [0.0] * 3
    CommentFilter().apply(page)
    assert authors(page) == ["Maren"]
    # the scorer must agree: an article's own dateline and a share bar are not a comment
    page = Page(text)
    page.comment_scores = [0.0] * 9
    CommentFilter().apply(page)
    assert page.comments == []


def test_date_and_zoned_clock_then_text_then_signature() -> None:
    page = run(
        ARTICLE + "Comments\nOne comment so far | Comments RSS\nMar 6, 2024\n4:12 pm EST\n"
        "As a daily cyclist I can say the bridge has been dangerous for years.\n"
        "Posted by Velo_K | Report as abusive\nPost Your Comment\n"
    )
    assert authors(page) == ["Velo_K"]
    assert page.comments[0].posted.raw == "Mar 6, 2024 4:12 pm EST"
    assert texts(page) == ["As a daily cyclist I can say the bridge has been dangerous for years."]


def test_form_note_under_the_last_comment_is_not_its_text() -> None:
    text = ARTICLE + (
        "One Response to “Bridge closed”\nnoor says:\nMarch 10, 2024 at 2:28 am\n"
        "hi there\nI live across the river, so this changes my whole commute.\n"
        "Be kind here. Treat this comment form as a conversation in my living room, please.\n"
        "Leave a Reply\n"
    )
    page = Page(text)
    page.comment_scores = [0.0] * 3 + [0.9, 0.9, 0.9, 0.95, 0.2, 0.0]
    CommentFilter().apply(page)
    assert texts(page) == ["hi there / I live across the river, so this changes my whole commute."]


def test_weekday_numeric_time_and_comment_id_before_the_name() -> None:
    page = run(
        ARTICLE + "12 comments\n"
        "Fri, 03/29/2024 - 13:04 | 2691001 kit_r\nThe old deck was rotten, everyone knew.\n"
        "Fri, 03/29/2024 - 13:13 | 2691002 Longbow\nThen why did it take so long to act?\n"
    )
    assert authors(page) == ["kit_r", "Longbow"]
    assert page.comments[0].posted.raw == "Fri, 03/29/2024 - 13:04"


def test_repeated_loading_label_with_ellipsis_is_a_toolbar() -> None:
    page = run(
        ARTICLE + "Comments (3)\n"
        "Tove | 2 hours ago\nThe ferry will be packed every morning now.\nLoading comments…\n"
        "Abel | 3 hours ago\nGood, the bridge was shaking in the wind.\nLoading comments…\n"
        "Ines | 4 hours ago\nFinally some money for the repairs!\nLoading comments…\n"
    )
    assert authors(page) == ["Tove", "Abel", "Ines"]


def test_widget_lines_at_the_end_of_a_comment_are_chrome() -> None:
    text = ARTICLE + (
        "2 comments\nTove | 2 hours ago\nThe ferry will be packed every morning now.\n"
        "Tove: The ferry will be packed every morning now.\n"
        "This comment has been hidden by the moderators. View comment\n"
        "Abel | 3 hours ago\nGood, the bridge was shaking in the wind.\nLeave a comment\n"
    )
    page = Page(text)
    page.comment_scores = [0.0] * 3 + [0.9, 0.95, 0.9, 0.05, 0.9, 0.9, 0.0]
    CommentFilter().apply(page)
    assert texts(page) == [
        "The ferry will be packed every morning now. / "
        "Tove: The ferry will be packed every morning now.",
        "Good, the bridge was shaking in the wind.",
    ]
    hidden = next(i for i, ln in enumerate(page.lines) if ln.text.startswith("This comment"))
    assert page.label(hidden) is Label.BOILERPLATE


def test_stop_word_inside_a_comment_the_scorer_reads_as_comment() -> None:
    text = ARTICLE + (
        "42 comments\n"
        "by kit_r (4411) writes: on Monday March 4, @08:25PM (#1001)\n"
        "Exit interviews are pointless, say only nice things.\n"
        "by Oda (5512) writes: on Monday March 4, @08:31PM (#1002)\n"
        "There is a whole code language for references.\nSee also:\n"
        "http://example.org/wiki/Reference_letter\n"
        "by Lin (6613) writes: on Monday March 4, @08:40PM (#1003)\n"
        "Interesting, I never knew about that code.\n"
    )
    page = Page(text)
    n = len(page.lines)
    page.comment_scores = [0.0] * 3 + [0.95] * 4 + [0.4] + [0.9] * (n - 8)
    CommentFilter().apply(page)
    assert authors(page) == ["kit_r (4411)", "Oda (5512)", "Lin (6613)"]
    assert page.comments[0].posted.raw == "Monday March 4, @08:25PM"


def test_parts_cover_comment_lines() -> None:
    page = run(
        ARTICLE + "2 Comments\n"
        "Jane Doe | July 21, 2012 at 5:46 pm | Reply\nI liked this a lot, thanks for writing.\n"
        "Bob | July 22, 2012 at 8:00 am | Reply\nMe too, it was a very good read.\n"
    )
    assert authors(page) == ["Jane Doe", "Bob"]
    for c in page.comments:
        roles = {p.role for p in c.parts}
        assert {"author", "posted", "text"} <= roles
        for p in c.parts:
            assert 0 <= p.start < p.end <= len(page.text)
            assert page.text[p.start : p.end].strip() == page.text[p.start : p.end]


def test_relies_on_structure_without_a_marker_when_it_repeats() -> None:
    page = run(
        ARTICLE
        + "".join(
            f"{name} says:\nMarch {d}, 2024 at 9:0{d} am\n{body}\n"
            for name, d, body in [
                ("Alice", 1, "Good to hear, the old bridge was scary."),
                ("Bob", 2, "I hope they keep the footpath open."),
                ("Carol", 3, "Six months is optimistic, isn't it?"),
            ]
        )
    )
    assert authors(page) == ["Alice", "Bob", "Carol"]


def test_comment_scores_are_used_when_present() -> None:
    text = (
        ARTICLE + "Alice | March 1, 2024\nGood to hear, the old bridge was scary.\n"
        "Bob | March 2, 2024\nI hope they keep the footpath open.\n"
    )
    page = Page(text)
    page.comment_scores = [0.0] * 2 + [0.9] * 4
    CommentFilter().apply(page)
    assert authors(page) == ["Alice", "Bob"]
    page = Page(text)
    page.comment_scores = [0.0] * 6
    CommentFilter().apply(page)
    assert page.comments == []


NAMED = (
    "Amy D.\nLove this, the bridge was a danger to everyone.\n"
    "http://twitter.com/jyarmis Jon L. Yarmis\nI actually care who fixes it, but that is another story.\n"  # noqa: E501
    "Marlene Chism\nWord! Six months is nothing.\n"
    "Jeremiah\nI walked over it daily and never felt safe on it.\n"
)


def test_bare_names_without_marker_need_the_scorer() -> None:
    page = Page(ARTICLE + NAMED)
    page.comment_scores = [0.0] * 2 + [0.9] * 8
    CommentFilter().apply(page)
    assert authors(page) == ["Amy D.", "http://twitter.com/jyarmis Jon L. Yarmis",
                             "Marlene Chism", "Jeremiah"]
    assert texts(page)[2] == "Word! Six months is nothing."


def test_bare_names_without_marker_rejected_when_scorer_disagrees() -> None:
    page = Page(ARTICLE + NAMED)
    page.comment_scores = [0.0] * 2 + [0.3] * 8
    CommentFilter().apply(page)
    assert page.comments == []


def test_two_bare_names_are_not_enough_without_marker() -> None:
    page = Page(ARTICLE + "Amy D.\nLove this, the bridge was a danger.\n"
                "Jeremiah\nI walked over it daily and never felt safe.\n")
    page.comment_scores = [0.0] * 2 + [0.9] * 4
    CommentFilter().apply(page)
    assert page.comments == []


def test_staff_list_of_names_is_not_comments() -> None:
    # A team page: name then a bio line under each; the scorer calls it content.
    page = Page(ARTICLE + "Our team\nJane Doe\nJane covers transport and city hall.\n"
                "Tom Ray\nTom edits the weekend pages.\nEve Fox\nEve runs the photo desk.\n")
    page.comment_scores = [0.0] * 3 + [0.1] * 6
    CommentFilter().apply(page)
    assert page.comments == []


UNCOUNTED = (
    "Comments\nPost a Comment\n"
    "h4rm0ny\nI do not care why they are doing it, the footpath has to stay open.\n"
    "Joel Hruska\nActually, yes we do. The council published the plans last week.\n"
    "DerKrieger\nI sent the letter below to every councillor last Friday.\n"
    "Dear Governor,\nI am writing as a resident who crosses the bridge every day.\n"
    "Ncrdrg\nSix months is nothing, they will be late anyway and we all know it.\n"
)


def test_bare_names_under_an_uncounted_marker_and_the_form() -> None:
    page = Page(ARTICLE + UNCOUNTED)
    page.scores = [0.9] * 2 + [0.1] * 2 + [0.5] * 10
    page.comment_scores = [0.0] * 4 + [0.4] * 10
    CommentFilter().apply(page)
    assert authors(page) == ["h4rm0ny", "Joel Hruska", "DerKrieger", "Ncrdrg"]
    # a salutation is the letter's first line, not a header
    letter = texts(page)[2]
    assert letter.startswith("I sent the letter below") and "Dear Governor," in letter


def test_bare_names_under_an_uncounted_marker_need_content_under_them() -> None:
    # the scorer reads the stretch as boilerplate: a sidebar under the marker
    page = Page(ARTICLE + UNCOUNTED)
    page.scores = [0.9] * 2 + [0.05] * 12
    page.comment_scores = [0.0] * 4 + [0.05] * 10
    CommentFilter().apply(page)
    assert page.comments == []


def test_subheadings_under_an_uncounted_marker_are_not_commenters() -> None:
    page = Page(ARTICLE + (
        "Comments\nCrafting wonder\nPlayers sort the games they play into genres, she said.\n"
        "The Fun Imperative\nWe are not optimising for fun, noted the third panelist.\n"
        "Peaks and valleys\nWe remember games with huge peaks, he observed.\n"
        "Unclassified\nBut what about games that discard the usual architecture?\n"
    ))
    page.scores = [0.9] * 2 + [0.1] + [0.9] * 8
    page.comment_scores = [0.0] * 11
    CommentFilter().apply(page)
    assert page.comments == []


def test_blogroll_after_the_form_is_not_comments() -> None:
    page = run(ARTICLE + (
        "Leave a Reply\nMy Food Friends\nAverage Betty\nBleeding Espresso\nChez Us\n"
        "Daily Blender\nEat the Love\nHedonia\nMichael Ruhlman\nSaffron Lane\n"
    ))
    assert page.comments == []


def test_a_stale_count_may_fall_short_of_the_bare_names() -> None:
    words = ["ab", "cd", "ef", "gh", "ij", "kl", "mn", "op", "qr", "st", "uv", "wx"]
    names = [f"Reader {a.title()}{b}" for a in words[:2] for b in words]
    # texts that differ in words, not only in digits (a repeated line is no comment's)
    body = "".join(f"{n}\nI crossed that bridge every day, {n.split()[1]} agrees.\n"
                   for n in names[:22])
    assert len(run(ARTICLE + "{ 20 comments }\n" + body).comments) == 22
    # a small count is exact: two names under "1 Comment" are a list, not the comment
    page = run(ARTICLE + "1 Comment\n" + "".join(
        f"{n}\nI crossed that bridge every day, {n.split()[1]} liked it.\n" for n in names[:2]))
    assert page.comments == []


def test_credit_line_closes_bare_names_the_scorer_does_not_read() -> None:
    text = ARTICLE + (
        "Please keep comments civil and use your full name.\n"
        "http://example.org/ Anna Berg\nThe bridge looked so much better in the old photos.\n"
        "Anonymous\ncool and I mean that\nSix months is nothing, they will be late anyway.\n"
        "blog comments powered by Disqus\n"
    )
    page = Page(text)
    page.comment_scores = [0.0] * 3 + [0.05] * 6 + [0.0]
    CommentFilter().apply(page)
    assert authors(page) == ["http://example.org/ Anna Berg", "Anonymous"]
    # figures of a product box over the credit line are no commenters
    page = Page(ARTICLE + "Ease of use 5.6\nSpeed 9.5\nConfigurability 9.8\n"
                "Ecosystem (apps, drivers, etc.) 8.3\nOpenness 9.6\n"
                "Get better reviews from people who actually have this product!\n"
                "blog comments powered by Disqus\n")
    page.comment_scores = [0.0] * 2 + [0.3] * 6 + [0.0]
    CommentFilter().apply(page)
    assert page.comments == []
    # the article's subheadings over a "Discuss this article" line
    page = Page(ARTICLE + "Album Art\nAs formats changed, album artwork has suffered a lot.\n"
                "Lyrics\nA lyrics page is common in a booklet, and missing online.\n"
                "Discuss this Article\n")
    page.scores = [1.0] * 6 + [0.0]
    page.comment_scores = [0.0] * 7
    CommentFilter().apply(page)
    assert page.comments == []


def test_linked_names_with_someone_answering() -> None:
    # three linked names of nine, but the post's author comes back to answer
    names = ["artsyphotos", "johnbattelle", "http://twitter.com/asha Asha Dornfest",
             "johnbattelle", "http://twitter.com/rd Restart Democracy", "george",
             "johnbattelle", "http://www.engag.io/ab Abdallah Al-Hakim", "Jim"]
    body = "".join(f"{n}\nThanks for writing this, {k * 'very '}good luck with the book.\n"
                   for k, n in enumerate(names))
    page = Page(ARTICLE + body)
    page.comment_scores = [0.0] * 2 + [0.05] * 18
    CommentFilter().apply(page)
    assert authors(page) == names
    # without anyone coming back, three linked names of nine are not enough
    names[3], names[6] = "datron", "gillybru"
    names[1] = "ann"
    body = "".join(f"{n}\nThanks for writing this, {k * 'very '}good luck with the book.\n"
                   for k, n in enumerate(names))
    page = Page(ARTICLE + body)
    page.comment_scores = [0.0] * 2 + [0.05] * 18
    CommentFilter().apply(page)
    assert page.comments == []


def test_authors_printed_under_their_times_without_the_scorer() -> None:
    text = ARTICLE + (
        "Comments\nLog in or join now to add a comment.\n"
        "3 hours ago\nMita B.\nI always used hairspray to set them, cheap and easy.\n"
        "7 hours ago\nAideen O.\nI have never thought to use hairspray before!\n"
        "Follow Us\n"
    )
    page = Page(text)
    page.comment_scores = [0.0] * 11
    CommentFilter().apply(page)
    assert authors(page) == ["Mita B.", "Aideen O."]
    assert texts(page)[1] == "I have never thought to use hairspray before!"
    # a subheading under each date is no author
    page = Page(ARTICLE + (
        "Comments\n"
        "3 hours ago\nPeaks and valleys\nWe remember the games with huge peaks.\n"
        "7 hours ago\nThe pretty imperative\nAll three agreed the pressure is there.\n"
    ))
    page.comment_scores = [0.0] * 9
    CommentFilter().apply(page)
    assert page.comments == []


SIGNED = (
    "Posted by: a german fan | July 13, 2012 at 08:42 PM\n"
    "Thanks for your comments from Germany. What I mean is ineffective teaching, I think.\n"
    "Posted by: garr | July 13, 2012 at 09:16 PM\n"
    "Yes education gives some better knowledge, every person should do this for sure.\n"
    "Posted by: Kent | July 15, 2012 at 02:46 PM\n"
    "Those in the media should be helping us get away from that idea, it seems to me.\n"
)


def _scored_page(text: str, heads: float, body: float) -> Page:
    """A page whose scorer reads the header lines ("Posted by") as comments `heads`, and
    the other lines below the article's two as article `body` (those two: 0.1, so that
    most of what it reads as article is below them)."""
    page = Page(text)
    n = len(page.lines)
    heads_at = [page.lines[i].text.startswith("Posted by") for i in range(n)]
    page.scores = [0.1] * 2 + [0.0 if heads_at[i] else body for i in range(2, n)]
    page.comment_scores = [0.0] * 2 + [
        heads if heads_at[i] else 1.0 - body for i in range(2, n)
    ]
    return page


def test_run_the_scorer_reads_as_the_article_is_refused() -> None:
    page = _scored_page(ARTICLE + "Comments\n" + SIGNED, heads=0.1, body=0.95)
    CommentFilter().apply(page)
    assert page.comments == []
    assert "of the page's article inside the run" in page.refused[0].reason


def test_marker_over_headers_the_scorer_reads_as_comments_outweighs_it() -> None:
    page = _scored_page(ARTICLE + "Comments\n" + SIGNED, heads=0.8, body=0.95)
    CommentFilter().apply(page)
    assert authors(page) == ["a german fan", "garr", "Kent"]


def test_lone_header_over_reply_and_the_form_where_the_scorer_is_unsure() -> None:
    text = ARTICLE + (
        "Jason\nNovember 12th\nDefinitely, this year I ask for half of it upfront.\n"
        "Reply\nLeave a Comment\nClick here to cancel reply.\n"
    )

    def scored(article: float) -> Page:
        page = Page(text)
        page.scores = [0.95] * 2 + [article] * 6
        page.comment_scores = [0.0] * 2 + [0.1] * 6
        CommentFilter().apply(page)
        return page

    assert authors(scored(0.3)) == ["Jason"]
    # the scorer reads the text as the article: a lone header with no marker
    assert scored(0.9).comments == []


def test_many_people_who_each_said_outweigh_the_scorer() -> None:
    def scored(names: list[str]) -> Page:
        text = "Comments\n" + "".join(
            f"{n} said,\nI read it {k * 'again and '}again and I still think the bridge "
            "should stay open for walkers.\n" for k, n in enumerate(names))
        page = Page(text)
        page.scores = [0.1] + [0.0 if ln.text.endswith("said,") else 0.95
                               for ln in page.lines[1:]]
        page.comment_scores = [0.0] * len(page.lines)
        CommentFilter().apply(page)
        return page

    names = ["Progress Trap", "Jacob", "Nikos", "dragoncar", "Jacob", "Debbie M"]
    assert authors(scored(names)) == names
    # two people taking turns (a transcript): the scorer's reading stands
    assert scored(["Jacob", "Nikos"] * 3).comments == []


def test_count_that_the_run_matches_outweighs_the_scorer() -> None:
    page = _scored_page(ARTICLE + "3 Comments\n" + SIGNED, heads=0.1, body=0.95)
    CommentFilter().apply(page)
    assert authors(page) == ["a german fan", "garr", "Kent"]
    # a count the run does not match is no such evidence (a count under the headline
    # over embedded posts' dated lines)
    for count in ("9 Comments", "5 Comments"):
        page = _scored_page(ARTICLE + count + "\n" + SIGNED, heads=0.1, body=0.95)
        CommentFilter().apply(page)
        assert page.comments == []


NAME_TEXT_TIME = (
    "ninevegetable\nUnless I get asked to run for the bridge committee, that is.\n"
    "August 9, 2012 02:07 pm |\n"
    "California Gary\nWhen people say the council can fix it, I remember the old bridge.\n"
    "August 9, 2012 02:15 pm |\n"
    "Tom R\nWho is talking about closing it for good? Six months is nothing at all.\n"
    "August 9, 2012 02:23 pm |\n"
)


def test_times_under_a_count_need_no_names_where_the_scorer_reads_comments() -> None:
    def scored(marker: str) -> Page:
        page = Page(ARTICLE + marker + "\n" + NAME_TEXT_TIME)
        page.scores = [0.9] * 2 + [0.05] * 10
        # the names read as comments too little to join a header (and no shape reads them)
        page.comment_scores = [0.0] * 3 + [0.3, 0.95, 0.9] * 3
        CommentFilter().apply(page)
        return page

    page = scored("soundoff (3 Responses)")
    assert [c.posted.raw for c in page.comments] == [
        "August 9, 2012 02:07 pm", "August 9, 2012 02:15 pm", "August 9, 2012 02:23 pm"]
    # no count over them: most headers name no one
    page = scored("Comments")
    assert page.comments == []
    assert page.refused[0].reason == "most headers name no one"


def test_reply_under_each_comment_needs_no_marker_nor_the_scorer() -> None:
    said = (
        "On October 29, 2012 at 2:35am, Rosa said...\nWonderful bridge! Stay safe.\n{r}"
        "On October 29, 2012 at 9:53am, uaskigyrl said...\nIt has been raining since Saturday.\n{r}"
    )
    page = Page(ARTICLE + said.format(r="Reply\n") + "Click here to cancel reply.\n")
    page.comment_scores = [0.0] * 2 + [0.1] * 7
    CommentFilter().apply(page)
    assert authors(page) == ["Rosa", "uaskigyrl"]
    # without the action under each: a short run the scorer does not read as comments
    page = Page(ARTICLE + said.format(r=""))
    page.comment_scores = [0.0] * 2 + [0.1] * 4
    CommentFilter().apply(page)
    assert page.comments == []


TOOLBAR = "Recommend? ({v})\nResponses (0)\nReport\nClose\n"


def test_repeated_toolbar_does_not_end_the_section() -> None:
    page = run(
        ARTICLE + "3 comments\n"
        + "".join(
            f"{name}\n1 November 2012 9:{m}PM\n{body}\n" + TOOLBAR.format(v=m)
            for name, m, body in [
                ("rusticred", 37, "Who needs a new bridge when the ferry works fine."),
                ("IanCW", 48, "And yet the council still found money for the car park."),
                ("ozzieb", 55, "Six months is optimistic, as everyone here knows."),
            ]
        )
    )
    assert authors(page) == ["rusticred", "IanCW", "ozzieb"]
    assert texts(page)[1] == "And yet the council still found money for the car park."
    vote_lines = [i for i, ln in enumerate(page.lines) if ln.text.startswith("Recommend?")]
    assert all(page.label(i) is Label.BOILERPLATE for i in vote_lines)


def test_repeated_toolbar_inside_chrome_needs_no_scorer() -> None:
    # the headers read as comments less than half: the copies sit among chrome
    toolbar = "Recommend? ({v})\nResponses (0)\nReport\nShare\nClose\nLink to this comment:\n"
    text = ARTICLE + "Comments\n" + "".join(
        f"{name}\n1 November 2012 9:{m}PM\n{body}\n" + toolbar.format(v=m)
        for name, m, body in [
            ("rusticred", 37, "Who needs a new bridge when the ferry works fine."),
            ("IanCW", 48, "And yet the council still found money for the car park."),
            ("ozzieb", 55, "Six months is optimistic, as everyone here knows."),
        ]
    )
    page = Page(text)
    page.comment_scores = [0.0] * 3 + [0.3] * (len(page.lines) - 3)
    CommentFilter().apply(page)
    assert authors(page) == ["rusticred", "IanCW", "ozzieb"]


def test_repeated_section_label_in_a_post_list_is_not_a_toolbar() -> None:
    text = ARTICLE + "".join(
        f"News\n{title}\nBy {name} on October 30, 2012 at 0{h}:00 p.m.\n"
        for title, name, h in [
            ("Watch the new ferry video from the harbour", "Jenn Pelly", 3),
            ("Council to sell the old depot next spring", "Carrie Battan", 2),
            ("Library branch opens in the east of the city", "Evan Minsker", 1),
        ]
    )
    page = Page(text)
    page.comment_scores = [0.0] * len(page.lines)
    CommentFilter().apply(page)
    assert page.comments == []


AGE_FIRST = (
    ARTICLE + "Comments\n3 hours ago\nMita B.\nI always cross at the ferry, it is cheap and easy.\n"
    "7 hours ago\nAideen O.\nI never thought to take the ferry before! Thanks for the tip.\n"
)


def test_name_under_a_time_only_header() -> None:
    page = Page(AGE_FIRST)
    page.comment_scores = [0.0] * 3 + [0.9] * 6
    CommentFilter().apply(page)
    assert authors(page) == ["Mita B.", "Aideen O."]
    assert [c.posted.raw for c in page.comments] == ["3 hours ago", "7 hours ago"]
    assert texts(page)[0] == "I always cross at the ferry, it is cheap and easy."


def test_short_run_without_marker_needs_the_scorer() -> None:
    """An article dateline plus a schedule ("Team at Team, 4:30 p.m."): three header
    groups, no marker, and a scorer that reads none of it as comments."""
    text = (
        "Bridge closed for repairs\nTuesday, January 8, 2008 3:20 AM\n" + ARTICLE
        + "Playoff schedule\nSaturday\nNorth City at South Bay, 4:30 p.m. (TV1)\n"
        "East Town at West End, 8 p.m. (TV2)\nSunday\nOld Port at New Haven, 4:30 p.m. (TV1)\n"
        "Story tools\n"
    )
    page = Page(text)
    page.comment_scores = [0.0] * len(page.lines)
    CommentFilter().apply(page)
    assert page.comments == []


def test_headline_under_a_time_is_not_a_name() -> None:
    # (names under times, "Mita B.", repeated, are the widget's shape even where the
    # scorer is silent: see test_authors_printed_under_their_times_without_the_scorer)
    page = Page(ARTICLE + (
        "Comments\n3 hours ago\nFerry Prices Rise Again\nThe ferry will cost more from May.\n"
        "7 hours ago\nBridge Works Start Monday\nThe works will take about six months.\n"
    ))
    page.comment_scores = [0.0] * len(page.lines)
    CommentFilter().apply(page)
    assert page.comments == []


def test_reply_chrome_lines_give_the_parent_and_leave_the_text() -> None:
    """"Replying to NAME" (any vocabulary language) on a line of its own is the widget's
    reply chrome: it names the parent and is removed, never comment text."""
    page = run(
        ARTICLE + "3 Comments\n"
        "Marta Oliveira\n12/04/2023 às 09:10\nA ponte precisava dessa obra faz tempo.\n"
        "Responder\n"
        "Rui Costa\n12/04/2023 às 09:40\nEm resposta a Marta Oliveira\n"
        "Sim, mas o desvio vai complicar a vida de todo mundo.\nResponder\n"
        "Jo B.\n12/04/2023 às 10:02\nReplying to Rui Costa:\n"
        "The detour is only for three months, it will be fine.\nResponder\n"
    )
    assert authors(page) == ["Marta Oliveira", "Rui Costa", "Jo B."]
    assert [c.parent for c in page.comments] == [None, 0, 1]
    assert texts(page)[1] == "Sim, mas o desvio vai complicar a vida de todo mundo."
    line = next(i for i, ln in enumerate(page.lines) if ln.text.startswith("Em resposta"))
    assert page.label(line) is Label.BOILERPLATE


@pytest.mark.parametrize(
    "line",
    ["In reply to Dana W.", "Antwort auf Dana W.", "в ответ на Dana W.", "Reactie op Dana W."],
)
def test_reply_chrome_with_an_initial(line: str) -> None:
    page = run(
        ARTICLE + "2 Comments\nDana W.\n2 hours ago\nThe old bridge was always a worry.\n"
        f"Reply\nSam Reid\n1 hour ago\n{line}\nIt was, and nobody listened for years.\nReply\n"
    )
    assert authors(page) == ["Dana W.", "Sam Reid"]
    assert page.comments[1].parent == 0
    assert texts(page)[1] == "It was, and nobody listened for years."


def test_reply_to_this_comment_is_no_reply_target() -> None:
    assert _reply_target("Reply to this comment", CommentOptions()) is None
    assert _reply_target("In reply to Sam Reid", CommentOptions()) == "Sam Reid"


def test_like_button_count_gives_the_votes() -> None:
    page = run(
        ARTICLE + "2 Comments\n"
        "Marta Oliveira\n12/04/2023 às 09:10\nA ponte precisava dessa obra faz tempo.\n"
        "Curtir (12)\nResponder\n"
        "Rui Costa\n12/04/2023 às 09:40\nO desvio vai complicar a vida de todo mundo.\n"
        "Like (3)\nResponder\n"
    )
    assert [c.votes for c in page.comments] == [12, 3]
    assert texts(page) == [
        "A ponte precisava dessa obra faz tempo.",
        "O desvio vai complicar a vida de todo mundo.",
    ]


def test_last_comment_keeps_its_toolbar_votes() -> None:
    page = run(
        ARTICLE + "2 Comments\nAnn Lee\n2 hours ago\nThe old bridge was always a worry.\n"
        "Reply\n23 Likes\nReport\n"
        "Sam Reid\n1 hour ago\nIt was, and nobody listened for years.\nReply\n12 Likes\nReport\n"
        "Load more comments\n"
    )
    assert [c.votes for c in page.comments] == [23, 12]


def test_reply_toggle_is_not_the_section_count() -> None:
    """"14 replies" under a comment's toolbar opens that comment's thread: the section
    goes on, and its count is the "N Comments" marker above it."""
    page = run(
        ARTICLE + "1,126 Comments\nSort by\n"
        "@ferrywatcher\n3 weeks ago\nI cheered when the first car crossed the new deck.\n"
        "41\nReply\n14 replies\n"
        "@harbourpilot\n3 weeks ago\n@ferrywatcher Same here, it took them long enough.\n"
        "9\nReply\nShow more replies\n"
        "@tollbooth_tim\n2 weeks ago\nWill the toll go up once the work is finished?\n"
        "17\nReply\nView 3 replies\n"
        "@riverside.rita\n5 days ago\nThe cycle lane on the bridge is the best part of it.\n"
        "6\nReply\n"
    )
    assert page.declared_comment_count == 1126
    assert authors(page) == ["@ferrywatcher", "@harbourpilot", "@tollbooth_tim", "@riverside.rita"]
    assert [c.votes for c in page.comments] == [41, 9, 17, 6]
    # "@ferrywatcher" answers the first comment
    assert [c.parent for c in page.comments] == [None, 0, None, None]


def test_replies_heading_over_the_section_stays_its_count() -> None:
    page = run(
        ARTICLE + "Share this:\nFacebook\n3 Replies\n"
        "Jane Doe\nJuly 21, 2012 at 5:46 pm\nI liked this a lot, thanks for writing.\nReply\n"
        "Bob\nJuly 22, 2012 at 8:00 am\nMe too, it was a very good read.\nReply\n"
    )
    assert page.declared_comment_count == 3
    assert authors(page) == ["Jane Doe", "Bob"]


ADDRESSED = (
    ARTICLE + "3 Comments\n"
    "Gerrit de Boer\n12 maart 2024 om 09:10\nWelke folie gebruik je precies voor de bakken?\n"
    "Reply\n"
    "Sanne Visser\n12 maart 2024 om 10:02\n{first}\nReply\n"
    "Olivia Grant\n12 maart 2024 om 11:30\n{second}\nReply\n"
)


@pytest.mark.parametrize(
    ("first", "second", "parents"),
    [
        pytest.param(
            "Hoi Gerrit, gewoon tuinbouwfolie van de tuincentrum, niets bijzonders.",
            "Sanne, that is a fair point and I should have tried it sooner.",
            [None, 0, 1],
            id="greeting-and-bare-name",
        ),
        pytest.param(
            "Gerrit de Boer: gewoon tuinbouwfolie van de tuincentrum, niets bijzonders.",
            "Thanks Sanne! I will try it this spring on the raised beds.",
            [None, 0, 1],
            id="full-name-and-thanks",
        ),
        pytest.param(
            "Hoi Pieter, gewoon tuinbouwfolie van de tuincentrum, niets bijzonders.",
            "Well, I never had much luck with foil on the raised beds anyway.",
            [None, None, None],
            id="no-earlier-commenter-of-that-name",
        ),
    ],
)
def test_addressing_an_earlier_commenter_gives_the_parent(
    first: str, second: str, parents: list[int | None]
) -> None:
    page = run(ADDRESSED.format(first=first, second=second))
    assert authors(page) == ["Gerrit de Boer", "Sanne Visser", "Olivia Grant"]
    assert [c.parent for c in page.comments] == parents


def test_says_header_keeps_a_closing_initial() -> None:
    page = run(
        ARTICLE + "2 commentaires\n"
        "Martine L. dit :\n12 avril 2023 à 18 h 42 min\nMerci pour cet article, très utile.\n"
        "Répondre\nPaul dit :\n13 avril 2023 à 8 h 05 min\nJe suis tout à fait d’accord.\n"
    )
    assert authors(page) == ["Martine L.", "Paul"]
    assert [c.posted.raw for c in page.comments] == [
        "12 avril 2023 à 18 h 42 min",
        "13 avril 2023 à 8 h 05 min",
    ]


def test_disqus_arrow_reply_votes_and_count_above_the_form() -> None:
    """Disqus: "12 Comments", login and sort chrome, the form's "Join the discussion…",
    then "Name → Parent" headers and "5 △ ▽" vote lines."""
    page = run(
        ARTICLE + "12 Comments\nLogin\nSort by Best\nJoin the discussion…\n"
        "Ann Lee\n• 2 years ago\nThe old bridge was always a worry for the school run.\n"
        "5 △ ▽\nReply\n"
        "Sam Reid → Ann Lee\n• 2 years ago\nIt was, and nobody listened for years.\n"
        "3 △ ▽\nReply\n"
        "Kit Moss\n• 2 years ago\nGood to see the money finally spent where it matters.\n"
        "△ ▽\nReply\n"
    )
    assert page.declared_comment_count == 12
    assert authors(page) == ["Ann Lee", "Sam Reid", "Kit Moss"]
    assert [c.votes for c in page.comments] == [5, 3, None]
    assert [c.parent for c in page.comments] == [None, 0, None]


# -- negative shapes: no comments -------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            ARTICLE + "“It is a disaster,” said Maria Lopez, who runs a bakery by the bridge.\n"
            "“We will lose half our customers,” she said.\n"
            "John Park, a commuter, said: “I will take the ferry.”\n",
            id="reader-quotes-in-article",
        ),
        pytest.param(
            ARTICLE + "Q: When will the bridge reopen?\nA: In September, if the weather holds.\n"
            "Q: Will buses still run?\nA: Yes, on the ring road.\n",
            id="q-and-a",
        ),
        pytest.param(
            ARTICLE
            + "What our customers say\n“Best bakery in town, hands down.”\n— Maria L., March 2024\n"
            "“Friendly staff and great bread.”\n— Tom B., February 2024\n",
            id="testimonials",
        ),
        pytest.param(
            ARTICLE
            + "Related posts\nCity approves new budget\nMarch 1, 2024\nThe council passed the budget on Monday...\n"  # noqa: E501
            "Ferry timetable changes\nFebruary 20, 2024\nFerries will run every twenty minutes from...\n"  # noqa: E501
            "New cycle lanes planned\nFebruary 2, 2024\nThe plan adds four kilometres of lanes...\n",  # noqa: E501
            id="related-posts",
        ),
        pytest.param(
            ARTICLE
            + "About the author\nJane Doe\nJane Doe is a reporter covering transport and city hall.\n"  # noqa: E501
            "Posted by Jane Doe on March 5, 2024\n",
            id="author-bio",
        ),
        pytest.param(
            ARTICLE
            + "Recent Comments\nthekar on Macbeth Inspired T-Shirt\nGennet C. on Amazing T-Shirt Video\n"  # noqa: E501
            "visalus on Rebel Rebel – from Han Solo to Sheldon\nArchives\nOctober 2012\nSeptember 2012\n",  # noqa: E501
            id="recent-comments-sidebar",
        ),
        pytest.param(
            ARTICLE + "Archives\nJuly 2012\nJune 2012\nMay 2012\nApril 2012\n",
            id="archive-list",
        ),
        pytest.param(
            ARTICLE + "Comments are closed.\n",
            id="comments-closed",
        ),
        pytest.param(
            ARTICLE + "Related posts\n19 tweets 0 likes 0 comments\nGet Our Apps\n"
            "Harbour Plan Approved After Long Debate\nBy Ann Lee Nov. 5\n"
            "City to Sell Old Depot to Fund New Library Branch\nBy Tom Ray Nov. 5\n",
            id="zero-count-and-headlines",
        ),
        pytest.param(
            ARTICLE + "Most read\n"
            "1. The Secret To Making Great Coffee Revealed\nBy Ann Lee | November 13, 2012\n"
            "2. I Once Was Tired and Now I Am Not. Please Don't Applaud.\n"
            "By Tom Ray | November 13, 2012\n"
            "3. Who's the Winner Now?\nBy Eve Fox | November 12, 2012\n",
            id="headline-list",
        ),
        pytest.param(
            ARTICLE + "Live tweets\nabout 2 hours, 39 minutes ago\n"
            "citydesk: The council has voted to close the old bridge for six months.\n"
            "about 4 hours, 4 minutes ago\n"
            "citydesk: Engineers say the repairs will cost more than expected.\n"
            "about 4 hours, 20 minutes ago\nFollow our reporters on Twitter\n",
            id="tweet-ticker",
        ),
        pytest.param(
            ARTICLE + "Elsewhere\n1 hour ago in The River Blog\n"
            "Again, drug design and bridge design are not the same thing at all\n"
            "2 hours ago in Field Notes\nHow the heron learned to fish in winter water\n"
            "6 hours ago in Old Stones\nSquirrels, acorns and the changing climate of the valley\n",
            id="blog-roll-places",
        ),
        pytest.param(
            ARTICLE + "Latest\nupdated 2:24 PM EST, Wed November 7, 2012\n"
            "The ballot box is showing the shifting attitudes of voters in the city.\n"
            "updated 1:30 PM EST, Wed November 7, 2012\n"
            "Voters put their trust in the mayor for a second term in office.\n"
            "updated 9:27 AM EST, Wed November 7, 2012\n"
            "The new council faces the old bridge problem from its first day.\n",
            id="updated-stamps",
        ),
        pytest.param(
            "Home | About | Archive | Contact | Subscribe via email or our feed\n"
            "Thursday, August 09, 2012\nBridge Closed For Repairs\n"
            "by Jane Doe on 8/09/2012 12:13:00 PM\n" + ARTICLE
            + "Posted by Jane Doe on 8/09/2012 12:13:00 PM\n",
            id="own-byline-repeated",
        ),
        pytest.param(
            "Opinion\nComments ()\nBy Jane Doe / Columnist\njdoe@example.com\n"
            "12:59 pm on August 9, 2012 | Permalink\n" + ARTICLE,
            id="empty-counter-and-email",
        ),
        pytest.param(
            ARTICLE + "7 months ago emilia liked this post.\nTheme by Someone.\n",
            id="liked-this-note",
        ),
        pytest.param(
            ARTICLE + "Fan posts\n27 comments\nWhat happened to the old bridge fund?\n"
            "by chubias 6 months ago\n49 comments\nThe ferry schedule is a mess this week.\n"
            "by ecocd 4 days ago\n15 comments\nWhy the depot sale makes no sense.\n"
            "by Hyatt 1 hour ago\n12 comments\n",
            id="post-list-with-counts",
        ),
        pytest.param(
            "Jane Doe | March 5, 2024\n" + ARTICLE + "Share this article\n",
            id="byline-only",
        ),
        pytest.param(
            "Bridge closed for repairs\nMon, Jan 14 2008, 19:53 GMT\n" + ARTICLE + "Latest wire stories\n"  # noqa: E501
            "Wire Service | Wed, Jan 16 2008, 07:50 GMT\n"
            "The finance minister expects a budget surplus for the whole of the year\n"
            "Wire Service | Wed, Jan 16 2008, 07:42 GMT\n"
            "Government bonds close firmer as the fears of a recession in the country mount\n"
            "Daily Times | Wed, Jan 16 2008, 07:40 GMT\n"
            "New car registrations are up 1.2 pct on the year in the month of December\n"
            "Wire Service | Wed, Jan 16 2008, 07:36 GMT\n"
            "Consumer prices post the largest jump for the year since the start of 1994\n"
            "Daily Times | Wed, Jan 16 2008, 07:21 GMT\n[ View All ]\n",
            id="source-and-date-over-headlines",
        ),
        pytest.param(
            "Bridge closed for repairs\n09.01.08 00:09\n" + ARTICLE + "News list\n"
            "15.01.08 19:45  Two killed and ten wounded in a blast north of the capital\n"
            "15.01.08 19:28  Officials try to exchange citizens serving their sentences abroad\n"
            "15.01.08 19:05  Minister lauds reconciliation efforts\n"
            "15.01.08 19:02  Feasibility study for a new airport terminal offered to a foreign company\n"  # noqa: E501
            "15.01.08 18:54  Second stage of the grid control project set up in the north\n"
            "15.01.08 18:03  Oil prices climb up\n"
            "15.01.08 18:02  Delegation to take part in the meetings of the regional council\n",
            id="dated-headline-feed",
        ),
        pytest.param(
            ARTICLE + "This day in history\n"
            "In the year 2010\nBridge repairs finish two months early, says the council\n0 comments\n"  # noqa: E501
            "In the year 2009\nFerry operator adds a night service for commuters\n35 comments\n"
            "In the year 2008\nCouncil proposes a toll on the old bridge crossing\n68 comments\n"
            "In the year 2007\nCity approves the first study of the bridge's condition\n0 comments\n",  # noqa: E501
            id="post-list-with-zero-counts",
        ),
        pytest.param(
            ARTICLE + "Leave a Reply\nYou must be logged in to post a comment.\n"
            "Recent network posts\nThe River Blog\nQUICKIES: 10/29/2012\n"
            "Not a costume. I do not have enough hands to facepalm this week's news.\n"
            "Field Notes\nHerons 29/10/12\n"
            "How the heron learned to fish in winter water, and what it tells us.\n",
            id="network-feed-with-two-date-formats",
        ),
        pytest.param(
            ARTICLE + "Most commented\n"
            "Mayor Talks Tough875 comments\nMayor Wraps Foreign Tour846 comments\n"
            "Why the Bridge Has an Image Problem802 comments\n"
            "Most Popular Feeds\nsenior accountant wanted, finance and accounting jobs\n"
            "Marketing Jobs\nearn more and learn how to be a financial advisor »\n",
            id="post-list-with-glued-counts",
        ),
    ],
)
def test_no_comments(text: str) -> None:
    page = run(text)
    assert page.comments == []


# -- forum threads (phpBB, vBulletin) -----------------------------------------
_PHPBB = (
    "Garden Railways Board\nBoard index ‹ Track ‹ Points\n"
    "Servo point motors keep buzzing\nPost Reply\n3 posts • Page 1 of 1\n"
    "lena_k\nPosts: 41\nJoined: Fri Feb 02, 2018 8:15 am\nLocation: Harwich\n"
    "Servo point motors keep buzzing\n"
    "Post by lena_k » Sun Apr 07, 2024 9:05 am\n"
    "I fitted six servo point motors on the new loop and two of them buzz constantly "
    "once the throw has finished, even when the blade sits firmly against the rail.\n"
    "The controller is the usual eight channel board and I have already tried new leads.\n"
    "G scale, slowly — Harwich Light Railway\nTop\n"
    "Piotr W\nPosts: 2210\nJoined: Tue Nov 11, 2014 6:30 pm\n"
    "Re: Servo point motors keep buzzing\n"
    "Post by Piotr W » Sun Apr 07, 2024 11:20 am\n"
    "Shorten the travel a little in the controller settings so the servo stops just "
    "before it presses against the stock rail, then the buzzing goes away.\n"
    "Top\n"
    "lena_k\nPosts: 41\nJoined: Fri Feb 02, 2018 8:15 am\nLocation: Harwich\n"
    "Re: Servo point motors keep buzzing\n"
    "Post by lena_k » Sun Apr 07, 2024 4:48 pm\n"
    "Piotr W wrote: ↑Sun Apr 07, 2024 11:20 am\n"
    "Shorten the travel a little in the controller settings.\n"
    "That did it, all six are quiet now and the points still throw cleanly.\n"
    "G scale, slowly — Harwich Light Railway\nTop\n"
    "Display: All posts Sort by: Post time\nWho is online\n"
)


def test_phpbb_thread_first_post_is_the_article_replies_are_comments() -> None:
    page = run(_PHPBB)
    assert authors(page) == ["Piotr W", "lena_k"]
    assert [c.posted.raw for c in page.comments if c.posted] == [
        "Sun Apr 07, 2024 11:20 am",
        "Sun Apr 07, 2024 4:48 pm",
    ]
    assert texts(page)[0].startswith("Shorten the travel a little")
    assert "That did it, all six are quiet now" in texts(page)[1]
    assert all(c.parent is None for c in page.comments)  # flat, though one quotes
    lines = [ln.text for ln in page.lines]
    article = [lines[i] for i in range(len(lines)) if page.label(i) is Label.ARTICLE]
    assert article[0].startswith("I fitted six servo point motors")
    assert article[-1].startswith("The controller is the usual")
    for chrome in ("Posts: 41", "Top", "G scale, slowly — Harwich Light Railway",
                   "Piotr W wrote: ↑Sun Apr 07, 2024 11:20 am", "Posts: 2210",
                   "Re: Servo point motors keep buzzing"):
        i = lines.index(chrome)
        assert page.label(i) is Label.BOILERPLATE, chrome
    claims = {m.role: m.value for m in page.meta}
    assert claims == {"byline": "lena_k", "date": "Sun Apr 07, 2024 9:05 am"}


def test_forum_thread_byline_and_date_reach_the_article() -> None:
    import textclean

    doc = textclean.clean(_PHPBB)
    assert doc.article is not None
    assert doc.article.byline == "lena_k"
    assert doc.article.published is not None
    assert doc.article.published.raw == "Sun Apr 07, 2024 9:05 am"
    assert doc.article.title == "Servo point motors keep buzzing"
    removed = "\n".join(r.text for r in doc.removed)
    assert "Post by lena_k » Sun Apr 07, 2024 9:05 am" in removed
    assert len(doc.comments) == 2


def test_vbulletin_numbered_posts_with_german_profile_fields() -> None:
    text = (
        "Aquarienforum\nThema: Trübes Wasser nach dem Filterwechsel\n"
        "#1\nFischmeister\nRegistriert: 03.05.2016\nBeiträge: 512\n"
        "#1 Fischmeister 12.03.2024, 18:40\n"
        "Seit dem Wechsel der Filterwatte ist das Wasser in meinem Becken milchig trüb, "
        "obwohl ich nichts anderes verändert habe.\n"
        "Zitieren\n"
        "#2\nAlgenjaeger\nRegistriert: 21.09.2019\nBeiträge: 77\n"
        "#2 Algenjaeger 12.03.2024, 19:02\n"
        "Das ist eine Bakterienblüte, die legt sich nach ein paar Tagen von selbst wieder.\n"
        "Zitieren\n"
        "#3\nUnkenruf\nRegistriert: 14.01.2011\nBeiträge: 3120\n"
        "#3 Unkenruf 13.03.2024, 07:15\n"
        "Nicht zu viel füttern in der Zeit, dann geht es schneller vorbei.\n"
        "Zitieren\nImpressum\n"
    )
    page = run(text)
    assert authors(page) == ["Algenjaeger", "Unkenruf"]
    assert texts(page)[1].startswith("Nicht zu viel füttern")
    lines = [ln.text for ln in page.lines]
    first = next(i for i, t in enumerate(lines) if t.startswith("Seit dem Wechsel"))
    assert page.label(first) is Label.ARTICLE
    assert page.label(lines.index("Beiträge: 512")) is Label.BOILERPLATE
    assert page.label(lines.index("Impressum")) is not Label.COMMENT


def test_one_post_header_or_headers_without_profile_blocks_are_no_thread() -> None:
    # a single "by NAME » DATE" line under an article is no forum thread
    page = run(
        ARTICLE + "Posts: 12\nPost by Jane » Tue Mar 05, 2024 10:12 am\n"
        "A reply that stands alone under the article, with no second post.\n"
    )
    assert not any(m.role == "byline" for m in page.meta)
    # two such headers without profile blocks fall to the ordinary detector
    page = Page(
        ARTICLE + "Jane » Tue Mar 05, 2024 10:12 am\nA first reply under the article.\n"
        "Bob » Tue Mar 05, 2024 11:40 am\nA second reply under the article.\n"
    )
    CommentFilter().apply(page)
    assert not page.meta


def test_last_forum_post_without_a_toolbar_stops_short_of_the_footer() -> None:
    footer = "".join(f"Footer note number {n} about the board rules and its many members.\n"
                     for n in range(1, 15))
    page = run(_PHPBB.replace("G scale, slowly — Harwich Light Railway\nTop\nDisplay", "Display")
               .replace("Display: All posts Sort by: Post time\nWho is online\n", footer))
    assert authors(page) == ["Piotr W", "lena_k"]
    assert "Footer note number 14" not in texts(page)[-1]


LAST_LINE = "Residents who had opposed the closure said they would now watch the work closely.\n"


def test_a_dateline_over_the_article_is_no_comment_header() -> None:
    # "Aug 8 '12" over the post joins the headers' run; the scorer reads the text under it
    # as the article, so the run starts at the first commenter
    said = [
        ("harbourwatch", "Finally! I have been waiting for this for years."),
        ("ferryfan", "Wider and safer sounds good, but who pays for the rest of it?"),
        ("lotte-k", "I was at the meeting and the applause was loud."),
    ]
    notes = "".join(f"{name} reblogged this from harbourblog and added:\n{s}\n" for name, s in said)
    page = Page(f"Aug 8 '12\nBridge to close for repairs\n{ARTICLE}{LAST_LINE}{notes}")
    n = len(page.lines)
    page.scores = [0.9 if 2 <= i <= 4 else 0.1 for i in range(n)]
    page.comment_scores = [0.0 if i <= 4 else 0.8 for i in range(n)]
    CommentFilter().apply(page)
    assert authors(page) == [name for name, _ in said]
    assert texts(page) == [s for _, s in said]


def test_a_byline_over_the_article_does_not_open_signed_comments() -> None:
    # signed comments ("text" / "Posted by: NAME | date"): the byline's text is the article
    said = [
        ("Sean", "Like, what happens when a truck hits it? I would never drive one of those."),
        ("dan", "I would be interested in a dealership, fifty miles a gallon sounds sweet."),
        ("tom", "I just hope the motor lasts longer than the one in my lawn mower."),
    ]
    signed = "".join(
        f"{s}\nPosted by: {name} | Jan 10, 2008 {k + 4}:49:12 PM\n"
        for k, (name, s) in enumerate(said)
    )
    byline = "By Mara Lindqvist January 10, 2008 | 3:46 PM"
    page = Page(f"Bridge to close for repairs\n{byline}\n{ARTICLE}{LAST_LINE}{signed}")
    n = len(page.lines)
    page.scores = [0.95 if 2 <= i <= 4 else 0.2 for i in range(n)]
    page.comment_scores = [0.0 if i <= 4 else 0.8 for i in range(n)]
    CommentFilter().apply(page)
    assert authors(page) == [name for name, _ in said]
    assert texts(page) == [s for _, s in said]


def test_bulleted_comment_list_as_lynx_prints_it() -> None:
    # <li> comments under a count, each header behind a bullet
    page = run(
        ARTICLE + "   * Comments (2)\n"
        "   * written by Green Watch, October 18, 2012\n"
        "     Definitely a roller-coaster of a time for the bridge these days, I think.\n"
        "   * written by Best Man, October 20, 2012\n"
        "     The bridge will stay, the council will not, and that is fine by me.\n"
    )
    assert authors(page) == ["Green Watch", "Best Man"]
    assert texts(page)[1] == "The bridge will stay, the council will not, and that is fine by me."
    assert page.declared_comment_count == 2


def test_comment_header_as_printed_and_signatures() -> None:
    import textclean
    from textclean.evaluation import comment_fields, comment_string

    leading = textclean.clean(
        ARTICLE + "2 Comments\n"
        "Lauren K says:\nOctober 29, 2012 at 12:41 pm\nAdorable bridge, I will miss it!\nReply\n"
        "Mark says:\nOctober 30, 2012 at 9:02 am\nThe money was always there, they say.\nReply\n"
    )
    first = leading.comments[0]
    assert first.header == "Lauren K says:\nOctober 29, 2012 at 12:41 pm" and not first.signed
    # the referee's rendering: header lines as printed, then the text
    assert comment_string(first) == f"{first.header}\n{first.text}"
    assert comment_fields(first) == (
        "Lauren K\nOctober 29, 2012 at 12:41 pm\nAdorable bridge, I will miss it!"
    )
    said = [
        ("Sean", "Like, what happens when a truck hits it? I would never drive one of those."),
        ("dan", "I would be interested in a dealership, fifty miles a gallon sounds sweet."),
        ("tom", "I just hope the motor lasts longer than the one in my lawn mower."),
    ]
    rows = "".join(
        f"{s}\nPosted by: {n} | Jan 10, 2008 {k + 4}:49:12 PM\n" for k, (n, s) in enumerate(said)
    )
    signed = textclean.clean(ARTICLE + "Comments\n" + rows)
    assert [c.author for c in signed.comments] == ["Sean", "dan", "tom"]
    assert all(c.signed for c in signed.comments)
    assert signed.comments[0].header == "Posted by: Sean | Jan 10, 2008 4:49:12 PM"
    assert comment_string(signed.comments[0]).endswith(signed.comments[0].header)


def test_say_gate_knows_every_say_verb() -> None:
    # the gate's word list is spelt out beside _SAY_VERBS for speed: a verb added to
    # the pattern and not to the list would be hidden from the header reader
    from textclean.comments import gates, words

    for verb in words._SAY_VERBS.split("|"):
        for form in {verb.replace("[а]?", ""), verb.replace("[а]?", "а")}:
            for line in (f"Jo Smith {form}:", f"JO SMITH {form.upper()}"):
                assert gates._SAY_GATE.search(line), line
                assert gates._say_gate(line), line


def test_range_mean_answers_as_the_sum_over_the_range() -> None:
    # the repeated-toolbar check's mean by running sums: the same answer as summing
    # the range, also where the mean sits on the threshold (the fallback then sums)
    import random

    from textclean.comments.gates import _RangeMean

    rng = random.Random(11)
    for trial in range(300):
        n = rng.randint(1, 60)
        pool = [0.5, 0.5000000000000001, 0.49999999999999994, 0.1, 0.9, 1.0, 0.0, 1 / 3]
        values = [rng.choice(pool) if trial % 2 else rng.random() for _ in range(n)]
        at_least = _RangeMean(values)
        for _ in range(20):
            lo = rng.randrange(n)
            hi = rng.randint(lo + 1, n)
            assert at_least(lo, hi, 0.5) == (not sum(values[lo:hi]) / (hi - lo) < 0.5)


def test_a_refused_run_records_its_reason() -> None:
    # two "says" headers with prose under each, no marker, one name over both: the
    # post's byline repeated, refused with that reason (and no comments found)
    text = (
        f"{ARTICLE}\n"
        "Jane Doe says:\nThe bridge has needed work for years, and it is good to see it done.\n"
        "Jane Doe says:\nThe detour through the market will be slow, so leave early.\n"
    )
    page = Page(text)
    CommentFilter().apply(page)
    assert page.comments == []
    [refusal] = page.refused
    first = text.splitlines().index("Jane Doe says:")
    assert (refusal.first, refusal.last, refusal.filter) == (first, first + 2, "comments")
    assert refusal.reason == "one name over every header: the post's byline"


def test_refusals_stay_out_of_the_document() -> None:
    import textclean

    text = f"{ARTICLE}\nJane Doe says:\nI liked this a lot, thanks for writing it up.\n"
    page = textclean.default_pipeline().judge(text)
    assert [r.reason for r in page.refused if r.filter == "comments"]
    assert "refus" not in textclean.clean(text).model_dump_json()


def test_a_new_comment_systems_header_is_one_reader() -> None:
    """Where does a new comment system go? Its header shape is one function added to
    `comments.shapes.HEADER_READERS`: here "~ NAME ~" over each comment, which no
    built-in shape reads (the bare-name fallback takes the whole line as the name)."""
    from pathlib import Path

    import regex

    from textclean.comments import shapes

    seed = Path(__file__).parent.parent / "fixtures" / "wordpress-native-comments.txt"
    lines, out, under_header = seed.read_text(encoding="utf-8").split("\n"), [], False
    for line in lines:
        if line.endswith(" says:"):
            out.append(f"~ {line.removesuffix(' says:')} ~")
            under_header = True
        elif under_header:  # the date line under the header goes: the shape has none
            under_header = False
        else:
            out.append(line)
    text = "\n".join(out)
    wave = regex.compile(r"^~ (?P<name>\w+(?: \w+){0,2}) ~$")

    def read_wave(line: str, options: CommentOptions) -> shapes.Header | None:
        m = wave.match(line)
        return shapes.Header("says", name=m.span("name")) if m else None

    before = [c.author for c in clean(text).comments]
    shapes.HEADER_READERS.append(read_wave)
    try:
        after = [c.author for c in clean(text).comments]
    finally:
        shapes.HEADER_READERS.remove(read_wave)
    assert before[0] == "~ Dana Whitcombe ~"
    assert after == [
        "Dana Whitcombe",
        "Edwin Marsh",
        "Luis Ferrante",
        "Pat Oyelaran",
        "Edwin Marsh",
    ]
