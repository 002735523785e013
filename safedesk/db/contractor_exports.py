"""Contractors, their workers, and the client's briefings and checks of those workers as
package sheets; part of `training_exports.export_sheets` (roadmap items 12, 24, 31).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from safedesk.db.exports import Kind, Sheet, Value
from safedesk.db.models import (
    Contractor,
    ContractorBriefing,
    ContractorCheck,
    ContractorWorker,
    Employee,
)
from safedesk.db.training_exports_names import person
from safedesk.i18n import N_

T, D, N, ID = Kind.TEXT, Kind.DATE, Kind.NUMBER, Kind.IIN


def _contracted(start: dt.date, end: dt.date) -> list[ColumnElement[bool]]:
    return [
        Contractor.deleted_at.is_(None),
        or_(Contractor.contract_from.is_(None), Contractor.contract_from <= end),
        or_(Contractor.contract_to.is_(None), Contractor.contract_to >= start),
    ]


def contractors_sheet(session: Session, start: dt.date, end: dt.date) -> Sheet:
    query = (
        select(
            Contractor.id,
            Contractor.name,
            Contractor.bin,
            Contractor.address,
            Contractor.contact,
            Contractor.contract_no,
            Contractor.contract_from,
            Contractor.contract_to,
            Contractor.parent_id,
            Contractor.scope,
        )
        .where(*_contracted(start, end))
        .order_by(Contractor.id)
    )
    return Sheet(
        "contractors",
        N_("Contractors"),
        (
            N_("No."),
            N_("Name"),
            N_("BIN"),
            N_("Address"),
            N_("Contact"),
            N_("Contract No."),
            N_("Contract from"),
            N_("Contract to"),
            N_("Sub-contractor of"),
            N_("Work contracted"),
        ),
        (N, T, ID, T, T, T, D, D, N, T),
        [tuple(r) for r in session.execute(query)],
    )


def contractor_workers_sheet(session: Session, start: dt.date, end: dt.date) -> Sheet:
    query = (
        select(
            ContractorWorker.id,
            ContractorWorker.contractor_id,
            ContractorWorker.iin,
            ContractorWorker.surname,
            ContractorWorker.name,
            ContractorWorker.patronymic,
            ContractorWorker.position,
            ContractorWorker.electrical_group,
            ContractorWorker.arrived_on,
            ContractorWorker.left_on,
        )
        .join(Contractor, ContractorWorker.contractor_id == Contractor.id)
        .where(
            ContractorWorker.deleted_at.is_(None),
            or_(ContractorWorker.left_on.is_(None), ContractorWorker.left_on >= start),
            or_(ContractorWorker.arrived_on.is_(None), ContractorWorker.arrived_on <= end),
            *_contracted(start, end),
        )
        .order_by(ContractorWorker.id)
    )
    return Sheet(
        "contractor_workers",
        N_("Contractors' workers"),
        (
            N_("No."),
            N_("Contractor No."),
            N_("IIN"),
            N_("Surname"),
            N_("Name"),
            N_("Patronymic"),
            N_("Position"),
            N_("Electrical-safety group"),
            N_("On the site from"),
            N_("Left the site on"),
        ),
        (N, N, ID, T, T, T, T, N, D, D),
        [tuple(r) for r in session.execute(query)],
    )


def contractor_briefings_sheet(session: Session, start: dt.date, end: dt.date) -> Sheet:
    query = (
        select(
            ContractorBriefing.id,
            ContractorBriefing.held_on,
            ContractorBriefing.kind,
            ContractorWorker.iin,
            ContractorWorker.surname,
            ContractorWorker.name,
            ContractorWorker.patronymic,
            Contractor.name,
            Employee.surname,
            Employee.name,
            Employee.patronymic,
            ContractorBriefing.topic,
            ContractorBriefing.next_due,
        )
        .join(ContractorWorker, ContractorBriefing.worker_id == ContractorWorker.id)
        .join(Contractor, ContractorWorker.contractor_id == Contractor.id)
        .join(Employee, ContractorBriefing.instructor_id == Employee.id)
        .where(
            ContractorBriefing.deleted_at.is_(None),
            ContractorBriefing.held_on.between(start, end),
        )
        .order_by(ContractorBriefing.id)
    )
    rows: list[Sequence[Value]] = [
        (*r[:4], person(r[4], r[5], r[6]), r[7], person(r[8], r[9], r[10]), r[11], r[12])
        for r in session.execute(query)
    ]
    return Sheet(
        "contractor_briefings",
        N_("Briefings of contractors' workers"),
        (
            N_("No."),
            N_("Date"),
            N_("Kind"),
            N_("IIN"),
            N_("Full name"),
            N_("Contractor"),
            N_("Instructor"),
            N_("Topic"),
            N_("Next due"),
        ),
        (N, D, T, ID, T, T, T, T, D),
        rows,
    )


def contractor_checks_sheet(session: Session, start: dt.date, end: dt.date) -> Sheet:
    query = (
        select(
            ContractorCheck.id,
            ContractorCheck.checked_on,
            ContractorWorker.iin,
            ContractorWorker.surname,
            ContractorWorker.name,
            ContractorWorker.patronymic,
            Contractor.name,
            ContractorCheck.outcome,
            ContractorCheck.checked_by,
            ContractorCheck.protocol_no,
            ContractorCheck.certificate_no,
            ContractorCheck.valid_until,
        )
        .join(ContractorWorker, ContractorCheck.worker_id == ContractorWorker.id)
        .join(Contractor, ContractorWorker.contractor_id == Contractor.id)
        .where(ContractorCheck.deleted_at.is_(None), ContractorCheck.checked_on.between(start, end))
        .order_by(ContractorCheck.id)
    )
    rows: list[Sequence[Value]] = [
        (r[0], r[1], r[2], person(r[3], r[4], r[5]), *r[6:]) for r in session.execute(query)
    ]
    return Sheet(
        "contractor_checks",
        N_("Knowledge checks of contractors' workers"),
        (
            N_("No."),
            N_("Date"),
            N_("IIN"),
            N_("Full name"),
            N_("Contractor"),
            N_("Result"),
            N_("Checked by"),
            N_("Protocol No."),
            N_("Certificate No."),
            N_("Valid to"),
        ),
        (N, D, ID, T, T, T, T, T, T, D),
        rows,
    )
