"""The certificates page's "Latest of each kind" by the flag kept on the row (issue 12):
the same rows in the same order as numbering every certificate, for every sort."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import ColumnElement, true

from safedesk.db.certificates import (
    CertificateFields,
    add_certificate,
    delete_certificate,
    latest_certificates,
    update_certificate,
)
from safedesk.db.engine import Database
from safedesk.db.models import Certificate
from safedesk.ui.pages.certificates import CertificatesPage
from tests.db.test_certificate_latest import holders

TODAY = dt.date(2026, 11, 28)


def certificates(db: Database) -> None:
    """Renewals of employees and of contractors' workers, ties on every sorted column
    (the page breaks them by id), a deleted renewal, an edit that moves a latest."""
    people = holders(db, employees=3, workers=3)
    centres = ("УЦ «Білім»", "УЦ «Профи»")
    with db.write() as s:
        made = []
        for n, holder in enumerate(people):
            for kind in ("height", "electrical", "first_aid"):
                for year in (2023, 2024, 2025):
                    issued = dt.date(year, 1 + n % 3, 10)
                    fields = CertificateFields(
                        kind,
                        issued,
                        *holder,
                        number=f"{kind[:1].upper()}-{n % 2}",
                        issued_by=centres[(n + year) % 2],
                        # the same last day for many: the order of ties shows
                        valid_to=None if kind == "first_aid" else dt.date(year + 1, 1, 9),
                        electrical_group=3 + n % 2 if kind == "electrical" else None,
                    )
                    made.append(add_certificate(s, fields, TODAY))
        # A renewal typed on the day of the previous one: the later typed is the latest.
        tie = CertificateFields("height", dt.date(2025, 1, 10), *people[0])
        tie.valid_to = dt.date(2026, 12, 20)  # and due within 30 days
        add_certificate(s, tie, TODAY)
        moved = made[4]  # (electrical, 2024) issued earlier than thought
        fields = CertificateFields(moved.kind, dt.date(2022, 5, 1), *people[0], electrical_group=3)
        update_certificate(s, moved.id, None, fields, TODAY)
        delete_certificate(s, made[2].id, None)  # renewed by the tie anyway
        delete_certificate(s, made[5].id, None)  # the latest: the one of 2023 is back


def rows(page: CertificatesPage) -> list[tuple[Any, ...]]:
    with page.db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(page.model.page_query(0, 1000))]


def the_old_way(conditions: list[ColumnElement[bool]]) -> list[ColumnElement[bool]]:
    """The page's conditions with the flag replaced by the numbering it replaced."""
    flag = str(Certificate.latest == true())
    old = Certificate.id.in_(latest_certificates())  # type: ignore[arg-type]
    found = [old if str(c) == flag else c for c in conditions]
    assert found != conditions  # the page filtered by the flag
    return found


def test_latest_of_each_kind_shows_the_rows_numbering_shows_in_every_order(
    staffed_db: Database, qtbot: QtBot
) -> None:
    certificates(staffed_db)
    page = CertificatesPage(staffed_db)
    qtbot.addWidget(page)
    assert page.latest_only.isChecked()
    model = page.model
    for setting in ("latest only", "due only", "kind", "workers", "text"):
        if setting == "due only":
            page.due_only.setChecked(True)
        elif setting == "kind":
            page.due_only.setChecked(False)
            page.kind_filter.setCurrentIndex(page.kind_filter.findData("height"))
        elif setting == "workers":
            page.kind_filter.setCurrentIndex(0)
            page.holder_filter.setCurrentIndex(page.holder_filter.findData("contractor"))
        elif setting == "text":
            page.holder_filter.setCurrentIndex(0)
            page.search.setText("Монтажник1")
        page.apply_filters()
        conditions = page.conditions()
        for column in range(model.columnCount()):
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                model.set_sort(column, order)
                model.set_filters(conditions)
                now, total = rows(page), model.total()
                model.set_filters(the_old_way(conditions))
                assert rows(page) == now, (setting, column, order)
                assert model.total() == total
        assert now, setting
