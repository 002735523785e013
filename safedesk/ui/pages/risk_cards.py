"""SLAM cards and 5S audits: two small registers of the risk method (roadmap items 1, 18)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget
from sqlalchemy import ColumnElement, or_, select

from safedesk.db.engine import Database
from safedesk.db.models import Employee, FiveSAudit, SlamCard, Unit
from safedesk.db.text_search import matches, person_matches
from safedesk.i18n import N_, _, format_date
from safedesk.ui.models import Column, SelectTableModel
from safedesk.ui.pages.employees import localized_name
from safedesk.ui.pages.incident_columns import newest_first
from safedesk.ui.widgets.table_page import TablePage


def _person() -> ColumnElement[str]:
    text: ColumnElement[str] = Employee.surname + " " + Employee.name + " " + Employee.patronymic
    return text


def _yes(value: object) -> str:
    return _("yes") if value else ""


class SlamPage(TablePage):
    search_hint = N_("Find by worker, task or place")

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        newest_first(self)

    def make_model(self) -> SelectTableModel:
        columns = [
            # the day, then its time: the latest card of a day first when newest first
            Column(
                N_("Date"),
                SlamCard.card_date,
                sort=(SlamCard.card_date, SlamCard.card_time),
                show=format_date,
                width=10,
            ),
            Column(N_("Time"), SlamCard.card_time, width=6),
            Column(N_("Worker"), _person(), sort=Employee.sort_name, width=28),
            Column(N_("Unit"), localized_name(Unit.name_kk, Unit.name_ru), width=20),
            Column(N_("Task"), SlamCard.task, width=28),
            Column(N_("Hazards found"), SlamCard.hazards, width=28),
            Column(N_("Work was stopped"), SlamCard.work_stopped, show=_yes, width=8),
            Column(N_("Risk assessment row No."), SlamCard.risk_row_id, width=8),
        ]

        def source():  # type: ignore[no-untyped-def]
            return (
                select()
                .select_from(SlamCard)
                .join(Employee, SlamCard.worker_id == Employee.id)
                .outerjoin(Unit, SlamCard.unit_id == Unit.id)
            )

        return SelectTableModel(self.db, columns, source, SlamCard.id, filters=self.conditions())

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = [SlamCard.deleted_at.is_(None)]
        text = self.search.text().strip()
        if text:
            found.append(
                or_(
                    person_matches(SlamCard.worker_id, text),
                    matches(self.db, [SlamCard.task, SlamCard.place], text),
                )
            )
        return found

    def record_dialog(self, row_id: int | None) -> QDialog:
        from safedesk.ui.dialogs.risk_cards import SlamDialog

        return SlamDialog(self.db, row_id, self)


class FiveSPage(TablePage):
    search_hint = N_("Find by area or auditor")

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        newest_first(self)

    def make_model(self) -> SelectTableModel:
        columns = [
            Column(N_("Date"), FiveSAudit.audit_date, show=format_date, width=10),
            Column(N_("Unit"), localized_name(Unit.name_kk, Unit.name_ru), width=24),
            Column(N_("Area"), FiveSAudit.area, width=24),
            Column(N_("Shift"), FiveSAudit.shift, width=6),
            Column(N_("Auditor"), _person(), sort=Employee.sort_name, width=28),
            Column(N_("Total, %"), FiveSAudit.total_percent, align_right=True, width=8),
            Column(N_("Actions"), FiveSAudit.actions, width=30),
        ]

        def source():  # type: ignore[no-untyped-def]
            return (
                select()
                .select_from(FiveSAudit)
                .join(Employee, FiveSAudit.auditor_id == Employee.id)
                .outerjoin(Unit, FiveSAudit.unit_id == Unit.id)
            )

        return SelectTableModel(self.db, columns, source, FiveSAudit.id, filters=self.conditions())

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = [FiveSAudit.deleted_at.is_(None)]
        text = self.search.text().strip()
        if text:
            found.append(
                or_(
                    person_matches(FiveSAudit.auditor_id, text),
                    matches(self.db, [FiveSAudit.area], text),
                )
            )
        return found

    def record_dialog(self, row_id: int | None) -> QDialog:
        from safedesk.ui.dialogs.risk_cards import FiveSDialog

        return FiveSDialog(self.db, row_id, self)
