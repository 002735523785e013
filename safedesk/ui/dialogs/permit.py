"""The permit editor: the draft in three tabs, and the work of an issued permit in a fourth.

Made for the keyboard: Tab walks the fields in the order of the paper form, lists are
typed one item per line, people are found by typing a few letters, Ctrl+Enter saves.
A permit that is no longer a draft opens on its "Admission and work" tab, where the gate's
reasons stand above the buttons that would be refused because of them.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QWidget,
)
from sqlalchemy.orm import Session

from safedesk.db.engine import Database
from safedesk.db.models import ContractorWorker, Permit
from safedesk.db.permits import (
    OWN_ROLES,
    IsolationPoint,
    PermitFields,
    PersonRef,
    create_permit,
    fields_of,
    update_permit,
)
from safedesk.domain.permits import (
    PERMIT_STATE_LABELS,
    PERMIT_TYPE_LABELS,
    ROLE_LABELS,
    PermitState,
    PermitType,
    Role,
)
from safedesk.i18n import _
from safedesk.ui.choices import fill_units
from safedesk.ui.dialogs.briefing import PeopleList
from safedesk.ui.dialogs.incident_fields import DateTimeField, enum_combo
from safedesk.ui.widgets.employee_picker import EmployeePicker
from safedesk.ui.widgets.fields import set_combo_value
from safedesk.ui.widgets.record_dialog import RecordDialog
from safedesk.ui.widgets.worker_picker import WorkerPicker, worker_label


def text_lines(edit: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]


def isolation_lines(edit: QPlainTextEdit) -> list[IsolationPoint]:
    """'point; method; lock No.' per line."""
    points = []
    for line in text_lines(edit):
        parts = [p.strip() for p in line.split(";")] + ["", ""]
        points.append(IsolationPoint(parts[0], parts[1], parts[2]))
    return points


def lines_edit(name: str, placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(placeholder)
    edit.setMinimumHeight(70)
    return edit


class ContractorCrew(QWidget):
    """The contractors' workers in the crew: picked from those on the site, one by one."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.picker = WorkerPicker(db)
        self.picker.setObjectName("crew_worker")
        self.add_one = QPushButton(_("Add contractor's worker"))
        self.add_one.setObjectName("crew_worker_add")
        self.add_one.clicked.connect(lambda _c=False: self._add_one())
        self.list = QListWidget()
        self.list.setObjectName("crew_workers")
        self.list.setMinimumHeight(70)
        self.remove = QPushButton(_("Remove"))
        self.remove.setObjectName("crew_worker_remove")
        self.remove.clicked.connect(lambda _c=False: self._remove())
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.picker, 0, 0)
        grid.addWidget(self.add_one, 0, 1)
        grid.addWidget(self.list, 1, 0)
        grid.addWidget(self.remove, 1, 1, Qt.AlignmentFlag.AlignTop)

    def ids(self) -> list[int]:
        return [
            int(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
        ]

    def add(self, worker_id: int) -> None:
        if worker_id in self.ids():
            return
        with self.db.session() as s:
            w = s.get(ContractorWorker, worker_id)
            if w is None:
                return
            item = QListWidgetItem(worker_label(w))
        item.setData(Qt.ItemDataRole.UserRole, worker_id)
        self.list.addItem(item)

    def _add_one(self) -> None:
        worker_id = self.picker.value()
        if worker_id is not None:
            self.add(worker_id)
            self.picker.set_value(None)

    def _remove(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))


