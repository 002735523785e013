"""What is due, grouped by urgency: overdue, this week, within 30 days. Opens the record.

The groups' sizes come from the registers' counts (`due_counts`); the list holds only
the most urgent items of each group (`due_items(limit=...)`), and a "N more…" row at
the end of a group asks for the next ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from safedesk.domain.due import DueCounts, DueItem
from safedesk.domain.due import group_of as due_group
from safedesk.i18n import N_, _, format_date

GROUPS = (
    (N_("Overdue ({n})"), "#c0392b"),
    (N_("This week ({n})"), "#d68910"),
    (N_("Within 30 days ({n})"), "#2e86c1"),
)
ITEM_ROLE = Qt.ItemDataRole.UserRole + 2
MORE_ROLE = Qt.ItemDataRole.UserRole + 3  # on a group's "N more…" row: the group
# A list of thousands helps nobody at a glance; "N more…" shows the next ones and the
# export holds every item.
SHOWN_PER_GROUP = 300


def group_of(item: DueItem, today: dt.date) -> int:
    return due_group(item.due, today)


class DueList(QTreeWidget):
    """The due items of every register; activating one asks to open its record."""

    open_requested = Signal(str, int)
    more_requested = Signal(int)  # the group whose "N more…" row was activated

    def __init__(self, register_titles: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("due_list")
        self.register_titles = register_titles
        self.setHeaderLabels([_("Due"), _("What"), _("Who"), _("Register")])
        self.setRootIsDecorated(True)
        self.setAlternatingRowColors(True)
        self.itemActivated.connect(self._activated)
        self.items: list[DueItem] = []  # the items shown (the most urgent of each group)
        self.counts: DueCounts | None = None

    def show_counting(self) -> None:
        self.clear()
        self.items = []
        self.addTopLevelItem(QTreeWidgetItem([_("Counting what is due…")]))

    def show_items(
        self,
        items: list[DueItem],
        today: dt.date,
        counts: DueCounts | None = None,
        shown: int | Sequence[int] = SHOWN_PER_GROUP,
    ) -> None:
        """`items` most urgent first; `counts` sizes the groups (default: the items);
        at most `shown` items of each group (or shown[group]) are listed."""
        self.clear()
        self.items = items
        self.counts = counts
        limits = [shown] * len(GROUPS) if isinstance(shown, int) else list(shown)
        buckets: list[list[DueItem]] = [[], [], []]
        for item in items:
            buckets[group_of(item, today)].append(item)
        for index, ((title, colour), bucket) in enumerate(zip(GROUPS, buckets, strict=True)):
            total = len(bucket) if counts is None else counts.in_group(index)
            if not bucket and not total:
                continue
            group = QTreeWidgetItem([_(title).format(n=total)])
            group.setForeground(0, QBrush(QColor(colour)))
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.addTopLevelItem(group)
            rows: list[QTreeWidgetItem] = []
            listed = bucket[: limits[index]]
            for item in listed:
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
            if total > len(listed):
                more = QTreeWidgetItem([_("{n} more…").format(n=total - len(listed))])
                more.setData(0, MORE_ROLE, index)
                more.setToolTip(0, _("Show the next ones; the export holds every item."))
                rows.append(more)
            # One call per group: PySide6 6.12 corrupts None's reference count when
            # addChild is called many thousands of times (the process aborts).
            group.addChildren(rows)
            group.setExpanded(True)
        for column in range(3):
            self.resizeColumnToContents(column)

    def more_row(self, group: int) -> QTreeWidgetItem | None:
        """The "N more…" row of a group, if it has one."""
        for index in range(self.topLevelItemCount()):
            top = self.topLevelItem(index)
            last = top.child(top.childCount() - 1) if top and top.childCount() else None
            if last is not None and last.data(0, MORE_ROLE) == group:
                return last
        return None

    def _activated(self, row: QTreeWidgetItem, _column: int) -> None:
        more = row.data(0, MORE_ROLE)
        if isinstance(more, int):
            self.more_requested.emit(more)
            return
        target = row.data(0, ITEM_ROLE)
        if isinstance(target, str) and ":" in target:
            register, record_id = target.rsplit(":", 1)
            self.open_requested.emit(register, int(record_id))
