"""File → Connect to server…: work on a PostgreSQL server shared by several officers.

The dialog asks for host, port, database, user and password, and connects before it
closes: a refusal (wrong password, no such database, server down) keeps what was typed
and says why. The password goes to the system keyring (`safedesk.server_login`), the
address without it to the config folder, and the next start connects to the same server
with the kept password. "Use the file on this computer" goes back to the local database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from safedesk.errors import SafeDeskError
from safedesk.i18n import N_, _
from safedesk.server_login import (
    DEFAULT_PORT,
    ServerAddress,
    remember_server,
    remembered_server,
    save_password,
    saved_password,
)
from safedesk.ui.widgets.fields import mark

if TYPE_CHECKING:
    from safedesk.db.engine import Database
    from safedesk.ui.main_window import MainWindow

REQUIRED = N_("This field is required.")
NO_KEYRING = N_(
    "Connected. This computer has no password keyring, so the password was not kept: "
    "at the next start enter it again in File → Connect to server…"
)


class ConnectServerDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, current: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Connect to server"))
        self.database: Database | None = None  # set when connected
        self.use_file = False  # the user chose the database file on this computer
        self.password_kept = True
        form = QFormLayout()
        self.host = QLineEdit()
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.db_name = QLineEdit()
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.at_start = QCheckBox(_("Connect to this server when SafeDesk starts"))
        self.at_start.setChecked(True)
        form.addRow(_("Server (host)"), self.host)
        form.addRow(_("Port"), self.port)
        form.addRow(_("Database"), self.db_name)
        form.addRow(_("User"), self.user)
        form.addRow(_("Password"), self.password)
        form.addRow("", self.at_start)
        self.message = QLabel()
        self.message.setObjectName("problems")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Connect"))
        self.file_button = QPushButton(_("Use the file on this computer"))
        self.buttons.addButton(self.file_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.file_button.clicked.connect(self._use_file)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self._fill(current or remembered_server())

    def _fill(self, url: str | None) -> None:
        if not url or not url.startswith("postgresql"):
            return
        address = ServerAddress.from_url(url)
        self.host.setText(address.host)
        self.port.setValue(address.port)
        self.db_name.setText(address.database)
        self.user.setText(address.user)
        if saved_password(address) is not None:
            self.password.setPlaceholderText(_("kept in the system keyring"))

    def address(self) -> ServerAddress:
        return ServerAddress(
            self.host.text().strip(),
            self.port.value(),
            self.db_name.text().strip(),
            self.user.text().strip(),
        )

    def accept(self) -> None:
        from safedesk.app import open_prepared

        self.message.hide()
        missing = [w for w in (self.host, self.db_name, self.user) if not w.text().strip()]
        for widget in (self.host, self.db_name, self.user):
            mark(widget, _(REQUIRED) if widget in missing else None)
        if missing:
            missing[0].setFocus()
            return
        address = self.address()
        typed = self.password.text()
        password = typed or saved_password(address)
        try:
            self.database = open_prepared(address.url(password).render_as_string(False))
        except SafeDeskError as e:
            self.message.setText(e.message())
            self.message.show()
            return
        if typed:
            self.password_kept = save_password(address, typed)
        remember_server(address if self.at_start.isChecked() else None)
        super().accept()

    def _use_file(self) -> None:
        remember_server(None)
        self.use_file = True
        super().accept()


def switch_database(window: MainWindow, db: Database) -> None:
    """Show `db` in the window instead of the one it had; the old one is closed."""
    from safedesk.app import close_database

    close_database(window)
    old = window.centralWidget()
    window._build(window.current_page_name())  # as for a language change
    if old is not None:
        old.deleteLater()
    window.attach(db)


def connect_to_server(window: MainWindow) -> bool:
    """The dialog, then the window on the chosen database. True when it changed."""
    from PySide6.QtWidgets import QMessageBox

    from safedesk.ui.dialogs.database_tools import open_for_window

    current = window.db.engine.url.render_as_string(True) if window.db is not None else None
    dialog = ConnectServerDialog(window, current if current and "postgresql" in current else None)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    if dialog.use_file:
        try:
            db = open_for_window(window, None)
        except SafeDeskError as e:
            QMessageBox.warning(window, _("SafeDesk"), e.message())
            return False
        if db is None:
            return False
    else:
        assert dialog.database is not None
        db = dialog.database
        if not dialog.password_kept:
            QMessageBox.information(window, _("SafeDesk"), _(NO_KEYRING))
    switch_database(window, db)
    return True
