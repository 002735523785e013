"""Issuing PPE to one person, and taking it back (return to the store or write-off)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QMessageBox, QSpinBox, QWidget
from sqlalchemy.orm import Session

from safedesk.db.engine import Database
from safedesk.db.models import Employee, PpeIssue, PpeItem
from safedesk.db.ppe_catalogue import list_items
from safedesk.db.ppe_issues import IssueFields, ReturnFields, issue, return_items, update_issue
from safedesk.db.ppe_stock import Shortage, shortages
from safedesk.domain.people import full_name
from safedesk.domain.ppe import SizeKind
from safedesk.i18n import _, format_date, pick
from safedesk.ui.widgets.employee_picker import EmployeePicker
from safedesk.ui.widgets.fields import DateField, combo_value, set_combo_value
from safedesk.ui.widgets.record_dialog import RecordDialog

Confirm = Callable[[QWidget, list[Shortage]], bool]


def shortage_text(found: list[Shortage]) -> str:
    lines = [
        _("{item}, size {size}: {balance} in stock, {wanted} to issue").format(
            item=s.item, size=s.size or "—", balance=s.balance, wanted=s.wanted
        )
        for s in found
    ]
    return _("The stock would go below zero:") + "\n" + "\n".join(lines)


def ask_about_shortage(parent: QWidget, found: list[Shortage]) -> bool:
    """A warning, not a block: the user may issue what is not booked in yet."""
    answer = QMessageBox.question(
        parent,
        _("Stock"),
        shortage_text(found) + "\n\n" + _("Issue anyway?"),
    )
    return answer == QMessageBox.StandardButton.Yes


def fill_items(combo: QComboBox, db: Database) -> None:
    combo.clear()
    with db.session() as s:
        for item in list_items(s):
            combo.addItem(pick(item.name_kk, item.name_ru), item.id)


class IssueDialog(RecordDialog):
    confirm: Confirm = staticmethod(ask_about_shortage)

    def __init__(
        self,
        db: Database,
        issue_id: int | None = None,
        parent: QWidget | None = None,
        employee_id: int | None = None,
        item_id: int | None = None,
    ) -> None:
        super().__init__(db, _("PPE issuance"), parent)
        self.issue_id = issue_id
        self.version: int | None = None
        self.employee = self.add_field("employee_id", _("Employee"), EmployeePicker(db))
        self.item = self.add_field("item_id", _("Item"), QComboBox())
        fill_items(self.item, db)
        self.size_box = self.add_field("size", _("Size"), QComboBox())
        self.size_box.setEditable(True)
        self.quantity = self.add_field("quantity", _("Quantity"), QSpinBox())
        self.quantity.setRange(0, 9999)
        self.quantity.setValue(1)
        self.issue_date = self.add_field("issue_date", _("Issue date"), DateField())
        self.certificate = self.add_field("certificate", _("Certificate"), QLineEdit())
        self.reason = self.add_field("reason", _("Reason (outside the norm)"), QLineEdit())
        self.due_hint = QLabel()
        self.form.addRow("", self.due_hint)
        self.setMinimumWidth(560)
        self.item.currentIndexChanged.connect(lambda _i: self._item_chosen())
        self.employee.chosen.connect(lambda _id: self._item_chosen())
        if employee_id is not None:
            self.employee.set_value(employee_id)
        if item_id is not None:
            set_combo_value(self.item, item_id)
        self._item_chosen()
        if issue_id is not None:
            self._load(issue_id)

    def _load(self, issue_id: int) -> None:
        with self.db.session() as s:
            row = s.get(PpeIssue, issue_id)
            if row is None:
                return
            self.version = row.version
            self.employee.set_value(row.employee_id)
            set_combo_value(self.item, row.item_id)
            self._item_chosen()
            self.size_box.setCurrentText(row.size)
            self.quantity.setValue(row.quantity)
            self.issue_date.set_value(row.issue_date)
            self.certificate.setText(row.certificate)
            self.reason.setText(row.reason)
            self.due_hint.setText(
                _("Due for replacement: {date}").format(date=format_date(row.due_date))
                if row.due_date
                else ""
            )

    def _item_chosen(self) -> None:
        """Offer the item's sizes, the person's own first."""
        item_id = combo_value(self.item)
        self.size_box.clear()
        with self.db.session() as s:
            item = s.get(PpeItem, item_id) if item_id else None
            if item is None:
                return
            self.certificate.setPlaceholderText(item.standard)
            person = s.get(Employee, self.employee.value() or 0)
            own = ""
            if person is not None:
                own = {
                    SizeKind.CLOTHING: person.clothing_size,
                    SizeKind.SHOE: person.shoe_size,
                    SizeKind.HEAD: person.head_size,
                    SizeKind.GLOVE: person.glove_size,
                }.get(SizeKind(item.size_kind), "")
            self.size_box.addItems(item.sizes)
            if own in item.sizes:
                self.size_box.setCurrentText(own)
            elif SizeKind(item.size_kind) is SizeKind.NONE:
                self.size_box.setCurrentText("")

    def collect(self) -> IssueFields:
        return IssueFields(
            employee_id=self.employee.value() or 0,
            item_id=int(combo_value(self.item) or 0),  # type: ignore[call-overload]
            quantity=self.quantity.value(),
            issue_date=self.issue_date.value(),
            size=self.size_box.currentText(),
            certificate=self.certificate.text(),
            reason=self.reason.text(),
        )

    def accept(self) -> None:
        fields = self.collect()
        if self.issue_id is None and fields.item_id:
            with self.db.session() as s:
                found = shortages(s, [(fields.item_id, fields.size.strip(), fields.quantity)])
            if found and not self.confirm(self, found):
                return
        super().accept()

    def save(self, session: Session) -> int:
        fields = self.collect()
        if self.issue_id is None:
            return issue(session, fields).id
        return update_issue(session, self.issue_id, self.version, fields).id


class ReturnDialog(RecordDialog):
    """Items handed back or written off, with % wear (computed from the period if left 0)."""

    def __init__(self, db: Database, issue_id: int, parent: QWidget | None = None) -> None:
        super().__init__(db, _("Return or write-off"), parent)
        self.issue_id = issue_id
        with db.session() as s:
            row = s.get(PpeIssue, issue_id)
            what = ""
            if row is not None:
                e = row.employee
                what = _("{person}: {item}, {quantity} issued on {date}").format(
                    person=full_name(e.surname, e.name, e.patronymic),
                    item=pick(row.item.name_kk, row.item.name_ru),
                    quantity=row.quantity,
                    date=format_date(row.issue_date),
                )
        self.form.addRow(_("Issued"), QLabel(what))
        self.kind = self.add_field("kind", _("What happens"), QComboBox())
        self.kind.addItem(_("Returned to the store"), "return")
        self.kind.addItem(_("Written off"), "write_off")
        self.quantity = self.add_field("quantity", _("Quantity"), QSpinBox())
        self.quantity.setRange(0, 9999)
        self.quantity.setValue(row.quantity if row is not None else 1)
        self.return_date = self.add_field("return_date", _("Date"), DateField())
        self.wear = self.add_field("wear_percent", _("% wear"), QSpinBox())
        self.wear.setRange(-1, 100)
        self.wear.setSpecialValueText(_("by the wear period"))
        self.wear.setValue(-1)
        self.note = self.add_field("note", _("Note"), QLineEdit())

    def save(self, session: Session) -> int:
        wear = self.wear.value()
        return return_items(
            session,
            ReturnFields(
                issue_id=self.issue_id,
                quantity=self.quantity.value(),
                return_date=self.return_date.value() or dt.date.today(),
                kind=str(combo_value(self.kind)),
                wear_percent=None if wear < 0 else wear,
                note=self.note.text(),
            ),
        ).issue_id
