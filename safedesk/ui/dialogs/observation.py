"""An observation card (behavioural safety audit): counts per category, nobody named."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)
from sqlalchemy.orm import Session

from safedesk.db.engine import Database
from safedesk.db.models import Observation
from safedesk.db.observations import ObservationFields, add_observation, update_observation
from safedesk.domain.incidents import ACTION_STATUS_LABELS, BEHAVIOUR_LABELS, BehaviourCategory
from safedesk.i18n import _
from safedesk.ui.choices import fill_units
from safedesk.ui.dialogs.incident_fields import enum_combo
from safedesk.ui.widgets.employee_picker import EmployeePicker
from safedesk.ui.widgets.fields import DateField, set_combo_value
from safedesk.ui.widgets.record_dialog import RecordDialog


def _count() -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, 999)
    return box


class ObservationDialog(RecordDialog):
    def __init__(
        self, db: Database, observation_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(db, _("Observation card"), parent)
        self.observation_id = observation_id
        self.version: int | None = None
        self.observed_on = self.add_field("observed_on", _("Date"), DateField())
        self.unit = self.add_field("unit_id", _("Area (unit)"), QComboBox())
        fill_units(self.unit, db, _("— choose —"))
        self.area = self.add_field("area", _("Exact place"), QLineEdit())
        self.observer = self.add_field("observer_id", _("Observer"), EmployeePicker(db))
        self.people = self.add_field("people_observed", _("People observed"), _count())
        self.people.setValue(1)
        grid_box = QWidget()
        grid = QGridLayout(grid_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel(_("Safe")), 0, 1)
        grid.addWidget(QLabel(_("At risk")), 0, 2)
        self.counts: dict[BehaviourCategory, tuple[QSpinBox, QSpinBox]] = {}
        for row, category in enumerate(BehaviourCategory, start=1):
            grid.addWidget(QLabel(_(BEHAVIOUR_LABELS[category])), row, 0)
            safe, at_risk = _count(), _count()
            safe.setObjectName(f"safe_{category.value}")
            at_risk.setObjectName(f"at_risk_{category.value}")
            grid.addWidget(safe, row, 1)
            grid.addWidget(at_risk, row, 2)
            self.counts[category] = (safe, at_risk)
        self.add_field("counts", _("Behaviour observed"), grid_box)
        self.conversation = self.add_field(
            "conversation_held", "", QCheckBox(_("A safety conversation was held"))
        )
        self.action = self.add_field("action", _("Action agreed"), QLineEdit())
        self.owner = self.add_field("action_owner_id", _("Action owner"), EmployeePicker(db))
        self.due = self.add_field("action_due", _("Due date"), DateField(optional=True))
        self.status = self.add_field("status", _("Status"), enum_combo(ACTION_STATUS_LABELS))
        self.closed_on = self.add_field("closed_on", _("Closed on"), DateField(optional=True))
        self.setMinimumWidth(560)
        if observation_id is not None:
            self._load(observation_id)

    def _load(self, observation_id: int) -> None:
        with self.db.session() as s:
            card = s.get(Observation, observation_id)
            if card is None:
                return
            self.version = card.version
            self.observed_on.set_value(card.observed_on)
            set_combo_value(self.unit, card.unit_id)
            self.area.setText(card.area)
            self.observer.set_value(card.observer_id)
            self.people.setValue(card.people_observed)
            for line in card.counts:
                if line.category in BehaviourCategory._value2member_map_:
                    safe, at_risk = self.counts[BehaviourCategory(line.category)]
                    safe.setValue(line.safe)
                    at_risk.setValue(line.at_risk)
            self.conversation.setChecked(card.conversation_held)
            self.action.setText(card.action)
            self.owner.set_value(card.action_owner_id)
            self.due.set_value(card.action_due)
            set_combo_value(self.status, card.status)
            self.closed_on.set_value(card.closed_on)

    def collect(self) -> ObservationFields:
        return ObservationFields(
            observed_on=self.observed_on.value(),
            unit_id=self.unit.currentData(),
            observer_id=self.observer.value(),
            people_observed=self.people.value(),
            counts={
                c.value: (safe.value(), at_risk.value())
                for c, (safe, at_risk) in self.counts.items()
                if safe.value() or at_risk.value()
            },
            area=self.area.text(),
            conversation_held=self.conversation.isChecked(),
            action=self.action.text(),
            action_owner_id=self.owner.value(),
            action_due=self.due.value(),
            status=str(self.status.currentData()),
            closed_on=self.closed_on.value(),
        )

    def save(self, session: Session) -> int:
        fields = self.collect()
        if self.observation_id is None:
            return add_observation(session, fields).id
        return update_observation(session, self.observation_id, self.version, fields).id
