"""Near misses, observation cards and accidents (issue 8) as package sheets (roadmap items
27, 33, 34, 39; see `exports.EXPORTS`).

Records belong to the period by the local day they happened on (UTC+5). An observation
card is counts per behaviour category: the people observed are never named, and the
near-miss sheet names no reporter either. Accidents are those that count (not deleted,
not replaced by a correction, `incident_stats.current_accidents`), with their victims
(IIN as text), causes and measures, and every legal deadline beside the day it was met.
Rows come in id order, so the same data gives the same sheets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.accident_deadlines import deadline_rules
from safedesk.db.export_helpers import NOBODY, Units, flag, local, moments, people
from safedesk.db.exports import Kind, Sheet, Value
from safedesk.db.holidays import work_calendar
from safedesk.db.incident_stats import current_accidents
from safedesk.db.models import (
    Accident,
    AccidentCause,
    AccidentVictim,
    NearMiss,
    Observation,
    ObservationCount,
)
from safedesk.domain.accidents import Step, accident_steps
from safedesk.domain.incidents import BehaviourCategory
from safedesk.i18n import N_

T, D, N, ID = Kind.TEXT, Kind.DATE, Kind.NUMBER, Kind.IIN

# Two columns per behaviour category on the observation sheet, in the enum's order.
COUNT_HEADERS: dict[BehaviourCategory, tuple[str, str]] = {
    BehaviourCategory.PPE: (N_("PPE use: safe"), N_("PPE use: at risk")),
    BehaviourCategory.BODY_POSITION: (N_("Body position: safe"), N_("Body position: at risk")),
    BehaviourCategory.TOOLS: (N_("Tools and equipment: safe"), N_("Tools and equipment: at risk")),
    BehaviourCategory.PROCEDURES: (
        N_("Procedures and permits: safe"),
        N_("Procedures and permits: at risk"),
    ),
    BehaviourCategory.HOUSEKEEPING: (N_("Housekeeping: safe"), N_("Housekeeping: at risk")),
    BehaviourCategory.LINE_OF_FIRE: (N_("Line of fire: safe"), N_("Line of fire: at risk")),
}


def near_misses_sheet(session: Session, start: dt.date, end: dt.date) -> Sheet:
    first, last = moments(start, end)
    query = (
        select(NearMiss)
        .where(
            NearMiss.deleted_at.is_(None),
            NearMiss.occurred_at >= first,
            NearMiss.occurred_at < last,
        )
        .order_by(NearMiss.id)
    )
    found = list(session.scalars(query))
    units = Units(session)
    owners = people(session, (n.action_owner_id for n in found))
    rows: list[Sequence[Value]] = []
    for n in found:
        moment = local(n.occurred_at)
        rows.append(
            (
                n.id,
                moment.date(),
                moment.strftime("%H:%M"),
                *units.both(n.unit_id),
                n.place,
                n.category,
                n.severity,
                n.description,
                flag(n.anonymous),
                n.immediate_action,
                n.action,
                owners.get(n.action_owner_id or 0, NOBODY).name,
                n.action_due,
                n.status,
                n.closed_on,
                n.risk_row_id,
            )
        )
    return Sheet(
        "near_misses",
        N_("Near misses"),
        (
            N_("No."),
            N_("Date"),
            N_("Time"),
            N_("Unit (kk)"),
            N_("Unit (ru)"),
            N_("Place"),
            N_("Category"),
            N_("Potential severity"),
            N_("What happened"),
            N_("Reported anonymously (1 = yes)"),
            N_("Immediate action"),
            N_("Corrective action"),
            N_("Action owner"),
            N_("Action due"),
            N_("Status"),
            N_("Closed on"),
            N_("Risk row No."),
        ),
        (N, D, T, T, T, T, T, T, T, N, T, T, T, D, T, D, N),
        rows,
    )


def observations_sheet(session: Session, start: dt.date, end: dt.date) -> Sheet:
    query = (
        select(Observation)
        .where(
            Observation.deleted_at.is_(None),
            Observation.observed_on >= start,
            Observation.observed_on <= end,
        )
        .order_by(Observation.id)
    )
    found = list(session.scalars(query))
    counts: dict[tuple[int, str], tuple[int, int]] = {
        (card, category): (safe, at_risk)
        for card, category, safe, at_risk in session.execute(
            select(
                ObservationCount.observation_id,
                ObservationCount.category,
                ObservationCount.safe,
                ObservationCount.at_risk,
            ).where(ObservationCount.observation_id.in_([o.id for o in found]))
        )
    }
    units = Units(session)
    observers = people(session, (o.observer_id for o in found))
    rows: list[Sequence[Value]] = []
    for o in found:
        per_category = [n for c in BehaviourCategory for n in counts.get((o.id, c.value), (0, 0))]
        rows.append(
            (
                o.id,
                o.observed_on,
                *units.both(o.unit_id),
                o.area,
                observers.get(o.observer_id, NOBODY).name,
                o.people_observed,
                *per_category,
                o.safe_total,
                o.at_risk_total,
                flag(o.conversation_held),
                o.action,
                o.action_due,
                o.status,
                o.closed_on,
            )
        )
    return Sheet(
        "observations",
        N_("Behavioural safety observations"),
        (
            N_("No."),
            N_("Date"),
            N_("Unit (kk)"),
            N_("Unit (ru)"),
            N_("Area"),
            N_("Observer"),
            N_("People observed"),
            *(h for c in BehaviourCategory for h in COUNT_HEADERS[c]),
            N_("Safe, total"),
            N_("At risk, total"),
            N_("Conversation held (1 = yes)"),
            N_("Corrective action"),
            N_("Action due"),
            N_("Status"),
            N_("Closed on"),
        ),
        (N, D, T, T, T, T, N, *(N,) * 2 * len(BehaviourCategory), N, N, N, T, D, T, D),
        rows,
    )


def accidents_in(session: Session, start: dt.date, end: dt.date) -> list[Accident]:
    query = select(Accident).where(*current_accidents(start, end)).order_by(Accident.id)
    return list(session.scalars(query))


def steps_on(steps: list[Step], end: dt.date) -> list[Step]:
    """The legal steps as they stood on `end`: a step done later was not done then."""
    return [Step(s.key, s.due, s.done if s.done and s.done <= end else None) for s in steps]


def accidents_sheet(session: Session, found: list[Accident], end: dt.date) -> Sheet:
    calendar = work_calendar(session)
    rules = deadline_rules(session)
    units = Units(session)
    corrected = dict(
        session.execute(
            select(Accident.id, Accident.number).where(
                Accident.id.in_(sorted({a.corrects_id for a in found if a.corrects_id}))
            )
        ).all()
    )
    rows: list[Sequence[Value]] = []
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
        missed = sum(1 for s in steps_on(steps, end) if s.late() or s.overdue(end))
        moment = local(a.occurred_at)
        rows.append(
            (
                a.id,
                a.number,
                moment.date(),
                moment.strftime("%H:%M"),
                *units.both(a.unit_id),
                a.place,
                a.classification,
                a.victims_count,
                a.days_lost,
                *(v for s in steps for v in (s.due, s.done)),
                a.commission_order_no,
                a.act_no,
                missed,
                flag(a.signed),
                corrected.get(a.corrects_id or 0, ""),
            )
        )
    return Sheet(
        "accidents",
        N_("Accidents at work"),
        (
            N_("No."),
            N_("Accident No."),
            N_("Date"),
            N_("Time"),
            N_("Unit (kk)"),
            N_("Unit (ru)"),
            N_("Place"),
            N_("Classification"),
            N_("Victims"),
            N_("Days of incapacity"),
            N_("Inspection to be notified by"),
            N_("Inspection notified on"),
            N_("Commission to be formed by"),
            N_("Commission formed on"),
            N_("Investigation to end by"),
            N_("Investigation ended on"),
            N_("Act to be sent by"),
            N_("Act dated"),
            N_("Commission order No."),
            N_("Act No."),
            N_("Deadlines missed"),
            N_("Act signed (1 = yes)"),
            N_("Corrects accident No."),
        ),
        (N, T, D, T, T, T, T, T, N, N, D, D, D, D, D, D, D, D, T, T, N, N, T),
        rows,
    )


def victims_sheet(session: Session, found: list[Accident]) -> Sheet:
    numbers = {a.id: a.number for a in found}
    query = (
        select(AccidentVictim)
        .where(AccidentVictim.accident_id.in_(list(numbers)))
        .order_by(AccidentVictim.id)
    )
    rows: list[Sequence[Value]] = [
        (
            v.id,
            numbers[v.accident_id],
            v.iin,
            v.full_name,
            v.position,
            v.employer,
            v.outcome,
            v.injury,
            v.days_lost,
        )
        for v in session.scalars(query)
    ]
    return Sheet(
        "accident_victims",
        N_("Accident victims"),
        (
            N_("No."),
            N_("Accident No."),
            N_("IIN"),
            N_("Full name"),
            N_("Position"),
            N_("Employer (contractor)"),
            N_("Outcome"),
            N_("Injury"),
            N_("Days of incapacity"),
        ),
        (N, T, ID, T, T, T, T, T, N),
        rows,
    )


def causes_sheet(session: Session, found: list[Accident]) -> Sheet:
    numbers = {a.id: a.number for a in found}
    query = (
        select(AccidentCause)
        .where(AccidentCause.accident_id.in_(list(numbers)))
        .order_by(AccidentCause.id)
    )
    causes = list(session.scalars(query))
    owners = people(session, (c.owner_id for c in causes))
    rows: list[Sequence[Value]] = [
        (
            c.id,
            numbers[c.accident_id],
            c.kind,
            c.description,
            c.measure,
            owners.get(c.owner_id or 0, NOBODY).name,
            c.due,
            c.done_on,
            c.risk_row_id,
        )
        for c in causes
    ]
    return Sheet(
        "accident_causes",
        N_("Accident causes and measures"),
        (
            N_("No."),
            N_("Accident No."),
            N_("Kind of cause"),
            N_("Cause"),
            N_("Measure"),
            N_("Measure owner"),
            N_("Measure due"),
            N_("Done on"),
            N_("Risk row No."),
        ),
        (N, T, T, T, T, T, D, D, N),
        rows,
    )


def export_sheets(session: Session, start: dt.date, end: dt.date) -> list[Sheet]:
    found = accidents_in(session, start, end)
    return [
        near_misses_sheet(session, start, end),
        observations_sheet(session, start, end),
        accidents_sheet(session, found, end),
        victims_sheet(session, found),
        causes_sheet(session, found),
    ]
