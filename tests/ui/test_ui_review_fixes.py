"""Screens after the review of 28.11.2026: labels, column widths, numbers, order, colours."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from safedesk.db.engine import Database
from safedesk.db.ppe_catalogue import ItemFields, add_item
from safedesk.db.ppe_milk import MilkFields, record_milk
from safedesk.domain.collation import sort_key
from safedesk.domain.indicators import IndicatorValue
from safedesk.i18n import set_language
from safedesk.ui.main_window import MainWindow
from safedesk.ui.pages.ppe_provisions import MilkPage
from safedesk.ui.pages.ppe_reference import PpeItemsPage
from safedesk.ui.pages.risk_actions import ActionsPage
from safedesk.ui.widgets.indicators_table import IndicatorsTable
from tests.db.ppe_fixtures import build_shop


@pytest.fixture
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    set_language(request.param)
    yield request.param
    set_language("en")


@pytest.mark.parametrize("language", ["kk", "ru", "en"], indirect=True)
def test_open_status_filter_is_not_the_open_button(
    db: Database, qtbot: QtBot, language: str
) -> None:
    page = ActionsPage(db)
    qtbot.addWidget(page)
    shown = page.state.itemText(page.state.findData("open"))
    assert shown != page.open_action.text()  # not "Ашу"/"Открыть", the verb
    if language == "en":
        assert shown == "Open (planned or in progress)"


def _column(page: object, msgid: str) -> int:
    titles = [c.title for c in page.model.columns]  # type: ignore[attr-defined]
    return titles.index(msgid)


@pytest.mark.parametrize("language", ["kk", "ru"], indirect=True)
@pytest.mark.parametrize(
    ("page_name", "msgids"),
    [
        ("positions", ["Harmful conditions", "Electrical group"]),
        ("contractors", ["Workers on the site", "Contract from", "Contract to"]),
        ("protective_equipment", ["Next test", "Last test", "Interval, months"]),
        ("risk_matrix", ["Valid from", "Current", "Edition"]),
    ],
)
def test_headings_fit_their_columns_at_1280x800(
    staffed_db: Database, qtbot: QtBot, language: str, page_name: str, msgids: list[str]
) -> None:
    window = MainWindow(staffed_db)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    page = window.show_page(page_name)
    table = page.table  # type: ignore[union-attr]
    header = table.horizontalHeader()
    for msgid in msgids:
        i = _column(page, msgid)
        # The heading with its sort arrow, and the values, within the column's first width.
        wanted = max(header.sectionSizeFromContents(i).width(), table.sizeHintForColumn(i))
        assert table.columnWidth(i) >= wanted, (msgid, table.columnWidth(i), wanted)


@pytest.mark.parametrize("language", ["kk", "ru"], indirect=True)
@pytest.mark.parametrize(
    ("page_name", "msgid"), [("risk_matrix", "Valid from"), ("contractors", "Workers on the site")]
)
def test_the_column_is_in_view_at_1280x800(
    staffed_db: Database, qtbot: QtBot, language: str, page_name: str, msgid: str
) -> None:
    from safedesk.db.contractors import ContractorFields, add_contractor

    with staffed_db.write() as s:  # a name as long as the demo's
        add_contractor(
            s,
            ContractorFields(
                "«Өскемен Жылу Сервис» ЖШС / ТОО «УК Тепло Сервис Усть-Каменогорск»",
                "940140000385",
                contract_no="185-ҚТ/2025",
                contract_from=dt.date(2025, 12, 9),
                contract_to=dt.date(2028, 12, 9),
            ),
        )
    window = MainWindow(staffed_db)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    page = window.show_page(page_name)
    table = page.table  # type: ignore[union-attr]
    i = _column(page, msgid)
    right = table.columnViewportPosition(i) + table.columnWidth(i)
    assert table.columnViewportPosition(i) >= 0 and right <= table.viewport().width()


@pytest.mark.parametrize(
    ("language", "value", "target"), [("kk", "83,5 %", "0,031"), ("ru", "83,5 %", "0,031"),
                                      ("en", "83.5 %", "0.031")],
    indirect=["language"],
)  # fmt: skip
def test_indicators_write_the_decimal_sign_of_the_language(
    qtbot: QtBot, language: str, value: str, target: str
) -> None:
    table = IndicatorsTable()
    qtbot.addWidget(table)
    table.show_values([IndicatorValue("40", 83.5, 167, 200, dt.date(2026, 11, 28))], {"40": 0.031})
    shown, aim = table.item(0, 1), table.item(0, 2)
    assert shown is not None and aim is not None
    assert shown.text() == value and aim.text() == target


@pytest.mark.parametrize(("language", "shown"), [("kk", "9,5"), ("ru", "9,5"), ("en", "9.5")],
                         indirect=["language"])  # fmt: skip
def test_milk_litres_write_the_decimal_sign_of_the_language(
    db: Database, qtbot: QtBot, language: str, shown: str
) -> None:
    shop = build_shop(db)
    with db.write() as s:
        record_milk(s, MilkFields(shop.miners[0], dt.date(2025, 10, 1), 19))  # 19 × 0.5 l
    page = MilkPage(db)
    qtbot.addWidget(page)
    page.refresh()
    column = _column(page, "Litres")
    assert page.model.data(page.model.index(0, column)) == shown


@pytest.mark.parametrize("language", ["kk", "ru"], indirect=True)
def test_ppe_catalogue_is_in_alphabetical_order(db: Database, qtbot: QtBot, language: str) -> None:
    names = [
        ("Іш киім", "Нательное бельё"),
        ("Қорғаныш көзілдірігі", "Очки защитные"),
        ("Аяқ киім", "Обувь"),
        ("Кеудеше", "Жилет"),
        ("Шалбар", "Брюки"),
        ("Ұлтарақ", "Ёмкость"),
        ("Бас киім", "Ящик"),
        ("әйнек", "Ель"),
    ]
    with db.write() as s:
        for kk, ru in names:
            add_item(s, ItemFields(kk, ru))
    page = PpeItemsPage(db)
    qtbot.addWidget(page)
    page.refresh()
    column = _column(page, "Item")
    shown = [page.model.data(page.model.index(r, column)) for r in range(page.model.rowCount())]
    mine = [kk if language == "kk" else ru for kk, ru in names]
    shown = [n for n in shown if n in mine]  # the catalogue may come with items already
    assert shown == sorted(mine, key=sort_key)
    if language == "kk":
        assert shown.index("Қорғаныш көзілдірігі") < shown.index("Шалбар") < shown.index("Іш киім")


def test_protective_equipment_overdue_red_due_soon_amber(db: Database, qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    from safedesk.db.ppe_equipment import EquipmentFields, add_equipment
    from safedesk.domain.ppe import add_months
    from safedesk.ui.pages.ppe_provisions import ProtectiveEquipmentPage

    today = dt.date.today()
    shop = build_shop(db)
    gloves = shop.items["gloves_dielectric"]
    last_tests = {
        "OVERDUE": add_months(today, -6) - dt.timedelta(days=3),
        "SOON": add_months(today, -6) + dt.timedelta(days=10),
        "LATER": add_months(today, -1),
    }
    with db.write() as s:
        for number, last in last_tests.items():
            add_equipment(s, EquipmentFields(gloves, number, 6, last), today)
    page = ProtectiveEquipmentPage(db)
    qtbot.addWidget(page)
    page.refresh()
    number_column = _column(page, "Inventory No.")
    colours = {}
    for row in range(page.model.rowCount()):
        number = page.model.data(page.model.index(row, number_column))
        colour = page.model.data(page.model.index(row, 2), Qt.ItemDataRole.ForegroundRole)
        colours[number] = colour.name() if colour is not None else None
    assert colours == {"OVERDUE": "#c0392b", "SOON": "#b9770e", "LATER": None}


def test_positions_show_the_electrical_group_in_roman_numerals(db: Database, qtbot: QtBot) -> None:
    from safedesk.db.positions import PositionFields, add_position
    from safedesk.ui.pages.positions import PositionsPage

    with db.write() as s:
        add_position(s, PositionFields("Электрик", "Электромонтёр", electrical_group_required=4))
        add_position(s, PositionFields("Есепші", "Бухгалтер"))
    page = PositionsPage(db)
    qtbot.addWidget(page)
    page.refresh()
    name, group = _column(page, "Position"), _column(page, "Electrical group")
    shown = {
        page.model.data(page.model.index(r, name)): page.model.data(page.model.index(r, group))
        for r in range(page.model.rowCount())
    }
    assert shown["Электромонтёр"] == "IV" and shown["Бухгалтер"] == ""
