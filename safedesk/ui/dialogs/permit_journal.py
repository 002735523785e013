"""Choosing the period (and unit) of the permit journal to print or the log to export."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QWidget,
)

from safedesk.db.engine import Database
from safedesk.i18n import _
from safedesk.ui.choices import fill_units
from safedesk.ui.widgets.errors import show_error
from safedesk.ui.widgets.fields import DateField


class PeriodChoice(QDialog):
    def __init__(self, db: Database, with_unit: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Permit-to-work journal"))
        form = QFormLayout(self)
        self.unit = QComboBox()
        fill_units(self.unit, db, None)
        today = dt.date.today()
        self.date_from = DateField()
        self.date_from.set_value(today.replace(month=1, day=1))
        self.date_to = DateField()
        if with_unit:
            form.addRow(_("Unit"), self.unit)
        form.addRow(_("From"), self.date_from)
        form.addRow(_("To"), self.date_to)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def period(self) -> tuple[dt.date, dt.date]:
        today = dt.date.today()
        return self.date_from.value() or today, self.date_to.value() or today


def print_journal(parent: QWidget, db: Database) -> None:
    import tempfile
    from pathlib import Path

    from safedesk.forms.pdf.registry import render_form
    from safedesk.ui.widgets.pdf_preview import PdfPreviewDialog

    choice = PeriodChoice(db, True, parent)
    if choice.exec() != QDialog.DialogCode.Accepted or choice.unit.currentData() is None:
        return
    unit_id = int(choice.unit.currentData())
    start, end = choice.period()
    folder = Path(tempfile.mkdtemp(prefix="safedesk-print-"))

    def render(lang: str) -> Path:
        with db.session() as s:
            return render_form(
                s, "permit-journal", unit_id, folder / f"permits-{lang}.pdf", lang,
                date_from=start, date_to=end,
            )  # fmt: skip

    try:
        PdfPreviewDialog(render, "permit-journal.pdf", parent).exec()
    except Exception as e:
        show_error(parent, e)


def export_log(parent: QWidget, db: Database, path: str | None = None) -> None:
    from safedesk.forms.permit_xlsx import write_permit_xlsx

    choice = PeriodChoice(db, False, parent)
    if path is None:
        if choice.exec() != QDialog.DialogCode.Accepted:
            return
        path, _filter = QFileDialog.getSaveFileName(
            parent, _("Export to Excel"), "permits.xlsx", "Excel (*.xlsx)"
        )
    if path:
        start, end = choice.period()
        try:
            with db.session() as s:
                write_permit_xlsx(s, start, end, path)
        except Exception as e:
            show_error(parent, e)
