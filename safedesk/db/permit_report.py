"""Roadmap item 3 in the roadmap report: high-hazard work only under a permit-to-work.

What the permit log shows for the period: permits by type, how many were closed or
cancelled, what was still open or overdue at the end, how often the admission gate was
overridden, and the gas tests and isolations (items 7, 11, 20) recorded under permits.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from safedesk.db.models import Permit, PermitGasTest, PermitIsolation, PermitOverride
from safedesk.db.permit_log import bounds, in_period
from safedesk.db.roadmap import RoadmapLine
from safedesk.domain.permits import OPEN_STATES, PERMIT_TYPE_LABELS, PermitState, PermitType
from safedesk.i18n import N_


def roadmap_lines(session: Session, start: dt.date, end: dt.date) -> list[RoadmapLine]:
    _first, after = bounds(start, end)
    period = in_period(start, end)
    rows = session.execute(
        select(Permit.type, Permit.state, Permit.planned_end, Permit.closed_at).where(*period)
    ).all()
    real = [r for r in rows if r.state != PermitState.DRAFT.value]
    by_type = Counter(PermitType(r.type) for r in real)
    closed = sum(r.state == PermitState.CLOSED.value for r in real)
    cancelled = sum(r.state == PermitState.CANCELLED.value for r in real)
    open_states = {s.value for s in OPEN_STATES}
    still_open = [r for r in real if r.state in open_states]
    overdue = sum(r.planned_end < after for r in still_open)
    closed_late = sum(
        r.closed_at is not None and r.closed_at > r.planned_end
        for r in real
        if r.state == PermitState.CLOSED.value
    )
    ids = select(Permit.id).where(*period)
    overrides = int(
        session.scalar(
            select(func.count())
            .select_from(PermitOverride)
            .where(PermitOverride.permit_id.in_(ids))
        )
        or 0
    )
    tests = Counter(
        bool(ok)
        for ok in session.scalars(
            select(PermitGasTest.within_limits).where(PermitGasTest.permit_id.in_(ids))
        )
    )
    points = int(
        session.scalar(
            select(func.count())
            .select_from(PermitIsolation)
            .where(PermitIsolation.permit_id.in_(ids), PermitIsolation.applied_at.is_not(None))
        )
        or 0
    )
    lines = [RoadmapLine(N_("Permits issued"), len(real))]
    lines += [
        RoadmapLine(PERMIT_TYPE_LABELS[kind], by_type[kind]) for kind in PermitType if by_type[kind]
    ]
    lines += [
        RoadmapLine(N_("Permits closed"), closed),
        RoadmapLine(N_("Permits cancelled"), cancelled),
        RoadmapLine(N_("Permits closed after their planned end"), closed_late),
        RoadmapLine(N_("Permits open at the end of the period"), len(still_open)),
        RoadmapLine(N_("Of them past their planned end"), overdue),
        RoadmapLine(N_("Overrides of the admission gate"), overrides),
        RoadmapLine(N_("Gas tests recorded"), tests[True] + tests[False]),
        RoadmapLine(N_("Of them outside the limits"), tests[False]),
        RoadmapLine(N_("Isolation points locked and tagged"), points),
    ]
    return lines
