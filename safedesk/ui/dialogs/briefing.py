"""Registering a briefing for one person or a whole group (a unit, a position, a list)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)
from sqlalchemy.orm import Session

from safedesk.db.briefings import (
    BriefingFields,
    briefing_problems,
    briefing_warnings,
    people_of,
    register_briefings,
    update_briefing,
)
from safedesk.db.engine import Database
from safedesk.db.models import Briefing
from safedesk.db.rows import refuse
from safedesk.domain.training import BRIEFING_KIND_LABELS, BriefingKind
from safedesk.errors import InvalidInput
from safedesk.i18n import _
from safedesk.ui.choices import employee_label, fill_positions, fill_units
from safedesk.ui.widgets.employee_picker import EmployeePicker
from safedesk.ui.widgets.fields import DateField, set_combo_value
from safedesk.ui.widgets.record_dialog import RecordDialog


class PeopleList(QWidget):
    """The people briefed: added by unit, by position or one by one."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.unit = QComboBox()
        self.unit.setObjectName("group_unit")
        fill_units(self.unit, db, _("— unit —"))
        self.position = QComboBox()
        self.position.setObjectName("group_position")
        fill_positions(self.position, db, _("— any position —"))
        self.add_group = QPushButton(_("Add everyone"))
        self.add_group.setObjectName("add_group")
        self.add_group.clicked.connect(self._add_group)
        self.picker = EmployeePicker(db)
        self.add_one = QPushButton(_("Add"))
        self.add_one.clicked.connect(self._add_one)
        self.list = QListWidget()
        self.list.setObjectName("people")
        self.list.setMinimumHeight(140)
        self.remove = QPushButton(_("Remove"))
        self.remove.clicked.connect(self._remove)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.unit, 0, 0)
        grid.addWidget(self.position, 0, 1)
        grid.addWidget(self.add_group, 0, 2)
        grid.addWidget(self.picker, 1, 0, 1, 2)
        grid.addWidget(self.add_one, 1, 2)
        grid.addWidget(self.list, 2, 0, 1, 2)
        grid.addWidget(self.remove, 2, 2, Qt.AlignmentFlag.AlignTop)
        self.on = dt.date.today()

    def ids(self) -> list[int]:
        return [
            int(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
        ]

    def add(self, employee_id: int) -> None:
        if employee_id in self.ids():
            return
        item = QListWidgetItem(employee_label(self.db, employee_id))
        item.setData(Qt.ItemDataRole.UserRole, employee_id)
        self.list.addItem(item)

    def lock(self) -> None:
        """An existing journal line: its person stays."""
        for w in (self.unit, self.position, self.add_group, self.picker, self.add_one, self.remove):
            w.setEnabled(False)

    def _add_group(self) -> None:
        unit_id, position_id = self.unit.currentData(), self.position.currentData()
        if unit_id is None and position_id is None:
            return
        with self.db.session() as s:
            for employee_id in people_of(s, self.on, unit_id, position_id):
                self.add(employee_id)

    def _add_one(self) -> None:
        employee_id = self.picker.value()
        if employee_id is not None:
            self.add(employee_id)

    def _remove(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))


class BriefingDialog(RecordDialog):
    def __init__(
        self, db: Database, briefing_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, _("Briefing"), parent)
        self.briefing_id = briefing_id
        self.version: int | None = None
        self.warned = False
        self.kind = QComboBox()
        for kind in BriefingKind:
            self.kind.addItem(_(BRIEFING_KIND_LABELS[kind]), kind)
        set_combo_value(self.kind, BriefingKind.REPEATED)  # the usual group briefing
        self.add_field("kind", _("Kind"), self.kind)
        self.held_on = self.add_field("date", _("Date"), DateField())
        self.instructor = self.add_field("instructor_id", _("Instructor"), EmployeePicker(db))
        self.people = self.add_field("people", _("People briefed"), PeopleList(db))
        self.topic = self.add_field("topic", _("Topic"), QLineEdit())
        self.instructions = self.add_field("instructions", _("Instructions No."), QLineEdit())
        self.reason = self.add_field("reason", _("Reason (unscheduled)"), QLineEdit())
        self.held_on.dateChanged.connect(lambda _d: self._date_changed())
        self.setMinimumWidth(640)
        if briefing_id is not None:
            self._load(briefing_id)

    def _date_changed(self) -> None:
        self.people.on = self.held_on.value() or dt.date.today()
        self.warned = False

    def _load(self, briefing_id: int) -> None:
        with self.db.session() as s:
            row = s.get(Briefing, briefing_id)
            if row is None:
                return
            self.version = row.version
            set_combo_value(self.kind, BriefingKind(row.kind))
            self.held_on.set_value(row.held_on)
            self.instructor.set_value(row.instructor_id)
            self.people.add(row.employee_id)
            self.topic.setText(row.topic)
            self.instructions.setText(row.instructions)
            self.reason.setText(row.reason)
        self.people.lock()

    def collect(self) -> BriefingFields:
        return BriefingFields(
            kind=BriefingKind(self.kind.currentData()),
            held_on=self.held_on.value() or dt.date.today(),
            instructor_id=self.instructor.value(),
            employee_ids=self.people.ids(),
            topic=self.topic.text(),
            instructions=self.instructions.text(),
            reason=self.reason.text(),
        )

    def save(self, session: Session) -> int:
        fields = self.collect()
        if not self.warned:
            refuse(briefing_problems(session, fields, dt.date.today()))
            warnings = briefing_warnings(session, fields)
            if warnings:
                # Said once; Save again registers the briefing all the same.
                self.warned = True
                self.buttons.button(self.buttons.StandardButton.Save).setText(_("Save anyway"))
                raise InvalidInput(warnings)
        if self.briefing_id is None:
            rows = register_briefings(session, fields)
            return rows[0].id
        return update_briefing(session, self.briefing_id, self.version, fields).id
