"""The permit-to-work log: overdue and active permits at the top, filters for everything.

The first column orders the log by urgency — overdue, active, suspended, issued, draft,
then closed and cancelled — and within each by the planned end, so the permits that need
the officer today are the first rows without touching a filter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QWidget
from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    and_,
    case,
    cast,
    exists,
    literal,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import aliased

from safedesk.db.engine import Database
from safedesk.db.models import Employee, Permit, PermitCrewMember, PermitRole, Unit
from safedesk.db.text_search import matches
from safedesk.db.types import utcnow
from safedesk.domain.accidents import KAZAKHSTAN
from safedesk.domain.permits import (
    OPEN_STATES,
    PERMIT_STATE_LABELS,
    PERMIT_TYPE_LABELS,
    PermitState,
)
from safedesk.errors import SafeDeskError
from safedesk.i18n import N_, _
from safedesk.ui.choices import fill_units
from safedesk.ui.models import Column, SelectTableModel
from safedesk.ui.pages.employees import localized_name
from safedesk.ui.pages.incident_columns import person_column, show_label, show_moment
from safedesk.ui.widgets import confirm
from safedesk.ui.widgets.employee_picker import EmployeePicker
from safedesk.ui.widgets.errors import show_problem
from safedesk.ui.widgets.fields import DateField
from safedesk.ui.widgets.table_page import TablePage

Confirm = Callable[[QWidget, str], bool]

OVERDUE = N_("OVERDUE")
SELECT_DRAFT = N_("Select the draft permit to delete.")
ONLY_DRAFTS = N_(
    "Only a draft can be deleted. Permit {number} is “{state}”: it stays in the log "
    "(an issued permit is cancelled instead)."
)
DELETE_DRAFT = N_("Delete draft permit {number}? It stays in the audit trail.")
OPEN = "open"
OVERDUE_FILTER = "overdue"
URGENCY = {
    PermitState.ACTIVE: 1,
    PermitState.SUSPENDED: 2,
    PermitState.ISSUED: 3,
    PermitState.DRAFT: 4,
    PermitState.CLOSED: 5,
    PermitState.CANCELLED: 5,
}
OTHER_URGENCY = 9  # a state this version does not know: last
URGENCY_COLUMN = 0


def overdue_condition(now: dt.datetime) -> ColumnElement[bool]:
    return and_(Permit.state.in_([s.value for s in OPEN_STATES]), Permit.planned_end < now)


SUPERVISOR = aliased(Employee)
SUPERVISOR_ROLE = aliased(PermitRole)


def log_source() -> Select[Any]:
    """The FROM of the log: each permit with its unit and its work supervisor."""
    return (
        select()
        .select_from(Permit)
        .join(Unit, Permit.unit_id == Unit.id)
        .outerjoin(
            SUPERVISOR_ROLE,
            and_(SUPERVISOR_ROLE.permit_id == Permit.id, SUPERVISOR_ROLE.role == "supervisor"),
        )
        .outerjoin(SUPERVISOR, SUPERVISOR_ROLE.employee_id == SUPERVISOR.id)
    )


def urgency_ranges(now: dt.datetime) -> list[tuple[int, ColumnElement[bool]]]:
    """The rows of each urgency rank, as ranges of the (state, planned_end) index.

    Together they are every permit, each once, with the rank the State column's CASE
    gives it: one state per range, so that each is read in the order of the index."""
    ranges = [
        (0, and_(Permit.state == s.value, Permit.planned_end < now)) for s in sorted(OPEN_STATES)
    ]
    for state, rank in URGENCY.items():
        condition = Permit.state == state.value
        if state in OPEN_STATES:
            condition = and_(condition, Permit.planned_end >= now)
        ranges.append((rank, condition))
    known = sorted(s.value for s in URGENCY)
    # Any other state: the gaps between the known ones, still ranges of the index.
    gaps = [Permit.state < known[0], Permit.state > known[-1]]
    gaps += [and_(Permit.state > a, Permit.state < b) for a, b in pairwise(known)]
    ranges.append((OTHER_URGENCY, or_(*gaps)))
    return ranges


class PermitLogModel(SelectTableModel):
    """The permit log; its urgency order read range by range instead of sorting the log.

    The urgency (overdue first — it depends on the clock —, then the state, then the
    planned end) is no column an index can hold. But it takes few values, and within
    each the rows are in (state, planned_end, id) order: the order of an index. So a
    batch takes the first offset + limit rows of each range (each walked on the index
    and stopped there) and sorts only those: the same rows in the same order as
    sorting the whole log, read in a few milliseconds however long the log grows.
    """

    RANK = "urgency_rank"
    END = "urgency_end"

    def __init__(
        self,
        db: Database,
        columns: list[Column],
        source: Callable[[], Select[Any]],
        ranges: list[tuple[int, ColumnElement[bool]]],
        filters: list[ColumnElement[bool]],
    ) -> None:
        # Kept before the base class loads the first batch.
        self._log_source, self._ranges, self._log_filters = source, ranges, list(filters)
        super().__init__(db, columns, source, Permit.id, filters=filters)

    def set_filters(self, conditions: Sequence[ColumnElement[bool]]) -> None:
        self._log_filters = list(conditions)
        super().set_filters(conditions)

    def batch_query(self, offset: Any, limit: Any) -> Select[Any]:
        if self.sort_state()[0] == URGENCY_COLUMN:
            return self.urgency_query(offset, limit)
        return super().batch_query(offset, limit)

    def urgency_query(self, offset: Any, limit: Any) -> Select[Any]:
        """One batch in urgency order: the first rows of each range, then sorted."""
        descending = self.sort_state()[1] == Qt.SortOrder.DescendingOrder

        def way(key: Any) -> Any:
            return key.desc() if descending else key.asc()

        shown = [Permit.id, *(c.expr for c in self.columns)]
        found = self._log_source().where(*self._log_filters)
        parts = []
        for rank, condition in self._ranges:
            part = found.where(condition).with_only_columns(
                *shown,
                literal(rank).label(self.RANK),
                Permit.planned_end.label(self.END),
                maintain_column_froms=True,
            )
            if rank != OTHER_URGENCY:  # states no version writes: none, read on the index
                part = part.order_by(way(Permit.planned_end), way(Permit.id))
                part = part.limit(offset + limit)  # no row past these is in the batch
            parts.append(select(part.subquery()))
        log = union_all(*parts).subquery("urgency_log")
        columns = list(log.c)
        return (
            select(*columns[: len(shown)])
            .order_by(way(log.c[self.RANK]), way(log.c[self.END]), way(columns[0]))
            .offset(offset)
            .limit(limit)
        )


def show_state(value: object) -> str:
    """'0|active' → 'OVERDUE · Active'; the urgency prefix only sorts."""
    text = str(value or "")
    urgency, _sep, state = text.partition("|")
    label = PERMIT_STATE_LABELS.get(PermitState(state)) if state in set(PermitState) else None
    shown = _(label) if label else state
    return f"{_(OVERDUE)} · {shown}" if urgency == "0" else shown


def ask(parent: QWidget, text: str) -> bool:
    return confirm.ask(parent, text, N_("Delete draft"))


class PermitsPage(TablePage):
    search_hint = N_("Find by number, place or work")
    confirm: Confirm | None = None  # tests answer the question; None asks the user

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.copy_action = self.action(_("Copy as new"), self.copy_current, "Ctrl+D")
        self.print_action = self.action(_("Print permit"), self.print_current, "Ctrl+P")
        self.journal_action = self.action(_("Print journal…"), self.print_journal)
        self.export_action = self.action(_("Export to Excel…"), self.export_xlsx)
        self.delete_action = self.action(_("Delete draft"), self.delete_current)
        self.rules_action = self.action(_("Permit rules…"), self.edit_rules)

    def build_filters(self) -> None:
        self.type_filter = QComboBox()
        self.type_filter.setObjectName("type_filter")
        self.type_filter.addItem(_("All types"), None)
        for kind, label in PERMIT_TYPE_LABELS.items():
            self.type_filter.addItem(_(label), kind.value)
        self.state_filter = QComboBox()
        self.state_filter.setObjectName("state_filter")
        self.state_filter.addItem(_("Any state"), None)
        self.state_filter.addItem(_("Open (issued, active, suspended)"), OPEN)
        self.state_filter.addItem(_(OVERDUE), OVERDUE_FILTER)
        for state, label in PERMIT_STATE_LABELS.items():
            self.state_filter.addItem(_(label), state.value)
        self.unit_filter = QComboBox()
        self.unit_filter.setObjectName("unit_filter")
        fill_units(self.unit_filter, self.db, _("All units"))
        self.unit_filter.setMinimumContentsLength(18)
        self.unit_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.person_filter = EmployeePicker(self.db)
        self.person_filter.setObjectName("person_filter")
        self.person_filter.chosen.connect(lambda _id: self.apply_filters())
        self.person_filter.editTextChanged.connect(self._person_cleared)
        self.date_from = DateField(optional=True)
        self.date_from.setObjectName("date_from")
        self.date_to = DateField(optional=True)
        self.date_to.setObjectName("date_to")
        for combo in (self.type_filter, self.state_filter, self.unit_filter):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
            self.filter_bar.addWidget(combo, 1)
        self.filter_bar.addWidget(self.person_filter, 1)
        for field in (self.date_from, self.date_to):
            field.dateChanged.connect(lambda _d: self.apply_filters())
            self.filter_bar.addWidget(field)

    def _person_cleared(self, text: str) -> None:
        if not text.strip():
            self.apply_filters()

    def make_model(self) -> SelectTableModel:
        now = utcnow()
        urgency = case(
            (overdue_condition(now), literal("0")),
            *((Permit.state == s.value, literal(str(n))) for s, n in URGENCY.items()),
            else_=literal("9"),
        )
        columns = [
            Column(
                N_("State"),
                urgency + "|" + Permit.state,
                sort=urgency + cast(Permit.planned_end, String),
                show=show_state,
                width=16,
            ),
            Column(N_("No."), Permit.number, sort=(Permit.year, Permit.seq), width=13),
            Column(N_("Type"), Permit.type, show=show_label(PERMIT_TYPE_LABELS), width=16),
            Column(N_("Unit"), localized_name(Unit.name_kk, Unit.name_ru), width=18),
            Column(N_("Place"), Permit.location, width=20),
            Column(N_("Work"), Permit.work, width=28),
            Column(N_("Planned start"), Permit.planned_start, show=show_moment, width=15),
            Column(N_("Planned end"), Permit.planned_end, show=show_moment, width=15),
            person_column(N_("Work supervisor"), SUPERVISOR),
        ]
        return PermitLogModel(self.db, columns, log_source, urgency_ranges(now), self.conditions())

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = [Permit.deleted_at.is_(None)]
        text = self.search.text().strip()
        if text:
            found.append(matches(self.db, [Permit.number, Permit.location, Permit.work], text))
        if self.type_filter.currentData() is not None:
            found.append(Permit.type == self.type_filter.currentData())
        state = self.state_filter.currentData()
        if state == OPEN:
            found.append(Permit.state.in_([s.value for s in OPEN_STATES]))
        elif state == OVERDUE_FILTER:
            found.append(overdue_condition(utcnow()))
        elif state is not None:
            found.append(Permit.state == state)
        if self.unit_filter.currentData() is not None:
            found.append(Permit.unit_id == self.unit_filter.currentData())
        person = self.person_filter.value()
        if person is not None:
            found.append(
                or_(
                    exists().where(
                        PermitRole.permit_id == Permit.id, PermitRole.employee_id == person
                    ),
                    exists().where(
                        PermitCrewMember.permit_id == Permit.id,
                        PermitCrewMember.employee_id == person,
                    ),
                )
            )
        first, last = self.date_from.value(), self.date_to.value()
        if first is not None:
            start = dt.datetime.combine(first, dt.time(), tzinfo=KAZAKHSTAN)
            found.append(Permit.planned_end >= start)
        if last is not None:
            end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), tzinfo=KAZAKHSTAN)
            found.append(Permit.planned_start < end)
        return found

    def _edit(self, dialog: QDialog | None) -> None:
        # Steps and entries are saved as they are made: refresh however the dialog closed.
        if dialog is not None:
            dialog.exec()
            self.after_save(getattr(dialog, "saved_id", None) or getattr(dialog, "permit_id", None))

    def record_dialog(self, row_id: int | None) -> QDialog:
        from safedesk.ui.dialogs.permit import PermitDialog

        return PermitDialog(self.db, row_id, self)

    def edit_rules(self) -> None:
        """The gas limits, role separation and number pattern the permits are judged by."""
        from safedesk.ui.dialogs.permit_reference import PermitReferenceDialog

        PermitReferenceDialog(self.db, self).exec()

    def copy_current(self) -> None:
        from safedesk.ui.dialogs.permit import PermitDialog

        row_id = self.current_id()
        if row_id is not None:
            self._edit(PermitDialog(self.db, None, self, copy_of=row_id))

    def delete_current(self) -> bool:
        """Throw away the selected draft (asked first); any other permit is kept."""
        from safedesk.db.permits import discard_draft

        row_id = self.current_id()
        if row_id is None:
            show_problem(self, SafeDeskError(SELECT_DRAFT))
            return False
        with self.db.session() as s:
            permit = s.get(Permit, row_id)
            if permit is None:
                return False
            number, state, version = permit.number, PermitState(permit.state), permit.version
        if state is not PermitState.DRAFT:
            label = PERMIT_STATE_LABELS[state]
            show_problem(self, SafeDeskError(ONLY_DRAFTS, number=number, state=label))
            return False
        if not (self.confirm or ask)(self, _(DELETE_DRAFT).format(number=number)):
            return False
        try:
            with self.db.write() as s:
                discard_draft(s, row_id, version)
        except SafeDeskError as e:
            show_problem(self, e)
            return False
        self.after_save(None)
        return True

    def print_current(self) -> None:
        from safedesk.ui.printing import preview_form

        row_id = self.current_id()
        if row_id is not None:
            preview_form(self, self.db, "permit", row_id)

    def print_journal(self) -> None:
        from safedesk.ui.dialogs.permit_journal import print_journal

        print_journal(self, self.db)

    def export_xlsx(self) -> None:
        from safedesk.ui.dialogs.permit_journal import export_log

        export_log(self, self.db)
