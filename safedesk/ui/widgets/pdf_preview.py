"""Print preview of a generated PDF: choose the language, look, then print or save (QtPdf)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPointF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from safedesk.i18n import _
from safedesk.ui.workers import run_modal

# Printed forms are bilingual by default: one sheet both the worker and the inspector read.
FORM_LANGUAGES = (("both", "Қазақша + Русский"), ("kk", "Қазақша"), ("ru", "Русский"))


class PdfPreviewDialog(QDialog):
    def __init__(
        self,
        render: Callable[[str], Path],
        suggested_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Print preview"))
        self._render = render
        self.suggested_name = suggested_name
        self.pdf: Path | None = None
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.language = QComboBox()
        self.language.setObjectName("form_language")
        for code, label in FORM_LANGUAGES:
            self.language.addItem(label, code)
        self.language.currentIndexChanged.connect(lambda _i: self.load())
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Language of the form")))
        top.addWidget(self.language)
        top.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(_("Print…"))
        self.save_button = QPushButton(_("Save as PDF…"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(860, 1000)
        self.load()

    def load(self) -> None:
        # A long journal takes seconds to lay out: off the GUI thread, with Cancel.
        lang = str(self.language.currentData())
        owner = self.parentWidget() or self
        self.pdf = run_modal(owner, _("Preparing the form…"), lambda _progress: self._render(lang))
        self.document.close()
        self.document.load(str(self.pdf))

    def page_count(self) -> int:
        return int(self.document.pageCount())

    def save_as(self) -> None:
        target, _filter = QFileDialog.getSaveFileName(
            self, _("Save as PDF"), self.suggested_name, "PDF (*.pdf)"
        )
        if target and self.pdf is not None:
            shutil.copyfile(self.pdf, target)

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        painter = QPainter(printer)
        try:
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                rect = painter.viewport()
                size = self.document.pagePointSize(page)
                scale = min(rect.width() / size.width(), rect.height() / size.height())
                image = self.document.render(
                    page, QSize(int(size.width() * scale), int(size.height() * scale))
                )
                painter.drawImage(QPointF(0, 0), image)
        finally:
            painter.end()
