"""CSV downloads for staff, safe to open in a spreadsheet.

    return csv_response("requests.csv", ["reference", "name"], rows)

A cell that starts with = + - @ (or a tab or carriage return) would be run as
a formula by Excel, LibreOffice and Google Sheets, so visitor text like
`=HYPERLINK(...)` is prefixed with a single quote and shown as text.
"""

from __future__ import annotations

import csv
import io
import itertools
from typing import Iterable, Iterator

from flask import Response, stream_with_context

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> object:
    """The value as a spreadsheet shows it as plain text (numbers are left alone)."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def render_csv(header: list[str], rows: Iterable[Iterable]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return out.getvalue()


def stream_csv(header: list[str], rows: Iterable[Iterable], batch: int = 500) -> Iterator[str]:
    """The CSV text of `rows` under `header`, in pieces of `batch` rows, for a streamed response."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for number, row in enumerate(rows, 1):
        writer.writerow([safe_cell(v) for v in row])
        if number % batch == 0:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()


def csv_response(filename: str, header: list[str], rows: Iterable[Iterable]) -> Response:
    """A download of every row of `rows` under `header`, streamed; UTF-8 with a BOM so Excel reads accents right."""
    body = itertools.chain(["\ufeff"], stream_csv(header, rows))
    response = Response(stream_with_context(body), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
