"""Controls by the hierarchy, the life of an action, and when an assessment is due again."""

from __future__ import annotations

import calendar
import datetime as dt
from enum import StrEnum

from safedesk.domain.due import DUE_SOON_DAYS
from safedesk.domain.people import Complaint
from safedesk.i18n import N_

REVIEW_MONTHS = 12  # the default; the assessment dialog offers it, the user may change it


class Hierarchy(StrEnum):
    """The hierarchy of controls, most effective first."""

    ELIMINATION = "elimination"
    SUBSTITUTION = "substitution"
    ENGINEERING = "engineering"
    ADMINISTRATIVE = "administrative"
    PPE = "ppe"


HIERARCHY_LABELS = {
    Hierarchy.ELIMINATION: N_("Elimination"),
    Hierarchy.SUBSTITUTION: N_("Substitution"),
    Hierarchy.ENGINEERING: N_("Engineering controls"),
    Hierarchy.ADMINISTRATIVE: N_("Administrative controls"),
    Hierarchy.PPE: N_("PPE"),
}


def hierarchy_rank(level: Hierarchy) -> int:
    """1 for elimination … 5 for PPE: lower is stronger."""
    return list(Hierarchy).index(level) + 1


class ActionStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


STATUS_LABELS = {
    ActionStatus.PLANNED: N_("Planned"),
    ActionStatus.IN_PROGRESS: N_("In progress"),
    ActionStatus.DONE: N_("Done"),
    ActionStatus.CANCELLED: N_("Cancelled"),
}

OPEN_STATUSES = (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)


class ActionState(StrEnum):
    """How an action stands on a given day, for the action list filter."""

    OPEN = "open"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    CLOSED = "closed"


def action_state(status: ActionStatus, deadline: dt.date, today: dt.date) -> ActionState:
    if status not in OPEN_STATUSES:
        return ActionState.CLOSED
    if deadline < today:
        return ActionState.OVERDUE
    if deadline <= today + dt.timedelta(days=DUE_SOON_DAYS):
        return ActionState.DUE_SOON
    return ActionState.OPEN


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the 31st becomes the last day of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def next_review(assessed_on: dt.date, months: int = REVIEW_MONTHS) -> dt.date:
    return add_months(assessed_on, months)


def review_after_event(next_review_on: dt.date, event_day: dt.date) -> dt.date:
    """A near miss or accident on a row makes its assessment due on that day, never later."""
    return min(next_review_on, event_day)


def is_current(
    assessed_on: dt.date, next_review_on: dt.date, superseded: bool, today: dt.date
) -> bool:
    """An assessment counts for coverage from its date until its review date."""
    return not superseded and assessed_on <= today <= next_review_on


def control_problems(
    field: str,
    where: dict[str, object],
    description: str,
    owner_id: int | None,
    deadline: dt.date | None,
    today: dt.date,
    is_new: bool,
) -> list[Complaint]:
    """An action needs what, who and by when; a new one cannot be late already.

    `where` holds `row` and `control` (both from 1) for the messages.
    """
    found: list[Complaint] = []
    if not description.strip():
        found.append(
            Complaint(
                f"{field}.description", N_("Row {row}, control {control}: describe it."), where
            )
        )
    if owner_id is None:
        found.append(
            Complaint(
                f"{field}.owner_id",
                N_("Row {row}, control {control}: choose its owner (an employee)."),
                where,
            )
        )
    if deadline is None:
        found.append(
            Complaint(
                f"{field}.deadline", N_("Row {row}, control {control}: set its deadline."), where
            )
        )
    elif is_new and deadline < today:
        found.append(
            Complaint(
                f"{field}.deadline",
                N_(
                    "Row {row}, control {control}: the deadline {date} is already past; "
                    "a new control needs a date from today on."
                ),
                {**where, "date": deadline},
            )
        )
    return found
