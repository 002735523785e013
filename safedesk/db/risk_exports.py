"""The risk register (issue 6) as package sheets: assessments, their rows, the action plan,
SLAM cards and 5S audits (roadmap items 1 and 18; see `exports.EXPORTS`).

An assessment belongs to the period when it was made in it or is in force at its end
(`risk_coverage.in_force`, the rule indicator 40 counts by); its rows and their actions
come with it. SLAM cards and 5S audits are those dated in the period. Rows come in id
order, so the same data gives the same sheets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from safedesk.db.export_helpers import NOBODY, Units, flag, people
from safedesk.db.exports import Kind, Sheet, Value
from safedesk.db.models import (
    FiveSAudit,
    Position,
    RiskAssessment,
    RiskControl,
    RiskMatrix,
    RiskRow,
    SlamCard,
)
from safedesk.db.risk_coverage import in_force
from safedesk.domain.risk_controls import ActionStatus
from safedesk.domain.risk_coverage import FiveS, five_s_result
from safedesk.i18n import N_

T, D, N, ID = Kind.TEXT, Kind.DATE, Kind.NUMBER, Kind.IIN

OPEN, OVERDUE, DONE, CANCELLED = "open", "overdue", "done", "cancelled"


def assessments_of(start: dt.date, end: dt.date) -> list[ColumnElement[bool]]:
    """Conditions of an assessment made in [start, end] or in force on `end`."""
    return [
        RiskAssessment.deleted_at.is_(None),
        or_(
            and_(RiskAssessment.assessed_on >= start, RiskAssessment.assessed_on <= end),
            and_(*in_force(end)),
        ),
    ]


def is_in_force(a: RiskAssessment, end: dt.date) -> bool:
    return a.superseded_on is None and a.assessed_on <= end <= a.next_review


def action_state_on(status: str, deadline: dt.date, done_on: dt.date | None, end: dt.date) -> str:
    """How an action stood on `end`: done then, cancelled, or open (overdue when late).

    An action done after `end` was still open on it.
    """
    if status == ActionStatus.CANCELLED.value:
        return CANCELLED
    if status == ActionStatus.DONE.value and done_on is not None and done_on <= end:
        return DONE
    return OVERDUE if deadline < end else OPEN


def _assessments(session: Session, start: dt.date, end: dt.date) -> list[RiskAssessment]:
    query = select(RiskAssessment).where(*assessments_of(start, end)).order_by(RiskAssessment.id)
    return list(session.scalars(query))


def assessments_sheet(
    session: Session, found: list[RiskAssessment], rows_found: list[RiskRow], end: dt.date
) -> Sheet:
    units = Units(session)
    positions = {
        int(i): (kk, ru)
        for i, kk, ru in session.execute(select(Position.id, Position.name_kk, Position.name_ru))
    }
    editions = dict(session.execute(select(RiskMatrix.id, RiskMatrix.edition)).all())
    numbers = {a.id: a.number for a in found}
    replaced = {a.replaces_id for a in found if a.replaces_id is not None} - set(numbers)
    if replaced:
        numbers.update(
            session.execute(
                select(RiskAssessment.id, RiskAssessment.number).where(
                    RiskAssessment.id.in_(sorted(replaced))
                )
            ).all()
        )
    counts: dict[int, int] = {}
    for r in rows_found:
        counts[r.assessment_id] = counts.get(r.assessment_id, 0) + 1
    rows: list[Sequence[Value]] = []
    for a in found:
        listed = [positions.get(p, ("", "")) for p in a.position_ids or []]
        rows.append(
            (
                a.id,
                a.number,
                *units.both(a.unit_id),
                a.area,
                "; ".join(p[0] for p in listed),
                "; ".join(p[1] for p in listed),
                flag(not listed),
                a.assessed_on,
                a.next_review,
                a.review_requested_on,
                numbers.get(a.replaces_id or 0, ""),
                a.superseded_on,
                flag(is_in_force(a, end)),
                editions.get(a.matrix_id),
                counts.get(a.id, 0),
            )
        )
    return Sheet(
        "risk_assessments",
        N_("Risk assessments (WRAC)"),
        (
            N_("No."),
            N_("Assessment No."),
            N_("Unit (kk)"),
            N_("Unit (ru)"),
            N_("Area, process or task"),
            N_("Positions (kk)"),
            N_("Positions (ru)"),
            N_("The whole unit (1 = yes)"),
            N_("Assessed on"),
            N_("Next review"),
            N_("Review requested on"),
            N_("Replaces assessment No."),
            N_("Superseded on"),
            N_("In force at the end of the period (1 = yes)"),
            N_("Risk matrix edition"),
            N_("Hazards assessed"),
        ),
        (N, T, T, T, T, T, T, N, D, D, D, T, D, N, N, N),
        rows,
    )


def _live_rows(session: Session, found: list[RiskAssessment]) -> list[RiskRow]:
    query = (
        select(RiskRow)
        .where(RiskRow.deleted_at.is_(None), RiskRow.assessment_id.in_([a.id for a in found]))
        .order_by(RiskRow.id)
    )
    return list(session.scalars(query))


def rows_sheet(found: list[RiskAssessment], rows_found: list[RiskRow]) -> Sheet:
    numbers = {a.id: a.number for a in found}
    rows: list[Sequence[Value]] = [
        (
            r.id,
            numbers.get(r.assessment_id, ""),
            r.line_no,
            r.activity,
            r.hazard,
            r.unwanted_event,
            r.exposed,
            r.existing_controls,
            r.likelihood,
            r.consequence,
            r.initial_score,
            r.initial_band,
            r.residual_likelihood,
            r.residual_consequence,
            r.residual_score,
            r.residual_band,
        )
        for r in rows_found
    ]
    return Sheet(
        "risk_rows",
        N_("Hazards and risk ratings"),
        (
            N_("No."),
            N_("Assessment No."),
            N_("Line No."),
            N_("Activity"),
            N_("Hazard"),
            N_("Unwanted event"),
            N_("Who is exposed"),
            N_("Existing controls"),
            N_("Likelihood"),
            N_("Consequence"),
            N_("Initial score"),
            N_("Initial band"),
            N_("Residual likelihood"),
            N_("Residual consequence"),
            N_("Residual score"),
            N_("Residual band"),
        ),
        (N, T, N, T, T, T, T, T, N, N, N, T, N, N, N, T),
        rows,
    )


def controls_sheet(
    session: Session, found: list[RiskAssessment], rows_found: list[RiskRow], end: dt.date
) -> Sheet:
    numbers = {a.id: a.number for a in found}
    lines = {r.id: (numbers.get(r.assessment_id, ""), r.line_no) for r in rows_found}
    query = (
        select(RiskControl)
        .where(RiskControl.deleted_at.is_(None), RiskControl.row_id.in_(list(lines)))
        .order_by(RiskControl.id)
    )
    controls = list(session.scalars(query))
    owners = people(session, (c.owner_id for c in controls))
    rows: list[Sequence[Value]] = []
    for c in controls:
        owner = owners.get(c.owner_id, NOBODY)
        number, line = lines[c.row_id]
        rows.append(
            (
                c.id,
                number,
                line,
                c.description,
                c.hierarchy,
                owner.iin,
                owner.name,
                c.deadline,
                c.status,
                c.done_on,
                action_state_on(c.status, c.deadline, c.done_on, end),
            )
        )
    return Sheet(
        "risk_controls",
        N_("Risk control action plan"),
        (
            N_("No."),
            N_("Assessment No."),
            N_("Line No."),
            N_("Action"),
            N_("Level of the hierarchy of controls"),
            N_("Owner's IIN"),
            N_("Owner"),
            N_("Deadline"),
            N_("Status"),
            N_("Done on"),
            N_("State at the end of the period"),
        ),
        (N, T, N, T, T, ID, T, D, T, D, T),
        rows,
    )


def slam_sheet(session: Session, start: dt.date, end: dt.date) -> Sheet:
    query = (
        select(SlamCard)
        .where(
            SlamCard.deleted_at.is_(None), SlamCard.card_date >= start, SlamCard.card_date <= end
        )
        .order_by(SlamCard.id)
    )
    cards = list(session.scalars(query))
    units = Units(session)
    workers = people(session, (c.worker_id for c in cards))
    rows: list[Sequence[Value]] = []
    for c in cards:
        worker = workers.get(c.worker_id, NOBODY)
        rows.append(
            (
                c.id,
                c.card_date,
                c.card_time,
                *units.both(c.unit_id),
                c.place,
                c.task,
                worker.iin,
                worker.name,
                c.hazards,
                c.controls,
                flag(c.work_stopped),
                flag(c.supervisor_told),
                c.risk_row_id,
            )
        )
    return Sheet(
        "slam_cards",
        N_("SLAM cards"),
        (
            N_("No."),
            N_("Date"),
            N_("Time"),
            N_("Unit (kk)"),
            N_("Unit (ru)"),
            N_("Place"),
            N_("Task"),
            N_("Worker's IIN"),
            N_("Worker"),
            N_("Hazards found"),
            N_("Controls taken"),
            N_("Work stopped (1 = yes)"),
            N_("Supervisor told (1 = yes)"),
            N_("Risk row No."),
        ),
        (N, D, T, T, T, T, T, ID, T, T, T, N, N, N),
        rows,
    )


def five_s_sheet(session: Session, start: dt.date, end: dt.date) -> Sheet:
    query = (
        select(FiveSAudit)
        .where(
            FiveSAudit.deleted_at.is_(None),
            FiveSAudit.audit_date >= start,
            FiveSAudit.audit_date <= end,
        )
        .order_by(FiveSAudit.id)
    )
    audits = list(session.scalars(query))
    units = Units(session)
    auditors = people(session, (a.auditor_id for a in audits))
    rows: list[Sequence[Value]] = []
    for a in audits:
        auditor = auditors.get(a.auditor_id, NOBODY)
        scored = [
            (FiveS(i["s"]), int(i["score"]))
            for i in a.items or []
            if i.get("s") in FiveS._value2member_map_
        ]
        per_s = five_s_result(scored).per_s
        rows.append(
            (
                a.id,
                a.audit_date,
                *units.both(a.unit_id),
                a.area,
                a.shift,
                auditor.iin,
                auditor.name,
                *(per_s.get(s) for s in FiveS),
                a.total_percent,
                a.actions,
            )
        )
    return Sheet(
        "five_s_audits",
        N_("5S audits"),
        (
            N_("No."),
            N_("Date"),
            N_("Unit (kk)"),
            N_("Unit (ru)"),
            N_("Area"),
            N_("Shift"),
            N_("Auditor's IIN"),
            N_("Auditor"),
            N_("Sort, %"),
            N_("Set in order, %"),
            N_("Shine, %"),
            N_("Standardise, %"),
            N_("Sustain, %"),
            N_("Total, %"),
            N_("Actions"),
        ),
        (N, D, T, T, T, T, ID, T, N, N, N, N, N, N, T),
        rows,
    )


def export_sheets(session: Session, start: dt.date, end: dt.date) -> list[Sheet]:
    found = _assessments(session, start, end)
    rows_found = _live_rows(session, found)
    return [
        assessments_sheet(session, found, rows_found, end),
        rows_sheet(found, rows_found),
        controls_sheet(session, found, rows_found, end),
        slam_sheet(session, start, end),
        five_s_sheet(session, start, end),
    ]
