"""The employee card: identity from the IIN, job, dates, sizes for PPE."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSpinBox, QWidget
from sqlalchemy.orm import Session

from safedesk.db.employees import (
    EmployeeFields,
    add_employee,
    dismiss_employee,
    fields_of,
    update_employee,
)
from safedesk.db.engine import Database
from safedesk.db.models import Employee
from safedesk.domain.ids import Sex, iin_birth_date, iin_problem, iin_sex
from safedesk.domain.people import ELECTRICAL_GROUPS, SEX_LABELS, group_numeral
from safedesk.errors import render
from safedesk.i18n import _, format_date
from safedesk.ui.choices import fill_positions, fill_units
from safedesk.ui.widgets.fields import DateField, combo_value, mark, set_combo_value
from safedesk.ui.widgets.record_dialog import RecordDialog


class EmployeeDialog(RecordDialog):
    def __init__(
        self, db: Database, employee_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        title = _("New employee") if employee_id is None else _("Employee")
        super().__init__(db, title, parent)
        self.employee_id = employee_id
        self.version: int | None = None

        self.iin = self.add_field("iin", _("IIN"), QLineEdit())
        self.iin.setMaxLength(12)
        self.iin.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,12}")))
        self.iin.setPlaceholderText("000000000000")
        self.iin_hint = QLabel()
        self.iin_hint.setObjectName("iin_hint")
        self.form.addRow("", self.iin_hint)
        self.surname = self.add_field("surname", _("Surname"), QLineEdit())
        self.name = self.add_field("name", _("Name"), QLineEdit())
        self.patronymic = self.add_field("patronymic", _("Patronymic"), QLineEdit())
        self.birth_date = self.add_field("birth_date", _("Birth date"), DateField(optional=True))
        self.sex = self.add_field("sex", _("Sex"), QComboBox())
        self.sex.addItem("", None)
        for sex in Sex:
            self.sex.addItem(_(SEX_LABELS[sex]), sex)
        self.personnel_no = self.add_field("personnel_no", _("Personnel No."), QLineEdit())
        self.unit = self.add_field("unit_id", _("Unit"), QComboBox())
        fill_units(self.unit, db, _("— none —"))
        self.position = self.add_field("position_id", _("Position"), QComboBox())
        fill_positions(self.position, db, _("— none —"))
        self.hire_date = self.add_field("hire_date", _("Hire date"), DateField(optional=True))
        self.dismissal_date = self.add_field(
            "dismissal_date", _("Dismissal date"), DateField(optional=True)
        )
        self.electrical_group = self.add_field(
            "electrical_group", _("Electrical-safety group"), QComboBox()
        )
        self.electrical_group.addItem(_("— none —"), None)
        for group in ELECTRICAL_GROUPS:
            self.electrical_group.addItem(group_numeral(group), group)
        self.height_field = self.add_field("height_cm", _("Height, cm"), QSpinBox())
        self.height_field.setRange(0, 250)
        self.height_field.setSpecialValueText(_("— not set —"))
        self.clothing_size = self.add_field("clothing_size", _("Clothing size"), QLineEdit())
        self.shoe_size = self.add_field("shoe_size", _("Shoe size"), QLineEdit())
        self.head_size = self.add_field("head_size", _("Head size"), QLineEdit())
        self.glove_size = self.add_field("glove_size", _("Glove size"), QLineEdit())

        self.iin.textEdited.connect(self._iin_typed)
        if employee_id is not None:
            self._load(employee_id)

    def _load(self, employee_id: int) -> None:
        with self.db.session() as s:
            employee = s.get(Employee, employee_id)
            if employee is None:
                return
            self.version = employee.version
            f = fields_of(employee)
        self.iin.setText(f.iin)
        self.surname.setText(f.surname)
        self.name.setText(f.name)
        self.patronymic.setText(f.patronymic)
        self.birth_date.set_value(f.birth_date)
        set_combo_value(self.sex, f.sex)
        self.personnel_no.setText(f.personnel_no)
        set_combo_value(self.unit, f.unit_id)
        set_combo_value(self.position, f.position_id)
        self.hire_date.set_value(f.hire_date)
        self.dismissal_date.set_value(f.dismissal_date)
        set_combo_value(self.electrical_group, f.electrical_group)
        self.height_field.setValue(f.height_cm or 0)
        self.clothing_size.setText(f.clothing_size)
        self.shoe_size.setText(f.shoe_size)
        self.head_size.setText(f.head_size)
        self.glove_size.setText(f.glove_size)

    def _iin_typed(self, text: str) -> None:
        """Say at once what is wrong with a complete IIN, and fill in what it tells."""
        mark(self.iin, None)
        if len(text) < 12:
            self.iin_hint.setText("")
            return
        problem = iin_problem(text)
        if problem is not None:
            message = render(problem.msgid, problem.values)
            mark(self.iin, message)
            self.iin_hint.setText(message)
            return
        born, sex = iin_birth_date(text), iin_sex(text)
        self.iin_hint.setText(
            _("Born {date}; sex: {sex}").format(date=format_date(born), sex=_(SEX_LABELS[sex]))
        )
        if self.birth_date.value() is None:
            self.birth_date.set_value(born)
        if combo_value(self.sex) is None:
            set_combo_value(self.sex, sex)

    def collect(self) -> EmployeeFields:
        sex = combo_value(self.sex)
        return EmployeeFields(
            iin=self.iin.text().strip(),
            surname=self.surname.text(),
            name=self.name.text(),
            patronymic=self.patronymic.text(),
            birth_date=self.birth_date.value(),
            sex=Sex(str(sex)) if sex else None,
            personnel_no=self.personnel_no.text(),
            unit_id=combo_value(self.unit),  # type: ignore[arg-type]
            position_id=combo_value(self.position),  # type: ignore[arg-type]
            hire_date=self.hire_date.value(),
            dismissal_date=self.dismissal_date.value(),
            electrical_group=combo_value(self.electrical_group),  # type: ignore[arg-type]
            height_cm=self.height_field.value() or None,
            clothing_size=self.clothing_size.text(),
            shoe_size=self.shoe_size.text(),
            head_size=self.head_size.text(),
            glove_size=self.glove_size.text(),
        )

    def save(self, session: Session) -> int:
        fields = self.collect()
        if self.employee_id is None:
            return add_employee(session, fields).id
        return update_employee(session, self.employee_id, self.version, fields).id


class DismissDialog(RecordDialog):
    """Ask the dismissal date; the person stays in every register they appear in."""

    def __init__(self, db: Database, employee_id: int, parent: QWidget | None = None) -> None:
        super().__init__(db, _("Dismiss"), parent)
        self.employee_id = employee_id
        with db.session() as s:
            employee = s.get(Employee, employee_id)
            self.version = employee.version if employee else None
            who = f"{employee.surname} {employee.name}" if employee else ""
        self.form.addRow(_("Employee"), QLabel(who))
        self.date = self.add_field("dismissal_date", _("Dismissal date"), DateField())

    def save(self, session: Session) -> int:
        value = self.date.value()
        assert value is not None  # a required date field always has one
        return dismiss_employee(session, self.employee_id, self.version, value).id
