"""Appointing a responsible person by order (roadmap item 4)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QLineEdit, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from safedesk.db.engine import Database
from safedesk.db.models import ResponsibleAppointment
from safedesk.db.responsible import AppointmentFields, appoint, update_appointment
from safedesk.domain.responsibility import DUTY_TEXT, Duty
from safedesk.i18n import _
from safedesk.ui.widgets.employee_picker import EmployeePicker
from safedesk.ui.widgets.fields import DateField
from safedesk.ui.widgets.record_dialog import RecordDialog


class AppointmentDialog(RecordDialog):
    def __init__(
        self, db: Database, appointment_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, _("Responsible person"), parent)
        self.appointment_id = appointment_id
        self.version: int | None = None
        self.employee = self.add_field("employee_id", _("Employee"), EmployeePicker(db))
        duties_box = QWidget()
        duties_layout = QVBoxLayout(duties_box)
        duties_layout.setContentsMargins(0, 0, 0, 0)
        self.duty_boxes: dict[Duty, QCheckBox] = {}
        for duty in Duty:
            box = QCheckBox(_(DUTY_TEXT[duty]))
            duties_layout.addWidget(box)
            self.duty_boxes[duty] = box
        self.add_field("duties", _("Duties"), duties_box)
        self.order_no = self.add_field("order_no", _("Order No."), QLineEdit())
        self.order_date = self.add_field("order_date", _("Order date"), DateField())
        self.valid_from = self.add_field("valid_from", _("Valid from"), DateField())
        self.valid_to = self.add_field("valid_to", _("Valid to"), DateField(optional=True))
        self.note = self.add_field("note", _("Note"), QLineEdit())
        self.setMinimumWidth(560)
        if appointment_id is not None:
            self._load(appointment_id)

    def _load(self, appointment_id: int) -> None:
        with self.db.session() as s:
            row = s.get(ResponsibleAppointment, appointment_id)
            if row is None:
                return
            self.version = row.version
            self.employee.set_value(row.employee_id)
            for duty, box in self.duty_boxes.items():
                box.setChecked(duty.value in row.duties)
            self.order_no.setText(row.order_no)
            self.order_date.set_value(row.order_date)
            self.valid_from.set_value(row.valid_from)
            self.valid_to.set_value(row.valid_to)
            self.note.setText(row.note)

    def collect(self) -> AppointmentFields:
        return AppointmentFields(
            employee_id=self.employee.value() or 0,
            duties=[d for d, box in self.duty_boxes.items() if box.isChecked()],
            order_no=self.order_no.text(),
            order_date=self.order_date.value(),
            valid_from=self.valid_from.value() or dt.date.today(),
            valid_to=self.valid_to.value(),
            note=self.note.text(),
        )

    def save(self, session: Session) -> int:
        fields = self.collect()
        if self.appointment_id is None:
            return appoint(session, fields).id
        return update_appointment(session, self.appointment_id, self.version, fields).id
