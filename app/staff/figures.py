"""How the assistant is doing, counted from the question log: the figures of the editors' dashboard.

    >>> period = Period.ending(date(2026, 3, 31), days=30)
    >>> days = daily(db, period)             # one `Day` per date, India time, oldest first
    >>> totals(days).share("answered")

Aggregate SQL only (one pass over the period's rows by the asked_at index); no visitor's words and no session
appear in any figure. Days are calendar days in India (where Blue Messaggio works), like every date staff see.
"""

from __future__ import annotations

import threading
import time as time_module
from collections import Counter
from dataclasses import dataclass, field, fields
from datetime import date, datetime, time, timedelta, timezone

from ..platform import db as storage
from ..platform.db import Database

from ..platform.timefmt import INDIA_TZ as INDIA

PERIODS = (7, 30, 90, 365)  # days the dashboard offers
# What each ask was, in the order the chart stacks them (a hand-off is counted once, as handed off).
OUTCOMES = ("answered", "handed_off", "asked_back", "declined", "small_talk")
OUTCOME_LABELS = {"answered": "Answered", "handed_off": "Handed off to a form", "asked_back": "Asked back",
                  "declined": "Declined", "small_talk": "Small talk"}


@dataclass(frozen=True)
class Period:
    """The days from `start` to `end`, both included (India dates)."""

    start: date
    end: date

    @classmethod
    def ending(cls, end: date, days: int) -> Period:
        return cls(end - timedelta(days=days - 1), end)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def previous(self) -> Period:
        """The period of the same length just before this one (for what grows)."""
        return Period.ending(self.start - timedelta(days=1), self.days)

    def bounds(self) -> tuple[str, str]:
        """The UTC instants (as stored) from the first day's midnight in India to the day after the last."""
        start = datetime.combine(self.start, time(), INDIA).astimezone(timezone.utc)
        end = datetime.combine(self.end + timedelta(days=1), time(), INDIA).astimezone(timezone.utc)
        return start.isoformat(timespec="milliseconds"), end.isoformat(timespec="milliseconds")


@dataclass
class Day:
    """One day's asks by outcome, with the thumbs visitors gave."""

    day: str  # ISO date, India
    asked: int = 0
    answered: int = 0
    handed_off: int = 0
    asked_back: int = 0
    declined: int = 0
    small_talk: int = 0
    liked: int = 0
    disliked: int = 0

    def share(self, name: str) -> float:
        """`name` as a share of the asks (0.0 when nothing was asked)."""
        return getattr(self, name) / self.asked if self.asked else 0.0


COUNTS = tuple(f.name for f in fields(Day) if f.name != "day")


@dataclass
class DayFigures:
    """One day's outcomes, and its asks by topic and answers by clause."""

    day: Day
    topics: Counter = field(default_factory=Counter)
    clauses: Counter = field(default_factory=Counter)


def read_days(db: Database, period: Period) -> dict[str, DayFigures]:
    """The figures of every day of `period` that has asks, read from the log (three grouped queries)."""
    start, end = period.bounds()
    found: dict[str, DayFigures] = {}
    day = storage.india_date(db, "q.asked_at")
    for row in db.execute(
            f"select {day} as d, count(*), "
            "count(*) filter (where q.answered = 1 and q.intent is null), count(*) filter (where q.intent is not null), "
            "count(*) filter (where q.kind = 'clarify' and q.intent is null), "
            "count(*) filter (where q.kind = 'no_answer' and q.intent is null), "
            "count(*) filter (where q.kind = 'smalltalk' and q.intent is null), "
            "count(*) filter (where f.helpful = 1), count(*) filter (where f.helpful = 0) "
            "from questions q left join feedback f on f.question_id = q.id "
            "where q.asked_at >= :start and q.asked_at < :end group by d", {"start": start, "end": end}):
        found[row[0]] = DayFigures(Day(row[0], *(int(v or 0) for v in row[1:])))
    # "+answered": read the period by the asked_at index, not every answer of the log by the answered one.
    day = storage.india_date(db, "asked_at")
    for column, where, attr in (("topic", "1 = 1", "topics"), ("top_clause", "+answered = 1 and intent is null", "clauses")):
        # `column` and `where` are this module's constants, never anyone's input.
        for day_value, name, n in db.execute(
                f"select {day} as d, {column}, count(*) from questions where asked_at >= :start "
                f"and asked_at < :end and {column} is not null and {where} group by d, {column}",
                {"start": start, "end": end}):
            if day_value in found:
                getattr(found[day_value], attr)[name] = n
    return found


