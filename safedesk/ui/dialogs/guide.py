"""The user guide inside the program, in the language of the window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from safedesk.i18n import _, current_language


def guide_folder() -> Path | None:
    """Where the guide is: beside the installed program, or in the source tree."""
    candidates = [
        Path(sys.executable).resolve().parent / "guide",  # the Windows installer puts it here
        Path(getattr(sys, "_MEIPASS", "")) / "guide",
        Path(__file__).resolve().parents[3] / "docs" / "guide",  # a source checkout
    ]
    for folder in candidates:
        if (folder / "en.md").exists():
            return folder
    return None


def guide_file(language: str | None = None) -> Path | None:
    folder = guide_folder()
    if folder is None:
        return None
    wanted = folder / f"{language or current_language()}.md"
    return wanted if wanted.exists() else folder / "en.md"


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("User guide"))
        self.text = QTextBrowser()
        self.text.setOpenLinks(True)
        path = guide_file()
        if path is None:
            self.text.setPlainText(
                _("The user guide was not installed with this copy of SafeDesk.")
            )
        else:
            # The markdown's pictures and links to the other languages resolve beside it.
            self.text.setSearchPaths([str(path.parent)])
            self.text.setSource(QUrl.fromLocalFile(str(path)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(900, 700)
