"""CSV downloads from the staff console, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from aiohttp import web

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    """A cell a spreadsheet shows as written: text starting like a formula gets a leading
    '; a number stays a number (a negative change is not a formula)."""
    if isinstance(value, int | float):
        return str(value)
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def csv_response(header: list[str], rows: Iterable[Iterable[object]], filename: str) -> web.Response:
    """The rows as a CSV attachment (UTF-8 with a BOM, so spreadsheets read accents)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([cell(h) for h in header])
    writer.writerows([cell(v) for v in row] for row in rows)
    return web.Response(body=("\ufeff" + out.getvalue()).encode(), content_type="text/csv",
                        charset="utf-8", headers={
                            "Content-Disposition": f'attachment; filename="{filename}"',
                            "Cache-Control": "no-store"})
