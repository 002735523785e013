"""Screens after the second review at 1280×800: widths, default orders, wording, the milk form."""

from __future__ import annotations

import datetime as dt
import gettext
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import safedesk.i18n
from safedesk.db.engine import Database
from safedesk.demo import build_demo
from safedesk.i18n import _, set_language
from safedesk.ui.main_window import MainWindow

TODAY = dt.date(2026, 11, 28)


@pytest.fixture
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    set_language(request.param)
    yield request.param
    set_language("en")


@pytest.fixture
def demo_db(db: Database) -> Database:
    build_demo(db, employees=120, years=1, seed=1, today=TODAY)
    return db


def _column(page: object, msgid: str) -> int:
    titles = [c.title for c in page.model.columns]  # type: ignore[attr-defined]
    return titles.index(msgid)


def _window(db: Database, qtbot: QtBot) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window


# -- 1. what matters is not cut short and is in view at 1280×800 ---------------------------
@pytest.mark.parametrize("language", ["kk", "ru"], indirect=True)
@pytest.mark.parametrize(
    ("page_name", "msgids"),
    [
        ("safety_days", ["Kind"]),
        ("near_misses", ["Category", "Potential severity"]),
        ("knowledge_checks", ["Result", "Valid until"]),
    ],
)
def test_headings_and_values_fit_their_columns_at_1280x800(
    demo_db: Database, qtbot: QtBot, language: str, page_name: str, msgids: list[str]
) -> None:
    page = _window(demo_db, qtbot).show_page(page_name)
    table = page.table  # type: ignore[union-attr]
    header = table.horizontalHeader()
    assert page.model.rowCount() > 0  # type: ignore[union-attr]
    for msgid in msgids:
        i = _column(page, msgid)
        wanted = max(header.sectionSizeFromContents(i).width(), table.sizeHintForColumn(i))
        assert table.columnWidth(i) >= wanted, (msgid, table.columnWidth(i), wanted)


@pytest.mark.parametrize("language", ["kk", "ru"], indirect=True)
@pytest.mark.parametrize(
    ("page_name", "msgid"),
    [
        ("safety_days", "Kind"),
        ("near_misses", "Category"),
        ("near_misses", "Potential severity"),
        ("knowledge_checks", "Result"),
        ("knowledge_checks", "Valid until"),
    ],
)
def test_the_column_is_in_view_at_1280x800(
    demo_db: Database, qtbot: QtBot, language: str, page_name: str, msgid: str
) -> None:
    page = _window(demo_db, qtbot).show_page(page_name)
    table = page.table  # type: ignore[union-attr]
    i = _column(page, msgid)
    right = table.columnViewportPosition(i) + table.columnWidth(i)
    assert table.columnViewportPosition(i) >= 0 and right <= table.viewport().width(), (
        right,
        table.viewport().width(),
    )


# -- 2. every register of events opens on its latest record ----------------------------------
def _shown(page: object, column: int) -> list[str]:
    model = page.model  # type: ignore[attr-defined]
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def _day(text: str) -> tuple[int, ...]:
    """A shown date (dd.mm.yyyy) or month (mm.yyyy) as a comparable tuple, latest largest."""
    return tuple(int(p) for p in reversed(text.split(".")))


@pytest.mark.parametrize("page_name", ["slam", "five_s", "jsa", "milk", "ppe_stock"])
def test_registers_open_newest_first(demo_db: Database, qtbot: QtBot, page_name: str) -> None:
    page = _window(demo_db, qtbot).show_page(page_name)
    header = page.table.horizontalHeader()  # type: ignore[union-attr]
    assert page.model.sort_state() == (0, Qt.SortOrder.DescendingOrder)  # type: ignore[union-attr]
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        0,
        Qt.SortOrder.DescendingOrder,
    )
    dates = [_day(d) for d in _shown(page, 0)]
    assert len(dates) > 1 and dates == sorted(dates, reverse=True)


