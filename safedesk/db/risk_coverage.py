"""Indicator 40 and the heatmap: what the risk register says in numbers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from safedesk.db.models import Employee, RiskAssessment, RiskRow
from safedesk.domain.risk_coverage import Coverage, coverage

Cell = tuple[int, int]


def in_force(today: dt.date) -> list[ColumnElement[bool]]:
    """Conditions of an assessment that counts on `today`: not replaced, not past review."""
    return [
        RiskAssessment.deleted_at.is_(None),
        RiskAssessment.superseded_on.is_(None),
        RiskAssessment.assessed_on <= today,
        RiskAssessment.next_review >= today,
    ]


def workplaces(session: Session, today: dt.date) -> set[tuple[int, int | None]]:
    """(unit, position) pairs where someone is employed on `today`."""
    rows = session.execute(
        select(Employee.unit_id, Employee.position_id)
        .where(
            Employee.deleted_at.is_(None),
            Employee.unit_id.is_not(None),
            or_(Employee.hire_date.is_(None), Employee.hire_date <= today),
            or_(Employee.dismissal_date.is_(None), Employee.dismissal_date >= today),
        )
        .distinct()
    )
    return {(int(unit), position) for unit, position in rows if unit is not None}


def risk_coverage(session: Session, today: dt.date) -> Coverage:
    """Indicator 40 at the enterprise: share of workplaces under a current assessment."""
    current = session.execute(
        select(RiskAssessment.unit_id, RiskAssessment.position_ids).where(*in_force(today))
    )
    return coverage(workplaces(session, today), [(u, p or []) for u, p in current])


def cell_counts(
    session: Session, where: Sequence[ColumnElement[bool]], residual: bool
) -> dict[Cell, int]:
    """How many rows stand in each likelihood × consequence cell, initial or residual.

    `where` are the conditions of the register page (rows joined to their assessment),
    so the heatmap counts exactly what the table lists.
    """
    lik = RiskRow.residual_likelihood if residual else RiskRow.likelihood
    con = RiskRow.residual_consequence if residual else RiskRow.consequence
    query = (
        select(lik, con, func.count(RiskRow.id))
        .select_from(RiskRow)
        .join(RiskAssessment, RiskRow.assessment_id == RiskAssessment.id)
        .where(RiskRow.deleted_at.is_(None), *where)
        .group_by(lik, con)
    )
    return {(int(l_), int(c_)): int(n) for l_, c_, n in session.execute(query)}
