"""Columns of a person's name sort in the Kazakh alphabetical order, not by code point
(by code point Ә, Қ, Ө… come after Я)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from safedesk.db.engine import Database
from safedesk.db.models import Employee, Unit
from safedesk.db.near_misses import NearMissFields, report_near_miss
from safedesk.domain.incidents import NearMissCategory, Severity
from safedesk.ui.pages.near_misses import NearMissesPage


def test_near_misses_sort_by_owner_and_reporter_alphabetically(
    staffed_db: Database, qtbot: QtBot
) -> None:
    with staffed_db.write() as s:
        people = {e.surname: e.id for e in s.scalars(select(Employee))}
        unit = s.scalars(select(Unit)).first()
        assert unit is not None
        for n, surname in enumerate(("Яковлева", "Әбілова", "Ахметов")):
            report_near_miss(
                s,
                NearMissFields(
                    occurred_at=dt.datetime(2026, 11, 20 + n, 9, 0, tzinfo=dt.UTC),
                    unit_id=unit.id,
                    category=NearMissCategory.UNSAFE_CONDITION.value,
                    severity=Severity.MINOR.value,
                    description=f"Сырғанақ еден {n}",
                    reporter_id=people[surname],
                    action="Тазалау",
                    action_owner_id=people[surname],
                    action_due=dt.date(2026, 12, 10),
                ),
            )
    page = NearMissesPage(staffed_db)
    qtbot.addWidget(page)
    titles = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(8)]
    for title in ("Action owner", "Reporter"):
        column = [c.title for c in page.model.columns].index(title)
        page.model.sort(column, Qt.SortOrder.AscendingOrder)
        shown = [page.model.data(page.model.index(r, column)) for r in range(3)]
        assert [name.split()[0] for name in shown] == ["Ахметов", "Әбілова", "Яковлева"], titles