class Rollup:
    """Per-day figures of days that are over, kept for `max_age` seconds: a year's dashboard reads only today.

    Yesterday and today are always read from the log (feedback still arrives); a purge or late feedback on an
    older day shows after `max_age`.
    """

    def __init__(self, max_age: float = 600.0):
        self.max_age = max_age
        self._days: dict[str, DayFigures] = {}
        self._read: set[str] = set()
        self._made = time_module.monotonic()
        self._lock = threading.Lock()

    def days(self, db: Database, period: Period, today: date) -> list[DayFigures]:
        """Every day of `period`, oldest first (a day with no asks has zeros)."""
        closed_until = today - timedelta(days=2)
        with self._lock:
            if time_module.monotonic() - self._made > self.max_age:
                self._days, self._read, self._made = {}, set(), time_module.monotonic()
            wanted = [period.start + timedelta(days=n) for n in range(period.days)]
            missing = [d for d in wanted if d <= closed_until and d.isoformat() not in self._read]
            if missing:
                self._days.update(read_days(db, Period(min(missing), max(missing))))
                self._read.update(d.isoformat() for d in missing)
            cached = dict(self._days)
        live_days = [d for d in wanted if d > closed_until]
        live = read_days(db, Period(live_days[0], live_days[-1])) if live_days else {}
        out = []
        for d in wanted:
            key = d.isoformat()
            out.append((live if d > closed_until else cached).get(key) or DayFigures(Day(key)))
        return out


def daily(db: Database, period: Period, rollup: Rollup | None = None, today: date | None = None) -> list[Day]:
    """Every day of `period`, oldest first, including days with no asks."""
    return [f.day for f in _days(db, period, rollup, today)]


def _days(db: Database, period: Period, rollup: Rollup | None, today: date | None) -> list[DayFigures]:
    if rollup is None:
        found = read_days(db, period)
        return [found.get((period.start + timedelta(days=n)).isoformat())
                or DayFigures(Day((period.start + timedelta(days=n)).isoformat())) for n in range(period.days)]
    return rollup.days(db, period, today or datetime.now(INDIA).date())


def totals(days: list[Day]) -> Day:
    """The sum of `days`."""
    total = Day("total")
    for day in days:
        for name in COUNTS:
            setattr(total, name, getattr(total, name) + getattr(day, name))
    return total


@dataclass
class Count:
    """A name with its count in the period and in the period before."""

    name: str
    count: int
    before: int = 0

    @property
    def change(self) -> int:
        return self.count - self.before


def topics(db: Database, period: Period, limit: int = 10, rollup: Rollup | None = None,
           today: date | None = None) -> list[Count]:
    """The question model's topics by asks in `period`, with the period before: what grows."""
    return _ranked(db, period, "topics", limit, rollup, today, key=lambda c: (-c.count, -c.change, c.name))


def clauses(db: Database, period: Period, limit: int = 10, rollup: Rollup | None = None,
            today: date | None = None) -> list[Count]:
    """The clauses quoted most often in `period` (answers, not hand-offs), with the period before."""
    return _ranked(db, period, "clauses", limit, rollup, today, key=lambda c: (-c.count, c.name))


def _ranked(db, period, attr, limit, rollup, today, key) -> list[Count]:
    now = sum((getattr(f, attr) for f in _days(db, period, rollup, today)), Counter())
    before = sum((getattr(f, attr) for f in _days(db, period.previous, rollup, today)), Counter())
    return sorted((Count(name, n, before.get(name, 0)) for name, n in now.items()), key=key)[:limit]


def requests_by_type(db: Database, period: Period) -> list[Count]:
    """Rights requests received in `period`, by type."""
    start, end = period.bounds()
    rows = db.execute("select type, count(*) from requests where received_at >= :start and received_at < :end "
                      "group by type order by count(*) desc, type", {"start": start, "end": end}).fetchall()
    return [Count(t, n) for t, n in rows]


CHART_WIDTH, CHART_HEIGHT = 600, 200  # the SVG's units


@dataclass(frozen=True)
class Bar:
    """One bar segment of a chart, in the SVG's units (CHART_WIDTH x CHART_HEIGHT)."""

    x: float
    y: float
    width: float
    height: float
    outcome: str
    count: int
    day: str


@dataclass
class Chart:
    """Stacked columns of asks per day by outcome, laid out for an SVG of CHART_WIDTH x CHART_HEIGHT units."""

    bars: list[Bar] = field(default_factory=list)
    top: int = 0  # the count the full height stands for
    labels: list[tuple[float, str]] = field(default_factory=list)  # x, date for a few columns


def stack_days(days: list[Day], label_every: int | None = None) -> Chart:
    """Lay out `days` as stacked columns (one per day, outcomes in OUTCOMES order from the bottom)."""
    chart = Chart(top=max((d.asked for d in days), default=0))
    if not days:
        return chart
    step = CHART_WIDTH / len(days)
    width = step * 0.8
    label_every = label_every or max(1, len(days) // 6)
    for n, day in enumerate(days):
        x = n * step + (step - width) / 2
        base = float(CHART_HEIGHT)
        for outcome in OUTCOMES:
            count = getattr(day, outcome)
            if not count or not chart.top:
                continue
            height = CHART_HEIGHT * count / chart.top
            base -= height
            chart.bars.append(Bar(round(x, 3), round(base, 3), round(width, 3), round(height, 3), outcome, count,
                                  day.day))
        if n % label_every == 0:
            chart.labels.append((round(x + width / 2, 3), day.day))
    return chart
