"""Where everything is: the pages in sections, and which page opens each register's records.

A page is (name, title, "module:Class"); its module is imported the first time it is shown.
The navigation list shows the sections as headers that cannot be selected.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from safedesk.i18n import N_, _

Page = tuple[str, str, str]

SECTIONS: tuple[tuple[str, tuple[Page, ...]], ...] = (
    ("", (("home", N_("Home"), "safedesk.ui.pages.home:HomePage"),)),
    (
        N_("People"),
        (
            ("employees", N_("Employees"), "safedesk.ui.pages.employees:EmployeesPage"),
            ("units", N_("Units"), "safedesk.ui.pages.units:UnitsPage"),
            ("positions", N_("Positions"), "safedesk.ui.pages.positions:PositionsPage"),
            (
                "responsible",
                N_("Responsible persons"),
                "safedesk.ui.pages.responsible:ResponsiblePage",
            ),
        ),
    ),
    (  # issue 5
        N_("Permits"),
        (("permits", N_("Permit-to-work log"), "safedesk.ui.pages.permits:PermitsPage"),),
    ),
    (
        N_("Training"),
        (
            ("briefings", N_("Briefings"), "safedesk.ui.pages.briefings:BriefingsPage"),
            (
                "knowledge_checks",
                N_("Knowledge checks"),
                "safedesk.ui.pages.knowledge_checks:KnowledgeChecksPage",
            ),
            (
                "commissions",
                N_("Examination commissions"),
                "safedesk.ui.pages.commissions:CommissionsPage",
            ),
            (
                "certificates",
                N_("Certificates"),
                "safedesk.ui.pages.certificates:CertificatesPage",
            ),  # issue 4
            ("contractors", N_("Contractors"), "safedesk.ui.pages.contractors:ContractorsPage"),
            (
                "contractor_workers",
                N_("Contractors' workers"),
                "safedesk.ui.pages.contractor_workers:ContractorWorkersPage",
            ),
            ("safety_days", N_("OHS days"), "safedesk.ui.pages.safety_days:SafetyDaysPage"),
        ),
    ),
    (
        N_("Risks"),
        (
            ("risk", N_("Risk assessment"), "safedesk.ui.pages.risk:RiskPage"),
            (
                "risk_actions",
                N_("Risk control actions"),
                "safedesk.ui.pages.risk_actions:ActionsPage",
            ),
            ("slam", N_("SLAM cards"), "safedesk.ui.pages.risk_cards:SlamPage"),
            ("five_s", N_("5S audits"), "safedesk.ui.pages.risk_cards:FiveSPage"),
            ("jsa", N_("Job safety analyses"), "safedesk.ui.pages.risk_jsa:JsaPage"),
        ),
    ),
    (
        N_("Incidents"),
        (
            ("near_misses", N_("Near misses"), "safedesk.ui.pages.near_misses:NearMissesPage"),
            (
                "observations",
                N_("Observation cards"),
                "safedesk.ui.pages.observations:ObservationsPage",
            ),
            ("accidents", N_("Accidents"), "safedesk.ui.pages.accidents:AccidentsPage"),
        ),
    ),
    (
        N_("PPE and provisions"),
        (
            ("ppe_due", N_("PPE due"), "safedesk.ui.pages.ppe_due:PpeDuePage"),
            ("ppe_issues", N_("PPE issued"), "safedesk.ui.pages.ppe_issues:PpeIssuesPage"),
            ("ppe_stock", N_("PPE stock"), "safedesk.ui.pages.ppe_reference:PpeStockPage"),
            ("ppe_norms", N_("PPE norms"), "safedesk.ui.pages.ppe_reference:PpeNormsPage"),
            ("ppe_items", N_("PPE catalogue"), "safedesk.ui.pages.ppe_reference:PpeItemsPage"),
            ("milk", N_("Milk and nutrition"), "safedesk.ui.pages.ppe_provisions:MilkPage"),
            (
                "protective_equipment",
                N_("Protective equipment"),
                "safedesk.ui.pages.ppe_provisions:ProtectiveEquipmentPage",
            ),
        ),
    ),
    (
        N_("Reference"),
        (
            ("insurance", N_("Accident insurance"), "safedesk.ui.pages.insurance:InsurancePage"),
            ("holidays", N_("Holiday calendar"), "safedesk.ui.pages.holidays:HolidaysPage"),
            ("risk_matrix", N_("Risk matrix"), "safedesk.ui.pages.risk_matrix:RiskMatrixPage"),
            ("hazards", N_("Hazard library"), "safedesk.ui.pages.risk_hazards:HazardsPage"),
            ("settings", N_("Settings"), "safedesk.ui.pages.settings:SettingsPage"),
        ),
    ),
)

PAGES: tuple[Page, ...] = tuple(page for _title, pages in SECTIONS for page in pages)

# The page that opens the records of each register of `safedesk stats` and due items.
REGISTER_PAGES: dict[str, str] = {
    "employees": "employees",
    "units": "units",
    "positions": "positions",
    "responsible_persons": "responsible",
    "permits": "permits",  # issue 5
    "briefings": "briefings",
    "knowledge_checks": "knowledge_checks",
    "certificates": "certificates",  # issue 4
    "contractors": "contractors",  # issue 4
    "contractor_workers": "contractor_workers",  # issue 4
    "safety_days": "safety_days",  # issue 4
    "risk_assessments": "risk",
    "risk_controls": "risk_actions",
    "slam_cards": "slam",
    "five_s_audits": "five_s",
    "insurance_contracts": "insurance",
    "near_misses": "near_misses",
    "observations": "observations",
    "accidents": "accidents",
    "ppe_issues": "ppe_due",  # a due item of PPE opens its line of the due list
    "ppe_items": "ppe_items",
    "milk_issues": "milk",
    "protective_equipment": "protective_equipment",
}


def page_names() -> list[str]:
    return [name for name, _title, _cls in PAGES]


_PAGE_ROLE = Qt.ItemDataRole.UserRole + 3


class Navigation(QListWidget):
    """The pages under their section headers; `page_chosen` names the page picked."""

    page_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setStyleSheet("QListWidget::item { padding: 4px 8px; }")
        self._rows: dict[str, int] = {}
        for section, pages in SECTIONS:
            if section:
                header = QListWidgetItem(_(section).upper())
                header.setFlags(Qt.ItemFlag.NoItemFlags)
                font = QFont(header.font())
                font.setBold(True)
                font.setPointSizeF(max(font.pointSizeF() * 0.85, 7))
                header.setFont(font)
                self.addItem(header)
            for name, title, _cls in pages:
                item = QListWidgetItem("  " + _(title))
                item.setData(_PAGE_ROLE, name)
                self._rows[name] = self.count()
                self.addItem(item)
        # Wide enough for the longest title in the current language, never cut.
        self.setMinimumWidth(self.sizeHintForColumn(0) + 28)
        self.currentRowChanged.connect(self._row_changed)

    def titles(self) -> list[str]:
        """The page titles as shown (without the section headers)."""
        return [self.item(row).text().strip() for row in sorted(self._rows.values())]

    def select(self, name: str) -> None:
        row = self._rows[name]
        if self.currentRow() != row:
            self.blockSignals(True)
            self.setCurrentRow(row)
            self.blockSignals(False)

    def _row_changed(self, row: int) -> None:
        item = self.item(row)
        name = item.data(_PAGE_ROLE) if item is not None else None
        if name:
            self.page_chosen.emit(str(name))
