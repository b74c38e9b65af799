"""The public record of rights requests: aggregates only, for visitors and regulators.

    GET /transparency        requests received per month by type, median days to close, share closed on time,
                             share extended (the last 12 months, India time)
    GET /transparency.json   the same figures for machines

No name, address, reference or text ever reaches these pages: they read counts and dates only. A count
under MIN_SHOWN (zero included) is shown as "fewer than 5", and a share is given only as a percentage
when both the requests it counts and the rest number at least MIN_SHOWN, so that no small group of
requesters can be singled out. No totals are shown beside the suppressed cells, so none can be worked
out by subtraction.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from flask import Blueprint, current_app, render_template
from flask_babel import gettext as _

from ..engine.intents import SHORT_LABELS
from ..platform import db as storage
from ..platform.timefmt import INDIA_TZ

bp = Blueprint("transparency", __name__)

MIN_SHOWN = 5
MONTHS = 12
CACHE_SECONDS = 300  # the figures change slowly: each worker, proxy or browser may keep them for five minutes


@dataclass(frozen=True)
class Count:
    """A count as it may be published: exact from MIN_SHOWN up, else only "fewer than 5"."""

    value: int

    @property
    def shown(self) -> int | None:
        return self.value if self.value >= MIN_SHOWN else None

    def __str__(self) -> str:
        # In the request's language: these are shown on the page (the JSON has the numbers).
        return _("fewer than %(min)s", min=MIN_SHOWN) if self.shown is None else str(self.value)


@dataclass(frozen=True)
class Share:
    """The part of a whole that has some property, published only where no small group shows."""

    part: int
    whole: int

    @property
    def percent(self) -> int | None:
        if self.whole < MIN_SHOWN or self.part < MIN_SHOWN or self.whole - self.part < MIN_SHOWN:
            return None
        return round(100 * self.part / self.whole)

    def __str__(self) -> str:
        if self.whole < MIN_SHOWN:
            return _("too few requests to report")
        if self.part < MIN_SHOWN:
            return _("fewer than %(min)s requests", min=MIN_SHOWN)
        if self.whole - self.part < MIN_SHOWN:
            return _("all but fewer than %(min)s requests", min=MIN_SHOWN)
        return f"{self.percent}%"


@dataclass
class Record:
    """The published figures for the months `months` (newest first, "YYYY-MM" in India time)."""

    months: list[str]
    types: dict[str, str]  # request type -> label
    received: dict[tuple[str, str], Count] = field(default_factory=dict)  # (month, type) -> count
    closed: Count = Count(0)
    median_days: float | None = None
    on_time: Share = Share(0, 0)
    extended: Share = Share(0, 0)
    made_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))

    def cell(self, month: str, kind: str) -> Count:
        return self.received.get((month, kind), Count(0))


def last_months(today: date, count: int = MONTHS) -> list[str]:
    """The `count` calendar months up to and including `today`'s, newest first, as "YYYY-MM"."""
    months, year, month = [], today.year, today.month
    for _ in range(count):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months


def _since(first_month: str) -> str:
    """The UTC instant the first month began in India, as stored in `received_at` and `closed_at`."""
    start = datetime.strptime(first_month, "%Y-%m").replace(tzinfo=INDIA_TZ)
    return start.astimezone(timezone.utc).isoformat(timespec="seconds")


def build_record(db, types: dict[str, str], today: date) -> Record:
    """The figures for the last MONTHS months, from a few aggregate queries over indexed columns."""
    months = last_months(today)
    since = _since(months[-1])
    record = Record(months, types)
    received_in = storage.india_date(db, "received_at")
    for month, kind, n in db.execute(
            f"select substr({received_in}, 1, 7) as month, type, count(*) from requests "
            "where received_at >= :since group by month, type", {"since": since}):
        record.received[(month, kind)] = Count(n)
    # Closed in the period: done or refused. Days from receipt to close; on time when closed by the
    # (extended) due date, in India's calendar as due dates are.
    closed_where = "status in ('done', 'refused') and closed_at is not null and closed_at >= :since"
    closed, on_time = db.execute(
        f"select count(*), count(*) filter (where {storage.india_date(db, 'closed_at')} "
        f"<= coalesce(extended_due, due_date)) from requests where {closed_where}", {"since": since}).fetchone()
    record.closed = Count(closed)
    record.on_time = Share(on_time, closed)
    if closed >= MIN_SHOWN:
        days = sorted((datetime.fromisoformat(c) - datetime.fromisoformat(r)).total_seconds() / 86400
                      for r, c in db.execute(f"select received_at, closed_at from requests where {closed_where}",
                                             {"since": since}))
        middle = days[(len(days) - 1) // 2: len(days) // 2 + 1]
        record.median_days = round(sum(middle) / len(middle), 1)
    received, extended = db.execute(
        "select count(*), count(extended_due) from requests where received_at >= :since", {"since": since}).fetchone()
    record.extended = Share(extended, received)
    return record


def _types() -> dict[str, str]:
    intents = current_app.extensions["assistant"].intents
    return {i.name: SHORT_LABELS.get(i.name, i.label) for i in intents} if intents else {}


def _record() -> Record:
    """The figures, built at most once per CACHE_SECONDS in each worker (a build reads every request of the year:
    about 40 ms for 10,000, too much to repeat for every visitor)."""
    now = time.monotonic()
    key = (storage.target_of(current_app), datetime.now(INDIA_TZ).date())
    cached = current_app.extensions.get("transparency")
    if cached is not None and cached[0] == key and now < cached[1]:
        return cached[2]
    record = build_record(storage.get_db(), _types(), key[1])
    current_app.extensions["transparency"] = (key, now + CACHE_SECONDS, record)
    return record


def _cached(response):
    response.cache_control.public = True
    response.cache_control.max_age = CACHE_SECONDS
    return response


@bp.get("/transparency")
def show():
    record = _record()
    return _cached(current_app.make_response(render_template("transparency/show.html", record=record,
                                                             min_shown=MIN_SHOWN)))


@bp.get("/transparency.json")
def show_json():
    record = _record()
    payload = {
        "as_of": record.made_at.isoformat(timespec="seconds"),
        "months": list(reversed(record.months)),
        "min_shown": MIN_SHOWN,
        "received": [{"month": month, "type": kind, "count": record.cell(month, kind).shown}
                     for month in reversed(record.months) for kind in record.types],
        "closed": record.closed.shown,
        "median_days_to_close": record.median_days,
        "closed_on_time_percent": record.on_time.percent,
        "extended_percent": record.extended.percent,
    }
    return _cached(current_app.make_response(payload))
