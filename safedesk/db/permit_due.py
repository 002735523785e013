"""What is due in the permit log: open permits by their planned end (overdue once it has
passed), and the next gas test of active confined-space and gas-hazardous permits."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from safedesk.db.due import DueSource, count_sources, list_sources, local_day, local_midnight
from safedesk.db.models import Permit, PermitGasTest, PermitTypeRule
from safedesk.db.permit_reference import GAS_INTERVAL_MINUTES, minutes_setting
from safedesk.db.types import UTCDateTime
from safedesk.domain.due import DueCounts, DueItem
from safedesk.domain.permit_gas import next_test_due
from safedesk.domain.permits import OPEN_STATES, PermitState
from safedesk.i18n import N_

PERMIT_END = N_("Permit: planned end of the work")
GAS_TEST = N_("Permit: gas test during the work")


def due_sources(session: Session) -> list[DueSource]:
    """Open permits by their planned end; active permits of the kinds that need gas
    tests by their last test (the next is due an interval later; none yet: due today)."""
    return _sources(minutes_setting(session, GAS_INTERVAL_MINUTES))


@cache
def _sources(minutes: int) -> list[DueSource]:
    """The sources for a gas-test interval, built once for any day."""
    open_permits = select(
        Permit.id.label("record_id"),
        Permit.planned_end.label("due"),
        Permit.number,
        Permit.location,
    ).where(Permit.deleted_at.is_(None), Permit.state.in_([s.value for s in OPEN_STATES]))
    interval = dt.timedelta(minutes=minutes)
    gas_types = select(PermitTypeRule.code).where(PermitTypeRule.gas_test.is_(True))
    # The permit's last test: one seek on ix_permit_gas_tests_permit_taken per permit.
    last = (
        select(func.max(PermitGasTest.taken_at))
        .where(PermitGasTest.permit_id == Permit.id)
        .correlate(Permit)
        .scalar_subquery()
    )
    # Without a test the next is due today: as if the last were an interval before today.
    never = bindparam("due_gas_never", type_=UTCDateTime())
    gas = (
        select(
            Permit.id.label("record_id"),
            func.coalesce(last, never).label("due"),
            Permit.number,
            Permit.location,
        )
        .where(
            Permit.deleted_at.is_(None),
            Permit.state == PermitState.ACTIVE.value,
            Permit.type.in_(gas_types),
        )
    )

    def gas_item(row: Any) -> DueItem:
        due = local_day(next_test_due(row.due, minutes))
        return DueItem("permits", row.record_id, GAS_TEST, f"{row.number} — {row.location}", due)

    return [
        DueSource("permits", open_permits, _end_item, moment=True),
        DueSource(
            "permits",
            gas,
            gas_item,
            moment=True,
            shift=interval,
            params=lambda today: {"due_gas_never": local_midnight(today) - interval},
        ),
    ]


def _end_item(row: Any) -> DueItem:
    who = f"{row.number} — {row.location}"
    return DueItem("permits", row.record_id, PERMIT_END, who, local_day(row.due))


def due_counts(session: Session, today: dt.date) -> DueCounts:
    return count_sources(session, due_sources(session), today)


def due_items(
    session: Session, today: dt.date, limit: int | None = None, counts: DueCounts | None = None
) -> list[DueItem]:
    return list_sources(session, due_sources(session), today, limit, counts)
