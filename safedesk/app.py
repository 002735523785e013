"""Start-up: language, the window, then the database, migrations and the organisation.

The window is shown first and the database opened right after its first paint, so the
program appears at once even on a large database; nothing heavy (SQLAlchemy, ReportLab,
openpyxl, Alembic) is imported before the window is on screen.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from safedesk.errors import SafeDeskError
from safedesk.i18n import N_, _

if TYPE_CHECKING:
    from safedesk.db.engine import Database
    from safedesk.ui.main_window import MainWindow


SERVER_FALLBACK = N_(
    "SafeDesk opened the database file on this computer instead. "
    "To try the server again, use File → Connect to server…"
)


def application() -> Any:
    """The one QApplication, made on first use."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("SafeDesk")
    app.setOrganizationName("SafeDesk")
    return app


def open_prepared(db_arg: str | None) -> Database:
    """Open --db (or the default) and bring its schema up to date."""
    from safedesk.db.engine import open_database
    from safedesk.db.migrate import prepare
    from safedesk.paths import default_database

    db = open_database(db_arg or default_database())
    prepare(db)
    return db


def ask_organisation_if_missing(db: Database, parent: Any = None) -> None:
    """On first start the organisation card is asked for: it heads every printed form."""
    from safedesk.db.organisation import get_organisation

    with db.session() as s:
        missing = get_organisation(s) is None
    if missing:
        from safedesk.ui.dialogs.organisation import OrganisationDialog

        OrganisationDialog(db, parent, first_start=True).exec()


def build_window(db: Database, ask_organisation: bool = True) -> MainWindow:
    """The main window on an open database, built at once (screenshots, benchmarks)."""
    from safedesk.ui.main_window import MainWindow

    if ask_organisation:
        ask_organisation_if_missing(db)
    return MainWindow(db)


def attach_database(window: MainWindow, db_arg: str | None, fallback: bool = False) -> bool:
    """Open the database into a window already on screen; False (and a message) if not.

    `fallback`: the server remembered from File → Connect to server… cannot be reached
    (no network, a password the keyring lost): say so and open the file on this computer,
    so the user can work and connect again from the menu instead of facing a closed app.
    """
    from PySide6.QtWidgets import QMessageBox

    from safedesk.ui.dialogs import database_tools as tools

    try:
        db = tools.open_for_window(window, db_arg)  # the writer's lock, or read-only
    except SafeDeskError as e:
        if fallback:
            QMessageBox.warning(
                window, _("SafeDesk"), "\n\n".join((e.message(), _(SERVER_FALLBACK)))
            )
            return attach_database(window, None)
        QMessageBox.critical(window, _("SafeDesk"), e.message())
        window.close()
        return False
    if db is None:  # held by someone else, and the user would not look read-only
        window.close()
        return False
    tools.warn_if_network_share(window, db)
    tools.automatic_backup_shown(window, db, "start")
    if not db.read_only:
        ask_organisation_if_missing(db, window)
    # The summary follows the status bar's count, made in the background: counting what
    # is due on a large enterprise takes seconds and must not hold the window.
    window.due_summary_wanted = True
    window.attach(db)
    return True


def show_due_summary(window: MainWindow, overdue: int | None = None, soon: int = 0) -> Any:
    """A short, non-modal note at start-up when something is overdue (can be turned off).

    `overdue` and `soon` come from the status bar's count; without them they are counted.
    """
    import datetime as dt

    from PySide6.QtWidgets import QCheckBox, QMessageBox

    from safedesk.db.due import due_counts
    from safedesk.settings import Settings

    if window.db is None or not Settings.load().show_due_summary:
        return None
    if overdue is None:
        today = dt.date.today()
        with window.db.session() as s:
            counts = due_counts(s, today)
        overdue, soon = counts.overdue, counts.due_30_days
    if not overdue:
        return None
    box = QMessageBox(window)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("What is overdue"))
    box.setText(
        _("Overdue: {overdue}. Due within 30 days: {soon}. The list is on the home page.").format(
            overdue=overdue, soon=soon
        )
    )
    # Parented to the box: PySide would otherwise free the check box under Qt's feet.
    check = QCheckBox(_("Do not show this at start-up"), box)
    box.setCheckBox(check)
    box.setModal(False)

    def closed() -> None:
        if check.isChecked():
            settings = Settings.load()
            settings.show_due_summary = False
            settings.save()

    box.finished.connect(lambda _result: closed())
    box.show()
    return box


def close_database(window: MainWindow) -> None:
    """The close backup, then the database and its writer's lock are let go."""
    if window.db is None:
        return
    from safedesk.ui.dialogs.database_tools import automatic_backup_shown

    automatic_backup_shown(None, window.db, "close")
    window.db.dispose()


def run_window(db_arg: str | None, language: str, explicit_language: bool = False) -> int:
    from PySide6.QtCore import QTimer

    from safedesk.ui.main_window import MainWindow
    from safedesk.ui.qt_i18n import install_qt_translator
    from safedesk.ui.widgets.errors import install_excepthook

    app = application()
    install_qt_translator(app, language)
    install_excepthook()
    window = MainWindow()
    window.show()
    from safedesk.server_login import database_at_start

    chosen = database_at_start(db_arg)  # the server chosen in File → Connect to server…
    remembered = chosen is not None and chosen != db_arg
    opened: list[bool] = []
    QTimer.singleShot(0, lambda: opened.append(attach_database(window, chosen, remembered)))
    code = int(app.exec())
    close_database(window)
    return code if all(opened) else 1


def main() -> int:
    """The entry point of the Windows shortcut (no console)."""
    from safedesk.cli import main as cli_main

    return cli_main()
