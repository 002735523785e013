"""The incident pages as a safety officer uses them: quick near miss, accident deadlines."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from safedesk.db.accidents import AccidentFields, VictimFields, register_accident
from safedesk.db.models import NearMiss
from safedesk.domain.accidents import KAZAKHSTAN
from safedesk.ui.dialogs.accident import AccidentDialog
from safedesk.ui.dialogs.near_miss import NearMissDialog
from safedesk.ui.main_window import MainWindow
from safedesk.ui.pages.accidents import AccidentsPage
from safedesk.ui.pages.near_misses import NearMissesPage


def column(page: NearMissesPage | AccidentsPage, col: int) -> list[str]:
    m = page.model
    return [m.data(m.index(r, col)) for r in range(m.rowCount())]


def test_near_miss_entered_with_the_keyboard_alone(window: MainWindow, qtbot: QtBot) -> None:
    page = window.show_page("near_misses")
    assert isinstance(page, NearMissesPage)
    dialog = NearMissDialog(page.db, None, page)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    # No report yet, so no default place: the form opens on it. Then Tab from field to field.
    assert dialog.focusWidget() is dialog.unit
    qtbot.keyClick(dialog.unit, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.unit, Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Down)  # category: next one
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)  # severity: keep the default
    assert dialog.focusWidget() is dialog.description
    qtbot.keyClicks(dialog.description, "Oil spill on the stairs")
    qtbot.keyClick(dialog.description, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.saved_id is not None
    page.after_save(dialog.saved_id)
    assert column(page, 4) == ["Oil spill on the stairs"]
    assert column(page, 5) == ["Anonymous"]
    assert column(page, 2) == ["Near-miss event"]
    again = NearMissDialog(page.db, None, page)  # the next report starts in the same place
    qtbot.addWidget(again)
    assert again.unit.currentData() == dialog.unit.currentData()
    with page.db.session() as s:
        row = s.get(NearMiss, dialog.saved_id)
        assert row is not None and row.reporter_id is None and row.anonymous


def test_near_miss_without_description_keeps_the_dialog(window: MainWindow, qtbot: QtBot) -> None:
    dialog = NearMissDialog(window.db, None, window)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.unit.setCurrentIndex(1)
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.description.property("invalid") is True


def test_accident_shows_its_computed_deadlines(window: MainWindow, qtbot: QtBot) -> None:
    assert window.db is not None
    when = dt.datetime(2026, 5, 22, 18, 0, tzinfo=KAZAKHSTAN)
    with window.db.write() as s:
        row = register_accident(
            s,
            AccidentFields(when, 1, "light", [VictimFields(employee_id=1, days_lost=4)]),
            now=dt.datetime(2026, 6, 1, tzinfo=dt.UTC),
        )
    page = window.show_page("accidents")
    assert isinstance(page, AccidentsPage)
    assert column(page, 1) == ["2026-1"]
    page.table.selectRow(0)
    assert "Complete the investigation: by 08.06.2026" in page.deadlines.text()
    dialog = AccidentDialog(page.db, row.id, page)
    qtbot.addWidget(dialog)
    shown = dialog.deadlines_shown()
    assert shown[2].startswith("Complete the investigation | by 08.06.2026")
    assert shown[3].startswith("Send the accident act (Н-1) | by 11.06.2026")
    iin = dialog.victims.item(0, 1)
    assert dialog.victims.rowCount() == 1 and iin is not None and iin.text() == "871008401427"


def test_every_incident_page_opens(window: MainWindow) -> None:
    for name in ("near_misses", "observations", "accidents", "holidays"):
        page = window.show_page(name)
        assert page is not None
