"""The main window: registers on the left, one page at a time, what is due in the status bar.

The window appears before the database is opened (`attach` comes after the first paint),
and each page is built the first time it is shown: start-up costs one page, not all.
Switching the language rebuilds the pages, so every label follows at once.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from safedesk import __version__
from safedesk.i18n import N_, _, set_language
from safedesk.settings import remember_geometry, remembered_geometry
from safedesk.ui.navigation import PAGES, REGISTER_PAGES, Navigation, page_names
from safedesk.ui.qt_i18n import install_qt_translator

if TYPE_CHECKING:
    from safedesk.db.engine import Database
    from safedesk.ui.widgets.page import Page


class MainWindow(QMainWindow):
    def __init__(self, db: Database | None = None) -> None:
        super().__init__()
        self.db: Database | None = None
        self.due_summary_wanted = False  # set at start-up: show what is overdue once counted
        self.setObjectName("main_window")
        self.resize(1200, 760)
        state = remembered_geometry("MainWindow")
        if state:
            self.restoreGeometry(QByteArray(state))
        self._build()
        if db is not None:
            self.attach(db)

    def attach(self, db: Database) -> None:
        """Start showing `db`: the window was already on screen while it was opened."""
        self.db = db
        self.setWindowTitle(f"SafeDesk {__version__} — {db.display_name}")
        page = self.show_page(self._wanted)
        if hasattr(page, "due_counted"):
            # The home page counts what is due in the background and tells the status
            # bar (and the start-up summary): one count, not two at start-up.
            self.due_counted = False
            self.status.setText(_("Counting what is due…"))
        else:
            self.update_status()

    # -- building ---------------------------------------------------------------------
    def _build(self, current: str = "home") -> None:
        self.setWindowTitle(f"SafeDesk {__version__}")
        self.pages: dict[str, Page] = {}
        self._wanted = current
        self.nav = Navigation()
        self.stack = QStackedWidget()
        self._placeholders: dict[str, QWidget] = {}
        for name, _title, _cls in PAGES:
            placeholder = QWidget()
            self._placeholders[name] = placeholder
            self.stack.addWidget(placeholder)
        self.nav.page_chosen.connect(self.show_page)
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)
        self.setCentralWidget(splitter)
        self._build_menus()
        self.status = QLabel(_("Opening the database…"))
        self.statusBar().addPermanentWidget(self.status)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        file_menu = bar.addMenu(_("&File"))
        import_roster = QAction(_("Import roster…"), self)
        import_roster.triggered.connect(self._import_roster)
        file_menu.addAction(import_roster)
        connect = QAction(_("Connect to server…"), self)  # issue 13: several users
        connect.setObjectName("connect_to_server")
        connect.triggered.connect(
            lambda: importlib.import_module("safedesk.ui.dialogs.connect_server").connect_to_server(
                self
            )
        )
        file_menu.addAction(connect)
        for title, tool in (  # issue 10: the submission package
            (N_("Export package…"), "open_export_wizard"),
            (N_("Verify a package…"), "verify_package_dialog"),
        ):
            act = QAction(_(title), self)
            act.setObjectName(tool)
            act.triggered.connect(
                lambda _c=False, t=tool: getattr(
                    importlib.import_module("safedesk.ui.dialogs.export_wizard"), t
                )(self)
            )
            file_menu.addAction(act)
        file_menu.addSeparator()
        quit_action = QAction(_("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        # Database: backups, restore and the check (safedesk/ui/dialogs/database_tools.py).
        db_menu = bar.addMenu(_("&Database"))
        for title, tool in (
            (N_("Back up now…"), "back_up_now"),
            (N_("Restore from a backup…"), "restore_from_file"),
            (N_("Check database…"), "check_now"),
        ):
            act = QAction(_(title), self)
            act.setObjectName(tool)
            act.triggered.connect(
                lambda _c=False, t=tool: getattr(
                    importlib.import_module("safedesk.ui.dialogs.database_tools"), t
                )(self)
            )
            db_menu.addAction(act)
        go_menu = bar.addMenu(_("&Go"))
        # Ctrl+1…9 work from the start (actions of the window); the menu's entries are
        # made the first time it opens: 34 actions are a good part of the first paint.
        for old in getattr(self, "_go_actions", []):  # a change of language builds again
            self.removeAction(old)
            old.deleteLater()
        self._go_actions = [self._go_action(i) for i in range(min(9, len(PAGES)))]
        self.addActions(self._go_actions)
        go_menu.aboutToShow.connect(lambda: self._fill_go_menu(go_menu))
        help_menu = bar.addMenu(_("&Help"))
        guide = QAction(_("User guide"), self)
        guide.setShortcut(QKeySequence.StandardKey.HelpContents)
        guide.triggered.connect(self._guide)
        help_menu.addAction(guide)
        about = QAction(_("About SafeDesk"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _go_action(self, index: int) -> QAction:
        name, title, _cls = PAGES[index]
        act = QAction(_(title), self)
        if index < 9:
            act.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
        act.triggered.connect(lambda _c=False, n=name: self.show_page(n))
        return act

    def _fill_go_menu(self, menu: QMenu) -> None:
        if menu.actions():
            return
        made = len(self._go_actions)
        menu.addActions(self._go_actions + [self._go_action(i) for i in range(made, len(PAGES))])

    # -- pages --------------------------------------------------------------------------
    def page(self, name: str) -> Page:
        """The page called `name`, built now if it has not been shown yet."""
        if self.db is None:
            raise RuntimeError("no database attached yet")
        if name not in self.pages:
            index = page_names().index(name)
            module, cls = PAGES[index][2].split(":")
            page: Page = getattr(importlib.import_module(module), cls)(self.db)
            if hasattr(page, "language_chosen"):
                page.language_chosen.connect(self.change_language)
            if hasattr(page, "open_requested"):
                page.open_requested.connect(self.open_record)
            if hasattr(page, "due_counted"):
                page.due_counted.connect(self._due_counts_arrived)
            placeholder = self._placeholders.pop(name)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.pages[name] = page
        return self.pages[name]

    def page_names(self) -> list[str]:
        return page_names()

    def show_page(self, name: str) -> Page | None:
        self._wanted = name
        self.nav.select(name)
        if self.db is None:
            return None  # shown once the database is attached
        page = self.page(name)
        self.stack.setCurrentWidget(page)
        return page

    def open_record(self, register: str, record_id: int) -> None:
        """Show the page of `register` and open record `record_id` in it."""
        name = REGISTER_PAGES.get(register)
        if name is None:
            return
        page = self.show_page(name)
        opener = getattr(page, "open_record", None)
        if opener is not None:
            opener(record_id)

    def current_page_name(self) -> str:
        return self._wanted

    def update_status(self) -> None:
        """What is overdue and due soon across every register, counted in the background."""
        if self.db is None:
            return
        import datetime as dt

        from safedesk.db.due import due_counts
        from safedesk.ui.workers import run_in_background

        db, today = self.db, dt.date.today()
        self.due_counted = False  # set once the count has arrived
        self.status.setText(_("Counting what is due…"))
        # Only the latest count may show: an older one can finish later.
        self._status_generation = generation = getattr(self, "_status_generation", 0) + 1

        def work() -> tuple[int, int]:
            with db.session() as s:
                counts = due_counts(s, today)  # aggregate queries: no rows are loaded
            return counts.overdue, counts.due_30_days

        def done(counts: tuple[int, int]) -> None:
            if generation != self._status_generation:
                return
            self._show_due(*counts)

        run_in_background(work, done, lambda _e: self.status.setText(""), owner=self.status)

    def _due_counts_arrived(self, counts: Any) -> None:
        """The home page's count (a DueCounts): the same numbers, shown here too."""
        # A count of the status bar's own still under way is older: it must not show.
        self._status_generation = getattr(self, "_status_generation", 0) + 1
        self._show_due(counts.overdue, counts.due_30_days)

    def _show_due(self, overdue: int, soon: int) -> None:
        self.due_counted = True
        if self.due_summary_wanted:
            self.due_summary_wanted = False
            from safedesk.app import show_due_summary

            show_due_summary(self, overdue, soon)
        self.status.setText(
            _("Overdue: {overdue} · due within 30 days: {soon}").format(overdue=overdue, soon=soon)
            if overdue or soon
            else _("Nothing is overdue")
        )

    # -- language ---------------------------------------------------------------------
    def change_language(self, language: str) -> None:
        set_language(language)
        app = QApplication.instance()
        if app is not None:
            install_qt_translator(app, language)
        old = self.centralWidget()
        self._build(self._wanted)
        if old is not None:
            old.deleteLater()
        if self.db is not None:
            self.attach(self.db)

    # -- actions ------------------------------------------------------------------------
    def _import_roster(self) -> None:
        if self.db is None:
            return
        from safedesk.ui.dialogs.import_roster import ImportRosterDialog

        if ImportRosterDialog.run(self.db, self):
            for page in self.pages.values():
                page.refresh()

    def _guide(self) -> None:
        from safedesk.ui.dialogs.guide import GuideDialog

        GuideDialog(self).exec()

    def _about(self) -> None:
        from safedesk.ui.dialogs.about import AboutDialog

        AboutDialog(self).exec()

    def closeEvent(self, event: QCloseEvent) -> None:
        remember_geometry("MainWindow", bytes(self.saveGeometry().data()))
        super().closeEvent(event)
