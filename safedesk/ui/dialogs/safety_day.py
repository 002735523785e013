"""An OHS day: date, kind, topic, and who attended (ticked: present)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QWidget
from sqlalchemy.orm import Session

from safedesk.db.engine import Database
from safedesk.db.models import SafetyDay
from safedesk.db.safety_days import (
    SafetyDayFields,
    add_safety_day,
    attendance,
    expected_people,
    update_safety_day,
)
from safedesk.domain.safety_days import SAFETY_DAY_KIND_LABELS, SafetyDayKind
from safedesk.i18n import _
from safedesk.ui.choices import fill_units
from safedesk.ui.dialogs.briefing import PeopleList
from safedesk.ui.widgets.employee_picker import EmployeePicker
from safedesk.ui.widgets.fields import DateField, set_combo_value
from safedesk.ui.widgets.record_dialog import RecordDialog


class AttendanceList(PeopleList):
    """The people of the briefing dialog's list, each ticked when present."""

    def add(self, employee_id: int, present: bool = True) -> None:
        if employee_id in self.ids():
            return
        super().add(employee_id)
        item = self.list.item(self.list.count() - 1)
        item.setCheckState(Qt.CheckState.Checked if present else Qt.CheckState.Unchecked)

    def absent(self) -> set[int]:
        return {
            int(self.list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.list.count())
            if self.list.item(i).checkState() != Qt.CheckState.Checked
        }


class SafetyDayDialog(RecordDialog):
    def __init__(
        self, db: Database, day_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, _("OHS day"), parent)
        self.day_id = day_id
        self.version: int | None = None
        self.held_on = self.add_field("held_on", _("Date"), DateField())
        self.kind = QComboBox()
        for kind in SafetyDayKind:
            self.kind.addItem(_(SAFETY_DAY_KIND_LABELS[kind]), kind)
        self.add_field("kind", _("Kind"), self.kind)
        self.topic = self.add_field("topic", _("Topic"), QLineEdit())
        self.unit = QComboBox()
        fill_units(self.unit, db, _("The whole enterprise"))
        self.add_field("unit_id", _("Unit"), self.unit)
        self.leader = self.add_field("leader_id", _("Led by"), EmployeePicker(db))
        self.place = self.add_field("place", _("Place"), QLineEdit())
        self.fill = QPushButton(_("List everyone of the unit"))
        self.fill.setObjectName("fill_attendance")
        self.fill.clicked.connect(self.fill_expected)
        self.form.addRow("", self.fill)
        self.people = self.add_field(
            "people", _("Attendance (ticked: present)"), AttendanceList(db)
        )
        self.note = self.add_field("note", _("Note"), QLineEdit())
        self.held_on.dateChanged.connect(lambda _d: self._date_changed())
        self.setMinimumWidth(640)
        if day_id is not None:
            self._load(day_id)

    def _date_changed(self) -> None:
        self.people.on = self.held_on.value() or dt.date.today()

    def fill_expected(self) -> None:
        with self.db.session() as s:
            ids = expected_people(
                s, self.held_on.value() or dt.date.today(), self.unit.currentData()
            )
        for employee_id in ids:
            self.people.add(employee_id)

    def _load(self, day_id: int) -> None:
        with self.db.session() as s:
            row = s.get(SafetyDay, day_id)
            if row is None:
                return
            self.version = row.version
            self.held_on.set_value(row.held_on)
            set_combo_value(self.kind, SafetyDayKind(row.kind))
            self.topic.setText(row.topic)
            set_combo_value(self.unit, row.unit_id)
            self.leader.set_value(row.leader_id)
            self.place.setText(row.place)
            self.note.setText(row.note)
            listed = [(a.employee_id, a.present) for a in attendance(s, day_id)]
        for employee_id, present in listed:
            self.people.add(employee_id, present)

    def collect(self) -> SafetyDayFields:
        return SafetyDayFields(
            held_on=self.held_on.value() or dt.date.today(),
            kind=SafetyDayKind(self.kind.currentData()),
            topic=self.topic.text(),
            unit_id=self.unit.currentData(),
            leader_id=self.leader.value(),
            place=self.place.text(),
            note=self.note.text(),
            people=self.people.ids(),
            absent=self.people.absent(),
        )

    def save(self, session: Session) -> int:
        fields = self.collect()
        if self.day_id is None:
            return add_safety_day(session, fields).id
        return update_safety_day(session, self.day_id, self.version, fields).id
