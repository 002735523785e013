"""Database → Back up now / Restore on a server database: a word about pg_dump, no file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import URL

from safedesk.db.engine import open_database
from safedesk.ui.dialogs import database_tools
from safedesk.ui.main_window import MainWindow
from tests.ui.test_database_menu import answer_next_box


def test_backup_and_restore_on_a_server_say_where_backups_are_made(
    qtbot: QtBot, server_url: URL, tmp_path: Path
) -> None:
    db = open_database(server_url, user="officer")
    window = MainWindow(db)
    qtbot.addWidget(window)
    try:
        seen: list[str] = []
        answer_next_box(QMessageBox.StandardButton.Ok, seen)
        assert database_tools.back_up_now(window, str(tmp_path / "copy.db")) is None
        answer_next_box(QMessageBox.StandardButton.Ok, seen)
        assert not database_tools.restore_from_file(window, str(tmp_path / "copy.db"))
    finally:
        db.dispose()
    assert len(seen) == 2 and all("pg_dump" in text for text in seen)
    assert not (tmp_path / "copy.db").exists()
