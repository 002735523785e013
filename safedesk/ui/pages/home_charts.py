"""The home page's charts: the risk heatmap, near misses, and what falls due month by month.

Two by two in a scrolling panel; each card saves its picture as PNG or prints it.
The numbers come ready from `safedesk.db.charts.home_charts` (aggregate queries);
this panel only labels them in the window's language.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from safedesk.db.charts import HomeCharts
from safedesk.domain.risk import Matrix
from safedesk.i18n import N_, _
from safedesk.ui.pages.risk_heatmap import RiskHeatmap, band_legend
from safedesk.ui.widgets.charts import Bars, ChartCard, MonthBars, month_label, month_labels

RISK_TITLE = N_("Risk heatmap: rows of the assessments in force, initial risk")
NEAR_MISS_TITLE = N_("Near misses by month, {first} – {last}")
TRAINING_TITLE = N_("Briefings and knowledge checks due by month, from today")
PPE_TITLE = N_("PPE replacements due by month, from today")
BRIEFINGS = N_("Briefings")
CHECKS = N_("Knowledge checks")
NEAR_MISSES = N_("Near misses")
PPE = N_("PPE replacements")
NO_MATRIX = N_("There is no risk matrix in the database.")

COLOURS = {
    NEAR_MISSES: "#d68910",
    BRIEFINGS: "#2e86c1",
    CHECKS: "#17a589",
    PPE: "#7d3c98",
}


def overdue_note(parts: list[tuple[str, int]]) -> str:
    """'Overdue now: Briefings 717, Knowledge checks 1139' — empty when nothing is overdue."""
    shown = [f"{_(label)} {n}" for label, n in parts if n]
    return _("Overdue now: {items}").format(items=", ".join(shown)) if shown else ""


class HeatmapBox(QWidget):
    """The risk page's heatmap as it is, with its legend of bands."""

    def __init__(self, matrix: Matrix | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix = matrix
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heatmap: RiskHeatmap | None = None
        if matrix is None:
            layout.addWidget(QLabel(_(NO_MATRIX)))
            return
        self.heatmap = RiskHeatmap(matrix)
        # Smaller than on the risk page: the home page shows four charts at once.
        self.heatmap.setMinimumSize(300, 160)
        layout.addWidget(self.heatmap, 1)
        legend = band_legend(matrix)
        legend.setWordWrap(False)  # one line: a wrapped label is given too little height
        layout.addWidget(legend)


class ChartsPanel(QScrollArea):
    """Four chart cards; `show_charts` fills and labels them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("charts")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.heatmap: RiskHeatmap | None = None  # once the matrix is read
        self.near_misses = MonthBars("near_misses_chart")
        self.training = MonthBars("training_chart")
        self.ppe = MonthBars("ppe_chart")
        self.risk_card = ChartCard("risk-heatmap", QWidget())
        self.near_miss_card = ChartCard("near-misses", self.near_misses)
        self.training_card = ChartCard("briefings-and-checks-due", self.training)
        self.ppe_card = ChartCard("ppe-due", self.ppe)
        inside = QWidget()
        grid = QGridLayout(inside)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        grid.addWidget(self.risk_card, 0, 0)
        grid.addWidget(self.near_miss_card, 0, 1)
        grid.addWidget(self.training_card, 1, 0)
        grid.addWidget(self.ppe_card, 1, 1)
        for i in (0, 1):
            grid.setRowStretch(i, 1)
            grid.setColumnStretch(i, 1)
        self.setWidget(inside)
        self.loaded = False

    def sizeHint(self) -> QSize:
        # Modest, so that the page's layout gives the indicators their room first.
        return QSize(600, 300)

    def cards(self) -> list[ChartCard]:
        return [self.risk_card, self.near_miss_card, self.training_card, self.ppe_card]

    def show_charts(self, data: HomeCharts) -> None:
        self.loaded = True
        # Built again each time: its axis names and legend follow the current language.
        box = HeatmapBox(data.matrix)
        self.risk_card.set_body(box)
        self.heatmap = box.heatmap
        if self.heatmap is not None:
            self.heatmap.set_counts(data.risk)
        self.risk_card.retranslate(_(RISK_TITLE))

        self.near_misses.show_bars(
            month_labels(data.near_miss_months, years=False),
            [Bars(_(NEAR_MISSES), COLOURS[NEAR_MISSES], data.near_misses)],
            stacked=False,
        )
        months = data.near_miss_months
        self.near_miss_card.retranslate(
            _(NEAR_MISS_TITLE).format(
                first=month_label(months[0], with_year=True) if months else "",
                last=month_label(months[-1], with_year=True) if months else "",
            )
        )

        briefings, checks, ppe = data.briefings, data.checks, data.ppe
        if briefings is not None and checks is not None:
            self.training.show_bars(
                month_labels(briefings.months),
                [
                    Bars(_(BRIEFINGS), COLOURS[BRIEFINGS], briefings.counts),
                    Bars(_(CHECKS), COLOURS[CHECKS], checks.counts),
                ],
                stacked=True,
            )
            self.training_card.retranslate(
                _(TRAINING_TITLE),
                overdue_note([(BRIEFINGS, briefings.overdue), (CHECKS, checks.overdue)]),
            )
        if ppe is not None:
            self.ppe.show_bars(
                month_labels(ppe.months),
                [Bars(_(PPE), COLOURS[PPE], ppe.counts)],
                stacked=False,
            )
            self.ppe_card.retranslate(_(PPE_TITLE), overdue_note([(PPE, ppe.overdue)]))
