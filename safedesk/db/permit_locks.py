"""Locks of lockout/tagout: one lock No. hangs on one point of one permit at a time.

A lock No. is held from the moment it is written on a point until that point is removed.
The database refuses a second holder too (a partial unique index); this check comes first,
so the officer is told which permit holds the lock.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from safedesk.db.models import Permit, PermitIsolation
from safedesk.errors import Problem
from safedesk.i18n import N_


def held_by(
    session: Session, lock_no: str, except_point_id: int | None, except_permit_id: int | None
) -> tuple[str, str] | None:
    """(permit number, point) of the point holding `lock_no` now, other than those excepted."""
    other = aliased(PermitIsolation)
    row = session.execute(
        select(Permit.number, other.point)
        .join(Permit, other.permit_id == Permit.id)
        .where(
            other.lock_no == lock_no.strip(),
            other.removed_at.is_(None),
            other.id != (except_point_id or 0),
            other.permit_id != (except_permit_id or 0),
        )
        .limit(1)
    ).first()
    return (str(row[0]), str(row[1])) if row is not None else None


def lock_problem(
    session: Session,
    lock_no: str,
    except_point_id: int | None = None,
    except_permit_id: int | None = None,
) -> Problem | None:
    """Why `lock_no` cannot be hung now, or None when it is free."""
    if not lock_no.strip():
        return None
    holder = held_by(session, lock_no, except_point_id, except_permit_id)
    if holder is None:
        return None
    return Problem(
        "isolations",
        N_("Lock No. {lock} is already on permit {number} ({point}) until it is removed there."),
        {"lock": lock_no.strip(), "number": holder[0], "point": holder[1]},
    )
