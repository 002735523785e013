"""An accident: what happened, victims, commission, causes, and its legal deadlines.

The deadlines are computed as the dates are typed, from the moment of the accident on
the holiday calendar. A signed act is evidence: the dialog shows it and saves nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from safedesk.db.accident_deadlines import deadline_rules
from safedesk.db.accidents import (
    AccidentFields,
    CauseFields,
    MemberFields,
    VictimFields,
    fields_of,
    register_accident,
    update_accident,
)
from safedesk.db.engine import Database
from safedesk.db.holidays import work_calendar
from safedesk.db.models import Accident
from safedesk.domain.accidents import (
    CAUSE_LABELS,
    CLASSIFICATION_LABELS,
    OUTCOME_LABELS,
    ROLE_LABELS,
    Classification,
    accident_steps,
    special_investigation,
)
from safedesk.errors import InvalidInput, Problem
from safedesk.i18n import N_, _, format_date
from safedesk.ui.choices import fill_units
from safedesk.ui.dialogs.incident_fields import (
    DateTimeField,
    enum_combo,
    measure_owners,
    risk_row_combo,
)
from safedesk.ui.dialogs.incident_table import LineColumn, LinesTable
from safedesk.ui.widgets.employee_picker import EmployeePicker
from safedesk.ui.widgets.fields import DateField, set_combo_value
from safedesk.ui.widgets.record_dialog import RecordDialog

VICTIM_COLUMNS = [
    LineColumn("full_name", "Full name"),
    LineColumn("iin", "IIN"),
    LineColumn("position", "Position"),
    LineColumn("employer", "Contractor"),
    LineColumn("outcome", "Outcome", "choice", OUTCOME_LABELS),
    LineColumn("injury", "Injury"),
    LineColumn("days_lost", "Days of incapacity", "int"),
]
MEMBER_COLUMNS = [
    LineColumn("full_name", "Full name"),
    LineColumn("position", "Position"),
    LineColumn("role", "Role", "choice", ROLE_LABELS),
]


class AccidentDialog(RecordDialog):
    def __init__(
        self, db: Database, accident_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, _("Accident"), parent)
        self.accident_id = accident_id
        self.version: int | None = None
        self.signed = False
        self._owners: list[tuple[int, str]] | None = None
        with db.session() as s:
            self.calendar = work_calendar(s)
            self.rules = deadline_rules(s)
        self.tabs = QTabWidget()
        self.form.addRow(self.tabs)
        self._build_main()
        self._build_victims()
        self._build_commission()
        self._build_causes()
        self._build_investigation()
        self.resize(900, 600)
        if accident_id is not None:
            self._load(accident_id)
        self.update_deadlines()

    # -- building -------------------------------------------------------------------------
    def _tab(self, title: str) -> QFormLayout:
        page = QWidget()
        form = QFormLayout(page)
        self.tabs.addTab(page, title)
        return form

    def _field(self, form: QFormLayout, name: str, label: str, widget: Any) -> Any:
        self.fields[name] = widget
        form.addRow(label, widget)
        return widget

    def _build_main(self) -> None:
        form = self._tab(_("Accident"))
        self.number = self._field(form, "number", _("Register No."), QLineEdit())
        self.number.setPlaceholderText(_("given on saving"))
        self.occurred_at = self._field(form, "occurred_at", _("Date and time"), DateTimeField())
        self.unit = self._field(form, "unit_id", _("Place (unit)"), QComboBox())
        fill_units(self.unit, self.db, _("— choose —"))
        self.place = self._field(form, "place", _("Exact place"), QLineEdit())
        self.classification = self._field(
            form, "classification", _("Classification"), enum_combo(CLASSIFICATION_LABELS)
        )
        self.special = QLabel()
        form.addRow("", self.special)
        self.circumstances = self._field(
            form, "circumstances", _("Circumstances"), QPlainTextEdit()
        )
        self.occurred_at.dateTimeChanged.connect(lambda _v: self.update_deadlines())
        self.classification.currentIndexChanged.connect(lambda _i: self.update_deadlines())

    def _lines_tab(self, title: str, name: str, table: LinesTable) -> QHBoxLayout:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(table)
        buttons = QHBoxLayout()
        layout.addLayout(buttons)
        self.fields[name] = table
        self.tabs.addTab(page, title)
        return buttons

    def _build_victims(self) -> None:
        self.victims = LinesTable(VICTIM_COLUMNS)
        buttons = self._lines_tab(_("Victims"), "victims", self.victims)
        self.victim_picker = EmployeePicker(self.db)
        add_employee = QPushButton(_("Add the employee"))
        add_employee.clicked.connect(self.add_employee_victim)
        add_other = QPushButton(_("Add a contractor's worker"))
        add_other.clicked.connect(lambda: self.victims.add_line({"outcome": "light"}))
        remove = QPushButton(_("Remove"))
        remove.clicked.connect(self.victims.remove_current)
        buttons.addWidget(self.victim_picker, 2)
        for b in (add_employee, add_other, remove):
            buttons.addWidget(b)

    def _build_commission(self) -> None:
        self.commission = LinesTable(MEMBER_COLUMNS)
        buttons = self._lines_tab(_("Commission"), "commission", self.commission)
        add = QPushButton(_("Add a member"))
        add.clicked.connect(lambda: self.commission.add_line({"role": "member"}))
        remove = QPushButton(_("Remove"))
        remove.clicked.connect(self.commission.remove_current)
        buttons.addStretch(1)
        buttons.addWidget(add)
        buttons.addWidget(remove)

    def _build_causes(self) -> None:
        columns = [
            LineColumn("description", "Cause"),
            LineColumn("kind", "Kind", "choice", CAUSE_LABELS),
            LineColumn("measure", "Measure"),
            LineColumn("owner_id", N_("Measure owner"), "choice", make_combo=self._owner_combo),
            LineColumn("due", "Due date", "date"),
            LineColumn("done_on", "Done on", "date"),
            LineColumn(
                "risk_row_id",
                "WRAC row to revise",
                "choice",
                make_combo=lambda: risk_row_combo(self.db),
            ),
        ]
        self.causes = LinesTable(columns)
        buttons = self._lines_tab(_("Causes"), "causes", self.causes)
        add = QPushButton(_("Add a cause"))
        add.clicked.connect(lambda: self.causes.add_line({"kind": "organisational"}))
        remove = QPushButton(_("Remove"))
        remove.clicked.connect(self.causes.remove_current)
        buttons.addStretch(1)
        buttons.addWidget(add)
        buttons.addWidget(remove)

    def _build_investigation(self) -> None:
        form = self._tab(_("Investigation"))
        self.notified_on = self._field(
            form, "notified_on", _("Labour inspection notified on"), DateField(optional=True)
        )
        self.commission_on = self._field(
            form, "commission_on", _("Commission formed on"), DateField(optional=True)
        )
        self.commission_order_no = self._field(
            form, "commission_order_no", _("Order No. forming it"), QLineEdit()
        )
        self.investigated_on = self._field(
            form, "investigated_on", _("Investigation completed on"), DateField(optional=True)
        )
        self.act_no = self._field(form, "act_no", _("Act No."), QLineEdit())
        self.act_on = self._field(form, "act_on", _("Act dated"), DateField(optional=True))
        for field in (self.notified_on, self.commission_on, self.investigated_on, self.act_on):
            field.dateChanged.connect(lambda _d: self.update_deadlines())
        box = QGroupBox(_("Legal deadlines"))
        self.deadline_grid = QGridLayout(box)
        form.addRow(box)

    # -- deadlines ------------------------------------------------------------------------
    def update_deadlines(self) -> None:
        while self.deadline_grid.count():
            item = self.deadline_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        today = dt.date.today()
        steps = accident_steps(
            self.occurred_at.value(),
            self.calendar,
            notified_on=self.notified_on.value(),
            commission_on=self.commission_on.value(),
            investigated_on=self.investigated_on.value(),
            act_on=self.act_on.value(),
            rules=self.rules,
        )
        for row, step in enumerate(steps):
            if step.done is not None:
                state = _("done late") if step.late() else _("done")
            else:
                state = _("OVERDUE") if step.overdue(today) else _("to do")
            cells = [
                _(step.what),
                _("by {date}").format(date=format_date(step.due)),
                format_date(step.done),
                state,
            ]
            for col, text in enumerate(cells):
                label = QLabel(text)
                label.setObjectName(f"deadline_{step.key.value}_{col}")
                if step.overdue(today):
                    label.setStyleSheet("color: #c0392b; font-weight: 600;")
                self.deadline_grid.addWidget(label, row, col)
        kind = Classification(str(self.classification.currentData()))
        self.special.setText(
            _("Special investigation (severe, group or fatal accident).")
            if special_investigation(kind)
            else ""
        )

    def deadlines_shown(self) -> list[str]:
        """The deadline lines as shown, for tests and screen readers."""
        texts = []
        for row in range(self.deadline_grid.rowCount()):
            cells = []
            for col in range(4):
                item = self.deadline_grid.itemAtPosition(row, col)
                widget = item.widget() if item is not None else None
                if isinstance(widget, QLabel):
                    cells.append(widget.text())
            texts.append(" | ".join(cells))
        return texts

    def _owner_combo(self) -> QComboBox:
        """Who carries out a cause's measure: staff in service, and whoever already does."""
        if self._owners is None:
            self._owners = measure_owners(self.db, self.accident_id)
        combo = QComboBox()
        combo.addItem(_("— none —"), None)
        for employee_id, label in self._owners:
            combo.addItem(label, employee_id)
        return combo

    # -- victims ----------------------------------------------------------------------------
    def add_employee_victim(self) -> None:
        employee_id = self.victim_picker.value()
        if employee_id is None:
            return
        from safedesk.db.models import Employee
        from safedesk.domain.people import full_name

        with self.db.session() as s:
            e = s.get(Employee, employee_id)
            if e is None:
                return
            values = {
                "full_name": full_name(e.surname, e.name, e.patronymic),
                "iin": e.iin,
                "position": e.position.name_ru if e.position else "",
                "outcome": "light",
            }
        self.victims.add_line(values, hidden=employee_id)

    # -- load and save ----------------------------------------------------------------------
    def _load(self, accident_id: int) -> None:
        with self.db.session() as s:
            row = s.get(Accident, accident_id)
            if row is None:
                return
            self.version, self.signed = row.version, row.signed
            f = fields_of(row)
        self.number.setText(f.number)
        if f.occurred_at is not None:
            self.occurred_at.set_value(f.occurred_at)
        set_combo_value(self.unit, f.unit_id)
        self.place.setText(f.place)
        set_combo_value(self.classification, f.classification)
        self.circumstances.setPlainText(f.circumstances)
        for v in f.victims:
            self.victims.add_line(vars(v), hidden=v.employee_id)
        for m in f.commission:
            self.commission.add_line(vars(m), hidden=m.employee_id)
        for c in f.causes:
            self.causes.add_line(vars(c))
        self.notified_on.set_value(f.notified_on)
        self.commission_on.set_value(f.commission_on)
        self.commission_order_no.setText(f.commission_order_no)
        self.investigated_on.set_value(f.investigated_on)
        self.act_no.setText(f.act_no)
        self.act_on.set_value(f.act_on)
        if self.signed:
            self.message.setText(
                _(
                    "The act is signed: this record is evidence and read-only. "
                    "Use “Correct” on the register to make a corrected copy."
                )
            )
            self.message.show()
            save = self.buttons.button(self.buttons.StandardButton.Save)
            if save is not None:
                save.setEnabled(False)

    def collect(self) -> AccidentFields:
        victims, bad_v = self.victims.lines()
        members, bad_m = self.commission.lines()
        causes, bad_c = self.causes.lines()
        bad = [("victims", b) for b in bad_v] + [("commission", b) for b in bad_m]
        bad += [("causes", b) for b in bad_c]
        if bad:
            raise InvalidInput(
                [
                    Problem(field, N_("This cell cannot be read: {cell}."), {"cell": text})
                    for field, text in bad
                ]
            )
        return AccidentFields(
            occurred_at=self.occurred_at.value(),
            unit_id=self.unit.currentData(),
            classification=str(self.classification.currentData()),
            victims=[
                VictimFields(employee_id=self.victims.hidden(i), **v) for i, v in enumerate(victims)
            ],
            place=self.place.text(),
            circumstances=self.circumstances.toPlainText(),
            commission=[
                MemberFields(employee_id=self.commission.hidden(i), **m)
                for i, m in enumerate(members)
            ],
            causes=[CauseFields(**c) for c in causes],
            number=self.number.text(),
            notified_on=self.notified_on.value(),
            commission_on=self.commission_on.value(),
            commission_order_no=self.commission_order_no.text(),
            investigated_on=self.investigated_on.value(),
            act_no=self.act_no.text(),
            act_on=self.act_on.value(),
        )

    def save(self, session: Session) -> int:
        fields = self.collect()
        if self.accident_id is None:
            return register_accident(session, fields).id
        return update_accident(session, self.accident_id, self.version, fields).id
