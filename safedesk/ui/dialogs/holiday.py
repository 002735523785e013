"""One day of the holiday calendar: a holiday, a moved day off, or a worked weekend day."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget
from sqlalchemy.orm import Session

from safedesk.db.engine import Database
from safedesk.db.holidays import HolidayFields, add_holiday, update_holiday
from safedesk.db.models import PublicHoliday
from safedesk.domain.working_days import DAY_KIND_LABELS
from safedesk.i18n import _
from safedesk.ui.dialogs.incident_fields import enum_combo
from safedesk.ui.widgets.fields import DateField, set_combo_value
from safedesk.ui.widgets.record_dialog import RecordDialog


class HolidayDialog(RecordDialog):
    def __init__(
        self, db: Database, holiday_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, _("Calendar day"), parent)
        self.holiday_id = holiday_id
        self.version: int | None = None
        self.day = self.add_field("day", _("Date"), DateField())
        self.kind = self.add_field("kind", _("Kind of day"), enum_combo(DAY_KIND_LABELS))
        self.name_kk = self.add_field("name_kk", _("Name (Kazakh)"), QLineEdit())
        self.name_ru = self.add_field("name_ru", _("Name (Russian)"), QLineEdit())
        self.legal_basis = self.add_field("legal_basis", _("Legal basis"), QLineEdit())
        self.legal_basis.setPlaceholderText(_("e.g. Government decree No. … of …"))
        self.edition_date = self.add_field(
            "edition_date", _("Edition date"), DateField(optional=True)
        )
        self.note = self.add_field("note", _("Note"), QLineEdit())
        self.setMinimumWidth(560)
        if holiday_id is not None:
            with db.session() as s:
                row = s.get(PublicHoliday, holiday_id)
                if row is not None:
                    self.version = row.version
                    self.day.set_value(row.day)
                    set_combo_value(self.kind, row.kind)
                    self.name_kk.setText(row.name_kk)
                    self.name_ru.setText(row.name_ru)
                    self.legal_basis.setText(row.legal_basis)
                    self.edition_date.set_value(row.edition_date)
                    self.note.setText(row.note)

    def save(self, session: Session) -> int:
        fields = HolidayFields(
            day=self.day.value(),
            kind=str(self.kind.currentData()),
            name_kk=self.name_kk.text(),
            name_ru=self.name_ru.text(),
            legal_basis=self.legal_basis.text(),
            edition_date=self.edition_date.value(),
            note=self.note.text(),
        )
        if self.holiday_id is None:
            return add_holiday(session, fields).id
        return update_holiday(session, self.holiday_id, self.version, fields).id
