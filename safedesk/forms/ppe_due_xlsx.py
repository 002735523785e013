"""The PPE due list as an Excel workbook: IIN as text, real dates, frozen head, filters.

openpyxl is imported when a file is written, not when the window starts. Document
properties are fixed from the data (the date of the list), so the same list gives the
same workbook.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from safedesk.db.ppe_due import DueLine
from safedesk.domain.ppe import STATUS_LABELS, wear_text
from safedesk.errors import SafeDeskError
from safedesk.i18n import N_, _

SHEET = N_("PPE due")
HEADERS = (
    N_("Unit"),
    N_("Full name"),
    N_("IIN"),
    N_("Personnel No."),
    N_("Position"),
    N_("Item"),
    N_("Size"),
    N_("Quantity"),
    N_("Wear period"),
    N_("Last issued"),
    N_("Due date"),
    N_("Status"),
)
WIDTHS = (30, 32, 15, 12, 28, 40, 9, 10, 14, 12, 12, 18)
DATE_FORMAT = "DD.MM.YYYY"


def write_due_xlsx(lines: list[DueLine], out_path: str | Path, on: dt.date) -> Path:
    """Write `lines` (the due list of `on`) to `out_path`, headed in the window's language."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = _(SHEET)[:31]
    sheet.append([_(h) for h in HEADERS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for line in lines:
        msgid, values = wear_text(line.wear, line.wear_months)
        sheet.append(
            [
                line.unit,
                line.person,
                line.iin,
                line.personnel_no,
                line.position,
                line.item,
                line.size,
                line.quantity,
                _(msgid).format(**values),
                line.last_issued,
                line.due,
                _(STATUS_LABELS[line.status]),
            ]
        )
    for row in sheet.iter_rows(min_row=2):
        row[2].number_format = "@"  # IIN: text, leading zeros kept
        row[2].data_type = "s"
        for cell in (row[9], row[10]):
            cell.number_format = DATE_FORMAT
    for i, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(HEADERS))}{max(1, len(lines) + 1)}"
    stamp = dt.datetime.combine(on, dt.time())
    book.properties.created = stamp
    book.properties.modified = stamp
    book.properties.creator = "SafeDesk"
    book.properties.title = _(SHEET)
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