def test_slam_cards_of_a_day_are_latest_time_first(staffed_db: Database, qtbot: QtBot) -> None:
    from safedesk.db.models import Employee
    from safedesk.db.risk_slam import SlamFields, add_slam_card
    from safedesk.ui.pages.risk_cards import SlamPage

    with staffed_db.write() as s:
        worker = s.query(Employee).first()
        assert worker is not None
        day = dt.date(2026, 11, 27)
        for time in ("09:00", "11:15", "07:30"):
            add_slam_card(
                s, SlamFields(day, worker.id, "Task " + time, "Hazard", card_time=time), TODAY
            )
        add_slam_card(s, SlamFields(day - dt.timedelta(days=1), worker.id, "T", "H",
                                    card_time="18:00"), TODAY)  # fmt: skip
    page = SlamPage(staffed_db)
    qtbot.addWidget(page)
    assert _shown(page, 1) == ["11:15", "09:00", "07:30", "18:00"]


@pytest.mark.parametrize("language", ["kk", "ru", "en"], indirect=True)
def test_hazard_library_is_in_the_order_its_indicator_shows(
    demo_db: Database, qtbot: QtBot, language: str
) -> None:
    from safedesk.domain.collation import sort_key

    page = _window(demo_db, qtbot).show_page("hazards")
    header = page.table.horizontalHeader()  # type: ignore[union-attr]
    column = header.sortIndicatorSection()
    assert header.isSortIndicatorShown() and column == _column(page, "Category")
    for order in (header.sortIndicatorOrder(), Qt.SortOrder.DescendingOrder,
                  Qt.SortOrder.AscendingOrder):  # fmt: skip
        header.setSortIndicator(column, order)
        categories = [sort_key(c) for c in _shown(page, column)]
        assert len(set(categories)) > 3
        descending = order == Qt.SortOrder.DescendingOrder
        assert categories == sorted(categories, reverse=descending), order


# -- 3. wording: the names of things are «Атауы»/«Название», not a person's «Аты»/«Имя» ------
INCOMING = Path(__file__).resolve().parents[2] / "translations" / "incoming" / "screen_polish.json"


def _with_incoming(language: str) -> gettext.NullTranslations:
    """The catalog of `language` with this piece's incoming texts on top (before merging)."""
    texts = {k: v[language] for k, v in json.loads(INCOMING.read_text("utf-8")).items()}

    class WithIncoming(gettext.NullTranslations):
        def gettext(self, message: str) -> str:
            return texts.get(message) or super().gettext(message)

    catalog = WithIncoming()
    catalog.add_fallback(safedesk.i18n.translation_for(language))
    return catalog


@pytest.mark.parametrize(
    ("language", "title"), [("kk", "Атауы"), ("ru", "Название")], indirect=["language"]
)
@pytest.mark.parametrize("page_name", ["commissions", "contractors", "holidays", "risk_matrix"])
def test_names_of_things_are_titles_not_first_names(
    staffed_db: Database,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    title: str,
    page_name: str,
) -> None:
    monkeypatch.setattr(safedesk.i18n, "_translation", _with_incoming(language))
    page = _window(staffed_db, qtbot).show_page(page_name)
    model = page.model  # type: ignore[union-attr]
    headings = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert title in headings and not {"Аты", "Имя"} & set(headings), headings


@pytest.mark.parametrize("language", ["kk", "ru"], indirect=True)
@pytest.mark.parametrize("page_name", ["slam", "jsa"])
def test_no_english_register_name_in_headings(
    staffed_db: Database,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    page_name: str,
) -> None:
    monkeypatch.setattr(safedesk.i18n, "_translation", _with_incoming(language))
    page = _window(staffed_db, qtbot).show_page(page_name)
    model = page.model  # type: ignore[union-attr]
    headings = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    # the register's name as the catalogs have it: «Тәуекелді бағалау», «Оценка рисков»
    shown = {"kk": "Тәуекелді бағалау жолының №", "ru": "№ строки оценки рисков"}[language]
    assert _("Risk assessment") in {"Тәуекелді бағалау", "Оценка рисков"}
    assert shown in headings and not [h for h in headings if "WRAC" in h], headings


def test_new_msgids_are_not_taken_with_another_meaning() -> None:
    from babel.messages.pofile import read_po

    root = Path(__file__).resolve().parents[2] / "translations"
    incoming = json.loads(INCOMING.read_text("utf-8"))
    for language in ("kk", "ru"):
        with (root / language / "LC_MESSAGES" / "safedesk.po").open("rb") as f:
            catalog = read_po(f)
        for msgid, texts in incoming.items():
            existing = catalog.get(msgid)
            assert existing is None or existing.string in ("", texts[language]), msgid
