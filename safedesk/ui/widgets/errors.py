"""Showing what went wrong: a known problem as a plain message; a bug once, with details.

A bug never closes the window: it is logged, shown with a "Copy details" button, and the
user carries on (DESIGN.md §6).
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from safedesk.errors import SafeDeskError
from safedesk.i18n import _

log = logging.getLogger(__name__)


def show_problem(parent: QWidget | None, error: SafeDeskError) -> None:
    QMessageBox.warning(parent, _("SafeDesk"), error.message())


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


def show_error(parent: QWidget | None, error: BaseException) -> None:
    if isinstance(error, SafeDeskError):
        show_problem(parent, error)
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
