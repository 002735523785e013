"""The PPE due page reads its lines from SQL (issue 12): the same lines as `due_list`,
a window of people at a time by name, every line held in memory for other orders."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.employees import EmployeeFields, add_employee
from safedesk.db.engine import Database
from safedesk.db.models import Employee, PpeIssue, PpeNormLine, PpePersonalNorm, PpeReturn
from safedesk.db.ppe_catalogue import position_lines
from safedesk.db.ppe_due import DueLine, due_list, unit_and_descendants
from safedesk.db.ppe_due_held import DueFilter
from safedesk.db.ppe_due_page import (
    count_lines,
    every_line,
    lines_of,
    window,
)
from safedesk.db.types import utcnow
from safedesk.domain.collation import search_text
from safedesk.domain.ids import check_digit
from safedesk.domain.ppe import Wear
from safedesk.ui.dialogs.ppe_issue import IssueDialog
from safedesk.ui.pages.ppe_due import DueListModel, PpeDuePage
from tests.db.ppe_fixtures import HIRED, TODAY, Shop, build_shop

SURNAMES = ("Абаев", "Бекова", "Ёлкин", "Жанова", "Иманов", "Кимова", "Лапин", "Мусина")


def _issue(s: Session, who: int, item: int, qty: int, due: dt.date | None, **kw: object) -> int:
    row = PpeIssue(employee_id=who, item_id=item, quantity=qty, issue_date=HIRED,
                   wear="months", wear_months=12, due_date=due, **kw)  # fmt: skip
    s.add(row)
    s.flush()
    return int(row.id)


def rich_shop(db: Database) -> Shop:
    """The shop with every case of the due rules, and more people to page through."""
    shop = build_shop(db)
    day = TODAY
    with db.write() as s:
        miner = s.get(Employee, shop.miners[0])
        assert miner is not None and miner.position_id is not None
        lines = position_lines(s)[miner.position_id]
        by_months = [line.item_id for line in lines if line.wear is Wear.MONTHS]
        a, b = shop.miners
        _issue(s, a, by_months[0], 5, day - dt.timedelta(days=3))  # overdue
        _issue(s, a, by_months[0], 1, day - dt.timedelta(days=3))  # two falling that day
        _issue(s, a, by_months[1], 1, day)  # due today
        _issue(s, a, by_months[2], 1, day + dt.timedelta(days=30))  # at the boundary
        _issue(s, b, by_months[0], 1, day + dt.timedelta(days=31))  # not yet due
        _issue(s, b, by_months[1], 1, day + dt.timedelta(days=400), deleted_at=utcnow())
        _issue(s, b, by_months[2], 1, day + dt.timedelta(days=400), closed_on=day)
        back = _issue(s, b, by_months[3], 1, day + dt.timedelta(days=400))
        s.add(PpeReturn(issue_id=back, kind="return", return_date=day, quantity=1))
        part = _issue(s, a, by_months[3], 5, day + dt.timedelta(days=10))
        s.add(PpeReturn(issue_id=part, kind="return", return_date=day, quantity=2))
        s.add(PpePersonalNorm(employee_id=shop.clerk, item_id=by_months[0], quantity=1,
                              wear="months", wear_months=12))  # fmt: skip
        s.add(PpePersonalNorm(employee_id=b, item_id=by_months[0], quantity=3, wear="months",
                              wear_months=6))  # fmt: skip
        s.add(PpePersonalNorm(employee_id=shop.clerk, item_id=by_months[1], quantity=1,
                              wear="on_duty"))  # fmt: skip
        changed = s.scalars(select(PpeNormLine).where(PpeNormLine.item_id == by_months[4])).first()
        assert changed is not None
        changed.wear = "until_worn"
        _issue(s, a, by_months[4], 5, day - dt.timedelta(days=1))
        for n, surname in enumerate(SURNAMES * 3):
            e = add_employee(
                s,
                EmployeeFields(
                    iin=_iin(n),
                    surname=surname,
                    name="Тест",
                    personnel_no=f"1{n:03d}",
                    unit_id=shop.unit if n % 3 else shop.office,
                    position_id=miner.position_id,
                    hire_date=HIRED if n != 5 else day + dt.timedelta(days=1),  # not yet hired
                    dismissal_date=day if n == 6 else None,  # dismissed today
                    clothing_size="52-54" if n % 2 else "",
                    shoe_size="43",
                ),
                day,
            )
            if n % 4 == 0:
                _issue(s, e.id, by_months[n % 3], 1, day + dt.timedelta(days=n))
    return shop


def _iin(n: int) -> str:
    """A valid IIN of a man born on 1 January 1990 (the 12th digit checks the rest)."""
    for serial in range(n * 10, n * 10 + 10):
        first = f"9001013{serial:04d}"
        digit = check_digit(first)
        if digit is not None:
            return f"{first}{digit}"
    raise AssertionError(n)


@pytest.fixture
def shop(db: Database) -> Shop:
    return rich_shop(db)


def _by_key(lines: list[DueLine]) -> list[DueLine]:
    return sorted(lines, key=lambda x: x.key)


def _matches(x: DueLine, text: str) -> bool:
    return text in search_text(x.person, x.iin, x.personnel_no, x.item_kk, x.item_ru)


def test_every_line_is_the_due_list(db: Database, shop: Shop) -> None:
    with db.session() as s:
        want = due_list(s, TODAY)
        held = every_line(s, TODAY)
        assert len(want) > 40
        assert _by_key(held.lines) == _by_key(want)  # every field, the issue to open too
        assert count_lines(s, TODAY) == len(want)
        some = lines_of(s, TODAY, shop.miners)
        assert _by_key(some.lines) == _by_key([x for x in want if x.employee_id in shop.miners])
    statuses = {x.status.value for x in held.lines}
    assert statuses == {"overdue", "due_soon", "missing"}
    late = [
        x for x in held.lines if x.employee_id == shop.miners[0] and x.status.value == "overdue"
    ]
    assert late and all(x.issue_id and x.due for x in late)  # the first of two falling due


@pytest.mark.parametrize("size", [1, 2, 7, 100])
@pytest.mark.parametrize("descending", [False, True])
def test_windows_page_through_every_line_in_name_order(
    db: Database, shop: Shop, size: int, descending: bool
) -> None:
    with db.session() as s:
        want = due_list(s, TODAY)
        found: list[DueLine] = []
        after = None
        while True:
            got = window(s, TODAY, DueFilter(), after, size, descending)
            found.extend(got.lines)
            if got.people < size:
                break
            after = got.last
        order = {e: i for i, e in enumerate(s.scalars(
            select(Employee.id).order_by(Employee.sort_name, Employee.id)))}  # fmt: skip
    assert _by_key(found) == _by_key(want)
    people = [order[x.employee_id] for x in found]
    assert people == sorted(people, reverse=descending)


@pytest.mark.parametrize("text", ["", "а", "аба", "сапог", "СИЗ", "9001013", "нет такого", "1_0%"])
def test_filters_in_sql_and_in_memory_agree(db: Database, shop: Shop, text: str) -> None:
    with db.session() as s:
        units = frozenset(unit_and_descendants(s, shop.unit))
        want = due_list(s, TODAY)
        held = every_line(s, TODAY)
        for flt in (DueFilter(text), DueFilter(text, units)):
            expected = [
                x
                for x in want
                if (not flt.folded or _matches(x, flt.folded))
                and (flt.unit_ids is None or x.unit_id in flt.unit_ids)
            ]
            got = window(s, TODAY, flt, None, 1000)
            assert _by_key(got.lines) == _by_key(expected)
            assert _by_key(held.matches(flt)) == _by_key(expected)
            assert _by_key(every_line(s, TODAY, flt).lines) == _by_key(expected)
            assert count_lines(s, TODAY, flt) == len(expected)


@pytest.fixture
def page(
    db: Database, shop: Shop, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> Iterator[PpeDuePage]:
    monkeypatch.setattr(DueListModel, "WINDOW", 3)  # several windows on a small shop
    monkeypatch.setattr(DueListModel, "FIRST_LINES", 5)
    monkeypatch.setattr(DueListModel, "BATCH_LINES", 5)
    p = PpeDuePage(db)
    qtbot.addWidget(p)
    p.show()
    yield p


def _shown(page: PpeDuePage) -> list[DueLine]:
    m = page.model
    assert isinstance(m, DueListModel)
    return list(m._rows)


def test_page_by_name_reads_windows_and_shows_the_due_list(
    db: Database, page: PpeDuePage, qtbot: QtBot
) -> None:
    model = page.model
    assert isinstance(model, DueListModel) and model.windowed()
    assert model.canFetchMore()  # a window at a time
    with db.session() as s:
        want = due_list(s, dt.date.today())
    assert _by_key(model.lines()) == _by_key(want)
    qtbot.waitUntil(lambda: page.count_label.text() == f"{len(want)} records", timeout=5000)
    cells = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert cells[0] == model.lines()[0].person


def test_other_orders_wait_for_every_line_then_sort_in_memory(
    db: Database, page: PpeDuePage, qtbot: QtBot
) -> None:
    model = page.model
    assert isinstance(model, DueListModel)
    model.forget()
    header = page.table.horizontalHeader()
    header.setSortIndicator(7, Qt.SortOrder.AscendingOrder)  # due date
    assert model.loading and page.count_label.text() == "Loading the due list…"
    qtbot.waitUntil(lambda: not model.loading, timeout=5000)
    with db.session() as s:
        want = due_list(s, dt.date.today())
    rows = _shown(page)
    assert _by_key(rows) == _by_key(want)
    dues = [x.due or dt.date.min for x in rows]
    assert dues == sorted(dues)
    assert page.count_label.text() == f"{len(want)} records"
    page.search.setText("аба")
    page.apply_filters()
    assert _shown(page) and all(_matches(x, "аба") for x in _shown(page))
    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)  # back to windows by name
    assert model.windowed() and _by_key(model.lines()) == _by_key(
        [x for x in want if _matches(x, "аба")]
    )


def test_enter_opens_the_issue_of_the_line(db: Database, page: PpeDuePage, shop: Shop) -> None:
    model = page.model
    assert isinstance(model, DueListModel)
    line = next(x for x in model.lines() if x.employee_id == shop.miners[0] and x.issue_id)
    dialog = page.record_dialog(line.key)
    assert isinstance(dialog, IssueDialog)
    assert dialog.quantity.value() == line.quantity
    dialog.deleteLater()
