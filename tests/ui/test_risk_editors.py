"""The risk reference editors and the JSA register as a safety officer uses them: a new
matrix edition typed and saved (and a refused one that keeps what was typed), a hazard
added to the library, a job safety analysis saved from its page."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QTableWidgetItem
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from safedesk.db.engine import Database
from safedesk.db.models import Hazard, JobSafetyAnalysis, RiskMatrix
from safedesk.db.risk_hazards import categories
from safedesk.db.risk_matrices import current_matrix_row
from safedesk.ui.dialogs.risk_hazard_editor import CategoryDialog, HazardDialog
from safedesk.ui.dialogs.risk_jsa import JsaDialog
from safedesk.ui.dialogs.risk_matrix_editor import MatrixEditor
from safedesk.ui.main_window import MainWindow
from safedesk.ui.pages.risk_hazards import HazardsPage
from safedesk.ui.pages.risk_jsa import JsaPage
from safedesk.ui.pages.risk_matrix import RiskMatrixPage


def _type(editor: MatrixEditor, likelihood: int, consequence: int, score: int) -> None:
    item = editor.grid.cell_item(likelihood, consequence)
    assert item is not None
    item.setText(str(score))


def test_a_new_matrix_edition_is_saved_from_the_editor(staffed_db: Database, qtbot: QtBot) -> None:
    with staffed_db.session() as s:
        old_id, old_edition = current_matrix_row(s).id, current_matrix_row(s).edition
    editor = MatrixEditor(staffed_db)
    qtbot.addWidget(editor)
    # The cell 5×5 scores 25: critical, painted red; the colour follows the band at once.
    assert editor.grid.cell_item(5, 5).background().color() == QColor("#e0584c")  # type: ignore[union-attr]
    editor.bands.set_colour(3, "#aa0000")
    assert editor.grid.cell_item(5, 5).background().color() == QColor("#aa0000")  # type: ignore[union-attr]
    # A sixth consequence level: new cells start at likelihood × consequence.
    editor.cols_box.setValue(6)
    assert editor.grid.size_ == (5, 6) and editor.consequence.rowCount() == 6
    assert editor.grid.cell_item(5, 6).text() == "30"  # type: ignore[union-attr]
    editor.consequence.setItem(5, 1, QTableWidgetItem("Массовая гибель"))
    editor.bands.setItem(3, 2, QTableWidgetItem("30"))
    editor.names["ru"].setText("Матрица 5×6")
    editor.accept()
    assert editor.result() == editor.DialogCode.Accepted
    with staffed_db.session() as s:
        new = current_matrix_row(s)
        old = s.get(RiskMatrix, old_id)
        assert new.edition == old_edition + 1 and new.name_ru == "Матрица 5×6"
        assert old is not None and not old.current  # kept: earlier ratings still point at it
        assert new.data["scores"][4] == [5, 10, 15, 20, 25, 30]
        assert new.data["consequence"][5]["ru"] == "Массовая гибель"
        assert new.data["bands"][3]["colour"] == "#aa0000"


def test_a_refused_matrix_keeps_the_input_and_marks_the_cell(
    staffed_db: Database, qtbot: QtBot
) -> None:
    editor = MatrixEditor(staffed_db)
    qtbot.addWidget(editor)
    editor.show()
    _type(editor, 3, 3, 30)  # above every band, and more than its neighbours
    editor.accept()
    assert editor.isVisible()
    assert "Cell 3×3 (score 30) is in no band." in editor.message.text()
    item = editor.grid.cell_item(3, 3)
    assert item is not None and item.text() == "30"  # nothing typed is lost
    assert item.foreground().color() == QColor("#c0392b") and "3×3" in item.toolTip()
    assert item.background().color() == QColor("#ffffff")  # no band, no colour
    with staffed_db.session() as s:
        assert len(list(s.scalars(select(RiskMatrix)))) == 1


def test_the_matrix_page_starts_a_new_edition(window: MainWindow, qtbot: QtBot) -> None:
    page = window.show_page("risk_matrix")
    assert isinstance(page, RiskMatrixPage)
    assert page.model.rowCount() == 1

    def save() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, MatrixEditor)
        dialog.accept()

    QTimer.singleShot(0, save)
    page.add_action.trigger()
    assert page.model.rowCount() == 2


def test_a_hazard_and_a_category_are_added(staffed_db: Database, qtbot: QtBot) -> None:
    category = CategoryDialog(staffed_db)
    qtbot.addWidget(category)
    category.name_kk.setText("Радиация")
    category.name_ru.setText("Радиация")
    category.name_en.setText("Radiation")
    category.accept()
    assert category.saved_id is not None

    dialog = HazardDialog(staffed_db, None, None, category.saved_id)
    qtbot.addWidget(dialog)
    dialog.accept()  # no name yet
    assert dialog.saved_id is None
    assert "name is required" in dialog.message.text()
    dialog.name_kk.setText("Иондаушы сәулелену")
    dialog.name_ru.setText("Ионизирующее излучение")
    dialog.event_ru.setText("Облучение")
    dialog.accept()
    with staffed_db.session() as s:
        hazard = s.get(Hazard, dialog.saved_id)
        assert hazard is not None and hazard.category_id == category.saved_id
        assert hazard.event_ru == "Облучение"
        assert "Radiation" in [c.name_en for c in categories(s)]


def test_the_hazard_page_lists_and_hides_hazards(window: MainWindow, qtbot: QtBot) -> None:
    page = window.show_page("hazards")
    assert isinstance(page, HazardsPage)
    before = page.model.total()
    assert before > 0  # the seeded library
    page.table.selectRow(0)
    page.delete_current(confirm=False)
    assert page.model.total() == before - 1


def test_a_job_safety_analysis_is_saved_from_its_page(window: MainWindow, qtbot: QtBot) -> None:
    page = window.show_page("jsa")
    assert isinstance(page, JsaPage)
    done: list[str] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, JsaDialog)
        try:
            dialog.task.setText("Замена насоса")
            dialog.add_team_id(1)
            steps = dialog.steps
            steps.setItem(0, 0, QTableWidgetItem("Отключить насос"))
            steps.setItem(0, 1, QTableWidgetItem("Напряжение"))
            dialog.accept()  # the hazard has no control yet
            done.append(dialog.message.text())
            assert steps.item(0, 2).background().color() == QColor("#f5b7b1")  # type: ignore[union-attr]
            steps.setItem(0, 2, QTableWidgetItem("Бұғаттау / LOTO"))
            steps.add_step()
            steps.setItem(1, 0, QTableWidgetItem("Снять насос"))
            dialog.accept()
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, fill)
    page.add_action.trigger()
    assert done and "Step 1: name the controls" in done[0]
    assert page.model.rowCount() == 1
    with page.db.session() as s:
        jsa = s.scalars(select(JobSafetyAnalysis)).one()
        assert jsa.task == "Замена насоса" and jsa.team_ids == [1]
        assert [st["step"] for st in jsa.steps] == ["Отключить насос", "Снять насос"]
        assert jsa.analysis_date == dt.date.today()
