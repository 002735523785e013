"""The permit lifecycle: every transition, every refusal, and the invariants of any walk."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from safedesk.domain.permits import (
    GATED_ACTIONS,
    READ_ONLY_STATES,
    TRANSITIONS,
    Action,
    PermitState,
    allowed_actions,
    format_number,
    is_overdue,
    is_read_only,
    next_state,
    number_pattern_problem,
    planned_window_complaints,
)

S, A = PermitState, Action
EXPECTED = {
    (S.DRAFT, A.ISSUE): S.ISSUED,
    (S.DRAFT, A.CANCEL): S.CANCELLED,
    (S.ISSUED, A.ACTIVATE): S.ACTIVE,
    (S.ISSUED, A.CANCEL): S.CANCELLED,
    (S.ACTIVE, A.SUSPEND): S.SUSPENDED,
    (S.ACTIVE, A.CLOSE): S.CLOSED,
    (S.SUSPENDED, A.RESUME): S.ACTIVE,
    (S.SUSPENDED, A.CLOSE): S.CLOSED,
}


@pytest.mark.parametrize("state", list(PermitState))
@pytest.mark.parametrize("action", list(Action))
def test_every_pair_of_state_and_action(state: PermitState, action: Action) -> None:
    assert next_state(state, action) == EXPECTED.get((state, action))
    assert (action in allowed_actions(state)) == ((state, action) in EXPECTED)


def test_the_table_is_the_expected_one() -> None:
    assert TRANSITIONS == EXPECTED


@pytest.mark.parametrize("state", sorted(READ_ONLY_STATES))
def test_closed_and_cancelled_allow_nothing(state: PermitState) -> None:
    assert allowed_actions(state) == []
    assert is_read_only(state)


def test_issue_activate_and_resume_pass_the_gate() -> None:
    assert {A.ISSUE, A.ACTIVATE, A.RESUME} == GATED_ACTIONS


def test_an_active_permit_cannot_be_cancelled_only_closed() -> None:
    assert next_state(S.ACTIVE, A.CANCEL) is None
    assert next_state(S.SUSPENDED, A.CANCEL) is None


def test_overdue_is_an_open_permit_past_its_end() -> None:
    end = dt.datetime(2026, 5, 1, 18, tzinfo=dt.UTC)
    later = end + dt.timedelta(minutes=1)
    for state in (S.ISSUED, S.ACTIVE, S.SUSPENDED):
        assert is_overdue(state, end, later)
        assert not is_overdue(state, end, end)
    for state in (S.DRAFT, S.CLOSED, S.CANCELLED):
        assert not is_overdue(state, end, later)


def test_numbers_follow_the_pattern() -> None:
    assert format_number("НД-{year}-{seq:04d}", 2026, 42) == "НД-2026-0042"
    assert number_pattern_problem("НД-{year}-{seq:04d}") is None
    assert number_pattern_problem("{seq}") is None
    missing = number_pattern_problem("НД-{year}")
    assert missing is not None and missing.field == "number_pattern"
    unknown = number_pattern_problem("{unit}-{seq}")
    assert unknown is not None
    broken = number_pattern_problem("{seq:Q}")
    assert broken is not None


def test_end_before_start_is_refused_naming_the_end() -> None:
    start = dt.datetime(2026, 5, 1, 8, tzinfo=dt.UTC)
    complaints = planned_window_complaints(start, start - dt.timedelta(hours=1))
    assert [c.field for c in complaints] == ["planned_end"]
    assert planned_window_complaints(start, start) != []
    assert [c.field for c in planned_window_complaints(None, None)] == [
        "planned_start",
        "planned_end",
    ]
    assert planned_window_complaints(start, start + dt.timedelta(hours=8)) == []


class Lifecycle(RuleBasedStateMachine):
    """Any sequence of actions: refused ones change nothing, evidence never changes again."""

    def __init__(self) -> None:
        super().__init__()
        self.state = S.DRAFT
        self.history: list[PermitState] = [S.DRAFT]

    @rule(action=st.sampled_from(list(Action)))
    def act(self, action: Action) -> None:
        before = self.state
        after = next_state(before, action)
        if after is None:
            assert action not in allowed_actions(before)
            return
        assert not is_read_only(before)
        self.state = after
        self.history.append(after)

    @invariant()
    def evidence_is_final(self) -> None:
        for i, state in enumerate(self.history):
            if is_read_only(state):
                assert i == len(self.history) - 1

    @invariant()
    def activation_follows_issue(self) -> None:
        if S.ACTIVE in self.history:
            assert self.history.index(S.ISSUED) < self.history.index(S.ACTIVE)

    @invariant()
    def suspended_only_after_active(self) -> None:
        for i, state in enumerate(self.history):
            if state is S.SUSPENDED:
                assert self.history[i - 1] is S.ACTIVE


TestLifecycle = Lifecycle.TestCase
