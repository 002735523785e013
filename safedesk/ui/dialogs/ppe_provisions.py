"""Dialogs for milk issuance and for tested protective equipment."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox, QWidget
from sqlalchemy.orm import Session

from safedesk.db.engine import Database
from safedesk.db.models import ProtectiveEquipment
from safedesk.db.ppe_catalogue import list_items
from safedesk.db.ppe_equipment import (
    EquipmentFields,
    add_equipment,
    record_test,
    update_equipment,
)
from safedesk.db.ppe_milk import MilkFields, record_milk
from safedesk.domain.ppe import ItemKind
from safedesk.domain.ppe_provisions import MILK_FORM_LABELS, MilkForm
from safedesk.i18n import _, pick
from safedesk.ui.choices import fill_units
from safedesk.ui.widgets.employee_picker import EmployeePicker
from safedesk.ui.widgets.fields import DateField, combo_value, set_combo_value
from safedesk.ui.widgets.record_dialog import RecordDialog

TESTED_KINDS = (ItemKind.ELECTRICAL, ItemKind.GAS_ANALYSER, ItemKind.FALL_PROTECTION)


class MilkDialog(RecordDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, _("Milk and therapeutic nutrition"), parent)
        self.employee = self.add_field("employee_id", _("Employee"), EmployeePicker(db))
        self.month = self.add_field("month", _("Month"), DateField())
        self.month.setDisplayFormat("MM.yyyy")
        self.form_box = self.add_field("form", _("Issued as"), QComboBox())
        for form, label in MILK_FORM_LABELS.items():
            self.form_box.addItem(_(label), form)
        self.shifts = self.add_field("shifts", _("Shifts worked"), QSpinBox())
        self.shifts.setRange(0, 31)
        self.shifts.setValue(22)
        self.amount = self.add_field("amount", _("Compensation, tenge"), QSpinBox())
        self.amount.setRange(0, 10_000_000)
        self.note = self.add_field("note", _("Note"), QLineEdit())
        self.setMinimumWidth(520)

    def save(self, session: Session) -> int:
        return record_milk(
            session,
            MilkFields(
                employee_id=self.employee.value() or 0,
                month=self.month.value() or dt.date.today(),
                shifts=self.shifts.value(),
                form=MilkForm(str(combo_value(self.form_box))),
                amount_kzt=self.amount.value(),
                note=self.note.text(),
            ),
        ).id


class EquipmentDialog(RecordDialog):
    def __init__(
        self, db: Database, equipment_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, _("Protective equipment"), parent)
        self.equipment_id = equipment_id
        self.version: int | None = None
        self.item = self.add_field("item_id", _("Item"), QComboBox())
        with db.session() as s:
            for item in list_items(s, TESTED_KINDS):
                self.item.addItem(pick(item.name_kk, item.name_ru), item.id)
        self.inventory_no = self.add_field("inventory_no", _("Inventory No."), QLineEdit())
        self.interval = self.add_field(
            "test_interval_months", _("Test interval, months"), QSpinBox()
        )
        self.interval.setRange(0, 120)
        self.interval.setSpecialValueText(_("as in the catalogue"))
        self.last_test = self.add_field("last_test_date", _("Last test"), DateField(optional=True))
        self.holder = self.add_field("holder_id", _("Held by"), EmployeePicker(db))
        self.unit = self.add_field("unit_id", _("Unit"), QComboBox())
        fill_units(self.unit, db, _("— none —"))
        self.note = self.add_field("note", _("Note"), QLineEdit())
        self.setMinimumWidth(560)
        if equipment_id is not None:
            with db.session() as s:
                row = s.get(ProtectiveEquipment, equipment_id)
                if row is not None:
                    self.version = row.version
                    set_combo_value(self.item, row.item_id)
                    self.inventory_no.setText(row.inventory_no)
                    self.interval.setValue(row.test_interval_months or 0)
                    self.last_test.set_value(row.last_test_date)
                    self.holder.set_value(row.holder_id)
                    set_combo_value(self.unit, row.unit_id)
                    self.note.setText(row.note)

    def save(self, session: Session) -> int:
        fields = EquipmentFields(
            item_id=int(combo_value(self.item) or 0),  # type: ignore[call-overload]
            inventory_no=self.inventory_no.text(),
            test_interval_months=self.interval.value() or None,
            last_test_date=self.last_test.value(),
            holder_id=self.holder.value(),
            unit_id=combo_value(self.unit),  # type: ignore[arg-type]
            note=self.note.text(),
        )
        if self.equipment_id is None:
            return add_equipment(session, fields).id
        return update_equipment(session, self.equipment_id, self.version, fields).id


class TestDialog(RecordDialog):
    """A periodic test or calibration of one piece of equipment."""

    def __init__(self, db: Database, equipment_id: int, parent: QWidget | None = None) -> None:
        super().__init__(db, _("Test of protective equipment"), parent)
        self.equipment_id = equipment_id
        self.date = self.add_field("test_date", _("Test date"), DateField())
        self.passed = self.add_field("passed", _("Result"), QCheckBox(_("passed")))
        self.passed.setChecked(True)
        self.protocol = self.add_field("protocol_no", _("Protocol No."), QLineEdit())
        self.note = self.add_field("note", _("Note"), QLineEdit())

    def save(self, session: Session) -> int:
        record_test(
            session,
            self.equipment_id,
            self.date.value() or dt.date.today(),
            self.passed.isChecked(),
            self.protocol.text(),
            self.note.text(),
        )
        return self.equipment_id
