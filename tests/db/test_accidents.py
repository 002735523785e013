"""The accident register: victims, deadlines, due items, signing, corrections, figures."""

from __future__ import annotations

import datetime as dt

import pytest

from safedesk.db.accidents import (
    AccidentFields,
    CauseFields,
    MemberFields,
    VictimFields,
    correct_accident,
    register_accident,
    sign_act,
    steps_of,
    update_accident,
)
from safedesk.db.due import due_items
from safedesk.db.engine import Database
from safedesk.db.incident_stats import fatalities, injured_count, pyramid_ratio
from safedesk.domain.accidents import KAZAKHSTAN, StepKey
from safedesk.errors import InvalidInput, ReadOnlyRecord
from tests.db.incident_helpers import staff

NOW = dt.datetime(2026, 6, 10, 9, 0, tzinfo=dt.UTC)
WHEN = dt.datetime(2026, 5, 22, 18, 0, tzinfo=KAZAKHSTAN)  # a Friday evening


def fields(unit_id: int, people: list[int], **kw: object) -> AccidentFields:
    values: dict[str, object] = dict(
        occurred_at=WHEN,
        unit_id=unit_id,
        classification="light",
        victims=[VictimFields(employee_id=people[0], outcome="light", days_lost=5)],
        circumstances="Падение с лестницы при обслуживании конвейера.",
    )
    values.update(kw)
    return AccidentFields(**values)  # type: ignore[arg-type]


def commission(people: list[int]) -> list[MemberFields]:
    return [
        MemberFields("Ахметов Ерлан", "Главный инженер", "chair", people[1]),
        MemberFields("Яковлева Мария", "Инженер по ОТ", "member", people[2]),
    ]


def test_employee_victim_is_filled_from_the_card(db: Database) -> None:
    unit_id, people = staff(db)
    with db.write() as s:
        row = register_accident(s, fields(unit_id, people), NOW)
        (victim,) = row.victims
        assert (victim.iin, victim.full_name) == ("871008401427", "Әбілова Гүлнар")
        assert row.number == "2026-1" and row.days_lost == 5


def test_contractor_victim_by_iin_and_name(db: Database) -> None:
    unit_id, people = staff(db)
    contractor = VictimFields(
        iin="760212350620",
        full_name="Сидоров Пётр",
        employer="ТОО «Подрядчик»",
        outcome="light",
        days_lost=2,
    )
    with db.write() as s:
        row = register_accident(s, fields(unit_id, people, victims=[contractor]), NOW)
        assert row.victims[0].employer == "ТОО «Подрядчик»"


def test_future_and_fatal_without_commission_are_refused(db: Database) -> None:
    unit_id, people = staff(db)
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        register_accident(s, fields(unit_id, people, occurred_at=NOW + dt.timedelta(days=3)), NOW)
    assert caught.value.fields() == {"occurred_at"}
    fatal = [VictimFields(employee_id=people[0], outcome="fatal")]
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        register_accident(s, fields(unit_id, people, classification="fatal", victims=fatal), NOW)
    assert caught.value.fields() == {"commission"}
    assert "fatal accident" in caught.value.message()


def test_deadlines_follow_the_holiday_calendar(db: Database) -> None:
    unit_id, people = staff(db)
    with db.write() as s:
        row = register_accident(s, fields(unit_id, people), NOW)
        steps = {step.key: step.due for step in steps_of(s, row)}
    # Kurban ait 27.05.2026 (seeded) is skipped by the 10 working days.
    assert steps[StepKey.INVESTIGATION] == dt.date(2026, 6, 8)
    assert steps[StepKey.ACT] == dt.date(2026, 6, 11)


def test_overdue_steps_and_measures_are_due_items(db: Database) -> None:
    unit_id, people = staff(db)
    today = dt.date(2026, 6, 10)
    cause = CauseFields(
        "organisational",
        "Не проведён целевой инструктаж",
        "Провести инструктаж",
        people[1],
        dt.date(2026, 6, 1),
    )
    with db.write() as s:
        row = register_accident(
            s, fields(unit_id, people, notified_on=dt.date(2026, 5, 22), causes=[cause]), NOW
        )
        mine = [i for i in due_items(s, today) if i.register == "accidents"]
    overdue = sorted(i.what for i in mine if i.overdue(today))
    assert overdue == sorted(
        [
            "Complete the investigation",
            "Form the investigation commission",
            "Measure after an accident",
        ]
    )
    assert {i.record_id for i in mine} == {row.id}


def test_a_signed_act_is_evidence_and_corrected_by_a_new_record(db: Database) -> None:
    unit_id, people = staff(db)
    done = fields(
        unit_id,
        people,
        notified_on=dt.date(2026, 5, 22),
        commission_on=dt.date(2026, 5, 23),
        commission=commission(people),
        investigated_on=dt.date(2026, 6, 2),
        act_no="1",
        act_on=dt.date(2026, 6, 3),
        causes=[CauseFields("technical", "Неисправная лестница")],
    )
    with db.write() as s:
        row = register_accident(s, done, NOW)
        sign_act(s, row.id, None)
        with pytest.raises(ReadOnlyRecord):
            update_accident(s, row.id, None, done, NOW)
        copy = correct_accident(s, row.id)
        assert copy.corrects_id == row.id and not copy.signed
        assert len(copy.victims) == 1 and len(copy.commission) == 2
        # The original and its correction count once.
        assert injured_count(s, dt.date(2026, 1, 1), dt.date(2026, 12, 31)) == 1


def test_signing_needs_act_commission_and_causes(db: Database) -> None:
    unit_id, people = staff(db)
    with db.write() as s:
        row = register_accident(s, fields(unit_id, people), NOW)
        with pytest.raises(InvalidInput) as caught:
            sign_act(s, row.id, None)
    assert caught.value.fields() == {"act_on", "act_no", "commission", "causes"}


def test_fatalities_and_pyramid(db: Database) -> None:
    unit_id, people = staff(db)
    fatal = [VictimFields(employee_id=people[0], outcome="fatal")]
    with db.write() as s:
        register_accident(
            s,
            fields(
                unit_id,
                people,
                classification="fatal",
                victims=fatal,
                commission=commission(people),
            ),
            NOW,
        )
        year = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
        assert fatalities(s, *year) == 1
        assert pyramid_ratio(s, *year) == 0.0
