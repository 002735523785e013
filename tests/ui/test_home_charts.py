"""The home page's charts: what they show, in which language, and their pictures."""

from __future__ import annotations

import datetime as dt
import gettext
import json
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot
from sqlalchemy import select

import safedesk.i18n
from safedesk.db.models import Briefing, Employee, NearMiss
from safedesk.domain.accidents import KAZAKHSTAN
from safedesk.ui.main_window import MainWindow
from safedesk.ui.pages.home import HomePage

TODAY = dt.date(2026, 3, 10)
CHARTS_JSON = Path(__file__).resolve().parents[2] / "translations" / "incoming" / "charts.json"


def fill(window: MainWindow) -> None:
    """Near misses in January and March, three repeated briefings: overdue, March, May."""
    assert window.db is not None
    with window.db.write() as s:
        people = list(s.scalars(select(Employee.id).order_by(Employee.id)))
        unit = s.get(Employee, people[0])
        assert unit is not None and unit.unit_id is not None
        for day in (dt.date(2026, 1, 5), dt.date(2026, 3, 2), dt.date(2026, 3, 3)):
            s.add(
                NearMiss(
                    occurred_at=dt.datetime.combine(day, dt.time(9), tzinfo=KAZAKHSTAN),
                    unit_id=unit.unit_id,
                    category="slip",
                    severity="low",
                    description="—",
                )
            )
        for person, due in zip(
            people, (dt.date(2026, 3, 1), dt.date(2026, 3, 25), dt.date(2026, 5, 4)), strict=True
        ):
            s.add(
                Briefing(
                    employee_id=person,
                    kind="repeated",
                    held_on=due - dt.timedelta(days=180),
                    instructor_id=person,
                    next_due=due,
                )
            )


def charts_page(window: MainWindow) -> HomePage:
    page = window.show_page("home")
    assert isinstance(page, HomePage)
    page.refresh(TODAY)
    page.show_charts()
    return page


def test_charts_are_read_only_when_their_tab_is_opened(window: MainWindow) -> None:
    page = window.show_page("home")
    assert isinstance(page, HomePage)
    page.refresh(TODAY)
    assert not page.charts.loaded
    page.show_charts()
    assert page.charts.loaded


def test_charts_show_the_known_counts(window: MainWindow) -> None:
    fill(window)
    page = charts_page(window)
    charts = page.charts
    near = charts.near_misses.values()["Near misses"]
    assert len(near) == 12 and near[-1] == 2 and near[-3] == 1 and sum(near) == 3
    assert charts.near_misses.categories()[-3:] == ["Jan", "Feb", "Mar"]
    assert charts.training.values() == {
        "Briefings": [1, 0, 1, 0, 0, 0],
        "Knowledge checks": [0, 0, 0, 0, 0, 0],
    }
    assert charts.training.categories()[:3] == ["Mar 2026", "Apr", "May"]
    assert charts.training.legend_labels() == ["Briefings", "Knowledge checks"]
    assert charts.training_card.note.text() == "Overdue now: Briefings 1"
    assert charts.ppe.values() == {"PPE replacements": [0] * 6}
    assert charts.ppe_card.note.isHidden()
    assert charts.heatmap is not None and charts.heatmap.counts == {}
    assert charts.near_miss_card.title.text() == "Near misses by month, Apr 2025 – Mar 2026"


def ru_catalog() -> gettext.NullTranslations:
    """The Russian catalog with this piece's incoming translations on top (before merging)."""
    incoming = {k: v["ru"] for k, v in json.loads(CHARTS_JSON.read_text("utf-8")).items()}

    class WithIncoming(gettext.NullTranslations):
        def gettext(self, message: str) -> str:
            return incoming.get(message) or super().gettext(message)

    catalog = WithIncoming()
    catalog.add_fallback(safedesk.i18n.translation_for("ru"))
    return catalog


def test_switching_the_language_relabels_the_charts(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(window)
    window.change_language("ru")
    monkeypatch.setattr(safedesk.i18n, "_translation", ru_catalog())
    page = charts_page(window)
    charts = page.charts
    assert charts.near_misses.categories()[-3:] == ["янв.", "февр.", "март"]
    assert charts.training.categories()[:2] == ["март 2026", "апр."]
    assert charts.training.legend_labels() == ["Инструктажи", "Проверки знаний"]
    assert charts.training.values()["Инструктажи"] == [1, 0, 1, 0, 0, 0]
    assert charts.near_miss_card.title.text() == (
        "Происшествия без последствий по месяцам, апр. 2025 – март 2026"
    )
    assert charts.training_card.note.text() == "Сейчас просрочено: Инструктажи 1"
    assert charts.ppe_card.save_action.text() == "Сохранить как PNG…"


def test_each_chart_saves_a_png_and_prints(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    fill(window)
    page = charts_page(window)
    qtbot.waitExposed(page.charts)
    for card in page.charts.cards():
        out = tmp_path / card.file_name
        assert card.save_png(str(out))
        image = QImage(str(out))
        assert not image.isNull() and image.width() > 100 and image.height() > 100
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "chart.pdf"))
    assert page.charts.near_miss_card.print_chart(printer)
    assert (tmp_path / "chart.pdf").read_bytes()[:4] == b"%PDF"
