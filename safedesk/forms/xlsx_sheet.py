"""One way to write a register as an Excel workbook.

Every sheet gets a bold header row, frozen panes under it, filters on, column widths,
real dates (a `date` cell is shown dd.mm.yyyy, a `datetime` dd.mm.yyyy hh:mm) and text
columns kept as text (an IIN keeps its leading zeros). Document properties are fixed
from `stamp`, so the same data gives the same file. openpyxl is imported when a file
is written, not when the window starts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from safedesk.domain.accidents import KAZAKHSTAN
from safedesk.errors import SafeDeskError
from safedesk.i18n import N_

DATE_FORMAT = "DD.MM.YYYY"
MOMENT_FORMAT = "DD.MM.YYYY HH:MM"


@dataclass(frozen=True)
class Sheet:
    """One sheet: translated title and headers, the rows, and which columns are text."""

    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Any]]
    widths: Sequence[int] = ()  # in characters, per column; missing ones stay default
    text_columns: frozenset[int] = field(default_factory=frozenset)  # 0-based
    formats: Mapping[int, str] = field(default_factory=dict)  # 0-based column → Excel format


def local_moment(moment: dt.datetime | None) -> dt.datetime | None:
    """A stored UTC moment as the officer's local time; Excel cells have no time zone."""
    if moment is None:
        return None
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone(KAZAKHSTAN).replace(tzinfo=None)


def _fill(sheet: Any, spec: Sheet) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet.title = spec.title[:31] or "Sheet"
    sheet.append(list(spec.headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for values in spec.rows:
        sheet.append(
            [
                "" if value is None and i in spec.text_columns else value
                for i, value in enumerate(values)
            ]
        )
    for row in sheet.iter_rows(min_row=2):
        for i, cell in enumerate(row):
            if i in spec.text_columns:
                cell.value = "" if cell.value is None else str(cell.value)
                cell.number_format = "@"
                cell.data_type = "s"
            elif i in spec.formats:
                cell.number_format = spec.formats[i]
            elif isinstance(cell.value, dt.datetime):
                cell.number_format = MOMENT_FORMAT
            elif isinstance(cell.value, dt.date):
                cell.number_format = DATE_FORMAT
    for i, width in enumerate(spec.widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    last = get_column_letter(max(1, len(spec.headers)))
    sheet.auto_filter.ref = f"A1:{last}{max(1, len(spec.rows) + 1)}"


def write_book(
    sheets: Sequence[Sheet], out_path: str | Path, stamp: dt.date, title: str = ""
) -> Path:
    """Write `sheets` (at least one) to `out_path`; `stamp` fixes the document dates."""
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    assert first is not None  # a new workbook has one sheet
    for i, spec in enumerate(sheets):
        _fill(first if i == 0 else book.create_sheet(), spec)
    moment = dt.datetime.combine(stamp, dt.time()) if not isinstance(stamp, dt.datetime) else stamp
    book.properties.creator = "SafeDesk"
    book.properties.created = moment
    book.properties.modified = moment
    book.properties.title = title or (sheets[0].title if sheets else "")
    path = Path(out_path)
    try:
        book.save(path)
    except OSError as e:
        raise SafeDeskError(
            N_("The file {path} cannot be written: {reason}."),
            path=str(path),
            reason=e.strerror or str(e),
        ) from e
    return path


def write_sheet(sheet: Sheet, out_path: str | Path, stamp: dt.date) -> Path:
    """A workbook of one sheet."""
    return write_book([sheet], out_path, stamp)
