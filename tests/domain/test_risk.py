"""The risk matrix, the rating rules, controls and coverage, as plain values."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safedesk.domain.risk import (
    default_matrix,
    default_matrix_data,
    matrix_from_json,
    matrix_problems,
    rating_problem,
    residual_problem,
)
from safedesk.domain.risk_controls import (
    ActionState,
    ActionStatus,
    Hierarchy,
    action_state,
    add_months,
    control_problems,
    hierarchy_rank,
    is_current,
    review_after_event,
)
from safedesk.domain.risk_coverage import FiveS, coverage, five_s_result

M = default_matrix()
LEVEL = st.integers(min_value=1, max_value=5)
TODAY = dt.date(2026, 11, 28)


def test_default_matrix_is_5x5_with_four_bands_and_a_legal_basis() -> None:
    data = default_matrix_data()
    assert M.size == (5, 5)
    assert [b.code for b in M.bands] == ["low", "medium", "high", "critical"]
    assert "363" in data["legal_basis"]["ru"] and data["edition"] == "2020-09-11"
    assert matrix_problems(M) == []
    assert M.likelihood[0].name.kk and M.consequence[4].description.ru


@given(LEVEL, LEVEL, LEVEL, LEVEL)
def test_score_never_falls_as_likelihood_or_consequence_rise(
    l1: int, c1: int, l2: int, c2: int
) -> None:
    if l1 <= l2 and c1 <= c2:
        assert M.score(l1, c1) <= M.score(l2, c2)


@given(LEVEL, LEVEL)
def test_every_cell_is_in_exactly_one_band(lik: int, con: int) -> None:
    assert sum(1 for b in M.bands if b.holds(M.score(lik, con))) == 1


@given(LEVEL, LEVEL, LEVEL, LEVEL, st.text(max_size=3))
def test_residual_above_initial_needs_a_reason(
    l1: int, c1: int, l2: int, c2: int, reason: str
) -> None:
    problem = residual_problem(M, "residual", 1, (l1, c1), (l2, c2), reason)
    higher = M.score(l2, c2) > M.score(l1, c1)
    assert (problem is not None) == (higher and not reason.strip())


@given(st.integers(-3, 9), st.integers(-3, 9))
def test_rating_outside_the_matrix_is_named(lik: int, con: int) -> None:
    problem = rating_problem(M, "rows.0.initial", 1, lik, con)
    inside = 1 <= lik <= 5 and 1 <= con <= 5
    assert (problem is None) == inside
    if problem is not None:
        assert problem.values["cell"] == f"{lik}×{con}"


def test_overlapping_bands_and_falling_scores_are_refused_naming_the_cell() -> None:
    data = default_matrix_data()
    data["bands"][0]["max"] = 5  # 5 is now low and medium
    data["scores"][1][1] = 1  # 2×2 scores below 2×1
    problems = matrix_problems(matrix_from_json(data))
    cells = {str(p.values.get("cell")) for p in problems}
    assert {"1×5", "5×1", "2×2"} <= cells
    assert any("more than one band" in p.msgid for p in problems)
    assert any("must not fall" in p.msgid for p in problems)


def test_a_matrix_of_the_wrong_size_is_refused() -> None:
    data = default_matrix_data()
    data["likelihood"] = data["likelihood"][:1]
    assert [p.field for p in matrix_problems(matrix_from_json(data))] == ["size"]


def test_controls_need_owner_and_a_future_deadline_when_new() -> None:
    where: dict[str, object] = {"row": 2, "control": 1}
    late = TODAY - dt.timedelta(days=1)
    fields = [p.field for p in control_problems("c", where, "", None, late, TODAY, is_new=True)]
    assert fields == ["c.description", "c.owner_id", "c.deadline"]
    assert control_problems("c", where, "Guard", 5, late, TODAY, is_new=False) == []


def test_hierarchy_and_action_states() -> None:
    assert [hierarchy_rank(h) for h in Hierarchy] == [1, 2, 3, 4, 5]
    day = dt.timedelta(days=1)
    assert action_state(ActionStatus.PLANNED, TODAY - day, TODAY) is ActionState.OVERDUE
    assert action_state(ActionStatus.IN_PROGRESS, TODAY + 5 * day, TODAY) is ActionState.DUE_SOON
    assert action_state(ActionStatus.PLANNED, TODAY + 90 * day, TODAY) is ActionState.OPEN
    assert action_state(ActionStatus.DONE, TODAY - day, TODAY) is ActionState.CLOSED


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2026, 11, 28), 12, dt.date(2027, 11, 28)),
        (dt.date(2024, 2, 29), 12, dt.date(2025, 2, 28)),
    ],
)
def test_review_is_months_later(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


def test_review_moves_earlier_after_an_event_and_currency() -> None:
    assert review_after_event(dt.date(2027, 1, 1), TODAY) == TODAY
    assert review_after_event(dt.date(2026, 1, 1), TODAY) == dt.date(2026, 1, 1)
    assert is_current(TODAY, TODAY, False, TODAY)
    assert not is_current(TODAY, TODAY + dt.timedelta(days=1), True, TODAY)


def test_coverage_by_unit_or_listed_positions() -> None:
    places = [(1, 10), (1, 11), (2, 10), (3, None)]
    result = coverage(places, [(1, [10]), (2, [])])
    assert (result.workplaces, result.covered, result.percent) == (4, 2, 50.0)
    assert coverage([], []).percent == 0.0


def test_five_s_percent_per_s_and_total() -> None:
    result = five_s_result([(FiveS.SORT, 5), (FiveS.SORT, 3), (FiveS.SHINE, 0)])
    assert result.per_s == {FiveS.SORT: 80.0, FiveS.SHINE: 0.0}
    assert result.total == round(100 * 8 / 15, 1)
    with pytest.raises(ValueError):
        five_s_result([(FiveS.SORT, 6)])
