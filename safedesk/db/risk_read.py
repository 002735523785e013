"""Reading assessments back as the dialog and the printed sheet need them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.models import RiskAssessment, RiskMatrix, RiskRow
from safedesk.db.risk_fields import AssessmentFields, ControlFields, RowFields
from safedesk.db.risk_matrices import current_matrix_row
from safedesk.db.rows import get_row
from safedesk.domain.risk_controls import ActionStatus, Hierarchy
from safedesk.i18n import N_


@dataclass(frozen=True)
class MatrixEdition:
    """Which matrix edition ratings were made with, and whether a newer one exists."""

    id: int
    edition: int
    valid_from: dt.date
    current_edition: int

    @property
    def outdated(self) -> bool:
        return self.edition != self.current_edition


def controls_of(row: RiskRow) -> list[ControlFields]:
    return [
        ControlFields(
            description=c.description,
            hierarchy=Hierarchy(c.hierarchy),
            owner_id=c.owner_id,
            deadline=c.deadline,
            status=ActionStatus(c.status),
            done_on=c.done_on,
            id=c.id,
        )
        for c in row.controls
        if c.deleted_at is None
    ]


def row_fields_of(row: RiskRow, with_ids: bool = True) -> RowFields:
    return RowFields(
        activity=row.activity,
        hazard=row.hazard,
        likelihood=row.likelihood,
        consequence=row.consequence,
        unwanted_event=row.unwanted_event,
        exposed=row.exposed,
        existing_controls=row.existing_controls,
        residual_likelihood=row.residual_likelihood,
        residual_consequence=row.residual_consequence,
        residual_reason=row.residual_reason,
        hazard_id=row.hazard_id,
        controls=controls_of(row) if with_ids else [],
        id=row.id if with_ids else None,
    )


def live_rows(assessment: RiskAssessment) -> list[RiskRow]:
    return [r for r in assessment.rows if r.deleted_at is None]


def fields_of(session: Session, assessment_id: int) -> tuple[AssessmentFields, int]:
    """The stored assessment as the dialog edits it, and its version."""
    a = get_row(session, RiskAssessment, assessment_id, N_("Risk assessment"))
    fields = AssessmentFields(
        unit_id=a.unit_id,
        area=a.area,
        assessed_on=a.assessed_on,
        team_ids=list(a.team_ids or []),
        position_ids=list(a.position_ids or []),
        review_months=a.review_months,
        next_review=a.next_review,
        number=a.number,
        replaces_id=a.replaces_id,
        note=a.note,
        rows=[row_fields_of(r) for r in live_rows(a)],
    )
    return fields, a.version


def edition_of(session: Session, matrix_id: int | None) -> MatrixEdition:
    current = current_matrix_row(session)
    row = session.get(RiskMatrix, matrix_id) if matrix_id is not None else None
    row = row or current
    return MatrixEdition(row.id, row.edition, row.valid_from, current.edition)


def assessments_of_unit(session: Session, unit_id: int | None) -> list[RiskAssessment]:
    """Assessments to copy rows from or to replace: the unit's first, newest first."""
    query = select(RiskAssessment).where(RiskAssessment.deleted_at.is_(None))
    if unit_id is not None:
        query = query.where(RiskAssessment.unit_id == unit_id)
    return list(session.scalars(query.order_by(RiskAssessment.assessed_on.desc()).limit(200)))
