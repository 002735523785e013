"""Responsible persons appointed by order; the order is printed from here."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QDialog
from sqlalchemy import ColumnElement, or_, select

from safedesk.db.models import Employee, Position, ResponsibleAppointment
from safedesk.db.responsible import end_appointment
from safedesk.domain.collation import search_text
from safedesk.domain.responsibility import DUTY_TEXT, Duty
from safedesk.errors import SafeDeskError
from safedesk.i18n import N_, _, format_date
from safedesk.ui.dialogs.appointment import AppointmentDialog
from safedesk.ui.models import Column, SelectTableModel
from safedesk.ui.pages.employees import localized_name
from safedesk.ui.widgets.errors import show_error, show_problem
from safedesk.ui.widgets.table_page import TablePage


def _duties(value: object) -> str:
    codes = value if isinstance(value, list) else []
    return "; ".join(_(DUTY_TEXT[Duty(c)]) for c in codes if c in Duty._value2member_map_)


class ResponsiblePage(TablePage):
    search_hint = N_("Find by name or order No.")

    def build_filters(self) -> None:
        self.show_ended = QCheckBox(_("Show ended appointments"))
        self.show_ended.setObjectName("show_ended")
        self.show_ended.toggled.connect(lambda _on: self.apply_filters())
        self.filter_bar.addWidget(self.show_ended)
        self.print_action = self.action(_("Print order…"), self.print_order, "Ctrl+P")
        self.end_action = self.action(_("End appointment"), self.end_current)

    def make_model(self) -> SelectTableModel:
        full = Employee.surname + " " + Employee.name + " " + Employee.patronymic
        columns = [
            Column(N_("Full name"), full, sort=Employee.sort_name, width=30),
            Column(N_("Position"), localized_name(Position.name_kk, Position.name_ru), width=22),
            Column(N_("Duties"), ResponsibleAppointment.duties, show=_duties, width=40),
            Column(N_("Order No."), ResponsibleAppointment.order_no, width=10),
            Column(N_("Order date"), ResponsibleAppointment.order_date, show=format_date, width=10),
            Column(N_("Valid from"), ResponsibleAppointment.valid_from, show=format_date, width=10),
            Column(N_("Valid to"), ResponsibleAppointment.valid_to, show=format_date, width=10),
        ]

        def source():  # type: ignore[no-untyped-def]
            return (
                select()
                .select_from(ResponsibleAppointment)
                .join(Employee, ResponsibleAppointment.employee_id == Employee.id)
                .outerjoin(Position, Employee.position_id == Position.id)
            )

        return SelectTableModel(
            self.db, columns, source, ResponsibleAppointment.id, filters=self.conditions()
        )

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = [ResponsibleAppointment.deleted_at.is_(None)]
        text = search_text(self.search.text().strip())
        if text:
            found.append(
                or_(
                    Employee.search_text.contains(text, autoescape=True),
                    ResponsibleAppointment.order_no.contains(text, autoescape=True),
                )
            )
        if not self.show_ended.isChecked():
            today = dt.date.today()
            found.append(
                or_(
                    ResponsibleAppointment.valid_to.is_(None),
                    ResponsibleAppointment.valid_to >= today,
                )
            )
        return found

    def record_dialog(self, row_id: int | None) -> QDialog:
        return AppointmentDialog(self.db, row_id, self)

    def end_current(self) -> None:
        row_id = self.current_id()
        if row_id is None:
            return
        try:
            with self.db.write() as s:
                end_appointment(s, row_id, None, dt.date.today())
        except SafeDeskError as e:
            show_problem(self, e)
            return
        self.after_save(row_id)

    def print_order(self) -> None:
        row_id = self.current_id()
        if row_id is None:
            show_problem(self, SafeDeskError(N_("Select an appointment to print its order.")))
            return
        from safedesk.ui.printing import preview_form

        try:
            preview_form(self, self.db, "order", row_id)
        except Exception as e:
            show_error(self, e)
