"""Roadmap items 1 and 18 in the roadmap report: what the risk register shows for a period.

Assessments made in the period and in force at its end (the rule indicator 40 counts
by), the workplaces they cover, the hazards still rated high or critical after controls,
the action plan as it stood at the end, and the SLAM, JSA and 5S records of the period.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from safedesk.db.models import (
    FiveSAudit,
    JobSafetyAnalysis,
    RiskAssessment,
    RiskControl,
    RiskRow,
    SlamCard,
)
from safedesk.db.risk_coverage import in_force, risk_coverage
from safedesk.db.risk_exports import DONE, OPEN, OVERDUE, action_state_on
from safedesk.db.roadmap import RoadmapLine
from safedesk.i18n import N_

# Bands of the default matrix that call for action before work goes on.
HIGH_BANDS = ("high", "critical")


def _count(session: Session, query: Select[Any]) -> int:
    return int(session.scalar(query) or 0)


def _actions(session: Session, start: dt.date, end: dt.date) -> dict[str, int]:
    """Actions of assessments made by `end`: done in the period, open and overdue at its end."""
    query = (
        select(RiskControl.status, RiskControl.deadline, RiskControl.done_on)
        .join(RiskRow, RiskControl.row_id == RiskRow.id)
        .join(RiskAssessment, RiskRow.assessment_id == RiskAssessment.id)
        .where(
            RiskControl.deleted_at.is_(None),
            RiskRow.deleted_at.is_(None),
            RiskAssessment.deleted_at.is_(None),
            RiskAssessment.assessed_on <= end,
        )
    )
    found = {"done": 0, OPEN: 0, OVERDUE: 0}
    for status, deadline, done_on in session.execute(query):
        state = action_state_on(status, deadline, done_on, end)
        if state == DONE and done_on is not None and done_on >= start:
            found["done"] += 1
        elif state in (OPEN, OVERDUE):
            found[OPEN] += 1
            found[OVERDUE] += state == OVERDUE
    return found


def roadmap_lines(session: Session, start: dt.date, end: dt.date) -> list[RoadmapLine]:
    made = _count(
        session,
        select(func.count(RiskAssessment.id)).where(
            RiskAssessment.deleted_at.is_(None),
            RiskAssessment.assessed_on >= start,
            RiskAssessment.assessed_on <= end,
        ),
    )
    current = _count(session, select(func.count(RiskAssessment.id)).where(*in_force(end)))
    rows = (
        select(func.count(RiskRow.id))
        .join(RiskAssessment, RiskRow.assessment_id == RiskAssessment.id)
        .where(RiskRow.deleted_at.is_(None), *in_force(end))
    )
    hazards = _count(session, rows)
    high = _count(session, rows.where(RiskRow.residual_band.in_(HIGH_BANDS)))
    coverage = risk_coverage(session, end)
    actions = _actions(session, start, end)
    slam = select(func.count(SlamCard.id)).where(
        SlamCard.deleted_at.is_(None), SlamCard.card_date >= start, SlamCard.card_date <= end
    )
    jsa = select(func.count(JobSafetyAnalysis.id)).where(
        JobSafetyAnalysis.deleted_at.is_(None),
        JobSafetyAnalysis.analysis_date >= start,
        JobSafetyAnalysis.analysis_date <= end,
    )
    audits = (
        FiveSAudit.deleted_at.is_(None),
        FiveSAudit.audit_date >= start,
        FiveSAudit.audit_date <= end,
    )
    five_s = _count(session, select(func.count(FiveSAudit.id)).where(*audits))
    average = session.scalar(select(func.avg(FiveSAudit.total_percent)).where(*audits))
    return [
        RoadmapLine(N_("Risk assessments made in the period"), made),
        RoadmapLine(N_("Risk assessments in force at the end of the period"), current),
        RoadmapLine(N_("Workplaces with employees at the end of the period"), coverage.workplaces),
        RoadmapLine(N_("Workplaces covered by a risk assessment in force"), coverage.covered),
        RoadmapLine(N_("Share of workplaces covered"), coverage.percent, "%"),
        RoadmapLine(N_("Hazards assessed in the assessments in force"), hazards),
        RoadmapLine(N_("Hazards whose residual risk is still high or critical"), high),
        RoadmapLine(N_("Control actions done in the period"), actions["done"]),
        RoadmapLine(N_("Control actions open at the end of the period"), actions[OPEN]),
        RoadmapLine(N_("Of them past their deadline"), actions[OVERDUE]),
        RoadmapLine(N_("SLAM cards filled in the period"), _count(session, slam)),
        RoadmapLine(
            N_("SLAM cards on which the work was stopped"),
            _count(session, slam.where(SlamCard.work_stopped.is_(True))),
        ),
        RoadmapLine(N_("Job safety analyses (JSA) made in the period"), _count(session, jsa)),
        RoadmapLine(N_("5S audits held in the period"), five_s),
        RoadmapLine(
            N_("Average 5S audit score"),
            round(float(average), 1) if average is not None else None,
            "%",
        ),
    ]
