"""Knowledge checks in the demo: the commission, its members' outside checks, monthly sessions.

The commission (the OHS chief and two key people) is checked at a training centre every
period; everyone else is checked by the commission at the monthly session after their
check falls due. About one in fifteen misses the last one (expired on purpose), a few are
sent to a re-check, and the newest session is not signed yet.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
from typing import Any

from safedesk.db.models import (
    CheckCommission,
    CheckResult,
    CheckSession,
    CommissionMember,
)
from safedesk.demo.context import DemoContext, DemoEmployee
from safedesk.demo.training import add_months, norm_value
from safedesk.domain.training import CheckKind, CheckOutcome, check_period_code
from safedesk.domain.training import check_valid_until as _valid_until

check_valid_until = functools.cache(_valid_until)

DAY = dt.timedelta(days=1)
SESSION_DAY = 20
EXPIRED_SHARE = 1 / 15
RECHECK_SHARE = 0.03
CENTRE = "«Қауіпсіздік» оқу орталығы / Учебный центр «Безопасность»"
PROGRAMME = "Еңбек қауіпсіздігі және еңбекті қорғау / Безопасность и охрана труда"


def _session_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, SESSION_DAY)


def _first_session_after(day: dt.date) -> dt.date:
    here = _session_day(day.year, day.month)
    return here if here >= day else add_months(here, 1)


class _Sessions:
    """Sessions by date and their rows; numbered through each year once all are known."""

    def __init__(self, ctx: DemoContext, commission_id: int | None) -> None:
        self.ctx = ctx
        self.commission_id = commission_id
        self.kinds: dict[tuple[bool, dt.date], CheckKind] = {}
        self.results: list[tuple[tuple[bool, dt.date], DemoEmployee, CheckOutcome, int]] = []

    def add(self, external: bool, day: dt.date, kind: CheckKind, e: DemoEmployee,
            outcome: CheckOutcome, months: int) -> None:  # fmt: skip
        self.kinds.setdefault((external, day), kind)
        self.results.append(((external, day), e, outcome, months))

    def write(self) -> None:
        writer, today = self.ctx.writer, self.ctx.plan.today
        ids: dict[tuple[bool, dt.date], int] = {}
        numbers: dict[tuple[bool, dt.date], str] = {}
        signed: dict[tuple[bool, dt.date], dt.date | None] = {}
        per_year: dict[tuple[bool, int], int] = {}
        rows: list[dict[str, Any]] = []
        first = writer.next_id(CheckSession)
        for key in sorted(self.kinds, key=lambda k: (k[1], k[0])):
            external, day = key
            n = per_year[(external, day.year)] = per_year.get((external, day.year), 0) + 1
            ids[key], numbers[key] = (
                first + len(rows),
                (f"ОО-{day:%y}/{n}" if external else f"{n}-БТ"),
            )
            signed[key] = None if not external and day > today - 10 * DAY else day
            rows.append(
                {
                    "id": ids[key],
                    "number": numbers[key],
                    "held_on": day,
                    "kind": self.kinds[key].value,
                    "commission_id": None if external else self.commission_id,
                    "external_body": CENTRE if external else "",
                    "programme": PROGRAMME,
                    "signed_on": signed[key],
                    "note": "",
                }
            )
        writer.insert(CheckSession, rows)
        first = writer.next_id(CheckResult)
        counts: dict[int, int] = {}

        def results() -> Any:
            for i, (key, e, outcome, months) in enumerate(self.results):
                session_id, day = ids[key], key[1]
                counts[session_id] = counts.get(session_id, 0) + 1
                passed = outcome is CheckOutcome.PASSED
                yield {
                    "id": first + i,
                    "session_id": session_id,
                    "employee_id": e.id,
                    "checked_on": day,
                    "protocol_no": numbers[key],
                    "protocol_kind": self.kinds[key].value,
                    "protocol_signed_on": signed[key],
                    "outcome": outcome.value,
                    "certificate_no": f"{numbers[key]}/{counts[session_id]}" if passed else "",
                    "valid_until": check_valid_until(day, months) if passed else None,
                    "score": None,
                    "test": None,
                    "note": "",
                }

        writer.insert(CheckResult, results())


def _commission(ctx: DemoContext) -> list[DemoEmployee]:
    today = ctx.plan.today
    staff = [e for e in ctx.employees if e.key_staff and e.active_on(today)]
    order = ("ohs_chief", "chief_engineer", "ohs_engineer", "chief_power_engineer")
    chosen = [e for key in order for e in staff if e.position_key == key][:3]
    for e in staff:
        if len(chosen) >= 3:
            break
        if e not in chosen:
            chosen.append(e)
    return chosen if len(chosen) == 3 else []


def add_checks(ctx: DemoContext, rng: random.Random) -> None:
    today, start = ctx.plan.today, ctx.plan.window_start
    months = {
        cat: norm_value(ctx, check_period_code(cat), default)
        for cat, default in (("manager", 36), ("specialist", 12), ("worker", 12))
    }
    members = _commission(ctx)
    commission_id = ctx.writer.next_id(CheckCommission) if members else None
    sessions = _Sessions(ctx, commission_id)
    first_check = start - dt.timedelta(days=400)
    for e in members:
        day = first_check + dt.timedelta(days=rng.randint(0, 60))
        while day <= today:
            sessions.add(True, day, CheckKind.PERIODIC, e, CheckOutcome.PASSED, 36)
            day = add_months(day, 36) - dt.timedelta(days=rng.randint(10, 40))
    if members:
        chair, *others = members
        order_date = first_check + dt.timedelta(days=70)
        ctx.writer.insert(
            CheckCommission,
            [{"id": commission_id, "name": "Емтихан комиссиясы / Экзаменационная комиссия",
              "order_no": "3-ЕҚ", "order_date": order_date, "chair_id": chair.id}],
        )  # fmt: skip
        first_member = ctx.writer.next_id(CommissionMember)
        ctx.writer.insert(
            CommissionMember,
            [
                {"id": first_member + i, "commission_id": commission_id, "employee_id": m.id}
                for i, m in enumerate(others)
            ],
        )
        for e in ctx.employees:
            if e in members:
                continue
            category = ctx.positions[e.position_key].category
            period = months.get(category, 12)
            last_day = min(today, e.dismissal_date or today)
            if e.hire_date >= start:
                due, kind = e.hire_date + dt.timedelta(days=rng.randint(3, 25)), CheckKind.INITIAL
            else:
                due = start + dt.timedelta(days=rng.randint(0, period * 30))
                kind = CheckKind.PERIODIC
            due = max(due, order_date + DAY)
            while True:
                day = _first_session_after(due)
                if day > last_day:
                    break
                if add_months(day, period) > today and rng.random() < EXPIRED_SHARE:
                    break  # expired on purpose
                if rng.random() < RECHECK_SHARE:
                    sessions.add(False, day, kind, e, CheckOutcome.RECHECK, period)
                    day = add_months(day, 1)
                    if day > last_day:
                        break
                sessions.add(False, day, kind, e, CheckOutcome.PASSED, period)
                kind = CheckKind.PERIODIC
                due = add_months(day, period) - dt.timedelta(days=rng.randint(5, 30))
    sessions.write()
