"""Briefings in the demo: introductory and primary on hiring, repeated every period since.

About one person in twelve misses the last repeated briefing (overdue on purpose); a few
unscheduled and targeted briefings are mixed in. The instructor is a key person of the
person's unit (its head), else the OHS chief.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
from typing import Any

from sqlalchemy import select

from safedesk.db.models import Briefing, TrainingNorm
from safedesk.demo.context import DemoContext, DemoEmployee
from safedesk.domain import training as rules
from safedesk.domain.training import REPEATED_PERIOD, BriefingKind

# The same few thousand days come up again and again: compute each date once.
add_months = functools.cache(rules.add_months)
next_briefing_due = functools.cache(rules.next_briefing_due)

DAY = dt.timedelta(days=1)
MISSED_SHARE = 1 / 12
TOPICS = ("ЕҚН-01, 02, 05", "ИОТ-01, 02, 05", "ЕҚН-12", "ИОТ-07, 11")
UNSCHEDULED_REASONS = (
    "Жаңа жабдық енгізілді / Ввод нового оборудования",
    "Жазатайым оқиғадан кейін / После несчастного случая",
    "Нұсқаулық өзгерді / Изменение инструкции",
)
TARGETED_TOPICS = ("Наряд-рұқсат / Наряд-допуск", "Биіктікте жұмыс / Работа на высоте")


def norm_value(ctx: DemoContext, code: str, default: int) -> int:
    value = ctx.writer.scalar(select(TrainingNorm.value).where(TrainingNorm.code == code))
    return int(value) if value is not None else default


def instructors(ctx: DemoContext) -> dict[str, DemoEmployee]:
    """The instructor of each unit: one of its key staff, else the OHS chief."""
    today = ctx.plan.today
    staff = [e for e in ctx.employees if e.key_staff and e.active_on(today)]
    chief = next((e for e in staff if e.position_key == "ohs_chief"), staff[0] if staff else None)
    found: dict[str, DemoEmployee] = {}
    for e in staff:
        found.setdefault(e.unit_key, e)
    if chief is not None:
        for key in ctx.units:
            found.setdefault(key, chief)
    return found


def _briefing_rows(
    e: DemoEmployee, instructor: DemoEmployee, months: int, ctx: DemoContext, rng: random.Random
) -> list[dict[str, Any]]:
    today, start = ctx.plan.today, ctx.plan.window_start
    last_day = min(today, e.dismissal_date or today)
    rows: list[dict[str, Any]] = []

    def add(kind: BriefingKind, day: dt.date, topic: str = "", reason: str = "") -> None:
        rows.append(
            {
                "employee_id": e.id,
                "kind": kind.value,
                "held_on": day,
                "instructor_id": instructor.id,
                "topic": topic,
                "instructions": "",
                "reason": reason,
                "next_due": next_briefing_due(kind, day, months),
            }
        )

    if e.hire_date >= start:
        add(BriefingKind.INTRODUCTORY, e.hire_date, "Кіріспе / Вводный")
        add(BriefingKind.PRIMARY, e.hire_date, rng.choice(TOPICS))
        day = add_months(e.hire_date, months)
    else:
        # The last repeated briefing before the window is not shown; the clock runs on.
        day = start + dt.timedelta(days=rng.randint(0, months * 30))
    while day <= last_day:
        held = min(last_day, day + dt.timedelta(days=rng.randint(-12, 6)))
        if add_months(held, months) > today and rng.random() < MISSED_SHARE:
            break  # overdue on purpose: the next one is missed
        add(BriefingKind.REPEATED, held, rng.choice(TOPICS))
        if rng.random() < 0.05:
            extra = min(last_day, held + dt.timedelta(days=rng.randint(20, 90)))
            if rng.random() < 0.5:
                add(BriefingKind.UNSCHEDULED, extra, reason=rng.choice(UNSCHEDULED_REASONS))
            else:
                add(BriefingKind.TARGETED, extra, rng.choice(TARGETED_TOPICS))
        day = add_months(held, months)
    return rows


def add_briefings(ctx: DemoContext, rng: random.Random) -> None:
    months = norm_value(ctx, REPEATED_PERIOD, 6)
    by_unit = instructors(ctx)
    if not by_unit:
        return
    fallback = next(iter(by_unit.values()))

    def rows() -> Any:
        next_id = ctx.writer.next_id(Briefing)
        for e in ctx.employees:
            instructor = by_unit.get(e.unit_key, fallback)
            if instructor.id == e.id:
                instructor = fallback if fallback.id != e.id else instructor
            for row in _briefing_rows(e, instructor, months, ctx, rng):
                row["id"] = next_id
                next_id += 1
                yield row

    ctx.writer.insert(Briefing, rows())
