"""The action list of the risk register: open, due soon, overdue, by owner.

Every additional control of every assessment in force, with its deadline and owner.
Enter opens the control's assessment; "Mark done" closes the action on today's date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QDialog
from sqlalchemy import ColumnElement, or_, select

from safedesk.db.models import Employee, RiskAssessment, RiskControl, RiskRow, Unit
from safedesk.db.risk_assessments import set_control_status
from safedesk.domain.collation import search_text
from safedesk.domain.due import DUE_SOON_DAYS
from safedesk.domain.risk_controls import (
    HIERARCHY_LABELS,
    OPEN_STATUSES,
    STATUS_LABELS,
    ActionStatus,
    Hierarchy,
)
from safedesk.errors import SafeDeskError
from safedesk.i18n import N_, _, format_date
from safedesk.ui.models import Column, Index, SelectTableModel
from safedesk.ui.pages.employees import localized_name
from safedesk.ui.widgets.errors import show_problem
from safedesk.ui.widgets.table_page import TablePage

OVERDUE_COLOUR = QColor("#f5b7b1")
SOON_COLOUR = QColor("#fcf3cf")


def _label(labels: dict[Any, str], value: object) -> str:
    for key, text in labels.items():
        if key == value:
            return _(text)
    return str(value or "")


class ActionsModel(SelectTableModel):
    """Overdue deadlines in red, those due within 30 days in yellow."""

    deadline_column = 0
    status_column = 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid():
            values = self._rows[index.row()]
            deadline, status = values[self.deadline_column + 1], values[self.status_column + 1]
            if status in {s.value for s in OPEN_STATUSES} and isinstance(deadline, dt.date):
                today = dt.date.today()
                if deadline < today:
                    return OVERDUE_COLOUR
                if deadline <= today + dt.timedelta(days=DUE_SOON_DAYS):
                    return SOON_COLOUR
            return None
        return super().data(index, role)


class ActionsPage(TablePage):
    search_hint = N_("Find by owner or control")

    def build_filters(self) -> None:
        self.state = QComboBox()
        self.state.setObjectName("state_filter")
        for value, text in (
            # Not N_("Open"): that msgid is the button (the verb, "Ашу"/"Открыть").
            ("open", N_("Open (planned or in progress)")),
            ("due_soon", N_("Due within 30 days")),
            ("overdue", N_("Overdue")),
            ("closed", N_("Done or cancelled")),
            ("all", N_("All")),
        ):
            self.state.addItem(_(text), value)
        self.state.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.filter_bar.addWidget(self.state)
        self.add_action.setVisible(False)  # controls are added in their assessment
        self.start_action = self.action(_("Start"), lambda: self._set(ActionStatus.IN_PROGRESS))
        self.done_action = self.action(_("Mark done"), lambda: self._set(ActionStatus.DONE))

    def make_model(self) -> SelectTableModel:
        owner = Employee.surname + " " + Employee.name + " " + Employee.patronymic
        columns = [
            Column(N_("Deadline"), RiskControl.deadline, show=format_date, width=10),
            Column(N_("Status"), RiskControl.status,
                   show=lambda v: _label(STATUS_LABELS, v), width=11),
            Column(N_("Additional control"), RiskControl.description, width=34),
            Column(N_("Level of the hierarchy"), RiskControl.hierarchy,
                   show=lambda v: _label(HIERARCHY_LABELS, Hierarchy(v) if v in
                                         Hierarchy._value2member_map_ else v), width=14),
            Column(N_("Owner"), owner, sort=Employee.sort_name, width=26),
            Column(N_("Unit"), localized_name(Unit.name_kk, Unit.name_ru), width=20),
            Column(N_("Assessment No."), RiskAssessment.number, width=9),
            Column(N_("Hazard"), RiskRow.hazard, width=24),
            Column(N_("Done on"), RiskControl.done_on, show=format_date, width=10),
        ]  # fmt: skip

        def source():  # type: ignore[no-untyped-def]
            return (
                select()
                .select_from(RiskControl)
                .join(RiskRow, RiskControl.row_id == RiskRow.id)
                .join(RiskAssessment, RiskRow.assessment_id == RiskAssessment.id)
                .join(Unit, RiskAssessment.unit_id == Unit.id)
                .join(Employee, RiskControl.owner_id == Employee.id)
            )

        return ActionsModel(self.db, columns, source, RiskControl.id, filters=self.conditions())

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = [
            RiskControl.deleted_at.is_(None),
            RiskRow.deleted_at.is_(None),
            RiskAssessment.deleted_at.is_(None),
        ]
        text = self.search.text().strip()
        if text:
            found.append(
                or_(
                    Employee.search_text.contains(search_text(text), autoescape=True),
                    RiskControl.description.contains(text, autoescape=True),
                )
            )
        state = self.state.currentData()
        today = dt.date.today()
        open_ = RiskControl.status.in_([s.value for s in OPEN_STATUSES])
        if state == "open":
            found.append(open_)
        elif state == "due_soon":
            found += [open_, RiskControl.deadline >= today,
                      RiskControl.deadline <= today + dt.timedelta(days=DUE_SOON_DAYS)]  # fmt: skip
        elif state == "overdue":
            found += [open_, RiskControl.deadline < today]
        elif state == "closed":
            found.append(~open_)
        return found

    def record_dialog(self, row_id: int | None) -> QDialog | None:
        return None

    def open_record(self, row_id: int) -> None:
        """Open the assessment of control `row_id` (the id its due item gives)."""
        from safedesk.ui.dialogs.risk_assessment import AssessmentDialog

        with self.db.session() as s:
            assessment_id = s.scalar(
                select(RiskRow.assessment_id)
                .join(RiskControl, RiskControl.row_id == RiskRow.id)
                .where(RiskControl.id == row_id)
            )
        if assessment_id is not None:
            self._edit(AssessmentDialog(self.db, assessment_id, self))

    def _open_index(self, index: QModelIndex) -> None:
        self.table.selectRow(index.row())
        self.open_current()

    def _set(self, status: ActionStatus) -> None:
        control_id = self.current_id()
        if control_id is None:
            return
        try:
            with self.db.write() as s:
                set_control_status(s, control_id, None, status, dt.date.today())
        except SafeDeskError as e:
            show_problem(self, e)
            return
        self.after_save(control_id)
