"""Job safety analyses (JSA / АДБ): one row per analysed task, linkable to a WRAC row."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QWidget
from sqlalchemy import ColumnElement, Integer, func, select

from safedesk.db.engine import Database
from safedesk.db.models import JobSafetyAnalysis, Unit
from safedesk.i18n import N_, _, format_date
from safedesk.ui.choices import fill_units
from safedesk.ui.models import Column, SelectTableModel
from safedesk.ui.pages.employees import localized_name
from safedesk.ui.pages.incident_columns import newest_first
from safedesk.ui.widgets.table_page import TablePage


def _count(json_list: object) -> ColumnElement[int]:
    count: ColumnElement[int] = func.coalesce(func.json_array_length(json_list), 0, type_=Integer)
    return count


class JsaPage(TablePage):
    search_hint = N_("Find by task")

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        newest_first(self)

    def build_filters(self) -> None:
        self.unit_filter = QComboBox()
        self.unit_filter.setObjectName("unit_filter")
        fill_units(self.unit_filter, self.db, _("Whole enterprise"))
        self.unit_filter.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.filter_bar.addWidget(self.unit_filter, 1)

    def make_model(self) -> SelectTableModel:
        columns = [
            Column(N_("Date"), JobSafetyAnalysis.analysis_date, show=format_date, width=10),
            Column(N_("Unit"), localized_name(Unit.name_kk, Unit.name_ru), width=24),
            Column(N_("Task"), JobSafetyAnalysis.task, width=40),
            Column(N_("Steps"), _count(JobSafetyAnalysis.steps), align_right=True, width=6),
            Column(N_("Team"), _count(JobSafetyAnalysis.team_ids), align_right=True, width=6),
            Column(N_("Risk assessment row No."), JobSafetyAnalysis.risk_row_id, width=8),
        ]

        def source():  # type: ignore[no-untyped-def]
            return (
                select()
                .select_from(JobSafetyAnalysis)
                .outerjoin(Unit, JobSafetyAnalysis.unit_id == Unit.id)
            )

        return SelectTableModel(
            self.db, columns, source, JobSafetyAnalysis.id, filters=self.conditions()
        )

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = [JobSafetyAnalysis.deleted_at.is_(None)]
        unit_id = self.unit_filter.currentData()
        if unit_id is not None:
            found.append(JobSafetyAnalysis.unit_id == unit_id)
        text = self.search.text().strip()
        if text:
            found.append(JobSafetyAnalysis.task.contains(text, autoescape=True))
        return found

    def record_dialog(self, row_id: int | None) -> QDialog:
        from safedesk.ui.dialogs.risk_jsa import JsaDialog

        return JsaDialog(self.db, row_id, self)
