"""Roadmap item 24 in the package: step-by-step control from client to contractor."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from safedesk.db.contractors import contractor_worker_admissible, workers_on_site
from safedesk.db.models import Contractor
from safedesk.db.roadmap import RoadmapLine
from safedesk.i18n import N_


def contracted_between(start: dt.date, end: dt.date) -> list[object]:
    return [
        Contractor.deleted_at.is_(None),
        or_(Contractor.contract_from.is_(None), Contractor.contract_from <= end),
        or_(Contractor.contract_to.is_(None), Contractor.contract_to >= start),
    ]


def admitted_on_site(session: Session, on: dt.date) -> tuple[int, int]:
    """(workers on the site who may be admitted on `on`, workers on the site)."""
    people = workers_on_site(session, on)
    admitted = sum(1 for w in people if not contractor_worker_admissible(session, w.id, on))
    return admitted, len(people)


def roadmap_lines(session: Session, start: dt.date, end: dt.date) -> list[RoadmapLine]:
    def count(*conditions: object) -> int:
        query = select(func.count()).select_from(Contractor).where(*conditions)  # type: ignore[arg-type]
        return int(session.scalar(query) or 0)

    admitted, on_site = admitted_on_site(session, end)
    return [
        RoadmapLine(
            N_("Contractors with a contract in force in the period"),
            count(*contracted_between(start, end)),
        ),
        RoadmapLine(
            N_("Contractors with a contract in force at the end of the period"),
            count(*contracted_between(end, end)),
        ),
        RoadmapLine(
            N_("Of them sub-contractors"),
            count(*contracted_between(end, end), Contractor.parent_id.is_not(None)),
        ),
        RoadmapLine(N_("Contractors' workers on the site at the end of the period"), on_site),
        RoadmapLine(N_("Of them briefed and with a valid knowledge check"), admitted),
        RoadmapLine(N_("Of them not to be admitted"), on_site - admitted),
    ]
