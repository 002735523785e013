"""WRAC risk assessments: save one with its rows and controls, work its actions, review it.

`save_assessment` writes the header, every row and every control in the caller's
transaction after checking all of them: one broken rule anywhere and nothing is
written. Ratings are made with the matrix edition the assessment was started with.
Other registers call `mark_for_review` (a near miss or accident on a row) and
`due_items` (reviews and actions for the status bar and `safedesk stats`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from safedesk.db.due import Day, DueSource, SqlDue
from safedesk.db.models import Employee, RiskAssessment, RiskControl, RiskRow, Unit
from safedesk.db.risk_fields import (
    AssessmentFields,
    ControlFields,
    RowFields,
    control_field_problems,
    header_problems,
    row_problems,
)
from safedesk.db.risk_matrices import current_matrix, matrix_by_id
from safedesk.db.rows import check_version, get_row, insert, refuse, update
from safedesk.db.types import utcnow
from safedesk.domain.due import DueItem
from safedesk.domain.people import full_name
from safedesk.domain.risk import Matrix
from safedesk.domain.risk_controls import OPEN_STATUSES, ActionStatus, next_review
from safedesk.errors import Problem
from safedesk.i18n import N_, pick

__all__ = [
    "AssessmentFields",
    "ControlFields",
    "RowFields",
    "due_counts",
    "due_items",
    "mark_for_review",
    "save_assessment",
]

REVIEW_DUE = N_("Risk assessment review")
ACTION_DUE = N_("Risk control action")


def _user(session: Session) -> str:
    return str(session.info.get("user", ""))


def _number(session: Session, day: dt.date) -> str:
    """'2026-007': the year and the count of that year's assessments."""
    count = session.scalar(
        select(func.count())
        .select_from(RiskAssessment)
        .where(
            RiskAssessment.assessed_on.between(
                day.replace(month=1, day=1), day.replace(month=12, day=31)
            )
        )
    )
    return f"{day.year}-{int(count or 0) + 1:03d}"


def _row_values(matrix: Matrix, line_no: int, row: RowFields) -> dict[str, object]:
    assert row.likelihood is not None and row.consequence is not None
    residual_l, residual_c = row.residual()
    assert residual_l is not None and residual_c is not None
    return {
        "line_no": line_no,
        "activity": row.activity.strip(),
        "hazard_id": row.hazard_id,
        "hazard": row.hazard.strip(),
        "unwanted_event": row.unwanted_event.strip(),
        "exposed": row.exposed.strip(),
        "existing_controls": row.existing_controls.strip(),
        "likelihood": row.likelihood,
        "consequence": row.consequence,
        "initial_score": matrix.score(row.likelihood, row.consequence),
        "initial_band": matrix.band_of(row.likelihood, row.consequence).code,
        "residual_likelihood": residual_l,
        "residual_consequence": residual_c,
        "residual_score": matrix.score(residual_l, residual_c),
        "residual_band": matrix.band_of(residual_l, residual_c).code,
        "residual_reason": row.residual_reason.strip(),
    }


def _control_values(control: ControlFields, today: dt.date) -> dict[str, object]:
    status = ActionStatus(control.status)
    done_on = control.done_on
    if status is ActionStatus.DONE and done_on is None:
        done_on = today
    if status is not ActionStatus.DONE:
        done_on = None
    return {
        "description": control.description.strip(),
        "hierarchy": str(control.hierarchy),
        "owner_id": control.owner_id,
        "deadline": control.deadline,
        "status": status.value,
        "done_on": done_on,
    }


def _owned(rows: list[RiskRow], row_id: int | None) -> RiskRow | None:
    return next((r for r in rows if r.id == row_id), None)


def _save_controls(
    session: Session, row: RiskRow, controls: list[ControlFields], today: dt.date
) -> None:
    kept: set[int] = set()
    existing = {c.id: c for c in row.controls if c.deleted_at is None}
    for control in controls:
        values = _control_values(control, today)
        if control.id is not None and control.id in existing:
            update(session, existing[control.id], values)
            kept.add(control.id)
        else:
            insert(session, RiskControl(row=row, created_by=_user(session), **values))
    for control_id, old in existing.items():
        if control_id not in kept:
            update(session, old, {"deleted_at": utcnow()})


def save_assessment(
    session: Session,
    assessment_id: int | None,
    version: int | None,
    fields: AssessmentFields,
    today: dt.date,
) -> RiskAssessment:
    """Add (`assessment_id` None) or change an assessment with all its rows and controls."""
    existing: RiskAssessment | None = None
    if assessment_id is None:
        matrix_id, matrix = current_matrix(session)
    else:
        existing = get_row(session, RiskAssessment, assessment_id, N_("Risk assessment"))
        check_version(existing, version)
        matrix_id, matrix = existing.matrix_id, matrix_by_id(session, existing.matrix_id)
    problems = header_problems(session, fields, assessment_id)
    for i, row in enumerate(fields.rows):
        problems += row_problems(session, matrix, i, row, today)
    refuse(problems)

    header: dict[str, object] = {
        "unit_id": fields.unit_id,
        "area": fields.area.strip(),
        "position_ids": sorted(set(fields.position_ids)),
        "team_ids": list(dict.fromkeys(fields.team_ids)),
        "assessed_on": fields.assessed_on,
        "review_months": fields.review_months,
        "next_review": fields.next_review or next_review(fields.assessed_on, fields.review_months),
        "replaces_id": fields.replaces_id,
        "note": fields.note.strip(),
    }
    if existing is None:
        number = fields.number.strip() or _number(session, fields.assessed_on)
        existing = RiskAssessment(
            number=number, matrix_id=matrix_id, created_by=_user(session), **header
        )
        insert(session, existing)
    else:
        update(session, existing, {**header, "number": fields.number.strip() or existing.number})
    if fields.replaces_id is not None:
        old = session.get(RiskAssessment, fields.replaces_id)
        if old is not None and old.superseded_on is None:
            update(session, old, {"superseded_on": fields.assessed_on})

    current_rows = [r for r in existing.rows if r.deleted_at is None]
    kept: set[int] = set()
    for line_no, row in enumerate(fields.rows, start=1):
        values = _row_values(matrix, line_no, row)
        target = _owned(current_rows, row.id)
        if target is not None:
            update(session, target, values)
            kept.add(target.id)
        else:
            target = RiskRow(assessment=existing, created_by=_user(session), **values)
            insert(session, target)
        _save_controls(session, target, row.controls, today)
    for old_row in current_rows:
        if old_row.id not in kept:
            for control in old_row.controls:
                if control.deleted_at is None:
                    update(session, control, {"deleted_at": utcnow()})
            update(session, old_row, {"deleted_at": utcnow()})
    return existing


