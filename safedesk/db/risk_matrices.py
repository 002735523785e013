"""The risk matrix as versioned reference data: read the current edition, add a new one."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.models import RiskMatrix
from safedesk.db.rows import get_row, insert, refuse, update
from safedesk.domain.risk import Matrix, matrix_from_json, matrix_problems
from safedesk.errors import SafeDeskError
from safedesk.i18n import N_


class NoRiskMatrix(SafeDeskError):
    msgid = N_("There is no risk matrix in the database; run `safedesk init` to add the default.")


def current_matrix_row(session: Session) -> RiskMatrix:
    row = session.scalars(
        select(RiskMatrix)
        .where(RiskMatrix.current.is_(True))
        .order_by(RiskMatrix.valid_from.desc(), RiskMatrix.edition.desc())
        .limit(1)
    ).first()
    if row is None:
        raise NoRiskMatrix()
    return row


def matrix_of(row: RiskMatrix) -> Matrix:
    return matrix_from_json(row.data)


def current_matrix(session: Session) -> tuple[int, Matrix]:
    """The id and the rules of the edition new ratings are made with."""
    row = current_matrix_row(session)
    return row.id, matrix_of(row)


def matrix_by_id(session: Session, matrix_id: int) -> Matrix:
    return matrix_of(get_row(session, RiskMatrix, matrix_id, N_("Risk matrix")))


def new_matrix_edition(
    session: Session,
    data: dict[str, Any],
    valid_from: dt.date,
    names: dict[str, str] | None = None,
    legal_basis: dict[str, str] | None = None,
) -> RiskMatrix:
    """A changed matrix is a new edition; ratings made earlier keep the edition they used."""
    refuse(matrix_problems(matrix_from_json(data)))
    old = current_matrix_row(session)
    names = names or {"kk": old.name_kk, "ru": old.name_ru, "en": old.name_en}
    basis = legal_basis or {
        "kk": old.legal_basis_kk,
        "ru": old.legal_basis_ru,
        "en": old.legal_basis_en,
    }
    last = session.scalar(
        select(RiskMatrix.edition)
        .where(RiskMatrix.code == old.code)
        .order_by(RiskMatrix.edition.desc())
        .limit(1)
    )
    update(session, old, {"current": False})
    row = RiskMatrix(
        code=old.code,
        edition=int(last or 0) + 1,
        name_kk=names.get("kk", ""),
        name_ru=names.get("ru", ""),
        name_en=names.get("en", ""),
        data={k: data[k] for k in ("likelihood", "consequence", "scores", "bands")},
        legal_basis_kk=basis.get("kk", ""),
        legal_basis_ru=basis.get("ru", ""),
        legal_basis_en=basis.get("en", ""),
        edition_date=valid_from,
        valid_from=valid_from,
        current=True,
        created_by=str(session.info.get("user", "")),
    )
    insert(session, row)
    return row
