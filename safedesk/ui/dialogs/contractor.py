"""A contractor organisation, and a worker of a contractor."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget
from sqlalchemy.orm import Session

from safedesk.db.contractors import (
    ContractorFields,
    WorkerFields,
    add_contractor,
    add_worker,
    contractors,
    update_contractor,
    update_worker,
)
from safedesk.db.engine import Database
from safedesk.db.models import Contractor, ContractorWorker
from safedesk.domain.people import ELECTRICAL_GROUPS
from safedesk.i18n import _
from safedesk.ui.dialogs.certificate import ROMAN
from safedesk.ui.widgets.fields import DateField, set_combo_value
from safedesk.ui.widgets.record_dialog import RecordDialog


def fill_contractors(
    combo: QComboBox, db: Database, empty: str | None, skip: int | None = None
) -> None:
    combo.clear()
    if empty is not None:
        combo.addItem(empty, None)
    with db.session() as s:
        for c in contractors(s):
            if c.id != skip:
                combo.addItem(f"{c.name} ({c.bin})", c.id)


class ContractorDialog(RecordDialog):
    def __init__(
        self, db: Database, contractor_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, _("Contractor"), parent)
        self.contractor_id = contractor_id
        self.version: int | None = None
        self.name = self.add_field("name", _("Name"), QLineEdit())
        self.bin = self.add_field("bin", _("BIN"), QLineEdit())
        self.bin.setMaxLength(12)
        self.bin.setInputMask("")
        self.address = self.add_field("address", _("Address"), QLineEdit())
        self.contact = self.add_field("contact", _("Contact person and phone"), QLineEdit())
        self.contract_no = self.add_field("contract_no", _("Contract No."), QLineEdit())
        self.contract_from = self.add_field(
            "contract_from", _("Contract from"), DateField(optional=True)
        )
        self.contract_to = self.add_field("contract_to", _("Contract to"), DateField(optional=True))
        self.parent_combo = QComboBox()
        fill_contractors(self.parent_combo, db, _("— engaged by us —"), skip=contractor_id)
        self.add_field("parent_id", _("Sub-contractor of"), self.parent_combo)
        self.scope = self.add_field("scope", _("Work contracted"), QLineEdit())
        self.note = self.add_field("note", _("Note"), QLineEdit())
        self.setMinimumWidth(560)
        if contractor_id is not None:
            self._load(contractor_id)

    def _load(self, contractor_id: int) -> None:
        with self.db.session() as s:
            row = s.get(Contractor, contractor_id)
            if row is None:
                return
            self.version = row.version
            self.name.setText(row.name)
            self.bin.setText(row.bin)
            self.address.setText(row.address)
            self.contact.setText(row.contact)
            self.contract_no.setText(row.contract_no)
            self.contract_from.set_value(row.contract_from)
            self.contract_to.set_value(row.contract_to)
            set_combo_value(self.parent_combo, row.parent_id)
            self.scope.setText(row.scope)
            self.note.setText(row.note)

    def save(self, session: Session) -> int:
        fields = ContractorFields(
            name=self.name.text(),
            bin=self.bin.text(),
            address=self.address.text(),
            contact=self.contact.text(),
            contract_no=self.contract_no.text(),
            contract_from=self.contract_from.value(),
            contract_to=self.contract_to.value(),
            parent_id=self.parent_combo.currentData(),
            scope=self.scope.text(),
            note=self.note.text(),
        )
        if self.contractor_id is None:
            return add_contractor(session, fields).id
        return update_contractor(session, self.contractor_id, self.version, fields).id


class WorkerDialog(RecordDialog):
    def __init__(
        self,
        db: Database,
        worker_id: int | None = None,
        parent: QWidget | None = None,
        contractor_id: int | None = None,
    ) -> None:
        super().__init__(db, _("Contractor's worker"), parent)
        self.worker_id = worker_id
        self.version: int | None = None
        self.contractor = QComboBox()
        self.contractor.setObjectName("contractor")
        fill_contractors(self.contractor, db, None)
        set_combo_value(self.contractor, contractor_id)
        self.add_field("contractor_id", _("Contractor"), self.contractor)
        self.iin = self.add_field("iin", _("IIN"), QLineEdit())
        self.iin.setMaxLength(12)
        self.surname = self.add_field("surname", _("Surname"), QLineEdit())
        self.name = self.add_field("name", _("Name"), QLineEdit())
        self.patronymic = self.add_field("patronymic", _("Patronymic"), QLineEdit())
        self.position = self.add_field("position", _("Position"), QLineEdit())
        self.group = QComboBox()
        self.group.addItem("—", None)
        for g in ELECTRICAL_GROUPS:
            self.group.addItem(ROMAN[g], g)
        self.add_field("electrical_group", _("Electrical safety group"), self.group)
        self.arrived_on = self.add_field(
            "arrived_on", _("On the site from"), DateField(optional=True)
        )
        self.left_on = self.add_field("left_on", _("Left the site on"), DateField(optional=True))
        self.setMinimumWidth(520)
        if worker_id is not None:
            self._load(worker_id)

    def _load(self, worker_id: int) -> None:
        with self.db.session() as s:
            row = s.get(ContractorWorker, worker_id)
            if row is None:
                return
            self.version = row.version
            set_combo_value(self.contractor, row.contractor_id)
            self.iin.setText(row.iin)
            self.surname.setText(row.surname)
            self.name.setText(row.name)
            self.patronymic.setText(row.patronymic)
            self.position.setText(row.position)
            set_combo_value(self.group, row.electrical_group)
            self.arrived_on.set_value(row.arrived_on)
            self.left_on.set_value(row.left_on)

    def save(self, session: Session) -> int:
        fields = WorkerFields(
            contractor_id=self.contractor.currentData(),
            iin=self.iin.text(),
            surname=self.surname.text(),
            name=self.name.text(),
            patronymic=self.patronymic.text(),
            position=self.position.text(),
            electrical_group=self.group.currentData(),
            arrived_on=self.arrived_on.value(),
            left_on=self.left_on.value(),
        )
        if self.worker_id is None:
            return add_worker(session, fields).id
        return update_worker(session, self.worker_id, self.version, fields).id
