"""The holiday calendar the accident deadlines count working days by (reference data)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QSpinBox
from sqlalchemy import ColumnElement, select

from safedesk.db.holidays import delete_holiday
from safedesk.db.models import PublicHoliday
from safedesk.domain.working_days import DAY_KIND_LABELS
from safedesk.i18n import N_, _, format_date
from safedesk.ui.dialogs.accident_deadlines import TITLE as DEADLINES_TITLE
from safedesk.ui.dialogs.accident_deadlines import AccidentDeadlinesDialog
from safedesk.ui.dialogs.holiday import HolidayDialog
from safedesk.ui.models import Column, SelectTableModel
from safedesk.ui.pages.employees import localized_name
from safedesk.ui.pages.incident_columns import show_label
from safedesk.ui.widgets.table_page import TablePage


def _weekday(value: object) -> str:
    names = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
    return _(names[value.weekday()]) if isinstance(value, dt.date) else ""


class HolidaysPage(TablePage):
    search_hint = N_("Find by name or legal basis")

    def build_filters(self) -> None:
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.year.setSpecialValueText(_("All years"))
        self.year.valueChanged.connect(lambda _v: self.apply_filters())
        self.filter_bar.addWidget(self.year)
        self.delete_action = self.action(_("Delete"), self.delete_current)
        self.deadlines_action = self.action(_(DEADLINES_TITLE), self.edit_deadlines)

    def make_model(self) -> SelectTableModel:
        columns = [
            Column(N_("Date"), PublicHoliday.day, show=format_date, width=10),
            Column(N_("Day"), PublicHoliday.day, show=_weekday, width=4),
            Column(
                N_("Kind of day"), PublicHoliday.kind, show=show_label(DAY_KIND_LABELS), width=18
            ),
            Column(
                N_("Title"), localized_name(PublicHoliday.name_kk, PublicHoliday.name_ru), width=30
            ),
            Column(N_("Legal basis"), PublicHoliday.legal_basis, width=40),
            Column(N_("Edition date"), PublicHoliday.edition_date, show=format_date, width=10),
            Column(N_("Note"), PublicHoliday.note, width=30),
        ]

        def source():  # type: ignore[no-untyped-def]
            return select().select_from(PublicHoliday)

        return SelectTableModel(
            self.db, columns, source, PublicHoliday.id, filters=self.conditions()
        )

    def conditions(self) -> list[ColumnElement[bool]]:
        found: list[ColumnElement[bool]] = []
        year = self.year.value()
        if year != self.year.minimum():
            found.append(PublicHoliday.day >= dt.date(year, 1, 1))
            found.append(PublicHoliday.day <= dt.date(year, 12, 31))
        text = self.search.text().strip()
        if text:
            found.append(
                PublicHoliday.name_ru.icontains(text, autoescape=True)
                | PublicHoliday.name_kk.icontains(text, autoescape=True)
                | PublicHoliday.legal_basis.icontains(text, autoescape=True)
            )
        return found

    def record_dialog(self, row_id: int | None) -> QDialog:
        return HolidayDialog(self.db, row_id, self)

    def edit_deadlines(self) -> None:
        """The accident investigation periods counted by this calendar."""
        AccidentDeadlinesDialog(self.db, self).exec()

    def delete_current(self) -> bool:
        return self.delete_selected(
            lambda s, row_id: delete_holiday(s, row_id, None), N_("Delete the selected holiday?")
        )
