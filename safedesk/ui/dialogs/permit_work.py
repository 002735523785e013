"""The "Admission and work" tab: the gate's reasons, the steps, and the entries of the work.

Every button is one service call in its own write transaction; a refusal is shown in
red under the buttons, with every reason, and nothing typed is cleared.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.engine import Database
from safedesk.db.models import Permit, PermitCrewMember, PermitGasTest, PermitIsolation
from safedesk.db.permit_entries import (
    GasTestFields,
    add_gas_test,
    admit_shift,
    apply_isolation,
    end_shift,
    remove_isolation,
)
from safedesk.db.permit_facts import gate_reasons
from safedesk.db.permit_steps import extend, take_step
from safedesk.db.permit_work import record_briefing
from safedesk.db.types import utcnow
from safedesk.domain.permit_gas import GAS_LABELS, Gas, describe_limits, limits_of
from safedesk.domain.permits import (
    ACTION_LABELS,
    OPEN_STATES,
    PERMIT_STATE_LABELS,
    Action,
    PermitState,
    allowed_actions,
)
from safedesk.errors import SafeDeskError, render
from safedesk.forms.pdf.text import decimal
from safedesk.i18n import _, current_language
from safedesk.ui.dialogs.incident_fields import DateTimeField
from safedesk.ui.dialogs.permit_crew import CrewSection
from safedesk.ui.pages.incident_columns import show_moment
from safedesk.ui.widgets.employee_picker import EmployeePicker

# The gated step whose reasons are shown, by state: what the officer will press next.
NEXT_GATED = {
    PermitState.DRAFT: Action.ISSUE,
    PermitState.ISSUED: Action.ACTIVATE,
    PermitState.SUSPENDED: Action.RESUME,
    PermitState.ACTIVE: Action.RESUME,  # the next daily admission
}


class WorkPanel(CrewSection, QScrollArea):
    def __init__(self, db: Database, permit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.permit_id = permit_id
        self.version: int | None = None
        self.state = PermitState.DRAFT
        self.setWidgetResizable(True)
        body = QWidget()
        self.layout_ = QVBoxLayout(body)
        self.setWidget(body)
        self._gate_box()
        self._steps_box()
        self._admission_box()
        self._crew_box()
        self._gas_box()
        self._isolation_box()
        self.message = QLabel()
        self.message.setObjectName("work_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        self.layout_.insertWidget(1, self.message)
        self.layout_.addStretch(1)
        self.reload()

    # -- building -----------------------------------------------------------------
    def _box(self, title: str) -> QGridLayout:
        box = QGroupBox(title)
        self.layout_.addWidget(box)
        return QGridLayout(box)

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda _c=False: slot())
        return button

    def _gate_box(self) -> None:
        grid = self._box(_("Admission gate"))
        self.gate_title = QLabel()
        self.gate_title.setObjectName("gate_title")
        self.gate = QListWidget()
        self.gate.setObjectName("gate")
        self.gate.setMaximumHeight(130)
        grid.addWidget(self.gate_title, 0, 0)
        grid.addWidget(self._button(_("Check again"), "gate_refresh", self.reload), 0, 1)
        grid.addWidget(self.gate, 1, 0, 1, 2)

    def _steps_box(self) -> None:
        grid = self._box(_("Steps"))
        self.signed_by = EmployeePicker(self.db)
        self.signed_by.setObjectName("work_signed_by")
        self.reason = QLineEdit()
        self.reason.setObjectName("work_reason")
        self.reason.setPlaceholderText(_("Reason (suspension, cancellation, extension)"))
        self.override = QLineEdit()
        self.override.setObjectName("work_override")
        self.override.setPlaceholderText(_("Override the gate: why it is safe all the same"))
        self.work_finished = QCheckBox(_("Work finished"))
        self.work_finished.setObjectName("work_finished")
        self.crew_withdrawn = QCheckBox(_("Crew withdrawn"))
        self.crew_withdrawn.setObjectName("work_crew_withdrawn")
        self.reported_to = QLineEdit()
        self.reported_to.setObjectName("work_reported_to")
        self.reported_to.setPlaceholderText(_("Closure reported to (name, position)"))
        self.new_end = DateTimeField()
        self.new_end.setObjectName("work_new_end")
        grid.addWidget(QLabel(_("Signed by")), 0, 0)
        grid.addWidget(self.signed_by, 0, 1, 1, 3)
        grid.addWidget(self.reason, 1, 0, 1, 4)
        grid.addWidget(self.override, 2, 0, 1, 4)
        grid.addWidget(self.work_finished, 3, 0)
        grid.addWidget(self.crew_withdrawn, 3, 1)
        grid.addWidget(self.reported_to, 3, 2, 1, 2)
        row = QHBoxLayout()
        self.step_buttons: dict[Action, QPushButton] = {}
        for action in Action:
            button = self._button(
                _(ACTION_LABELS[action]), f"action_{action.value}", self._stepper(action)
            )
            self.step_buttons[action] = button
            row.addWidget(button)
        grid.addLayout(row, 4, 0, 1, 4)
        grid.addWidget(QLabel(_("New planned end")), 5, 0)
        grid.addWidget(self.new_end, 5, 1)
        self.extend_button = self._button(_("Extend"), "work_extend", self.extend)
        grid.addWidget(self.extend_button, 5, 2)

    def _admission_box(self) -> None:
        grid = self._box(_("Briefing and shifts"))
        self.instructor = EmployeePicker(self.db)
        self.instructor.setObjectName("work_instructor")
        grid.addWidget(QLabel(_("Instructor / admitter")), 0, 0)
        grid.addWidget(self.instructor, 0, 1)
        grid.addWidget(
            self._button(_("Record the targeted briefing of the crew"), "work_brief", self.brief),
            0,
            2,
        )
        grid.addWidget(self._button(_("Admit for the shift"), "work_admit", self.admit), 1, 1)
        grid.addWidget(self._button(_("End the shift"), "work_end_shift", self.end_shift), 1, 2)

    def _gas_box(self) -> None:
        grid = self._box(_("Gas tests"))
        self.taken_at = DateTimeField()
        self.taken_at.setObjectName("gas_taken_at")
        self.gas: dict[Gas, QLineEdit] = {}
        grid.addWidget(self.taken_at, 0, 0)
        for i, gas in enumerate(Gas, start=1):
            edit = QLineEdit()
            edit.setObjectName(f"gas_{gas.value}")
            edit.setPlaceholderText(_(GAS_LABELS[gas]))
            self.gas[gas] = edit
            grid.addWidget(edit, 0, i)
        # Where the sample was taken: the printed permit has a column for it.
        self.place = QLineEdit()
        self.place.setObjectName("gas_place")
        self.place.setPlaceholderText(_("Place of sampling"))
        self.place.setAccessibleName(_("Place of sampling"))
        self.instrument = QLineEdit()
        self.instrument.setObjectName("gas_instrument")
        self.instrument.setPlaceholderText(_("Gas analyser, No."))
        self.measured_by = EmployeePicker(self.db)
        self.measured_by.setObjectName("gas_measured_by")
        grid.addWidget(self.place, 1, 0, 1, 2)
        grid.addWidget(self.instrument, 1, 2, 1, 3)
        grid.addWidget(self.measured_by, 2, 0, 1, 4)
        grid.addWidget(self._button(_("Add the test"), "gas_add", self.add_gas), 2, 4)
        self.tests = QListWidget()
        self.tests.setObjectName("gas_tests")
        self.tests.setMaximumHeight(100)
        grid.addWidget(self.tests, 3, 0, 1, 5)

    def _isolation_box(self) -> None:
        grid = self._box(_("Isolation points (LOTO)"))
        self.points = QListWidget()
        self.points.setObjectName("points")
        self.points.setMaximumHeight(100)
        self.lock_no = QLineEdit()
        self.lock_no.setObjectName("lock_no")
        self.lock_no.setPlaceholderText(_("Lock No."))
        grid.addWidget(self.points, 0, 0, 1, 3)
        grid.addWidget(self.lock_no, 1, 0)
        grid.addWidget(self._button(_("Applied"), "point_apply", self.apply_point), 1, 1)
        grid.addWidget(self._button(_("Removed"), "point_remove", self.remove_point), 1, 2)

    # -- state ----------------------------------------------------------------------
    def reload(self) -> None:
        now = utcnow()
        with self.db.session() as s:
            permit = s.get(Permit, self.permit_id)
            if permit is None:
                return
            self.version, self.state = permit.version, PermitState(permit.state)
            action = NEXT_GATED.get(self.state)
            reasons = gate_reasons(s, permit, action, now) if action else []
            tests = s.scalars(
                select(PermitGasTest)
                .where(PermitGasTest.permit_id == self.permit_id)
                .order_by(PermitGasTest.taken_at)
            ).all()
            points = s.scalars(
                select(PermitIsolation)
                .where(PermitIsolation.permit_id == self.permit_id)
                .order_by(PermitIsolation.position)
            ).all()
            crew = s.scalars(
                select(PermitCrewMember)
                .where(PermitCrewMember.permit_id == self.permit_id)
                .order_by(PermitCrewMember.left_at.is_not(None), PermitCrewMember.id)
            ).all()
            self._show_points(points)
            self._show_tests(tests)
            self._show_crew(crew)
        open_ = self.state in OPEN_STATES
        for widget in (
            self.crew_employee,
            self.crew_worker,
            self.crew_brief,
            self.crew_add_button,
            self.crew_remove_button,
        ):
            widget.setEnabled(open_)
        allowed = allowed_actions(self.state)
        for act, button in self.step_buttons.items():
            button.setEnabled(act in allowed)
        state = _(PERMIT_STATE_LABELS[self.state])
        if action is None:
            self.gate_title.setText(state)
        else:
            self.gate_title.setText(
                _("{state}. Before “{action}”:").format(
                    state=state, action=_(ACTION_LABELS[action])
                )
            )
        self.gate.clear()
        for reason in reasons:
            mark = "⛔" if reason.hard else "⚠"
            self.gate.addItem(f"{mark} {render(reason.msgid, reason.values)}")
        if action is not None and not reasons:
            self.gate.addItem("✔ " + _("Nothing stands in the way."))

    def _show_points(self, points: Any) -> None:
        self.points.clear()
        for p in points:
            status = (
                _("removed {at}").format(at=show_moment(p.removed_at))
                if p.removed_at
                else _("applied {at}").format(at=show_moment(p.applied_at))
                if p.applied_at
                else _("not applied")
            )
            item = QListWidgetItem(f"{p.point} — {p.lock_no or '—'} — {status}")
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            self.points.addItem(item)
        if self.points.count():
            self.points.setCurrentRow(0)

    def _show_tests(self, tests: Any) -> None:
        self.tests.clear()
        lang = current_language()
        for t in tests:
            # Judged, like the verdict, by the limits kept with the test (those of its day),
            # not by the limits in force now.
            limits = limits_of(t.limits)
            values = " ".join(
                f"{_(GAS_LABELS[g])} {decimal(v, lang)}"
                + (" (!)" if g in limits and not limits[g].allows(v) else "")
                for g, v in zip(Gas, (t.o2, t.lel, t.co, t.h2s), strict=True)
                if v is not None
            )
            ok = "✔" if t.within_limits else "⛔"
            where = f" — {t.place}" if t.place else ""
            item = QListWidgetItem(
                f"{ok} {show_moment(t.taken_at)}{where} — {values} — {t.instrument}"
            )
            judged = describe_limits(limits, lambda g: _(GAS_LABELS[g]), lambda v: decimal(v, lang))
            item.setToolTip(_("Judged by the limits: {limits}").format(limits=judged))
            self.tests.addItem(item)

    def run(self, write: Callable[[Session], object]) -> bool:
        """One write; a refusal shows every reason and keeps what was typed."""
        self.message.clear()
        try:
            with self.db.write() as s:
                write(s)
        except SafeDeskError as e:
            self.message.setText(e.message())
            self.reload()
            return False
        self.reload()
        return True

    # -- actions --------------------------------------------------------------------
    def _stepper(self, action: Action) -> Callable[[], object]:
        return lambda: self.step(action)

    def step(self, action: Action) -> bool:
        return self.run(
            lambda s: take_step(
                s,
                self.permit_id,
                self.version,
                action,
                signed_by_id=self.signed_by.value(),
                reason=self.reason.text(),
                override_reason=self.override.text(),
                work_finished=self.work_finished.isChecked(),
                crew_withdrawn=self.crew_withdrawn.isChecked(),
                reported_to=self.reported_to.text(),
            )
        )

    def extend(self) -> bool:
        return self.run(
            lambda s: extend(
                s,
                self.permit_id,
                self.version,
                self.new_end.value(),
                self.signed_by.value(),
                self.reason.text(),
            )
        )

    def brief(self) -> bool:
        return self.run(lambda s: record_briefing(s, self.permit_id, self.instructor.value()))

    def admit(self) -> bool:
        return self.run(
            lambda s: admit_shift(
                s,
                self.permit_id,
                admitted_by_id=self.instructor.value(),
                override_reason=self.override.text(),
            )
        )

    def end_shift(self) -> bool:
        return self.run(lambda s: end_shift(s, self.permit_id, ended_by_id=self.signed_by.value()))

    def add_gas(self) -> bool:
        fields = GasTestFields(
            taken_at=self.taken_at.value(),
            values={g: edit.text() for g, edit in self.gas.items()},
            place=self.place.text(),
            measured_by_id=self.measured_by.value(),
            instrument=self.instrument.text(),
        )
        done = self.run(lambda s: add_gas_test(s, self.permit_id, fields))
        if done:
            for edit in self.gas.values():
                edit.clear()
        return done

    def _point_id(self) -> int | None:
        item = self.points.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def apply_point(self) -> bool:
        point = self._point_id()
        if point is None:
            return False
        return self.run(
            lambda s: apply_isolation(
                s,
                self.permit_id,
                point,
                lock_no=self.lock_no.text(),
                applied_by_id=self.instructor.value() or self.signed_by.value(),
            )
        )

    def remove_point(self) -> bool:
        point = self._point_id()
        if point is None:
            return False
        return self.run(
            lambda s: remove_isolation(
                s,
                self.permit_id,
                point,
                removed_by_id=self.instructor.value() or self.signed_by.value(),
            )
        )
