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

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import Select
from sqlalchemy.orm import Session

from safedesk.db.engine import Database
from safedesk.forms.xlsx_sheet import Sheet, local_moment, write_book
from safedesk.i18n import _
from safedesk.ui.models import Column, SelectTableModel
from safedesk.ui.widgets.errors import show_error
from safedesk.ui.widgets.table_page import TablePage
from safedesk.ui.workers import Progress, run_job

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
    return rows_sheet(db, model.columns, model.page_query(0, 1).limit(None).offset(None), title)


def rows_sheet(
    db: Database, columns: Sequence[Column], query: Select[Any], title: str
) -> tuple[list[int], Sheet]:
    """The rows of a page's `query` (key first, then `columns`) as a sheet; any thread."""
    with db.session() as s:
        found = [tuple(r) for r in s.execute(query)]
    rows = [[cell_value(c, v) for c, v in zip(columns, r[1:], strict=True)] for r in found]
    headers = [_(c.title) for c in columns]
    widths = [max(c.width, len(h) + 2, 8) for c, h in zip(columns, headers, strict=True)]
    return [int(r[0]) for r in found], Sheet(title, headers, rows, widths)


class _Cancelled(Exception):
    pass


def export_register(
    page: TablePage,
    title: str,
    file_name: str,
    target: str | None = None,
    extra: ExtraSheets | None = None,
) -> Path | None:
    """Ask where (unless `target`), then write the page's rows; errors are shown, not raised.

    The rows are read and the workbook written on a worker thread behind a progress
    dialog with Cancel; the window keeps answering meanwhile (a register of a hundred
    thousand rows takes seconds). Returns once the file is written (None if cancelled).
    """
    if target is None:
        target, _filter = QFileDialog.getSaveFileName(
            page, _("Export to Excel"), file_name, "Excel (*.xlsx)"
        )
    if not target:
        return None
    db, columns = page.db, list(page.model.columns)
    query = page.model.page_query(0, 1).limit(None).offset(None)  # built on this thread
    path = target

    def work(progress: Progress) -> Path:
        progress(0, 0)
        ids, sheet = rows_sheet(db, columns, query, title)
        sheets = [sheet]
        if extra is not None:
            with db.session() as s:
                sheets.extend(extra(s, ids))
        if not progress(1, 2):
            raise _Cancelled()
        written = write_book(sheets, path, dt.date.today(), title)
        progress(2, 2)
        return written

    outcome: list[Any] = []
    loop = QEventLoop()

    def finish(result: Any) -> None:
        outcome.append(result)
        loop.quit()

    run_job(page, _("Export to Excel"), work, finish, finish)
    if not outcome:
        loop.exec()  # events keep flowing; the progress dialog is modal to the window
    result = outcome[0]
    if isinstance(result, _Cancelled):
        return None
    if isinstance(result, BaseException):
        show_error(page, result)
        return None
    return Path(result)
