"""The due list as an Excel sheet: real dates, frozen header, filters on."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from safedesk.domain.due import DueItem
from safedesk.errors import SafeDeskError
from safedesk.i18n import N_, _

HEADERS = (N_("Due"), N_("Overdue"), N_("What"), N_("Who"), N_("Register"), N_("Record No."))


def write_due_list_xlsx(
    items: list[DueItem], register_titles: dict[str, str], today: dt.date, out_path: str | Path
) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = _("What is due")[:31]
    sheet.append([_(h) for h in HEADERS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for item in items:
        sheet.append(
            [
                item.due,
                _("yes") if item.due < today else "",
                _(item.what),
                item.who,
                _(register_titles.get(item.register, item.register)),
                item.record_id,
            ]
        )
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row=row, column=1).number_format = "DD.MM.YYYY"
    for column, width in zip("ABCDEF", (12, 10, 40, 36, 24, 10), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:F{max(sheet.max_row, 1)}"
    # Fixed properties: the same list exported twice gives the same file.
    book.properties.creator = "SafeDesk"
    fixed = dt.datetime(today.year, today.month, today.day)
    book.properties.created = fixed
    book.properties.modified = fixed
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
