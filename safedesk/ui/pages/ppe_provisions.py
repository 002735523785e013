"""Milk and therapeutic nutrition; protective equipment with its test dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QWidget
from sqlalchemy import ColumnElement, Select, or_, select

from safedesk.db.engine import Database, casefold
from safedesk.db.models import Employee, MilkIssue, PpeItem, ProtectiveEquipment
from safedesk.db.text_search import person_matches
from safedesk.db.walked_first import WalkedFirst
from safedesk.domain.collation import search_text
from safedesk.domain.due import DUE_SOON_DAYS
from safedesk.domain.ppe import DueStatus
from safedesk.domain.ppe_provisions import MILK_FORM_LABELS, MilkForm, litres
from safedesk.errors import SafeDeskError
from safedesk.i18n import N_, _, format_date
from safedesk.ui.choices import fill_units
from safedesk.ui.dialogs.ppe_provisions import EquipmentDialog, MilkDialog, TestDialog
from safedesk.ui.models import Column, SelectTableModel
from safedesk.ui.pages.employees import localized_name
from safedesk.ui.pages.incident_columns import newest_first
from safedesk.ui.pages.ppe_due import STATUS_COLOURS
from safedesk.ui.widgets.errors import show_error, show_problem
from safedesk.ui.widgets.table_page import TablePage

FULL = Employee.surname + " " + Employee.name + " " + Employee.patronymic
MILK_PERSON_COLUMNS = {1, 2}  # Full name, Personnel No.: sorted by the person


def _form(value: object) -> str:
    try:
        return _(MILK_FORM_LABELS[MilkForm(str(value))])
    except ValueError:
        return str(value)


def _month(value: object) -> str:
    return value.strftime("%m.%Y") if isinstance(value, dt.date) else ""


def _litres(value: object) -> str:
    return litres(int(value)) if isinstance(value, int) and value else ""


def _test_colour(value: object, today: dt.date | None = None) -> str | None:
    """Red when the next test is past, amber within 30 days: as the PPE due list shows."""
    if not isinstance(value, dt.date):
        return None
    today = today or dt.date.today()
    if value < today:
        return STATUS_COLOURS[DueStatus.OVERDUE]
    if value <= today + dt.timedelta(days=DUE_SOON_DAYS):
        return STATUS_COLOURS[DueStatus.DUE_SOON]
    return None


def _unit_combo(page: TablePage) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName("unit_filter")
    fill_units(combo, page.db, _("All units"))
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(22)
    combo.currentIndexChanged.connect(lambda _i: page.apply_filters())
    page.filter_bar.addWidget(combo, 1)
    return combo


def _in_unit(page: TablePage, combo: QComboBox, column: object) -> list[ColumnElement[bool]]:
    unit_id = combo.currentData()
    if unit_id is None:
        return []
    from safedesk.db.ppe_due import unit_and_descendants

    with page.db.session() as s:
        return [column.in_(unit_and_descendants(s, unit_id))]  # type: ignore[attr-defined]


class MilkPage(TablePage):
    search_hint = N_("Find by name, IIN or personnel No.")

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        newest_first(self)

    def build_filters(self) -> None:
        self.unit_filter = _unit_combo(self)
        self.unit_month_action = self.action(_("Record for a unit…"), self.record_unit_month)
        self.statement_action = self.action(_("Print monthly statement…"), self.print_statement)

    def make_model(self) -> SelectTableModel:
        columns = [
            # Full name and Personnel No. are MILK_PERSON_COLUMNS
            Column(N_("Month"), MilkIssue.month, show=_month, width=8),
            Column(N_("Full name"), FULL, sort=Employee.sort_name, width=30),
            Column(N_("Personnel No."), Employee.personnel_no, width=9),
            Column(N_("Issued as"), MilkIssue.form, show=_form, width=16),
            Column(N_("Shifts"), MilkIssue.shifts, align_right=True, width=6),
            Column(N_("Litres"), MilkIssue.quantity_ml, show=_litres, align_right=True, width=6),
            Column(N_("Compensation, tenge"), MilkIssue.amount_kzt, align_right=True, width=10),
        ]

        def rows_for(column: int) -> Select[Any]:
            # Sorted by the person, the people are walked first (their index, then each
            # one's issues): the first batch stops at its LIMIT instead of sorting them all.
            issues, people = MilkIssue.__table__, Employee.__table__
            on = MilkIssue.employee_id == Employee.id
            if column in MILK_PERSON_COLUMNS:
                return select().select_from(WalkedFirst(people, issues, on))
            return select().select_from(issues.join(people, on))

        return SelectTableModel(
            self.db,
            columns,
            lambda: rows_for(0),
            MilkIssue.id,
            filters=self.conditions(),
            source_for_order=rows_for,
        )

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = [MilkIssue.deleted_at.is_(None)]
        text = search_text(self.search.text().strip())
        if text:
            found.append(person_matches(MilkIssue.employee_id, text))
        return found + _in_unit(self, self.unit_filter, Employee.unit_id)

    def record_dialog(self, row_id: int | None) -> QDialog | None:
        return MilkDialog(self.db, self) if row_id is None else None

    def record_unit_month(self) -> None:
        from safedesk.ui.dialogs.ppe_unit_milk import UnitMilkDialog

        self._edit(UnitMilkDialog(self.db, self.unit_filter.currentData(), self))

    def print_statement(self) -> None:
        unit_id = self.unit_filter.currentData()
        if unit_id is None:
            show_problem(self, SafeDeskError(N_("Choose the unit whose statement to print.")))
            return
        from safedesk.ui.printing import preview_form

        try:
            preview_form(self, self.db, "milk-statement", int(unit_id))
        except Exception as e:
            show_error(self, e)


class ProtectiveEquipmentPage(TablePage):
    search_hint = N_("Find by inventory No., item or holder")
    confirm: Callable[[QWidget, str], bool] | None = None  # tests answer; None asks the user

    def build_filters(self) -> None:
        self.unit_filter = _unit_combo(self)
        self.test_action = self.action(_("Record a test…"), self.record_test)
        self.retire_action = self.action(_("Retire…"), self.retire_current)

    def make_model(self) -> SelectTableModel:
        columns = [
            Column(
                N_("Next test"),
                ProtectiveEquipment.next_test_date,
                show=format_date,
                width=17,
                colour=_test_colour,
            ),
            Column(N_("Inventory No."), ProtectiveEquipment.inventory_no, width=10),
            Column(N_("Item"), localized_name(PpeItem.name_kk, PpeItem.name_ru), width=40),
            Column(N_("Last test"), ProtectiveEquipment.last_test_date, show=format_date, width=16),
            Column(N_("Interval, months"), ProtectiveEquipment.test_interval_months, width=15),
            Column(N_("Held by"), FULL, sort=Employee.sort_name, width=28),
        ]

        def source():  # type: ignore[no-untyped-def]
            return (
                select()
                .select_from(ProtectiveEquipment)
                .join(PpeItem, ProtectiveEquipment.item_id == PpeItem.id)
                .outerjoin(Employee, ProtectiveEquipment.holder_id == Employee.id)
            )

        return SelectTableModel(
            self.db, columns, source, ProtectiveEquipment.id, filters=self.conditions()
        )

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = [ProtectiveEquipment.deleted_at.is_(None)]
        text = search_text(self.search.text().strip())
        if text:
            found.append(
                or_(
                    casefold(ProtectiveEquipment.inventory_no).contains(text, autoescape=True),
                    PpeItem.search_text.contains(text, autoescape=True),
                    Employee.search_text.contains(text, autoescape=True),
                )
            )
        return found + _in_unit(self, self.unit_filter, ProtectiveEquipment.unit_id)

    def record_dialog(self, row_id: int | None) -> QDialog:
        return EquipmentDialog(self.db, row_id, self)

    def record_test(self) -> None:
        row_id = self.current_id()
        if row_id is None:
            show_problem(self, SafeDeskError(N_("Select the equipment that was tested.")))
            return
        self._edit(TestDialog(self.db, row_id, self))

    def retire_current(self) -> None:
        from safedesk.db.ppe_equipment import retire_equipment
        from safedesk.ui.widgets.confirm import ask

        row_id = self.current_id()
        if row_id is None:
            show_problem(self, SafeDeskError(N_("Select the equipment to retire.")))
            return
        question = _(
            "Retire the selected equipment? It leaves the list and the due list; "
            "its tests stay on record."
        )
        if not (self.confirm or ask)(self, question):
            return
        try:
            with self.db.write() as s:
                retire_equipment(s, row_id, None)
        except SafeDeskError as e:
            show_problem(self, e)
            return
        self.after_save(None)
