"""Knowledge checks: a row per person checked; protocols opened, signed, printed from here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QFileDialog, QWidget
from sqlalchemy import ColumnElement, Select, or_, select

from safedesk.db.check_sessions import sign_session
from safedesk.db.engine import Database
from safedesk.db.knowledge_checks import latest_results_at_work, register_rows
from safedesk.db.models import CheckResult, CheckSession, Employee, Position, Unit
from safedesk.db.question_bank import import_questions
from safedesk.db.text_search import person_matches
from safedesk.domain.due import DUE_SOON_DAYS
from safedesk.domain.training import CHECK_KIND_LABELS, CHECK_OUTCOME_LABELS
from safedesk.errors import SafeDeskError
from safedesk.i18n import N_, _, format_date
from safedesk.ui.choices import fill_units
from safedesk.ui.dialogs.check_session import CheckSessionDialog
from safedesk.ui.models import Column, SelectTableModel
from safedesk.ui.pages.employees import localized_name, unit_with_descendants
from safedesk.ui.widgets.errors import show_error, show_problem
from safedesk.ui.widgets.table_page import TablePage


def _label(labels: Mapping[Any, str]) -> Callable[[Any], str]:
    by_value = {str(key): msgid for key, msgid in labels.items()}

    def show(value: object) -> str:
        msgid = by_value.get(str(value))
        return _(msgid) if msgid else str(value or "")

    return show


# Columns of the person (full name, position, unit): see register_rows.
PERSON_COLUMNS = frozenset({2, 7, 8})


def _signed(value: object) -> str:
    return format_date(value) if isinstance(value, dt.date) else _("not signed")


class KnowledgeChecksPage(TablePage):
    search_hint = N_("Find by name, IIN, protocol or certificate No.")

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
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
        self.due_only = QCheckBox(_("Expiring within 30 days or expired"))
        self.due_only.setObjectName("due_only")
        self.due_only.toggled.connect(lambda _on: self.apply_filters())
        self.filter_bar.addWidget(self.due_only)
        self.add_action.setText(_("New protocol"))
        self.sign_action = self.action(_("Sign protocol"), self.sign_current)
        self.print_action = self.action(_("Print protocol…"), self.print_current, "Ctrl+P")
        self.certificates_action = self.action(
            _("Print certificates…"), lambda: self.print_current("certificates")
        )
        self.test_action = self.action(_("Computer test…"), self.computer_test)
        self.import_action = self.action(_("Import questions…"), self.import_bank)

    def make_model(self) -> SelectTableModel:
        full = Employee.surname + " " + Employee.name + " " + Employee.patronymic
        # The protocol's columns are shown from the protocol and sorted by the copies its
        # results keep (CheckResult.protocol_*), whose indexes give that order.
        columns = [
            Column(N_("Date"), CheckResult.checked_on, show=format_date, width=10),
            Column(N_("Protocol No."), CheckSession.number, sort=CheckResult.protocol_no, width=10),
            Column(N_("Full name"), full, sort=Employee.sort_name, width=28),
            # What the check gave (the result, until when) beside the person, in view at
            # 1280 px; the position and unit, long names, after them.
            Column(N_("Result"), CheckResult.outcome, show=_label(CHECK_OUTCOME_LABELS)),
            Column(N_("Valid until"), CheckResult.valid_until, show=format_date, width=16),
            Column(N_("Certificate No."), CheckResult.certificate_no, width=10),
            Column(
                N_("Kind"),
                CheckSession.kind,
                sort=CheckResult.protocol_kind,
                show=_label(CHECK_KIND_LABELS),
            ),
            Column(N_("Position"), localized_name(Position.name_kk, Position.name_ru), width=20),
            Column(N_("Unit"), localized_name(Unit.name_kk, Unit.name_ru), width=18),
            Column(
                N_("Signed"),
                CheckSession.signed_on,
                sort=CheckResult.protocol_signed_on,
                show=_signed,
                width=10,
            ),
        ]

        def rows_for(column: int) -> Select[Any]:
            # Sorted by the person, the people are walked first.
            return register_rows(people_first=column in PERSON_COLUMNS)

        return SelectTableModel(
            self.db,
            columns,
            register_rows,
            CheckResult.id,
            filters=self.conditions(),
            source_for_order=rows_for,
        )

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = [CheckSession.deleted_at.is_(None)]
        typed = self.search.text().strip()
        if typed:
            found.append(
                or_(
                    person_matches(CheckResult.employee_id, typed),
                    # The protocol's rows through the session_id index: an OR across
                    # the join would walk every result.
                    CheckResult.session_id.in_(
                        select(CheckSession.id).where(CheckSession.number == typed)
                    ),
                    CheckResult.certificate_no == typed,
                )
            )
        unit_id = self.unit_filter.currentData()
        if unit_id is not None:
            with self.db.session() as s:
                found.append(Employee.unit_id.in_(unit_with_descendants(s, unit_id)))
        if self.due_only.isChecked():
            horizon = dt.date.today() + dt.timedelta(days=DUE_SOON_DAYS)
            found += [
                CheckResult.id.in_(latest_results_at_work()),
                CheckResult.valid_until <= horizon,
                Employee.dismissal_date.is_(None),
            ]
        return found

    def current_session(self) -> int | None:
        row_id = self.current_id()
        if row_id is None:
            return None
        with self.db.session() as s:
            return s.scalar(select(CheckResult.session_id).where(CheckResult.id == row_id))

    def open_record(self, row_id: int) -> None:
        with self.db.session() as s:
            session_id = s.scalar(select(CheckResult.session_id).where(CheckResult.id == row_id))
        if session_id is not None:
            self._edit(CheckSessionDialog(self.db, session_id, self))

    def record_dialog(self, row_id: int | None) -> QDialog:
        return CheckSessionDialog(self.db, None, self)

    def _need_session(self) -> int | None:
        session_id = self.current_session()
        if session_id is None:
            show_problem(self, SafeDeskError(N_("Select a row of the protocol first.")))
        return session_id

    def sign_current(self) -> None:
        session_id = self._need_session()
        if session_id is None:
            return
        try:
            with self.db.write() as s:
                sign_session(s, session_id, None, dt.date.today())
        except SafeDeskError as e:
            show_problem(self, e)
            return
        self.refresh()

    def print_current(self, form: str = "protocol") -> None:
        """The protocol of the selected row's session, or the certificates of those who passed."""
        session_id = self._need_session()
        if session_id is None:
            return
        from safedesk.ui.printing import preview_form

        try:
            preview_form(self, self.db, form, session_id)
        except Exception as e:
            show_error(self, e)

    def computer_test(self, exec_dialog: bool = True) -> QDialog | None:
        """The test for the selected row's protocol, which must not be signed yet."""
        session_id = self._need_session()
        if session_id is None:
            return None
        with self.db.session() as s:
            signed = s.scalar(select(CheckSession.signed_on).where(CheckSession.id == session_id))
        if signed is not None:
            show_problem(self, SafeDeskError(N_("The protocol is signed: start a new one.")))
            return None
        from safedesk.ui.dialogs.computer_test import ComputerTestDialog

        dialog = ComputerTestDialog(self.db, session_id, self)
        if exec_dialog:
            dialog.exec()
            self.refresh()
        return dialog

    def import_bank(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Import questions"), "", _("Spreadsheets (*.xlsx *.csv)")
        )
        if not name:
            return
        self.import_file(Path(name))

    def import_file(self, path: Path) -> int:
        from PySide6.QtWidgets import QMessageBox

        from safedesk.forms.question_bank_file import read_question_rows

        try:
            rows = read_question_rows(path)
            with self.db.write() as s:
                added = import_questions(s, rows)
        except SafeDeskError as e:
            show_problem(self, e)
            return 0
        QMessageBox.information(
            self, _("Import questions"), _("Questions added: {n}").format(n=added)
        )
        return added
