"""5S audits: checklist items scored 0–5, % per S and in total, actions; linkable to a WRAC row."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from safedesk.db.models import FiveSAudit
from safedesk.db.risk_slam import employee_problems, link_problems
from safedesk.db.rows import check_version, get_row, insert, refuse, update
from safedesk.domain.risk_coverage import MAX_ITEM_SCORE, FiveS, five_s_result
from safedesk.errors import Problem
from safedesk.i18n import N_
from safedesk.paths import resource


@dataclass
class FiveSItem:
    s: FiveS | str
    item: str
    score: int


@dataclass
class FiveSFields:
    audit_date: dt.date
    auditor_id: int | None
    area: str
    items: list[FiveSItem] = field(default_factory=list)
    unit_id: int | None = None
    shift: str = ""
    actions: str = ""
    risk_row_id: int | None = None


def default_checklist(lang: str) -> list[FiveSItem]:
    """The shipped checklist (resources/reference/five_s_checklist.json), unscored."""
    data: dict[str, Any] = json.loads(
        resource("reference", "five_s_checklist.json").read_text(encoding="utf-8")
    )
    return [FiveSItem(FiveS(i["s"]), i.get(lang) or i["ru"], 0) for i in data["items"]]


def five_s_problems(session: Session, f: FiveSFields, today: dt.date) -> list[Problem]:
    found = employee_problems(session, f.auditor_id, f.audit_date, "auditor_id")
    if f.audit_date > today:
        found.append(
            Problem("audit_date", N_("The date {date} is in the future."), {"date": f.audit_date})
        )
    if not f.area.strip():
        found.append(Problem("area", N_("Name the area audited.")))
    if not f.items:
        found.append(Problem("items", N_("A 5S audit needs at least one checklist item.")))
    for i, item in enumerate(f.items, start=1):
        if item.s not in FiveS._value2member_map_:
            found.append(Problem(f"items.{i - 1}.s", N_("Item {n}: choose its S."), {"n": i}))
        if not item.item.strip():
            found.append(Problem(f"items.{i - 1}.item", N_("Item {n}: describe it."), {"n": i}))
        if not 0 <= item.score <= MAX_ITEM_SCORE:
            found.append(
                Problem(
                    f"items.{i - 1}.score",
                    N_("Item {n}: the score is from 0 to {max}, not {value}."),
                    {"n": i, "max": MAX_ITEM_SCORE, "value": item.score},
                )
            )
    return found + link_problems(session, f.unit_id, f.risk_row_id)


def _values(f: FiveSFields) -> dict[str, object]:
    result = five_s_result((FiveS(i.s), i.score) for i in f.items)
    return {
        "audit_date": f.audit_date,
        "auditor_id": f.auditor_id,
        "area": f.area.strip(),
        "items": [{"s": str(i.s), "item": i.item.strip(), "score": i.score} for i in f.items],
        "total_percent": result.total,
        "unit_id": f.unit_id,
        "shift": f.shift.strip(),
        "actions": f.actions.strip(),
        "risk_row_id": f.risk_row_id,
    }


def add_five_s_audit(session: Session, f: FiveSFields, today: dt.date) -> FiveSAudit:
    refuse(five_s_problems(session, f, today))
    row = FiveSAudit(**_values(f), created_by=str(session.info.get("user", "")))
    insert(session, row)
    return row


def update_five_s_audit(
    session: Session, audit_id: int, version: int | None, f: FiveSFields, today: dt.date
) -> FiveSAudit:
    row = get_row(session, FiveSAudit, audit_id, N_("5S audit"))
    check_version(row, version)
    refuse(five_s_problems(session, f, today))
    update(session, row, _values(f))
    return row


def fields_of_audit(row: FiveSAudit) -> FiveSFields:
    return FiveSFields(
        audit_date=row.audit_date,
        auditor_id=row.auditor_id,
        area=row.area,
        items=[FiveSItem(FiveS(i["s"]), i["item"], int(i["score"])) for i in row.items],
        unit_id=row.unit_id,
        shift=row.shift,
        actions=row.actions,
        risk_row_id=row.risk_row_id,
    )
