"""The roadmap report's sections: for each roadmap item the employer acts on (DOMAIN.md §1),
what the registers show for the period, computed, never typed by hand.

A section names the function that computes its lines by import path, so that each
register adds its own item (one line here) and nothing loads what it does not use.
A function takes (session, start, end) and returns `RoadmapLine`s; `end` is the last
day counted (the period's end, or the day of building when the period is not over).
A function whose module is not written yet gives the section "not kept yet".
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from safedesk.db.indicators import compute, headcount_on, targets
from safedesk.db.insurance import contract_in_force
from safedesk.db.models import ResponsibleAppointment
from safedesk.db.models.indicators import InsuranceContract
from safedesk.db.organisation import get_organisation
from safedesk.db.responsible import appointments_in_force
from safedesk.db.staff_exports import appointed_in, insured_in
from safedesk.domain.indicators import INDICATORS
from safedesk.domain.people import needs_ohs_service
from safedesk.domain.responsibility import Duty
from safedesk.i18n import N_

LineValue = int | float | bool | str | dt.date | None


@dataclass(frozen=True)
class RoadmapLine:
    label: str  # msgid
    value: LineValue  # bool prints yes/no, None "—", str as it is (data, not a msgid)
    unit: str = ""  # msgid or symbol after the value: "%", ": 1"
    target: float | None = None  # the oblast target beside it, for the indicators
    available: bool = True  # False: the register the value needs is not kept yet


@dataclass(frozen=True)
class Section:
    items: tuple[int, ...]  # roadmap item numbers
    title: str  # msgid
    source: str  # "module:function"


@dataclass(frozen=True)
class SectionResult:
    section: Section
    lines: list[RoadmapLine]
    kept: bool  # False: the register it needs is not kept yet


SECTIONS: tuple[Section, ...] = (
    Section(
        (1, 18),
        N_("Workplace risk assessment and the plan to eliminate hazards (WRAC, SLAM, 5S)"),
        "safedesk.db.risk_report:roadmap_lines",  # issue 6
    ),
    Section(
        (3,),
        N_("High-hazard work only under a permit-to-work"),
        "safedesk.db.permit_report:roadmap_lines",
    ),
    Section(
        (4,),
        N_("Order appointing the persons responsible for OHS"),
        "safedesk.db.roadmap:responsible_lines",
    ),
    Section(
        (5,),
        N_("Monthly OHS day with training or a permit exercise"),
        "safedesk.db.safety_day_report:roadmap_lines",
    ),
    Section(
        (12, 31),
        N_("OHS training of employees and contractor staff"),
        "safedesk.db.training_report:roadmap_lines",  # issue 4
    ),
    Section((13,), N_("Gas analysers for every brigade"), "safedesk.db.ppe_report:gas_lines"),
    Section(
        (14,),
        N_("Milk and therapeutic nutrition for harmful conditions"),
        "safedesk.db.ppe_report:milk_lines",  # issue 7
    ),
    Section(
        (20,),
        N_("Electrical installations: isolation, locks, protective equipment"),
        "safedesk.db.ppe_report:electrical_lines",  # issue 7
    ),
    Section(
        (24,),
        N_("Step-by-step control from client to contractor"),
        "safedesk.db.contractor_report:roadmap_lines",
    ),
    Section(
        (25,),
        N_("OHS service where there are more than 50 workers (Labour Code art. 202)"),
        "safedesk.db.roadmap:ohs_service_lines",
    ),
    Section(
        (27,),
        N_("Near Miss reporting and behavioural safety audits"),
        "safedesk.db.incident_report:roadmap_lines",  # issue 8
    ),
    Section((33, 34, 39), N_("Accidents at work"), "safedesk.db.incident_report:accident_lines"),
    Section(
        (43,),
        N_("Compulsory accident insurance of employees"),
        "safedesk.db.roadmap:insurance_lines",
    ),
    Section(
        (40, 41, 42, 43, 44, 45, 46),
        N_("Target indicators beside the oblast targets"),
        "safedesk.db.roadmap:indicator_lines",
    ),
)

NOT_KEPT = N_("The register is not kept yet")


def _function(source: str) -> Callable[[Session, dt.date, dt.date], list[RoadmapLine]] | None:
    module, name = source.split(":")
    try:
        loaded = importlib.import_module(module)
    except ModuleNotFoundError as e:
        if e.name != module:  # a broken import inside a written module is a bug
            raise
        return None
    found: Callable[[Session, dt.date, dt.date], list[RoadmapLine]] | None = getattr(
        loaded, name, None
    )
    return found


def roadmap(session: Session, start: dt.date, end: dt.date) -> list[SectionResult]:
    """Every section's lines for [start, end], in roadmap order."""
    results: list[SectionResult] = []
    for section in SECTIONS:
        function = _function(section.source)
        if function is None:
            results.append(SectionResult(section, [], kept=False))
        else:
            results.append(SectionResult(section, list(function(session, start, end)), True))
    return results


