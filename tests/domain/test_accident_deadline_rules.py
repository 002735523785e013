"""Deadline periods are a value passed in: a changed period changes the deadline."""

from __future__ import annotations

import dataclasses
import datetime as dt

from safedesk.domain.accident_deadlines import RuleCode, rule_complaints, seed_rules
from safedesk.domain.accidents import KAZAKHSTAN, StepKey, accident_steps
from safedesk.domain.working_days import WorkCalendar

D = dt.date
CAL = WorkCalendar.from_days([(D(2026, 5, 27), "holiday")])
WHEN = dt.datetime(2026, 5, 22, 18, tzinfo=KAZAKHSTAN)


def test_changed_periods_change_the_deadlines() -> None:
    longer = dataclasses.replace(seed_rules(), investigation_working_days=15, notify_hours=48)
    steps = {s.key: s.due for s in accident_steps(WHEN, CAL, rules=longer)}
    assert steps[StepKey.NOTIFY] == D(2026, 5, 24)
    assert steps[StepKey.INVESTIGATION] == D(2026, 6, 15)  # five working days past 08.06
    assert accident_steps(WHEN, CAL) == accident_steps(WHEN, CAL, rules=seed_rules())


def test_rule_complaints_name_the_field() -> None:
    today = D(2026, 6, 1)
    assert rule_complaints(RuleCode.ACT, 3, "Labour Code", D(2024, 1, 1), today) == []
    assert [c.field for c in rule_complaints(RuleCode.NOTIFY, 169, "x", D(2024, 1, 1), today)] == [
        "value"
    ]
    found = rule_complaints(RuleCode.ACT, 0, "", None, today)
    assert [c.field for c in found] == ["value", "legal_basis", "edition_date"]
    assert [c.field for c in rule_complaints("nonsense", 1, "x", today, today)] == ["code"]
