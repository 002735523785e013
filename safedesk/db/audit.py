"""Appending to and walking the audit trail (DESIGN.md §3)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from safedesk.db.models import AuditEntry
from safedesk.db.types import utcnow
from safedesk.domain.audit_chain import GENESIS, ChainEntry, canonical, entry_hash


def snapshot(row: Any) -> dict[str, Any]:
    """A row's column values, as the audit trail records them."""
    mapper = inspect(row).mapper
    return {attr.key: getattr(row, attr.key) for attr in mapper.column_attrs}


_LAST_HASH = "audit_last_hash"


def last_hash(session: Session) -> str:
    """The hash the next entry links to.

    Read once per write transaction and then kept: the transaction holds the write
    lock, so no one else can append meanwhile, and a 10,000-row import saves 10,000
    queries. Everything that appends must go through `note_hash`.
    """
    cached = session.info.get(_LAST_HASH)
    if cached is None:
        cached = (
            session.scalars(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).first()
            or GENESIS
        )
        session.info[_LAST_HASH] = cached
    return str(cached)


def note_hash(session: Session, value: str) -> None:
    session.info[_LAST_HASH] = value


def _user(session: Session) -> str:
    return str(session.info.get("user", ""))


def record(
    session: Session,
    action: str,
    row: Any,
    before: dict[str, Any] | None,
) -> AuditEntry:
    """Append one entry for `row` (already flushed) after `action`: insert, update, delete."""
    session.flush()
    after = None if action == "delete" else canonical(snapshot(row))
    entry = AuditEntry(
        at=utcnow(),
        user=_user(session),
        table_name=row.__tablename__,
        row_id=row.id,
        action=action,
        before=canonical(before),
        after=after,
        prev_hash=last_hash(session),
    )
    entry.hash = entry_hash(
        entry.prev_hash,
        at=entry.at,
        user=entry.user,
        table_name=entry.table_name,
        row_id=entry.row_id,
        action=entry.action,
        before=entry.before,
        after=entry.after,
    )
    session.add(entry)
    note_hash(session, entry.hash)
    return entry


def chain(session: Session, batch: int = 5000) -> Iterator[ChainEntry]:
    """Every audit entry in order, streamed so a long trail does not fill memory."""
    last_id = 0
    while True:
        rows = session.scalars(
            select(AuditEntry).where(AuditEntry.id > last_id).order_by(AuditEntry.id).limit(batch)
        ).all()
        if not rows:
            return
        for r in rows:
            # Re-read `at` through the same type the hash was made from.
            yield ChainEntry(
                r.id,
                r.at,
                r.user,
                r.table_name,
                r.row_id,
                r.action,
                r.before,
                r.after,
                r.prev_hash,
                r.hash,
            )
        last_id = rows[-1].id
        session.expunge_all()
