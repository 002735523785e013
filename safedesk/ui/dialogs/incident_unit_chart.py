"""Units side by side: near misses and injured as bars, at-risk behaviour in the label.

A horizontal bar chart reads well with long unit names ('Mine / Shaft 2 / Section 4');
the busiest units come first (top) and only the first MAX_UNITS are drawn. The at-risk
share is a percentage, not a count, so it is written beside the name, not drawn.
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from safedesk.db.incident_stats import UnitFigures
from safedesk.domain.incidents import at_risk_share
from safedesk.forms.xlsx_sheet import Sheet
from safedesk.i18n import N_, _

MAX_UNITS = 15
NAME_CHARS = 32  # the end of a unit's path: its own name, then its parents' as room allows
HEADERS = (
    N_("Unit"),
    N_("Near misses"),
    N_("Safe"),
    N_("At risk"),
    N_("At-risk share"),
    N_("Injured"),
)


def unit_label(u: UnitFigures, names: dict[int, str]) -> str:
    name = names.get(u.unit_id, str(u.unit_id))
    if len(name) > NAME_CHARS:
        name = "…" + name[-(NAME_CHARS - 1) :]
    if not u.safe + u.at_risk:
        return name
    share = round(100 * at_risk_share(u.safe, u.at_risk))
    return _("{unit} [{share} %]").format(unit=name, share=share)


def unit_chart(figures: list[UnitFigures], names: dict[int, str]) -> QChart:
    shown = list(reversed(figures[:MAX_UNITS]))  # the first category is drawn at the bottom
    chart = QChart()
    chart.setTitle(_("Per unit; [at-risk behaviour, % of observed]"))
    near_set, injured_set = QBarSet(_("Near misses")), QBarSet(_("Injured"))
    for u in shown:
        near_set.append(u.near_misses)
        injured_set.append(u.injured)
    injured_set.setColor(QColor("#e67e22"))
    counts = QHorizontalBarSeries()
    counts.append(near_set)
    counts.append(injured_set)
    chart.addSeries(counts)
    axis = QBarCategoryAxis()
    axis.append([unit_label(u, names) for u in shown])
    values = QValueAxis()
    values.setLabelFormat("%d")
    highest = max([1, *(max(u.near_misses, u.injured) for u in shown)])
    values.setRange(0, highest)
    values.applyNiceNumbers()
    chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    counts.attachAxis(axis)
    counts.attachAxis(values)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def unit_sheet(figures: list[UnitFigures], names: dict[int, str]) -> Sheet:
    rows = [
        [
            names.get(u.unit_id, str(u.unit_id)),
            u.near_misses,
            u.safe,
            u.at_risk,
            round(100 * at_risk_share(u.safe, u.at_risk), 1),
            u.injured,
        ]
        for u in figures
    ]
    return Sheet(_("Per unit"), [_(h) for h in HEADERS], rows, (40, 12, 10, 10, 14, 10))
