"""What is due in the permit log: open permits by their planned end (overdue once it has
passed), and the next gas test of active confined-space and gas-hazardous permits."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from safedesk.db.models import Permit, PermitGasTest, PermitTypeRule
from safedesk.db.permit_reference import GAS_INTERVAL_MINUTES, minutes_setting
from safedesk.domain.accidents import KAZAKHSTAN
from safedesk.domain.due import DUE_SOON_DAYS, DueItem
from safedesk.domain.permit_gas import next_test_due
from safedesk.domain.permits import OPEN_STATES, PermitState
from safedesk.i18n import N_

PERMIT_END = N_("Permit: planned end of the work")
GAS_TEST = N_("Permit: gas test during the work")


def _local_day(moment: dt.datetime) -> dt.date:
    return moment.astimezone(KAZAKHSTAN).date()


def due_items(session: Session, today: dt.date) -> list[DueItem]:
    horizon = dt.datetime.combine(
        today + dt.timedelta(days=DUE_SOON_DAYS + 1), dt.time(), tzinfo=KAZAKHSTAN
    )
    open_permits = session.execute(
        select(Permit.id, Permit.number, Permit.location, Permit.planned_end).where(
            Permit.deleted_at.is_(None),
            Permit.state.in_([s.value for s in OPEN_STATES]),
            Permit.planned_end < horizon,
        )
    ).all()
    items = [
        DueItem("permits", pid, PERMIT_END, f"{number} — {location}", _local_day(end))
        for pid, number, location, end in open_permits
    ]
    gas_types = select(PermitTypeRule.code).where(PermitTypeRule.gas_test.is_(True))
    last = (
        select(PermitGasTest.permit_id, func.max(PermitGasTest.taken_at).label("last"))
        .group_by(PermitGasTest.permit_id)
        .subquery()
    )
    interval = minutes_setting(session, GAS_INTERVAL_MINUTES)
    active = session.execute(
        select(Permit.id, Permit.number, Permit.location, last.c.last)
        .outerjoin(last, last.c.permit_id == Permit.id)
        .where(
            Permit.deleted_at.is_(None),
            Permit.state == PermitState.ACTIVE.value,
            Permit.type.in_(gas_types),
        )
    ).all()
    for pid, number, location, taken in active:
        due = today if taken is None else _local_day(next_test_due(taken, interval))
        items.append(DueItem("permits", pid, GAS_TEST, f"{number} — {location}", due))
    return items
