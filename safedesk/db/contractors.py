"""Contractor organisations and their workers (roadmap items 12, 24, 31), and whether a
contractor's worker may be admitted to work on a day — what a permit-to-work asks.

The briefings and checks of contractors' workers are written in `contractor_training.py`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from safedesk.db.models import Contractor, ContractorWorker
from safedesk.db.rows import check_version, get_row, insert, refuse, update
from safedesk.db.types import utcnow
from safedesk.domain.collation import search_text, sort_key
from safedesk.domain.contractors import (
    admission_complaints,
    contractor_complaints,
    worker_complaints,
)
from safedesk.domain.ids import normalise_id
from safedesk.domain.people import full_name
from safedesk.errors import Problem
from safedesk.i18n import N_


@dataclass
class ContractorFields:
    name: str
    bin: str
    address: str = ""
    contact: str = ""
    contract_no: str = ""
    contract_from: dt.date | None = None
    contract_to: dt.date | None = None
    parent_id: int | None = None
    scope: str = ""
    note: str = ""


@dataclass
class WorkerFields:
    contractor_id: int | None
    iin: str
    surname: str
    name: str
    patronymic: str = ""
    position: str = ""
    electrical_group: int | None = None
    arrived_on: dt.date | None = None
    left_on: dt.date | None = None


# -- organisations ---------------------------------------------------------------------
def contractor_problems(
    session: Session, fields: ContractorFields, contractor_id: int | None = None
) -> list[Problem]:
    found = [
        Problem(c.field, c.msgid, dict(c.values))
        for c in contractor_complaints(
            name=fields.name,
            bin_=fields.bin,
            contract_from=fields.contract_from,
            contract_to=fields.contract_to,
        )
    ]
    if fields.parent_id is not None:
        parent = session.get(Contractor, fields.parent_id)
        if parent is None or parent.deleted_at is not None or parent.id == contractor_id:
            found.append(Problem("parent_id", N_("Choose the contractor that engaged this one.")))
    return found


def _contractor_values(fields: ContractorFields) -> dict[str, object]:
    return {
        "name": fields.name.strip(),
        "bin": normalise_id(fields.bin),
        "address": fields.address.strip(),
        "contact": fields.contact.strip(),
        "contract_no": fields.contract_no.strip(),
        "contract_from": fields.contract_from,
        "contract_to": fields.contract_to,
        "parent_id": fields.parent_id,
        "scope": fields.scope.strip(),
        "note": fields.note.strip(),
    }


def add_contractor(session: Session, fields: ContractorFields) -> Contractor:
    fields.bin = normalise_id(fields.bin)
    refuse(contractor_problems(session, fields))
    row = Contractor(**_contractor_values(fields), created_by=str(session.info.get("user", "")))
    insert(session, row)
    return row


def update_contractor(
    session: Session, contractor_id: int, version: int | None, fields: ContractorFields
) -> Contractor:
    row = get_row(session, Contractor, contractor_id, N_("Contractor"))
    check_version(row, version)
    fields.bin = normalise_id(fields.bin)
    refuse(contractor_problems(session, fields, contractor_id))
    update(session, row, _contractor_values(fields))
    return row


def delete_contractor(session: Session, contractor_id: int, version: int | None) -> None:
    row = get_row(session, Contractor, contractor_id, N_("Contractor"))
    check_version(row, version)
    update(session, row, {"deleted_at": utcnow()})


def contractors(session: Session) -> list[Contractor]:
    return list(
        session.scalars(
            select(Contractor).where(Contractor.deleted_at.is_(None)).order_by(Contractor.name)
        )
    )


# -- workers ---------------------------------------------------------------------------
def worker_problems(
    session: Session, fields: WorkerFields, worker_id: int | None = None
) -> list[Problem]:
    found: list[Problem] = []
    contractor = session.get(Contractor, fields.contractor_id) if fields.contractor_id else None
    if contractor is None or contractor.deleted_at is not None:
        found.append(Problem("contractor_id", N_("Choose the contractor.")))
    found += [
        Problem(c.field, c.msgid, dict(c.values))
        for c in worker_complaints(
            iin=fields.iin,
            surname=fields.surname,
            name=fields.name,
            electrical_group=fields.electrical_group,
            arrived_on=fields.arrived_on,
            left_on=fields.left_on,
        )
    ]
    if contractor is not None and fields.iin:
        twin = session.scalar(
            select(ContractorWorker.id).where(
                ContractorWorker.contractor_id == contractor.id,
                ContractorWorker.iin == fields.iin,
                ContractorWorker.deleted_at.is_(None),
                ContractorWorker.id != (worker_id or 0),
            )
        )
        if twin is not None:
            found.append(
                Problem(
                    "iin",
                    N_("IIN {number} is already on this contractor's list."),
                    {"number": fields.iin},
                )
            )
    return found


def _worker_values(fields: WorkerFields) -> dict[str, object]:
    surname, name, patronymic = (
        fields.surname.strip(),
        fields.name.strip(),
        fields.patronymic.strip(),
    )
    return {
        "contractor_id": fields.contractor_id,
        "iin": fields.iin,
        "surname": surname,
        "name": name,
        "patronymic": patronymic,
        "position": fields.position.strip(),
        "electrical_group": fields.electrical_group,
        "arrived_on": fields.arrived_on,
        "left_on": fields.left_on,
        "search_text": search_text(surname, name, patronymic, fields.iin),
        "sort_name": sort_key(full_name(surname, name, patronymic)),
    }


def add_worker(session: Session, fields: WorkerFields) -> ContractorWorker:
    fields.iin = normalise_id(fields.iin)
    refuse(worker_problems(session, fields))
    row = ContractorWorker(**_worker_values(fields), created_by=str(session.info.get("user", "")))
    insert(session, row)
    return row


def update_worker(
    session: Session, worker_id: int, version: int | None, fields: WorkerFields
) -> ContractorWorker:
    row = get_row(session, ContractorWorker, worker_id, N_("Contractor's worker"))
    check_version(row, version)
    fields.iin = normalise_id(fields.iin)
    refuse(worker_problems(session, fields, worker_id))
    update(session, row, _worker_values(fields))
    return row


def delete_worker(session: Session, worker_id: int, version: int | None) -> None:
    row = get_row(session, ContractorWorker, worker_id, N_("Contractor's worker"))
    check_version(row, version)
    update(session, row, {"deleted_at": utcnow()})


def workers_on_site(
    session: Session, on: dt.date, contractor_id: int | None = None
) -> list[ContractorWorker]:
    """The contractors' workers on the site on `on` under a contract in force, by name."""
    query = (
        select(ContractorWorker)
        .join(Contractor, ContractorWorker.contractor_id == Contractor.id)
        .where(
            ContractorWorker.deleted_at.is_(None),
            Contractor.deleted_at.is_(None),
            or_(ContractorWorker.arrived_on.is_(None), ContractorWorker.arrived_on <= on),
            or_(ContractorWorker.left_on.is_(None), ContractorWorker.left_on >= on),
            or_(Contractor.contract_from.is_(None), Contractor.contract_from <= on),
            or_(Contractor.contract_to.is_(None), Contractor.contract_to >= on),
        )
    )
    if contractor_id is not None:
        query = query.where(ContractorWorker.contractor_id == contractor_id)
    return list(session.scalars(query.order_by(ContractorWorker.sort_name)))


