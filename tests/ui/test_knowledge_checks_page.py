"""The knowledge checks page at a million rows (issue 12): its rows and their order in
every sort and filter are those of the plain query it had before (results joined to
their protocol and person, sorted by the shown column itself), also after a protocol is
renumbered and signed from the window's services."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from safedesk.db.check_sessions import ResultFields, SessionFields, sign_session, update_session
from safedesk.db.engine import Database
from safedesk.db.knowledge_checks import latest_results
from safedesk.db.models import CheckResult, CheckSession, Employee, Position, Unit
from safedesk.demo import build_demo
from safedesk.domain.due import DUE_SOON_DAYS
from safedesk.domain.training import CheckKind, CheckOutcome
from safedesk.ui.pages.employees import localized_name
from safedesk.ui.pages.knowledge_checks import KnowledgeChecksPage

TODAY = dt.date(2026, 11, 28)

# The page's columns as they were sorted before the copies and the people walked first.
BEFORE: list[Any] = [
    CheckResult.checked_on,
    CheckSession.number,
    Employee.sort_name,
    CheckResult.outcome,
    CheckResult.valid_until,
    CheckResult.certificate_no,
    CheckSession.kind,
    localized_name(Position.name_kk, Position.name_ru),
    localized_name(Unit.name_kk, Unit.name_ru),
    CheckSession.signed_on,
]


@pytest.fixture
def demo_db(db: Database) -> Database:
    build_demo(db, employees=120, years=4, seed=5, today=TODAY)
    return db


def reference(db: Database, column: int, descending: bool, due_only: bool = False) -> list[int]:
    key = BEFORE[column]
    query = (
        select(CheckResult.id)
        .join(CheckSession, CheckResult.session_id == CheckSession.id)
        .join(Employee, CheckResult.employee_id == Employee.id)
        .outerjoin(Unit, Employee.unit_id == Unit.id)
        .outerjoin(Position, Employee.position_id == Position.id)
        .where(CheckSession.deleted_at.is_(None))
    )
    if due_only:
        horizon = dt.date.today() + dt.timedelta(days=DUE_SOON_DAYS)
        query = query.where(
            CheckResult.id.in_(latest_results()),  # type: ignore[arg-type]
            CheckResult.valid_until <= horizon,
            Employee.dismissal_date.is_(None),
        )
    if descending:
        query = query.order_by(key.desc(), CheckResult.id.desc())
    else:
        query = query.order_by(key.asc(), CheckResult.id.asc())
    with db.session() as s:
        return list(s.scalars(query))


def shown(page: KnowledgeChecksPage, column: int, descending: bool) -> list[int]:
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    page.table.horizontalHeader().setSortIndicator(column, order)
    model = page.model
    while model.canFetchMore():
        model.fetchMore()
    return [int(model.row_id(i) or 0) for i in range(model.rowCount())]


def renumber_and_sign_the_draft(db: Database) -> int:
    """The newest protocol (not signed yet) renumbered to sort first, made initial, signed."""
    with db.write() as s:
        draft = s.scalars(select(CheckSession).where(CheckSession.signed_on.is_(None))).first()
        assert draft is not None
        results = [
            ResultFields(r.employee_id, CheckOutcome(r.outcome), r.certificate_no, r.note)
            for r in s.scalars(select(CheckResult).where(CheckResult.session_id == draft.id))
        ]
        fields = SessionFields(
            "0-А",
            draft.held_on,
            CheckKind.INITIAL,
            commission_id=draft.commission_id,
            external_body=draft.external_body,
            programme=draft.programme,
            results=results,
        )
        update_session(s, draft.id, None, fields, TODAY)
        sign_session(s, draft.id, None, draft.held_on)
        return int(draft.id)


def test_every_order_is_the_order_of_the_shown_column(demo_db: Database, qtbot: QtBot) -> None:
    draft = renumber_and_sign_the_draft(demo_db)
    page = KnowledgeChecksPage(demo_db)
    qtbot.addWidget(page)
    for column in range(page.model.columnCount()):
        for descending in (False, True):
            expected = reference(demo_db, column, descending)
            assert len(expected) > 200  # more than a batch
            assert shown(page, column, descending) == expected, (column, descending)
    # The renumbered protocol's rows come first by number and among the signed of its day.
    first = shown(page, 1, False)
    with demo_db.session() as s:
        rows = set(s.scalars(select(CheckResult.id).where(CheckResult.session_id == draft)))
    assert rows and set(first[: len(rows)]) == rows


def test_due_only_in_every_order(demo_db: Database, qtbot: QtBot) -> None:
    page = KnowledgeChecksPage(demo_db)
    qtbot.addWidget(page)
    page.due_only.setChecked(True)
    for column in range(page.model.columnCount()):
        for descending in (False, True):
            expected = reference(demo_db, column, descending, due_only=True)
            assert expected
            assert shown(page, column, descending) == expected, (column, descending)
