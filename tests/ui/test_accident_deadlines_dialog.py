"""The accident deadline periods edited on screen: saved, or refused naming the field."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from safedesk.db.accident_deadlines import deadline_rules
from safedesk.db.engine import Database
from safedesk.ui.dialogs.accident_deadlines import AccidentDeadlinesDialog


def test_period_is_saved_and_a_bad_one_refused(db: Database, qtbot: QtBot) -> None:
    dialog = AccidentDeadlinesDialog(db)
    qtbot.addWidget(dialog)
    assert [w.code for w in dialog.rules] == [
        "notify",
        "commission",
        "investigation",
        "act",
        "special_investigation",
    ]
    act = next(w for w in dialog.rules if w.code == "act")
    act.value.setValue(0)
    dialog.accept()
    assert dialog.result() == 0 and not dialog.message.isHidden()
    assert "Send the act within" in dialog.message.text()
    with db.session() as s:
        assert deadline_rules(s).act_working_days == 3  # nothing written
    act.value.setValue(4)
    dialog.accept()
    with db.session() as s:
        assert deadline_rules(s).act_working_days == 4
