"""A near miss or an accident cause linked to a WRAC row marks its assessment for review."""

from __future__ import annotations

import datetime as dt

import pytest

from safedesk.db.accidents import AccidentFields, CauseFields, VictimFields, register_accident
from safedesk.db.engine import Database
from safedesk.db.models import RiskAssessment
from safedesk.db.near_misses import NearMissFields, report_near_miss
from safedesk.db.risk_assessments import AssessmentFields, RowFields, save_assessment
from safedesk.errors import InvalidInput
from tests.db.incident_helpers import staff

TODAY = dt.date.today()
NOW = dt.datetime.now(dt.UTC)


def wrac(db: Database, unit_id: int, member: int) -> tuple[int, int]:
    with db.write() as s:
        a = save_assessment(
            s, None, None,
            AssessmentFields(
                unit_id=unit_id, area="Конвейер", assessed_on=TODAY - dt.timedelta(days=30),
                team_ids=[member],
                rows=[RowFields("Обслуживание конвейера", "Падение с высоты", 3, 4)],
            ),
            TODAY,
        )  # fmt: skip
        return a.id, a.rows[0].id


def test_near_miss_marks_the_row_for_review(db: Database) -> None:
    unit_id, people = staff(db)
    assessment_id, row_id = wrac(db, unit_id, people[0])
    with db.write() as s:
        report_near_miss(
            s,
            NearMissFields(NOW - dt.timedelta(hours=1), unit_id, "unsafe_condition", "serious",
                           "Сломана лестница", risk_row_id=row_id),
            NOW,
        )  # fmt: skip
    with db.session() as s:
        a = s.get(RiskAssessment, assessment_id)
        assert a is not None and a.next_review == TODAY
        assert "Сломана лестница" in a.review_reason


def test_accident_cause_marks_the_row_and_a_missing_row_is_refused(db: Database) -> None:
    unit_id, people = staff(db)
    assessment_id, row_id = wrac(db, unit_id, people[0])
    fields = AccidentFields(
        NOW - dt.timedelta(days=1),
        unit_id,
        "light",
        [VictimFields(employee_id=people[0])],
        causes=[CauseFields("technical", "Неисправная лестница", risk_row_id=row_id)],
    )
    with db.write() as s:
        register_accident(s, fields, NOW)
    with db.session() as s:
        a = s.get(RiskAssessment, assessment_id)
        assert a is not None and "Неисправная лестница" in a.review_reason
    fields.causes[0].risk_row_id = 999
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        register_accident(s, fields, NOW)
    assert caught.value.fields() == {"causes"}
