"""Behavioural safety audits (roadmap item 27): observation cards, counts only.

The observed are never named: a card holds how many people were watched and the safe
and at-risk behaviour counted per category, the conversation and the action agreed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from safedesk.db.action_due import open_actions
from safedesk.db.audit import record, snapshot
from safedesk.db.models import Observation, ObservationCount
from safedesk.db.rows import check_version, get_row, insert, refuse, update
from safedesk.db.types import utcnow
from safedesk.domain.incidents import (
    ActionStatus,
    BehaviourCategory,
    action_complaints,
    observation_complaints,
)
from safedesk.domain.people import Complaint
from safedesk.i18n import N_

REGISTER = "observations"
ACTION_DUE = N_("Observation card action")


@dataclass
class ObservationFields:
    observed_on: dt.date | None
    unit_id: int | None
    observer_id: int | None
    people_observed: int
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)  # category → (safe, at risk)
    area: str = ""
    conversation_held: bool = False
    action: str = ""
    action_owner_id: int | None = None
    action_due: dt.date | None = None
    status: str = ActionStatus.OPEN.value
    closed_on: dt.date | None = None


def _complaints(session: Session, f: ObservationFields, today: dt.date) -> list[Complaint]:
    found = observation_complaints(
        observed_on=f.observed_on,
        unit_id=f.unit_id,
        observer_id=f.observer_id,
        people_observed=f.people_observed,
        counts=f.counts,
        today=today,
    )
    found += action_complaints(
        action=f.action,
        owner_id=f.action_owner_id,
        due=f.action_due,
        status=f.status,
        closed_on=f.closed_on,
        raised_on=f.observed_on,
    )
    return found


def _values(f: ObservationFields) -> dict[str, object]:
    return {
        "observed_on": f.observed_on,
        "unit_id": f.unit_id,
        "area": f.area.strip(),
        "observer_id": f.observer_id,
        "people_observed": f.people_observed,
        "safe_total": sum(s for s, _r in f.counts.values()),
        "at_risk_total": sum(r for _s, r in f.counts.values()),
        "conversation_held": f.conversation_held,
        "action": f.action.strip(),
        "action_owner_id": f.action_owner_id,
        "action_due": f.action_due,
        "status": f.status,
        "closed_on": f.closed_on,
    }


def _write_counts(session: Session, card: Observation, counts: dict[str, tuple[int, int]]) -> None:
    for old in list(card.counts):
        before = snapshot(old)
        card.counts.remove(old)
        session.flush()
        record(session, "delete", old, before)
    for category in BehaviourCategory:  # a fixed order, whatever order they came in
        if category.value in counts:
            safe, at_risk = counts[category.value]
            if safe or at_risk:
                line = ObservationCount(
                    observation_id=card.id, category=category.value, safe=safe, at_risk=at_risk
                )
                card.counts.append(line)
                insert(session, line)


def add_observation(
    session: Session, fields: ObservationFields, today: dt.date | None = None
) -> Observation:
    refuse(_complaints(session, fields, today or dt.date.today()))
    card = Observation(**_values(fields), created_by=str(session.info.get("user", "")))
    insert(session, card)
    _write_counts(session, card, fields.counts)
    return card


def update_observation(
    session: Session,
    observation_id: int,
    version: int | None,
    fields: ObservationFields,
    today: dt.date | None = None,
) -> Observation:
    card = get_row(session, Observation, observation_id, N_("Observation card"))
    check_version(card, version)
    refuse(_complaints(session, fields, today or dt.date.today()))
    update(session, card, _values(fields))
    current = {c.category: (c.safe, c.at_risk) for c in card.counts}
    wanted = {k: v for k, v in fields.counts.items() if v != (0, 0)}
    if current != wanted:
        _write_counts(session, card, wanted)
    return card


def delete_observation(session: Session, observation_id: int, version: int | None) -> None:
    card = get_row(session, Observation, observation_id, N_("Observation card"))
    check_version(card, version)
    update(session, card, {"deleted_at": utcnow()})


# Card actions not closed, overdue or due within DUE_SOON_DAYS.
_DUE = open_actions(REGISTER, ACTION_DUE, Observation)
due_counts = _DUE.counts
due_items = _DUE.items
