"""SLAM cards and job safety analyses (JSA / АДБ), each linkable to a WRAC row."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from safedesk.db.models import Employee, JobSafetyAnalysis, RiskRow, SlamCard, Unit
from safedesk.db.rows import check_version, get_row, insert, refuse, update
from safedesk.db.types import utcnow
from safedesk.errors import Problem
from safedesk.i18n import N_

_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@dataclass
class SlamFields:
    card_date: dt.date
    worker_id: int | None
    task: str
    hazards: str
    place: str = ""
    card_time: str = ""  # HH:MM
    unit_id: int | None = None
    gaps: str = ""
    controls: str = ""
    work_stopped: bool = False
    supervisor_told: bool = False
    lessons: str = ""
    risk_row_id: int | None = None


@dataclass
class JsaStep:
    step: str
    hazards: str
    controls: str


@dataclass
class JsaFields:
    analysis_date: dt.date
    task: str
    steps: list[JsaStep] = field(default_factory=list)
    unit_id: int | None = None
    team_ids: list[int] = field(default_factory=list)
    risk_row_id: int | None = None


def link_problems(session: Session, unit_id: int | None, risk_row_id: int | None) -> list[Problem]:
    found: list[Problem] = []
    if unit_id is not None:
        unit = session.get(Unit, unit_id)
        if unit is None or unit.deleted_at is not None:
            found.append(Problem("unit_id", N_("Choose the unit assessed.")))
    if risk_row_id is not None:
        row = session.get(RiskRow, risk_row_id)
        if row is None or row.deleted_at is not None:
            found.append(
                Problem(
                    "risk_row_id",
                    N_("Risk assessment row No. {id} does not exist."),
                    {"id": risk_row_id},
                )
            )
    return found


def employee_problems(
    session: Session, employee_id: int | None, on: dt.date, name: str
) -> list[Problem]:
    e = session.get(Employee, employee_id) if employee_id is not None else None
    if e is None or e.deleted_at is not None:
        return [Problem(name, N_("Choose the employee."))]
    if e.dismissal_date is not None and e.dismissal_date < on:
        return [
            Problem(
                name,
                N_("The employee was dismissed on {date}."),
                {"date": e.dismissal_date},
            )
        ]
    return []


def slam_problems(session: Session, f: SlamFields, today: dt.date) -> list[Problem]:
    found = employee_problems(session, f.worker_id, f.card_date, "worker_id")
    if f.card_date > today:
        found.append(
            Problem("card_date", N_("The date {date} is in the future."), {"date": f.card_date})
        )
    if f.card_time.strip() and not _TIME.match(f.card_time.strip()):
        found.append(Problem("card_time", N_("Write the time as HH:MM, e.g. 07:45.")))
    if not f.task.strip():
        found.append(Problem("task", N_("Name the task.")))
    if not f.hazards.strip():
        found.append(Problem("hazards", N_("Write the hazards found (Look, Assess).")))
    return found + link_problems(session, f.unit_id, f.risk_row_id)


def _slam_values(f: SlamFields) -> dict[str, object]:
    return {k: (v.strip() if isinstance(v, str) else v) for k, v in vars(f).items()}


def add_slam_card(session: Session, f: SlamFields, today: dt.date) -> SlamCard:
    refuse(slam_problems(session, f, today))
    row = SlamCard(**_slam_values(f), created_by=str(session.info.get("user", "")))
    insert(session, row)
    return row


def update_slam_card(
    session: Session, card_id: int, version: int | None, f: SlamFields, today: dt.date
) -> SlamCard:
    row = get_row(session, SlamCard, card_id, N_("SLAM card"))
    check_version(row, version)
    refuse(slam_problems(session, f, today))
    update(session, row, _slam_values(f))
    return row


def delete_slam_card(session: Session, card_id: int, version: int | None) -> None:
    row = get_row(session, SlamCard, card_id, N_("SLAM card"))
    check_version(row, version)
    update(session, row, {"deleted_at": utcnow()})


def jsa_problems(session: Session, f: JsaFields) -> list[Problem]:
    found: list[Problem] = []
    if not f.task.strip():
        found.append(Problem("task", N_("Name the task.")))
    if not f.steps:
        found.append(Problem("steps", N_("A job safety analysis needs at least one step.")))
    for i, step in enumerate(f.steps, start=1):
        if not step.step.strip():
            found.append(Problem(f"steps.{i - 1}.step", N_("Step {n}: describe it."), {"n": i}))
        if step.hazards.strip() and not step.controls.strip():
            found.append(
                Problem(
                    f"steps.{i - 1}.controls",
                    N_("Step {n}: name the controls of its hazards."),
                    {"n": i},
                )
            )
    for employee_id in f.team_ids:
        found += employee_problems(session, employee_id, f.analysis_date, "team_ids")
    return found + link_problems(session, f.unit_id, f.risk_row_id)


def _jsa_values(f: JsaFields) -> dict[str, object]:
    return {
        "analysis_date": f.analysis_date,
        "task": f.task.strip(),
        "steps": [
            {"step": s.step.strip(), "hazards": s.hazards.strip(), "controls": s.controls.strip()}
            for s in f.steps
        ],
        "unit_id": f.unit_id,
        "team_ids": list(dict.fromkeys(f.team_ids)),
        "risk_row_id": f.risk_row_id,
    }


def add_jsa(session: Session, f: JsaFields) -> JobSafetyAnalysis:
    refuse(jsa_problems(session, f))
    row = JobSafetyAnalysis(**_jsa_values(f), created_by=str(session.info.get("user", "")))
    insert(session, row)
    return row


def update_jsa(
    session: Session, jsa_id: int, version: int | None, f: JsaFields
) -> JobSafetyAnalysis:
    row = get_row(session, JobSafetyAnalysis, jsa_id, N_("Job safety analysis"))
    check_version(row, version)
    refuse(jsa_problems(session, f))
    update(session, row, _jsa_values(f))
    return row
