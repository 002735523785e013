"""Permits-to-work in the demo: a few thousand a year for a plant of ten thousand people
(0.35 per employee a year), of every type, in every state.

Permits whose work is over are closed (a few cancelled, a few left open past their end:
overdue on purpose); those around today are active, suspended or issued; those ahead are
drafts. A handful of permits around today is always there, whatever the size, so every
state shows even in a small demo; one of them is gas-hazardous work going on today,
so its printed permit shows the gas readings of the shift. Each has the roles its type
requires (different people, each with the electrical-safety group the type's rules ask
of the role), a crew, hazards, measures and PPE lines, isolation points with locks, gas
tests where the type needs them (each where it was taken), shifts and every step
stamped. Bulk inserts.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Mapping
from itertools import accumulate
from typing import Any

from sqlalchemy import select

from safedesk.db.models import (
    Permit,
    PermitCrewMember,
    PermitGasLimit,
    PermitGasTest,
    PermitIsolation,
    PermitLine,
    PermitOverride,
    PermitRole,
    PermitSetting,
    PermitShift,
    PermitTransition,
    PermitTypeRule,
)
from safedesk.demo.context import KAZAKHSTAN, DemoContext, DemoEmployee, DemoPlan
from safedesk.demo.permit_staff import PermitStaff
from safedesk.demo.permit_texts import (
    GAS_PLACES,
    HAZARDS,
    MEASURES,
    OVERRIDE,
    POINTS,
    PPE,
    REASONS,
    WORK,
)
from safedesk.domain.permit_gas import Gas, GasLimit, stored_limits
from safedesk.domain.permits import (
    CREW,
    DEFAULT_NUMBER_PATTERN,
    Action,
    MeasureKind,
    PermitState,
    PermitType,
    Role,
    format_number,
)

PER_EMPLOYEE_YEAR = 0.35
ROWS_PER_PERMIT = 17  # with its roles, crew, lines, steps and shift: for the progress bar
# Days from today of the permits always made, the state each is in and, for some, the
# type: one past its end and still open, one running (work in a gas hazard, with its gas
# readings), one stopped, electrical work issued for tomorrow, two being drafted.
CURRENT: tuple[tuple[int, PermitState, PermitType | None], ...] = (
    (-3, PermitState.ACTIVE, None),
    (0, PermitState.ACTIVE, PermitType.GAS_HAZARDOUS),
    (0, PermitState.SUSPENDED, None),
    (1, PermitState.ISSUED, PermitType.ELECTRICAL),
    (2, PermitState.DRAFT, None),
    (5, PermitState.DRAFT, None),
)
# Roles a type's rules do not require, and how often a permit names them anyway.
OPTIONAL_ROLES = {Role.RESPONSIBLE_MANAGER: 0.5, Role.OBSERVER: 0.1}
# How many hazards, measures and PPE lines a permit lists.
LINES = {MeasureKind.HAZARD: (1, 2), MeasureKind.MEASURE: (2, 3), MeasureKind.PPE: (2, 3)}
GAS_TYPES = (PermitType.CONFINED_SPACE, PermitType.GAS_HAZARDOUS)
TYPE_WEIGHTS = {
    PermitType.HOT_WORK: 25,
    PermitType.HEIGHT: 22,
    PermitType.ELECTRICAL: 20,
    PermitType.CONFINED_SPACE: 10,
    PermitType.GAS_HAZARDOUS: 8,
    PermitType.LIFTING: 7,
    PermitType.EXCAVATION: 5,
    PermitType.OTHER: 3,
}


def permit_count(plan: DemoPlan) -> int:
    """Permits spread over the window (the CURRENT ones come on top)."""
    return round(plan.employees * plan.years * PER_EMPLOYEE_YEAR)


def planned_rows(plan: DemoPlan) -> int:
    return (permit_count(plan) + len(CURRENT)) * ROWS_PER_PERMIT


def _moment(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=KAZAKHSTAN).astimezone(dt.UTC)


def _state(
    rng: random.Random, start: dt.datetime, end: dt.datetime, now: dt.datetime
) -> PermitState:
    if start > now + dt.timedelta(days=1):
        return PermitState.DRAFT
    if start > now:
        return PermitState.ISSUED
    if end > now:
        return rng.choice((PermitState.ACTIVE, PermitState.ACTIVE, PermitState.SUSPENDED))
    roll = rng.random()
    if roll < 0.04:
        return PermitState.CANCELLED
    if roll < 0.05:  # past the end and not closed: overdue on purpose
        return rng.choice((PermitState.ACTIVE, PermitState.SUSPENDED, PermitState.ISSUED))
    return PermitState.CLOSED


STEPS_TO = {
    PermitState.DRAFT: [],
    PermitState.ISSUED: [Action.ISSUE],
    PermitState.ACTIVE: [Action.ISSUE, Action.ACTIVATE],
    PermitState.SUSPENDED: [Action.ISSUE, Action.ACTIVATE, Action.SUSPEND],
    PermitState.CLOSED: [Action.ISSUE, Action.ACTIVATE, Action.CLOSE],
    PermitState.CANCELLED: [Action.ISSUE, Action.CANCEL],
}
FROM_TO = {
    Action.ISSUE: (PermitState.DRAFT, PermitState.ISSUED),
    Action.ACTIVATE: (PermitState.ISSUED, PermitState.ACTIVE),
    Action.SUSPEND: (PermitState.ACTIVE, PermitState.SUSPENDED),
    Action.CLOSE: (PermitState.ACTIVE, PermitState.CLOSED),
    Action.CANCEL: (PermitState.ISSUED, PermitState.CANCELLED),
}


# Which of a permit's people takes each role; people[5:] are the crew.
ROLE_SEAT = {
    Role.ISSUER: 0,
    Role.RESPONSIBLE_MANAGER: 1,
    Role.SUPERVISOR: 2,
    Role.ADMITTER: 3,
    Role.OBSERVER: 4,
}
CREW_SEAT, MAX_CREW = 5, 3


class _Rows:
    """The rows of every permit table, with the next id of each."""

    def __init__(self, ctx: DemoContext) -> None:
        self.tables: dict[Any, list[dict[str, Any]]] = defaultdict(list)
        self.next = {
            m: ctx.writer.next_id(m)
            for m in (
                Permit,
                PermitRole,
                PermitCrewMember,
                PermitLine,
                PermitIsolation,
                PermitGasTest,
                PermitShift,
                PermitTransition,
                PermitOverride,
            )
        }

    def add(self, model: Any, row: dict[str, Any]) -> int:
        """Append `row` (without an id; given one here) to `model`'s rows; return its id."""
        row_id = self.next[model]
        self.next[model] += 1
        self.tables[model].append({"id": row_id, **row})
        return row_id


