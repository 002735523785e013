"""The risk register page as a safety officer uses it: type an assessment, see the colours,
filter by clicking the heatmap, work the action list."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLineEdit, QTableWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from safedesk.db.engine import Database
from safedesk.db.risk_assessments import (
    AssessmentFields,
    ControlFields,
    RowFields,
    save_assessment,
)
from safedesk.domain.risk_controls import Hierarchy
from safedesk.ui.dialogs.risk_assessment import AssessmentDialog
from safedesk.ui.dialogs.risk_grid import COL
from safedesk.ui.main_window import MainWindow
from safedesk.ui.pages.risk import RiskPage
from safedesk.ui.pages.risk_actions import ActionsPage

TODAY = dt.date.today()


def type_into_grid(qtbot: QtBot, dialog: AssessmentDialog, row: int, values: list[str]) -> None:
    """Type cell after cell from the keyboard, Tab between them, as the user does.

    The first key on a cell opens its editor; Tab commits and opens the next cell's.
    """
    grid = dialog.grid
    grid.setFocus()
    grid.setCurrentCell(row, 0)

    def editor() -> QWidget:
        open_ = [w for w in grid.viewport().findChildren(QLineEdit) if w.isVisible()]
        return open_[-1] if open_ else grid

    for text in values:
        target = editor()
        if target is grid and text:
            qtbot.keyClick(grid, text[0])
            target, text = editor(), text[1:]
        for letter in text:
            qtbot.keyClick(target, letter)
        qtbot.keyClick(target, Qt.Key.Key_Tab)


def shown(page: RiskPage, column: int) -> list[str]:
    return [page.model.data(page.model.index(r, column)) for r in range(page.model.rowCount())]


def fill_header(dialog: AssessmentDialog) -> None:
    dialog.unit.setCurrentIndex(dialog.unit.findText("Рудник"))
    dialog.area.setText("Stope 4")
    dialog._add_team_id(1)


def test_typed_row_shows_its_band_colour_at_once(staffed_db: Database, qtbot: QtBot) -> None:
    dialog = AssessmentDialog(staffed_db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.add_row()
    type_into_grid(qtbot, dialog, 0, ["Drilling", "Rock fall", "", "", "", "4", "5"])
    assert dialog.grid.text(0, "hazard") == "Rock fall"
    initial = dialog.grid.cell(0, COL["initial"])
    assert initial.text() == "20 · Critical"
    assert initial.background().color() == QColor("#e0584c")
    assert dialog.grid.cell(0, COL["residual"]).text() == "20 · Critical"  # same until re-rated


def test_assessment_with_a_row_and_a_control_is_created_from_the_page(
    window: MainWindow, qtbot: QtBot
) -> None:
    page = window.show_page("risk")
    assert isinstance(page, RiskPage)
    done: list[bool] = []

    def fill_and_save() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AssessmentDialog)
        try:
            fill(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    def fill(dialog: AssessmentDialog) -> None:
        fill_header(dialog)
        dialog.add_row()
        values = [
            "Drilling",
            "Rock fall",
            "Trapped",
            "Miners",
            "Roof bolts",
            "4",
            "5",
            "",
            "2",
            "5",
        ]
        type_into_grid(qtbot, dialog, 0, values)
        dialog.grid.setCurrentCell(0, 0)
        r = dialog.controls.add_control()
        dialog.controls.setItem(r, 0, QTableWidgetItem("Mesh and bolts every 1 m"))
        owner = dialog.controls.cellWidget(r, 2)
        owner.set_value(2)  # type: ignore[attr-defined]
        dialog.accept()
        done.append(not dialog.isVisible())

    QTimer.singleShot(0, fill_and_save)
    page.add_action.trigger()
    assert done == [True]
    assert shown(page, 2) == ["Rock fall"]
    assert shown(page, 3) == ["20 · Critical"] and shown(page, 4) == ["10 · High"]
    colour = page.model.data(page.model.index(0, 3), Qt.ItemDataRole.BackgroundRole)
    assert colour == QColor("#e0584c")
    actions = window.show_page("risk_actions")
    assert isinstance(actions, ActionsPage)
    actions.refresh()
    assert actions.model.rowCount() == 1
    assert "Mesh" in actions.model.data(actions.model.index(0, 2))


def test_refused_save_marks_the_cells_and_keeps_the_input(
    staffed_db: Database, qtbot: QtBot
) -> None:
    dialog = AssessmentDialog(staffed_db)
    qtbot.addWidget(dialog)
    dialog.show()
    fill_header(dialog)
    dialog.add_row()
    type_into_grid(qtbot, dialog, 0, ["Drilling", "Rock fall", "", "", "", "7", "5"])
    dialog.grid.setCurrentCell(0, 0)
    dialog.controls.add_control()  # no owner, no text
    dialog.accept()
    assert dialog.isVisible()
    assert "Row 1" in dialog.message.text() and "outside the matrix" in dialog.message.text()
    assert "outside the matrix" in dialog.grid.cell(0, COL["likelihood"]).toolTip()
    owner = dialog.controls.cellWidget(0, 2)
    assert isinstance(owner, QWidget) and owner.property("invalid") is True
    assert dialog.grid.text(0, "activity") == "Drilling"


def _seed(db: Database) -> None:
    with db.write() as s:
        for unit, cells in ((1, [(4, 5), (2, 2)]), (2, [(4, 5)])):
            rows = [
                RowFields(
                    activity="Work",
                    hazard=f"Hazard {lik}{con}",
                    likelihood=lik,
                    consequence=con,
                    residual_likelihood=1,
                    residual_consequence=con,
                    controls=[
                        ControlFields("Guard", Hierarchy.ENGINEERING, 1, TODAY + dt.timedelta(5))
                    ],
                )
                for lik, con in cells
            ]
            save_assessment(
                s, None, None, AssessmentFields(unit, "Area", TODAY, [1], rows=rows), TODAY
            )


def test_heatmap_counts_cells_and_a_click_filters_the_table(
    window: MainWindow, qtbot: QtBot
) -> None:
    _seed(window.db)  # type: ignore[arg-type]
    page = window.show_page("risk")
    assert isinstance(page, RiskPage)
    page.refresh()
    heatmap = page.heatmap
    assert heatmap.count((4, 5)) == 2 and heatmap.count((2, 2)) == 1
    qtbot.mouseClick(heatmap, Qt.MouseButton.LeftButton, pos=heatmap.cell_rect((4, 5)).center())
    assert page.cell == (4, 5)
    assert sorted(shown(page, 2)) == ["Hazard 45", "Hazard 45"]
    qtbot.mouseClick(heatmap, Qt.MouseButton.LeftButton, pos=heatmap.cell_rect((4, 5)).center())
    assert page.cell is None and len(shown(page, 2)) == 3
    page.view.setCurrentIndex(1)  # residual
    assert heatmap.count((1, 5)) == 2 and heatmap.count((4, 5)) == 0
    page.unit_filter.setCurrentIndex(page.unit_filter.findText("Ремонтный цех"))
    assert heatmap.count((1, 5)) == 1 and len(shown(page, 2)) == 1
    assert "2 of 2" in page.coverage_label.text()


def test_action_list_marks_done_and_due_items_open_the_assessment(
    window: MainWindow, qtbot: QtBot
) -> None:
    _seed(window.db)  # type: ignore[arg-type]
    page = window.show_page("risk_actions")
    assert isinstance(page, ActionsPage)
    page.refresh()
    assert page.model.rowCount() == 3
    page.table.selectRow(0)
    page.done_action.trigger()
    assert page.model.rowCount() == 2
    page.state.setCurrentIndex(page.state.findData("closed"))
    assert page.model.rowCount() == 1
    opened: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, AssessmentDialog):
            opened.append(dialog.area.text())
            opened.append(str(dialog.grid.rowCount()))
            dialog.reject()

    QTimer.singleShot(0, look)
    window.open_record("risk_controls", 3)  # the due item of an action
    assert opened == ["Area", "1"] and window.current_page_name() == "risk_actions"


def test_five_s_dialog_scores_the_checklist_live(staffed_db: Database, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QSpinBox

    from safedesk.ui.dialogs.risk_cards import FiveSDialog

    dialog = FiveSDialog(staffed_db)
    qtbot.addWidget(dialog)
    for r in range(dialog.items.rowCount()):
        box = dialog.items.cellWidget(r, 2)
        assert isinstance(box, QSpinBox)
        box.setValue(5 if r < 2 else 0)
    shown_result = dialog.result_label.text()
    assert "Sort 100.0 %" in shown_result and "Total: 20.0 %" in shown_result
    dialog.auditor.set_value(1)
    dialog.area.setText("Флотация")
    dialog.accept()
    assert dialog.saved_id is not None
