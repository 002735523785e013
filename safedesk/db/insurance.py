"""Compulsory accident insurance contracts (roadmap item 43)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.due import count_items
from safedesk.db.models.indicators import InsuranceContract
from safedesk.db.rows import check_version, get_row, insert, refuse, update
from safedesk.domain.due import DUE_SOON_DAYS, DueCounts, DueItem
from safedesk.errors import Problem
from safedesk.i18n import N_

RENEW = N_("Renew the accident insurance contract")


@dataclass
class InsuranceFields:
    insurer: str
    number: str
    valid_from: dt.date
    valid_to: dt.date
    signed_on: dt.date | None = None
    insured_count: int | None = None
    note: str = ""


def _problems(fields: InsuranceFields) -> list[Problem]:
    found: list[Problem] = []
    if not fields.insurer.strip():
        found.append(Problem("insurer", N_("The insurer is required.")))
    if not fields.number.strip():
        found.append(Problem("number", N_("The contract number is required.")))
    if fields.valid_to < fields.valid_from:
        found.append(
            Problem(
                "valid_to",
                N_("The contract ends ({end}) before it starts ({start})."),
                {"end": fields.valid_to, "start": fields.valid_from},
            )
        )
    if fields.insured_count is not None and fields.insured_count < 0:
        found.append(Problem("insured_count", N_("The number insured cannot be negative.")))
    return found


def _values(fields: InsuranceFields) -> dict[str, object]:
    return {
        "insurer": fields.insurer.strip(),
        "number": fields.number.strip(),
        "valid_from": fields.valid_from,
        "valid_to": fields.valid_to,
        "signed_on": fields.signed_on,
        "insured_count": fields.insured_count,
        "note": fields.note.strip(),
    }


def add_contract(session: Session, fields: InsuranceFields) -> InsuranceContract:
    refuse(_problems(fields))
    row = InsuranceContract(**_values(fields), created_by=str(session.info.get("user", "")))
    insert(session, row)
    return row


def update_contract(
    session: Session, contract_id: int, version: int | None, fields: InsuranceFields
) -> InsuranceContract:
    row = get_row(session, InsuranceContract, contract_id, N_("Insurance contract"))
    check_version(row, version)
    refuse(_problems(fields))
    update(session, row, _values(fields))
    return row


def contract_in_force(session: Session, on: dt.date) -> InsuranceContract | None:
    return session.scalars(
        select(InsuranceContract)
        .where(
            InsuranceContract.deleted_at.is_(None),
            InsuranceContract.valid_from <= on,
            InsuranceContract.valid_to >= on,
        )
        .order_by(InsuranceContract.valid_to.desc())
        .limit(1)
    ).first()


def due_counts(session: Session, today: dt.date) -> DueCounts:
    return count_items(_due(session, today), today)


def due_items(
    session: Session, today: dt.date, limit: int | None = None, counts: DueCounts | None = None
) -> list[DueItem]:
    """The contract that ends within 30 days, or the lapse when none is in force: one
    item at most, found by two one-row queries (`limit` changes nothing)."""
    items = _due(session, today)
    if counts is not None:
        counts.merge(count_items(items, today))
    return items


def _due(session: Session, today: dt.date) -> list[DueItem]:
    current = contract_in_force(session, today)
    if current is not None:
        if current.valid_to <= today + dt.timedelta(days=DUE_SOON_DAYS):
            renewal = session.scalars(
                select(InsuranceContract.id).where(
                    InsuranceContract.deleted_at.is_(None),
                    InsuranceContract.valid_from > current.valid_to - dt.timedelta(days=1),
                )
            ).first()
            if renewal is None:
                return [_item(current, current.valid_to)]
        return []
    last = session.scalars(
        select(InsuranceContract)
        .where(InsuranceContract.deleted_at.is_(None), InsuranceContract.valid_to < today)
        .order_by(InsuranceContract.valid_to.desc())
        .limit(1)
    ).first()
    return [] if last is None else [_item(last, last.valid_to)]


def _item(contract: InsuranceContract, due: dt.date) -> DueItem:
    return DueItem(
        register="insurance_contracts",
        record_id=contract.id,
        what=RENEW,
        who=f"{contract.insurer} № {contract.number}",
        due=due,
    )
