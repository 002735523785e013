"""The home page's chart figures, counted by the database, on rows whose months are known."""

from __future__ import annotations

import datetime as dt

from safedesk.db.charts import (
    briefings_due_ahead,
    checks_due_ahead,
    home_charts,
    month_start,
    near_misses_by_month,
    ppe_due_ahead,
    risk_cells,
)
from safedesk.db.engine import Database
from safedesk.db.incident_stats import monthly_figures
from safedesk.db.models import (
    Briefing,
    CheckResult,
    CheckSession,
    Employee,
    NearMiss,
    PpeIssue,
    PpeItem,
    RiskAssessment,
    RiskRow,
)
from safedesk.db.risk_matrices import current_matrix
from safedesk.domain.accidents import KAZAKHSTAN
from tests.db.incident_helpers import staff

TODAY = dt.date(2026, 3, 10)
D = dt.date


def local(y: int, m: int, d: int, h: int = 12, mi: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, h, mi, tzinfo=KAZAKHSTAN).astimezone(dt.UTC)


def briefing(person: int, held: dt.date, due: dt.date, deleted: bool = False) -> Briefing:
    return Briefing(
        employee_id=person,
        kind="repeated",
        held_on=held,
        instructor_id=person,
        next_due=due,
        deleted_at=dt.datetime(2026, 3, 1, tzinfo=dt.UTC) if deleted else None,
    )


def test_month_start_moves_across_years() -> None:
    assert month_start(D(2026, 3, 10)) == D(2026, 3, 1)
    assert month_start(D(2026, 3, 10), 10) == D(2027, 1, 1)
    assert month_start(D(2026, 3, 10), -3) == D(2025, 12, 1)


def test_briefings_due_by_month_count_each_persons_latest(db: Database) -> None:
    _unit, (a, b, c) = staff(db)
    with db.write() as s:
        s.add_all(
            [
                briefing(a, D(2025, 7, 1), D(2026, 1, 1)),  # replaced by the next one
                briefing(a, D(2025, 9, 5), D(2026, 3, 5)),  # overdue on the 10th
                briefing(b, D(2025, 9, 20), D(2026, 3, 20)),  # rest of March
                briefing(c, D(2025, 11, 30), D(2026, 5, 31)),  # May
                briefing(c, D(2026, 1, 15), D(2026, 4, 1), deleted=True),
            ]
        )
    with db.session() as s:
        due = briefings_due_ahead(s, TODAY)
    assert due.months == [D(2026, m, 1) for m in range(3, 9)]
    assert (due.overdue, due.counts) == (1, [1, 0, 1, 0, 0, 0])


def test_people_dismissed_before_today_leave_the_due_charts(db: Database) -> None:
    _unit, (a, b, _c) = staff(db)
    with db.write() as s:
        s.add_all(
            [briefing(a, D(2025, 9, 5), D(2026, 3, 5)), briefing(b, D(2025, 9, 20), D(2026, 4, 2))]
        )
        employee = s.get(Employee, b)
        assert employee is not None
        employee.dismissal_date = D(2026, 3, 1)
    with db.session() as s:
        due = briefings_due_ahead(s, TODAY)
    assert (due.overdue, due.counts) == (1, [0, 0, 0, 0, 0, 0])


def test_checks_due_by_month_from_signed_protocols(db: Database) -> None:
    _unit, (a, b, c) = staff(db)
    with db.write() as s:
        signed = CheckSession(
            number="1", held_on=D(2025, 3, 10), kind="internal", signed_on=D(2025, 3, 10)
        )
        draft = CheckSession(number="2", held_on=D(2025, 4, 1), kind="internal")
        s.add_all([signed, draft])
        s.flush()
        for person, until, session in (
            (a, D(2026, 3, 10), signed),  # its last valid day is today: due, not overdue
            (b, D(2026, 8, 31), signed),  # the last month of the six
            (c, D(2026, 9, 1), signed),  # beyond the six months
            (c, D(2026, 4, 1), draft),  # an unsigned protocol counts for nothing
        ):
            s.add(
                CheckResult(
                    session_id=session.id,
                    employee_id=person,
                    checked_on=session.held_on,
                    outcome="passed",
                    valid_until=until,
                )
            )
    with db.session() as s:
        due = checks_due_ahead(s, TODAY)
    assert (due.overdue, due.counts) == (0, [1, 0, 0, 0, 0, 1])


