"""The accident register: legal deadlines of the selected accident, act Н-1, sign, correct."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QWidget
from sqlalchemy import ColumnElement, select

from safedesk.db.accidents import correct_accident, sign_act, steps_of
from safedesk.db.engine import Database
from safedesk.db.models import Accident, Unit
from safedesk.domain.accidents import CLASSIFICATION_LABELS
from safedesk.errors import SafeDeskError
from safedesk.i18n import N_, _, format_date
from safedesk.ui.dialogs.accident import AccidentDialog
from safedesk.ui.models import Column, SelectTableModel
from safedesk.ui.pages.employees import localized_name
from safedesk.ui.pages.incident_columns import newest_first, show_label, show_moment
from safedesk.ui.widgets.errors import show_error, show_problem
from safedesk.ui.widgets.table_page import TablePage


def _signed(value: object) -> str:
    return _("signed") if value else ""


class AccidentsPage(TablePage):
    search_hint = N_("Find by No., place or circumstances")

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        newest_first(self)
        self.deadlines = QLabel()
        self.deadlines.setObjectName("deadlines")
        self.deadlines.setWordWrap(True)
        layout = self.layout()
        if layout is not None:
            layout.addWidget(self.deadlines)
        self.table.selectionModel().currentRowChanged.connect(self._show_deadlines)
        if self.model.rowCount():
            self.table.selectRow(0)

    def build_filters(self) -> None:
        self.class_filter = QComboBox()
        self.class_filter.setObjectName("class_filter")
        self.class_filter.addItem(_("All classifications"), None)
        for key, label in CLASSIFICATION_LABELS.items():
            self.class_filter.addItem(_(label), key.value)
        self.class_filter.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.filter_bar.addWidget(self.class_filter)
        self.print_action = self.action(_("Print act Н-1…"), self.print_act, "Ctrl+P")
        self.sign_action = self.action(_("Sign the act"), self.sign_current)
        self.correct_action = self.action(_("Correct"), self.correct_current)
        self.export_action = self.action(_("Export to Excel…"), self.export)

    def make_model(self) -> SelectTableModel:
        columns = [
            Column(N_("Date and time"), Accident.occurred_at, show=show_moment, width=16),
            Column(N_("Register No."), Accident.number, width=10),
            Column(N_("Unit"), localized_name(Unit.name_kk, Unit.name_ru), width=20),
            Column(
                N_("Classification"),
                Accident.classification,
                show=show_label(CLASSIFICATION_LABELS),
                width=12,
            ),
            Column(N_("Victims"), Accident.victims_count, align_right=True, width=14),
            Column(N_("Days of incapacity"), Accident.days_lost, align_right=True, width=16),
            Column(N_("Inspection notified"), Accident.notified_on, show=format_date, width=16),
            Column(N_("Commission formed"), Accident.commission_on, show=format_date, width=16),
            Column(N_("Investigated"), Accident.investigated_on, show=format_date, width=16),
            Column(N_("Act No."), Accident.act_no, width=8),
            Column(N_("Act dated"), Accident.act_on, show=format_date, width=10),
            Column(N_("Act"), Accident.signed, show=_signed, width=8),
        ]

        def source():  # type: ignore[no-untyped-def]
            return select().select_from(Accident).join(Unit, Accident.unit_id == Unit.id)

        return SelectTableModel(self.db, columns, source, Accident.id, filters=self.conditions())

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = [Accident.deleted_at.is_(None)]
        text = self.search.text().strip()
        if text:
            found.append(
                Accident.number.icontains(text, autoescape=True)
                | Accident.place.icontains(text, autoescape=True)
                | Accident.circumstances.icontains(text, autoescape=True)
            )
        if self.class_filter.currentData() is not None:
            found.append(Accident.classification == self.class_filter.currentData())
        return found

    def record_dialog(self, row_id: int | None) -> QDialog:
        return AccidentDialog(self.db, row_id, self)

    def export(self, target: str | None = None) -> None:
        from safedesk.forms.accident_victims_xlsx import victims_sheet
        from safedesk.ui.pages.register_xlsx import export_register

        export_register(
            self,
            _("Accidents"),
            "accidents.xlsx",
            target,
            lambda s, ids: [victims_sheet(s, ids)],
        )

    def deadline_text(self, accident_id: int) -> str:
        today = dt.date.today()
        with self.db.session() as s:
            row = s.get(Accident, accident_id)
            if row is None:
                return ""
            steps = steps_of(s, row)
        parts = []
        for step in steps:
            if step.done is not None:
                mark = _("done {date}").format(date=format_date(step.done))
            elif step.overdue(today):
                mark = _("OVERDUE")
            else:
                mark = _("to do")
            parts.append(
                _("{what}: by {date} ({mark})").format(
                    what=_(step.what), date=format_date(step.due), mark=mark
                )
            )
        return " · ".join(parts)

    def _show_deadlines(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row_id = self.model.row_id(current.row()) if current.isValid() else None
        self.deadlines.setText(self.deadline_text(row_id) if row_id is not None else "")

    def _selected(self, msgid: str) -> int | None:
        row_id = self.current_id()
        if row_id is None:
            show_problem(self, SafeDeskError(msgid))
        return row_id

    def print_act(self) -> None:
        row_id = self._selected(N_("Select an accident to print its act."))
        if row_id is None:
            return
        from safedesk.ui.printing import preview_form

        try:
            preview_form(self, self.db, "accident-act", row_id)
        except SafeDeskError as e:
            show_problem(self, e)
        except Exception as e:
            show_error(self, e)

    def sign_current(self) -> None:
        row_id = self._selected(N_("Select an accident whose act was signed."))
        if row_id is None:
            return
        try:
            with self.db.write() as s:
                sign_act(s, row_id, None)
        except SafeDeskError as e:
            show_problem(self, e)
            return
        self.after_save(row_id)

    def correct_current(self) -> None:
        row_id = self._selected(N_("Select the accident to correct."))
        if row_id is None:
            return
        try:
            with self.db.write() as s:
                new_id = correct_accident(s, row_id).id
        except SafeDeskError as e:
            show_problem(self, e)
            return
        self.after_save(new_id)
        self.open_record(new_id)
