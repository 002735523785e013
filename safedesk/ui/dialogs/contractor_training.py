"""Registering a briefing or a knowledge check of contractors' workers."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget, QListWidgetItem, QWidget
from sqlalchemy.orm import Session

from safedesk.db.contractor_training import (
    ContractorBriefingFields,
    ContractorCheckFields,
    record_contractor_check,
    register_contractor_briefings,
)
from safedesk.db.contractors import workers_on_site
from safedesk.db.engine import Database
from safedesk.domain.training import (
    BRIEFING_KIND_LABELS,
    CHECK_OUTCOME_LABELS,
    BriefingKind,
    CheckOutcome,
)
from safedesk.i18n import _
from safedesk.ui.widgets.employee_picker import EmployeePicker
from safedesk.ui.widgets.fields import DateField, set_combo_value
from safedesk.ui.widgets.record_dialog import RecordDialog
from safedesk.ui.widgets.worker_picker import WorkerPicker, worker_label


class ContractorBriefingDialog(RecordDialog):
    """One briefing for the ticked workers of a contractor (all of them by default)."""

    def __init__(
        self,
        db: Database,
        contractor_id: int | None,
        chosen: list[int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, _("Briefing of contractors' workers"), parent)
        self.kind = QComboBox()
        for kind in BriefingKind:
            self.kind.addItem(_(BRIEFING_KIND_LABELS[kind]), kind)
        set_combo_value(self.kind, BriefingKind.INTRODUCTORY)
        self.add_field("kind", _("Kind"), self.kind)
        self.held_on = self.add_field("date", _("Date"), DateField())
        self.instructor = self.add_field("instructor_id", _("Instructor"), EmployeePicker(db))
        self.people = QListWidget()
        self.people.setObjectName("people")
        self.people.setMinimumHeight(160)
        with db.session() as s:
            for w in workers_on_site(s, dt.date.today(), contractor_id):
                item = QListWidgetItem(worker_label(w))
                item.setData(Qt.ItemDataRole.UserRole, w.id)
                ticked = chosen is None or w.id in chosen
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
                self.people.addItem(item)
        self.add_field("people", _("People briefed"), self.people)
        self.topic = self.add_field("topic", _("Topic"), QLineEdit())
        self.reason = self.add_field("reason", _("Reason (unscheduled)"), QLineEdit())
        self.setMinimumWidth(600)

    def ticked(self) -> list[int]:
        return [
            int(self.people.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.people.count())
            if self.people.item(i).checkState() == Qt.CheckState.Checked
        ]

    def save(self, session: Session) -> int:
        rows = register_contractor_briefings(
            session,
            ContractorBriefingFields(
                kind=BriefingKind(self.kind.currentData()),
                held_on=self.held_on.value() or dt.date.today(),
                instructor_id=self.instructor.value(),
                worker_ids=self.ticked(),
                topic=self.topic.text(),
                reason=self.reason.text(),
            ),
        )
        return rows[0].worker_id


class ContractorCheckDialog(RecordDialog):
    """A knowledge check of one contractor's worker, with the protocol that records it."""

    def __init__(
        self, db: Database, worker_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, _("Knowledge check of a contractor's worker"), parent)
        self.worker = self.add_field("worker", _("Contractor's worker"), WorkerPicker(db))
        self.worker.set_value(worker_id)
        self.checked_on = self.add_field("checked_on", _("Date"), DateField())
        self.outcome = QComboBox()
        for outcome in CheckOutcome:
            self.outcome.addItem(_(CHECK_OUTCOME_LABELS[outcome]), outcome)
        self.add_field("outcome", _("Result"), self.outcome)
        self.valid_until = self.add_field(
            "valid_until", _("Valid to (empty: by the norms)"), DateField(optional=True)
        )
        self.checked_by = self.add_field("checked_by", _("Checked by"), QLineEdit())
        self.protocol_no = self.add_field("protocol_no", _("Protocol No."), QLineEdit())
        self.certificate_no = self.add_field("certificate_no", _("Certificate No."), QLineEdit())
        self.note = self.add_field("note", _("Note"), QLineEdit())
        self.setMinimumWidth(560)

    def save(self, session: Session) -> int:
        row = record_contractor_check(
            session,
            ContractorCheckFields(
                worker_id=self.worker.value(),
                checked_on=self.checked_on.value() or dt.date.today(),
                outcome=CheckOutcome(self.outcome.currentData()),
                valid_until=self.valid_until.value(),
                checked_by=self.checked_by.text(),
                protocol_no=self.protocol_no.text(),
                certificate_no=self.certificate_no.text(),
                note=self.note.text(),
            ),
        )
        return row.worker_id
