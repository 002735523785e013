"""Near misses and accident causes revise the WRAC rows they point at (issue 6's register).

The risk-assessment service owns what "marked for review" means; this module checks the
row exists and hands the reason over.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from safedesk.db.models.risk import RiskRow
from safedesk.db.risk_assessments import mark_for_review
from safedesk.domain.people import Complaint
from safedesk.i18n import N_


def risk_row_complaints(session: Session, risk_row_id: int | None) -> list[Complaint]:
    if risk_row_id is None:
        return []
    row = session.get(RiskRow, risk_row_id)
    if row is None or row.deleted_at is not None:
        return [
            Complaint("risk_row_id", N_("WRAC row No. {id} does not exist."), {"id": risk_row_id})
        ]
    return []


def mark_risk_row_for_review(session: Session, risk_row_id: int, reason: str) -> None:
    """The row's assessment is due for review today: a near miss or a cause points at it."""
    mark_for_review(session, risk_row_id, reason)
