"""The permit log of a period as an Excel workbook: real dates and times, IIN as text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from safedesk.db.permit_log import local, log_rows
from safedesk.domain.permits import PERMIT_STATE_LABELS, PERMIT_TYPE_LABELS
from safedesk.errors import SafeDeskError
from safedesk.i18n import N_, _, pick

HEADERS = (
    N_("Permit No."), N_("Type"), N_("State"), N_("Unit"), N_("Place"), N_("Work"),
    N_("Planned start"), N_("Planned end"), N_("Issued"), N_("Admitted"), N_("Closed"),
    N_("Issuer"), N_("Work supervisor"), N_("IIN of the supervisor"), N_("Admitter"),
    N_("Crew"), N_("Closure reported to"),
)  # fmt: skip
MOMENT_COLUMNS = (7, 8, 9, 10, 11)
IIN_COLUMN = 14


def write_permit_xlsx(session: Session, start: dt.date, end: dt.date, out_path: str | Path) -> Path:
    """The permits whose planned work overlaps [start, end], in number order."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet: Any = book.active
    sheet.title = _("Permits-to-work")[:31]
    sheet.append([_(h) for h in HEADERS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r in log_rows(session, start, end):
        sheet.append(
            [
                r.number,
                _(PERMIT_TYPE_LABELS[r.type]),
                _(PERMIT_STATE_LABELS[r.state]),
                pick(r.unit_kk, r.unit_ru),
                r.location,
                r.work,
                local(r.planned_start),
                local(r.planned_end),
                local(r.issued_at),
                local(r.activated_at),
                local(r.closed_at),
                r.issuer,
                r.supervisor,
                r.supervisor_iin,
                r.admitter,
                r.crew,
                r.reported_to,
            ]
        )
    for row in range(2, sheet.max_row + 1):
        for column in MOMENT_COLUMNS:
            sheet.cell(row, column).number_format = "DD.MM.YYYY HH:MM"
        iin = sheet.cell(row, IIN_COLUMN)
        iin.number_format = "@"
        iin.data_type = "s"
    sheet.freeze_panes = "A2"
    last = sheet.cell(1, len(HEADERS)).column_letter
    sheet.auto_filter.ref = f"A1:{last}{max(sheet.max_row, 1)}"
    book.properties.creator = "SafeDesk"
    fixed = dt.datetime(end.year, end.month, end.day)
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
