"""The due list as an Excel sheet: real dates, frozen header, filters on."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from safedesk.domain.due import DueItem
from safedesk.forms.xlsx_sheet import Sheet, write_sheet
from safedesk.i18n import N_, _

HEADERS = (N_("Due"), N_("Overdue"), N_("What"), N_("Who"), N_("Register"), N_("Record No."))


def write_due_list_xlsx(
    items: list[DueItem], register_titles: dict[str, str], today: dt.date, out_path: str | Path
) -> Path:
    rows = [
        [
            item.due,
            _("yes") if item.due < today else "",
            _(item.what),
            item.who,
            _(register_titles.get(item.register, item.register)),
            item.record_id,
        ]
        for item in items
    ]
    sheet = Sheet(
        title=_("What is due")[:31],
        headers=[_(h) for h in HEADERS],
        rows=rows,
        widths=(12, 10, 40, 36, 24, 10),
    )
    return write_sheet(sheet, out_path, today)