class PermitDialog(RecordDialog):
    def __init__(
        self,
        db: Database,
        permit_id: int | None = None,
        parent: QWidget | None = None,
        copy_of: int | None = None,
    ) -> None:
        super().__init__(db, _("Permit-to-work"), parent)
        self.permit_id = permit_id
        self.copy_of = copy_of
        self.version: int | None = None
        self.state = PermitState.DRAFT
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.form.addRow(self.tabs)
        self._work_tab()
        self._people_tab()
        self._measures_tab()
        self.setMinimumSize(820, 620)
        save = QShortcut(QKeySequence("Ctrl+Return"), self)
        save.activated.connect(self.accept)
        if permit_id is not None:
            self._load(permit_id)
        elif copy_of is not None:
            self._load(copy_of, copying=True)
        else:
            self.planned_start.set_value(dt.datetime.now(dt.UTC).replace(second=0, microsecond=0))
            self.planned_end.set_value(self.planned_start.value() + dt.timedelta(hours=8))
        if permit_id is not None:
            from safedesk.ui.dialogs.permit_work import WorkPanel

            self.work_panel = WorkPanel(db, permit_id, self)
            self.tabs.addTab(self.work_panel, _("Admission and work"))
            if self.state is not PermitState.DRAFT:
                self.tabs.setCurrentWidget(self.work_panel)
                self._lock()
        self.type.setFocus()

    # -- building ---------------------------------------------------------------------
    def _tab(self, title: str) -> QFormLayout:
        page = QWidget()
        layout = QFormLayout(page)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.tabs.addTab(page, title)
        return layout

    def _put(self, layout: QFormLayout, name: str, label: str, widget: QWidget) -> QWidget:
        self.fields[name] = widget
        layout.addRow(label, widget)
        return widget

    def _work_tab(self) -> None:
        form = self._tab(_("Work"))
        self.number = QLabel()
        self.number.setObjectName("number")
        form.addRow(_("No."), self.number)
        self.type = enum_combo(PERMIT_TYPE_LABELS, PermitType.OTHER)
        self.type.setObjectName("type")
        self._put(form, "type", _("Type of work"), self.type)
        self.unit = QComboBox()
        self.unit.setObjectName("unit")
        fill_units(self.unit, self.db, _("— choose —"))
        self._put(form, "unit_id", _("Unit"), self.unit)
        self.location = QLineEdit()
        self.location.setObjectName("location")
        self._put(form, "location", _("Place of the work"), self.location)
        self.work = lines_edit("work", _("What is to be done"))
        self._put(form, "work", _("Work"), self.work)
        self.planned_start = DateTimeField()
        self.planned_start.setObjectName("planned_start")
        self._put(form, "planned_start", _("Planned start"), self.planned_start)
        self.planned_end = DateTimeField()
        self.planned_end.setObjectName("planned_end")
        self._put(form, "planned_end", _("Planned end"), self.planned_end)
        self.note = QLineEdit()
        self._put(form, "note", _("Note"), self.note)

    def _people_tab(self) -> None:
        form = self._tab(_("People"))
        self.roles: dict[Role, EmployeePicker] = {}
        # A contractor may supervise and observe its crew: those roles take its worker too.
        self.role_workers: dict[Role, WorkerPicker] = {}
        for role in Role:
            picker = EmployeePicker(self.db)
            picker.setObjectName(f"role_{role.value}")
            self.roles[role] = picker
            if role in OWN_ROLES:
                self._put(form, f"role_{role.value}", _(ROLE_LABELS[role]), picker)
                continue
            worker = WorkerPicker(self.db)
            worker.setObjectName(f"role_{role.value}_worker")
            worker.setToolTip(_("Or a contractor's worker"))
            self.role_workers[role] = worker
            self._pair(picker, worker)
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(picker, 3)
            line.addWidget(QLabel(_("or contractor's worker")))
            line.addWidget(worker, 2)
            self.fields[f"role_{role.value}"] = picker
            self.fields[f"role_{role.value}_worker"] = worker
            form.addRow(_(ROLE_LABELS[role]), row)
        self.crew = PeopleList(self.db)
        self.crew.setObjectName("crew")
        self._put(form, "crew", _("Crew"), self.crew)
        self.crew_contractors = ContractorCrew(self.db)
        self.crew_contractors.setObjectName("crew_contractors")
        label = _("Contractors' workers in the crew")
        self._put(form, "crew_contractors", label, self.crew_contractors)

    @staticmethod
    def _pair(picker: EmployeePicker, worker: WorkerPicker) -> None:
        """One person per role: choosing an employee clears the worker, and back."""

        def employee_chosen(value: object) -> None:
            if value is not None:
                worker.set_value(None)

        def worker_chosen(_index: int) -> None:
            if worker.value() is not None:
                picker.set_value(None)

        picker.chosen.connect(employee_chosen)
        worker.activated.connect(worker_chosen)

    def _measures_tab(self) -> None:
        form = self._tab(_("Hazards and measures"))
        one_per_line = _("One per line")
        self.hazards = lines_edit("hazards", one_per_line)
        self._put(form, "hazards", _("Hazards"), self.hazards)
        self.measures = lines_edit("measures", one_per_line)
        self._put(form, "measures", _("Safety measures"), self.measures)
        self.ppe = lines_edit("ppe", one_per_line)
        self._put(form, "ppe", _("Required PPE"), self.ppe)
        self.isolations = lines_edit(
            "isolations", _("Point; how it is isolated; lock No. — one point per line")
        )
        self._put(form, "isolations", _("Isolation points (LOTO)"), self.isolations)

    # -- values -----------------------------------------------------------------------
    def _load(self, permit_id: int, copying: bool = False) -> None:
        with self.db.session() as s:
            permit = s.get(Permit, permit_id)
            if permit is None:
                return
            fields = fields_of(s, permit_id)
            if not copying:
                self.version = permit.version
                self.state = PermitState(permit.state)
                state = _(PERMIT_STATE_LABELS[self.state])
                self.number.setText(f"{permit.number} — {state}")
                fields.planned_end = permit.planned_end
            else:
                self.number.setText(_("copy of {number}").format(number=permit.number))
        set_combo_value(self.type, fields.type.value)
        set_combo_value(self.unit, fields.unit_id)
        self.location.setText(fields.location)
        self.work.setPlainText(fields.work)
        if copying:
            now = dt.datetime.now(dt.UTC).replace(second=0, microsecond=0)
            length = (fields.planned_end or now) - (fields.planned_start or now)
            self.planned_start.set_value(now)
            self.planned_end.set_value(now + length)
        else:
            self.planned_start.set_value(fields.planned_start or dt.datetime.now(dt.UTC))
            self.planned_end.set_value(fields.planned_end or dt.datetime.now(dt.UTC))
        self.note.setText(fields.note)
        for role, picker in self.roles.items():
            ref = fields.roles.get(role)
            picker.set_value(ref.employee_id if ref else None)
            if role in self.role_workers:
                self.role_workers[role].set_value(ref.contractor_worker_id if ref else None)
        for ref in fields.crew:
            if ref.employee_id is not None:
                self.crew.add(ref.employee_id)
            elif ref.contractor_worker_id is not None:
                self.crew_contractors.add(ref.contractor_worker_id)
        self.hazards.setPlainText("\n".join(fields.hazards))
        self.measures.setPlainText("\n".join(fields.measures))
        self.ppe.setPlainText("\n".join(fields.ppe))
        self.isolations.setPlainText(
            "\n".join(
                "; ".join(x for x in (p.point, p.method, "" if copying else p.lock_no) if x)
                for p in fields.isolations
            )
        )

    def _lock(self) -> None:
        """An issued permit changes only through its steps and entries."""
        for name, widget in self.fields.items():
            if not name.startswith("work_"):
                widget.setEnabled(False)
        self.buttons.button(self.buttons.StandardButton.Save).setEnabled(False)

    def collect(self) -> PermitFields:
        roles: dict[Role, PersonRef] = {}
        for role, picker in self.roles.items():
            worker = self.role_workers.get(role)
            ref = PersonRef(picker.value(), worker.value() if worker is not None else None)
            if ref.employee_id is not None or ref.contractor_worker_id is not None:
                roles[role] = ref  # both chosen: the service asks to choose one
        return PermitFields(
            type=PermitType(str(self.type.currentData())),
            unit_id=self.unit.currentData(),
            planned_start=self.planned_start.value(),
            planned_end=self.planned_end.value(),
            location=self.location.text(),
            work=self.work.toPlainText(),
            roles=roles,
            crew=[PersonRef(employee_id=i) for i in self.crew.ids()]
            + [PersonRef(contractor_worker_id=i) for i in self.crew_contractors.ids()],
            hazards=text_lines(self.hazards),
            measures=text_lines(self.measures),
            ppe=text_lines(self.ppe),
            isolations=isolation_lines(self.isolations),
            note=self.note.text(),
        )

    def save(self, session: Session) -> int:
        fields = self.collect()
        if self.permit_id is None:
            return create_permit(session, fields, copied_from_id=self.copy_of).id
        return update_permit(session, self.permit_id, self.version, fields).id
