"""About SafeDesk: versions, the licences of what it ships, and the editions of its norms.

A safety officer must be able to say which edition of an order a period or a norm came
from; the reference data SafeDesk was seeded with carries its legal basis and edition.
"""

from __future__ import annotations

import html
import json
import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from safedesk import __version__
from safedesk.i18n import _
from safedesk.paths import resource


def _reference_lines() -> list[str]:
    """'file: legal basis (edition)' for every seed file that names them."""
    lines = []
    for path in sorted(resource("reference").glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(data, dict):
            continue
        basis = data.get("legal_basis") or data.get("about") or ""
        if isinstance(basis, dict):
            basis = basis.get("ru") or basis.get("en") or next(iter(basis.values()), "")
        edition = data.get("edition") or data.get("edition_date") or ""
        text = str(basis)[:220]
        lines.append(
            f"<li><b>{html.escape(path.stem)}</b>: {html.escape(text)}"
            + (f" ({html.escape(str(edition))})" if edition else "")
            + "</li>"
        )
    return lines


def about_html() -> str:
    from safedesk.db.schema import HEAD

    licence = resource("fonts", "LICENSE-DejaVu.txt")
    parts = [
        f"<h2>SafeDesk {html.escape(__version__)}</h2>",
        "<p>"
        + html.escape(
            _("Occupational safety registers, forms and reports for enterprises in Kazakhstan.")
        )
        + "</p>",
        "<p>"
        + html.escape(
            _("Database schema {schema}; Qt {qt}, PySide6 {pyside}; Python {python}.").format(
                schema=HEAD,
                qt=qVersion(),
                pyside=pyside_version,
                python=platform.python_version(),
            )
        )
        + "</p>",
        f"<h3>{html.escape(_('Licences'))}</h3>",
        "<p>"
        + html.escape(
            _(
                "Printed forms use the DejaVu fonts (Bitstream Vera licence; DejaVu changes "
                "are in the public domain). Qt and PySide6 are used under the LGPL v3."
            )
        )
        + f' <a href="{licence.as_uri()}">LICENSE-DejaVu.txt</a></p>',
        f"<h3>{html.escape(_('Legal basis and editions of the reference data'))}</h3>",
        "<ul>",
        *_reference_lines(),
        "</ul>",
        "<p>"
        + html.escape(
            _(
                "Periods and norms are kept in the database and can be changed in the "
                "program when an order is amended."
            )
        )
        + "</p>",
    ]
    return "\n".join(parts)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("About SafeDesk"))
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)
        self.text.setHtml(about_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(720, 560)
