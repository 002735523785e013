"""Settings: language, start-up reminders, the organisation card, where the data lives.

The backup folder and the number of backups kept are checked before they are saved: a
folder that cannot hold backups is named with the reason, and the old setting stays.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from safedesk.db.engine import Database
from safedesk.errors import render
from safedesk.i18n import LANGUAGES, N_, _, current_language
from safedesk.logs import log_file
from safedesk.settings import Settings, backup_folder_for, backups_kept
from safedesk.ui.dialogs.organisation import OrganisationDialog
from safedesk.ui.widgets.fields import mark
from safedesk.ui.widgets.page import Page

MOST_BACKUPS = 999


def backup_folder_problem(text: str) -> tuple[str, dict[str, str]] | None:
    """Why `text` cannot be the backup folder (msgid and values), or None; "" is the default.

    A folder that does not exist yet is made, so that the check is the real one: can
    SafeDesk write a file there now.
    """
    if not text.strip():
        return None
    folder = Path(text.strip()).expanduser()
    if not folder.is_absolute():
        return N_("The backup folder must be a full path, such as {example}."), {
            "example": str(Path.home() / "SafeDesk backups")
        }
    if folder.exists() and not folder.is_dir():
        return N_("{path} is a file, not a folder."), {"path": str(folder)}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as e:
        return N_("Backups cannot be written to {path}: {reason}."), {
            "path": str(folder),
            "reason": e.strerror or str(e),
        }
    return None


class SettingsPage(Page):
    language_chosen = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        settings = Settings.load()
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, label in LANGUAGES.items():
            self.language.addItem(label, code)
        self.language.setCurrentIndex(list(LANGUAGES).index(current_language()))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.due_summary = QCheckBox(_("Show what is overdue when SafeDesk starts"))
        self.due_summary.setChecked(settings.show_due_summary)
        self.due_summary.toggled.connect(self._due_summary_toggled)
        self.organisation = QPushButton(_("Edit organisation…"))
        self.organisation.clicked.connect(self._edit_organisation)
        form = QFormLayout()
        form.addRow(_("Language"), self.language)
        form.addRow("", self.due_summary)
        form.addRow(_("Organisation"), self.organisation)
        database = QLabel(db.display_name)
        database.setWordWrap(True)
        form.addRow(_("Database"), database)
        form.addRow(_("Log file"), QLabel(str(log_file())))
        self._add_backup_rows(form, settings)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

    def _add_backup_rows(self, form: QFormLayout, settings: Settings) -> None:
        self.backup_folder = QLineEdit(settings.backup_folder or "")
        self.backup_folder.setObjectName("backup_folder")
        if self.db.path is not None:
            default = backup_folder_for(self.db.path, Settings(backup_folder=None))
            self.backup_folder.setPlaceholderText(_("Default: {path}").format(path=str(default)))
        choose = QPushButton(_("Choose…"))
        choose.clicked.connect(self._choose_backup_folder)
        row = QHBoxLayout()
        row.addWidget(self.backup_folder, 1)
        row.addWidget(choose)
        form.addRow(_("Backup folder"), row)
        self.backups_kept = QSpinBox()
        self.backups_kept.setObjectName("backups_kept")
        self.backups_kept.setRange(1, MOST_BACKUPS)
        self.backups_kept.setValue(min(backups_kept(settings), MOST_BACKUPS))
        self.backups_kept.setToolTip(
            _("Automatic backups made on start and on close; the oldest beyond this go.")
        )
        form.addRow(_("Backups kept"), self.backups_kept)
        self.save_backups = QPushButton(_("Save backup settings"))
        self.save_backups.setObjectName("save_backups")
        self.save_backups.clicked.connect(self.save_backup_settings)
        self.backup_message = QLabel()
        self.backup_message.setObjectName("backup_message")
        self.backup_message.setWordWrap(True)
        form.addRow("", self.save_backups)
        form.addRow("", self.backup_message)

    def _choose_backup_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, _("Backup folder"), self.backup_folder.text() or str(Path.home())
        )
        if folder:
            self.backup_folder.setText(folder)

    def save_backup_settings(self) -> bool:
        """Check the folder and save both settings; on a problem, say it and save nothing."""
        text = self.backup_folder.text().strip()
        problem = backup_folder_problem(text)
        if problem is not None:
            message = render(*problem)
            mark(self.backup_folder, message)
            self.backup_message.setStyleSheet("color: #c0392b;")
            self.backup_message.setText(message)
            return False
        mark(self.backup_folder, None)
        settings = Settings.load()
        settings.backup_folder = str(Path(text).expanduser()) if text else None
        settings.backups_kept = self.backups_kept.value()
        settings.save()
        self.backup_message.setStyleSheet("")
        self.backup_message.setText(_("Backup settings saved."))
        return True

    def _language_chosen(self, _index: int) -> None:
        code = self.language.currentData()
        settings = Settings.load()
        settings.language = code
        settings.save()
        self.language_chosen.emit(code)

    def _due_summary_toggled(self, on: bool) -> None:
        settings = Settings.load()
        settings.show_due_summary = on
        settings.save()

    def _edit_organisation(self) -> None:
        OrganisationDialog(self.db, self).exec()
