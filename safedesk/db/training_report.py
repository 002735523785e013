"""Roadmap items 12 and 31 in the package: OHS training of employees and of contractor
staff, computed from the briefings, knowledge checks, certificates and contractors kept."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import distinct, func, or_, select
from sqlalchemy.orm import Session

from safedesk.db.briefings import active_filter, latest_clock_briefings
from safedesk.db.certificates import latest_certificates
from safedesk.db.contractor_report import admitted_on_site
from safedesk.db.models import (
    Briefing,
    Certificate,
    CheckResult,
    CheckSession,
    ContractorBriefing,
    ContractorCheck,
    Employee,
)
from safedesk.db.roadmap import RoadmapLine
from safedesk.domain.training import CheckOutcome
from safedesk.i18n import N_


def _count(session: Session, query: object) -> int:
    return int(session.scalar(query) or 0)  # type: ignore[call-overload]


def roadmap_lines(session: Session, start: dt.date, end: dt.date) -> list[RoadmapLine]:
    held = (Briefing.deleted_at.is_(None), Briefing.held_on.between(start, end))
    briefings = _count(session, select(func.count()).select_from(Briefing).where(*held))
    briefed = _count(session, select(func.count(distinct(Briefing.employee_id))).where(*held))
    overdue = _count(
        session,
        select(func.count())
        .select_from(Briefing)
        .join(Employee, Briefing.employee_id == Employee.id)
        .where(
            Briefing.id.in_(latest_clock_briefings()),  # type: ignore[arg-type]
            Briefing.next_due < end,
            *active_filter(end),  # type: ignore[arg-type]
        ),
    )
    checked = _count(
        session,
        select(func.count(distinct(CheckResult.employee_id)))
        .join(CheckSession, CheckResult.session_id == CheckSession.id)
        .where(
            CheckSession.deleted_at.is_(None),
            CheckSession.signed_on.is_not(None),
            CheckResult.outcome == CheckOutcome.PASSED.value,
            CheckResult.checked_on.between(start, end),
        ),
    )
    in_force = (
        Certificate.deleted_at.is_(None),
        Certificate.issued_on <= end,
        or_(Certificate.valid_to.is_(None), Certificate.valid_to >= end),
    )
    certificates = _count(session, select(func.count()).select_from(Certificate).where(*in_force))
    lapsed = _count(
        session,
        select(func.count())
        .select_from(Certificate)
        .where(
            Certificate.id.in_(latest_certificates()),  # type: ignore[arg-type]
            Certificate.valid_to < end,
            Certificate.valid_to >= start,
        ),
    )
    their_briefings = _count(
        session,
        select(func.count(distinct(ContractorBriefing.worker_id))).where(
            ContractorBriefing.deleted_at.is_(None),
            ContractorBriefing.held_on.between(start, end),
        ),
    )
    their_checks = _count(
        session,
        select(func.count(distinct(ContractorCheck.worker_id))).where(
            ContractorCheck.deleted_at.is_(None),
            ContractorCheck.outcome == CheckOutcome.PASSED.value,
            ContractorCheck.checked_on.between(start, end),
        ),
    )
    admitted, on_site = admitted_on_site(session, end)
    return [
        RoadmapLine(N_("Briefings of employees held in the period"), briefings),
        RoadmapLine(N_("Employees briefed in the period"), briefed),
        RoadmapLine(N_("Repeated briefings overdue at the end of the period"), overdue),
        RoadmapLine(N_("Employees who passed a knowledge check in the period"), checked),
        RoadmapLine(N_("Certificates in force at the end of the period"), certificates),
        RoadmapLine(N_("Certificates that lapsed in the period and were not renewed"), lapsed),
        RoadmapLine(N_("Contractors' workers briefed in the period"), their_briefings),
        RoadmapLine(
            N_("Contractors' workers who passed a knowledge check in the period"), their_checks
        ),
        RoadmapLine(
            N_("Contractors' workers on the site at the end of the period not to be admitted"),
            on_site - admitted,
        ),
    ]
