"""What every service does with a row: find it, check its version, turn rules into errors."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from safedesk.db.audit import record, snapshot
from safedesk.domain.people import Complaint
from safedesk.errors import InvalidInput, NotFound, Problem, StaleRecord

Row = TypeVar("Row")


def get_row(session: Session, model: type[Row], row_id: int, what: str) -> Row:
    row = session.get(model, row_id)
    if row is None or getattr(row, "deleted_at", None) is not None:
        raise NotFound(what=what, id=row_id)
    return row


def check_version(row: Any, expected: int | None) -> None:
    """Refuse a save made from a copy someone else has changed since it was read."""
    if expected is not None and row.version != expected:
        raise StaleRecord()


def refuse(complaints: Iterable[Complaint | Problem]) -> None:
    problems = [Problem(c.field, c.msgid, dict(c.values)) for c in complaints]
    if problems:
        raise InvalidInput(problems)


def insert(session: Session, row: Any) -> None:
    session.add(row)
    session.flush()
    record(session, "insert", row, None)


def update(session: Session, row: Any, values: dict[str, Any]) -> None:
    """Apply `values`, audit the change; nothing is written when nothing changed."""
    before = snapshot(row)
    changed = {k: v for k, v in values.items() if before.get(k) != v}
    if not changed:
        return
    for key, value in changed.items():
        setattr(row, key, value)
    session.flush()
    record(session, "update", row, before)
