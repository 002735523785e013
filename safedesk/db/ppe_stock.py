"""PPE stock by item and size: receipts in, issues out, returns back in.

The balance may go negative: a store sometimes hands out what is not booked in yet.
That is a warning the user sees before confirming (`shortages`), never a refusal.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from safedesk.db.models import PpeIssue, PpeItem, PpeReceipt, PpeReturn
from safedesk.db.rows import check_version, get_row, insert, refuse, update
from safedesk.db.types import utcnow
from safedesk.errors import Problem
from safedesk.i18n import N_, pick

Key = tuple[int, str]  # (item id, size)


@dataclass
class ReceiptFields:
    item_id: int
    quantity: int
    receipt_date: dt.date | None
    size: str = ""
    document: str = ""
    certificate: str = ""
    note: str = ""


def _receipt_problems(session: Session, fields: ReceiptFields) -> list[Problem]:
    found: list[Problem] = []
    item = session.get(PpeItem, fields.item_id)
    if item is None or item.deleted_at is not None:
        found.append(Problem("item_id", N_("Choose the item from the catalogue.")))
    elif item.sizes and fields.size.strip() not in item.sizes:
        found.append(
            Problem(
                "size",
                N_("{item} has no size «{size}»; its sizes are {sizes}."),
                {
                    "item": pick(item.name_kk, item.name_ru),
                    "size": fields.size,
                    "sizes": ", ".join(item.sizes),
                },
            )
        )
    if fields.quantity < 1:
        found.append(
            Problem(
                "quantity",
                N_("The quantity must be a whole number above zero, not {value}."),
                {"value": fields.quantity},
            )
        )
    if fields.receipt_date is None:
        found.append(Problem("receipt_date", N_("The date of receipt is required.")))
    return found


def add_receipt(session: Session, fields: ReceiptFields) -> PpeReceipt:
    refuse(_receipt_problems(session, fields))
    row = PpeReceipt(
        item_id=fields.item_id,
        size=fields.size.strip(),
        quantity=fields.quantity,
        receipt_date=fields.receipt_date,
        document=fields.document.strip(),
        certificate=fields.certificate.strip(),
        note=fields.note.strip(),
        created_by=str(session.info.get("user", "")),
    )
    insert(session, row)
    return row


def delete_receipt(session: Session, receipt_id: int, version: int | None) -> None:
    row = get_row(session, PpeReceipt, receipt_id, N_("Receipt"))
    check_version(row, version)
    update(session, row, {"deleted_at": utcnow()})


@dataclass(frozen=True)
class Balance:
    item_id: int
    size: str
    received: int
    issued: int
    returned: int

    @property
    def balance(self) -> int:
        return self.received - self.issued + self.returned


def balances(session: Session, keys: Iterable[Key] | None = None) -> dict[Key, Balance]:
    """Stock per (item, size): received, issued, returned to store, and what is left."""
    wanted = set(keys) if keys is not None else None
    items = {k[0] for k in wanted} if wanted is not None else None
    totals: dict[Key, list[int]] = defaultdict(lambda: [0, 0, 0])

    def add(query: object, slot: int) -> None:
        for item_id, size, n in session.execute(query):  # type: ignore[call-overload]
            totals[(item_id, size)][slot] += int(n or 0)

    received = select(PpeReceipt.item_id, PpeReceipt.size, func.sum(PpeReceipt.quantity)).where(
        PpeReceipt.deleted_at.is_(None)
    )
    issued = select(PpeIssue.item_id, PpeIssue.size, func.sum(PpeIssue.quantity)).where(
        PpeIssue.deleted_at.is_(None)
    )
    back = (
        select(PpeIssue.item_id, PpeIssue.size, func.sum(PpeReturn.quantity))
        .join(PpeIssue, PpeIssue.id == PpeReturn.issue_id)
        .where(PpeReturn.deleted_at.is_(None), PpeReturn.kind == "return")
    )
    if items is not None:
        received = received.where(PpeReceipt.item_id.in_(items))
        issued = issued.where(PpeIssue.item_id.in_(items))
        back = back.where(PpeIssue.item_id.in_(items))
    add(received.group_by(PpeReceipt.item_id, PpeReceipt.size), 0)
    add(issued.group_by(PpeIssue.item_id, PpeIssue.size), 1)
    add(back.group_by(PpeIssue.item_id, PpeIssue.size), 2)
    found = {k: Balance(k[0], k[1], *v) for k, v in totals.items()}
    if wanted is not None:
        found = {k: found.get(k, Balance(k[0], k[1], 0, 0, 0)) for k in wanted}
    return found


@dataclass(frozen=True)
class Shortage:
    item_id: int
    item: str
    size: str
    balance: int
    wanted: int


def shortages(session: Session, wanted: Iterable[tuple[int, str, int]]) -> list[Shortage]:
    """What issuing (item, size, quantity) lines would take the stock below zero."""
    need: dict[Key, int] = defaultdict(int)
    for item_id, size, quantity in wanted:
        need[(item_id, size)] += quantity
    if not need:
        return []
    stock = balances(session, need)
    names = {
        i.id: pick(i.name_kk, i.name_ru)
        for i in session.scalars(select(PpeItem).where(PpeItem.id.in_({k[0] for k in need})))
    }
    return [
        Shortage(k[0], names.get(k[0], ""), k[1], stock[k].balance, n)
        for k, n in sorted(need.items())
        if stock[k].balance - n < 0
    ]
