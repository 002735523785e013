"""Export what a register page shows (its filters, its sort) to an Excel workbook.

The page's own columns and query are written, so the file matches the screen — an
anonymous reporter stays anonymous — but with real values: dates and moments as Excel
dates, numbers as numbers, enum values as their translated labels.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog
from sqlalchemy.orm import Session

from safedesk.db.engine import Database
from safedesk.forms.xlsx_sheet import Sheet, local_moment, write_book
from safedesk.i18n import _
from safedesk.ui.models import Column, SelectTableModel
from safedesk.ui.widgets.errors import show_error
from safedesk.ui.widgets.table_page import TablePage

# Extra sheets of an export: given the ids written (in order), more sheets.
ExtraSheets = Callable[[Session, list[int]], Sequence[Sheet]]


def cell_value(column: Column, value: Any) -> Any:
    """What one cell of the table holds in Excel."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return local_moment(value)
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        return column.show(value) if column.show is not None else value
    if isinstance(value, float):
        return round(value, 1)
    if isinstance(value, int):
        return value
    return column.show(value) if column.show is not None else value


def model_sheet(db: Database, model: SelectTableModel, title: str) -> tuple[list[int], Sheet]:
    """Every row the model matches (not only those loaded), in its order, as a sheet."""
    query = model.page_query(0, 1).limit(None).offset(None)
    with db.session() as s:
        found = [tuple(r) for r in s.execute(query)]
    rows = [[cell_value(c, v) for c, v in zip(model.columns, r[1:], strict=True)] for r in found]
    headers = [_(c.title) for c in model.columns]
    widths = [max(c.width, len(h) + 2, 8) for c, h in zip(model.columns, headers, strict=True)]
    return [int(r[0]) for r in found], Sheet(title, headers, rows, widths)


def export_register(
    page: TablePage,
    title: str,
    file_name: str,
    target: str | None = None,
    extra: ExtraSheets | None = None,
) -> Path | None:
    """Ask where (unless `target`), then write the page's rows; errors are shown, not raised."""
    if target is None:
        target, _filter = QFileDialog.getSaveFileName(
            page, _("Export to Excel"), file_name, "Excel (*.xlsx)"
        )
    if not target:
        return None
    try:
        ids, sheet = model_sheet(page.db, page.model, title)
        sheets = [sheet]
        if extra is not None:
            with page.db.session() as s:
                sheets.extend(extra(s, ids))
        return write_book(sheets, target, dt.date.today(), title)
    except Exception as e:
        show_error(page, e)
        return None
