"""The periods and marks of the training rules: reference data the user may edit."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.models import TrainingNorm
from safedesk.db.rows import check_version, get_row, refuse, update
from safedesk.errors import Problem, SafeDeskError
from safedesk.i18n import N_


class MissingNorm(SafeDeskError):
    msgid = N_("The reference value {code} is missing; restore it under Training norms.")


def norms(session: Session) -> dict[str, int]:
    """Every norm by its code."""
    return {n.code: n.value for n in session.scalars(select(TrainingNorm))}


def norm(session: Session, code: str) -> int:
    value = session.scalar(select(TrainingNorm.value).where(TrainingNorm.code == code))
    if value is None:
        raise MissingNorm(code=code)
    return int(value)


def list_norms(session: Session) -> list[TrainingNorm]:
    return list(session.scalars(select(TrainingNorm).order_by(TrainingNorm.code)))


def update_norm(
    session: Session,
    norm_id: int,
    version: int | None,
    *,
    value: int,
    legal_basis: str,
    edition: dt.date | None,
) -> TrainingNorm:
    """Change a period or mark; the new legal basis and its edition are kept beside it."""
    row = get_row(session, TrainingNorm, norm_id, N_("Training norm"))
    check_version(row, version)
    found: list[Problem] = []
    upper = 100 if row.code.endswith(".percent") else 120
    if not 1 <= value <= upper:
        found.append(Problem("value", N_("The value must be from 1 to {max}."), {"max": upper}))
    if not legal_basis.strip():
        found.append(Problem("legal_basis", N_("The legal basis is required.")))
    refuse(found)
    update(session, row, {"value": value, "legal_basis": legal_basis.strip(), "edition": edition})
    return row
