"""Certificates of external training (height work, electrical group, first aid…) of
employees and of contractors' workers; which are valid on a day, and which expire soon.

`valid_certificates` is what the permit-to-work asks before admitting a person.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from safedesk.db.due import Day, DueSource, SqlDue
from safedesk.db.models import Certificate, CertificateKind, ContractorWorker, Employee
from safedesk.db.rows import check_version, get_row, insert, refuse, update
from safedesk.db.types import utcnow
from safedesk.domain.certificates import certificate_complaints, default_valid_to
from safedesk.domain.due import DueItem
from safedesk.domain.people import full_name
from safedesk.errors import Problem
from safedesk.i18n import N_

CERTIFICATE_DUE = N_("Certificate")


@dataclass
class CertificateFields:
    """One certificate of one holder: an employee or a contractor's worker."""

    kind: str
    issued_on: dt.date
    employee_id: int | None = None
    contractor_worker_id: int | None = None
    number: str = ""
    issued_by: str = ""
    valid_to: dt.date | None = None
    electrical_group: int | None = None
    note: str = ""


def kinds(session: Session) -> list[CertificateKind]:
    return list(session.scalars(select(CertificateKind).order_by(CertificateKind.id)))


def kind_of(session: Session, code: str) -> CertificateKind | None:
    return session.scalar(select(CertificateKind).where(CertificateKind.code == code))


def usual_valid_to(session: Session, code: str, issued_on: dt.date) -> dt.date | None:
    """What the dialog proposes as "valid to" for a kind issued on `issued_on`."""
    kind = kind_of(session, code)
    return default_valid_to(issued_on, kind.valid_months if kind else None)


def update_kind(
    session: Session,
    kind_id: int,
    version: int | None,
    *,
    valid_months: int | None,
    legal_basis: str,
    edition: dt.date | None,
) -> CertificateKind:
    """Change a kind's usual validity; the legal basis and its edition are kept beside it."""
    row = get_row(session, CertificateKind, kind_id, N_("Certificate kind"))
    check_version(row, version)
    found: list[Problem] = []
    if valid_months is not None and not 1 <= valid_months <= 120:
        found.append(
            Problem("valid_months", N_("The value must be from 1 to {max}."), {"max": 120})
        )
    if not legal_basis.strip():
        found.append(Problem("legal_basis", N_("The legal basis is required.")))
    refuse(found)
    values = {"valid_months": valid_months, "legal_basis": legal_basis.strip(), "edition": edition}
    update(session, row, values)
    return row


def certificate_problems(
    session: Session, fields: CertificateFields, today: dt.date
) -> list[Problem]:
    found: list[Problem] = []
    if (fields.employee_id is None) == (fields.contractor_worker_id is None):
        found.append(
            Problem("holder", N_("Choose the holder: an employee or a contractor's worker."))
        )
    elif fields.employee_id is not None:
        e = session.get(Employee, fields.employee_id)
        if e is None or e.deleted_at is not None:
            found.append(
                Problem(
                    "holder", N_("Employee No. {id} does not exist."), {"id": fields.employee_id}
                )
            )
    else:
        w = session.get(ContractorWorker, fields.contractor_worker_id)
        if w is None or w.deleted_at is not None:
            found.append(
                Problem(
                    "holder",
                    N_("Contractor's worker No. {id} does not exist."),
                    {"id": fields.contractor_worker_id},
                )
            )
    kind = kind_of(session, fields.kind)
    found += [
        Problem(c.field, c.msgid, dict(c.values))
        for c in certificate_complaints(
            kind_known=kind is not None,
            electrical=bool(kind and kind.electrical),
            issued_on=fields.issued_on,
            valid_to=fields.valid_to,
            electrical_group=fields.electrical_group,
            today=today,
        )
    ]
    return found


def _values(fields: CertificateFields) -> dict[str, object]:
    return {
        "employee_id": fields.employee_id,
        "contractor_worker_id": fields.contractor_worker_id,
        "kind": fields.kind,
        "number": fields.number.strip(),
        "issued_by": fields.issued_by.strip(),
        "issued_on": fields.issued_on,
        "valid_to": fields.valid_to,
        "electrical_group": fields.electrical_group,
        "note": fields.note.strip(),
    }


