"""The training registers as package sheets (see `exports.EXPORTS`): briefings, knowledge
checks, certificates, contractors with their workers, briefings and checks, OHS days.

A row belongs to the period when it happened in it (a briefing, a check, an OHS day) or
was in force at some day of it (a certificate, a contract, a worker on the site). People
are named by IIN and full name; the employees sheet holds the rest. Rows in id order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session, aliased

from safedesk.db.contractor_exports import (
    contractor_briefings_sheet,
    contractor_checks_sheet,
    contractor_workers_sheet,
    contractors_sheet,
)
from safedesk.db.exports import Kind, Sheet, Value
from safedesk.db.models import (
    Briefing,
    Certificate,
    CheckCommission,
    CheckResult,
    CheckSession,
    Contractor,
    ContractorWorker,
    Employee,
    SafetyDay,
    SafetyDayAttendance,
)
from safedesk.db.training_exports_names import person
from safedesk.db.units import unit_paths
from safedesk.i18n import N_

T, D, N, ID = Kind.TEXT, Kind.DATE, Kind.NUMBER, Kind.IIN
Instructor = aliased(Employee)


def briefings_sheet(session: Session, start: dt.date, end: dt.date) -> Sheet:
    query = (
        select(
            Briefing.id,
            Briefing.held_on,
            Briefing.kind,
            Employee.iin,
            Employee.surname,
            Employee.name,
            Employee.patronymic,
            Instructor.surname,
            Instructor.name,
            Instructor.patronymic,
            Briefing.topic,
            Briefing.instructions,
            Briefing.reason,
            Briefing.next_due,
        )
        .join(Employee, Briefing.employee_id == Employee.id)
        .join(Instructor, Briefing.instructor_id == Instructor.id)
        .where(Briefing.deleted_at.is_(None), Briefing.held_on.between(start, end))
        .order_by(Briefing.id)
    )
    rows: list[Sequence[Value]] = [
        (r[0], r[1], r[2], r[3], person(r[4], r[5], r[6]), person(r[7], r[8], r[9]), *r[10:])
        for r in session.execute(query)
    ]
    return Sheet(
        "briefings",
        N_("Briefings"),
        (
            N_("No."),
            N_("Date"),
            N_("Kind"),
            N_("IIN"),
            N_("Full name"),
            N_("Instructor"),
            N_("Topic"),
            N_("Instructions No."),
            N_("Reason"),
            N_("Next due"),
        ),
        (N, D, T, ID, T, T, T, T, T, D),
        rows,
    )


def knowledge_checks_sheet(session: Session, start: dt.date, end: dt.date) -> Sheet:
    query = (
        select(
            CheckResult.id,
            CheckSession.number,
            CheckSession.held_on,
            CheckSession.kind,
            CheckCommission.order_no,
            CheckSession.external_body,
            CheckSession.signed_on,
            Employee.iin,
            Employee.surname,
            Employee.name,
            Employee.patronymic,
            CheckResult.outcome,
            CheckResult.score,
            CheckResult.certificate_no,
            CheckResult.valid_until,
        )
        .join(CheckSession, CheckResult.session_id == CheckSession.id)
        .join(Employee, CheckResult.employee_id == Employee.id)
        .outerjoin(CheckCommission, CheckSession.commission_id == CheckCommission.id)
        .where(CheckSession.deleted_at.is_(None), CheckSession.held_on.between(start, end))
        .order_by(CheckResult.id)
    )
    rows: list[Sequence[Value]] = [
        (*r[:8], person(r[8], r[9], r[10]), *r[11:]) for r in session.execute(query)
    ]
    return Sheet(
        "knowledge_checks",
        N_("Knowledge checks"),
        (
            N_("No."),
            N_("Protocol No."),
            N_("Date"),
            N_("Kind"),
            N_("Commission order No."),
            N_("Checked by"),
            N_("Signed on"),
            N_("IIN"),
            N_("Full name"),
            N_("Result"),
            N_("Test score, %"),
            N_("Certificate No."),
            N_("Valid to"),
        ),
        (N, T, D, T, T, T, D, ID, T, T, N, T, D),
        rows,
    )


def certificates_sheet(session: Session, start: dt.date, end: dt.date) -> Sheet:
    query = (
        select(
            Certificate.id,
            Employee.iin,
            Employee.surname,
            Employee.name,
            Employee.patronymic,
            ContractorWorker.iin,
            ContractorWorker.surname,
            ContractorWorker.name,
            ContractorWorker.patronymic,
            Contractor.name,
            Certificate.kind,
            Certificate.electrical_group,
            Certificate.number,
            Certificate.issued_by,
            Certificate.issued_on,
            Certificate.valid_to,
        )
        .outerjoin(Employee, Certificate.employee_id == Employee.id)
        .outerjoin(ContractorWorker, Certificate.contractor_worker_id == ContractorWorker.id)
        .outerjoin(Contractor, ContractorWorker.contractor_id == Contractor.id)
        .where(
            Certificate.deleted_at.is_(None),
            Certificate.issued_on <= end,
            or_(Certificate.valid_to.is_(None), Certificate.valid_to >= start),
        )
        .order_by(Certificate.id)
    )
    rows: list[Sequence[Value]] = []
    for r in session.execute(query):
        own = r[1] is not None
        rows.append(
            (
                r[0],
                r[1] if own else r[5],
                person(r[2], r[3], r[4]) if own else person(r[6], r[7], r[8]),
                "" if own else r[9],
                *r[10:],
            )
        )
    return Sheet(
        "certificates",
        N_("Certificates"),
        (
            N_("No."),
            N_("IIN"),
            N_("Full name"),
            N_("Contractor"),
            N_("Kind"),
            N_("Electrical-safety group"),
            N_("Certificate No."),
            N_("Issued by"),
            N_("Issued on"),
            N_("Valid to"),
        ),
        (N, ID, T, T, T, N, T, T, D, D),
        rows,
    )


def safety_days_sheets(session: Session, start: dt.date, end: dt.date) -> list[Sheet]:
    units = unit_paths(session, "ru")
    counted = (
        select(
            SafetyDayAttendance.safety_day_id.label("day_id"),
            func.count().label("listed"),
            func.sum(case((SafetyDayAttendance.present.is_(True), 1), else_=0)).label("present"),
        )
        .group_by(SafetyDayAttendance.safety_day_id)
        .subquery()
    )
    days = session.execute(
        select(
            SafetyDay.id,
            SafetyDay.held_on,
            SafetyDay.kind,
            SafetyDay.topic,
            SafetyDay.unit_id,
            Employee.surname,
            Employee.name,
            Employee.patronymic,
            SafetyDay.place,
            counted.c.listed,
            counted.c.present,
        )
        .outerjoin(Employee, SafetyDay.leader_id == Employee.id)
        .outerjoin(counted, counted.c.day_id == SafetyDay.id)
        .where(SafetyDay.deleted_at.is_(None), SafetyDay.held_on.between(start, end))
        .order_by(SafetyDay.id)
    ).all()
    day_rows: list[Sequence[Value]] = [
        (
            r[0],
            r[1],
            r[2],
            r[3],
            units.get(r[4], "") if r[4] else "",
            person(r[5], r[6], r[7]),
            r[8],
            int(r[9] or 0),
            int(r[10] or 0),
        )
        for r in days
    ]
    people = session.execute(
        select(
            SafetyDayAttendance.id,
            SafetyDayAttendance.safety_day_id,
            Employee.iin,
            Employee.surname,
            Employee.name,
            Employee.patronymic,
            SafetyDayAttendance.present,
        )
        .join(Employee, SafetyDayAttendance.employee_id == Employee.id)
        .where(SafetyDayAttendance.safety_day_id.in_([r[0] for r in days]))
        .order_by(SafetyDayAttendance.id)
    )
    attendance_rows: list[Sequence[Value]] = [
        (r[0], r[1], r[2], person(r[3], r[4], r[5]), int(bool(r[6]))) for r in people
    ]
    return [
        Sheet(
            "safety_days",
            N_("OHS days"),
            (
                N_("No."),
                N_("Date"),
                N_("Kind"),
                N_("Topic"),
                N_("Unit"),
                N_("Led by"),
                N_("Place"),
                N_("Listed"),
                N_("Present"),
            ),
            (N, D, T, T, T, T, T, N, N),
            day_rows,
        ),
        Sheet(
            "safety_day_attendance",
            N_("Attendance of OHS days"),
            (N_("No."), N_("OHS day No."), N_("IIN"), N_("Full name"), N_("Present")),
            (N, N, ID, T, N),
            attendance_rows,
        ),
    ]


def export_sheets(session: Session, start: dt.date, end: dt.date) -> list[Sheet]:
    return [
        briefings_sheet(session, start, end),
        knowledge_checks_sheet(session, start, end),
        certificates_sheet(session, start, end),
        contractors_sheet(session, start, end),
        contractor_workers_sheet(session, start, end),
        contractor_briefings_sheet(session, start, end),
        contractor_checks_sheet(session, start, end),
        *safety_days_sheets(session, start, end),
    ]
