"""The crew-changes part of the permit work panel: who joins and who leaves the work.

A newcomer passes the same admission gate as the crew (services in db/permit_work.py);
the panel lends its "Signed by", instructor and override fields and its message line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
)

from safedesk.db.models import PermitCrewMember
from safedesk.db.permit_work import add_crew_member, remove_crew_member
from safedesk.db.permits import PersonRef
from safedesk.domain.people import full_name
from safedesk.i18n import _
from safedesk.ui.pages.incident_columns import show_moment
from safedesk.ui.widgets.employee_picker import EmployeePicker
from safedesk.ui.widgets.worker_picker import WorkerPicker, worker_label


def member_label(m: PermitCrewMember) -> str:
    """'Name — joined … — briefed … — left …' for one line of the crew."""
    if m.employee is not None:
        e = m.employee
        parts = [full_name(e.surname, e.name, e.patronymic)]
    elif m.contractor_worker is not None:
        parts = [worker_label(m.contractor_worker)]
    else:
        parts = ["—"]
    if m.joined_at is not None:
        parts.append(_("joined {at}").format(at=show_moment(m.joined_at)))
    parts.append(
        _("briefed {at}").format(at=show_moment(m.briefed_at)) if m.briefed_at else _("not briefed")
    )
    if m.left_at is not None:
        parts.append(_("left {at}").format(at=show_moment(m.left_at)))
    return " — ".join(parts)


class CrewSection:
    """Mixed into the work panel, which provides the fields named below."""

    if TYPE_CHECKING:
        from sqlalchemy.orm import Session

        from safedesk.db.engine import Database

        db: Database
        permit_id: int
        message: QLabel
        instructor: EmployeePicker
        signed_by: EmployeePicker
        override: QLineEdit

        def _box(self, title: str) -> QGridLayout: ...
        def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton: ...
        def run(self, write: Callable[[Session], object]) -> bool: ...

    def _crew_box(self) -> None:
        grid = self._box(_("Crew changes"))
        self.crew_list = QListWidget()
        self.crew_list.setObjectName("work_crew")
        self.crew_list.setMaximumHeight(120)
        self.crew_employee = EmployeePicker(self.db)
        self.crew_employee.setObjectName("work_crew_employee")
        self.crew_worker = WorkerPicker(self.db)
        self.crew_worker.setObjectName("work_crew_worker")
        self.crew_brief = QCheckBox(_("Brief the newcomer now (the instructor above)"))
        self.crew_brief.setObjectName("work_crew_brief")
        self.crew_brief.setChecked(True)
        hint = QLabel(
            _(
                "The change is allowed by the person under “Signed by”. The newcomer passes "
                "the same gate as the crew; to go ahead past it, write the override reason."
            )
        )
        hint.setWordWrap(True)
        grid.addWidget(self.crew_list, 0, 0, 1, 3)
        grid.addWidget(self.crew_employee, 1, 0)
        grid.addWidget(QLabel(_("or contractor's worker")), 1, 1)
        grid.addWidget(self.crew_worker, 1, 2)
        grid.addWidget(self.crew_brief, 2, 0, 1, 3)
        self.crew_add_button = self._button(_("Add to the crew"), "work_crew_add", self.add_crew)
        self.crew_remove_button = self._button(
            _("Withdraw from the crew"), "work_crew_remove", self.remove_crew
        )
        row = QHBoxLayout()
        row.addWidget(self.crew_add_button)
        row.addWidget(self.crew_remove_button)
        grid.addLayout(row, 3, 0, 1, 3)
        grid.addWidget(hint, 4, 0, 1, 3)

    def _show_crew(self, crew: Any) -> None:
        """The crew now, then those who left (greyed, not selectable)."""
        self.crew_list.clear()
        for m in crew:
            item = QListWidgetItem(member_label(m))
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            if m.left_at is not None:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.crew_list.addItem(item)

    def add_crew(self) -> bool:
        """A newcomer joins the crew: refused with the gate's reasons, or by override."""
        person = PersonRef(self.crew_employee.value(), self.crew_worker.value())
        briefed_by = self.instructor.value() if self.crew_brief.isChecked() else None
        done = self.run(
            lambda s: add_crew_member(
                s,
                self.permit_id,
                person,
                authorised_by_id=self.signed_by.value(),
                briefed_by_id=briefed_by,
                override_reason=self.override.text(),
            )
        )
        if done:
            self.crew_employee.set_value(None)
            self.crew_worker.set_value(None)
        return done

    def remove_crew(self) -> bool:
        item = self.crew_list.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsSelectable:
            self.message.setText(_("Select the crew member who leaves the work."))
            return False
        member = int(item.data(Qt.ItemDataRole.UserRole))
        return self.run(
            lambda s: remove_crew_member(
                s, self.permit_id, member, authorised_by_id=self.signed_by.value()
            )
        )
