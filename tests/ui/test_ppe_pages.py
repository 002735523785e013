"""The PPE pages as a safety officer uses them: issue to a unit, see the due list change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from safedesk.db.engine import Database
from safedesk.db.ppe_catalogue import PersonalNormFields, add_personal_norm
from safedesk.db.ppe_issues import IssueFields, issue
from safedesk.domain.ppe import Wear
from safedesk.ui.dialogs.ppe_issue import IssueDialog
from safedesk.ui.dialogs.ppe_unit_issue import UnitIssueDialog
from safedesk.ui.main_window import MainWindow
from safedesk.ui.pages.ppe_due import PpeDuePage
from safedesk.ui.pages.ppe_issues import PpeIssuesPage
from tests.db.ppe_fixtures import Shop, build_shop
from tests.ui.plans import first_batch_plan

MY_PAGES = (
    "ppe_due",
    "ppe_issues",
    "ppe_stock",
    "ppe_norms",
    "ppe_items",
    "milk",
    "protective_equipment",
)


@pytest.fixture
def shop_window(db: Database, qtbot: QtBot) -> Iterator[tuple[MainWindow, Shop]]:
    shop = build_shop(db)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    yield window, shop


def _rows(page: PpeDuePage) -> list[list[str]]:
    m = page.model
    return [[m.data(m.index(r, c)) for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_every_ppe_page_opens(shop_window: tuple[MainWindow, Shop]) -> None:
    window, _shop = shop_window
    for name in MY_PAGES:
        page = window.show_page(name)
        assert page is not None and page.isVisible()


def test_issue_to_a_unit_from_the_page_empties_its_due_list(
    shop_window: tuple[MainWindow, Shop], qtbot: QtBot
) -> None:
    window, shop = shop_window
    page = window.show_page("ppe_due")
    assert isinstance(page, PpeDuePage)
    page.unit_filter.setCurrentIndex(page.unit_filter.findData(shop.unit))
    before = _rows(page)
    assert before and all(r[6] == "Not issued" for r in before)
    assert page.count_label.text() == f"{len(before)} records"

    dialog = UnitIssueDialog(window.db, shop.unit, page)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.confirm = lambda _parent, found: bool(found)
    assert dialog.table.rowCount() == len(before)
    dialog.table.item(0, 0).setCheckState(  # type: ignore[union-attr]
        dialog.table.item(0, 0).checkState().Unchecked  # type: ignore[union-attr]
    )
    dialog.confirm_checked()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.issued == len(before) - 1

    page.refresh()
    assert len(_rows(page)) == 1  # only the unticked line is still due
    issued = window.show_page("ppe_issues")
    assert isinstance(issued, PpeIssuesPage)
    issued.refresh()
    assert issued.model.total() == len(before) - 1


def test_wrong_line_keeps_the_unit_dialog_open(
    shop_window: tuple[MainWindow, Shop], qtbot: QtBot
) -> None:
    window, shop = shop_window
    dialog = UnitIssueDialog(window.db, shop.unit)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.confirm = lambda _parent, _found: True
    row = next(r for r, line in enumerate(dialog.lines) if line.sized and line.size)
    dialog.table.item(row, 3).setText("99")  # type: ignore[union-attr]
    dialog.confirm_checked()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "has no size «99»" in dialog.message.text()


def test_item_outside_the_norm_needs_a_reason(
    shop_window: tuple[MainWindow, Shop], qtbot: QtBot
) -> None:
    window, shop = shop_window
    dialog = IssueDialog(window.db, None, None, shop.clerk, shop.items["helmet"])  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.confirm = lambda _parent, _found: True
    dialog.accept()
    assert dialog.saved_id is None
    assert dialog.fields["reason"].property("invalid") is True
    dialog.reason.setText("Visit to the mine")
    dialog.accept()
    assert dialog.saved_id is not None


def test_due_list_exports_to_excel(shop_window: tuple[MainWindow, Shop], tmp_path: Path) -> None:
    window, shop = shop_window
    assert window.db is not None
    with window.db.write() as s:
        add_personal_norm(
            s,
            PersonalNormFields(shop.clerk, shop.items["robe"], 1, Wear.MONTHS, 12, "Archive work"),
        )
        boots = IssueFields(
            shop.miners[1], shop.items["boots_rubber"], 1, dt.date(2024, 5, 6), "45"
        )
        issue(s, boots, dt.date(2024, 5, 6))
    page = window.show_page("ppe_due")
    assert isinstance(page, PpeDuePage)
    page.refresh()
    target = tmp_path / "due.xlsx"
    page.export(str(target))
    sheet = load_workbook(target).active
    assert sheet is not None
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    head = [c.value for c in sheet[1]]
    assert head[:3] == ["Unit", "Full name", "IIN"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == page.model.total()
    clerk = next(r for r in rows if r[2] == "061211600012")  # the leading zero is kept
    assert clerk[5] == "Халат хлопчатобумажный" and clerk[11] == "Not issued"
    miner = next(r for r in rows if r[2] == "871008401427")
    assert miner[9] is None  # never issued: no date
    late = next(r for r in rows if r[5] == "Сапоги резиновые шахтёрские" and r[9] is not None)
    assert late[9] == dt.datetime(2024, 5, 6) and late[10] == dt.datetime(2025, 5, 6)
    assert late[11] == "Overdue"


def test_unit_filter_of_the_issues_picks_the_people_on_the_index(
    shop_window: tuple[MainWindow, Shop], db: Database, qtbot: QtBot
) -> None:
    """The issues of a unit's people, found while walking the (open, date, id, person)
    index newest first: no issuance of another unit has its row read, nothing sorted."""
    from sqlalchemy import select

    from safedesk.db.models import Employee, PpeIssue

    window, shop = shop_window
    dialog = UnitIssueDialog(db, shop.unit)
    qtbot.addWidget(dialog)
    dialog.confirm = lambda _parent, found: bool(found)
    dialog.confirm_checked()
    page = window.show_page("ppe_issues")
    assert isinstance(page, PpeIssuesPage)
    page.unit_filter.setCurrentIndex(page.unit_filter.findData(shop.unit))
    page.apply_filters()
    with db.session() as s:
        expected = s.scalars(
            select(PpeIssue.id)
            .join(Employee, PpeIssue.employee_id == Employee.id)
            .where(Employee.unit_id == shop.unit, PpeIssue.closed_on.is_(None))
            .order_by(PpeIssue.issue_date.desc(), PpeIssue.id.desc())
        ).all()
    assert expected and [page.model.row_id(r) for r in range(page.model.rowCount())] == expected
    plan = first_batch_plan(db, page.model)
    assert any("ix_ppe_issues_open_issued_person" in step for step in plan)
    assert not any("TEMP B-TREE" in step for step in plan)


@pytest.mark.parametrize(("column", "key"), [(1, "sort_name"), (2, "personnel_no")])
def test_issues_sorted_by_the_person_walk_the_people(
    shop_window: tuple[MainWindow, Shop], db: Database, qtbot: QtBot, column: int, key: str
) -> None:
    """Sorted by name or personnel No., the page walks the people's index and reads each
    one's issues (no sort of every issue): the same rows in the same order as before."""
    from PySide6.QtCore import Qt
    from sqlalchemy import select

    from safedesk.db.models import Employee, PpeIssue

    window, shop = shop_window
    dialog = UnitIssueDialog(db, shop.unit)
    qtbot.addWidget(dialog)
    dialog.confirm = lambda _parent, found: bool(found)
    dialog.confirm_checked()
    page = window.show_page("ppe_issues")
    assert isinstance(page, PpeIssuesPage)
    person = getattr(Employee, key)
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        page.model.sort(column, order)
        descending = order == Qt.SortOrder.DescendingOrder
        with db.session() as s:
            expected = s.scalars(
                select(PpeIssue.id)
                .join(Employee, PpeIssue.employee_id == Employee.id)
                .where(PpeIssue.closed_on.is_(None), PpeIssue.deleted_at.is_(None))
                .order_by(
                    person.desc() if descending else person.asc(),
                    PpeIssue.id.desc() if descending else PpeIssue.id.asc(),
                )
            ).all()
        assert len(expected) > 1
        assert [page.model.row_id(r) for r in range(page.model.rowCount())] == expected
    if db.is_sqlite:
        plan = first_batch_plan(db, page.model)
        assert plan[0].startswith("SCAN employees"), plan
        assert "USE TEMP B-TREE FOR ORDER BY" not in plan


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_issues_sorted_by_the_item_walk_the_items_alphabetically(
    shop_window: tuple[MainWindow, Shop], db: Database, qtbot: QtBot, language: str
) -> None:
    """Sorted by the item, the rows follow the item's name in the Kazakh alphabetical
    order of the screen's language (then the issuance), read item by item on indexes."""
    from PySide6.QtCore import Qt
    from sqlalchemy import select

    from safedesk.db.models import PpeIssue, PpeItem
    from safedesk.domain.collation import sort_key
    from safedesk.i18n import set_language

    _window, shop = shop_window
    dialog = UnitIssueDialog(db, shop.unit)
    qtbot.addWidget(dialog)
    dialog.confirm = lambda _parent, found: bool(found)
    dialog.confirm_checked()
    set_language(language)
    page = PpeIssuesPage(db)
    qtbot.addWidget(page)
    page.model.sort(3, Qt.SortOrder.AscendingOrder)
    with db.session() as s:
        found = s.execute(
            select(PpeIssue.id, PpeItem.name_kk, PpeItem.name_ru)
            .join(PpeItem, PpeIssue.item_id == PpeItem.id)
            .where(PpeIssue.closed_on.is_(None), PpeIssue.deleted_at.is_(None))
        ).all()

    def shown(kk: str, ru: str) -> str:
        return (kk or ru) if language == "kk" else (ru or kk)

    expected = [i for i, kk, ru in sorted(found, key=lambda r: (sort_key(shown(r[1], r[2])), r[0]))]
    assert len({shown(kk, ru) for _i, kk, ru in found}) > 1
    assert [page.model.row_id(r) for r in range(page.model.rowCount())] == expected
    if db.is_sqlite:
        plan = first_batch_plan(db, page.model)
        assert plan[0].startswith("SCAN ppe_items"), plan
        assert "USE TEMP B-TREE FOR ORDER BY" not in plan
