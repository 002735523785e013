"""File → Export package…: period → checks → preview → save; and File → Verify a package….

The checks list what would make the package wrong or weak, each with a "fix" link that
shows the page where it is fixed. The package is built on the thread pool behind a
progress dialog with Cancel (`workers.run_job`); a cancelled build leaves no file.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from safedesk.db.package_checks import Finding, Severity, package_findings, year_finding
from safedesk.errors import SafeDeskError, render
from safedesk.forms.package.build import DOCUMENTS, build_package, preview_pdf
from safedesk.forms.package.context import Period
from safedesk.i18n import N_, _
from safedesk.ui.widgets.errors import show_error
from safedesk.ui.workers import Job, Progress, run_job

if TYPE_CHECKING:
    from safedesk.db.engine import Database
    from safedesk.ui.main_window import MainWindow

WHOLE_YEAR = N_("The whole year")
FIX = N_("fix")


class PeriodPage(QWizardPage):
    def __init__(self, today: dt.date) -> None:
        super().__init__()
        self.setTitle(_("Period of the package"))
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.quarter = QComboBox()
        self.quarter.setObjectName("quarter")
        self.quarter.addItem(_(WHOLE_YEAR), None)
        for q in range(1, 5):
            self.quarter.addItem(_("Quarter {quarter}").format(quarter=q), q)
        self.warning = QLabel()
        self.warning.setObjectName("year_warning")
        self.warning.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(_("Year"), self.year)
        form.addRow(_("Quarter"), self.quarter)
        form.addRow(self.warning)
        self.year.valueChanged.connect(self._warn)
        self._warn()

    def _warn(self) -> None:
        found = year_finding(self.year.value())
        self.warning.setText(render(found[0].msgid, found[0].values) if found else "")

    def period(self) -> Period:
        return Period(self.year.value(), self.quarter.currentData())


class ChecksPage(QWizardPage):
    fix_requested = Signal(object)  # the Finding whose link was clicked

    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(_("Before building"))
        self.setSubTitle(_("What would make the package wrong or weak."))
        self.findings: list[Finding] = []
        self.box = QVBoxLayout(self)

    def initializePage(self) -> None:
        while self.box.count():
            item = self.box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        period = self._wizard.period()
        with self._wizard.db.session() as s:
            self.findings = package_findings(
                s, period.year, period.start, period.last_day_counted(self._wizard.today)
            )
        if not self.findings:
            self.box.addWidget(QLabel(_("Nothing to fix: the package can be built.")))
        for finding in self.findings:
            self.box.addWidget(self._row(finding))
        self.box.addStretch(1)

    def _row(self, finding: Finding) -> QLabel:
        text = render(finding.msgid, finding.values)
        if finding.severity is Severity.ERROR:
            text = f"<b>{text}</b>"
        if finding.page or finding.register:
            text += f' <a href="fix">{_(FIX)}</a>'
        label = QLabel(text)
        label.setObjectName("finding")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.linkActivated.connect(lambda _link, f=finding: self.fix_requested.emit(f))
        return label


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(_("Preview of the documents"))
        layout = QVBoxLayout(self)
        self.buttons: dict[str, QPushButton] = {}
        for name, title in DOCUMENTS.items():
            button = QPushButton(f"{_(title)} ({name})")
            button.setObjectName(name)
            button.clicked.connect(lambda _c=False, n=name: self.preview(n))
            layout.addWidget(button)
            self.buttons[name] = button
        layout.addStretch(1)
        self.dialog: Any = None

    def renderer(self, name: str) -> Callable[[str], Path]:
        def make(lang: str) -> Path:
            period = self._wizard.period()
            with self._wizard.db.session() as s:
                data = preview_pdf(s, period, self._wizard.today, name, lang)
            path = Path(self._wizard.scratch.name) / f"{lang}-{name}"
            path.write_bytes(data)
            return path

        return make

    def preview(self, name: str) -> None:
        from safedesk.ui.widgets.pdf_preview import PdfPreviewDialog

        try:
            self.dialog = PdfPreviewDialog(self.renderer(name), name, self)
        except Exception as e:  # a problem in the data: said, and the wizard stays
            show_error(self, e)
            return
        self.dialog.open()


class SavePage(QWizardPage):
    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(_("Save the package"))
        self.path = QLineEdit()
        self.path.setObjectName("package_path")
        choose = QPushButton(_("Choose…"))
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("The package is written here:")))
        layout.addLayout(row)
        layout.addStretch(1)
        self.job: Job | None = None
        self.written: Path | None = None

    def initializePage(self) -> None:
        name = self._wizard.period().file_name(self._wizard.bin())
        documents = Path.home() / "Documents"
        current = Path(self.path.text()) if self.path.text() else documents
        folder = current.parent if current.suffix else current
        if not folder.is_dir():
            folder = Path.home()
        self.path.setText(str(folder / name))

    def _choose(self) -> None:
        target, _filter = QFileDialog.getSaveFileName(
            self, _("Save the package"), self.path.text(), "ZIP (*.zip)"
        )
        if target:
            self.path.setText(target)

    def validatePage(self) -> bool:
        """Finish builds the package; the wizard closes once it is written."""
        if self.written is not None:
            return True
        if self.job is None and self.path.text().strip():
            self._start(Path(self.path.text().strip()))
        return False

    def _start(self, out: Path) -> None:
        period, today, db = self._wizard.period(), self._wizard.today, self._wizard.db

        def work(progress: Progress) -> Path:
            with db.session() as s:
                path, _package = build_package(s, period, out, today, progress)
            return path

        def done(path: object) -> None:
            self.job = None
            self.written = path if isinstance(path, Path) else None
            self._wizard.accept()

        def failed(error: BaseException) -> None:
            self.job = None
            show_error(self, error)

        self.job = run_job(self, _("Building the package"), work, done, failed)


class ExportWizard(QWizard):
    def __init__(self, db: Database, parent: QWidget | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self.setObjectName("export_wizard")
        self.setWindowTitle(_("Export package"))
        self.db = db
        self.today = today or dt.date.today()
        self.scratch = tempfile.TemporaryDirectory(prefix="safedesk-preview-")
        self.period_page = PeriodPage(self.today)
        self.checks_page = ChecksPage(self)
        self.preview_page = PreviewPage(self)
        self.save_page = SavePage(self)
        for page in (self.period_page, self.checks_page, self.preview_page, self.save_page):
            self.addPage(page)
        self.resize(640, 480)
        self.finished.connect(lambda _r: self.scratch.cleanup())

    def period(self) -> Period:
        return self.period_page.period()

    def bin(self) -> str:
        from safedesk.db.organisation import get_organisation

        with self.db.session() as s:
            org = get_organisation(s)
            return org.bin if org is not None else "000000000000"


def open_export_wizard(window: MainWindow) -> ExportWizard | None:
    """The wizard over the main window; a "fix" link closes it and shows the page."""
    from safedesk.ui.navigation import REGISTER_PAGES, page_names

    if window.db is None:
        return None
    wizard = ExportWizard(window.db, window)

    def fix(finding: Finding) -> None:
        page = finding.page or REGISTER_PAGES.get(finding.register, "")
        wizard.reject()
        if page in page_names():
            window.show_page(page)

    wizard.checks_page.fix_requested.connect(fix)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.open()
    return wizard


def verify_package_dialog(window: QWidget, path: str | None = None) -> None:
    """Choose a package and say whether it matches its manifest, or which file does not."""
    from safedesk.forms.package.verify import verify_package

    if path is None:
        path, _filter = QFileDialog.getOpenFileName(
            window, _("Verify a package"), "", "ZIP (*.zip)"
        )
    if not path:
        return
    try:
        mismatch = verify_package(path)
    except SafeDeskError as e:
        show_error(window, e)
        return
    if mismatch is None:
        QMessageBox.information(
            window, _("Verify a package"), _("OK: the package matches its manifest.")
        )
        return
    QMessageBox.warning(
        window,
        _("Verify a package"),
        _("The package does not match its manifest: {path}: {reason}.").format(
            path=mismatch.path, reason=_(mismatch.reason)
        ),
    )
