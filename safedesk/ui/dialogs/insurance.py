"""A compulsory accident insurance contract (roadmap item 43)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLineEdit, QSpinBox, QWidget
from sqlalchemy.orm import Session

from safedesk.db.engine import Database
from safedesk.db.insurance import InsuranceFields, add_contract, update_contract
from safedesk.db.models.indicators import InsuranceContract
from safedesk.i18n import _
from safedesk.ui.widgets.fields import DateField
from safedesk.ui.widgets.record_dialog import RecordDialog


class InsuranceDialog(RecordDialog):
    def __init__(
        self, db: Database, contract_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, _("Accident insurance contract"), parent)
        self.contract_id = contract_id
        self.version: int | None = None
        self.insurer = self.add_field("insurer", _("Insurer"), QLineEdit())
        self.number = self.add_field("number", _("Contract No."), QLineEdit())
        self.signed_on = self.add_field("signed_on", _("Signed on"), DateField(optional=True))
        self.valid_from = self.add_field("valid_from", _("Valid from"), DateField())
        self.valid_to = self.add_field("valid_to", _("Valid to"), DateField())
        self.valid_to.set_value(dt.date.today() + dt.timedelta(days=364))
        self.insured = self.add_field("insured_count", _("Workers insured"), QSpinBox())
        self.insured.setRange(0, 1_000_000)
        self.note = self.add_field("note", _("Note"), QLineEdit())
        self.setMinimumWidth(480)
        if contract_id is not None:
            with db.session() as s:
                row = s.get(InsuranceContract, contract_id)
                if row is not None:
                    self.version = row.version
                    self.insurer.setText(row.insurer)
                    self.number.setText(row.number)
                    self.signed_on.set_value(row.signed_on)
                    self.valid_from.set_value(row.valid_from)
                    self.valid_to.set_value(row.valid_to)
                    self.insured.setValue(row.insured_count or 0)
                    self.note.setText(row.note)

    def save(self, session: Session) -> int:
        fields = InsuranceFields(
            insurer=self.insurer.text(),
            number=self.number.text(),
            valid_from=self.valid_from.value() or dt.date.today(),
            valid_to=self.valid_to.value() or dt.date.today(),
            signed_on=self.signed_on.value(),
            insured_count=self.insured.value() or None,
            note=self.note.text(),
        )
        if self.contract_id is None:
            return add_contract(session, fields).id
        return update_contract(session, self.contract_id, self.version, fields).id
