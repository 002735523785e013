"""Start-up: language, database, migrations, the organisation on first start, the window."""

from __future__ import annotations

import sys

from safedesk.db.engine import Database, open_database
from safedesk.db.migrate import prepare
from safedesk.errors import SafeDeskError
from safedesk.i18n import _
from safedesk.paths import default_database


def application():  # type: ignore[no-untyped-def]
    """The one QApplication, made on first use."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("SafeDesk")
    app.setOrganizationName("SafeDesk")
    return app


def open_prepared(db_arg: str | None) -> Database:
    db = open_database(db_arg or default_database())
    prepare(db)
    return db


def build_window(db: Database, ask_organisation: bool = True):  # type: ignore[no-untyped-def]
    """The main window; on a database with no organisation yet, ask for it first."""
    from safedesk.db.organisation import get_organisation
    from safedesk.ui.main_window import MainWindow

    if ask_organisation:
        with db.session() as s:
            missing = get_organisation(s) is None
        if missing:
            from safedesk.ui.dialogs.organisation import OrganisationDialog

            OrganisationDialog(db, None, first_start=True).exec()
    return MainWindow(db)


def run_window(db_arg: str | None, language: str, explicit_language: bool = False) -> int:
    from PySide6.QtWidgets import QMessageBox

    from safedesk.ui.qt_i18n import install_qt_translator
    from safedesk.ui.widgets.errors import install_excepthook

    app = application()
    install_qt_translator(app, language)
    install_excepthook()
    try:
        db = open_prepared(db_arg)
    except SafeDeskError as e:
        QMessageBox.critical(None, _("SafeDesk"), e.message())
        return 1
    window = build_window(db)
    window.show()
    code = int(app.exec())
    db.dispose()
    return code


def main() -> int:
    """The entry point of the Windows shortcut (no console)."""
    from safedesk.cli import main as cli_main

    return cli_main()
