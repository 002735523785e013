"""The main window: registers on the left, one page at a time, what is due in the status bar.

Pages are built the first time they are shown, so start-up costs one page, not all.
Switching the language rebuilds them, so every label follows at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from safedesk import __version__
from safedesk.db.engine import Database
from safedesk.i18n import _, set_language
from safedesk.settings import remember_geometry, remembered_geometry
from safedesk.ui.qt_i18n import install_qt_translator
from safedesk.ui.widgets.table_page import Page


def page_factories(window: MainWindow) -> list[tuple[str, str, Callable[[], Page]]]:
    """(name, title msgid, factory) of every page, in navigation order."""
    from safedesk.ui.pages.employees import EmployeesPage
    from safedesk.ui.pages.home import HomePage
    from safedesk.ui.pages.positions import PositionsPage
    from safedesk.ui.pages.responsible import ResponsiblePage
    from safedesk.ui.pages.settings import SettingsPage
    from safedesk.ui.pages.units import UnitsPage

    db = window.db
    return [
        (HomePage.name, HomePage.title, lambda: HomePage(db)),
        (EmployeesPage.name, EmployeesPage.title, lambda: EmployeesPage(db)),
        (UnitsPage.name, UnitsPage.title, lambda: UnitsPage(db)),
        (PositionsPage.name, PositionsPage.title, lambda: PositionsPage(db)),
        (ResponsiblePage.name, ResponsiblePage.title, lambda: ResponsiblePage(db)),
        (
            SettingsPage.name,
            SettingsPage.title,
            lambda: SettingsPage(db, on_language=window.change_language),
        ),
    ]


class MainWindow(QMainWindow):
    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        self.setObjectName("main_window")
        self.resize(1200, 760)
        state = remembered_geometry("MainWindow")
        if state:
            self.restoreGeometry(QByteArray(state))
        self._build()

    # -- building ---------------------------------------------------------------------
    def _build(self, current: str = "home") -> None:
        self.setWindowTitle(f"SafeDesk {__version__} — {self.db.display_name}")
        self._factories = page_factories(self)
        self.pages: dict[str, Page] = {}
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setMaximumWidth(260)
        self.stack = QStackedWidget()
        self._placeholders: dict[str, QWidget] = {}
        for name, title, _factory in self._factories:
            self.nav.addItem(_(title))
            placeholder = QWidget()
            self._placeholders[name] = placeholder
            self.stack.addWidget(placeholder)
        self.nav.currentRowChanged.connect(self._show_row)
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)
        self._build_menus()
        self.status = QLabel()
        self.statusBar().addPermanentWidget(self.status)
        self.update_status()
        self.show_page(current)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        file_menu = bar.addMenu(_("&File"))
        import_roster = QAction(_("Import roster…"), self)
        import_roster.triggered.connect(self._import_roster)
        file_menu.addAction(import_roster)
        file_menu.addSeparator()
        quit_action = QAction(_("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        go_menu = bar.addMenu(_("&Go"))
        for i, (name, title, _factory) in enumerate(self._factories):
            act = QAction(_(title), self)
            if i < 9:
                act.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            act.triggered.connect(lambda _c=False, n=name: self.show_page(n))
            go_menu.addAction(act)
        help_menu = bar.addMenu(_("&Help"))
        about = QAction(_("About SafeDesk"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    # -- pages --------------------------------------------------------------------------
    def page(self, name: str) -> Page:
        """The page called `name`, built now if it has not been shown yet."""
        if name not in self.pages:
            index = [n for n, _t, _f in self._factories].index(name)
            page = self._factories[index][2]()
            placeholder = self._placeholders[name]
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.pages[name] = page
        return self.pages[name]

    def page_names(self) -> list[str]:
        return [n for n, _t, _f in self._factories]

    def show_page(self, name: str) -> Page:
        page = self.page(name)
        self.stack.setCurrentWidget(page)
        row = self.page_names().index(name)
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)
        return page

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self._factories):
            self.show_page(self._factories[row][0])

    def current_page_name(self) -> str:
        for name, page in self.pages.items():
            if self.stack.currentWidget() is page:
                return name
        return "home"

    def update_status(self) -> None:
        self.status.setText(_("Nothing is overdue"))

    # -- language ---------------------------------------------------------------------
    def change_language(self, language: str) -> None:
        set_language(language)
        install_qt_translator(QApplication.instance(), language)  # type: ignore[arg-type]
        current = self.current_page_name()
        old = self.centralWidget()
        self._build(current)
        if old is not None:
            old.deleteLater()

    # -- actions ------------------------------------------------------------------------
    def _import_roster(self) -> None:
        from safedesk.ui.dialogs.import_roster import ImportRosterDialog

        if ImportRosterDialog.run(self.db, self):
            for page in self.pages.values():
                page.refresh()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            _("About SafeDesk"),
            _(
                "SafeDesk {version}\nOccupational safety registers, forms and reports "
                "for enterprises in Kazakhstan."
            ).format(version=__version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        remember_geometry("MainWindow", bytes(self.saveGeometry().data()))
        super().closeEvent(event)