class _Kinds:
    """Permit types drawn by weight, with the roles each type's rules require."""

    def __init__(self, ctx: DemoContext) -> None:
        self.kinds = list(TYPE_WEIGHTS)
        self.cum = list(accumulate(TYPE_WEIGHTS.values()))
        rules = {
            str(code): [str(r) for r in roles or ()]
            for code, roles in ctx.writer.rows(
                select(PermitTypeRule.code, PermitTypeRule.required_roles)
            )
        }
        default = [Role.ISSUER.value, Role.SUPERVISOR.value, Role.ADMITTER.value]
        self.required = {k: set(rules.get(k.value) or default) for k in self.kinds}
        groups = {
            str(code): {str(k): int(v) for k, v in (needed or {}).items()}
            for code, needed in ctx.writer.rows(
                select(PermitTypeRule.code, PermitTypeRule.electrical_groups)
            )
        }
        # The group each seat of a permit of the type needs (ROLE_SEAT, then the crew).
        self.seats: dict[PermitType, list[int | None]] = {}
        for k in self.kinds:
            needed = groups.get(k.value) or {}
            if needed:
                by_seat = {seat: needed.get(role.value) for role, seat in ROLE_SEAT.items()}
                self.seats[k] = [by_seat.get(i) for i in range(CREW_SEAT)]
                self.seats[k] += [needed.get(CREW)] * MAX_CREW
        self.groups: dict[PermitType, Mapping[str, int]] = {
            k: groups.get(k.value) or {} for k in self.kinds
        }

    def draw(self, rng: random.Random) -> PermitType:
        return rng.choices(self.kinds, cum_weights=self.cum)[0]

    def roles(self, rng: random.Random, kind: PermitType) -> list[Role]:
        """The roles the type requires and, now and then, the optional ones."""
        needed = self.required[kind]
        return [
            role
            for role in Role
            if role.value in needed or rng.random() < OPTIONAL_ROLES.get(role, 0.0)
        ]