def contractor_worker_admissible(session: Session, worker_id: int, on: dt.date) -> list[Problem]:
    """Why a contractor's worker may not work on `on`; empty when they may.

    Asked by the permit-to-work: the worker is on the site, the contract is in force,
    the client's introductory and workplace briefings are recorded and current, and a
    passed knowledge check is in force.
    """
    from safedesk.db.contractor_training import (
        check_in_force,
        last_contractor_briefing,
    )
    from safedesk.domain.training import CLOCK_KINDS, BriefingKind

    worker = session.get(ContractorWorker, worker_id)
    if worker is None or worker.deleted_at is not None:
        return [
            Problem("worker", N_("Contractor's worker No. {id} does not exist."), {"id": worker_id})
        ]
    contractor = worker.contractor
    if contractor.deleted_at is not None:
        return [
            Problem("worker", N_("The contractor {name} is deleted."), {"name": contractor.name})
        ]
    intro = last_contractor_briefing(session, worker_id, [BriefingKind.INTRODUCTORY], on)
    workplace = last_contractor_briefing(session, worker_id, list(CLOCK_KINDS), on)
    complaints = admission_complaints(
        person=full_name(worker.surname, worker.name, worker.patronymic),
        on=on,
        left_on=worker.left_on,
        arrived_on=worker.arrived_on,
        contract_from=contractor.contract_from,
        contract_to=contractor.contract_to,
        introductory_on=intro.held_on if intro else None,
        workplace_on=workplace.held_on if workplace else None,
        workplace_due=workplace.next_due if workplace else None,
        check_valid=check_in_force(session, worker_id, on) is not None,
    )
    return [Problem(c.field, c.msgid, dict(c.values)) for c in complaints]
