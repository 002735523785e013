"""registers.xlsx: one sheet per register of the period (DESIGN.md §5).

The header row is frozen and has filters; IIN and BIN are text (format "@"), so the
leading zeros of people born in 2000-2009 stay; dates are real Excel dates; a text that
starts with "=" stays text, never a formula. Written in openpyxl's write-only mode
(rows are streamed, not held as cells) into a zip with fixed dates, and with document
properties from the period, so the same data gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from typing import Any

from safedesk.db.exports import Kind, Sheet, Value
from safedesk.forms.package.archive import FixedZipFile
from safedesk.forms.pdf.text import Texts

NAME = "registers.xlsx"
DATE_FORMAT = "DD.MM.YYYY"
# Characters XML 1.0 cannot carry; openpyxl refuses them.
ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
WIDTHS = {Kind.DATE: 12.0, Kind.IIN: 15.0, Kind.NUMBER: 10.0}
SAMPLE_ROWS = 200


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))


def _width(sheet: Sheet, column: int, header: str) -> float:
    kind = sheet.kinds[column]
    longest = max(
        (len(str(row[column])) for row in sheet.rows[:SAMPLE_ROWS] if row[column] is not None),
        default=0,
    )
    header_width = max(len(part) for part in header.split("\n"))
    if kind in WIDTHS:
        return max(WIDTHS[kind], min(header_width, 24) + 2.0)
    return float(min(max(longest, header_width, 8) + 2, 60))


def _writer(ws: Any, kinds: Sequence[Kind]) -> Any:
    """A function turning a row of values into what the write-only sheet appends."""
    from openpyxl.cell import WriteOnlyCell

    def text(value: Value) -> Any:
        if value is None:
            return None
        value = str(value)
        if ILLEGAL.search(value):
            value = ILLEGAL.sub("", value)
        if value.startswith("="):
            cell = WriteOnlyCell(ws, value)
            cell.data_type = "s"
            return cell
        return value

    def iin(value: Value) -> Any:
        if value is None:
            return None
        cell = WriteOnlyCell(ws, str(value))
        cell.number_format = "@"
        return cell

    def date(value: Value) -> Any:
        if value is None:
            return None
        cell = WriteOnlyCell(ws, value)
        cell.number_format = DATE_FORMAT
        return cell

    def number(value: Value) -> Any:
        return value

    by_kind = {Kind.TEXT: text, Kind.IIN: iin, Kind.DATE: date, Kind.NUMBER: number}
    convert = [by_kind[kind] for kind in kinds]

    def row(values: Sequence[Value]) -> list[Any]:
        return [f(v) for f, v in zip(convert, values, strict=True)]

    return row


def _add_sheet(book: Any, sheet: Sheet, t: Texts) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font

    ws = book.create_sheet(title=sheet.name[:31])
    headers = [t.joined(h, sep="\n") for h in sheet.headers]
    last = _column_letter(max(len(headers), 1))
    for index, header in enumerate(headers, start=1):
        ws.column_dimensions[_column_letter(index)].width = _width(sheet, index - 1, header)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{last}{len(sheet.rows) + 1}"
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    lines = max((h.count("\n") + 1 for h in headers), default=1)
    ws.row_dimensions[1].height = 15 * lines
    head = []
    for header in headers:
        cell = WriteOnlyCell(ws, header)
        cell.data_type = "s"
        cell.font, cell.alignment = bold, wrap
        head.append(cell)
    ws.append(head)
    row = _writer(ws, sheet.kinds)
    for values in sheet.rows:
        ws.append(row(values))


def registers_xlsx(sheets: Sequence[Sheet], t: Texts, day: dt.date) -> bytes:
    """The workbook as bytes; `day` dates its properties and its zip entries."""
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    book = Workbook(write_only=True)
    for sheet in sheets:
        _add_sheet(book, sheet, t)
    if not sheets:  # a workbook needs a sheet to open
        book.create_sheet(title="registers")
    stamp = dt.datetime(day.year, day.month, day.day)
    book.properties.creator = "SafeDesk"
    book.properties.lastModifiedBy = "SafeDesk"
    book.properties.title = NAME
    book.properties.created = stamp
    book.properties.modified = stamp
    buffer = io.BytesIO()
    # ExcelWriter, not Workbook.save: save() stamps `modified` with the clock.
    with FixedZipFile(buffer, day) as archive:
        ExcelWriter(book, archive).save()
    return buffer.getvalue()
