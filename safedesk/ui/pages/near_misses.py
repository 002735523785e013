"""Near misses (roadmap item 27): the quick report is one key away (Ctrl+N)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QWidget
from sqlalchemy import ColumnElement, case, literal, select
from sqlalchemy.orm import aliased

from safedesk.db.engine import Database
from safedesk.db.models import Employee, NearMiss, Unit
from safedesk.db.text_search import matches
from safedesk.domain.incidents import (
    ACTION_STATUS_LABELS,
    ANONYMOUS,
    NEAR_MISS_CATEGORY_LABELS,
    SEVERITY_LABELS,
)
from safedesk.i18n import N_, _, format_date
from safedesk.ui.dialogs.near_miss import NearMissDialog
from safedesk.ui.models import Column, SelectTableModel
from safedesk.ui.pages.employees import localized_name
from safedesk.ui.pages.incident_columns import (
    newest_first,
    person_column,
    person_name,
    show_label,
    show_moment,
)
from safedesk.ui.widgets.table_page import TablePage


class NearMissesPage(TablePage):
    search_hint = N_("Find in the description or place")

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        newest_first(self)

    def build_filters(self) -> None:
        self.category_filter = QComboBox()
        self.category_filter.setObjectName("category_filter")
        self.category_filter.addItem(_("All categories"), None)
        for key, label in NEAR_MISS_CATEGORY_LABELS.items():
            self.category_filter.addItem(_(label), key.value)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("status_filter")
        self.status_filter.addItem(_("Any status"), None)
        for status, status_label in ACTION_STATUS_LABELS.items():
            self.status_filter.addItem(_(status_label), status.value)
        for combo in (self.category_filter, self.status_filter):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
            self.filter_bar.addWidget(combo)
        self.add_action.setText(_("Report a near miss"))
        self.trends_action = self.action(_("Trends…"), self.show_trends)
        self.export_action = self.action(_("Export to Excel…"), self.export)

    def make_model(self) -> SelectTableModel:
        reporter, owner = aliased(Employee), aliased(Employee)
        anonymous = _(ANONYMOUS)
        columns = [
            Column(N_("Date and time"), NearMiss.occurred_at, show=show_moment, width=16),
            Column(N_("Unit"), localized_name(Unit.name_kk, Unit.name_ru), width=16),
            Column(
                N_("Category"),
                NearMiss.category,
                show=show_label(NEAR_MISS_CATEGORY_LABELS),
                width=18,
            ),
            Column(
                N_("Potential severity"),
                NearMiss.severity,
                show=show_label(SEVERITY_LABELS),
                width=25,
            ),
            Column(N_("What happened"), NearMiss.description, width=24),
            Column(
                N_("Reporter"),
                case((NearMiss.anonymous, anonymous), else_=person_name(reporter)),
                # anonymous reports first, then the reporters in alphabetical order
                sort=case((NearMiss.anonymous, literal("")), else_=reporter.sort_name),
                width=18,
            ),
            person_column(N_("Action owner"), owner),
            Column(N_("Due date"), NearMiss.action_due, show=format_date, width=10),
            Column(N_("Status"), NearMiss.status, show=show_label(ACTION_STATUS_LABELS), width=10),
        ]

        def source():  # type: ignore[no-untyped-def]
            return (
                select()
                .select_from(NearMiss)
                .join(Unit, NearMiss.unit_id == Unit.id)
                .outerjoin(reporter, NearMiss.reporter_id == reporter.id)
                .outerjoin(owner, NearMiss.action_owner_id == owner.id)
            )

        return SelectTableModel(self.db, columns, source, NearMiss.id, filters=self.conditions())

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = [NearMiss.deleted_at.is_(None)]
        text = self.search.text().strip()
        if text:
            found.append(matches(self.db, [NearMiss.description, NearMiss.place], text))
        if self.category_filter.currentData() is not None:
            found.append(NearMiss.category == self.category_filter.currentData())
        if self.status_filter.currentData() is not None:
            found.append(NearMiss.status == self.status_filter.currentData())
        return found

    def record_dialog(self, row_id: int | None) -> QDialog:
        return NearMissDialog(self.db, row_id, self)

    def export(self, target: str | None = None) -> None:
        from safedesk.ui.pages.register_xlsx import export_register

        export_register(self, _("Near misses"), "near-misses.xlsx", target)

    def show_trends(self) -> None:
        from safedesk.ui.dialogs.incident_trends import TrendsDialog

        TrendsDialog(self.db, self).exec()
