"""A remembered server that cannot be reached at start: the file opens instead, with a word why."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from safedesk.app import attach_database, close_database
from safedesk.db.backup import copy_database
from safedesk.db.engine import Database
from safedesk.paths import default_database
from safedesk.ui.main_window import MainWindow
from tests.ui.test_database_menu import answer_next_box

# Port 1 on this machine: nothing listens, the connection is refused at once.
UNREACHABLE = "postgresql+psycopg://officer@127.0.0.1:1/safedesk"


@pytest.fixture
def bare_window(qtbot: QtBot) -> Iterator[MainWindow]:
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    yield w
    close_database(w)


def test_an_unreachable_remembered_server_opens_the_file_and_says_so(
    bare_window: MainWindow, staffed_db: Database
) -> None:
    # The officer's own file, with its organisation (so no first-start questions).
    assert staffed_db.path is not None
    own_file = Path(default_database())
    copy_database(staffed_db.path, own_file)  # its last writes may still be in the WAL
    seen: list[str] = []
    answer_next_box(QMessageBox.StandardButton.Ok, seen)

    assert attach_database(bare_window, UNREACHABLE, fallback=True)

    assert bare_window.isVisible()  # not closed: the user can work and connect again
    assert bare_window.db is not None and bare_window.db.path == own_file
    assert "File → Connect to server…" in seen[0]


def test_an_unreachable_server_asked_for_by_name_is_not_replaced(
    bare_window: MainWindow,
) -> None:
    seen: list[str] = []
    answer_next_box(QMessageBox.StandardButton.Ok, seen)

    assert not attach_database(bare_window, UNREACHABLE)  # --db URL: no silent other file

    assert bare_window.db is None and "Connect to server" not in seen[0]
