"""What the printed SLAM card shows, read from the database into plain values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from safedesk.db.hazard_names import row_hazard_names
from safedesk.db.models import Employee, RiskAssessment, RiskRow, SlamCard
from safedesk.db.organisation import get_organisation
from safedesk.db.units import unit_paths
from safedesk.domain.people import full_name
from safedesk.errors import NotFound, SafeDeskError
from safedesk.forms.pdf.parts import Letterhead
from safedesk.i18n import N_


@dataclass(frozen=True)
class SlamCardData:
    organisation: Letterhead
    number: int
    card_date: dt.date
    card_time: str
    unit_kk: str
    unit_ru: str
    place: str
    task: str
    worker: str
    position_kk: str
    position_ru: str
    hazards: str
    gaps: str
    controls: str
    work_stopped: bool
    supervisor_told: bool
    lessons: str
    risk_row_kk: str  # 'WRAC No. · row · hazard' in Kazakh, or empty
    risk_row_ru: str


def _risk_row(session: Session, row_id: int | None) -> tuple[str, str]:
    """The linked WRAC row in (kk, ru): its hazard from the library where it links."""
    row = session.get(RiskRow, row_id) if row_id is not None else None
    if row is None:
        return "", ""
    assessment = session.get(RiskAssessment, row.assessment_id)
    number = assessment.number if assessment is not None else ""
    kk, ru = row_hazard_names(session, row)
    return f"{number} · {row.line_no} · {kk}", f"{number} · {row.line_no} · {ru}"


def load_slam_card(session: Session, card_id: int) -> SlamCardData:
    card = session.get(SlamCard, card_id)
    if card is None or card.deleted_at is not None:
        raise NotFound(what=N_("SLAM card"), id=card_id)
    org = get_organisation(session)
    if org is None:
        raise SafeDeskError(
            N_("Fill in the organisation card first: every printed form is headed by it.")
        )
    worker = session.get(Employee, card.worker_id)
    position = worker.position if worker is not None else None
    risk_row_kk, risk_row_ru = _risk_row(session, card.risk_row_id)
    return SlamCardData(
        organisation=Letterhead(org.name_kk, org.name_ru, org.bin, org.address),
        number=card.id,
        card_date=card.card_date,
        card_time=card.card_time,
        unit_kk=unit_paths(session, "kk").get(card.unit_id, "") if card.unit_id else "",
        unit_ru=unit_paths(session, "ru").get(card.unit_id, "") if card.unit_id else "",
        place=card.place,
        task=card.task,
        worker=full_name(worker.surname, worker.name, worker.patronymic) if worker else "",
        position_kk=(position.name_kk or position.name_ru) if position else "",
        position_ru=(position.name_ru or position.name_kk) if position else "",
        hazards=card.hazards,
        gaps=card.gaps,
        controls=card.controls,
        work_stopped=card.work_stopped,
        supervisor_told=card.supervisor_told,
        lessons=card.lessons,
        risk_row_kk=risk_row_kk,
        risk_row_ru=risk_row_ru,
    )
