"""Examination commissions: who checks knowledge, formed by which order."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog
from sqlalchemy import ColumnElement, func, or_, select

from safedesk.db.check_commissions import delete_commission
from safedesk.db.engine import casefold
from safedesk.db.models import CheckCommission, CommissionMember, Employee
from safedesk.domain.collation import search_text
from safedesk.i18n import N_, _, format_date
from safedesk.ui.dialogs.commission import CommissionDialog
from safedesk.ui.models import Column, SelectTableModel
from safedesk.ui.widgets.table_page import TablePage


class CommissionsPage(TablePage):
    search_hint = N_("Find by name, order No. or chair")

    def build_filters(self) -> None:
        self.delete_action = self.action(_("Delete"), self.delete_current)

    def make_model(self) -> SelectTableModel:
        chair = Employee.surname + " " + Employee.name + " " + Employee.patronymic
        members = (
            select(func.count(CommissionMember.id))
            .where(CommissionMember.commission_id == CheckCommission.id)
            .scalar_subquery()
        )
        columns = [
            Column(N_("Title"), CheckCommission.name, width=30),
            Column(N_("Order No."), CheckCommission.order_no, width=10),
            Column(N_("Order date"), CheckCommission.order_date, show=format_date, width=10),
            Column(N_("Chair"), chair, sort=Employee.sort_name, width=28),
            Column(N_("Members"), members, align_right=True, width=8),
        ]

        def source():  # type: ignore[no-untyped-def]
            return (
                select()
                .select_from(CheckCommission)
                .join(Employee, CheckCommission.chair_id == Employee.id)
            )

        return SelectTableModel(
            self.db, columns, source, CheckCommission.id, filters=self.conditions()
        )

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = [CheckCommission.deleted_at.is_(None)]
        typed = self.search.text().strip()
        if typed:
            found.append(
                or_(
                    Employee.search_text.contains(search_text(typed), autoescape=True),
                    # Case-blind on both engines (PostgreSQL's LIKE minds case).
                    casefold(CheckCommission.name).contains(typed.casefold(), autoescape=True),
                    casefold(CheckCommission.order_no).contains(typed.casefold(), autoescape=True),
                )
            )
        return found

    def record_dialog(self, row_id: int | None) -> QDialog:
        return CommissionDialog(self.db, row_id, self)

    def delete_current(self) -> bool:
        return self.delete_selected(
            lambda s, row_id: delete_commission(s, row_id, None),
            N_("Delete the selected commission?"),
        )