def _permit(
    rows: _Rows,
    ctx: DemoContext,
    rng: random.Random,
    day: dt.date,
    seq: dict[int, int],
    pattern: str,
    people: list[DemoEmployee],
    kinds: _Kinds,
    kind: PermitType,
    forced: PermitState | None = None,
) -> None:
    now = dt.datetime.combine(ctx.plan.today, dt.time(12), tzinfo=KAZAKHSTAN)
    if forced is None:
        start = _moment(day, rng.choice((8, 8, 9, 13)))
        end = start + dt.timedelta(hours=rng.choice((4, 8, 8, 32, 56)))
        state = _state(rng, start, end, now)
    else:  # a CURRENT permit: a day shift, or two days for one running today
        start = _moment(day, 8)
        end = start + dt.timedelta(hours=32 if day >= ctx.plan.today else 8)
        state = forced
    seq[day.year] += 1
    work, place = WORK[kind]
    unit = ctx.units.get(people[2].unit_key)
    extended = state is PermitState.CLOSED and rng.random() < 0.06
    planned_end = end + dt.timedelta(days=1) if extended else end
    steps = STEPS_TO[state]
    moments = {a: start + dt.timedelta(minutes=5 * i - 60) for i, a in enumerate(steps)}
    if Action.SUSPEND in moments:
        moments[Action.SUSPEND] = start + (min(end, now) - start) / 2
    if Action.CLOSE in moments:
        moments[Action.CLOSE] = planned_end - dt.timedelta(minutes=rng.randint(5, 90))
    closed = state is PermitState.CLOSED
    pid = rows.add(
        Permit,
        {
            "number": format_number(pattern, day.year, seq[day.year]),
            "year": day.year,
            "seq": seq[day.year],
            "type": kind.value,
            "state": state.value,
            "unit_id": unit.id if unit else next(iter(ctx.units.values())).id,
            "location": place,
            "work": work,
            "planned_start": start,
            "planned_end": planned_end,
            "original_end": end,
            "copied_from_id": None,
            "work_finished": closed,
            "crew_withdrawn": closed,
            "reported_to": "Диспетчер / Диспетчер смены" if closed else "",
            "closed_at": moments.get(Action.CLOSE),
            "note": "",
        },
    )
    groups = kinds.groups[kind]
    for role in kinds.roles(rng, kind):
        person = people[ROLE_SEAT[role]]
        needed = groups.get(role.value)
        if (
            needed
            and (person.electrical_group or 0) < needed
            and role.value not in kinds.required[kind]
        ):
            continue  # nobody free holds the group: a role the rules do not ask for is left out
        rows.add(
            PermitRole,
            {
                "permit_id": pid,
                "role": role.value,
                "employee_id": people[ROLE_SEAT[role]].id,
                "contractor_worker_id": None,
            },
        )
    admitted = moments.get(Action.ACTIVATE)
    for person in people[CREW_SEAT : CREW_SEAT + rng.randint(1, MAX_CREW)]:
        rows.add(
            PermitCrewMember,
            {
                "permit_id": pid,
                "employee_id": person.id,
                "contractor_worker_id": None,
                "electrical_group": person.electrical_group,
                "joined_at": None,
                "left_at": None,
                "changed_by_id": None,
                "briefed_at": admitted - dt.timedelta(minutes=10) if admitted else None,
                "briefed_by_id": people[3].id if admitted else None,
                "briefing_id": None,
            },
        )
    for kind_, texts in (
        (MeasureKind.HAZARD, HAZARDS[kind]),
        (MeasureKind.MEASURE, MEASURES[kind]),
        (MeasureKind.PPE, PPE[kind]),
    ):
        for i, text in enumerate(rng.sample(texts, min(len(texts), rng.randint(*LINES[kind_])))):
            rows.add(
                PermitLine, {"permit_id": pid, "kind": kind_.value, "position": i, "text": text}
            )
    if kind in (PermitType.ELECTRICAL, PermitType.CONFINED_SPACE) or rng.random() < 0.2:
        held = admitted is not None and state is not PermitState.CLOSED
        removed = admitted is not None and not held
        rows.add(
            PermitIsolation,
            {
                "permit_id": pid,
                "position": 0,
                "point": f"{rng.choice(POINTS)}{rng.randint(1, 40)}",
                "method": "Ажыратылды, құлыпталды / Отключено, заперто",
                "lock_no": f"Z-{pid}" if held else (f"L-{rng.randint(1, 300)}" if admitted else ""),
                "applied_at": admitted - dt.timedelta(minutes=20) if admitted else None,
                "applied_by_id": people[3].id if admitted else None,
                "removed_at": (moments.get(Action.CLOSE) or moments.get(Action.CANCEL))
                if removed
                else None,
                "removed_by_id": people[3].id if removed else None,
            },
        )
    if kind in GAS_TYPES and admitted is not None:
        # Before anyone goes in, at the way in; for some (always for the work going on
        # now) again two hours into the shift, where the people work.
        entry, inside = GAS_PLACES[kind]
        again = forced is PermitState.ACTIVE or rng.random() < 0.5
        # Each test keeps the limits it was judged by, as `add_gas_test` stores them.
        limits = stored_limits(
            {
                Gas(gas): GasLimit(Gas(gas), low, high, low_in, high_in)
                for gas, low, high, low_in, high_in in ctx.writer.rows(
                    select(
                        PermitGasLimit.gas,
                        PermitGasLimit.low,
                        PermitGasLimit.high,
                        PermitGasLimit.low_inclusive,
                        PermitGasLimit.high_inclusive,
                    )
                )
            }
        )
        for minutes in (15, -120) if again else (15,):
            taken = admitted - dt.timedelta(minutes=minutes)
            if taken > now:
                continue
            rows.add(
                PermitGasTest,
                {
                    "permit_id": pid,
                    "taken_at": taken,
                    "place": entry if minutes > 0 else rng.choice(inside),
                    "o2": round(rng.uniform(20.3, 20.9), 1),
                    "lel": round(rng.uniform(0, 3), 1),
                    "co": round(rng.uniform(0, 8), 1),
                    "h2s": round(rng.uniform(0, 2), 1),
                    "within_limits": True,
                    "measured_by_id": people[3].id,
                    "instrument": "Dräger X-am 2500",
                    "limits": limits,
                },
            )
    for action in steps:
        before, after = FROM_TO[action]
        reason = rng.choice(REASONS) if action in (Action.SUSPEND, Action.CANCEL) else ""
        rows.add(
            PermitTransition,
            {
                "permit_id": pid,
                "action": action.value,
                "from_state": before.value,
                "to_state": after.value,
                "at": moments[action],
                "signed_by_id": people[0].id,
                "reason": reason,
            },
        )
        if action is Action.ISSUE and rng.random() < 0.02:
            rows.add(
                PermitOverride,
                {
                    "permit_id": pid,
                    "action": action.value,
                    "at": moments[action],
                    "gate_reasons": [{"code": "no_certificate"}],
                    "reason": OVERRIDE,
                },
            )
    if admitted is not None:
        stop = moments.get(Action.CLOSE) or moments.get(Action.SUSPEND)
        rows.add(
            PermitShift,
            {
                "permit_id": pid,
                "admitted_at": admitted,
                "admitted_by_id": people[3].id,
                "supervisor_id": people[2].id,
                "ended_at": stop,
                "ended_by_id": people[2].id if stop else None,
                "note": "",
            },
        )


