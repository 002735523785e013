"""Row counts per register and what is due, for `safedesk stats` and the status bar."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from safedesk.db.due import due_counts
from safedesk.db.models import Employee, Position, ResponsibleAppointment, Unit
from safedesk.db.models.certificates import Certificate  # issue 4
from safedesk.db.models.contractors import Contractor, ContractorWorker  # issue 4
from safedesk.db.models.incidents import Accident, NearMiss, Observation  # issue 8
from safedesk.db.models.indicators import InsuranceContract
from safedesk.db.models.permits import Permit  # issue 5
from safedesk.db.models.ppe import MilkIssue, PpeIssue, PpeItem, ProtectiveEquipment  # issue 7
from safedesk.db.models.risk import FiveSAudit, RiskAssessment, RiskRow, SlamCard  # issue 6
from safedesk.db.models.safety_days import SafetyDay  # issue 4
from safedesk.db.models.training import Briefing, CheckResult

# Each register issue adds its table here; a register not built yet is absent.
REGISTERS: dict[str, Any] = {
    "employees": Employee,
    "units": Unit,
    "positions": Position,
    "responsible_persons": ResponsibleAppointment,
    "briefings": Briefing,  # issue 4
    "knowledge_checks": CheckResult,  # issue 4: people checked
    "permits": Permit,  # issue 5
    "certificates": Certificate,  # issue 4
    "contractors": Contractor,  # issue 4
    "contractor_workers": ContractorWorker,  # issue 4
    "safety_days": SafetyDay,  # issue 4
    "insurance_contracts": InsuranceContract,
    "near_misses": NearMiss,  # issue 8
    "observations": Observation,  # issue 8
    "accidents": Accident,  # issue 8
    "risk_assessments": RiskAssessment,  # issue 6
    "risk_rows": RiskRow,  # issue 6
    "slam_cards": SlamCard,  # issue 6
    "five_s_audits": FiveSAudit,  # issue 6
    "ppe_issues": PpeIssue,  # issue 7
    "ppe_items": PpeItem,  # issue 7
    "milk_issues": MilkIssue,  # issue 7
    "protective_equipment": ProtectiveEquipment,  # issue 7
}


def register_counts(session: Session) -> dict[str, int]:
    counts: dict[str, int] = {}
    for name, model in REGISTERS.items():
        query = select(func.count()).select_from(model)
        if hasattr(model, "deleted_at"):
            query = query.where(model.deleted_at.is_(None))
        counts[name] = int(session.scalar(query) or 0)
    return counts


def stats(session: Session, today: dt.date | None = None) -> dict[str, Any]:
    """The JSON shape of DESIGN.md §4."""
    today = today or dt.date.today()
    return {
        "registers": register_counts(session),
        "due": due_counts(session, today).as_json(),
    }
