"""Roadmap items 27 and 33, 34, 39 in the roadmap report: near misses and behavioural
safety audits; accidents by classification, days lost, legal deadlines and acts.

Everything counts by the local day it happened on, as the package's sheets list it;
deadlines and corrective actions stand as they did on the period's last day counted.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from safedesk.db.accident_deadlines import deadline_rules
from safedesk.db.export_helpers import moments
from safedesk.db.holidays import work_calendar
from safedesk.db.incident_exports import accidents_in, steps_on
from safedesk.db.models import AccidentCause, AccidentVictim, NearMiss, Observation
from safedesk.db.roadmap import RoadmapLine
from safedesk.domain.accidents import Classification, Outcome, accident_steps
from safedesk.domain.incidents import ActionStatus, NearMissCategory, Severity
from safedesk.i18n import N_

CATEGORY_LINES = {
    NearMissCategory.UNSAFE_ACT: N_("Of them unsafe acts"),
    NearMissCategory.UNSAFE_CONDITION: N_("Of them unsafe conditions"),
    NearMissCategory.NEAR_MISS_EVENT: N_("Of them incidents without consequences"),
}
CLASSIFICATION_LINES = {
    Classification.LIGHT: N_("Of them light"),
    Classification.SEVERE: N_("Of them severe"),
    Classification.GROUP: N_("Of them group"),
    Classification.FATAL: N_("Of them fatal"),
}
SERIOUS = (Severity.SERIOUS.value, Severity.CRITICAL.value)


def _closed_by(status: str, closed_on: dt.date | None, end: dt.date) -> bool:
    return status == ActionStatus.CLOSED.value and closed_on is not None and closed_on <= end


# -- item 27 -----------------------------------------------------------------------------
def roadmap_lines(session: Session, start: dt.date, end: dt.date) -> list[RoadmapLine]:
    first, last = moments(start, end)
    reports = session.execute(
        select(
            NearMiss.category,
            NearMiss.severity,
            NearMiss.action_due,
            NearMiss.status,
            NearMiss.closed_on,
        ).where(
            NearMiss.deleted_at.is_(None),
            NearMiss.occurred_at >= first,
            NearMiss.occurred_at < last,
        )
    ).all()
    categories = Counter(r.category for r in reports)
    closed = sum(1 for r in reports if _closed_by(r.status, r.closed_on, end))
    late = sum(
        1
        for r in reports
        if r.action_due is not None
        and r.action_due < end
        and not _closed_by(r.status, r.closed_on, end)
    )
    cards = session.execute(
        select(
            func.count(Observation.id),
            func.coalesce(func.sum(Observation.people_observed), 0),
            func.coalesce(func.sum(Observation.safe_total), 0),
            func.coalesce(func.sum(Observation.at_risk_total), 0),
        ).where(
            Observation.deleted_at.is_(None),
            Observation.observed_on >= start,
            Observation.observed_on <= end,
        )
    ).one()
    count, observed, safe, at_risk = (int(v) for v in cards)
    share = round(100.0 * safe / (safe + at_risk), 1) if safe + at_risk else None
    return [
        RoadmapLine(N_("Near misses reported in the period"), len(reports)),
        *(RoadmapLine(label, categories.get(c.value, 0)) for c, label in CATEGORY_LINES.items()),
        RoadmapLine(
            N_("Of them with a serious or critical potential"),
            sum(1 for r in reports if r.severity in SERIOUS),
        ),
        RoadmapLine(N_("Near misses with the corrective action closed"), closed),
        RoadmapLine(N_("Near-miss actions past their due date, not closed"), late),
        RoadmapLine(N_("Behavioural safety observation cards"), count),
        RoadmapLine(N_("People observed"), observed),
        RoadmapLine(N_("Safe behaviours counted"), safe),
        RoadmapLine(N_("At-risk behaviours counted"), at_risk),
        RoadmapLine(N_("Share of safe behaviour"), share, "%"),
    ]


# -- items 33, 34, 39 --------------------------------------------------------------------
def accident_lines(session: Session, start: dt.date, end: dt.date) -> list[RoadmapLine]:
    found = accidents_in(session, start, end)
    ids = [a.id for a in found]
    kinds = Counter(a.classification for a in found)
    outcomes = Counter(
        session.scalars(select(AccidentVictim.outcome).where(AccidentVictim.accident_id.in_(ids)))
    )
    calendar = work_calendar(session)
    rules = deadline_rules(session)
    on_time = late = overdue = 0
    for a in found:
        steps = accident_steps(
            a.occurred_at,
            calendar,
            notified_on=a.notified_on,
            commission_on=a.commission_on,
            investigated_on=a.investigated_on,
            act_on=a.act_on,
            rules=rules,
        )
        for step in steps_on(steps, end):
            on_time += step.done is not None and not step.late()
            late += step.late()
            overdue += step.overdue(end)
    signed = sum(1 for a in found if a.signed and a.act_on is not None and a.act_on <= end)
    measures = session.execute(
        select(AccidentCause.due, AccidentCause.done_on).where(
            AccidentCause.accident_id.in_(ids), AccidentCause.measure != ""
        )
    ).all()
    done = sum(1 for m in measures if m.done_on is not None and m.done_on <= end)
    return [
        RoadmapLine(N_("Accidents at work in the period"), len(found)),
        *(RoadmapLine(label, kinds.get(c.value, 0)) for c, label in CLASSIFICATION_LINES.items()),
        RoadmapLine(N_("Persons injured"), sum(outcomes.values())),
        RoadmapLine(N_("Of them died"), outcomes.get(Outcome.FATAL.value, 0)),
        RoadmapLine(N_("Days of incapacity"), sum(a.days_lost for a in found)),
        RoadmapLine(N_("Legal deadlines met (notice, commission, investigation, act)"), on_time),
        RoadmapLine(N_("Legal deadlines missed: the step was taken late"), late),
        RoadmapLine(N_("Legal deadlines passed, the step not taken"), overdue),
        RoadmapLine(N_("Accident acts (Н-1) signed"), signed),
        RoadmapLine(N_("Accidents without a signed act"), len(found) - signed),
        RoadmapLine(N_("Measures after accidents done"), done),
        RoadmapLine(N_("Measures after accidents not done yet"), len(measures) - done),
    ]
