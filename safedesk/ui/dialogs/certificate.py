"""A certificate of external training, held by an employee or by a contractor's worker."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QRadioButton, QWidget
from sqlalchemy.orm import Session

from safedesk.db.certificates import (
    CertificateFields,
    add_certificate,
    kinds,
    update_certificate,
    usual_valid_to,
)
from safedesk.db.engine import Database
from safedesk.db.models import Certificate, CertificateKind
from safedesk.domain.people import ELECTRICAL_GROUPS, group_numeral
from safedesk.i18n import _, current_language, pick
from safedesk.ui.widgets.employee_picker import EmployeePicker
from safedesk.ui.widgets.fields import DateField, set_combo_value
from safedesk.ui.widgets.record_dialog import RecordDialog
from safedesk.ui.widgets.worker_picker import WorkerPicker

ROMAN = {g: group_numeral(g) for g in ELECTRICAL_GROUPS}


def kind_title(kind: CertificateKind) -> str:
    if current_language() == "en" and kind.name_en:
        return kind.name_en
    return pick(kind.name_kk, kind.name_ru)


class HolderField(QWidget):
    """An employee or a contractor's worker: one of the two pickers, chosen by a switch."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.own = QRadioButton(_("Employee"))
        self.own.setChecked(True)
        self.theirs = QRadioButton(_("Contractor's worker"))
        self.employee = EmployeePicker(db)
        self.worker = WorkerPicker(db)
        self.worker.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.own)
        layout.addWidget(self.theirs)
        layout.addWidget(self.employee, 1)
        layout.addWidget(self.worker, 1)
        self.own.toggled.connect(self._switch)

    def _switch(self, own: bool) -> None:
        self.employee.setVisible(own)
        self.worker.setVisible(not own)

    def ids(self) -> tuple[int | None, int | None]:
        if self.own.isChecked():
            return self.employee.value(), None
        return None, self.worker.value()

    def set_ids(self, employee_id: int | None, worker_id: int | None) -> None:
        if worker_id is not None:
            self.theirs.setChecked(True)
            self.worker.set_value(worker_id)
        else:
            self.own.setChecked(True)
            self.employee.set_value(employee_id)


class CertificateDialog(RecordDialog):
    def __init__(
        self, db: Database, certificate_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, _("Certificate"), parent)
        self.certificate_id = certificate_id
        self.version: int | None = None
        self.holder = self.add_field("holder", _("Holder"), HolderField(db))
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        with db.session() as s:
            self._electrical = {k.code for k in kinds(s) if k.electrical}
            for k in kinds(s):
                self.kind.addItem(kind_title(k), k.code)
        self.add_field("kind", _("Kind"), self.kind)
        self.number = self.add_field("number", _("Certificate No."), QLineEdit())
        self.issued_by = self.add_field("issued_by", _("Issued by"), QLineEdit())
        self.issued_on = self.add_field("issued_on", _("Issued on"), DateField())
        self.valid_to = self.add_field("valid_to", _("Valid to"), DateField(optional=True))
        self.group = QComboBox()
        self.group.addItem("—", None)
        for g in ELECTRICAL_GROUPS:
            self.group.addItem(ROMAN[g], g)
        self.add_field("electrical_group", _("Electrical safety group"), self.group)
        self.note = self.add_field("note", _("Note"), QLineEdit())
        self.setMinimumWidth(640)
        if certificate_id is not None:
            self._load(certificate_id)
        else:
            self._propose_valid_to()
        self.kind.currentIndexChanged.connect(lambda _i: self._propose_valid_to())
        self.issued_on.dateChanged.connect(lambda _d: self._propose_valid_to())

    def _propose_valid_to(self) -> None:
        """The kind's usual validity from the issue date; the user may change it."""
        code = str(self.kind.currentData() or "")
        with self.db.session() as s:
            self.valid_to.set_value(
                usual_valid_to(s, code, self.issued_on.value() or dt.date.today())
            )
        self.group.setEnabled(code in self._electrical)
        if code not in self._electrical:
            self.group.setCurrentIndex(0)

    def _load(self, certificate_id: int) -> None:
        with self.db.session() as s:
            row = s.get(Certificate, certificate_id)
            if row is None:
                return
            self.version = row.version
            self.holder.set_ids(row.employee_id, row.contractor_worker_id)
            set_combo_value(self.kind, row.kind)
            self.number.setText(row.number)
            self.issued_by.setText(row.issued_by)
            self.issued_on.set_value(row.issued_on)
            self.valid_to.set_value(row.valid_to)
            set_combo_value(self.group, row.electrical_group)
            self.group.setEnabled(row.kind in self._electrical)
            self.note.setText(row.note)

    def collect(self) -> CertificateFields:
        employee_id, worker_id = self.holder.ids()
        return CertificateFields(
            kind=str(self.kind.currentData() or ""),
            issued_on=self.issued_on.value() or dt.date.today(),
            employee_id=employee_id,
            contractor_worker_id=worker_id,
            number=self.number.text(),
            issued_by=self.issued_by.text(),
            valid_to=self.valid_to.value(),
            electrical_group=self.group.currentData(),
            note=self.note.text(),
        )

    def save(self, session: Session) -> int:
        fields = self.collect()
        if self.certificate_id is None:
            return add_certificate(session, fields).id
        return update_certificate(session, self.certificate_id, self.version, fields).id
