"""Roadmap items 13, 14 and 20 in the roadmap report: gas analysers, milk and therapeutic
nutrition, electrical protective equipment, as the PPE register shows them for a period.

Equipment is counted as it stood on the period's last day (`ppe_exports.equipment_states`,
the same states the package's sheet lists); milk by the months the period touches.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from safedesk.db.export_helpers import months_between
from safedesk.db.models import (
    Employee,
    MilkIssue,
    Position,
    PpeItem,
    ProtectiveEquipment,
    ProtectiveTest,
)
from safedesk.db.ppe_exports import (
    FAILED,
    OVERDUE,
    UNTESTED,
    VALID,
    EquipmentState,
    equipment_states,
)
from safedesk.db.roadmap import RoadmapLine
from safedesk.db.staff_exports import employed_in
from safedesk.domain.ppe import ItemKind
from safedesk.domain.ppe_provisions import MilkForm
from safedesk.i18n import N_

VOLTAGE_INDICATORS = ("voltage_indicator", "voltage_indicator_hv")  # catalogue codes
DIELECTRIC_GLOVES = ("gloves_dielectric",)


# -- item 14 -----------------------------------------------------------------------------
def milk_lines(session: Session, start: dt.date, end: dt.date) -> list[RoadmapLine]:
    entitled = set(
        session.scalars(
            select(Employee.id)
            .join(Position, Position.id == Employee.position_id)
            .where(Position.harmful.is_(True), *employed_in(start, end))
        )
    )
    months = months_between(start, end)
    issued = session.execute(
        select(
            MilkIssue.employee_id,
            MilkIssue.month,
            MilkIssue.form,
            MilkIssue.shifts,
            MilkIssue.quantity_ml,
            MilkIssue.amount_kzt,
        ).where(
            MilkIssue.deleted_at.is_(None),
            MilkIssue.month >= months[0],
            MilkIssue.month <= end,
        )
    ).all()
    received = {row.employee_id for row in issued}
    milk_ml = sum(row.quantity_ml for row in issued if row.form == MilkForm.MILK.value)
    portions = sum(row.shifts for row in issued if row.form == MilkForm.THERAPEUTIC.value)
    paid = sum(row.amount_kzt for row in issued if row.form == MilkForm.COMPENSATION.value)
    covered = {row.month for row in issued}
    return [
        RoadmapLine(N_("Workers in harmful conditions in the period"), len(entitled)),
        RoadmapLine(N_("Workers who received milk, nutrition or compensation"), len(received)),
        RoadmapLine(
            N_("Workers in harmful conditions with nothing recorded in the period"),
            len(entitled - received),
        ),
        RoadmapLine(N_("Milk issued"), round(milk_ml / 1000, 1), N_("l")),
        RoadmapLine(N_("Therapeutic nutrition issued, portions"), portions),
        RoadmapLine(N_("Monetary compensation paid instead"), paid, N_("KZT")),
        RoadmapLine(
            N_("Months of the period with issuance recorded"),
            f"{len(covered)} / {len(months)}",
        ),
    ]


# -- items 13 and 20 ---------------------------------------------------------------------
def _tests(session: Session, start: dt.date, end: dt.date, kind: ItemKind) -> tuple[int, int]:
    """Tests of equipment of `kind` held in [start, end]: all of them, and the failed ones."""
    rows = session.execute(
        select(ProtectiveTest.passed, func.count(ProtectiveTest.id))
        .join(ProtectiveEquipment, ProtectiveEquipment.id == ProtectiveTest.equipment_id)
        .join(PpeItem, PpeItem.id == ProtectiveEquipment.item_id)
        .where(
            ProtectiveTest.deleted_at.is_(None),
            ProtectiveTest.test_date >= start,
            ProtectiveTest.test_date <= end,
            PpeItem.kind == kind.value,
        )
        .group_by(ProtectiveTest.passed)
    ).all()
    return sum(int(n) for _p, n in rows), sum(int(n) for p, n in rows if not p)


def _of_kind(session: Session, end: dt.date, kind: ItemKind) -> list[EquipmentState]:
    return [s for s in equipment_states(session, end) if s.item.kind == kind.value]


def _count(states: list[EquipmentState], *wanted: str) -> int:
    return sum(1 for s in states if s.state in wanted)


def electrical_lines(session: Session, start: dt.date, end: dt.date) -> list[RoadmapLine]:
    states = _of_kind(session, end, ItemKind.ELECTRICAL)
    held, failed = _tests(session, start, end, ItemKind.ELECTRICAL)
    return [
        RoadmapLine(
            N_("Electrical protective equipment in service at the end of the period"),
            len(states),
        ),
        RoadmapLine(
            N_("Of it voltage indicators"),
            sum(1 for s in states if s.item.code in VOLTAGE_INDICATORS),
        ),
        RoadmapLine(
            N_("Of it dielectric gloves"),
            sum(1 for s in states if s.item.code in DIELECTRIC_GLOVES),
        ),
        RoadmapLine(N_("With a valid test at the end of the period"), _count(states, VALID)),
        RoadmapLine(N_("Test overdue or never recorded"), _count(states, OVERDUE, UNTESTED)),
        RoadmapLine(N_("Failed the last test, out of use"), _count(states, FAILED)),
        RoadmapLine(N_("Tests held in the period"), held),
        RoadmapLine(N_("Of them failed"), failed),
    ]


def gas_lines(session: Session, start: dt.date, end: dt.date) -> list[RoadmapLine]:
    states = _of_kind(session, end, ItemKind.GAS_ANALYSER)
    holders = {s.equipment.holder_id for s in states if s.equipment.unit_id is None}
    unit_of = dict(
        session.execute(
            select(Employee.id, Employee.unit_id).where(
                Employee.id.in_(sorted(h for h in holders if h is not None))
            )
        ).all()
    )
    units = {s.equipment.unit_id or unit_of.get(s.equipment.holder_id or 0) for s in states}
    units.discard(None)
    held, failed = _tests(session, start, end, ItemKind.GAS_ANALYSER)
    return [
        RoadmapLine(N_("Gas analysers in service at the end of the period"), len(states)),
        RoadmapLine(N_("Units (brigades) equipped with a gas analyser"), len(units)),
        RoadmapLine(N_("With a valid calibration at the end of the period"), _count(states, VALID)),
        RoadmapLine(N_("Calibration overdue or never recorded"), _count(states, OVERDUE, UNTESTED)),
        RoadmapLine(N_("Failed the last calibration, out of use"), _count(states, FAILED)),
        RoadmapLine(N_("Calibrations held in the period"), held),
        RoadmapLine(N_("Of them failed"), failed),
    ]
