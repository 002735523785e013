"""A layout that wraps its widgets onto the next line when the window is narrow.

The filter bars of the registers hold a search box and several filters; in one row they
would force the window wider than a 1280-pixel screen in Kazakh, whose labels are long.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget, QWidgetItem


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch: list[int] = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addWidget(self, widget: QWidget, stretch: int = 0) -> None:
        """Like QBoxLayout.addWidget: a widget with stretch grows to fill its line."""
        self.addChildWidget(widget)
        self._items.append(QWidgetItem(widget))
        self._stretch.append(stretch)
        self.invalidate()

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self._stretch.append(0)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if 0 <= index < len(self._items):
            self._stretch.pop(index)
            return self._items.pop(index)
        return None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _lines(self, width: int) -> list[list[int]]:
        lines: list[list[int]] = [[]]
        used = 0
        for index, item in enumerate(self._items):
            wanted = item.sizeHint().width()
            if lines[-1] and used + self.spacing() + wanted > width:
                lines.append([])
                used = 0
            used += (self.spacing() if lines[-1] else 0) + wanted
            lines[-1].append(index)
        return lines

    def _place(self, rect: QRect, move: bool) -> int:
        y = rect.y()
        for line in self._lines(rect.width()):
            if not line:
                continue
            hints = [self._items[i].sizeHint() for i in line]
            spare = rect.width() - sum(h.width() for h in hints) - self.spacing() * (len(line) - 1)
            stretch = sum(self._stretch[i] for i in line)
            height = max(h.height() for h in hints)
            x = rect.x()
            for i, hint in zip(line, hints, strict=True):
                width = hint.width()
                if stretch and spare > 0:
                    width += spare * self._stretch[i] // stretch
                width = min(width, rect.width())
                if move:
                    self._items[i].setGeometry(QRect(QPoint(x, y), QSize(width, height)))
                x += width + self.spacing()
            y += height + self.spacing()
        return y - rect.y() - self.spacing()
