"""File → Connect to server…: the password in the keyring, the address in the config folder.

The keyring is the operating system's service; here a small in-memory backend stands in
for it (a test double of a third-party service). Everything else is real: the dialog,
the server, the config folder.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import URL

from safedesk.db.engine import Database, open_database
from safedesk.server_login import (
    SERVICE,
    ServerAddress,
    database_at_start,
    remembered_server,
    with_saved_password,
)
from safedesk.ui.dialogs.connect_server import ConnectServerDialog, switch_database

PASSWORD = "Қауіпсіздік-2026"


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps passwords in this process only."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_address_names_the_keyring_entry_and_the_url_has_no_password() -> None:
    address = ServerAddress("db.kazmys.kz", 5433, "safedesk", "aigul")
    assert address.keyring_name == "aigul@db.kazmys.kz:5433/safedesk"
    assert address.url_text() == "postgresql+psycopg://aigul@db.kazmys.kz:5433/safedesk"
    assert ServerAddress.from_url(address.url_text()) == address


def test_a_kept_password_is_added_to_a_url_without_one(memory_keyring: MemoryKeyring) -> None:
    address = ServerAddress("db.kazmys.kz", 5432, "safedesk", "aigul")
    url = address.url()
    assert with_saved_password(url).password is None
    memory_keyring.set_password(SERVICE, address.keyring_name, PASSWORD)
    assert with_saved_password(url).password == PASSWORD
    assert with_saved_password(url.set(password="typed")).password == "typed"


def fill(dialog: ConnectServerDialog, url: URL, password: str = PASSWORD) -> None:
    dialog.host.setText(url.host or "")
    dialog.port.setValue(url.port or 5432)
    dialog.db_name.setText(url.database or "")
    dialog.user.setText(url.username or "")
    dialog.password.setText(password)


def test_connecting_keeps_the_password_in_the_keyring_only(
    server_url: URL, memory_keyring: MemoryKeyring, safedesk_home: Path, qtbot: QtBot
) -> None:
    dialog = ConnectServerDialog()
    qtbot.addWidget(dialog)
    fill(dialog, server_url)
    dialog.accept()
    assert dialog.result() == ConnectServerDialog.DialogCode.Accepted, dialog.message.text()
    assert dialog.database is not None
    dialog.database.dispose()

    address = ServerAddress.from_url(server_url)
    assert memory_keyring.kept == {(SERVICE, address.keyring_name): PASSWORD}
    assert remembered_server() == address.url_text()
    for path in safedesk_home.rglob("*"):  # never in a plain file
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes(), path

    # The next start connects to the same server with the kept password.
    url = database_at_start(None)
    assert url == address.url_text()
    db = open_database(url)
    try:
        assert db.engine.url.password == PASSWORD
        assert "***" in db.display_name and PASSWORD not in db.display_name
        with db.session() as s:
            assert s.connection().exec_driver_sql("SELECT 1").scalar() == 1
    finally:
        db.dispose()
    assert database_at_start("other.db") == "other.db"  # --db still wins

    again = ConnectServerDialog()  # opened again: filled in, the password not shown
    qtbot.addWidget(again)
    assert (again.host.text(), again.db_name.text()) == (address.host, address.database)
    assert again.password.text() == "" and again.password.placeholderText()


def test_a_refused_connection_keeps_what_was_typed(
    pg_admin_url: URL, memory_keyring: MemoryKeyring, qtbot: QtBot
) -> None:
    dialog = ConnectServerDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, pg_admin_url.set(database="t13b_no_such_database"))
    dialog.accept()
    assert dialog.isVisible() and dialog.database is None
    assert "refused the connection" in dialog.message.text()
    assert dialog.db_name.text() == "t13b_no_such_database"
    assert dialog.password.text() == PASSWORD
    assert memory_keyring.kept == {} and remembered_server() is None

    dialog.db_name.clear()
    dialog.accept()
    assert dialog.isVisible() and dialog.db_name.property("invalid") is True


def test_the_window_switches_to_the_server(
    db: Database, server_url: URL, memory_keyring: MemoryKeyring, qtbot: QtBot
) -> None:
    from safedesk.ui.main_window import MainWindow

    window = MainWindow(db)
    qtbot.addWidget(window)
    assert window.findChild(object, "connect_to_server") is not None  # File menu entry
    server = open_database(server_url)
    switch_database(window, server)
    assert window.db is server and "postgresql" in window.windowTitle()
    window.show_page("employees")
    QThreadPool.globalInstance().waitForDone(20_000)  # the status bar's count, in the background
    server.dispose()