# -- the latest of each kind ------------------------------------------------------------
# `Certificate.latest` marks each holder's latest certificate of each kind, the rule of
# `latest_certificates()`: among the group's certificates not deleted, the newest
# `issued_on`, on a tie the higher id (typed later). Every write that can change a group
# (a certificate added, its holder, kind or issue date edited, deleted) settles the
# groups it touches; each flag that changes is an audited update of its row.
Group = tuple[int | None, int | None, str]  # employee_id, contractor_worker_id, kind


def _group_of(row: Certificate) -> Group:
    return row.employee_id, row.contractor_worker_id, row.kind


def _group_rows(session: Session, group: Group) -> list[Certificate]:
    """The group's certificates not deleted: a holder's renewals of one kind, a few
    rows, read through the (holder, kind) indexes."""
    employee_id, worker_id, kind = group
    if employee_id is not None:
        holder = Certificate.employee_id == employee_id
    elif worker_id is not None:
        holder = Certificate.contractor_worker_id == worker_id
    else:
        return []
    return list(
        session.scalars(
            select(Certificate).where(
                holder, Certificate.kind == kind, Certificate.deleted_at.is_(None)
            )
        )
    )


def _settle_latest(session: Session, group: Group) -> None:
    """Flag the group's latest certificate, and only it (rows whose flag is already
    right are not written)."""
    rows = _group_rows(session, group)
    winner = max(rows, key=lambda r: (r.issued_on, r.id), default=None)
    for r in rows:
        if r.latest != (r is winner):
            update(session, r, {"latest": r is winner})


def _will_be_latest(session: Session, fields: CertificateFields, row_id: int | None) -> bool:
    """Whether the certificate `fields` describe (`row_id`: its id, None for a new one,
    which gets the highest id so far and so wins a tie) is the latest of its group, so
    that its own insert or update carries the flag instead of a second audited write."""
    group = (fields.employee_id, fields.contractor_worker_id, fields.kind)
    for other in _group_rows(session, group):
        if other.id == row_id:
            continue
        if other.issued_on > fields.issued_on or (
            other.issued_on == fields.issued_on and row_id is not None and other.id > row_id
        ):
            return False
    return True


def add_certificate(
    session: Session, fields: CertificateFields, today: dt.date | None = None
) -> Certificate:
    refuse(certificate_problems(session, fields, today or dt.date.today()))
    values = _values(fields)
    values["latest"] = _will_be_latest(session, fields, None)
    row = Certificate(**values, created_by=str(session.info.get("user", "")))
    insert(session, row)
    # The previous latest of the group is history now (and the new row's flag is checked
    # against its real id).
    _settle_latest(session, _group_of(row))
    return row


def update_certificate(
    session: Session,
    certificate_id: int,
    version: int | None,
    fields: CertificateFields,
    today: dt.date | None = None,
) -> Certificate:
    row = get_row(session, Certificate, certificate_id, N_("Certificate"))
    check_version(row, version)
    refuse(certificate_problems(session, fields, today or dt.date.today()))
    before = _group_of(row)
    values = _values(fields)
    values["latest"] = _will_be_latest(session, fields, row.id)
    update(session, row, values)
    # The group it left (holder or kind changed) gets its previous certificate back as
    # the latest; the group it is in may have a new latest either way.
    if before != _group_of(row):
        _settle_latest(session, before)
    _settle_latest(session, _group_of(row))
    return row


def delete_certificate(session: Session, certificate_id: int, version: int | None) -> None:
    row = get_row(session, Certificate, certificate_id, N_("Certificate"))
    check_version(row, version)
    update(session, row, {"deleted_at": utcnow(), "latest": False})
    # The certificate it had renewed, if any, is the latest again.
    _settle_latest(session, _group_of(row))


