"""Home: what is due across every register, the Concept's indicators, the registers."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from safedesk.db.charts import home_charts
from safedesk.db.due import due_items
from safedesk.db.engine import Database
from safedesk.db.indicators import compute, targets
from safedesk.db.models import Organisation
from safedesk.db.organisation import get_organisation
from safedesk.db.stats import register_counts
from safedesk.domain.due import DueItem
from safedesk.domain.people import needs_ohs_service
from safedesk.i18n import N_, _, pick
from safedesk.ui.pages.home_charts import ChartsPanel
from safedesk.ui.widgets.due_list import DueList
from safedesk.ui.widgets.errors import show_error
from safedesk.ui.widgets.indicators_table import IndicatorsTable
from safedesk.ui.widgets.page import Page
from safedesk.ui.workers import run_in_background

REGISTER_TITLES = {
    "employees": N_("Employees"),
    "units": N_("Units"),
    "positions": N_("Positions"),
    "responsible_persons": N_("Responsible persons"),
    "briefings": N_("Briefings"),  # issue 4
    "knowledge_checks": N_("Knowledge checks"),  # issue 4
    "permits": N_("Permits-to-work"),  # issue 5
    "certificates": N_("Certificates"),  # issue 4
    "contractors": N_("Contractors"),  # issue 4
    "contractor_workers": N_("Contractors' workers"),  # issue 4
    "safety_days": N_("OHS days"),  # issue 4
    "risk_assessments": N_("Risk assessments"),  # issue 6
    "risk_rows": N_("Risk assessment rows"),
    "risk_controls": N_("Risk control actions"),
    "slam_cards": N_("SLAM cards"),
    "five_s_audits": N_("5S audits"),
    "insurance_contracts": N_("Accident insurance"),
    "near_misses": N_("Near misses"),  # issue 8
    "observations": N_("Observation cards"),  # issue 8
    "accidents": N_("Accidents"),  # issue 8
    "ppe_issues": N_("PPE issued"),  # issue 7
    "ppe_items": N_("PPE catalogue items"),  # issue 7
    "milk_issues": N_("Milk issued"),  # issue 7
    "protective_equipment": N_("Protective equipment"),  # issue 7
}


class HomePage(Page):
    """What must I do this week: the due list, the indicators, the registers' sizes."""

    open_requested = Signal(str, int)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.heading.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.due_list = DueList(REGISTER_TITLES)
        self.due_list.open_requested.connect(self.open_requested)
        due_box = QGroupBox()  # its tab says "What is due"
        due_layout = QVBoxLayout(due_box)
        buttons = QHBoxLayout()
        self.export_button = QPushButton(_("Export to Excel…"))
        self.export_button.clicked.connect(self.export_xlsx)
        self.print_button = QPushButton(_("Print…"))
        self.print_button.clicked.connect(self.print_list)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.print_button)
        due_layout.addLayout(buttons)
        due_layout.addWidget(self.due_list)
        self.indicators = IndicatorsTable()
        self.indicators_box = QGroupBox()
        QVBoxLayout(self.indicators_box).addWidget(self.indicators)
        self.counts_box = QGroupBox(_("Registers"))
        self.counts = QGridLayout(self.counts_box)
        # Indicators across the top, where their long titles fit; below them the due
        # list, which is the page's work, beside the registers' sizes.
        self.indicators_box.setMaximumHeight(230)
        due_page = QWidget()
        body = QHBoxLayout(due_page)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(due_box, 3)
        # The registers' sizes scroll: their list grows with every register and must not
        # take the indicators' height.
        self.counts_scroll = QScrollArea()
        self.counts_scroll.setWidgetResizable(True)
        self.counts_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.counts_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.counts_scroll.setWidget(self.counts_box)
        body.addWidget(self.counts_scroll, 1)
        # The due list is the first tab, shown on start; the charts are read only when
        # their tab is opened, so they add nothing to the start-up time.
        self.charts = ChartsPanel()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("home_tabs")
        self.tabs.addTab(due_page, _("What is due"))
        self.tabs.addTab(self.charts, _("Charts"))
        self.tabs.currentChanged.connect(lambda _i: self._refresh_charts())
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.details)
        layout.addWidget(self.indicators_box)
        layout.addWidget(self.tabs, 1)
        self.refresh()

    def refresh(self, today: dt.date | None = None) -> None:
        today = today or dt.date.today()
        self.today = today
        with self.db.session() as s:
            org = get_organisation(s)
            counts = register_counts(s)
            values = compute(s, today)
            year_targets = targets(s, today.year)
        self._show_organisation(org)
        self._count_due(today)
        self.indicators_box.setTitle(
            _("Indicators of the Safe Labour Concept, {year}").format(year=today.year)
        )
        self.indicators.show_values(values, year_targets)
        self._show_counts(counts)
        # As wide as the names and numbers need: the scroll area would squeeze them.
        self.counts_scroll.setMinimumWidth(
            self.counts_box.sizeHint().width()
            + self.counts_scroll.verticalScrollBar().sizeHint().width()
        )
        self.charts.loaded = False
        self._refresh_charts()

    def _count_due(self, today: dt.date) -> None:
        """Fill the due list off the GUI thread: on a large enterprise it takes seconds."""
        self.due_ready = False
        self.due_list.show_counting()
        db = self.db
        # Only the latest count may fill the list: an older one can finish later.
        self._due_generation = generation = getattr(self, "_due_generation", 0) + 1

        def work() -> list[DueItem]:
            with db.session() as s:
                return due_items(s, today)

        def done(items: list[DueItem]) -> None:
            if generation != self._due_generation:
                return
            self.due_list.show_items(items, today)
            self.due_ready = True

        run_in_background(work, done, lambda e: show_error(self, e), owner=self)

    def show_charts(self) -> None:
        self.tabs.setCurrentWidget(self.charts)

    def _refresh_charts(self) -> None:
        if self.tabs.currentWidget() is not self.charts or self.charts.loaded:
            return
        with self.db.session() as s:
            figures = home_charts(s, self.today)
        self.charts.show_charts(figures)

    def export_xlsx(self, path: str | None = None) -> None:
        """Save the due list as an Excel file (asks where unless `path` is given)."""
        from safedesk.forms.due_list_xlsx import write_due_list_xlsx

        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self, _("Export to Excel"), "due-list.xlsx", "Excel (*.xlsx)"
            )
        if path:
            try:
                write_due_list_xlsx(self.due_list.items, REGISTER_TITLES, self.today, path)
            except Exception as e:
                show_error(self, e)

    def print_list(self) -> None:
        """The due list as a PDF to print or save, for a meeting."""
        from safedesk.forms.pdf.due_list import write_due_list_pdf
        from safedesk.forms.pdf.parts import Letterhead
        from safedesk.ui.widgets.pdf_preview import PdfPreviewDialog

        with self.db.session() as s:
            org = get_organisation(s)
        head = (
            Letterhead(org.name_kk, org.name_ru, org.bin, org.address)
            if org
            else Letterhead("", "", "")
        )
        folder = Path(tempfile.mkdtemp(prefix="safedesk-due-"))
        items, today = self.due_list.items, self.today

        def render(lang: str) -> Path:
            return write_due_list_pdf(
                items, head, REGISTER_TITLES, today, folder / f"due-{lang}.pdf", lang
            )

        try:
            PdfPreviewDialog(render, "due-list.pdf", self).exec()
        except Exception as e:
            show_error(self, e)

    def _show_organisation(self, org: Organisation | None) -> None:
        if org is None:
            self.heading.setText(_("No organisation yet"))
            self.details.setText(_("Enter the organisation in Settings."))
            return
        self.heading.setText(pick(org.name_kk, org.name_ru))
        service = (
            _("an OHS service is required (more than 50 workers, Labour Code art. 202)")
            if needs_ohs_service(org.headcount)
            else _("an OHS specialist or assigned duties suffice (up to 50 workers)")
        )
        self.details.setText(
            _("BIN {bin} · Head: {head_position} {head} · Headcount {n}: {service}").format(
                bin=org.bin,
                head=org.head_name or "—",
                head_position=org.head_position,
                n=org.headcount,
                service=service,
            )
        )

    def _show_counts(self, counts: dict[str, int]) -> None:
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
