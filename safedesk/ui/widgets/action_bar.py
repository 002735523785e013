"""A register page's row of action buttons that wraps instead of hiding what does not fit.

A QToolBar puts the actions that do not fit behind a » button the keyboard cannot reach;
in Kazakh, whose labels are long, that hid half the permits page's actions on a
1280-pixel screen. This bar lays the same actions out as flat buttons in a FlowLayout:
what does not fit goes onto a second row, every button stays visible, and Tab reaches
each one in the order the actions were added.

It is used like a toolbar: `bar.addAction(action)`; `widgetForAction(action)` gives the
action's button. Hiding, disabling or renaming the action changes its button.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QActionEvent
from PySide6.QtWidgets import QToolButton, QWidget

from safedesk.ui.widgets.flow_layout import FlowLayout


class ActionBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("toolbar")
        self._flow = FlowLayout(self, spacing=2)
        self._buttons: dict[QAction, QToolButton] = {}

    def widgetForAction(self, action: QAction) -> QToolButton | None:
        return self._buttons.get(action)

    def buttons(self) -> list[QToolButton]:
        """The buttons in the order of their actions."""
        return [self._buttons[a] for a in self.actions() if a in self._buttons]

    def actionEvent(self, event: QActionEvent) -> None:
        action = event.action()
        if event.type() == QEvent.Type.ActionAdded:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            name = action.objectName()
            button.setObjectName(f"{name}_button" if name else "")
            self._buttons[action] = button
            self._relayout()
        elif event.type() == QEvent.Type.ActionRemoved:
            if action in self._buttons:
                self._buttons.pop(action).deleteLater()
            self._relayout()
        elif event.type() == QEvent.Type.ActionChanged:
            shown = self._buttons.get(action)
            if shown is not None and shown.isVisibleTo(self) != action.isVisible():
                self._relayout()
        super().actionEvent(event)

    def _relayout(self) -> None:
        """The buttons of the visible actions, in order; a hidden action leaves no gap."""
        while self._flow.count():
            self._flow.takeAt(0)
        previous: QWidget | None = None
        for button in self.buttons():
            shown = button.defaultAction().isVisible()
            button.setVisible(shown)
            if shown:
                self._flow.addWidget(button)
                if previous is not None:
                    QWidget.setTabOrder(previous, button)
                previous = button
        self._flow.invalidate()
        self.updateGeometry()