# -- item 4 ------------------------------------------------------------------------------
def responsible_lines(session: Session, start: dt.date, end: dt.date) -> list[RoadmapLine]:
    in_force = appointments_in_force(session, end)
    orders = session.execute(
        select(ResponsibleAppointment.order_no, ResponsibleAppointment.order_date)
        .where(
            ResponsibleAppointment.deleted_at.is_(None),
            ResponsibleAppointment.order_date >= start,
            ResponsibleAppointment.order_date <= end,
        )
        .distinct()
    ).all()
    appointed = session.scalar(
        select(func.count()).select_from(ResponsibleAppointment).where(*appointed_in(start, end))
    )
    covered = {duty for a in in_force for duty in a.duties}
    uncovered = [d for d in Duty if d.value not in covered]
    return [
        RoadmapLine(N_("Appointments in force at the end of the period"), len(in_force)),
        RoadmapLine(N_("Persons responsible at some time in the period"), int(appointed or 0)),
        RoadmapLine(N_("Orders on appointment issued in the period"), len(orders)),
        RoadmapLine(N_("Duties without a responsible person in force"), len(uncovered)),
    ]


# -- item 25 -----------------------------------------------------------------------------
def ohs_service_lines(session: Session, start: dt.date, end: dt.date) -> list[RoadmapLine]:
    headcount = headcount_on(session, end)
    org = get_organisation(session)
    card = org.headcount if org is not None else 0
    return [
        RoadmapLine(N_("Employees on the register at the end of the period"), headcount),
        RoadmapLine(N_("Headcount on the organisation card"), card),
        RoadmapLine(
            N_("An OHS service is required (more than 50 workers)"),
            needs_ohs_service(max(headcount, card)),
        ),
    ]


# -- item 43 -----------------------------------------------------------------------------
def uncovered_days(session: Session, start: dt.date, end: dt.date) -> int:
    """Days of [start, end] on which no accident insurance contract was in force."""
    spans = session.execute(
        select(InsuranceContract.valid_from, InsuranceContract.valid_to)
        .where(*insured_in(start, end))
        .order_by(InsuranceContract.valid_from)
    ).all()
    missing, day = 0, start
    for first, last in spans:
        if first > day:
            missing += (min(first, end + dt.timedelta(days=1)) - day).days
        day = max(day, last + dt.timedelta(days=1))
        if day > end:
            break
    if day <= end:
        missing += (end - day).days + 1
    return missing


def insurance_lines(session: Session, start: dt.date, end: dt.date) -> list[RoadmapLine]:
    current = contract_in_force(session, end)
    return [
        RoadmapLine(N_("A contract in force at the end of the period"), current is not None),
        RoadmapLine(
            N_("Contract No."), f"{current.insurer} № {current.number}" if current else None
        ),
        RoadmapLine(N_("Valid to"), current.valid_to if current else None),
        RoadmapLine(
            N_("Days of the period without a contract"), uncovered_days(session, start, end)
        ),
    ]


# -- items 40-46 -------------------------------------------------------------------------
def indicator_lines(session: Session, start: dt.date, end: dt.date) -> list[RoadmapLine]:
    goals = targets(session, end.year)
    values = {v.code: v for v in compute(session, end)}
    lines: list[RoadmapLine] = []
    for kind in INDICATORS:
        value = values[kind.code]
        lines.append(
            RoadmapLine(kind.title, value.value, kind.unit, goals.get(kind.code), value.available)
        )
    return lines
