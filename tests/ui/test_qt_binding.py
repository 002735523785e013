"""The Qt binding itself must not corrupt the interpreter during a long session.

PySide6 6.12.0 dropped a reference to None on every call of a method returning nothing:
after a few thousand `setData`/`setText` calls the process aborted with
"Fatal Python error: none_dealloc" (filling the due list of a large enterprise did it).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QTableWidgetItem, QTreeWidgetItem
from pytestqt.qtbot import QtBot


def test_calls_that_return_nothing_keep_none_alive(qtbot: QtBot) -> None:
    tree, cell, combo = QTreeWidgetItem(["a"]), QTableWidgetItem("a"), QComboBox()
    qtbot.addWidget(combo)
    before = sys.getrefcount(None)
    for i in range(300):
        tree.setData(0, Qt.ItemDataRole.UserRole, i)
        tree.setText(0, "x")
        cell.setText("y")
        combo.addItem("z", i)
    # A few references may come and go elsewhere; a leak would be 1,200.
    assert abs(sys.getrefcount(None) - before) < 50
