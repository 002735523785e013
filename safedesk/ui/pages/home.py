"""Home: what is due across every register, the Concept's indicators, the registers."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

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

from safedesk.db.due import due_items
from safedesk.db.engine import Database
from safedesk.db.indicators import compute, targets
from safedesk.db.models import Organisation
from safedesk.db.organisation import get_organisation
from safedesk.db.stats import register_counts
from safedesk.domain.due import GROUPS, DueCounts, DueItem
from safedesk.domain.people import needs_ohs_service
from safedesk.i18n import N_, _, pick
from safedesk.ui.widgets.due_list import SHOWN_PER_GROUP, DueList
from safedesk.ui.widgets.errors import show_error
from safedesk.ui.widgets.indicators_table import IndicatorsTable
from safedesk.ui.widgets.page import Page
from safedesk.ui.workers import run_in_background

if TYPE_CHECKING:
    from safedesk.ui.pages.home_charts import ChartsPanel

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
    due_counted = Signal(object)  # a DueCounts, each time the due list has been counted

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
        self.due_list.more_requested.connect(self.show_more)
        # How many items each urgency group lists; "N more…" raises its group's.
        self.due_shown = [SHOWN_PER_GROUP for _g in GROUPS]
        self.exported: str | None = None  # the last file the export wrote
        self.counted: DueCounts | None = None  # what the due list's groups hold
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
        # The panel itself (Qt Charts) is made when the tab is first opened.
        self._charts: ChartsPanel | None = None
        self.charts_tab = QWidget()
        self.charts_tab.setObjectName("charts_tab")
        QVBoxLayout(self.charts_tab).setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("home_tabs")
        self.tabs.addTab(due_page, _("What is due"))
        self.tabs.addTab(self.charts_tab, _("Charts"))
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
        # The organisation and the indicators (a few aggregate queries) come at once;
        # the registers' sizes and what is due are counted in the background.
        with self.db.session() as s:
            org = get_organisation(s)
            values = compute(s, today)
            year_targets = targets(s, today.year)
        self._show_organisation(org)
        self._count_due(today)
        self._count_registers()
        self.indicators_box.setTitle(
            _("Indicators of the Safe Labour Concept, {year}").format(year=today.year)
        )
        self.indicators.show_values(values, year_targets)
        if self._charts is not None:
            self._charts.loaded = False
        self._refresh_charts()

    def _count_due(self, today: dt.date) -> None:
        """Count what is due and list the most urgent items, off the GUI thread.

        The database ranks each register's items and keeps the first of each group (a
        window function's ORDER BY and a rank limit), counting every group in the same
        query (the numbers `due_counts` gives): no register's rows are loaded.
        """
        self.due_ready = False
        if not self.due_list.items:
            self.due_list.show_counting()
        db = self.db
        shown = list(self.due_shown)
        # Only the latest count may fill the list: an older one can finish later.
        self._due_generation = generation = getattr(self, "_due_generation", 0) + 1

        def work() -> tuple[DueCounts, list[DueItem]]:
            counts = DueCounts()
            with db.session() as s:
                items = due_items(s, today, limit=max(shown), counts=counts)
            return counts, items

        def done(result: tuple[DueCounts, list[DueItem]]) -> None:
            if generation != self._due_generation:
                return
            counts, items = result
            self.counted = counts
            self.due_list.show_items(items, today, counts, shown)
            self.due_ready = True
            self.due_counted.emit(counts)

        run_in_background(work, done, lambda e: show_error(self, e), owner=self)

    def _count_registers(self) -> None:
        """The registers' sizes (a count per table: a scan of each on a big database)."""
        self.registers_ready = False
        db = self.db

        def work() -> dict[str, int]:
            with db.session() as s:
                return register_counts(s)

        def done(counts: dict[str, int]) -> None:
            self._show_counts(counts)
            # As wide as the names and numbers need: the scroll area would squeeze them.
            self.counts_scroll.setMinimumWidth(
                self.counts_box.sizeHint().width()
                + self.counts_scroll.verticalScrollBar().sizeHint().width()
            )
            self.registers_ready = True

        run_in_background(work, done, lambda e: show_error(self, e), owner=self)

    def show_more(self, group: int) -> None:
        """The next items of an urgency group ("N more…" activated)."""
        self.due_shown[group] += SHOWN_PER_GROUP
        self._count_due(self.today)

    def _load_all_due(self, then: Callable[[list[DueItem]], None]) -> None:
        """Every due item (for the export and the printout), read off the GUI thread."""
        db, today = self.db, self.today

        def work() -> list[DueItem]:
            with db.session() as s:
                return due_items(s, today)

        run_in_background(work, then, lambda e: show_error(self, e), owner=self)

    @property
    def charts(self) -> ChartsPanel:
        if self._charts is None:
            from safedesk.ui.pages.home_charts import ChartsPanel

            self._charts = ChartsPanel()
            layout = self.charts_tab.layout()
            assert layout is not None
            layout.addWidget(self._charts)
        return self._charts

    def show_charts(self) -> None:
        self.tabs.setCurrentWidget(self.charts_tab)

    def _refresh_charts(self) -> None:
        if self.tabs.currentWidget() is not self.charts_tab or self.charts.loaded:
            return
        from safedesk.db.charts import home_charts

        with self.db.session() as s:
            figures = home_charts(s, self.today)
        self.charts.show_charts(figures)

    def export_xlsx(self, path: str | None = None) -> None:
        """Save every due item as an Excel file (asks where unless `path` is given).

        The list is read and written in the background; `exported` names the file once
        it is written.
        """
        from safedesk.forms.due_list_xlsx import write_due_list_xlsx

        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self, _("Export to Excel"), "due-list.xlsx", "Excel (*.xlsx)"
            )
        if not path:
            return
        db, today, target = self.db, self.today, path
        self.exported = None

        def work() -> str:
            with db.session() as s:
                items = due_items(s, today)
            write_due_list_xlsx(items, REGISTER_TITLES, today, target)
            return target

        def done(written: str) -> None:
            self.exported = written

        run_in_background(work, done, lambda e: show_error(self, e), owner=self)

    def print_list(self) -> None:
        """Every due item as a PDF to print or save, for a meeting."""
        self._load_all_due(self._preview)

    def _preview(self, items: list[DueItem]) -> None:
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
        today = self.today

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
                head_position=pick(org.head_position_kk, org.head_position_ru),
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
