"""Collecting what is due from every register that has deadlines.

Each register's service module offers `due_items(session, today) -> list[DueItem]`
(overdue items and those due within DUE_SOON_DAYS) and is listed here by import path,
so that adding a register is one line and nothing imports what it does not use.
"""

from __future__ import annotations

import datetime as dt
import importlib

from sqlalchemy.orm import Session

from safedesk.domain.due import DueItem

PROVIDERS: tuple[str, ...] = (
    "safedesk.db.briefings",
    "safedesk.db.knowledge_checks",
    "safedesk.db.certificates",  # issue 4
    "safedesk.db.contractor_training",  # issue 4
    "safedesk.db.safety_days",  # issue 4
    "safedesk.db.insurance",
    "safedesk.db.near_misses",  # issue 8
    "safedesk.db.observations",  # issue 8
    "safedesk.db.accident_due",  # issue 8
    "safedesk.db.risk_assessments",  # issue 6
    "safedesk.db.ppe_due",  # issue 7
    "safedesk.db.ppe_equipment",  # issue 7
    "safedesk.db.permit_due",  # issue 5
)


def due_items(session: Session, today: dt.date) -> list[DueItem]:
    """Every register's due and overdue items, most urgent first."""
    items: list[DueItem] = []
    for path in PROVIDERS:
        items.extend(importlib.import_module(path).due_items(session, today))
    return sorted(items, key=lambda item: (item.due, item.register, item.record_id))
