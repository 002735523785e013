"""The risk register's services: save all-or-nothing, refuse with the field, audit, review."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from safedesk.db.audit import chain
from safedesk.db.due import due_items as all_due_items
from safedesk.db.employees import EmployeeFields, add_employee, dismiss_employee
from safedesk.db.engine import Database
from safedesk.db.models import AuditEntry, RiskAssessment, RiskControl, RiskMatrix, RiskRow
from safedesk.db.positions import PositionFields, add_position
from safedesk.db.risk_assessments import (
    AssessmentFields,
    ControlFields,
    RowFields,
    due_items,
    mark_for_review,
    save_assessment,
    set_control_status,
)
from safedesk.db.risk_coverage import risk_coverage
from safedesk.db.risk_matrices import current_matrix, new_matrix_edition
from safedesk.db.stats import stats
from safedesk.db.units import UnitFields, add_unit
from safedesk.domain.risk import default_matrix_data
from safedesk.domain.risk_controls import ActionStatus, Hierarchy
from safedesk.errors import InvalidInput

TODAY = dt.date(2026, 11, 28)


@pytest.fixture
def ids(db: Database) -> dict[str, int]:
    with db.write() as s:
        mine = add_unit(s, UnitFields("Кеніш", "Рудник"))
        shop = add_unit(s, UnitFields("Цех", "Цех"))
        miner = add_position(s, PositionFields("Кенші", "Горнорабочий"))
        fitter = add_position(s, PositionFields("Слесарь", "Слесарь"))
        people = []
        for iin, surname, unit, position in (
            ("871008401427", "Әбілова", mine.id, miner.id),
            ("760212350620", "Ахметов", mine.id, fitter.id),
            ("061211600012", "Яковлева", shop.id, fitter.id),
        ):
            people.append(
                add_employee(
                    s,
                    EmployeeFields(
                        iin=iin, surname=surname, name="Ә", unit_id=unit, position_id=position
                    ),
                    TODAY,
                ).id
            )
        return {"mine": mine.id, "shop": shop.id, "miner": miner.id, "a": people[0],
                "b": people[1], "c": people[2]}  # fmt: skip


def control(owner: int, **changes: object) -> ControlFields:
    values: dict[str, object] = dict(
        description="Install guard", hierarchy=Hierarchy.ENGINEERING, owner_id=owner,
        deadline=TODAY + dt.timedelta(days=10),
    )  # fmt: skip
    values.update(changes)
    return ControlFields(**values)  # type: ignore[arg-type]


def row(owner: int, **changes: object) -> RowFields:
    values: dict[str, object] = dict(
        activity="Drilling", hazard="Rock fall", likelihood=4, consequence=5,
        residual_likelihood=2, residual_consequence=5, controls=[control(owner)],
    )  # fmt: skip
    values.update(changes)
    return RowFields(**values)  # type: ignore[arg-type]


def assessment(ids: dict[str, int], **changes: object) -> AssessmentFields:
    values: dict[str, object] = dict(
        unit_id=ids["mine"], area="Stope 4", assessed_on=TODAY, team_ids=[ids["a"]],
        rows=[row(ids["b"])],
    )  # fmt: skip
    values.update(changes)
    return AssessmentFields(**values)  # type: ignore[arg-type]


def test_assessment_is_rated_with_the_current_matrix_and_audited(
    db: Database, ids: dict[str, int]
) -> None:
    with db.write() as s:
        a = save_assessment(s, None, None, assessment(ids), TODAY)
        r = a.rows[0]
        assert (r.initial_score, r.initial_band) == (20, "critical")
        assert (r.residual_score, r.residual_band) == (10, "high")
        assert a.next_review == dt.date(2027, 11, 28)
        assert a.number == "2026-001"
        assert len(r.controls) == 1
    with db.session() as s:
        tables = {e.table_name for e in chain(s)}
    assert {"risk_assessments", "risk_rows", "risk_controls"} <= tables


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"likelihood": 6}, "rows.0.initial", "outside the matrix"),
        ({"residual_likelihood": 5, "residual_consequence": 5}, "rows.0.residual_reason", "higher"),
        ({"hazard": " "}, "rows.0.hazard", "name the hazard"),
    ],
)
def test_bad_row_is_refused_naming_row_and_rule_and_nothing_is_written(
    db: Database, ids: dict[str, int], change: dict[str, object], field: str, words: str
) -> None:
    bad = assessment(ids, rows=[row(ids["b"], **change)])
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        save_assessment(s, None, None, bad, TODAY)
    assert field in caught.value.fields()
    assert "Row 1" in caught.value.message() and words in caught.value.message()
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(RiskAssessment)) == 0
        assert s.scalar(select(func.count()).select_from(RiskRow)) == 0


def test_higher_residual_with_a_reason_is_kept(db: Database, ids: dict[str, int]) -> None:
    raised = row(ids["b"], residual_likelihood=5, residual_consequence=5, residual_reason="New ore")
    with db.write() as s:
        a = save_assessment(s, None, None, assessment(ids, rows=[raised]), TODAY)
        assert a.rows[0].residual_score == 25


def test_control_rules_owner_deadline_dismissed(db: Database, ids: dict[str, int]) -> None:
    with db.write() as s:
        dismiss_employee(s, ids["c"], None, TODAY - dt.timedelta(days=1))
    bad_row = row(
        ids["b"],
        controls=[
            control(ids["b"], owner_id=None),
            control(ids["b"], deadline=TODAY - dt.timedelta(days=1)),
            control(ids["c"]),
        ],
    )
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        save_assessment(s, None, None, assessment(ids, rows=[bad_row]), TODAY)
    assert caught.value.fields() == {
        "rows.0.controls.0.owner_id",
        "rows.0.controls.1.deadline",
        "rows.0.controls.2.owner_id",
    }
    assert "dismissed" in caught.value.message()


def test_edit_keeps_rows_by_id_and_drops_removed_ones(db: Database, ids: dict[str, int]) -> None:
    with db.write() as s:
        a = save_assessment(s, None, None, assessment(ids, rows=[row(ids["b"]), row(ids["b"])]),
                            TODAY)  # fmt: skip
        first, _second = a.rows
        kept = row(ids["b"], id=first.id, activity="Charging", controls=[])
        save_assessment(s, a.id, a.version, assessment(ids, rows=[kept]), TODAY)
    with db.session() as s:
        live = s.scalars(select(RiskRow).where(RiskRow.deleted_at.is_(None))).all()
        assert [(r.id, r.activity) for r in live] == [(first.id, "Charging")]
        controls = s.scalars(select(RiskControl).where(RiskControl.deleted_at.is_(None))).all()
        assert controls == []


def test_new_matrix_edition_leaves_old_ratings_alone(db: Database, ids: dict[str, int]) -> None:
    with db.write() as s:
        old = save_assessment(s, None, None, assessment(ids), TODAY)
        data = default_matrix_data()
        data["bands"][2]["max"] = 19  # high now reaches 19
        data["bands"][3]["min"] = 20
        new_matrix_edition(s, data, TODAY)
        matrix_id, matrix = current_matrix(s)
        assert matrix_id != old.matrix_id and matrix.band_of(4, 4).code == "high"
        again = save_assessment(s, old.id, old.version, assessment(ids), TODAY)
        assert again.matrix_id == old.matrix_id and again.rows[0].initial_band == "critical"
        assert s.scalar(select(func.count()).select_from(RiskMatrix)) == 2


def test_matrix_with_a_gap_is_refused_naming_the_cell(db: Database) -> None:
    data = default_matrix_data()
    data["bands"][1]["min"] = 6  # score 5 is in no band
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        new_matrix_edition(s, data, TODAY)
    assert "Cell 1×5 (score 5) is in no band" in caught.value.message()


def test_mark_for_review_due_items_and_stats(db: Database, ids: dict[str, int]) -> None:
    with db.write() as s:
        late = row(ids["b"], controls=[control(ids["b"], deadline=TODAY - dt.timedelta(days=10))])
        earlier = TODAY - dt.timedelta(days=20)
        a = save_assessment(
            s, None, None, assessment(ids, rows=[late], assessed_on=earlier), earlier
        )
        row_id = a.rows[0].id
    with db.session() as s:
        kinds = {(i.register, i.overdue(TODAY)) for i in due_items(s, TODAY)}
        assert kinds == {("risk_controls", True)}  # deadline 10 days after the assessment
    with db.write() as s:
        mark_for_review(s, row_id, "Near miss No. 5", TODAY)
    with db.session() as s:
        a2 = s.get(RiskAssessment, a.id)
        assert a2 is not None and a2.next_review == TODAY and "Near miss" in a2.review_reason
        assert ("risk_assessments", a.id) in {(i.register, i.record_id) for i in all_due_items(
            s, TODAY)}  # fmt: skip
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert last is not None and last.table_name == "risk_assessments"
        counts = stats(s, TODAY)["registers"]
        assert counts["risk_assessments"] == 1 and counts["risk_rows"] == 1
    with db.write() as s:
        control_id = s.scalars(select(RiskControl.id)).one()
        set_control_status(s, control_id, None, ActionStatus.DONE, TODAY)
    with db.session() as s:
        assert {i.register for i in due_items(s, TODAY)} == {"risk_assessments"}


def test_coverage_counts_workplaces_under_a_current_assessment(
    db: Database, ids: dict[str, int]
) -> None:
    with db.write() as s:
        assert risk_coverage(s, TODAY).as_json() == {"workplaces": 3, "covered": 0, "percent": 0.0}
        save_assessment(s, None, None, assessment(ids, position_ids=[ids["miner"]]), TODAY)
        assert risk_coverage(s, TODAY).covered == 1
        save_assessment(s, None, None, assessment(ids), TODAY)  # whole mine
        cover = risk_coverage(s, TODAY)
        assert (cover.covered, cover.percent) == (2, 66.7)
        assert risk_coverage(s, TODAY + dt.timedelta(days=400)).covered == 0
