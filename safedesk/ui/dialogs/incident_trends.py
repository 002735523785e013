"""Trends: near misses, at-risk behaviour and injuries per month; the safety pyramid."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from safedesk.db.engine import Database
from safedesk.db.incident_stats import MonthFigures, UnitFigures, monthly_figures, unit_figures
from safedesk.db.units import unit_paths
from safedesk.domain.incidents import at_risk_share, near_misses_per_injury
from safedesk.forms.xlsx_sheet import Sheet, write_book
from safedesk.i18n import _
from safedesk.ui.choices import fill_units
from safedesk.ui.dialogs.incident_unit_chart import unit_chart, unit_sheet
from safedesk.ui.widgets.errors import show_error


def write_trends_xlsx(
    figures: list[MonthFigures],
    path: Path,
    units: list[UnitFigures] | None = None,
    names: dict[int, str] | None = None,
) -> Path:
    """The monthly figures (and the units side by side) with real dates, frozen, filtered."""
    months = Sheet(
        _("Trends"),
        [_("Month"), _("Near misses"), _("Safe"), _("At risk"), _("Injured")],
        [[m.month, m.near_misses, m.safe, m.at_risk, m.injured] for m in figures],
        (10, 12, 10, 10, 10),
        formats={0: "mm.yyyy"},
    )
    sheets = [months] if units is None else [months, unit_sheet(units, names or {})]
    stamp = figures[-1].month if figures else dt.date.today()
    return write_book(sheets, path, stamp)


class TrendsDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(_("Near misses and at-risk behaviour: trends"))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.unit = QComboBox()
        fill_units(self.unit, db, _("All units"))
        export = QPushButton(_("Export to Excel…"))
        export.clicked.connect(self.export)
        bar = QHBoxLayout()
        for widget in (QLabel(_("Year")), self.year, QLabel(_("Unit")), self.unit):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(export)
        self.pyramid = QLabel()
        self.pyramid.setObjectName("pyramid")
        self.view = QChartView()
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.unit_view = QChartView()
        self.unit_view.setObjectName("per_unit")
        self.unit_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.view, _("Per month"))
        self.tabs.addTab(self.unit_view, _("Per unit (all units)"))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.pyramid)
        layout.addWidget(self.tabs, 1)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.unit.currentIndexChanged.connect(lambda _i: self.refresh())
        self.resize(900, 560)
        self.refresh()

    def figures(self) -> list[MonthFigures]:
        year = self.year.value()
        with self.db.session() as s:
            return monthly_figures(
                s, dt.date(year, 1, 1), dt.date(year, 12, 31), self.unit.currentData()
            )

    def units(self) -> tuple[list[UnitFigures], dict[int, str]]:
        """Every unit's figures of the year, side by side (the unit filter does not apply)."""
        year = self.year.value()
        with self.db.session() as s:
            found = unit_figures(s, dt.date(year, 1, 1), dt.date(year, 12, 31))
            return found, unit_paths(s)

    def refresh(self) -> None:
        self.unit_view.setChart(unit_chart(*self.units()))
        figures = self.figures()
        near = sum(m.near_misses for m in figures)
        injured = sum(m.injured for m in figures)
        ratio = near_misses_per_injury(near, injured)
        self.pyramid.setText(
            _("Near misses: {near} · injured: {injured} · near misses per injury: {ratio}").format(
                near=near, injured=injured, ratio=f"{ratio:.1f}" if ratio is not None else "—"
            )
        )
        chart = QChart()
        chart.setTitle(_("Per month"))
        bars = QBarSeries()
        near_set, injured_set = QBarSet(_("Near misses")), QBarSet(_("Injured"))
        share = QLineSeries()
        share.setName(_("At-risk behaviour, %"))
        for i, m in enumerate(figures):
            near_set.append(m.near_misses)
            injured_set.append(m.injured)
            share.append(i + 0.0, 100 * at_risk_share(m.safe, m.at_risk))
        injured_set.setColor(QColor("#e67e22"))
        share.setColor(QColor("#c0392b"))
        bars.append(near_set)
        bars.append(injured_set)
        chart.addSeries(bars)
        chart.addSeries(share)
        months = QBarCategoryAxis()
        months.append([m.month.strftime("%m.%y") for m in figures])
        counts, percent = QValueAxis(), QValueAxis()
        counts.setLabelFormat("%d")
        highest = max([1, *(max(m.near_misses, m.injured) for m in figures)])
        counts.setRange(0, highest)
        counts.applyNiceNumbers()
        percent.setRange(0, 100)
        percent.setLabelFormat("%d %%")
        chart.addAxis(months, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(percent, Qt.AlignmentFlag.AlignRight)
        bars.attachAxis(months)
        bars.attachAxis(counts)
        share.attachAxis(months)
        share.attachAxis(percent)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.view.setChart(chart)

    def export(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Export to Excel…"), f"trends-{self.year.value()}.xlsx", "Excel (*.xlsx)"
        )
        if name:
            try:
                write_trends_xlsx(self.figures(), Path(name), *self.units())
            except Exception as e:
                show_error(self, e)
