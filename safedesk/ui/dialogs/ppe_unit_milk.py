"""Milk for a whole unit's month at once: the app proposes, the user corrects, one save.

Everyone of the unit (and its sub-units) in a harmful position who worked in the month
is listed with the working days of the month while employed (the holiday calendar) as
the proposed shifts. The user unticks, corrects shifts and confirms: every ticked line is
written in one transaction, or none, each refusal naming the person. Whoever already has
the month recorded is shown but not ticked.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QSpinBox,
    QWidget,
)

from safedesk.db.engine import Database
from safedesk.db.holidays import work_calendar
from safedesk.db.ppe_due import unit_and_descendants
from safedesk.db.ppe_milk import MilkFields, MilkProposal, propose_month, record_milk_many
from safedesk.domain.ppe_provisions import MAX_SHIFTS_A_MONTH, MILK_FORM_LABELS, MilkForm
from safedesk.errors import SafeDeskError
from safedesk.i18n import N_, _
from safedesk.ui.dialogs.unit_proposal import UnitProposalDialog
from safedesk.ui.widgets.fields import DateField

COLUMNS = (
    N_("Record"),
    N_("Full name"),
    N_("Personnel No."),
    N_("Shifts"),
    N_("Compensation, tenge"),
)
SHIFTS, AMOUNT = 3, 4


class UnitMilkDialog(UnitProposalDialog):
    def __init__(
        self, db: Database, unit_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        self.people: list[MilkProposal] = []
        self.recorded = 0
        self.month = DateField()
        self.month.setDisplayFormat("MM.yyyy")
        self.form_box = QComboBox()
        for form, label in MILK_FORM_LABELS.items():
            self.form_box.addItem(_(label), form)
        super().__init__(
            db,
            unit_id,
            title=_("Milk for a unit's month"),
            columns=COLUMNS,
            confirm_text=_("Record"),
            fields=[(_("Month"), self.month), (_("Issued as"), self.form_box)],
            parent=parent,
        )
        self.resize(860, 600)
        if unit_id is not None:
            self.propose()

    def propose(self) -> None:
        unit_id = self.unit.currentData()
        month = self.month.value() or dt.date.today()
        if unit_id is None:
            return
        with self.db.session() as s:
            units = unit_and_descendants(s, int(unit_id))
            self.people = propose_month(s, month, units, work_calendar(s))
        self.table.setRowCount(len(self.people))
        for row, p in enumerate(self.people):
            self.set_tick(row, not p.recorded, _("already recorded") if p.recorded else "")
            for column, text in ((1, p.person), (2, p.personnel_no)):
                self.set_read_only(row, column, text)
            shifts = QSpinBox()
            shifts.setRange(0, MAX_SHIFTS_A_MONTH)
            shifts.setValue(p.shifts)
            self.table.setCellWidget(row, SHIFTS, shifts)
            amount = QSpinBox()
            amount.setRange(0, 10_000_000)
            self.table.setCellWidget(row, AMOUNT, amount)
        self.table.resizeColumnsToContents()
        self.message.setText(
            _("Nobody in the unit is entitled to milk in this month.") if not self.people else ""
        )

    def _spin(self, row: int, column: int) -> int:
        widget = self.table.cellWidget(row, column)
        return widget.value() if isinstance(widget, QSpinBox) else 0

    def checked_fields(self) -> list[MilkFields]:
        month = self.month.value() or dt.date.today()
        form = MilkForm(str(self.form_box.currentData()))
        found = []
        for row in self.ticked_rows():
            p = self.people[row]
            found.append(
                MilkFields(
                    employee_id=p.employee_id,
                    month=month,
                    shifts=self._spin(row, SHIFTS),
                    form=form,
                    amount_kzt=self._spin(row, AMOUNT),
                )
            )
        return found

    def confirm_checked(self) -> None:
        fields = self.checked_fields()
        if not fields:
            self.message.setText(_("Tick at least one person to record."))
            return
        try:
            with self.db.write() as s:
                self.recorded = len(record_milk_many(s, fields))
        except SafeDeskError as e:
            self.message.setText(e.message())
            return
        self.accept()
