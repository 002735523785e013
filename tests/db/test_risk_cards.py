"""SLAM cards, job safety analyses and 5S audits: refusals name the field, totals are computed."""

from __future__ import annotations

import datetime as dt

import pytest

from safedesk.db.employees import EmployeeFields, add_employee
from safedesk.db.engine import Database
from safedesk.db.risk_five_s import FiveSFields, FiveSItem, add_five_s_audit, default_checklist
from safedesk.db.risk_slam import JsaFields, JsaStep, SlamFields, add_jsa, add_slam_card
from safedesk.domain.risk_coverage import FiveS
from safedesk.errors import InvalidInput

TODAY = dt.date(2026, 11, 28)


@pytest.fixture
def worker(db: Database) -> int:
    with db.write() as s:
        return add_employee(
            s, EmployeeFields(iin="871008401427", surname="Әбілова", name="Гүлнар"), TODAY
        ).id


def test_slam_card_is_kept_and_bad_ones_are_refused(db: Database, worker: int) -> None:
    with db.write() as s:
        card = add_slam_card(
            s, SlamFields(TODAY, worker, "Замена роликов", "Вращающиеся части", card_time="07:45"),
            TODAY,
        )  # fmt: skip
        assert card.id and card.card_time == "07:45"
    bad = SlamFields(TODAY + dt.timedelta(days=1), None, "", "", card_time="7.45",
                     risk_row_id=999)  # fmt: skip
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        add_slam_card(s, bad, TODAY)
    assert caught.value.fields() == {
        "worker_id", "card_date", "card_time", "task", "hazards", "risk_row_id",
    }  # fmt: skip


def test_jsa_steps_need_controls_for_their_hazards(db: Database, worker: int) -> None:
    steps = [JsaStep("Остановить", "Напряжение", "Блокировка"), JsaStep("Работать", "Удар", "")]
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        add_jsa(s, JsaFields(TODAY, "Ремонт насоса", steps, team_ids=[worker]))
    assert caught.value.fields() == {"steps.1.controls"}
    assert "Step 2" in caught.value.message()
    steps[1].controls = "Ограждение"
    with db.write() as s:
        assert add_jsa(s, JsaFields(TODAY, "Ремонт насоса", steps)).steps[1]["controls"]


def test_five_s_total_and_score_range(db: Database, worker: int) -> None:
    items = default_checklist("kk")
    assert len(items) == 10 and {i.s for i in items} == set(FiveS)
    for item in items:
        item.score = 4
    with db.write() as s:
        audit = add_five_s_audit(s, FiveSFields(TODAY, worker, "Флотация", items), TODAY)
        assert audit.total_percent == 80.0
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        add_five_s_audit(
            s, FiveSFields(TODAY, worker, "Флотация", [FiveSItem(FiveS.SORT, "X", 7)]), TODAY
        )
    assert caught.value.fields() == {"items.0.score"}
