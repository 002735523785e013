"""Briefings: the journal lines, registered per group; what is due; the printed journals."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QWidget,
)
from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import aliased

from safedesk.db.briefings import delete_briefing
from safedesk.db.engine import Database
from safedesk.db.models import Briefing, Employee, Position, Unit
from safedesk.db.text_search import matches, person_matches
from safedesk.domain.due import DUE_SOON_DAYS
from safedesk.domain.training import BRIEFING_KIND_LABELS, CLOCK_KINDS, BriefingKind
from safedesk.i18n import N_, _, format_date
from safedesk.ui.choices import fill_units
from safedesk.ui.dialogs.briefing import BriefingDialog
from safedesk.ui.models import Column, SelectTableModel
from safedesk.ui.pages.employees import localized_name, unit_with_descendants
from safedesk.ui.widgets.errors import show_error
from safedesk.ui.widgets.fields import DateField
from safedesk.ui.widgets.table_page import TablePage

Instructor = aliased(Employee)


def kind_label(value: object) -> str:
    try:
        return _(BRIEFING_KIND_LABELS[BriefingKind(str(value))])
    except ValueError:
        return str(value or "")


class JournalChoice(QDialog):
    """Which journal, for which unit and period."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Print journal"))
        form = QFormLayout(self)
        self.journal = QComboBox()
        self.journal.addItem(_("Workplace briefing journal"), "briefing-journal")
        self.journal.addItem(_("Introductory briefing journal"), "introductory-journal")
        self.unit = QComboBox()
        fill_units(self.unit, db, None)
        today = dt.date.today()
        self.date_from = DateField()
        self.date_from.set_value(today.replace(month=1, day=1))
        self.date_to = DateField()
        form.addRow(_("Journal"), self.journal)
        form.addRow(_("Unit"), self.unit)
        form.addRow(_("From"), self.date_from)
        form.addRow(_("To"), self.date_to)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


def _latest_of_people_at_work() -> Any:
    """The id of each person's latest primary or repeated briefing, for the people not
    dismissed: one seek per person on ix_briefings_employee_held (as
    safedesk.db.briefings.latest_clock_briefings, which ranks every briefing)."""
    person, line = aliased(Employee), aliased(Briefing)
    latest = (
        select(line.id)
        .where(
            line.employee_id == person.id,
            line.deleted_at.is_(None),
            line.kind.in_([k.value for k in CLOCK_KINDS]),
        )
        .order_by(line.held_on.desc(), line.id.desc())
        .limit(1)
        .correlate(person)
        .scalar_subquery()
    )
    return select(latest).where(person.deleted_at.is_(None), person.dismissal_date.is_(None))


class BriefingsPage(TablePage):
    search_hint = N_("Find by name, IIN or topic")

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        # The newest lines first, as the journal is read.
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)

    def build_filters(self) -> None:
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("kind_filter")
        self.kind_filter.addItem(_("All kinds"), None)
        for kind in BriefingKind:
            self.kind_filter.addItem(_(BRIEFING_KIND_LABELS[kind]), kind.value)
        self.unit_filter = QComboBox()
        self.unit_filter.setObjectName("unit_filter")
        fill_units(self.unit_filter, self.db, _("All units"))
        self.unit_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.unit_filter.setMinimumContentsLength(22)
        self.due_only = QCheckBox(_("Due within 30 days or overdue"))
        self.due_only.setObjectName("due_only")
        for combo in (self.kind_filter, self.unit_filter):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
            self.filter_bar.addWidget(combo, 1)
        self.due_only.toggled.connect(lambda _on: self.apply_filters())
        self.filter_bar.addWidget(self.due_only)
        self.print_action = self.action(_("Print journal…"), self.print_journal, "Ctrl+P")
        self.delete_action = self.action(_("Delete"), self.delete_current)

    def make_model(self) -> SelectTableModel:
        full = Employee.surname + " " + Employee.name + " " + Employee.patronymic
        instructor = Instructor.surname + " " + Instructor.name
        columns = [
            Column(N_("Date"), Briefing.held_on, show=format_date, width=10),
            Column(N_("Full name"), full, sort=Employee.sort_name, width=28),
            Column(N_("Position"), localized_name(Position.name_kk, Position.name_ru), width=20),
            Column(N_("Unit"), localized_name(Unit.name_kk, Unit.name_ru), width=18),
            Column(N_("Kind"), Briefing.kind, show=kind_label, width=16),
            Column(N_("Instructor"), instructor, sort=Instructor.sort_name, width=20),
            Column(N_("Topic"), Briefing.topic, width=18),
            Column(N_("Next due"), Briefing.next_due, show=format_date, width=10),
        ]

        def source():  # type: ignore[no-untyped-def]
            return (
                select()
                .select_from(Briefing)
                .join(Employee, Briefing.employee_id == Employee.id)
                .join(Instructor, Briefing.instructor_id == Instructor.id)
                .outerjoin(Unit, Employee.unit_id == Unit.id)
                .outerjoin(Position, Employee.position_id == Position.id)
            )

        return SelectTableModel(self.db, columns, source, Briefing.id, filters=self.conditions())

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = [Briefing.deleted_at.is_(None)]
        typed = self.search.text().strip()
        if typed:
            # The person through the employee_id index, the topic through its trigram
            # index (safedesk.db.text_search): never a LIKE across the join.
            found.append(
                or_(
                    person_matches(Briefing.employee_id, typed),
                    matches(self.db, [Briefing.topic], typed),
                )
            )
        kind = self.kind_filter.currentData()
        if kind is not None:
            found.append(Briefing.kind == kind)
        unit_id = self.unit_filter.currentData()
        if unit_id is not None:
            with self.db.session() as s:
                found.append(Employee.unit_id.in_(unit_with_descendants(s, unit_id)))
        if self.due_only.isChecked():
            today = dt.date.today()
            found += [
                Briefing.id.in_(_latest_of_people_at_work()),
                Briefing.next_due <= today + dt.timedelta(days=DUE_SOON_DAYS),
                Employee.dismissal_date.is_(None),
            ]
        return found

    def record_dialog(self, row_id: int | None) -> QDialog:
        return BriefingDialog(self.db, row_id, self)

    def delete_current(self) -> bool:
        return self.delete_selected(
            lambda s, row_id: delete_briefing(s, row_id, None),
            N_("Delete the selected briefing record?"),
        )

    def print_journal(self) -> None:
        choice = JournalChoice(self.db, self)
        if choice.exec() != QDialog.DialogCode.Accepted or choice.unit.currentData() is None:
            return
        self.preview(
            choice.journal.currentData(),
            int(choice.unit.currentData()),
            date_from=choice.date_from.value(),
            date_to=choice.date_to.value(),
        )

    def preview(
        self, form: str, unit_id: int, exec_dialog: bool = True, **options: object
    ) -> QDialog | None:
        from safedesk.forms.pdf.registry import render_form
        from safedesk.ui.widgets.pdf_preview import PdfPreviewDialog

        folder = Path(tempfile.mkdtemp(prefix="safedesk-print-"))

        def render(lang: str) -> Path:
            with self.db.session() as s:
                out = folder / f"{form}-{unit_id}-{lang}.pdf"
                return render_form(s, form, unit_id, out, lang, **options)

        try:
            dialog = PdfPreviewDialog(render, f"{form}-{unit_id}.pdf", self)
        except Exception as e:
            show_error(self, e)
            return None
        if exec_dialog:
            dialog.exec()
        return dialog