def _valid_on(on: dt.date) -> list[ColumnElement[bool]]:
    return [
        Certificate.deleted_at.is_(None),
        Certificate.issued_on <= on,
        or_(Certificate.valid_to.is_(None), Certificate.valid_to >= on),
    ]


def valid_certificates(
    session: Session,
    employee_id: int | None,
    on: dt.date,
    contractor_worker_id: int | None = None,
) -> list[Certificate]:
    """The certificates of an employee (or of a contractor's worker) in force on `on`,
    the latest issued first; a permit reads kind and electrical group from them."""
    if employee_id is not None:
        holder = Certificate.employee_id == employee_id
    elif contractor_worker_id is not None:
        holder = Certificate.contractor_worker_id == contractor_worker_id
    else:
        return []
    return list(
        session.scalars(
            select(Certificate)
            .where(holder, *_valid_on(on))
            .order_by(Certificate.issued_on.desc(), Certificate.id.desc())
        )
    )


def latest_certificates() -> object:
    """Subquery: the id of each holder's latest certificate of each kind.

    The rule `Certificate.latest` keeps, computed from every certificate: the reference
    for tests and for reports that read them all anyway; a page filters by the column."""
    ranked = (
        select(
            Certificate.id.label("certificate_id"),
            func.row_number()
            .over(
                partition_by=(
                    Certificate.employee_id,
                    Certificate.contractor_worker_id,
                    Certificate.kind,
                ),
                order_by=(Certificate.issued_on.desc(), Certificate.id.desc()),
            )
            .label("n"),
        )
        .where(Certificate.deleted_at.is_(None))
        .subquery()
    )
    return select(ranked.c.certificate_id).where(ranked.c.n == 1)


def _latest_of_holder_and_kind(holder: str) -> ColumnElement[bool]:
    """No newer certificate of the same kind for the same holder (`holder` is the
    column naming it: employee_id or contractor_worker_id)."""
    newer = aliased(Certificate)
    return ~(
        select(newer.id)
        .where(
            getattr(newer, holder) == getattr(Certificate, holder),
            newer.kind == Certificate.kind,
            newer.deleted_at.is_(None),
            or_(
                newer.issued_on > Certificate.issued_on,
                and_(newer.issued_on == Certificate.issued_on, newer.id > Certificate.id),
            ),
        )
        .exists()
    )


def due_sources(today: Day) -> list[DueSource]:
    """The latest certificate of each kind of employees at work and of contractors'
    workers still on the site, by its last day of validity."""
    columns = (Certificate.id.label("record_id"), Certificate.valid_to.label("due"))
    own = (
        select(*columns, Employee.surname, Employee.name, Employee.patronymic)
        .join(Employee, Certificate.employee_id == Employee.id)
        .where(
            Certificate.deleted_at.is_(None),
            _latest_of_holder_and_kind("employee_id"),
            Employee.deleted_at.is_(None),
            or_(Employee.dismissal_date.is_(None), Employee.dismissal_date >= today),
        )
    )
    theirs = (
        select(
            *columns,
            ContractorWorker.surname,
            ContractorWorker.name,
            ContractorWorker.patronymic,
        )
        .join(ContractorWorker, Certificate.contractor_worker_id == ContractorWorker.id)
        .where(
            Certificate.deleted_at.is_(None),
            _latest_of_holder_and_kind("contractor_worker_id"),
            ContractorWorker.deleted_at.is_(None),
            or_(ContractorWorker.left_on.is_(None), ContractorWorker.left_on >= today),
        )
    )
    return [DueSource("certificates", q, _due_item) for q in (own, theirs)]


def _due_item(row: Any) -> DueItem:
    who = full_name(row.surname, row.name, row.patronymic)
    return DueItem("certificates", row.record_id, CERTIFICATE_DUE, who, row.due)


# Certificates expired or expiring within DUE_SOON_DAYS and not yet renewed, one per
# holder and kind, of employees at work and of contractors' workers still on the site.
_DUE = SqlDue(due_sources)
due_counts = _DUE.counts
due_items = _DUE.items
