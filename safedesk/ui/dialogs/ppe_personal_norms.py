"""One employee's personal additions to the PPE norm: listed, added, removed.

An addition is an item a person gets beyond the position's norm (a doctor's advice, a
task). Each change goes through the service at once and is audited; a removed addition
is kept (soft-deleted) as the record of what the person was entitled to.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.engine import Database
from safedesk.db.models import PpeItem, PpePersonalNorm
from safedesk.db.ppe_catalogue import delete_personal_norm
from safedesk.domain.accidents import KAZAKHSTAN
from safedesk.errors import SafeDeskError
from safedesk.i18n import N_, _, format_date, pick
from safedesk.ui.dialogs.ppe_norm_set import LinesTable, button_row, wear_shown
from safedesk.ui.widgets.confirm import ask
from safedesk.ui.widgets.employee_picker import EmployeePicker
from safedesk.ui.widgets.errors import show_problem

HEADERS = (N_("Item"), N_("Quantity"), N_("Wear period"), N_("Reason"), N_("Added on"))


def added_on(moment: dt.datetime) -> str:
    """The local date a stored UTC moment falls on."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return format_date(aware.astimezone(KAZAKHSTAN).date())


def personal_rows(session: Session, employee_id: int) -> list[tuple[int, list[Any]]]:
    found = session.execute(
        select(PpePersonalNorm, PpeItem.name_kk, PpeItem.name_ru)
        .join(PpeItem, PpeItem.id == PpePersonalNorm.item_id)
        .where(PpePersonalNorm.employee_id == employee_id, PpePersonalNorm.deleted_at.is_(None))
        .order_by(PpePersonalNorm.id)
    ).all()
    return [
        (
            row.id,
            [
                pick(kk, ru),
                row.quantity,
                wear_shown(row.wear, row.wear_months),
                row.reason,
                added_on(row.created_at),
            ],
        )
        for row, kk, ru in found
    ]


class PersonalNormsDialog(QDialog):
    confirm = staticmethod(ask)

    def __init__(
        self, db: Database, employee_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(_("Personal additions to the norm"))
        self.employee = EmployeePicker(db)
        self.employee.setObjectName("employee")
        self.employee.chosen.connect(lambda _id: self.reload())
        form = QFormLayout()
        form.addRow(_("Employee"), self.employee)
        self.lines = LinesTable(HEADERS)
        self.lines.setObjectName("personal_lines")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.hint)
        button_row(
            layout,
            [(_("Add an item…"), self.add_line), (_("Remove the addition"), self.remove_line)],
        )
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.resize(760, 460)
        self.employee.set_value(employee_id)
        self.reload()

    def reload(self) -> None:
        employee_id = self.employee.value()
        if employee_id is None:
            self.lines.show_rows([])
            self.hint.setText(_("Choose the employee whose additions to see."))
            return
        with self.db.session() as s:
            rows = personal_rows(s, employee_id)
        self.lines.show_rows(rows)
        self.hint.setText("" if rows else _("No personal additions: the position's norm only."))

    def add_line(self) -> None:
        from safedesk.ui.dialogs.ppe_reference import PersonalNormDialog

        employee_id = self.employee.value()
        if employee_id is None:
            show_problem(self, SafeDeskError(N_("Choose the employee first.")))
            return
        dialog = PersonalNormDialog(self.db, self)
        dialog.employee.set_value(employee_id)
        if dialog.exec():
            self.reload()

    def remove_line(self) -> None:
        row_id = self.lines.current_id()
        if row_id is None or not self.confirm(self, _("Remove the selected personal addition?")):
            return
        try:
            with self.db.write() as s:
                delete_personal_norm(s, row_id, None)
        except SafeDeskError as e:
            show_problem(self, e)
        self.reload()
