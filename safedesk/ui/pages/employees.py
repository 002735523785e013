"""Employees: the fast table every other register picks people from."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog
from sqlalchemy import ColumnElement, SQLColumnExpression, func, or_, select

from safedesk.db.models import Employee, Position, Unit
from safedesk.domain.collation import search_text
from safedesk.i18n import N_, _, current_language, format_date
from safedesk.ui.choices import fill_positions, fill_units
from safedesk.ui.dialogs.employee import DismissDialog, EmployeeDialog
from safedesk.ui.models import Column, SelectTableModel
from safedesk.ui.widgets.table_page import TablePage


def localized_name(
    kk: SQLColumnExpression[str], ru: SQLColumnExpression[str]
) -> ColumnElement[str]:
    """SQL for the name in the current language, the other one when it is empty."""
    first, second = (kk, ru) if current_language() == "kk" else (ru, kk)
    return func.coalesce(func.nullif(first, ""), second)


def unit_with_descendants(db_session: object, unit_id: int) -> list[int]:
    from safedesk.db.units import list_units

    children: dict[int | None, list[int]] = {}
    for u in list_units(db_session):  # type: ignore[arg-type]
        children.setdefault(u.parent_id, []).append(u.id)
    found, stack = [], [unit_id]
    while stack:
        uid = stack.pop()
        found.append(uid)
        stack.extend(children.get(uid, []))
    return found


class EmployeesPage(TablePage):
    search_hint = N_("Find by name, IIN or personnel No.")

    def build_filters(self) -> None:
        self.unit_filter = QComboBox()
        self.unit_filter.setObjectName("unit_filter")
        fill_units(self.unit_filter, self.db, _("All units"))
        self.position_filter = QComboBox()
        self.position_filter.setObjectName("position_filter")
        fill_positions(self.position_filter, self.db, _("All positions"))
        self.show_dismissed = QCheckBox(_("Show dismissed"))
        self.show_dismissed.setObjectName("show_dismissed")
        for combo in (self.unit_filter, self.position_filter):
            # Long unit paths must not squeeze the search box: show ~22 characters.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(22)
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
            self.filter_bar.addWidget(combo, 1)
        self.show_dismissed.toggled.connect(lambda _on: self.apply_filters())
        self.filter_bar.addWidget(self.show_dismissed)
        self.dismiss_action = self.action(_("Dismiss…"), self.dismiss_current)
        self.import_action = self.action(_("Import roster…"), self.import_roster)

    def make_model(self) -> SelectTableModel:
        full = Employee.surname + " " + Employee.name + " " + Employee.patronymic
        columns = [
            Column(N_("Full name"), full, sort=Employee.sort_name, width=32),
            Column(N_("IIN"), Employee.iin, width=13),
            Column(N_("Personnel No."), Employee.personnel_no, width=10),
            Column(N_("Unit"), localized_name(Unit.name_kk, Unit.name_ru), width=24),
            Column(N_("Position"), localized_name(Position.name_kk, Position.name_ru), width=24),
            Column(N_("Hire date"), Employee.hire_date, show=format_date, width=10),
            Column(N_("Dismissal date"), Employee.dismissal_date, show=format_date, width=10),
        ]

        def source():  # type: ignore[no-untyped-def]
            return (
                select()
                .select_from(Employee)
                .outerjoin(Unit, Employee.unit_id == Unit.id)
                .outerjoin(Position, Employee.position_id == Position.id)
            )

        return SelectTableModel(self.db, columns, source, Employee.id, filters=self.conditions())

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = [Employee.deleted_at.is_(None)]
        text = search_text(self.search.text().strip())
        if text:
            found.append(Employee.search_text.contains(text, autoescape=True))
        unit_id = self.unit_filter.currentData()
        if unit_id is not None:
            with self.db.session() as s:
                found.append(Employee.unit_id.in_(unit_with_descendants(s, unit_id)))
        position_id = self.position_filter.currentData()
        if position_id is not None:
            found.append(Employee.position_id == position_id)
        if not self.show_dismissed.isChecked():
            today = dt.date.today()
            found.append(or_(Employee.dismissal_date.is_(None), Employee.dismissal_date > today))
        return found

    def record_dialog(self, row_id: int | None) -> QDialog:
        return EmployeeDialog(self.db, row_id, self)

    def dismiss_current(self) -> None:
        row_id = self.current_id()
        if row_id is None:
            return
        self._edit(DismissDialog(self.db, row_id, self))

    def import_roster(self) -> None:
        from safedesk.ui.dialogs.import_roster import ImportRosterDialog

        if ImportRosterDialog.run(self.db, self):
            self.refresh()
