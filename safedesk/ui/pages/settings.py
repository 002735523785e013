"""Settings: language, start-up reminders, the organisation card, where the data lives."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from safedesk.db.engine import Database
from safedesk.i18n import LANGUAGES, _, current_language
from safedesk.logs import log_file
from safedesk.settings import Settings
from safedesk.ui.dialogs.organisation import OrganisationDialog
from safedesk.ui.widgets.page import Page


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
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

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
