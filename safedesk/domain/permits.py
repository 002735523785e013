"""Permit-to-work (наряд-допуск): types, roles, the lifecycle and the permit number.

DOMAIN.md §2 "Permit-to-work". The lifecycle is a small state machine:

    draft → issued → active ⇄ suspended → closed
    draft, issued → cancelled

Closed and cancelled permits are evidence: nothing changes them any more. Which steps
must pass the admission gate first is said here (`GATED_ACTIONS`); the gate itself is
`domain/permit_gate.py`. Everything here is pure: no Qt, no SQL.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum

from safedesk.domain.people import Complaint
from safedesk.i18n import N_


class PermitType(StrEnum):
    CONFINED_SPACE = "confined_space"
    HOT_WORK = "hot_work"
    HEIGHT = "height"
    ELECTRICAL = "electrical"
    EXCAVATION = "excavation"
    GAS_HAZARDOUS = "gas_hazardous"
    LIFTING = "lifting"
    OTHER = "other"


PERMIT_TYPE_LABELS = {
    PermitType.CONFINED_SPACE: N_("Confined space"),
    PermitType.HOT_WORK: N_("Hot work"),
    PermitType.HEIGHT: N_("Work at height"),
    PermitType.ELECTRICAL: N_("Electrical installations"),
    PermitType.EXCAVATION: N_("Excavation"),
    PermitType.GAS_HAZARDOUS: N_("Gas-hazardous work"),
    PermitType.LIFTING: N_("Lifting operations"),
    PermitType.OTHER: N_("Other high-hazard work"),
}


class PermitState(StrEnum):
    DRAFT = "draft"
    ISSUED = "issued"
    ACTIVE = "active"
    SUSPENDED = "suspended"
    CLOSED = "closed"
    CANCELLED = "cancelled"


# Own msgids where the generic word is shared (PPE "Issued", an action "Closed", a measure
# "Cancelled") but the permit needs its own translation: ru agrees with «наряд-допуск»
# (masculine: Выдан, Закрыт, Аннулирован), kk «Күші жойылған».
PERMIT_STATE_LABELS = {
    PermitState.DRAFT: N_("Draft"),
    PermitState.ISSUED: N_("Issued, not started"),
    PermitState.ACTIVE: N_("Active"),
    PermitState.SUSPENDED: N_("Suspended"),
    PermitState.CLOSED: N_("Closed out"),
    PermitState.CANCELLED: N_("Annulled"),
}


class Action(StrEnum):
    ISSUE = "issue"
    ACTIVATE = "activate"
    SUSPEND = "suspend"
    RESUME = "resume"
    CLOSE = "close"
    CANCEL = "cancel"


ACTION_LABELS = {
    Action.ISSUE: N_("Issue"),
    Action.ACTIVATE: N_("Admit the crew (activate)"),
    Action.SUSPEND: N_("Suspend"),
    Action.RESUME: N_("Resume"),
    Action.CLOSE: N_("Close"),
    Action.CANCEL: N_("Cancel the permit"),  # not a dialog's "Cancel": ru «Аннулировать»
}

TRANSITIONS: dict[tuple[PermitState, Action], PermitState] = {
    (PermitState.DRAFT, Action.ISSUE): PermitState.ISSUED,
    (PermitState.DRAFT, Action.CANCEL): PermitState.CANCELLED,
    (PermitState.ISSUED, Action.ACTIVATE): PermitState.ACTIVE,
    (PermitState.ISSUED, Action.CANCEL): PermitState.CANCELLED,
    (PermitState.ACTIVE, Action.SUSPEND): PermitState.SUSPENDED,
    (PermitState.ACTIVE, Action.CLOSE): PermitState.CLOSED,
    (PermitState.SUSPENDED, Action.RESUME): PermitState.ACTIVE,
    (PermitState.SUSPENDED, Action.CLOSE): PermitState.CLOSED,
}

# Steps that admit people to the work: refused while the gate names a reason.
GATED_ACTIONS = frozenset({Action.ISSUE, Action.ACTIVATE, Action.RESUME})
# Steps whose reason is written down: why the work stopped, why it was called off.
REASON_ACTIONS = frozenset({Action.SUSPEND, Action.CANCEL})
READ_ONLY_STATES = frozenset({PermitState.CLOSED, PermitState.CANCELLED})
# A permit in these states is still open: past its end it is overdue.
OPEN_STATES = frozenset({PermitState.ISSUED, PermitState.ACTIVE, PermitState.SUSPENDED})
# While people may be inside, the crew, gas tests and shifts are being written.
WORKING_STATES = frozenset({PermitState.ACTIVE, PermitState.SUSPENDED})


def next_state(state: PermitState, action: Action) -> PermitState | None:
    """The state after `action`, or None when the action is not allowed in `state`."""
    return TRANSITIONS.get((state, action))


def allowed_actions(state: PermitState) -> list[Action]:
    """The actions offered in `state`, in the order of Action."""
    return [a for a in Action if (state, a) in TRANSITIONS]


def is_read_only(state: PermitState) -> bool:
    return state in READ_ONLY_STATES


def is_overdue(state: PermitState, planned_end: dt.datetime, now: dt.datetime) -> bool:
    """Open past its (extended) planned end: shown as overdue everywhere."""
    return state in OPEN_STATES and planned_end < now


class Role(StrEnum):
    ISSUER = "issuer"  # выдающий наряд
    RESPONSIBLE_MANAGER = "responsible_manager"  # ответственный руководитель работ
    SUPERVISOR = "supervisor"  # производитель работ
    ADMITTER = "admitter"  # допускающий
    OBSERVER = "observer"  # наблюдающий


ROLE_LABELS = {
    Role.ISSUER: N_("Issuer"),
    Role.RESPONSIBLE_MANAGER: N_("Responsible manager"),
    Role.SUPERVISOR: N_("Work supervisor"),
    Role.ADMITTER: N_("Admitter"),
    Role.OBSERVER: N_("Standby observer"),  # наблюдающий; "Observer" is an observation card's
}

# The crew is checked like a role: "crew" names it in the role-separation and group rules.
CREW = "crew"


class MeasureKind(StrEnum):
    """The lines of the permit's lists: what may hurt, what is done about it, what is worn."""

    HAZARD = "hazard"
    MEASURE = "measure"
    PPE = "ppe"


