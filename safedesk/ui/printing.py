"""Printing from the window: render a form to a temporary PDF and open the preview."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtWidgets import QWidget

from safedesk.db.engine import Database
from safedesk.ui.widgets.pdf_preview import PdfPreviewDialog


def render_to_temp(db: Database, form: str, record_id: int, lang: str, folder: Path) -> Path:
    from safedesk.forms.pdf.registry import render_form

    with db.session() as s:
        return render_form(s, form, record_id, folder / f"{form}-{record_id}-{lang}.pdf", lang)


def preview_form(
    parent: QWidget, db: Database, form: str, record_id: int, exec_dialog: bool = True
) -> PdfPreviewDialog:
    """Show form `form` of record `record_id`; the user prints or saves it from there."""
    folder = Path(tempfile.mkdtemp(prefix="safedesk-print-"))
    dialog = PdfPreviewDialog(
        lambda lang: render_to_temp(db, form, record_id, lang, folder),
        f"{form}-{record_id}.pdf",
        parent,
    )
    if exec_dialog:
        dialog.exec()
    return dialog
