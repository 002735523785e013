"""Showing what went wrong: a known problem as a plain message; a bug once, with details.

A bug never closes the window: it is logged, shown with a "Copy details" button, and the
user carries on (DESIGN.md §6).

A database error that is not a bug is told in plain words wherever it surfaces: when a
page loads, a filter reloads it, or a count runs in the background after the server
went away or refused the connection, the user reads that the connection was lost, not
the crash dialog; the next load, once the server is back, simply works.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

if TYPE_CHECKING:
    from safedesk.db.engine import Database

from safedesk.errors import SafeDeskError
from safedesk.i18n import _

log = logging.getLogger(__name__)


# Messages on screen now: several loads failing at once (the home page's counts when the
# server goes away) show the message once, not a stack of the same box.
_showing: set[str] = set()


def show_problem(parent: QWidget | None, error: SafeDeskError) -> None:
    text = error.message()
    if text in _showing:
        return
    _showing.add(text)
    try:
        QMessageBox.warning(parent, _("SafeDesk"), text)
    finally:
        _showing.discard(text)


def show_bug(parent: QWidget | None, error: BaseException) -> None:
    from safedesk.logs import log_file

    details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    log.error("unexpected error\n%s", details)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_("SafeDesk"))
    box.setText(_("Something unexpected went wrong. Your data is safe; you can keep working."))
    box.setInformativeText(_("The details were written to {log}.").format(log=log_file()))
    box.setDetailedText(details)
    copy = box.addButton(_("Copy details"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is copy:
        QApplication.clipboard().setText(details)


def _database_of(parent: QWidget | None) -> Database | None:
    """The database the widget (or else the window) shows, to name it in the message."""
    widgets: list[QWidget] = []
    widget = parent or QApplication.activeWindow()
    while widget is not None:
        widgets.append(widget)
        widget = widget.parentWidget()
    widgets += QApplication.topLevelWidgets()
    for w in widgets:
        db = getattr(w, "db", None)
        if db is not None and hasattr(db, "display_name"):
            return db  # type: ignore[no-any-return]
    return None


def database_problem(parent: QWidget | None, error: BaseException) -> SafeDeskError | None:
    """A driver's error in the user's words (connection lost, refused, file locked...),
    or None when it is not a database error the user can do something about."""
    if type(error).__module__.split(".")[0] not in ("sqlalchemy", "psycopg", "sqlite3"):
        return None  # nothing to translate: SQLAlchemy is not even imported for it
    from sqlalchemy.exc import DBAPIError

    from safedesk.db.engine import translate_db_error

    if isinstance(error, DBAPIError) or type(error).__module__.split(".")[0] != "sqlalchemy":
        db = _database_of(parent)
        return translate_db_error(error, db.display_name if db is not None else "")
    return None


def _off_screen(parent: QWidget | None) -> bool:
    """Whether `parent`'s window is not on screen: never shown, or closed and going away."""
    return parent is not None and not parent.window().isVisible()


def show_error(parent: QWidget | None, error: BaseException) -> None:
    if _off_screen(parent):
        # Background work finishing after its window closed (the program quitting): a box
        # on that window would be deleted with it while open. Written to the log only.
        log.warning("for a window not on screen: %s: %s", type(error).__name__, error)
        return
    if isinstance(error, SafeDeskError):
        show_problem(parent, error)
        return
    problem = database_problem(parent, error)
    if problem is not None:
        log.warning("%s: %s", type(problem).__name__, error)
        show_problem(parent, problem)
    else:
        show_bug(parent, error)


def install_excepthook() -> None:
    """Errors escaping a slot reach here instead of killing the program."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        error.__traceback__ = tb
        show_error(QApplication.activeWindow(), error)

    sys.excepthook = hook