MEASURE_KIND_LABELS = {
    MeasureKind.HAZARD: N_("Hazards"),
    MeasureKind.MEASURE: N_("Safety measures"),
    MeasureKind.PPE: N_("Required PPE"),
}

DEFAULT_NUMBER_PATTERN = "НД-{year}-{seq:04d}"
_FIELDS = re.compile(r"\{(\w+)(?::[^{}]*)?\}")


def number_pattern_problem(pattern: str) -> Complaint | None:
    """Whether `pattern` can number permits: it must hold {seq}, may hold {year}, nothing else."""
    names = set(_FIELDS.findall(pattern))
    if "seq" not in names:
        return Complaint(
            "number_pattern", N_("The permit number pattern must contain {{seq}}."), {}
        )
    if names - {"seq", "year"}:
        return Complaint(
            "number_pattern",
            N_("The permit number pattern may only use {{year}} and {{seq}}."),
            {},
        )
    try:
        format_number(pattern, 2026, 42)
    except (ValueError, IndexError, KeyError):
        return Complaint("number_pattern", N_("The permit number pattern cannot be used."), {})
    return None


def format_number(pattern: str, year: int, seq: int) -> str:
    """'НД-{year}-{seq:04d}' → 'НД-2026-0042'."""
    return pattern.format(year=year, seq=seq)


def planned_window_complaints(
    planned_start: dt.datetime | None, planned_end: dt.datetime | None
) -> list[Complaint]:
    found: list[Complaint] = []
    if planned_start is None:
        found.append(Complaint("planned_start", N_("The planned start is required."), {}))
    if planned_end is None:
        found.append(Complaint("planned_end", N_("The planned end is required."), {}))
    if planned_start is not None and planned_end is not None and planned_end <= planned_start:
        found.append(
            Complaint(
                "planned_end",
                N_("The planned end must be after the planned start."),
                {},
            )
        )
    return found
