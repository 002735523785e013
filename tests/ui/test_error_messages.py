"""Database errors the user can act on are told in words; the same words are shown once."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy.exc import OperationalError, ProgrammingError

from safedesk.db.server_errors import ConnectionLost
from safedesk.ui.widgets import errors


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[BaseException]]:
    messages: list[str] = []
    bugs: list[BaseException] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _parent, _title, text: messages.append(text))
    )
    monkeypatch.setattr(errors, "show_bug", lambda _parent, error: bugs.append(error))
    return messages, bugs


def test_a_locked_file_while_reading_is_a_message_and_a_bug_stays_a_bug(
    shown: tuple[list[str], list[BaseException]],
) -> None:
    messages, bugs = shown
    locked = OperationalError("SELECT 1", {}, sqlite3.OperationalError("database is locked"))
    errors.show_error(None, locked)
    assert len(messages) == 1 and "locked by another program" in messages[0]
    missing = OperationalError("SELECT x", {}, sqlite3.OperationalError("no such column: x"))
    errors.show_error(None, missing)
    errors.show_error(None, ProgrammingError("SELECT", {}, sqlite3.ProgrammingError("closed")))
    errors.show_error(None, ZeroDivisionError("boom"))
    assert len(messages) == 1 and len(bugs) == 3


def test_the_same_message_is_not_stacked_while_it_is_on_screen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    boxes: list[str] = []
    lost = ConnectionLost(path="server")

    def warning(_parent: object, _title: str, text: str) -> None:
        boxes.append(text)
        if len(boxes) == 1:  # while the first box is open, other counts fail the same way
            errors.show_problem(None, lost)
            errors.show_problem(None, ConnectionLost(path="other"))

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    errors.show_problem(None, lost)
    assert boxes == [lost.message(), ConnectionLost(path="other").message()]
    errors.show_problem(None, lost)  # closed: the next failure is told again
    assert len(boxes) == 3
