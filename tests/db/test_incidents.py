"""Near misses, observation cards and the holiday calendar on a real SQLite file."""

from __future__ import annotations

import datetime as dt

import pytest

from safedesk.db.due import due_items
from safedesk.db.engine import Database
from safedesk.db.holidays import HolidayFields, add_holiday, list_holidays, work_calendar
from safedesk.db.incident_stats import monthly_figures, near_miss_count
from safedesk.db.models import NearMiss
from safedesk.db.near_misses import NearMissFields, report_near_miss, update_near_miss
from safedesk.db.observations import ObservationFields, add_observation, update_observation
from safedesk.db.stats import stats
from safedesk.db.units import UnitFields, add_unit
from safedesk.errors import InvalidInput
from tests.db.incident_helpers import staff

NOW = dt.datetime(2026, 6, 10, 9, 0, tzinfo=dt.UTC)
TODAY = dt.date(2026, 6, 10)


def near_miss(unit_id: int | None, **kw: object) -> NearMissFields:
    values: dict[str, object] = dict(
        occurred_at=NOW - dt.timedelta(hours=2),
        unit_id=unit_id,
        category="unsafe_condition",
        severity="serious",
        description="Открытый люк у конвейера №3",
    )
    values.update(kw)
    return NearMissFields(**values)  # type: ignore[arg-type]


def test_holidays_are_seeded_and_a_duplicate_date_is_refused(db: Database) -> None:
    with db.write() as s:
        assert len(list_holidays(s, 2026)) >= 13
        assert not work_calendar(s).is_working_day(dt.date(2026, 12, 16))
        with pytest.raises(InvalidInput) as caught:
            add_holiday(s, HolidayFields(dt.date(2026, 1, 1), name_ru="Новый год"))
    assert caught.value.fields() == {"day"}
    assert "already in the holiday calendar" in caught.value.message()


def test_a_decreed_day_off_changes_the_calendar(db: Database) -> None:
    with db.write() as s:
        add_holiday(s, HolidayFields(dt.date(2026, 1, 5), "day_off", name_ru="Перенос"))
        assert not work_calendar(s).is_working_day(dt.date(2026, 1, 5))


def test_near_miss_without_place_is_refused(db: Database) -> None:
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        report_near_miss(s, near_miss(None), NOW)
    assert caught.value.fields() == {"unit_id"}
    assert "place" in caught.value.message()


def test_near_miss_in_the_future_is_refused(db: Database) -> None:
    with db.write() as s:
        unit = add_unit(s, UnitFields("Кеніш", "Рудник"))
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        report_near_miss(s, near_miss(unit.id, occurred_at=NOW + dt.timedelta(days=1)), NOW)
    assert caught.value.fields() == {"occurred_at"}


def test_anonymous_report_stores_no_reporter(db: Database) -> None:
    unit_id, people = staff(db)
    with db.write() as s:
        row = report_near_miss(s, near_miss(unit_id, anonymous=True), NOW)
        assert row.reporter_id is None
        with pytest.raises(InvalidInput) as caught:
            update_near_miss(
                s,
                row.id,
                row.version,
                near_miss(unit_id, anonymous=True, reporter_id=people[0]),
                NOW,
            )
    assert caught.value.fields() == {"reporter_id"}


def test_follow_up_action_is_due_and_then_closed(db: Database) -> None:
    unit_id, people = staff(db)
    with db.write() as s:
        early = NOW - dt.timedelta(days=5)
        row = report_near_miss(s, near_miss(unit_id, occurred_at=early), NOW)
        fields = near_miss(
            unit_id,
            occurred_at=early,
            action="Закрыть люк решёткой",
            action_owner_id=people[1],
            action_due=TODAY - dt.timedelta(days=1),
        )
        update_near_miss(s, row.id, row.version, fields, NOW)
        items = [i for i in due_items(s, TODAY) if i.register == "near_misses"]
        assert [(i.record_id, i.overdue(TODAY)) for i in items] == [(row.id, True)]
        fields.status, fields.closed_on = "closed", TODAY
        update_near_miss(s, row.id, None, fields, NOW)
        assert [i for i in due_items(s, TODAY) if i.register == "near_misses"] == []


def test_action_without_owner_is_refused(db: Database) -> None:
    unit_id, _people = staff(db)
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        report_near_miss(s, near_miss(unit_id, action="Огородить"), NOW)
    assert caught.value.fields() == {"action_owner_id", "action_due"}


def test_observation_card_counts_and_trends(db: Database) -> None:
    unit_id, people = staff(db)
    fields = ObservationFields(
        observed_on=TODAY,
        unit_id=unit_id,
        observer_id=people[0],
        people_observed=4,
        counts={"ppe": (3, 1), "line_of_fire": (2, 2)},
        conversation_held=True,
    )
    with db.write() as s:
        card = add_observation(s, fields, TODAY)
        assert (card.safe_total, card.at_risk_total) == (5, 3)
        fields.counts = {"ppe": (4, 0)}
        update_observation(s, card.id, card.version, fields, TODAY)
        assert [(c.category, c.safe) for c in card.counts] == [("ppe", 4)]
        report_near_miss(s, near_miss(unit_id), NOW)
        june = [m for m in monthly_figures(s, dt.date(2026, 1, 1), TODAY) if m.month.month == 6]
        assert (june[0].near_misses, june[0].safe, june[0].at_risk) == (1, 4, 0)
        assert near_miss_count(s, dt.date(2026, 6, 1), TODAY) == 1
        counts = stats(s, TODAY)["registers"]
    assert (counts["near_misses"], counts["observations"], counts["accidents"]) == (1, 1, 0)


def test_observation_without_counts_is_refused(db: Database) -> None:
    unit_id, people = staff(db)
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        add_observation(s, ObservationFields(TODAY, unit_id, people[0], 0, {}), TODAY)
    assert caught.value.fields() == {"people_observed", "counts"}


def test_soft_fields_are_kept(db: Database) -> None:
    unit_id, _people = staff(db)
    with db.write() as s:
        row = report_near_miss(s, near_miss(unit_id, place="  ленточный конвейер  "), NOW)
    with db.session() as s:
        stored = s.get(NearMiss, row.id)
        assert stored is not None and stored.place == "ленточный конвейер"
