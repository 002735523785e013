"""Units as the tree they are: enterprise, sites, shops, sections."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QMessageBox,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import func, select

from safedesk.db.engine import Database
from safedesk.db.models import Employee, Unit
from safedesk.db.units import delete_unit, list_units
from safedesk.errors import SafeDeskError
from safedesk.i18n import _, pick
from safedesk.ui.dialogs.unit import UnitDialog
from safedesk.ui.widgets.errors import show_problem
from safedesk.ui.widgets.page import Page


class UnitsPage(Page):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.toolbar = QToolBar()
        self.tree = QTreeWidget()
        self.tree.setObjectName("tree")
        self.tree.setHeaderLabels([_("Unit"), _("Code"), _("Employees")])
        self.tree.setColumnWidth(0, 420)
        self.tree.itemActivated.connect(lambda item, _col: self._open(item))
        for text, slot, key in (
            (_("Add"), self.add_top, QKeySequence.StandardKey.New),
            (_("Add sub-unit"), self.add_child, None),
            (_("Open"), self.open_current, None),
            (_("Delete"), self.delete_current, QKeySequence.StandardKey.Delete),
        ):
            act = QAction(text, self)
            if key is not None:
                act.setShortcut(QKeySequence(key))
                act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(lambda _c=False, s=slot: s())
            self.toolbar.addAction(act)
            self.addAction(act)
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.tree)
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        with self.db.session() as s:
            units = list_units(s)
            counts = dict(
                s.execute(
                    select(Employee.unit_id, func.count())
                    .where(Employee.deleted_at.is_(None), Employee.dismissal_date.is_(None))
                    .group_by(Employee.unit_id)
                ).all()
            )
        items: dict[int, QTreeWidgetItem] = {}
        for u in units:
            item = QTreeWidgetItem([pick(u.name_kk, u.name_ru), u.code, str(counts.get(u.id, 0))])
            item.setData(0, Qt.ItemDataRole.UserRole, u.id)
            items[u.id] = item
        for u in units:
            parent = items.get(u.parent_id) if u.parent_id else None
            (parent.addChild if parent else self.tree.addTopLevelItem)(items[u.id])
        self.tree.expandAll()

    def _current_id(self) -> int | None:
        item = self.tree.currentItem()
        return None if item is None else item.data(0, Qt.ItemDataRole.UserRole)

    def _open(self, item: QTreeWidgetItem) -> None:
        self._edit(UnitDialog(self.db, item.data(0, Qt.ItemDataRole.UserRole), self))

    def _edit(self, dialog: UnitDialog) -> None:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def add_top(self) -> None:
        self._edit(UnitDialog(self.db, None, self))

    def add_child(self) -> None:
        self._edit(UnitDialog(self.db, None, self, parent_unit=self._current_id()))

    def open_current(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self._open(item)

    def delete_current(self) -> None:
        unit_id = self._current_id()
        if unit_id is None:
            return
        answer = QMessageBox.question(self, _("Delete"), _("Delete the selected unit?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.db.write() as s:
                delete_unit(s, unit_id, None)
        except SafeDeskError as e:
            show_problem(self, e)
            return
        self.refresh()


__all__ = ["Unit", "UnitsPage"]
