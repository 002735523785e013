"""Home: the organisation, what the registers hold, and what to do first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from safedesk.db.engine import Database
from safedesk.db.organisation import get_organisation
from safedesk.db.stats import register_counts
from safedesk.domain.people import needs_ohs_service
from safedesk.i18n import N_, _, pick
from safedesk.ui.widgets.page import Page

REGISTER_TITLES = {
    "employees": N_("Employees"),
    "units": N_("Units"),
    "positions": N_("Positions"),
    "responsible_persons": N_("Responsible persons"),
}


class HomePage(Page):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setStyleSheet("font-size: 18pt; font-weight: 600;")
        self.heading.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counts_box = QGroupBox(_("Registers"))
        self.counts = QGridLayout(self.counts_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.details)
        layout.addWidget(self.counts_box)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        with self.db.session() as s:
            org = get_organisation(s)
            counts = register_counts(s)
        if org is None:
            self.heading.setText(_("No organisation yet"))
            self.details.setText(_("Enter the organisation in Settings."))
        else:
            self.heading.setText(pick(org.name_kk, org.name_ru))
            service = (
                _("an OHS service is required (more than 50 workers, Labour Code art. 202)")
                if needs_ohs_service(org.headcount)
                else _("an OHS specialist or assigned duties suffice (up to 50 workers)")
            )
            self.details.setText(
                _(
                    "BIN {bin} · {address}\nHead: {head_position} {head}\nHeadcount {n}: {service}"
                ).format(
                    bin=org.bin,
                    address=org.address or "—",
                    head=org.head_name or "—",
                    head_position=org.head_position,
                    n=org.headcount,
                    service=service,
                )
            )
        while self.counts.count():
            item = self.counts.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for row, (key, n) in enumerate(counts.items()):
            self.counts.addWidget(QLabel(_(REGISTER_TITLES.get(key, key))), row, 0)
            number = QLabel(str(n))
            number.setObjectName(f"count_{key}")
            number.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.counts.addWidget(number, row, 1)
