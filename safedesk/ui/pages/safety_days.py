"""OHS days (roadmap item 5): one a month, with the attendance sheet to print."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QWidget
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import aliased

from safedesk.db.engine import Database, casefold
from safedesk.db.models import Employee, SafetyDay, SafetyDayAttendance, Unit
from safedesk.db.safety_days import delete_safety_day
from safedesk.domain.safety_days import SAFETY_DAY_KIND_LABELS, SafetyDayKind
from safedesk.i18n import N_, _, format_date
from safedesk.ui.dialogs.safety_day import SafetyDayDialog
from safedesk.ui.models import Column, SelectTableModel
from safedesk.ui.pages.employees import localized_name
from safedesk.ui.widgets.errors import show_error
from safedesk.ui.widgets.table_page import TablePage

Leader = aliased(Employee)


def kind_label(value: object) -> str:
    try:
        return _(SAFETY_DAY_KIND_LABELS[SafetyDayKind(str(value))])
    except ValueError:
        return str(value or "")


def _count(present_only: bool) -> object:
    query = select(func.count()).where(SafetyDayAttendance.safety_day_id == SafetyDay.id)
    if present_only:
        query = query.where(SafetyDayAttendance.present.is_(True))
    return query.correlate(SafetyDay).scalar_subquery()


class SafetyDaysPage(TablePage):
    search_hint = N_("Find by topic")

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)

    def build_filters(self) -> None:
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("kind_filter")
        self.kind_filter.addItem(_("All kinds"), None)
        for kind in SafetyDayKind:
            self.kind_filter.addItem(_(SAFETY_DAY_KIND_LABELS[kind]), kind.value)
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.filter_bar.addWidget(self.kind_filter, 1)
        self.print_action = self.action(_("Print attendance sheet…"), self.print_sheet, "Ctrl+P")
        self.delete_action = self.action(_("Delete"), self.delete_current)

    def make_model(self) -> SelectTableModel:
        unit = func.coalesce(localized_name(Unit.name_kk, Unit.name_ru), _("The whole enterprise"))
        columns = [
            Column(N_("Date"), SafetyDay.held_on, show=format_date, width=10),
            Column(N_("Kind"), SafetyDay.kind, show=kind_label, width=27),
            Column(N_("Topic"), SafetyDay.topic, width=26),
            Column(N_("Unit"), unit, width=18),
            Column(N_("Led by"), Leader.surname + " " + Leader.name, width=18),
            Column(N_("Listed"), _count(False), align_right=True, width=6),  # type: ignore[arg-type]
            Column(N_("Present"), _count(True), align_right=True, width=6),  # type: ignore[arg-type]
        ]

        def source():  # type: ignore[no-untyped-def]
            return (
                select()
                .select_from(SafetyDay)
                .outerjoin(Unit, SafetyDay.unit_id == Unit.id)
                .outerjoin(Leader, SafetyDay.leader_id == Leader.id)
            )

        return SelectTableModel(self.db, columns, source, SafetyDay.id, filters=self.conditions())

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = [SafetyDay.deleted_at.is_(None)]
        typed = self.search.text().strip()
        if typed:
            # Not icontains: SQLite's lower() leaves Cyrillic alone.
            found.append(casefold(SafetyDay.topic).contains(typed.casefold(), autoescape=True))
        kind = self.kind_filter.currentData()
        if kind is not None:
            found.append(SafetyDay.kind == kind)
        return found

    def record_dialog(self, row_id: int | None) -> QDialog:
        return SafetyDayDialog(self.db, row_id, self)

    def delete_current(self) -> bool:
        return self.delete_selected(
            lambda s, row_id: delete_safety_day(s, row_id, None),
            N_("Delete the selected OHS day?"),
        )

    def print_sheet(self) -> None:
        row_id = self.current_id()
        if row_id is not None:
            self.preview(row_id)

    def preview(self, day_id: int, exec_dialog: bool = True) -> QDialog | None:
        from safedesk.forms.pdf.registry import render_form
        from safedesk.ui.widgets.pdf_preview import PdfPreviewDialog

        folder = Path(tempfile.mkdtemp(prefix="safedesk-print-"))

        def render(lang: str) -> Path:
            with self.db.session() as s:
                out = folder / f"attendance-sheet-{day_id}-{lang}.pdf"
                return render_form(s, "attendance-sheet", day_id, out, lang)

        try:
            dialog = PdfPreviewDialog(render, f"attendance-sheet-{day_id}.pdf", self)
        except Exception as e:
            show_error(self, e)
            return None
        if exec_dialog:
            dialog.exec()
        return dialog
