"""Rules of briefings, checks and the computer test, with plain values."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import given
from hypothesis import strategies as st

from safedesk.domain.knowledge_test import Question, draw, question_complaints, score
from safedesk.domain.training import (
    RESPONSIBLE_PERIOD,
    BriefingKind,
    CheckOutcome,
    add_months,
    briefing_complaints,
    check_period_months,
    check_valid_on,
    check_valid_until,
    next_briefing_due,
)

PERIODS = {"check.manager.months": 36, "check.worker.months": 12, RESPONSIBLE_PERIOD: 36}
days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31))


def test_add_months_keeps_the_day_or_takes_the_months_last() -> None:
    assert add_months(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2024, 2, 29), 12) == dt.date(2025, 2, 28)
    assert add_months(dt.date(2026, 1, 15), 6) == dt.date(2026, 7, 15)


@given(days, st.integers(min_value=1, max_value=120))
def test_add_months_moves_forward_by_whole_months(day: dt.date, months: int) -> None:
    later = add_months(day, months)
    assert later > day
    assert (later.year - day.year) * 12 + later.month - day.month == months
    assert later.day <= day.day


@given(days, st.sampled_from(list(BriefingKind)), st.integers(min_value=1, max_value=24))
def test_only_primary_and_repeated_briefings_start_the_clock(
    day: dt.date, kind: BriefingKind, months: int
) -> None:
    due = next_briefing_due(kind, day, months)
    if kind in (BriefingKind.PRIMARY, BriefingKind.REPEATED):
        assert due == add_months(day, months)
    else:
        assert due is None


def test_periods_by_category_and_for_responsible_persons() -> None:
    assert check_period_months("worker", False, PERIODS) == 12
    assert check_period_months("manager", False, PERIODS) == 36
    assert check_period_months("worker", True, PERIODS) == 36
    assert check_period_months(None, False, PERIODS) == 12


@given(days, st.integers(min_value=1, max_value=60), days)
def test_a_passed_check_is_valid_exactly_within_its_period(
    checked: dt.date, months: int, on: dt.date
) -> None:
    until = check_valid_until(checked, months)
    assert check_valid_on(CheckOutcome.PASSED, checked, until, on) == (checked <= on <= until)
    assert not check_valid_on(CheckOutcome.RECHECK, checked, until, on)


def test_briefing_rules_name_the_person() -> None:
    found = briefing_complaints(
        kind=BriefingKind.UNSCHEDULED,
        on=dt.date(2026, 1, 10),
        today=dt.date(2026, 1, 9),
        hire_date=dt.date(2026, 2, 1),
        dismissal_date=None,
        reason="",
        person="Әбілова Гүлнар",
    )
    assert [c.field for c in found] == ["date", "people", "reason"]
    assert found[1].values["person"] == "Әбілова Гүлнар"


def question(qid: int, correct: set[int]) -> Question:
    opts = ("а", "б", "в", "г")
    return Question(qid, "ЕҚ", f"С{qid}", f"В{qid}", opts, opts, frozenset(correct))


def test_score_needs_exactly_the_correct_options() -> None:
    qs = [question(1, {0}), question(2, {1, 2}), question(3, {3})]
    answers = {1: frozenset({0}), 2: frozenset({1}), 3: frozenset({3})}
    result = score(qs, answers, 70)
    assert (result.correct, result.total, result.percent, result.passed) == (2, 3, 66.7, False)
    assert score(qs, {**answers, 2: frozenset({1, 2})}, 70).passed


@given(st.lists(st.booleans(), min_size=1, max_size=40), st.integers(min_value=1, max_value=100))
def test_score_is_the_share_of_right_answers_and_passes_at_the_mark(
    right: list[bool], mark: int
) -> None:
    qs = [question(i, {0}) for i in range(len(right))]
    answers = {i: frozenset({0 if ok else 1}) for i, ok in enumerate(right)}
    result = score(qs, answers, mark)
    assert result.correct == sum(right)
    assert 0 <= result.percent <= 100
    assert result.passed == (result.percent >= mark)


@given(st.integers(min_value=0, max_value=50), st.integers(min_value=0, max_value=1000))
def test_draw_takes_different_questions(n: int, seed: int) -> None:
    qs = [question(i, {0}) for i in range(20)]
    drawn = draw(qs, n, random.Random(seed))
    assert len(drawn) == min(n, 20)
    assert len({q.id for q in drawn}) == len(drawn)


def test_question_rules() -> None:
    found = question_complaints(
        row=7,
        topic="ЕҚ",
        text_kk="Сұрақ",
        text_ru="",
        options_kk=("а", "б"),
        options_ru=("а", "б"),
        correct=[],
    )
    assert {c.field for c in found} == {"question", "options", "correct"}
    assert all(c.values["row"] == 7 for c in found)
