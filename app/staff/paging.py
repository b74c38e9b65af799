"""Pages of a long list for staff pages: which page was asked for, and links to the others.

    page = Page.of(request.args, total=len(items), size=20)
    shown = items[page.start:page.stop]
    render_template(..., page=page)        # {% include "staff/_pager.html" %}

A page number that is not a whole number gets a 400 page; one past the end shows the last page, so a link
from before a list shrank still leads somewhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort

MAX_PAGE_DIGITS = 7
# A row's number in a URL (/staff/requests/<id>): ids are 32-bit on PostgreSQL and SQLite refuses numbers past
# 64 bits, so a longer number would reach the database as an error (a 500) instead of "not found" (a 404).
MAX_ROW_ID = 2**31 - 1
ROW_ID = f"int(min=1, max={MAX_ROW_ID})"  # the route converter: @bp.get(f"/requests/<{ROW_ID}:request_id>")


@dataclass(frozen=True)
class Page:
    """One page of `total` items, `size` a page; `number` counts from 1."""

    number: int
    size: int
    total: int

    @classmethod
    def of(cls, args, total: int, size: int, name: str = "page") -> Page:
        """The page asked for in `args` (the query string), kept within the pages there are."""
        raw = (args.get(name) or "1").strip()
        if not (raw.isascii() and raw.isdigit()) or len(raw) > MAX_PAGE_DIGITS or int(raw) < 1:
            abort(400, "The page number must be a whole number from 1.")
        size = max(1, int(size))
        pages = max(1, -(-total // size))
        return cls(min(int(raw), pages), size, total)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))

    @property
    def start(self) -> int:
        return (self.number - 1) * self.size

    @property
    def stop(self) -> int:
        return min(self.start + self.size, self.total)

    @property
    def previous(self) -> int | None:
        return self.number - 1 if self.number > 1 else None

    @property
    def next(self) -> int | None:
        return self.number + 1 if self.number < self.pages else None
