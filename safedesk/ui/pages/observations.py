"""Behavioural safety audits: the observation cards, newest first."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget
from sqlalchemy import ColumnElement, case, select
from sqlalchemy.orm import aliased

from safedesk.db.engine import Database
from safedesk.db.models import Employee, Observation, Unit
from safedesk.db.text_search import matches
from safedesk.domain.incidents import ACTION_STATUS_LABELS
from safedesk.i18n import N_, _, format_date
from safedesk.ui.dialogs.observation import ObservationDialog
from safedesk.ui.models import Column, SelectTableModel
from safedesk.ui.pages.employees import localized_name
from safedesk.ui.pages.incident_columns import newest_first, person_column, show_label
from safedesk.ui.widgets.table_page import TablePage


def _percent(value: object) -> str:
    return f"{float(value):.0f} %" if isinstance(value, int | float) else ""


def _yes(value: object) -> str:
    return _("yes") if value else ""


class ObservationsPage(TablePage):
    search_hint = N_("Find by area or action")

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        newest_first(self)

    def build_filters(self) -> None:
        self.export_action = self.action(_("Export to Excel…"), self.export)

    def export(self, target: str | None = None) -> None:
        from safedesk.ui.pages.register_xlsx import export_register

        export_register(self, _("Observation cards"), "observations.xlsx", target)

    def make_model(self) -> SelectTableModel:
        observer, owner = aliased(Employee), aliased(Employee)
        total = Observation.safe_total + Observation.at_risk_total
        share = case((total > 0, Observation.at_risk_total * 100.0 / total), else_=None)
        columns = [
            Column(N_("Date"), Observation.observed_on, show=format_date, width=10),
            Column(N_("Unit"), localized_name(Unit.name_kk, Unit.name_ru), width=20),
            Column(N_("Exact place"), Observation.area, width=16),
            person_column(N_("Observer"), observer),
            Column(N_("People observed"), Observation.people_observed, align_right=True),
            Column(N_("Safe"), Observation.safe_total, align_right=True),
            Column(N_("At risk"), Observation.at_risk_total, align_right=True),
            Column(N_("At-risk share"), share, show=_percent, align_right=True),
            Column(N_("Conversation"), Observation.conversation_held, show=_yes),
            Column(N_("Action agreed"), Observation.action, width=30),
            person_column(N_("Action owner"), owner),
            Column(N_("Due date"), Observation.action_due, show=format_date, width=10),
            Column(
                N_("Status"), Observation.status, show=show_label(ACTION_STATUS_LABELS), width=10
            ),
        ]

        def source():  # type: ignore[no-untyped-def]
            return (
                select()
                .select_from(Observation)
                .join(Unit, Observation.unit_id == Unit.id)
                .join(observer, Observation.observer_id == observer.id)
                .outerjoin(owner, Observation.action_owner_id == owner.id)
            )

        return SelectTableModel(self.db, columns, source, Observation.id, filters=self.conditions())

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = [Observation.deleted_at.is_(None)]
        text = self.search.text().strip()
        if text:
            found.append(matches(self.db, [Observation.area, Observation.action], text))
        return found

    def record_dialog(self, row_id: int | None) -> QDialog:
        return ObservationDialog(self.db, row_id, self)
