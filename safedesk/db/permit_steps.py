"""The steps of a permit's life, each stamped with who and when, through the admission gate.

`take_step` is the one way a permit changes state. Issue, activate and resume ask the gate
first; while it gives reasons the step is refused with all of them, unless the officer
writes an override reason and none of the reasons is hard. The override is a row of its
own (audited like every row), so nobody can say the gate was passed silently.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.models import (
    Employee,
    Permit,
    PermitExtension,
    PermitIsolation,
    PermitOverride,
    PermitRole,
    PermitShift,
    PermitTransition,
)
from safedesk.db.permit_facts import gate_reasons
from safedesk.db.permits import editable
from safedesk.db.rows import check_version, get_row, insert, refuse, update
from safedesk.db.types import utcnow
from safedesk.domain.permit_gate import GateReason, overridable
from safedesk.domain.permits import (
    ACTION_LABELS,
    GATED_ACTIONS,
    OPEN_STATES,
    PERMIT_STATE_LABELS,
    REASON_ACTIONS,
    Action,
    PermitState,
    Role,
    next_state,
)
from safedesk.errors import InvalidInput, Problem, render
from safedesk.i18n import N_, _

GATE_HEADER = N_("The admission gate does not let the permit go ahead:")
HARD_FOOTER = N_("Some of these reasons cannot be overridden: put them right first.")
OVERRIDE_FOOTER = N_("To go ahead anyway, write the reason for the override.")


class GateRefused(InvalidInput):
    """The gate's reasons, all of them; `can_override` says whether a reason may pass them."""

    def __init__(self, reasons: list[GateReason]) -> None:
        self.reasons = reasons
        self.can_override = overridable(reasons)
        super().__init__([Problem(r.field, r.msgid, dict(r.values)) for r in reasons])

    def message(self) -> str:
        footer = OVERRIDE_FOOTER if self.can_override else HARD_FOOTER
        lines = [render(p.msgid, p.values) for p in self.problems]
        return "\n".join([_(GATE_HEADER), *(f"• {line}" for line in lines), _(footer)])


def _user(session: Session) -> str:
    return str(session.info.get("user", ""))


def open_shift(session: Session, permit_id: int) -> PermitShift | None:
    return session.scalar(
        select(PermitShift).where(
            PermitShift.permit_id == permit_id, PermitShift.ended_at.is_(None)
        )
    )


def role_holder(session: Session, permit_id: int, role: Role) -> int | None:
    """The employee holding `role` on the permit, if an employee holds it."""
    return session.scalar(
        select(PermitRole.employee_id).where(
            PermitRole.permit_id == permit_id, PermitRole.role == role.value
        )
    )


def record_override(
    session: Session,
    permit: Permit,
    action: str,
    at: dt.datetime,
    reasons: list[GateReason],
    override_reason: str,
) -> PermitOverride:
    """The gate's reasons and the reason written against them, as an audited row."""
    row = PermitOverride(
        permit_id=permit.id,
        action=action,
        at=at,
        gate_reasons=[
            {
                "code": r.code.value,
                "field": r.field,
                "msgid": r.msgid,
                "values": _json_safe(r.values),
                "text": render(r.msgid, r.values),
            }
            for r in reasons
        ],
        reason=override_reason.strip(),
        created_by=_user(session),
    )
    insert(session, row)
    return row


def check_override(reasons: list[GateReason], override_reason: str) -> None:
    """Refuse unless there are no reasons, or all may be overridden and a reason is written."""
    if reasons and (not override_reason.strip() or not overridable(reasons)):
        raise GateRefused(reasons)


def pass_gate(
    session: Session, permit: Permit, action: Action, at: dt.datetime, override_reason: str
) -> None:
    """Refuse with every reason, or record the override that lets the step go ahead."""
    reasons = gate_reasons(session, permit, action, at)
    check_override(reasons, override_reason)
    if reasons:
        record_override(session, permit, action.value, at, reasons, override_reason)


def _json_safe(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in values.items()}


def _closure_problems(
    session: Session,
    permit: Permit,
    work_finished: bool,
    crew_withdrawn: bool,
    reported_to: str,
) -> list[Problem]:
    found: list[Problem] = []
    if not work_finished:
        found.append(Problem("work_finished", N_("Confirm that the work is finished.")))
    if not crew_withdrawn:
        found.append(Problem("crew_withdrawn", N_("Confirm that the crew is withdrawn.")))
    if not reported_to.strip():
        found.append(Problem("reported_to", N_("Name the person the closure was reported to.")))
    found += _held_lock_problems(session, permit)
    return found