def add_permits(ctx: DemoContext, rng: random.Random) -> None:
    plan = ctx.plan
    pattern = (
        ctx.writer.scalar(select(PermitSetting.value).where(PermitSetting.code == "number.pattern"))
        or DEFAULT_NUMBER_PATTERN
    )
    staff = PermitStaff(ctx.employees)
    kinds = _Kinds(ctx)
    first = plan.window_start
    span = (plan.today + dt.timedelta(days=14) - first).days
    planned: list[tuple[dt.date, PermitState | None]] = [
        (first + dt.timedelta(days=rng.randrange(span)), None) for _ in range(permit_count(plan))
    ]
    planned += [(plan.today + dt.timedelta(days=n), state) for n, state, _kind in CURRENT]
    planned.sort(key=lambda p: (p[0], p[1] is not None))  # numbered in date order
    forced_kinds = {(plan.today + dt.timedelta(days=n), s): k for n, s, k in CURRENT if k}
    rows, seq = _Rows(ctx), defaultdict[int, int](int)
    for day, forced in planned:
        kind = forced_kinds.get((day, forced)) if forced else None
        kind = kind or kinds.draw(rng)
        seats = kinds.seats.get(kind)
        people = staff.people(rng, day, seats)
        if len(people) >= 6:
            _permit(rows, ctx, rng, day, seq, str(pattern), people, kinds, kind, forced)
    for model in (
        Permit,
        PermitRole,
        PermitCrewMember,
        PermitLine,
        PermitIsolation,
        PermitGasTest,
        PermitTransition,
        PermitOverride,
        PermitShift,
    ):
        if rows.tables[model]:
            ctx.writer.insert(model, rows.tables[model])