def test_ppe_due_by_month_is_the_earliest_due_per_person_and_item(db: Database) -> None:
    _unit, (a, b, c) = staff(db)
    with db.write() as s:
        boots = PpeItem(kind="ppe", name_kk="Етік", name_ru="Сапоги")
        gloves = PpeItem(kind="ppe", name_kk="Қолғап", name_ru="Перчатки")
        s.add_all([boots, gloves])
        s.flush()

        def issue(person: int, item: PpeItem, due: dt.date | None, **extra: object) -> PpeIssue:
            return PpeIssue(
                employee_id=person,
                item_id=item.id,
                quantity=1,
                issue_date=D(2025, 3, 1),
                wear=str(extra.pop("wear", "months")),
                due_date=due,
                **extra,
            )

        s.add_all(
            [
                issue(a, boots, D(2026, 2, 1)),  # overdue: the earlier of A's two pairs
                issue(a, boots, D(2026, 4, 15)),
                issue(b, boots, D(2026, 4, 15)),  # April
                issue(b, gloves, D(2026, 4, 20)),  # April
                issue(c, boots, D(2026, 3, 15), closed_on=D(2026, 1, 5)),  # returned
                issue(c, boots, D(2026, 3, 15), outside_norm=True),
                issue(c, gloves, None, wear="until_worn"),
            ]
        )
    with db.session() as s:
        due = ppe_due_ahead(s, TODAY)
    assert (due.overdue, due.counts) == (1, [0, 2, 0, 0, 0, 0])


def test_near_misses_by_local_month_agree_with_the_incident_figures(db: Database) -> None:
    unit, _people = staff(db)

    def near(moment: dt.datetime, deleted: bool = False) -> NearMiss:
        return NearMiss(
            occurred_at=moment,
            unit_id=unit,
            category="slip",
            severity="low",
            description="—",
            deleted_at=moment if deleted else None,
        )

    with db.write() as s:
        s.add_all(
            [
                near(local(2025, 3, 31, 23, 30)),  # before the twelve months
                near(local(2025, 4, 1, 0, 30)),  # first month (UTC still 31 March)
                near(local(2026, 2, 28, 23, 30)),
                near(local(2026, 3, 1, 0, 30)),
                near(local(2026, 3, 2)),
                near(local(2026, 3, 3), deleted=True),
            ]
        )
    with db.session() as s:
        months, counts = near_misses_by_month(s, TODAY)
        figures = monthly_figures(s, D(2025, 4, 1), D(2026, 3, 31))
    assert months[0] == D(2025, 4, 1) and months[-1] == D(2026, 3, 1) and len(months) == 12
    assert counts == [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2]
    assert counts == [f.near_misses for f in figures]


def test_risk_cells_count_initial_risk_of_assessments_in_force(db: Database) -> None:
    unit, _people = staff(db)
    with db.write() as s:
        matrix_id, _matrix = current_matrix(s)

        def assessment(superseded: dt.date | None) -> RiskAssessment:
            row = RiskAssessment(
                unit_id=unit,
                assessed_on=D(2026, 1, 1),
                next_review=D(2027, 1, 1),
                matrix_id=matrix_id,
                superseded_on=superseded,
            )
            s.add(row)
            s.flush()
            return row

        def row(of: RiskAssessment, lik: int, con: int) -> RiskRow:
            return RiskRow(
                assessment_id=of.id,
                likelihood=lik,
                consequence=con,
                initial_score=lik * con,
                initial_band="x",
                residual_likelihood=1,
                residual_consequence=1,
                residual_score=1,
                residual_band="x",
            )

        current, old = assessment(None), assessment(D(2026, 2, 1))
        s.add_all([row(current, 4, 5), row(current, 4, 5), row(current, 2, 3), row(old, 5, 5)])
    with db.session() as s:
        assert risk_cells(s) == {(4, 5): 2, (2, 3): 1}
        charts = home_charts(s, TODAY)
        assert charts.matrix is not None and charts.risk == {(4, 5): 2, (2, 3): 1}


def test_home_charts_on_an_empty_database_are_all_zero(db: Database) -> None:
    with db.session() as s:
        charts = home_charts(s, TODAY)
    assert charts.near_misses == [0] * 12 and charts.risk == {}
    for due in (charts.briefings, charts.checks, charts.ppe):
        assert due is not None and due.total == 0 and len(due.counts) == 6
