"""Examination commissions: a chair and members, each holding a valid check themselves."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.audit import record, snapshot
from safedesk.db.knowledge_checks import holders_of_valid_checks
from safedesk.db.models import CheckCommission, CheckSession, CommissionMember, Employee
from safedesk.db.rows import check_version, get_row, insert, refuse, update
from safedesk.db.types import utcnow
from safedesk.domain.people import full_name
from safedesk.errors import Problem, ReadOnlyRecord
from safedesk.i18n import N_


@dataclass
class CommissionFields:
    name: str
    order_no: str
    order_date: dt.date | None
    chair_id: int | None
    member_ids: list[int] = field(default_factory=list)


def members_without_check(
    session: Session, people: list[int], on: dt.date, field_name: str
) -> list[Problem]:
    """A problem per commission member who holds no valid check on `on`."""
    holders = holders_of_valid_checks(session, people, on)
    found = []
    for employee_id in people:
        if employee_id in holders:
            continue
        e = session.get(Employee, employee_id)
        name = full_name(e.surname, e.name, e.patronymic) if e else str(employee_id)
        found.append(
            Problem(
                field_name,
                N_(
                    "{person} has no valid knowledge check on {date} "
                    "and cannot sit on the commission."
                ),
                {"person": name, "date": on},
            )
        )
    return found


def commission_problems(session: Session, fields: CommissionFields) -> list[Problem]:
    found: list[Problem] = []
    if not fields.name.strip():
        found.append(Problem("name", N_("The commission's name is required.")))
    if not fields.order_no.strip():
        found.append(Problem("order_no", N_("The order number is required.")))
    if fields.order_date is None:
        found.append(Problem("order_date", N_("The order date is required.")))
    if fields.chair_id is None or session.get(Employee, fields.chair_id) is None:
        found.append(Problem("chair_id", N_("Choose the chair among the employees.")))
    if len(fields.member_ids) < 2:
        found.append(
            Problem("members", N_("A commission has at least two members besides the chair."))
        )
    if fields.chair_id in fields.member_ids or len(set(fields.member_ids)) != len(
        fields.member_ids
    ):
        found.append(Problem("members", N_("A person is listed twice.")))
    if fields.order_date is not None and not found:
        found += members_without_check(
            session, [fields.chair_id or 0], fields.order_date, "chair_id"
        )
        found += members_without_check(session, fields.member_ids, fields.order_date, "members")
    return found


def _replace_members(session: Session, commission_id: int, member_ids: list[int]) -> None:
    existing = list(
        session.scalars(
            select(CommissionMember).where(CommissionMember.commission_id == commission_id)
        )
    )
    keep = {m.employee_id for m in existing} & set(member_ids)
    for m in existing:
        if m.employee_id not in keep:
            before = snapshot(m)
            session.delete(m)
            session.flush()
            record(session, "delete", m, before)
    user = str(session.info.get("user", ""))
    for employee_id in member_ids:
        if employee_id not in keep:
            insert(
                session,
                CommissionMember(
                    commission_id=commission_id, employee_id=employee_id, created_by=user
                ),
            )


def add_commission(session: Session, fields: CommissionFields) -> CheckCommission:
    refuse(commission_problems(session, fields))
    row = CheckCommission(
        name=fields.name.strip(),
        order_no=fields.order_no.strip(),
        order_date=fields.order_date,
        chair_id=fields.chair_id,
        created_by=str(session.info.get("user", "")),
    )
    insert(session, row)
    _replace_members(session, row.id, fields.member_ids)
    return row


def _refuse_if_cited(session: Session, commission_id: int) -> None:
    """A signed protocol prints its commission's order and members: they are evidence too."""
    cited = session.scalars(
        select(CheckSession.id)
        .where(
            CheckSession.commission_id == commission_id,
            CheckSession.signed_on.is_not(None),
            CheckSession.deleted_at.is_(None),
        )
        .limit(1)
    ).first()
    if cited is not None:
        raise ReadOnlyRecord(
            N_(
                "Signed protocols name this commission, so it can no longer be changed. "
                "For a new order, create a new commission."
            )
        )


def update_commission(
    session: Session, commission_id: int, version: int | None, fields: CommissionFields
) -> CheckCommission:
    row = get_row(session, CheckCommission, commission_id, N_("Commission"))
    check_version(row, version)
    _refuse_if_cited(session, commission_id)
    refuse(commission_problems(session, fields))
    update(
        session,
        row,
        {
            "name": fields.name.strip(),
            "order_no": fields.order_no.strip(),
            "order_date": fields.order_date,
            "chair_id": fields.chair_id,
        },
    )
    _replace_members(session, row.id, fields.member_ids)
    return row


def delete_commission(session: Session, commission_id: int, version: int | None) -> None:
    row = get_row(session, CheckCommission, commission_id, N_("Commission"))
    check_version(row, version)
    update(session, row, {"deleted_at": utcnow()})


def member_ids(session: Session, commission_id: int) -> list[int]:
    return list(
        session.scalars(
            select(CommissionMember.employee_id)
            .where(CommissionMember.commission_id == commission_id)
            .order_by(CommissionMember.id)
        )
    )


def list_commissions(session: Session) -> list[CheckCommission]:
    return list(
        session.scalars(
            select(CheckCommission)
            .where(CheckCommission.deleted_at.is_(None))
            .order_by(CheckCommission.order_date.desc())
        )
    )
