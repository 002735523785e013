"""PPE issued: every issuance, with its due date; issue, issue to a unit, return, print the card."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QWidget
from sqlalchemy import ColumnElement, Select, or_, select
from sqlalchemy.sql.selectable import Join

from safedesk.db.engine import Database
from safedesk.db.models import Employee, PpeIssue, PpeItem
from safedesk.db.text_search import person_matches, refers_to_match
from safedesk.db.walked_first import WalkedFirst
from safedesk.domain.collation import search_text
from safedesk.errors import SafeDeskError
from safedesk.i18n import N_, _, current_language, format_date
from safedesk.ui.choices import fill_units
from safedesk.ui.dialogs.ppe_issue import IssueDialog, ReturnDialog
from safedesk.ui.models import Column, SelectTableModel
from safedesk.ui.pages.employees import localized_name
from safedesk.ui.widgets.errors import show_error, show_problem
from safedesk.ui.widgets.table_page import TablePage

PERSON_COLUMNS = {1, 2}  # Full name, Personnel No.: sorted by the person
ITEM_COLUMN = 3

Confirm = Callable[[QWidget, str], bool]


def _yes(value: object) -> str:
    return _("yes") if value else ""


class PpeIssuesPage(TablePage):
    search_hint = N_("Find by name, IIN, personnel No. or item")
    confirm: Confirm | None = None  # tests answer the question; None asks the user

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        # The newest issuances first.
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)

    def build_filters(self) -> None:
        self.unit_filter = QComboBox()
        self.unit_filter.setObjectName("unit_filter")
        fill_units(self.unit_filter, self.db, _("All units"))
        self.unit_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.unit_filter.setMinimumContentsLength(22)
        self.unit_filter.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.filter_bar.addWidget(self.unit_filter, 1)
        self.show_closed = QCheckBox(_("Show returned and replaced"))
        self.show_closed.setObjectName("show_closed")
        self.show_closed.toggled.connect(lambda _on: self.apply_filters())
        self.filter_bar.addWidget(self.show_closed)
        self.unit_action = self.action(_("Issue to a unit…"), self.issue_to_unit)
        self.return_action = self.action(_("Return / write off…"), self.return_current)
        self.card_action = self.action(_("Personal card…"), self.print_card, "Ctrl+P")
        self.delete_action = self.action(_("Delete (typed by mistake)"), self.delete_current)

    def make_model(self) -> SelectTableModel:
        full = Employee.surname + " " + Employee.name + " " + Employee.patronymic
        columns = [  # the person's columns are PERSON_COLUMNS
            Column(N_("Issue date"), PpeIssue.issue_date, show=format_date, width=10),
            Column(N_("Full name"), full, sort=Employee.sort_name, width=26),
            Column(N_("Personnel No."), Employee.personnel_no, width=9),
            Column(
                N_("Item"),
                localized_name(PpeItem.name_kk, PpeItem.name_ru),
                sort=PpeItem.sort_kk if current_language() == "kk" else PpeItem.sort_ru,
                width=28,
            ),
            Column(N_("Size"), PpeIssue.size, width=6),
            Column(N_("Quantity"), PpeIssue.quantity, align_right=True, width=6),
            Column(N_("Due date"), PpeIssue.due_date, show=format_date, width=10),
            Column(N_("Closed"), PpeIssue.closed_on, show=format_date, width=10),
            Column(N_("Outside the norm"), PpeIssue.outside_norm, show=_yes, width=8),
        ]

        def rows_for(column: int) -> Select[Any]:
            # Sorted by the person, the people are walked first (their index, then each
            # one's issues): the first batch stops at its LIMIT instead of sorting them all.
            issues, people, items = PpeIssue.__table__, Employee.__table__, PpeItem.__table__
            person, item = PpeIssue.employee_id == Employee.id, PpeIssue.item_id == PpeItem.id
            rows: Join
            if column in PERSON_COLUMNS:
                rows = WalkedFirst(people, issues, person).join(items, item)
            elif column == ITEM_COLUMN:  # the items in order, each one's open issuances
                rows = WalkedFirst(items, issues, item).join(people, person)
            else:
                rows = issues.join(people, person).join(items, item)
            return select().select_from(rows)

        return SelectTableModel(
            self.db,
            columns,
            lambda: rows_for(0),
            PpeIssue.id,
            filters=self.conditions(),
            source_for_order=rows_for,
        )

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = [PpeIssue.deleted_at.is_(None)]
        text = search_text(self.search.text().strip())
        if text:
            found.append(
                or_(
                    person_matches(PpeIssue.employee_id, text),
                    refers_to_match(PpeIssue.item_id, PpeItem.search_text, text),
                )
            )
        unit_id = self.unit_filter.currentData()
        if unit_id is not None:
            from safedesk.db.ppe_due import unit_and_descendants

            with self.db.session() as s:
                units = unit_and_descendants(s, unit_id)
            # The people's ids, not their unit on the joined row: each issuance is then
            # kept or passed over on the index it is walked on (issue date, id, person),
            # and the count reaches the unit's issuances through the people.
            people = select(Employee.id).where(Employee.unit_id.in_(units))
            found.append(PpeIssue.employee_id.in_(people))
        if not self.show_closed.isChecked():
            found.append(PpeIssue.closed_on.is_(None))
        return found

    def record_dialog(self, row_id: int | None) -> QDialog:
        return IssueDialog(self.db, row_id, self)

    def issue_to_unit(self) -> None:
        from safedesk.ui.dialogs.ppe_unit_issue import UnitIssueDialog

        self._edit(UnitIssueDialog(self.db, self.unit_filter.currentData(), self))
        self._changed()

    def after_save(self, row_id: int | None) -> None:
        super().after_save(row_id)
        self._changed()

    def _changed(self) -> None:
        window = self.window()
        if hasattr(window, "update_status"):
            window.update_status()

    def return_current(self) -> None:
        row_id = self.current_id()
        if row_id is None:
            show_problem(self, SafeDeskError(N_("Select the issuance to return or write off.")))
            return
        self._edit(ReturnDialog(self.db, row_id, self))

    def delete_current(self) -> None:
        from safedesk.db.ppe_issues import delete_wrong_issue
        from safedesk.ui.widgets.confirm import ask

        row_id = self.current_id()
        if row_id is None:
            show_problem(self, SafeDeskError(N_("Select the issuance typed by mistake.")))
            return
        question = _("Delete the selected issuance? It stays in the audit trail.")
        if not (self.confirm or ask)(self, question):
            return
        try:
            with self.db.write() as s:
                delete_wrong_issue(s, row_id, None)
        except SafeDeskError as e:
            show_problem(self, e)
            return
        self.after_save(None)

    def print_card(self) -> None:
        row_id = self.current_id()
        if row_id is None:
            show_problem(self, SafeDeskError(N_("Select a row of the person whose card to print.")))
            return
        from safedesk.ui.printing import preview_form

        with self.db.session() as s:
            row = s.get(PpeIssue, row_id)
            employee_id = row.employee_id if row else 0
        try:
            preview_form(self, self.db, "ppe-card", employee_id)
        except Exception as e:
            show_error(self, e)
