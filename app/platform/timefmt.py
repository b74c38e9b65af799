"""One way to show dates and times to people: India time, labelled, e.g. "30 Dec 2026, 08:12 IST".

Stored values and the API stay ISO 8601 with offsets; these helpers are only for text people read.
Registered as the Jinja filters ``date`` and ``datetime`` in the app factory; the widget builds the same
date text itself (app/static/widget.js, ``shortDate``).
"""
from __future__ import annotations

import functools
from datetime import date, datetime, timedelta, timezone

from babel import Locale
from babel.dates import format_date as _babel_date
from flask import current_app, has_app_context

# Kept here rather than zoneinfo: India has had one offset and no summer time since 1945.
INDIA_TZ = timezone(timedelta(hours=5, minutes=30), "IST")
# One pattern in every language: day, abbreviated month, year ("30 Dec 2026", "30 दिस॰ 2026").
DATE_PATTERN = "d MMM y"


def _locale() -> str:
    """The request's language (app/platform/i18n.py), or the one a mail is being written in (force_locale);
    English on staff pages and outside the app."""
    if has_app_context() and "babel" in current_app.extensions:
        from flask_babel import get_locale

        return str(get_locale() or "en")
    return "en"


def month_names(locale: str) -> list[str]:
    """The twelve abbreviated month names of DATE_PATTERN in `locale` (the widget builds its dates with them)."""
    return [Locale.parse(locale).months["format"]["abbreviated"][m] for m in range(1, 13)]


def _as_datetime(value: datetime | str) -> datetime:
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:  # stored instants are UTC; a naive one is taken as UTC, never as local time
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(INDIA_TZ)


def india_today() -> date:
    """Today's date in India (the date a policy version takes effect is an Indian calendar date)."""
    return datetime.now(INDIA_TZ).date()


def format_date(value: date | datetime | str | None, locale: str | None = None) -> str:
    """A calendar date as "30 Dec 2026" (month in `locale`, by default the request's language); an instant is
    first moved to India time. None -> ""."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value) if len(value) == 10 else _as_datetime(value)
    if isinstance(value, datetime):
        value = _as_datetime(value).date()
    return _date_text(value, locale or _locale())


@functools.lru_cache(maxsize=4096)
def _date_text(value: date, locale: str) -> str:
    # Babel parses the locale on every call (about 0.3 ms): a year's dashboard shows 730 dates.
    return _babel_date(value, DATE_PATTERN, locale=locale)


def format_datetime(value: datetime | str | None) -> str:
    """An instant as India time, labelled: "30 Dec 2026, 08:12 IST". None -> ""."""
    if value is None or value == "":
        return ""
    moment = _as_datetime(value)
    return f"{format_date(moment.date())}, {moment:%H:%M} IST"


def format_month(value: str | None) -> str:
    """A calendar month "2026-11" as "Nov 2026" (month in the request's language, as in DATE_PATTERN). None -> ""."""
    if not value:
        return ""
    year, month = value.split("-")[:2]
    return f"{month_names(_locale())[int(month) - 1]} {int(year)}"


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
