"""One way to show dates and times to people: India time, labelled, e.g. "30 Dec 2026, 08:12 IST".

Stored values and the API stay ISO 8601 with offsets; these helpers are only for text people read.
Registered as the Jinja filters ``date`` and ``datetime`` in the app factory; the widget builds the same
date text itself (app/static/widget.js, ``shortDate``).
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

# Kept here rather than zoneinfo: India has had one offset and no summer time since 1945.
INDIA_TZ = timezone(timedelta(hours=5, minutes=30), "IST")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _as_datetime(value: datetime | str) -> datetime:
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:  # stored instants are UTC; a naive one is taken as UTC, never as local time
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(INDIA_TZ)


def india_today() -> date:
    """Today's date in India (the date a policy version takes effect is an Indian calendar date)."""
    return datetime.now(INDIA_TZ).date()


def format_date(value: date | datetime | str | None) -> str:
    """A calendar date as "30 Dec 2026"; an instant is first moved to India time. None -> ""."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value) if len(value) == 10 else _as_datetime(value)
    if isinstance(value, datetime):
        value = _as_datetime(value).date()
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def format_datetime(value: datetime | str | None) -> str:
    """An instant as India time, labelled: "30 Dec 2026, 08:12 IST". None -> ""."""
    if value is None or value == "":
        return ""
    moment = _as_datetime(value)
    return f"{format_date(moment.date())}, {moment:%H:%M} IST"


def format_month(value: str | None) -> str:
    """A calendar month "2026-11" as "Nov 2026". None -> ""."""
    if not value:
        return ""
    year, month = value.split("-")[:2]
    return f"{_MONTHS[int(month) - 1]} {int(year)}"


def iso_datetime(value: datetime | str | None) -> str:
    """The machine-readable form for <time datetime="...">: ISO 8601 with its offset."""
    if value is None or value == "":
        return ""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.isoformat()


def register_filters(app) -> None:
    """Make ``|date``, ``|datetime``, ``|month`` and ``|isotime`` available to every template."""
    app.add_template_filter(format_date, "date")
    app.add_template_filter(format_datetime, "datetime")
    app.add_template_filter(iso_datetime, "isotime")
    app.add_template_filter(format_month, "month")
