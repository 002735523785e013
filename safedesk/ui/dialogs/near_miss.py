"""A near miss: the quick report (under 30 seconds) and the full record with its follow-up.

The quick form asks only what a worker can tell at once; everything has a default
(now, the unit of the last report, unsafe condition, moderate, anonymous), so a report is
Tab, type, Tab, type, Enter.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget
from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.engine import Database
from safedesk.db.models import NearMiss
from safedesk.db.near_misses import NearMissFields, report_near_miss, update_near_miss
from safedesk.domain.incidents import (
    ACTION_STATUS_LABELS,
    NEAR_MISS_CATEGORY_LABELS,
    SEVERITY_LABELS,
    NearMissCategory,
    Severity,
)
from safedesk.i18n import _
from safedesk.ui.choices import fill_units
from safedesk.ui.dialogs.incident_fields import DateTimeField, enum_combo, risk_row_combo
from safedesk.ui.widgets.employee_picker import EmployeePicker
from safedesk.ui.widgets.fields import DateField, set_combo_value
from safedesk.ui.widgets.record_dialog import RecordDialog


class NearMissDialog(RecordDialog):
    def __init__(
        self,
        db: Database,
        near_miss_id: int | None = None,
        parent: QWidget | None = None,
        quick: bool | None = None,
    ) -> None:
        self.quick = near_miss_id is None if quick is None else quick
        title = _("Report a near miss") if self.quick else _("Near miss")
        super().__init__(db, title, parent)
        self.near_miss_id = near_miss_id
        self.version: int | None = None
        self.occurred_at = self.add_field("occurred_at", _("Date and time"), DateTimeField())
        self.unit = self.add_field("unit_id", _("Place (unit)"), QComboBox())
        fill_units(self.unit, db, _("— choose —"))
        self.category = self.add_field(
            "category",
            _("Category"),
            enum_combo(NEAR_MISS_CATEGORY_LABELS, NearMissCategory.UNSAFE_CONDITION),
        )
        self.severity = self.add_field(
            "severity", _("Potential severity"), enum_combo(SEVERITY_LABELS, Severity.MODERATE)
        )
        self.description = self.add_field("description", _("What happened"), QLineEdit())
        self.description.setPlaceholderText(_("What was seen, where exactly"))
        self.immediate_action = self.add_field(
            "immediate_action", _("Immediate action"), QLineEdit()
        )
        self.anonymous = self.add_field("anonymous", _("Reporter"), QCheckBox(_("Anonymous")))
        self.anonymous.setChecked(True)
        self.reporter = self.add_field("reporter_id", "", EmployeePicker(db))
        self.reporter.setEnabled(False)
        self.anonymous.toggled.connect(lambda on: self.reporter.setEnabled(not on))
        self.place = QLineEdit()
        self.action = QLineEdit()
        self.owner = EmployeePicker(db)
        self.due = DateField(optional=True)
        self.status = enum_combo(ACTION_STATUS_LABELS)
        self.closed_on = DateField(optional=True)
        self.risk_row = risk_row_combo(db)
        if not self.quick:
            self.add_field("place", _("Exact place"), self.place)
            self.add_field("action", _("Corrective action"), self.action)
            self.add_field("action_owner_id", _("Action owner"), self.owner)
            self.add_field("action_due", _("Due date"), self.due)
            self.add_field("status", _("Status"), self.status)
            self.add_field("closed_on", _("Closed on"), self.closed_on)
            self.add_field("risk_row_id", _("WRAC row to revise"), self.risk_row)
        self.setMinimumWidth(560)
        if near_miss_id is not None:
            self._load(near_miss_id)
        else:
            set_combo_value(self.unit, self._last_unit())
        # Start where typing begins: the place on a first report, else what happened.
        (self.description if self.unit.currentData() is not None else self.unit).setFocus()

    def _last_unit(self) -> int | None:
        """The unit of the last report: most reports come from the same place."""
        with self.db.session() as s:
            return s.scalar(
                select(NearMiss.unit_id)
                .where(NearMiss.deleted_at.is_(None))
                .order_by(NearMiss.id.desc())
                .limit(1)
            )

    def _load(self, near_miss_id: int) -> None:
        with self.db.session() as s:
            row = s.get(NearMiss, near_miss_id)
            if row is None:
                return
            self.version = row.version
            self.occurred_at.set_value(row.occurred_at)
            set_combo_value(self.unit, row.unit_id)
            set_combo_value(self.category, row.category)
            set_combo_value(self.severity, row.severity)
            self.description.setText(row.description)
            self.immediate_action.setText(row.immediate_action)
            self.anonymous.setChecked(row.anonymous)
            self.reporter.set_value(row.reporter_id)
            self.place.setText(row.place)
            self.action.setText(row.action)
            self.owner.set_value(row.action_owner_id)
            self.due.set_value(row.action_due)
            set_combo_value(self.status, row.status)
            self.closed_on.set_value(row.closed_on)
            set_combo_value(self.risk_row, row.risk_row_id)

    def collect(self) -> NearMissFields:
        anonymous = self.anonymous.isChecked()
        return NearMissFields(
            occurred_at=self.occurred_at.value(),
            unit_id=self.unit.currentData(),
            category=str(self.category.currentData()),
            severity=str(self.severity.currentData()),
            description=self.description.text(),
            place=self.place.text(),
            anonymous=anonymous,
            reporter_id=None if anonymous else self.reporter.value(),
            immediate_action=self.immediate_action.text(),
            action=self.action.text(),
            action_owner_id=self.owner.value(),
            action_due=self.due.value(),
            status=str(self.status.currentData()),
            closed_on=self.closed_on.value(),
            risk_row_id=self.risk_row.currentData(),
        )

    def save(self, session: Session) -> int:
        fields = self.collect()
        if self.near_miss_id is None:
            row_id = report_near_miss(session, fields).id
        else:
            row_id = update_near_miss(session, self.near_miss_id, self.version, fields).id
        return row_id
