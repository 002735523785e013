"""A small known enterprise with a few records in the risk, PPE and incident registers,
written through the services, for the package's register tests.

The period is 2025. Every register has at least one record outside it (2024 or 2023),
and the near misses sit on both sides of midnight of 1 January in local time (UTC+5).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from safedesk.db.accidents import (
    AccidentFields,
    CauseFields,
    MemberFields,
    VictimFields,
    register_accident,
    sign_act,
)
from safedesk.db.engine import Database
from safedesk.db.near_misses import NearMissFields, report_near_miss
from safedesk.db.observations import ObservationFields, add_observation
from safedesk.db.ppe_equipment import EquipmentFields, add_equipment, record_test
from safedesk.db.ppe_issues import IssueFields, ReturnFields, issue, return_items
from safedesk.db.ppe_milk import MilkFields, record_milk
from safedesk.db.risk_assessments import (
    AssessmentFields,
    ControlFields,
    RowFields,
    save_assessment,
    set_control_status,
)
from safedesk.db.risk_five_s import FiveSFields, add_five_s_audit, default_checklist
from safedesk.db.risk_slam import SlamFields, add_slam_card
from safedesk.domain.accidents import KAZAKHSTAN
from safedesk.domain.ppe_provisions import MilkForm
from safedesk.domain.risk_controls import ActionStatus, Hierarchy
from tests.db.ppe_fixtures import Shop, build_shop

TODAY = dt.date(2026, 3, 2)
NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def kz(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=KAZAKHSTAN)


@dataclass
class Known:
    shop: Shop
    clerk_iin: str = "061211600012"  # starts with 0: must stay text


def _risk(db: Database, shop: Shop) -> None:
    owner = shop.miners[1]
    on = dt.date(2025, 3, 1)

    def control(deadline: dt.date) -> ControlFields:
        return ControlFields("Install a guard", Hierarchy.ENGINEERING, owner, deadline)

    rows = [
        RowFields(
            "Drilling", "Rock fall", 4, 5, residual_likelihood=2, residual_consequence=5,
            controls=[control(dt.date(2025, 4, 1)), control(dt.date(2025, 6, 1))],
        ),
        RowFields("Loading", "Dust", 2, 2, controls=[control(dt.date(2026, 2, 1))]),
    ]  # fmt: skip
    with db.write() as s:
        old = AssessmentFields(
            shop.office, "Office", dt.date(2023, 1, 10), [shop.clerk],
            rows=[RowFields("Typing", "Screen glare", 2, 1)],
        )  # fmt: skip
        save_assessment(s, None, None, old, dt.date(2023, 1, 10))
        current = save_assessment(
            s, None, None, AssessmentFields(shop.unit, "Stope 4", on, [owner], rows=rows), on
        )
        first = current.rows[0].controls[0]
        set_control_status(s, first.id, None, ActionStatus.DONE, dt.date(2025, 3, 20))
        for day, stopped in ((dt.date(2025, 4, 10), True), (dt.date(2024, 5, 5), False)):
            add_slam_card(
                s,
                SlamFields(day, shop.miners[0], "Scaling", "Loose rock", work_stopped=stopped),
                TODAY,
            )
        items = default_checklist("ru")
        for i, item in enumerate(items):
            item.score = 3 + i % 3
        add_five_s_audit(
            s, FiveSFields(dt.date(2025, 5, 5), shop.miners[0], "Workshop", items), TODAY
        )


def _ppe(db: Database, shop: Shop) -> None:
    boots = shop.items["boots_rubber"]
    with db.write() as s:
        issue(s, IssueFields(shop.miners[1], boots, 1, dt.date(2024, 3, 1), size="45"), TODAY)
        given = issue(
            s, IssueFields(shop.miners[0], boots, 1, dt.date(2025, 2, 1), size="43"), TODAY
        )
        return_items(s, ReturnFields(given.id, 1, dt.date(2025, 8, 1), kind="write_off"))
        record_milk(s, MilkFields(shop.miners[0], dt.date(2025, 1, 1), 22))
        record_milk(s, MilkFields(shop.miners[0], dt.date(2025, 2, 1), 20))
        record_milk(
            s, MilkFields(shop.miners[1], dt.date(2025, 1, 1), 20, MilkForm.COMPENSATION, 9000)
        )
        record_milk(s, MilkFields(shop.miners[1], dt.date(2025, 3, 1), 15, MilkForm.THERAPEUTIC))
        record_milk(s, MilkFields(shop.miners[1], dt.date(2024, 12, 1), 10))
        for code, number, tested, passed, unit in (
            ("gloves_dielectric", "GL-1", dt.date(2025, 3, 1), True, None),  # overdue at end
            ("voltage_indicator", "VI-1", dt.date(2025, 10, 1), True, None),
            ("voltage_indicator_hv", "VI-2", dt.date(2025, 11, 1), False, None),
            ("gas_analyser", "GA-1", dt.date(2025, 11, 1), True, shop.unit),
        ):
            piece = add_equipment(
                s,
                EquipmentFields(shop.items[code], number, holder_id=shop.miners[0], unit_id=unit),
                TODAY,
            )
            record_test(s, piece.id, tested, passed, protocol_no=number, today=TODAY)


def _incidents(db: Database, shop: Shop) -> None:
    owner = shop.miners[1]
    reports = (
        (kz(2024, 12, 31, 23, 30), "unsafe_act", "minor", "", None, "open", None),
        (kz(2025, 1, 1, 0, 30), "unsafe_act", "minor", "", None, "open", None),
        (kz(2025, 3, 5), "unsafe_act", "moderate", "", None, "open", None),
        (kz(2025, 6, 1), "unsafe_condition", "serious", "Fence it", dt.date(2025, 6, 15),
         "closed", dt.date(2025, 6, 10)),
        (kz(2025, 11, 1), "near_miss_event", "critical", "Replace the sling",
         dt.date(2025, 11, 15), "open", None),
    )  # fmt: skip
    cards = (
        (dt.date(2025, 4, 2), 2, {"ppe": (3, 1), "tools": (2, 0)}),
        (dt.date(2025, 9, 9), 1, {"line_of_fire": (1, 2)}),
        (dt.date(2024, 9, 9), 1, {"ppe": (5, 0)}),
    )
    with db.write() as s:
        for moment, category, severity, action, due, status, closed in reports:
            report_near_miss(
                s,
                NearMissFields(
                    moment, shop.unit, category, severity, "Открытый люк",
                    action=action, action_owner_id=owner if action else None,
                    action_due=due, status=status, closed_on=closed,
                ),
                NOW,
            )  # fmt: skip
        for day, people_seen, counts in cards:
            add_observation(s, ObservationFields(day, shop.unit, owner, people_seen, counts), TODAY)
        commission = [
            MemberFields("Иванов Пётр", "Главный инженер", "chair", shop.miners[1]),
            MemberFields("Яковлева Мария", "Инженер по ОТ", "member", shop.clerk),
        ]
        signed = register_accident(
            s,
            AccidentFields(
                kz(2025, 9, 10),
                shop.unit,
                "light",
                [VictimFields(employee_id=shop.miners[1], outcome="light", days_lost=5)],
                commission=commission,
                causes=[CauseFields("technical", "Worn ladder", "Replace it", owner,
                                    dt.date(2025, 9, 30), dt.date(2025, 9, 25))],
                notified_on=dt.date(2025, 9, 10),
                commission_on=dt.date(2025, 9, 12),  # a day late
                investigated_on=dt.date(2025, 9, 19),
                act_no="1",
                act_on=dt.date(2025, 9, 22),
            ),
            NOW,
        )  # fmt: skip
        sign_act(s, signed.id, None)
        register_accident(
            s,
            AccidentFields(
                kz(2025, 12, 20),
                shop.office,
                "light",
                [VictimFields(employee_id=shop.clerk, outcome="light", days_lost=3)],
            ),
            NOW,
        )


def build_known(db: Database) -> Known:
    shop = build_shop(db)
    _risk(db, shop)
    _ppe(db, shop)
    _incidents(db, shop)
    return Known(shop)
