"""Trends per unit: aggregate figures side by side, on the chart and in the workbook."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCharts import QBarCategoryAxis, QHorizontalBarSeries
from pytestqt.qtbot import QtBot

from safedesk.db.accidents import AccidentFields, VictimFields, register_accident
from safedesk.db.incident_stats import UnitFigures, unit_figures
from safedesk.db.near_misses import NearMissFields, report_near_miss
from safedesk.db.observations import ObservationFields, add_observation
from safedesk.domain.accidents import KAZAKHSTAN
from safedesk.ui.dialogs.incident_trends import TrendsDialog, write_trends_xlsx
from safedesk.ui.main_window import MainWindow

NOW = dt.datetime(2026, 6, 10, 9, 0, tzinfo=dt.UTC)
YEAR = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))


def _record(window: MainWindow) -> None:
    assert window.db is not None
    with window.db.write() as s:
        for unit_id, n in ((1, 1), (2, 3)):
            for i in range(n):
                when = NOW - dt.timedelta(days=i)
                report_near_miss(
                    s, NearMissFields(when, unit_id, "unsafe_act", "minor", "Без каски"), NOW
                )
        card = ObservationFields(dt.date(2026, 6, 9), 1, 1, 3, {"ppe": (3, 1)})
        add_observation(s, card, dt.date(2026, 6, 10))
        when = dt.datetime(2026, 5, 22, 18, 0, tzinfo=KAZAKHSTAN)
        victims = [VictimFields(employee_id=1), VictimFields(employee_id=3)]
        register_accident(s, AccidentFields(when, 1, "group", victims), now=NOW)
        # Last year's near miss does not count in 2026.
        last_year = dt.datetime(2025, 12, 31, 12, 0, tzinfo=dt.UTC)
        report_near_miss(s, NearMissFields(last_year, 1, "unsafe_act", "minor", "Старое"), NOW)


def test_units_side_by_side(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    _record(window)
    assert window.db is not None
    with window.db.session() as s:
        found = unit_figures(s, *YEAR)
    assert found == [UnitFigures(2, 3, 0, 0, 0), UnitFigures(1, 1, 3, 1, 2)]
    dialog = TrendsDialog(window.db, window)
    qtbot.addWidget(dialog)
    dialog.year.setValue(2026)
    chart = dialog.unit_view.chart()
    series = chart.series()[0]
    assert isinstance(series, QHorizontalBarSeries)
    near = series.barSets()[0]
    assert [near.at(i) for i in range(near.count())] == [1.0, 3.0]  # the busiest on top
    axis = next(a for a in chart.axes() if isinstance(a, QBarCategoryAxis))
    assert axis.categories() == ["Рудник [25 %]", "Ремонтный цех"]
    target = write_trends_xlsx(dialog.figures(), tmp_path / "t.xlsx", *dialog.units())
    months, units = load_workbook(target).worksheets
    assert months.cell(7, 1).value == dt.datetime(2026, 6, 1) and months.cell(7, 2).value == 4
    assert months.cell(7, 1).number_format == "mm.yyyy" and months.freeze_panes == "A2"
    assert [c.value for c in units[1]] == [
        "Unit",
        "Near misses",
        "Safe",
        "At risk",
        "At-risk share",
        "Injured",
    ]
    assert [c.value for c in units[3]][1:] == [1, 3, 1, 25, 2]
