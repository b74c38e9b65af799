"""How the assistant is doing, counted from the question log: the figures of the editors' dashboard.

    >>> period = Period.ending(date(2026, 3, 31), days=30)
    >>> days = daily(db, period)             # one `Day` per date, India time, oldest first
    >>> totals(days).share("answered")
    >>> summarise(db, period).topics          # what grows, against the period before

Aggregate SQL only (one pass over the period's rows by the asked_at index); no visitor's words and no session
appear in any figure. Days are calendar days in India (where Blue Messaggio works), like every date staff see.
A day that is over is counted once and stored (`stored_days`), so a year's dashboard reads 730 stored rows and
the last two days' asks, not the year's log.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import dataclass, field, fields
from datetime import date, datetime, time, timedelta, timezone

from ..platform import db as storage
from ..platform.db import Database

from ..platform.timefmt import INDIA_TZ as INDIA

log = logging.getLogger(__name__)

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
        return Period(self.start - timedelta(days=self.days), self.start - timedelta(days=1))

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


LIVE_DAYS = 2  # today and yesterday are always counted from the log (feedback still arrives)


def stored_days(db: Database, period: Period, today: date | None = None) -> list[DayFigures]:
    """Every day of `period`, oldest first (a day with no asks has zeros): days that are over as stored.

    A day that is over is counted from the log once and kept in `question_days` for every worker on every host,
    with the number of late changes to it (`log_changes`, kept by triggers) it was counted at; a late change
    (a row from the spool, late feedback, a purge) makes it count again. Today and yesterday are read from the
    log. Storing is a cache: on a database that refuses the write the figures are still shown.
    """
    today = today or datetime.now(INDIA).date()
    closed_until = today - timedelta(days=LIVE_DAYS)
    wanted = [period.start + timedelta(days=n) for n in range(period.days)]
    closed = [d for d in wanted if d <= closed_until]
    found: dict[str, DayFigures] = {}
    if closed:
        found = _read_stored(db, closed[0], closed[-1])
        missing = [d for d in closed if d.isoformat() not in found]
        for first, last in _runs(missing):
            found.update(_count_and_store(db, first, last))
    live = [d for d in wanted if d > closed_until]
    if live:
        found.update(read_days(db, Period(live[0], live[-1])))
    return [found.get(d.isoformat()) or DayFigures(Day(d.isoformat())) for d in wanted]


_STORED = ("select d.day, " + ", ".join(f"d.{name}" for name in COUNTS) + ", d.topics, d.clauses "
           "from question_days d left join log_changes c on c.day = d.day "
           "where d.day >= :first and d.day <= :last and d.changes = coalesce(c.changes, 0)")


def _read_stored(db: Database, first: date, last: date) -> dict[str, DayFigures]:
    """The stored days from `first` to `last` that no late change has outdated."""
    found = {}
    for row in db.execute(_STORED, {"first": first.isoformat(), "last": last.isoformat()}):
        day = Day(row[0], *row[1:1 + len(COUNTS)])
        found[row[0]] = DayFigures(day, Counter(json.loads(row[-2])), Counter(json.loads(row[-1])))
    return found


def _count_and_store(db: Database, first: date, last: date) -> dict[str, DayFigures]:
    """Count the days from `first` to `last` from the log and store them with the late changes they include."""
    bounds = {"first": first.isoformat(), "last": last.isoformat()}
    # Read before counting: a change committed meanwhile is then either counted or makes the stored day stale.
    changes = dict(db.execute("select day, changes from log_changes where day >= :first and day <= :last",
                              bounds).fetchall())
    period = Period(first, last)
    counted = read_days(db, period)
    now = storage.now_iso()
    rows = []
    for n in range(period.days):
        key = (first + timedelta(days=n)).isoformat()
        figures = counted.setdefault(key, DayFigures(Day(key)))
        rows.append({"day": key, "changes": changes.get(key, 0), **{name: getattr(figures.day, name) for name in COUNTS},
                     "topics": json.dumps(dict(figures.topics), sort_keys=True),
                     "clauses": json.dumps(dict(figures.clauses), sort_keys=True), "counted_at": now})
    try:
        with storage.write(db):
            for row in rows:
                db.insert("question_days", row, on_conflict="replace")
    except storage.ERRORS as exc:
        log.warning("could not store the dashboard's figures of %s to %s (%s); counted them from the log",
                    first, last, exc)
    return counted


def _runs(days: list[date]) -> list[tuple[date, date]]:
    """Consecutive days as (first, last) pairs: [1, 2, 3, 7] -> [(1, 3), (7, 7)]."""
    runs: list[list[date]] = []
    for d in days:
        if runs and d - runs[-1][1] == timedelta(days=1):
            runs[-1][1] = d
        else:
            runs.append([d, d])
    return [(a, b) for a, b in runs]


def daily(db: Database, period: Period, today: date | None = None) -> list[Day]:
    """Every day of `period`, oldest first, including days with no asks."""
    return [f.day for f in stored_days(db, period, today)]


@dataclass
class Summary:
    """What the dashboard shows of a period: its days, and topics and clauses with the period before."""

    days: list[Day]
    topics: list[Count]
    clauses: list[Count]


def summarise(db: Database, period: Period, limit: int = 10, today: date | None = None) -> Summary:
    """The period's days, topics and clauses, from one read of the period and the one before."""
    both = stored_days(db, Period(period.previous.start, period.end), today)
    before, now = both[:period.days], both[period.days:]
    return Summary([f.day for f in now], _rank(now, before, "topics", limit, key=_topic_order),
                   _rank(now, before, "clauses", limit, key=_clause_order))


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


def topics(db: Database, period: Period, limit: int = 10, today: date | None = None) -> list[Count]:
    """The question model's topics by asks in `period`, with the period before: what grows."""
    return summarise(db, period, limit, today).topics


def clauses(db: Database, period: Period, limit: int = 10, today: date | None = None) -> list[Count]:
    """The clauses quoted most often in `period` (answers, not hand-offs), with the period before."""
    return summarise(db, period, limit, today).clauses


def _topic_order(c: Count):
    return -c.count, -c.change, c.name


def _clause_order(c: Count):
    return -c.count, c.name


def _rank(now: list[DayFigures], before: list[DayFigures], attr: str, limit: int, key) -> list[Count]:
    counted, earlier = Counter(), Counter()
    for f in now:
        counted.update(getattr(f, attr))
    for f in before:
        earlier.update(getattr(f, attr))
    return sorted((Count(name, n, earlier.get(name, 0)) for name, n in counted.items()), key=key)[:limit]


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
