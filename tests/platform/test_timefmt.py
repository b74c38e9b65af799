"""One way to show time: India time, labelled, "30 Dec 2026" and "30 Dec 2026, 08:12 IST"."""
from datetime import date, datetime, timezone

import pytest

from app.platform.timefmt import format_date, format_datetime, format_month, iso_datetime


@pytest.mark.parametrize("instant, text", [
    ("2026-11-30T02:42:06+00:00", "30 Nov 2026, 08:12 IST"),
    ("2026-11-30T18:29:59+00:00", "30 Nov 2026, 23:59 IST"),  # just before midnight in India
    ("2026-11-30T18:30:00+00:00", "1 Dec 2026, 00:00 IST"),   # midnight in India, still 30 Nov in UTC
    ("2026-12-31T20:00:00+00:00", "1 Jan 2027, 01:30 IST"),   # across the year end
    ("2026-01-01T09:00:00.123+00:00", "1 Jan 2026, 14:30 IST"),  # stored with milliseconds
    ("2026-01-01T14:30:00+05:30", "1 Jan 2026, 14:30 IST"),   # already India time
    ("2026-01-01T09:00:00", "1 Jan 2026, 14:30 IST"),         # naive: taken as UTC, never as local time
])
def test_an_instant_is_shown_in_india_time_and_labelled(instant, text):
    assert format_datetime(instant) == text
    assert format_datetime(datetime.fromisoformat(instant)) == text


@pytest.mark.parametrize("value, text", [
    ("2026-12-30", "30 Dec 2026"),
    (date(2026, 5, 1), "1 May 2026"),
    ("2026-11-30T18:30:00+00:00", "1 Dec 2026"),  # an instant's date is its date in India
    (datetime(2026, 11, 30, 18, 29, tzinfo=timezone.utc), "30 Nov 2026"),
])
def test_a_date_is_day_short_month_year(value, text):
    assert format_date(value) == text


@pytest.mark.parametrize("helper", [format_date, format_datetime, iso_datetime])
def test_nothing_to_show_is_an_empty_string(helper):
    assert helper(None) == "" and helper("") == ""


def test_the_machine_readable_form_keeps_the_offset():
    assert iso_datetime(datetime(2026, 11, 30, 2, 42, 6, tzinfo=timezone.utc)) == "2026-11-30T02:42:06+00:00"


def test_templates_have_the_filters(app):
    env = app.jinja_env
    text = env.from_string("{{ d|date }} | {{ t|datetime }}").render(d="2026-12-30", t="2026-11-30T02:42:06+00:00")
    assert text == "30 Dec 2026 | 30 Nov 2026, 08:12 IST"


@pytest.mark.parametrize("month, text", [("2026-11", "Nov 2026"), ("2027-01", "Jan 2027"), ("2026-12", "Dec 2026"),
                                         (None, ""), ("", "")])
def test_a_month_is_shown_as_its_short_name_and_year(month, text):
    assert format_month(month) == text
