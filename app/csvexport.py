"""CSV downloads for staff, safe to open in a spreadsheet.

    return csv_response("requests.csv", ["reference", "name"], rows)

A cell that starts with = + - @ (or a tab or carriage return) would be run as
a formula by Excel, LibreOffice and Google Sheets, so visitor text like
`=HYPERLINK(...)` is prefixed with a single quote and shown as text.
"""

from __future__ import annotations

import csv
import io
from typing import Iterable

from flask import Response

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


def csv_response(filename: str, header: list[str], rows: Iterable[Iterable]) -> Response:
    """A download of `rows` under `header`; UTF-8 with a BOM so Excel reads accents right."""
    body = "\ufeff" + render_csv(header, rows)
    response = Response(body, mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
