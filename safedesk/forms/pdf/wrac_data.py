"""What the WRAC sheet prints, read from the database into plain values (see order_data.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from safedesk.db.hazard_names import row_event_names, row_hazard_names
from safedesk.db.models import Employee, Position, RiskAssessment, RiskMatrix
from safedesk.db.organisation import get_organisation
from safedesk.db.risk_read import live_rows
from safedesk.db.units import unit_paths
from safedesk.domain.people import full_name, short_name
from safedesk.domain.risk import Matrix, matrix_from_json
from safedesk.domain.risk_controls import ActionStatus, Hierarchy
from safedesk.errors import NotFound, SafeDeskError
from safedesk.forms.pdf.parts import Letterhead
from safedesk.i18n import N_


@dataclass(frozen=True)
class WracControl:
    description: str
    level: Hierarchy
    owner: str  # Surname I.O.
    deadline: dt.date
    status: ActionStatus


@dataclass(frozen=True)
class WracRow:
    number: int
    activity: str
    hazard_kk: str  # the library's name where the row links to it, else the row's copy
    hazard_ru: str
    unwanted_event_kk: str  # the library's event while the row keeps its text, else the copy
    unwanted_event_ru: str
    exposed: str
    existing_controls: str
    initial: tuple[int, int]
    residual: tuple[int, int]
    residual_reason: str
    controls: tuple[WracControl, ...]


@dataclass(frozen=True)
class TeamMember:
    full_name: str
    position_kk: str
    position_ru: str


@dataclass(frozen=True)
class WracData:
    organisation: Letterhead
    head_name: str
    head_position_kk: str
    head_position_ru: str
    number: str
    unit_kk: str
    unit_ru: str
    area: str
    positions_kk: tuple[str, ...]
    positions_ru: tuple[str, ...]
    assessed_on: dt.date
    next_review: dt.date
    review_reason: str
    matrix: Matrix
    matrix_edition: int
    matrix_date: dt.date
    legal_basis_kk: str
    legal_basis_ru: str
    team: tuple[TeamMember, ...]
    rows: tuple[WracRow, ...]


def _person(e: Employee | None) -> TeamMember | None:
    if e is None:
        return None
    return TeamMember(
        full_name(e.surname, e.name, e.patronymic),
        e.position.name_kk if e.position else "",
        e.position.name_ru if e.position else "",
    )


def load_wrac(session: Session, assessment_id: int) -> WracData:
    a = session.get(RiskAssessment, assessment_id)
    if a is None or a.deleted_at is not None:
        raise NotFound(what=N_("Risk assessment"), id=assessment_id)
    org = get_organisation(session)
    if org is None:
        raise SafeDeskError(
            N_("Fill in the organisation card first: every printed form is headed by it.")
        )
    matrix_row = session.get(RiskMatrix, a.matrix_id)
    assert matrix_row is not None  # a foreign key
    positions = [session.get(Position, pid) for pid in a.position_ids or []]
    named = [p for p in positions if p is not None]
    team = [_person(session.get(Employee, eid)) for eid in a.team_ids or []]
    rows = []
    for r in live_rows(a):
        controls = tuple(
            WracControl(
                c.description,
                Hierarchy(c.hierarchy),
                short_name(c.owner.surname, c.owner.name, c.owner.patronymic),
                c.deadline,
                ActionStatus(c.status),
            )
            for c in r.controls
            if c.deleted_at is None
        )
        hazard_kk, hazard_ru = row_hazard_names(session, r)
        event_kk, event_ru = row_event_names(session, r)
        rows.append(
            WracRow(
                number=r.line_no,
                activity=r.activity,
                hazard_kk=hazard_kk,
                hazard_ru=hazard_ru,
                unwanted_event_kk=event_kk,
                unwanted_event_ru=event_ru,
                exposed=r.exposed,
                existing_controls=r.existing_controls,
                initial=(r.likelihood, r.consequence),
                residual=(r.residual_likelihood, r.residual_consequence),
                residual_reason=r.residual_reason,
                controls=controls,
            )
        )
    return WracData(
        organisation=Letterhead(org.name_kk, org.name_ru, org.bin, org.address),
        head_name=org.head_name,
        head_position_kk=org.head_position_kk,
        head_position_ru=org.head_position_ru,
        number=a.number,
        unit_kk=unit_paths(session, "kk").get(a.unit_id, ""),
        unit_ru=unit_paths(session, "ru").get(a.unit_id, ""),
        area=a.area,
        positions_kk=tuple(p.name_kk or p.name_ru for p in named),
        positions_ru=tuple(p.name_ru or p.name_kk for p in named),
        assessed_on=a.assessed_on,
        next_review=a.next_review,
        review_reason=a.review_reason,
        matrix=matrix_from_json(matrix_row.data),
        matrix_edition=matrix_row.edition,
        matrix_date=matrix_row.valid_from,
        legal_basis_kk=matrix_row.legal_basis_kk,
        legal_basis_ru=matrix_row.legal_basis_ru,
        team=tuple(m for m in team if m is not None),
        rows=tuple(rows),
    )