def _held_lock_problems(session: Session, permit: Permit) -> list[Problem]:
    held = session.scalars(
        select(PermitIsolation.point).where(
            PermitIsolation.permit_id == permit.id,
            PermitIsolation.applied_at.is_not(None),
            PermitIsolation.removed_at.is_(None),
        )
    ).all()
    return [
        Problem(
            "isolations",
            N_("Isolation point {point} is still applied: remove it first."),
            {"point": point},
        )
        for point in held
    ]


def take_step(
    session: Session,
    permit_id: int,
    version: int | None,
    action: Action,
    *,
    at: dt.datetime | None = None,
    signed_by_id: int | None = None,
    reason: str = "",
    override_reason: str = "",
    work_finished: bool = False,
    crew_withdrawn: bool = False,
    reported_to: str = "",
) -> Permit:
    """Move the permit by `action`; refused (with every reason) when it may not."""
    at = at or utcnow()
    permit = get_row(session, Permit, permit_id, N_("Permit"))
    check_version(permit, version)
    editable(permit)
    state = PermitState(permit.state)
    target = next_state(state, action)
    if target is None:
        refuse(
            [
                Problem(
                    "state",
                    N_("“{action}” is not possible for a permit that is {state}."),
                    {"action": ACTION_LABELS[action], "state": PERMIT_STATE_LABELS[state]},
                )
            ]
        )
    assert target is not None
    found: list[Problem] = []
    if signed_by_id is not None:
        signer = session.get(Employee, signed_by_id)
        if signer is None or signer.deleted_at is not None:
            found.append(Problem("signed_by_id", N_("Choose who signs this step.")))
    if action in REASON_ACTIONS and not reason.strip():
        found.append(Problem("reason", N_("Write the reason.")))
    if action is Action.CLOSE:
        found += _closure_problems(session, permit, work_finished, crew_withdrawn, reported_to)
    if action is Action.CANCEL:
        found += _held_lock_problems(session, permit)
    refuse(found)
    if action in GATED_ACTIONS:
        pass_gate(session, permit, action, at, override_reason)
    shift = open_shift(session, permit.id)
    if action in (Action.SUSPEND, Action.CLOSE) and shift is not None:
        # The crew leaves the place: the shift ends with the step.
        update(session, shift, {"ended_at": at, "ended_by_id": signed_by_id})
    values: dict[str, object] = {"state": target.value}
    if action is Action.CLOSE:
        values |= {
            "work_finished": True,
            "crew_withdrawn": True,
            "reported_to": reported_to.strip(),
            "closed_at": at,
        }
    update(session, permit, values)
    insert(
        session,
        PermitTransition(
            permit_id=permit.id,
            action=action.value,
            from_state=state.value,
            to_state=target.value,
            at=at,
            signed_by_id=signed_by_id,
            reason=reason.strip(),
            created_by=_user(session),
        ),
    )
    if action in (Action.ACTIVATE, Action.RESUME):
        admitter = role_holder(session, permit.id, Role.ADMITTER) or signed_by_id
        if admitter is not None:
            insert(
                session,
                PermitShift(
                    permit_id=permit.id,
                    admitted_at=at,
                    admitted_by_id=admitter,
                    supervisor_id=role_holder(session, permit.id, Role.SUPERVISOR),
                    created_by=_user(session),
                ),
            )
    return permit


def extend(
    session: Session,
    permit_id: int,
    version: int | None,
    new_end: dt.datetime,
    approved_by_id: int | None,
    reason: str = "",
) -> PermitExtension:
    """Move the planned end later; who approved it is written beside it."""
    permit = get_row(session, Permit, permit_id, N_("Permit"))
    check_version(permit, version)
    editable(permit, *OPEN_STATES)
    found: list[Problem] = []
    if new_end <= permit.planned_end:
        found.append(
            Problem("new_end", N_("The new end must be later than the current planned end."))
        )
    approver = session.get(Employee, approved_by_id) if approved_by_id is not None else None
    if approver is None or approver.deleted_at is not None:
        found.append(Problem("approved_by_id", N_("Choose who approved the extension.")))
    refuse(found)
    assert approved_by_id is not None
    row = PermitExtension(
        permit_id=permit.id,
        old_end=permit.planned_end,
        new_end=new_end,
        approved_by_id=approved_by_id,
        reason=reason.strip(),
        created_by=_user(session),
    )
    insert(session, row)
    update(session, permit, {"planned_end": new_end})
    return row
