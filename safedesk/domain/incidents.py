"""Roadmap item 27: near misses and behavioural safety audits (observation cards).

Categories, severities and statuses as enums with their labels, and the rules a
near-miss report or an observation card breaks. No Qt, no SQL.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from safedesk.domain.people import Complaint
from safedesk.i18n import N_


class NearMissCategory(StrEnum):
    UNSAFE_ACT = "unsafe_act"
    UNSAFE_CONDITION = "unsafe_condition"
    NEAR_MISS_EVENT = "near_miss_event"


NEAR_MISS_CATEGORY_LABELS = {
    NearMissCategory.UNSAFE_ACT: N_("Unsafe act"),
    NearMissCategory.UNSAFE_CONDITION: N_("Unsafe condition"),
    NearMissCategory.NEAR_MISS_EVENT: N_("Near-miss event"),
}


class Severity(StrEnum):
    """What could have happened: the potential consequence, as on the risk matrix."""

    MINOR = "minor"
    MODERATE = "moderate"
    SERIOUS = "serious"
    CRITICAL = "critical"


SEVERITY_LABELS = {
    Severity.MINOR: N_("Minor (first aid)"),
    Severity.MODERATE: N_("Moderate (lost time)"),
    Severity.SERIOUS: N_("Serious (severe injury)"),
    Severity.CRITICAL: N_("Critical (fatality possible)"),
}


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    CLOSED = "closed"


ACTION_STATUS_LABELS = {
    ActionStatus.OPEN: N_("Not started"),  # not "Open": that is the button's verb in kk/ru
    ActionStatus.IN_PROGRESS: N_("In progress"),
    ActionStatus.CLOSED: N_("Closed"),
}


class BehaviourCategory(StrEnum):
    """The categories an observation card counts safe and at-risk behaviour in."""

    PPE = "ppe"
    BODY_POSITION = "body_position"
    TOOLS = "tools"
    PROCEDURES = "procedures"
    HOUSEKEEPING = "housekeeping"
    LINE_OF_FIRE = "line_of_fire"


BEHAVIOUR_LABELS = {
    BehaviourCategory.PPE: N_("PPE use"),
    BehaviourCategory.BODY_POSITION: N_("Body position and ergonomics"),
    BehaviourCategory.TOOLS: N_("Tools and equipment"),
    BehaviourCategory.PROCEDURES: N_("Procedures and permits"),
    BehaviourCategory.HOUSEKEEPING: N_("Housekeeping"),
    BehaviourCategory.LINE_OF_FIRE: N_("Line of fire"),
}

ANONYMOUS = N_("Anonymous")


def _moment_complaints(field: str, moment: dt.datetime | None, now: dt.datetime) -> list[Complaint]:
    if moment is None:
        return [Complaint(field, N_("The date and time are required."), {})]
    if moment > now + dt.timedelta(minutes=5):
        return [Complaint(field, N_("The date {date} is in the future."), {"date": moment.date()})]
    return []


def action_complaints(
    *,
    action: str,
    owner_id: int | None,
    due: dt.date | None,
    status: ActionStatus | str,
    closed_on: dt.date | None,
    raised_on: dt.date | None,
) -> list[Complaint]:
    """A corrective action: who does it by when; closed ones have a closing date."""
    found: list[Complaint] = []
    if status not in ActionStatus._value2member_map_:
        found.append(Complaint("status", N_("Choose the status of the action."), {}))
        return found
    if action.strip():
        if owner_id is None:
            found.append(Complaint("action_owner_id", N_("Name who owns the action."), {}))
        if due is None:
            found.append(Complaint("action_due", N_("Set the date the action is due."), {}))
    elif owner_id is not None or due is not None:
        found.append(Complaint("action", N_("Describe the corrective action."), {}))
    if due is not None and raised_on is not None and due < raised_on:
        found.append(
            Complaint(
                "action_due",
                N_("The action is due ({due}) before the event ({date})."),
                {"due": due, "date": raised_on},
            )
        )
    if ActionStatus(status) is ActionStatus.CLOSED:
        if not action.strip():
            found.append(Complaint("action", N_("Describe the action before closing it."), {}))
        if closed_on is None:
            found.append(Complaint("closed_on", N_("Set the date the action was closed."), {}))
    if closed_on is not None and raised_on is not None and closed_on < raised_on:
        found.append(
            Complaint(
                "closed_on",
                N_("The action was closed ({closed}) before the event ({date})."),
                {"closed": closed_on, "date": raised_on},
            )
        )
    return found


def near_miss_complaints(
    *,
    occurred_at: dt.datetime | None,
    unit_id: int | None,
    category: str,
    severity: str,
    description: str,
    anonymous: bool,
    reporter_id: int | None,
    now: dt.datetime,
) -> list[Complaint]:
    found = _moment_complaints("occurred_at", occurred_at, now)
    if unit_id is None:
        found.append(Complaint("unit_id", N_("Choose the place (unit) where it happened."), {}))
    if category not in NearMissCategory._value2member_map_:
        found.append(Complaint("category", N_("Choose the category."), {}))
    if severity not in Severity._value2member_map_:
        found.append(Complaint("severity", N_("Choose the potential severity."), {}))
    if not description.strip():
        found.append(Complaint("description", N_("Describe what happened."), {}))
    if anonymous and reporter_id is not None:
        found.append(
            Complaint("reporter_id", N_("An anonymous report cannot name its reporter."), {})
        )
    return found


def observation_complaints(
    *,
    observed_on: dt.date | None,
    unit_id: int | None,
    observer_id: int | None,
    people_observed: int,
    counts: dict[str, tuple[int, int]],
    today: dt.date,
) -> list[Complaint]:
    """An observation card; `counts` is category → (safe, at risk)."""
    found: list[Complaint] = []
    if observed_on is None:
        found.append(Complaint("observed_on", N_("The date is required."), {}))
    elif observed_on > today:
        found.append(
            Complaint("observed_on", N_("The date {date} is in the future."), {"date": observed_on})
        )
    if unit_id is None:
        found.append(Complaint("unit_id", N_("Choose the area (unit) observed."), {}))
    if observer_id is None:
        found.append(Complaint("observer_id", N_("Choose the observer."), {}))
    if people_observed < 1:
        found.append(
            Complaint("people_observed", N_("At least one person must have been observed."), {})
        )
    for key, (safe, at_risk) in counts.items():
        if key not in BehaviourCategory._value2member_map_:
            found.append(
                Complaint("counts", N_("Unknown behaviour category {name}."), {"name": key})
            )
        elif safe < 0 or at_risk < 0:
            found.append(Complaint("counts", N_("Counts cannot be negative."), {}))
    if sum(s + r for s, r in counts.values()) == 0:
        found.append(Complaint("counts", N_("Count at least one safe or at-risk behaviour."), {}))
    return found


def at_risk_share(safe: int, at_risk: int) -> float:
    """Share of at-risk behaviour among everything observed, 0..1 (0 when nothing was)."""
    total = safe + at_risk
    return at_risk / total if total else 0.0


def near_misses_per_injury(near_misses: int, injuries: int) -> float | None:
    """The safety pyramid's ratio; None when there were no injuries to divide by."""
    return near_misses / injuries if injuries else None