def delete_assessment(session: Session, assessment_id: int, version: int | None) -> None:
    row = get_row(session, RiskAssessment, assessment_id, N_("Risk assessment"))
    check_version(row, version)
    update(session, row, {"deleted_at": utcnow()})


def add_control(
    session: Session, row_id: int, control: ControlFields, today: dt.date
) -> RiskControl:
    """One more action on a row, from the action list."""
    row = get_row(session, RiskRow, row_id, N_("Risk assessment row"))
    number = len([c for c in row.controls if c.deleted_at is None]) + 1
    refuse(control_field_problems(session, "control", row.line_no, number, control, today))
    new = RiskControl(row=row, created_by=_user(session), **_control_values(control, today))
    insert(session, new)
    return new


def set_control_status(
    session: Session,
    control_id: int,
    version: int | None,
    status: ActionStatus,
    today: dt.date,
) -> RiskControl:
    """Move an action on: in progress, done (dated today), cancelled, or planned again."""
    control = get_row(session, RiskControl, control_id, N_("Risk control"))
    check_version(control, version)
    done_on = today if status is ActionStatus.DONE else None
    update(session, control, {"status": status.value, "done_on": done_on})
    return control


def _newest(session: Session, assessment: RiskAssessment) -> RiskAssessment:
    """The assessment in force that replaced `assessment`, following the chain."""
    seen = {assessment.id}
    while assessment.superseded_on is not None:
        newer = session.scalars(
            select(RiskAssessment)
            .where(RiskAssessment.replaces_id == assessment.id, RiskAssessment.deleted_at.is_(None))
            .order_by(RiskAssessment.id.desc())
            .limit(1)
        ).first()
        if newer is None or newer.id in seen:
            break
        seen.add(newer.id)
        assessment = newer
    return assessment


def mark_for_review(
    session: Session, risk_row_id: int, reason: str, today: dt.date | None = None
) -> None:
    """A near miss or accident on row `risk_row_id`: its assessment is due for review today.

    The review date only ever moves earlier; the reason is kept and the change audited.
    When the row's assessment was replaced, the one in force is marked instead.
    """
    today = today or dt.date.today()
    if not reason.strip():
        refuse([Problem("reason", N_("Say why the assessment must be reviewed."))])
    row = get_row(session, RiskRow, risk_row_id, N_("Risk assessment row"))
    assessment = _newest(session, row.assessment)
    reasons = [r for r in (assessment.review_reason, reason.strip()) if r]
    update(
        session,
        assessment,
        {
            "next_review": min(assessment.next_review, today),
            "review_requested_on": today,
            "review_reason": "; ".join(reasons)[:1000],
        },
    )


def due_sources(today: Day) -> list[DueSource]:
    """Reviews of assessments in force, and open actions of assessments not deleted."""
    reviews = (
        select(
            RiskAssessment.id.label("record_id"),
            RiskAssessment.next_review.label("due"),
            Unit.name_kk,
            Unit.name_ru,
        )
        .join(Unit, RiskAssessment.unit_id == Unit.id)
        .where(RiskAssessment.deleted_at.is_(None), RiskAssessment.superseded_on.is_(None))
    )
    actions = (
        select(
            RiskControl.id.label("record_id"),
            RiskControl.deadline.label("due"),
            Employee.surname,
            Employee.name,
            Employee.patronymic,
        )
        .join(RiskRow, RiskControl.row_id == RiskRow.id)
        .join(RiskAssessment, RiskRow.assessment_id == RiskAssessment.id)
        .join(Employee, RiskControl.owner_id == Employee.id)
        .where(
            RiskControl.deleted_at.is_(None),
            RiskRow.deleted_at.is_(None),
            RiskAssessment.deleted_at.is_(None),
            RiskControl.status.in_([s.value for s in OPEN_STATUSES]),
        )
    )
    return [
        DueSource("risk_assessments", reviews, _review_item),
        DueSource("risk_controls", actions, _action_item),
    ]


def _review_item(row: Any) -> DueItem:
    who = pick(row.name_kk, row.name_ru)
    return DueItem("risk_assessments", row.record_id, REVIEW_DUE, who, row.due)


def _action_item(row: Any) -> DueItem:
    who = full_name(row.surname, row.name, row.patronymic)
    return DueItem("risk_controls", row.record_id, ACTION_DUE, who, row.due)


# Reviews of assessments in force and open actions, overdue or due within 30 days.
_DUE = SqlDue(due_sources)
due_counts = _DUE.counts
due_items = _DUE.items
