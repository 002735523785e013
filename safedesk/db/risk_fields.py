"""What an assessment is typed as, and every rule it must keep before anything is written.

Field names of problems follow the dialog: `unit_id`, `team_ids`, `rows.2.initial`,
`rows.2.controls.0.owner_id`; messages name the row (and control) counted from 1.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from safedesk.db.models import Employee, Hazard, Position, RiskAssessment, Unit
from safedesk.domain.people import Complaint
from safedesk.domain.risk import Matrix, rating_problem, residual_problem
from safedesk.domain.risk_controls import (
    ActionStatus,
    Hierarchy,
    control_problems,
)
from safedesk.errors import Problem
from safedesk.i18n import N_

MAX_REVIEW_MONTHS = 60


@dataclass
class ControlFields:
    description: str
    hierarchy: Hierarchy | str
    owner_id: int | None
    deadline: dt.date | None
    status: ActionStatus | str = ActionStatus.PLANNED
    done_on: dt.date | None = None
    id: int | None = None  # an existing control being edited


@dataclass
class RowFields:
    activity: str
    hazard: str
    likelihood: int | None
    consequence: int | None
    unwanted_event: str = ""
    exposed: str = ""
    existing_controls: str = ""
    residual_likelihood: int | None = None  # None: the same as the initial rating
    residual_consequence: int | None = None
    residual_reason: str = ""
    hazard_id: int | None = None
    controls: list[ControlFields] = field(default_factory=list)
    id: int | None = None  # an existing row being edited

    def residual(self) -> tuple[int | None, int | None]:
        if self.residual_likelihood is None and self.residual_consequence is None:
            return self.likelihood, self.consequence
        return self.residual_likelihood, self.residual_consequence


@dataclass
class AssessmentFields:
    unit_id: int | None
    area: str
    assessed_on: dt.date
    team_ids: list[int] = field(default_factory=list)
    position_ids: list[int] = field(default_factory=list)  # none: the whole unit
    review_months: int = 12
    next_review: dt.date | None = None  # None: assessed_on + review_months
    number: str = ""
    replaces_id: int | None = None
    note: str = ""
    rows: list[RowFields] = field(default_factory=list)


def _problem(c: Complaint) -> Problem:
    return Problem(c.field, c.msgid, dict(c.values))


def _active(session: Session, employee_id: int, on: dt.date) -> Employee | None:
    e = session.get(Employee, employee_id)
    if e is None or e.deleted_at is not None:
        return None
    return e if e.dismissal_date is None or e.dismissal_date >= on else None


def header_problems(
    session: Session, fields: AssessmentFields, assessment_id: int | None
) -> list[Problem]:
    found: list[Problem] = []
    unit = session.get(Unit, fields.unit_id) if fields.unit_id is not None else None
    if unit is None or unit.deleted_at is not None:
        found.append(Problem("unit_id", N_("Choose the unit assessed.")))
    if not fields.area.strip():
        found.append(Problem("area", N_("Name the area, process or task assessed.")))
    if not 1 <= fields.review_months <= MAX_REVIEW_MONTHS:
        found.append(
            Problem(
                "review_months",
                N_("The review period is from 1 to {max} months, not {value}."),
                {"max": MAX_REVIEW_MONTHS, "value": fields.review_months},
            )
        )
    if fields.next_review is not None and fields.next_review <= fields.assessed_on:
        found.append(
            Problem(
                "next_review",
                N_("The next review ({review}) must come after the assessment ({date})."),
                {"review": fields.next_review, "date": fields.assessed_on},
            )
        )
    if not fields.team_ids:
        found.append(Problem("team_ids", N_("Name at least one member of the assessment team.")))
    for employee_id in fields.team_ids:
        if _active(session, employee_id, fields.assessed_on) is None:
            found.append(
                Problem(
                    "team_ids",
                    N_("Team member No. {id} is not an employee on {date}."),
                    {"id": employee_id, "date": fields.assessed_on},
                )
            )
    for position_id in fields.position_ids:
        position = session.get(Position, position_id)
        if position is None or position.deleted_at is not None:
            found.append(
                Problem(
                    "position_ids", N_("Position No. {id} does not exist."), {"id": position_id}
                )
            )
    if fields.replaces_id is not None:
        old = session.get(RiskAssessment, fields.replaces_id)
        if old is None or old.deleted_at is not None or old.id == assessment_id:
            found.append(Problem("replaces_id", N_("The assessment it replaces does not exist.")))
    if not fields.rows:
        found.append(Problem("rows", N_("An assessment needs at least one row (a hazard).")))
    return found


def row_problems(
    session: Session, matrix: Matrix, index: int, row: RowFields, today: dt.date
) -> list[Problem]:
    """Every rule row `index` (from 0) and its controls break."""
    name = f"rows.{index}"
    number = index + 1
    found: list[Problem] = []
    if not row.activity.strip():
        found.append(
            Problem(
                f"{name}.activity", N_("Row {row}: name the activity or task."), {"row": number}
            )
        )
    if not row.hazard.strip():
        found.append(Problem(f"{name}.hazard", N_("Row {row}: name the hazard."), {"row": number}))
    if row.hazard_id is not None and session.get(Hazard, row.hazard_id) is None:
        found.append(
            Problem(
                f"{name}.hazard",
                N_("Row {row}: the hazard is not in the library."),
                {"row": number},
            )
        )
    initial = rating_problem(matrix, f"{name}.initial", number, row.likelihood, row.consequence)
    residual_l, residual_c = row.residual()
    residual = rating_problem(matrix, f"{name}.residual", number, residual_l, residual_c)
    found += [_problem(c) for c in (initial, residual) if c is not None]
    if initial is None and residual is None:
        assert row.likelihood is not None and row.consequence is not None
        assert residual_l is not None and residual_c is not None
        higher = residual_problem(
            matrix,
            f"{name}.residual_reason",
            number,
            (row.likelihood, row.consequence),
            (residual_l, residual_c),
            row.residual_reason,
        )
        if higher is not None:
            found.append(_problem(higher))
    for j, control in enumerate(row.controls):
        found += control_field_problems(
            session, f"{name}.controls.{j}", number, j + 1, control, today
        )
    return found


def control_field_problems(
    session: Session, name: str, row: int, number: int, control: ControlFields, today: dt.date
) -> list[Problem]:
    where: dict[str, object] = {"row": row, "control": number}
    found = [
        _problem(c)
        for c in control_problems(
            name,
            where,
            control.description,
            control.owner_id,
            control.deadline,
            today,
            is_new=control.id is None,
        )
    ]
    if control.hierarchy not in Hierarchy._value2member_map_:
        found.append(
            Problem(
                f"{name}.hierarchy",
                N_("Row {row}, control {control}: choose its level of the hierarchy."),
                where,
            )
        )
    if control.status not in ActionStatus._value2member_map_:
        found.append(
            Problem(f"{name}.status", N_("Row {row}, control {control}: choose its status."), where)
        )
    still_open = control.status in (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)
    if (
        still_open
        and control.owner_id is not None
        and _active(session, control.owner_id, today) is None
    ):
        found.append(
            Problem(
                f"{name}.owner_id",
                N_(
                    "Row {row}, control {control}: the owner is dismissed or not an employee; "
                    "choose someone who works here."
                ),
                where,
            )
        )
    return found
