"""Roadmap item 5 in the package: the monthly OHS day, computed from the OHS days kept."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from safedesk.db.models import SafetyDayAttendance
from safedesk.db.roadmap import RoadmapLine
from safedesk.db.safety_days import days_held
from safedesk.domain.safety_days import SafetyDayKind, months_without_day
from safedesk.i18n import N_


def roadmap_lines(session: Session, start: dt.date, end: dt.date) -> list[RoadmapLine]:
    days = days_held(session, start, end)
    missing = months_without_day((d.held_on for d in days), start, end)
    ids = [d.id for d in days]
    listed, present = session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(case((SafetyDayAttendance.present.is_(True), 1), else_=0)), 0),
        ).where(SafetyDayAttendance.safety_day_id.in_(ids))
    ).one()
    share = round(100 * int(present) / int(listed), 1) if listed else None
    return [
        RoadmapLine(N_("OHS days held in the period"), len(days)),
        RoadmapLine(
            N_("Of them practical exercises on permits"),
            sum(1 for d in days if d.kind == SafetyDayKind.EXERCISE.value),
        ),
        RoadmapLine(N_("Months of the period without an OHS day"), len(missing)),
        RoadmapLine(
            N_("Those months"),
            ", ".join(f"{month:02d}.{year}" for year, month in missing) if missing else None,
        ),
        RoadmapLine(N_("Employees listed for OHS days"), int(listed)),
        RoadmapLine(N_("Attendance"), share, "%"),
    ]
