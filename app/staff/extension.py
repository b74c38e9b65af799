"""The rules for extending a rights request's due date (GDPR Art. 12(3)).

    >>> problem = extension_problem(row, date(2027, 1, 20), "Thousands of messages to search", today())
    >>> problem is None
    True

An agent may extend a request once, by at most two further months, only while the original period runs
(until the end of its due date), and must give the reason the requester is told. Pure functions: no Flask.
"""

from __future__ import annotations

import calendar
from datetime import date

from ..platform.timefmt import format_date

MAX_REASON_LENGTH = 1000
EXTENSION_MONTHS = 2


def latest_extension(due: date) -> date:
    """The furthest a request due on `due` may be extended: the same day two calendar months later, or that
    month's last day (31 Jan -> 31 Mar, 31 Dec -> 28/29 Feb)."""
    months = due.month - 1 + EXTENSION_MONTHS
    year, month = due.year + months // 12, months % 12 + 1
    return date(year, month, min(due.day, calendar.monthrange(year, month)[1]))


def effective_due(row: dict) -> str:
    """The date a request is due by now: its extended due date if it has one, else the original."""
    return row.get("extended_due") or row["due_date"]


def extension_problem(row: dict, new_due: date | None, reason: str, on: date) -> str | None:
    """Why this extension may not be made (a sentence for the agent), or None when it may."""
    if row.get("extended_due"):
        return "This request has already been extended once; it cannot be extended again."
    if row["status"] in ("done", "refused"):
        return "This request is closed; only an open request can be extended."
    due = date.fromisoformat(row["due_date"][:10])
    if on > due:
        return (f"The original due date ({format_date(due)}) has passed: an extension must be made and told to the "
                "requester within the original period.")
    if new_due is None:
        return "Choose the new due date."
    if new_due <= due:
        return "The new due date must be after the original one."
    if new_due > latest_extension(due):
        return (f"An extension is at most two months: the latest possible due date is "
                f"{format_date(latest_extension(due))}.")
    if not reason:
        return "Give the reason for the extension: the requester is told it."
    if len(reason) > MAX_REASON_LENGTH:
        return f"The reason is limited to {MAX_REASON_LENGTH} characters."
    return None
