"""Time finding and parsing as comment headers and bylines show it."""

from __future__ import annotations

import datetime as dt

import pytest

from textclean.dates import find_time, find_time_span, is_short_age


@pytest.mark.parametrize(
    ("text", "raw", "parsed"),
    [
        (
            "Posted on July 21, 2012 at 5:46 pm by admin",
            "July 21, 2012 at 5:46 pm",
            dt.datetime(2012, 7, 21, 17, 46),
        ),
        ("DKB @ NYU 07.21.12 at 17:46", "07.21.12 at 17:46", dt.datetime(2012, 7, 21, 17, 46)),
        (
            "Posted by: Jim Ewel | September 26, 2012 at 05:47 PM",
            "September 26, 2012 at 05:47 PM",
            dt.datetime(2012, 9, 26, 17, 47),
        ),
        ("October 11, 2012 | Eve", "October 11, 2012", dt.datetime(2012, 10, 11)),
        (
            "12 avril 2023 à 18 h 42 min",
            "12 avril 2023 à 18 h 42 min",
            dt.datetime(2023, 4, 12, 18, 42),
        ),
        ("3 mars 2024 à 8 h 05", "3 mars 2024 à 8 h 05", dt.datetime(2024, 3, 3, 8, 5)),
        (
            "March 4, 2024 at 9:15 am (UTC -5) Link to this comment",
            "March 4, 2024 at 9:15 am (UTC -5)",
            dt.datetime(2024, 3, 4, 9, 15),
        ),
        (
            "4 March 2024 17:05 (GMT+1)",
            "4 March 2024 17:05 (GMT+1)",
            dt.datetime(2024, 3, 4, 17, 5),
        ),
        (
            "August 9th, 2012 at 8:38 am",
            "August 9th, 2012 at 8:38 am",
            dt.datetime(2012, 8, 9, 8, 38),
        ),
        ("5. März 2024", "5. März 2024", dt.datetime(2024, 3, 5)),
        ("Stand: 15.03.2024, 14:37 Uhr", "15.03.2024, 14:37 Uhr", dt.datetime(2024, 3, 15, 14, 37)),
        ("le 3 janvier 2013 à 14h05", "3 janvier 2013 à 14h05", dt.datetime(2013, 1, 3, 14, 5)),
        ("5 de marzo de 2024", "5 de marzo de 2024", dt.datetime(2024, 3, 5)),
        ("21 июля 2012 г.", "21 июля 2012 г.", dt.datetime(2012, 7, 21)),
        ("2012-04-26 19:03:38", "2012-04-26 19:03:38", dt.datetime(2012, 4, 26, 19, 3)),
        (
            "August 9, 2012, at 1:23 pm",
            "August 9, 2012, at 1:23 pm",
            dt.datetime(2012, 8, 9, 13, 23),
        ),
        (
            "November 6, 2012 · 10:11 AM",
            "November 6, 2012 · 10:11 AM",
            dt.datetime(2012, 11, 6, 10, 11),
        ),
        ("7 Aug 12 at 11:21 pm", "7 Aug 12 at 11:21 pm", dt.datetime(2012, 8, 7, 23, 21)),
        (
            "July 24, 2012 11:45 PM EDT",
            "July 24, 2012 11:45 PM EDT",
            dt.datetime(2012, 7, 24, 23, 45),
        ),
    ],
)
def test_absolute_times(text: str, raw: str, parsed: dt.datetime) -> None:
    stamp = find_time(text)
    assert stamp is not None
    assert stamp.raw == raw
    assert stamp.parsed == parsed
    assert not stamp.relative


def test_span_offsets_index_the_text() -> None:
    text = "Jane Doe | July 21, 2012 at 5:46 pm | Reply"
    span = find_time_span(text)
    assert span is not None
    assert text[span.start : span.end] == "July 21, 2012 at 5:46 pm"


def test_a_name_is_not_a_time_zone() -> None:
    # the zone must be upper case: "AM Dean" is a clock time and a name
    stamp = find_time("October 28, 2012 11:00 AM Dean Takahashi")
    assert stamp is not None and stamp.raw == "October 28, 2012 11:00 AM"


def test_date_glued_to_a_name() -> None:
    span = find_time_span("Perry Harris10/22/12 2:05 PM")
    assert span is not None
    assert span.stamp.raw == "10/22/12 2:05 PM"
    assert span.stamp.parsed == dt.datetime(2012, 10, 22, 14, 5)
    assert find_time_span("version2/3/4") is None


def test_ambiguous_day_month_stays_raw() -> None:
    stamp = find_time("05/06/2012")
    assert stamp is not None and stamp.raw == "05/06/2012" and stamp.parsed is None


@pytest.mark.parametrize(
    "text",
    [
        "3 hours ago",
        "vor 2 Tagen",
        "il y a 5 minutes",
        "hace 3 días",
        "2 dagen geleden",
        "5 минут назад",
        "yesterday",
        "about 2 hours, 39 minutes ago",
        "2 days and 3 hours ago",
    ],
)
def test_relative_times_stay_raw(text: str) -> None:
    stamp = find_time(text)
    assert stamp is not None
    assert stamp.relative
    assert stamp.parsed is None
    assert stamp.raw.lower() == text.lower()


@pytest.mark.parametrize(
    "text",
    [
        "He was 3 hours late.",
        "He was about 3 hours late.",
        "Version 2.0.1 is out",
        "Call 555-1234",
        "It costs 12.50",
        "Buy 5 Aug 12 apples",
    ],
)
def test_no_time_in_prose(text: str) -> None:
    assert find_time(text) is None


def test_loose_shapes_only_when_asked() -> None:
    assert find_time_span("November 8th") is None
    loose = find_time_span("November 8th", loose=True)
    assert loose is not None and loose.stamp.raw == "November 8th" and loose.stamp.parsed is None
    clock = find_time_span("2:13 pm", loose=True)
    assert clock is not None and clock.stamp.raw == "2:13 pm"
    assert find_time_span("Chapter 12", loose=True) is None


@pytest.mark.parametrize(
    ("token", "age"),
    [("5h", True), ("2y", True), ("3 d", True), ("h5", False), ("2.5h", False), ("hello", False)],
)
def test_short_age(token: str, age: bool) -> None:
    assert is_short_age(token) is age


def test_loose_clock_time_keeps_its_zone() -> None:
    span = find_time_span("4:12 pm EST", loose=True)
    assert span is not None and span.stamp.raw == "4:12 pm EST"
    # a capitalised word after the time is not a zone
    span = find_time_span("4:12 pm Dean", loose=True)
    assert span is not None and span.stamp.raw == "4:12 pm"


def test_weekday_before_a_numeric_date() -> None:
    t = find_time("Fri, 03/29/2024 - 13:04 | 88213 kit")
    assert t is not None and t.raw == "Fri, 03/29/2024 - 13:04"
    assert t.parsed == dt.datetime(2024, 3, 29, 13, 4)


def test_at_sign_joins_a_date_and_its_clock_time() -> None:
    span = find_time_span("by kit (4411) writes: on Monday March 4, @08:25PM (#4411)", loose=True)
    assert span is not None and span.stamp.raw == "Monday March 4, @08:25PM"
