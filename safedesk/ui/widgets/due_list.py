"""What is due, grouped by urgency: overdue, this week, within 30 days. Opens the record."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from safedesk.domain.due import DueItem
from safedesk.i18n import N_, _, format_date

GROUPS = (
    (N_("Overdue ({n})"), "#c0392b"),
    (N_("This week ({n})"), "#d68910"),
    (N_("Within 30 days ({n})"), "#2e86c1"),
)
ITEM_ROLE = Qt.ItemDataRole.UserRole + 2
# A list of thousands helps nobody at a glance; the export holds every item.
SHOWN_PER_GROUP = 300


def group_of(item: DueItem, today: dt.date) -> int:
    if item.due < today:
        return 0
    if item.due <= today + dt.timedelta(days=7):
        return 1
    return 2


class DueList(QTreeWidget):
    """The due items of every register; activating one asks to open its record."""

    open_requested = Signal(str, int)

    def __init__(self, register_titles: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("due_list")
        self.register_titles = register_titles
        self.setHeaderLabels([_("Due"), _("What"), _("Who"), _("Register")])
        self.setRootIsDecorated(True)
        self.setAlternatingRowColors(True)
        self.itemActivated.connect(self._activated)
        self.items: list[DueItem] = []

    def show_counting(self) -> None:
        self.clear()
        self.items = []
        self.addTopLevelItem(QTreeWidgetItem([_("Counting what is due…")]))

    def show_items(self, items: list[DueItem], today: dt.date) -> None:
        self.clear()
        self.items = items
        buckets: list[list[DueItem]] = [[], [], []]
        for item in items:
            buckets[group_of(item, today)].append(item)
        for (title, colour), bucket in zip(GROUPS, buckets, strict=True):
            if not bucket:
                continue
            group = QTreeWidgetItem([_(title).format(n=len(bucket))])
            group.setForeground(0, QBrush(QColor(colour)))
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.addTopLevelItem(group)
            rows: list[QTreeWidgetItem] = []
            for item in bucket[:SHOWN_PER_GROUP]:
                row = QTreeWidgetItem(
                    [
                        format_date(item.due),
                        _(item.what),
                        item.who,
                        _(self.register_titles.get(item.register, item.register)),
                    ]
                )
                row.setData(0, ITEM_ROLE, f"{item.register}:{item.record_id}")
                rows.append(row)
            if len(bucket) > SHOWN_PER_GROUP:
                more = QTreeWidgetItem(
                    [
                        _("… and {n} more: export the list to see all").format(
                            n=len(bucket) - SHOWN_PER_GROUP
                        )
                    ]
                )
                rows.append(more)
            # One call per group: PySide6 6.12 corrupts None's reference count when
            # addChild is called many thousands of times (the process aborts).
            group.addChildren(rows)
            group.setExpanded(True)
        for column in range(3):
            self.resizeColumnToContents(column)

    def _activated(self, row: QTreeWidgetItem, _column: int) -> None:
        target = row.data(0, ITEM_ROLE)
        if isinstance(target, str) and ":" in target:
            register, record_id = target.rsplit(":", 1)
            self.open_requested.emit(register, int(record_id))
