"""The organisation card, asked for at first start and editable in Settings."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QSpinBox, QWidget
from sqlalchemy.orm import Session

from safedesk.db.engine import Database
from safedesk.db.organisation import OrganisationFields, get_organisation, save_organisation
from safedesk.domain.people import needs_ohs_service
from safedesk.i18n import _
from safedesk.ui.widgets.record_dialog import RecordDialog


class OrganisationDialog(RecordDialog):
    def __init__(self, db: Database, parent: QWidget | None = None, first_start: bool = False):
        super().__init__(db, _("Organisation"), parent)
        if first_start:
            intro = QLabel(
                _("Welcome to SafeDesk. Enter your organisation: it heads every printed form.")
            )
            intro.setWordWrap(True)
            self.form.addRow(intro)
        self.version: int | None = None
        self.name_kk = self.add_field("name_kk", _("Name in Kazakh"), QLineEdit())
        self.name_ru = self.add_field("name_ru", _("Name in Russian"), QLineEdit())
        self.bin = self.add_field("bin", _("BIN"), QLineEdit())
        self.bin.setMaxLength(12)
        self.address = self.add_field("address", _("Address"), QLineEdit())
        self.head_name = self.add_field("head_name", _("Head's full name"), QLineEdit())
        self.head_position_kk = self.add_field(
            "head_position_kk", _("Head's position in Kazakh"), QLineEdit()
        )
        self.head_position_ru = self.add_field(
            "head_position_ru", _("Head's position in Russian"), QLineEdit()
        )
        self.headcount = self.add_field("headcount", _("Headcount"), QSpinBox())
        self.headcount.setRange(0, 1_000_000)
        self.service_hint = QLabel()
        self.form.addRow("", self.service_hint)
        self.phone = self.add_field("phone", _("Phone"), QLineEdit())
        self.email = self.add_field("email", _("E-mail"), QLineEdit())
        self.headcount.valueChanged.connect(self._headcount_changed)
        self.setMinimumWidth(520)
        self._load()
        self._headcount_changed(self.headcount.value())

    def _load(self) -> None:
        with self.db.session() as s:
            org = get_organisation(s)
            if org is None:
                return
            self.version = org.version
            self.name_kk.setText(org.name_kk)
            self.name_ru.setText(org.name_ru)
            self.bin.setText(org.bin)
            self.address.setText(org.address)
            self.head_name.setText(org.head_name)
            self.head_position_kk.setText(org.head_position_kk)
            self.head_position_ru.setText(org.head_position_ru)
            self.headcount.setValue(org.headcount)
            self.phone.setText(org.phone)
            self.email.setText(org.email)

    def _headcount_changed(self, value: int) -> None:
        # Labour Code art. 202, shown where the number is typed.
        self.service_hint.setText(
            _("More than 50 workers: an OHS service is required (Labour Code art. 202).")
            if needs_ohs_service(value)
            else _("Up to 50 workers: an OHS specialist or assigned duties (art. 202).")
        )

    def save(self, session: Session) -> int:
        fields = OrganisationFields(
            name_kk=self.name_kk.text(),
            name_ru=self.name_ru.text(),
            bin=self.bin.text(),
            address=self.address.text(),
            head_name=self.head_name.text(),
            head_position_kk=self.head_position_kk.text(),
            head_position_ru=self.head_position_ru.text(),
            headcount=self.headcount.value(),
            phone=self.phone.text(),
            email=self.email.text(),
        )
        return save_organisation(session, fields, self.version).id
