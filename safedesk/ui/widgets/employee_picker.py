"""Choosing one employee out of tens of thousands: type a few letters, pick from matches."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QWidget
from sqlalchemy import select

from safedesk.db.engine import Database
from safedesk.db.models import Employee
from safedesk.domain.collation import search_text
from safedesk.domain.people import full_name
from safedesk.i18n import _

MATCHES = 30


class EmployeePicker(QComboBox):
    """An editable combo that lists at most MATCHES employees matching what is typed."""

    chosen = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        editor = self.lineEdit()
        assert editor is not None  # an editable combo always has one
        editor.setPlaceholderText(_("Type a name, IIN or personnel No."))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self._search)
        editor.textEdited.connect(lambda _t: self._timer.start())
        self.activated.connect(lambda i: self.chosen.emit(self.itemData(i)))

    def value(self) -> int | None:
        data = self.currentData(Qt.ItemDataRole.UserRole)
        if data is None:
            return None
        # The text may have been edited after choosing: trust the choice only if it still shows.
        return int(data) if self.currentText() == self.itemText(self.currentIndex()) else None

    def set_value(self, employee_id: int | None) -> None:
        self.clear()
        if employee_id is None:
            return
        with self.db.session() as s:
            e = s.get(Employee, employee_id)
            if e is not None:
                self.addItem(self._label(e), e.id)
                self.setCurrentIndex(0)

    @staticmethod
    def _label(e: Employee) -> str:
        return f"{full_name(e.surname, e.name, e.patronymic)} — {e.iin}"

    def _search(self) -> None:
        typed = self.currentText()
        key = search_text(typed.strip())
        with self.db.session() as s:
            query = select(Employee).where(
                Employee.deleted_at.is_(None), Employee.dismissal_date.is_(None)
            )
            if key:
                query = query.where(Employee.search_text.contains(key, autoescape=True))
            found = list(s.scalars(query.order_by(Employee.sort_name).limit(MATCHES)))
        self.blockSignals(True)
        self.clear()
        for e in found:
            self.addItem(self._label(e), e.id)
        self.setCurrentIndex(-1)
        self.setEditText(typed)
        self.blockSignals(False)
        if found:
            self.showPopup()
