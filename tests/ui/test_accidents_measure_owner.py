"""The owner of a cause's corrective measure: shown, changed and saved from the dialog."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from safedesk.db.accidents import AccidentFields, CauseFields, VictimFields, register_accident
from safedesk.db.employees import dismiss_employee
from safedesk.db.models import AccidentCause, Employee
from safedesk.domain.accidents import KAZAKHSTAN
from safedesk.ui.dialogs.accident import AccidentDialog
from safedesk.ui.main_window import MainWindow


def owner_cell(dialog: AccidentDialog, row: int) -> QComboBox:
    column = [c.key for c in dialog.causes.columns].index("owner_id")
    combo = dialog.causes.cellWidget(row, column)
    assert isinstance(combo, QComboBox)
    return combo


def test_measure_owner_is_shown_and_saved(window: MainWindow, qtbot: QtBot) -> None:
    db = window.db
    assert db is not None
    when = dt.datetime(2026, 5, 22, 18, 0, tzinfo=KAZAKHSTAN)
    cause = CauseFields("organisational", "Нет ограждения", "Установить ограждение", owner_id=2)
    with db.write() as s:
        accident = register_accident(
            s,
            AccidentFields(when, 1, "light", [VictimFields(employee_id=1)], causes=[cause]),
            now=dt.datetime(2026, 6, 1, tzinfo=dt.UTC),
        )
        owner = s.get(Employee, 2)
        assert owner is not None
        dismiss_employee(s, 2, owner.version, dt.date(2026, 6, 2))
    dialog = AccidentDialog(db, accident.id, window)
    qtbot.addWidget(dialog)
    combo = owner_cell(dialog, 0)
    assert combo.currentData() == 2 and combo.currentText() == "Ахметов Ерлан"  # though dismissed
    combo.setCurrentIndex(combo.findData(3))
    dialog.accept()
    assert dialog.saved_id is not None
    with db.session() as s:
        saved = s.query(AccidentCause).filter_by(accident_id=dialog.saved_id).one()
        assert (saved.owner_id, saved.measure) == (3, "Установить ограждение")
    fresh = AccidentDialog(db, None, window)  # a new accident: staff in service only
    qtbot.addWidget(fresh)
    fresh.causes.add_line({"kind": "technical"})
    choices = [owner_cell(fresh, 0).itemData(i) for i in range(owner_cell(fresh, 0).count())]
    assert choices[0] is None and 2 not in choices and {1, 3} <= set(choices)
