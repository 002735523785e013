"""Roadmap items 27, 33, 34, 39 in the demo: near misses, observation cards, accidents.

Near misses come from the production units, some anonymous, most with a corrective
action that was closed; a few actions are overdue on purpose. Observation cards show
at-risk behaviour falling over the years. Accidents are few (about 4 per 1,000 workers a
year); older ones are investigated and signed, the latest one is still open with a
deadline missed, so the due list has something to show.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from safedesk.db.models import (
    Accident,
    AccidentCause,
    AccidentCommissionMember,
    AccidentVictim,
    NearMiss,
    Observation,
    ObservationCount,
)
from safedesk.demo.context import KAZAKHSTAN, DemoContext, DemoEmployee, DemoPlan, pick_active
from safedesk.demo.people import random_day
from safedesk.demo.places import place_of
from safedesk.domain.incidents import BehaviourCategory

DAY = dt.timedelta(days=1)
PRODUCTION = ("sec1", "sec2", "sec3", "sec4", "hoist", "crush", "flot", "rmc", "boiler", "elec",
              "auto", "rail", "lab")  # fmt: skip
NEAR_MISSES = (
    ("unsafe_condition", "Открытый люк у конвейера", "Люк закрыт, установлено ограждение"),
    ("unsafe_condition", "Разлив масла на лестнице", "Масло убрано, участок посыпан песком"),
    ("unsafe_condition", "Оголённый провод у щита освещения", "Щит обесточен, вызван электрик"),
    ("unsafe_act", "Работа на высоте без страховочной привязи", "Работы остановлены, беседа"),
    ("unsafe_act", "Проход под поднятым грузом", "Работник выведен из опасной зоны"),
    ("unsafe_act", "Снятие защитного кожуха с работающего станка", "Станок остановлен"),
    ("near_miss_event", "Падение куска породы рядом с проходчиком", "Выработка оборкована"),
    ("near_miss_event", "Самопроизвольный откат вагонетки", "Установлены упоры"),
    ("near_miss_event", "Обрыв стропа при подъёме груза без травм", "Строп заменён"),
    ("unsafe_condition", "Жұмыс орнында жарық жеткіліксіз", "Шамдар ауыстырылды"),
)  # fmt: skip
ACTIONS = ("Провести внеплановый инструктаж", "Заменить ограждение", "Пересмотреть ППР",
           "Установить знак безопасности", "Отремонтировать оборудование")  # fmt: skip
CAUSES = (
    ("organisational", "Не проведён целевой инструктаж", "Провести целевой инструктаж бригады"),
    ("technical", "Неисправность лестничного марша", "Заменить лестничный марш"),
    ("personal", "Нарушение требований инструкции по охране труда", "Внеочередная проверка знаний"),
    ("organisational", "Отсутствие контроля со стороны мастера", "Усилить контроль мастера"),
)  # fmt: skip
INJURIES = ("ушиб кисти", "перелом голени", "рваная рана предплечья", "сотрясение головного мозга")


def _moment(rng: random.Random, day: dt.date) -> dt.datetime:
    local = dt.datetime.combine(day, dt.time(rng.randint(6, 21), rng.choice((0, 15, 30, 45))))
    return local.replace(tzinfo=KAZAKHSTAN).astimezone(dt.UTC)


def _units(ctx: DemoContext) -> list[int]:
    found = [ctx.units[k].id for k in PRODUCTION if k in ctx.units]
    return found or [u.id for u in ctx.units.values()]


def _unit_keys(ctx: DemoContext) -> list[str]:
    return [k for k in PRODUCTION if k in ctx.units] or list(ctx.units)


def _someone(rng: random.Random, people: list[DemoEmployee], day: dt.date) -> DemoEmployee:
    """Someone of `people` employed on `day`; anyone of them if nobody was."""
    return pick_active(rng, people, day) or rng.choice(people)


def near_miss_rows(plan: DemoPlan) -> int:
    return max(3, plan.employees * plan.years // 4)


def add_near_misses(ctx: DemoContext, rng: random.Random) -> None:
    plan, units = ctx.plan, _unit_keys(ctx)
    rows: list[dict[str, Any]] = []
    first_id = ctx.writer.next_id(NearMiss)
    for i in range(near_miss_rows(plan)):
        day = random_day(rng, plan.window_start, plan.today - DAY)
        category, text, immediate = rng.choice(NEAR_MISSES)
        anonymous = rng.random() < 0.4
        action = rng.random() < 0.7
        due = day + rng.randint(7, 45) * DAY if action else None
        closed = due is not None and due < plan.today and rng.random() < 0.93
        unit = rng.choice(units)
        rows.append({
            "id": first_id + i, "occurred_at": _moment(rng, day), "unit_id": ctx.units[unit].id,
            "place": place_of(rng, unit), "category": category,
            "severity": rng.choices(("minor", "moderate", "serious", "critical"), (5, 4, 2, 1))[0],
            "description": text, "anonymous": anonymous,
            "reporter_id": None if anonymous else _someone(rng, ctx.employees, day).id,
            "immediate_action": immediate, "action": rng.choice(ACTIONS) if action else "",
            "action_owner_id": _someone(rng, ctx.employees, day).id if action else None,
            "action_due": due,
            "status": "closed" if closed else ("in_progress" if action else "open"),
            "closed_on": min(plan.today, due) if closed and due else None, "risk_row_id": None,
        })  # fmt: skip
    ctx.writer.insert(NearMiss, rows)


def observation_rows(plan: DemoPlan) -> int:
    return max(2, plan.employees * plan.years // 6)


def add_observations(ctx: DemoContext, rng: random.Random) -> None:
    plan, units = ctx.plan, _unit_keys(ctx)
    observers = [e for e in ctx.employees if e.key_staff] or ctx.employees
    cards: list[dict[str, Any]] = []
    lines: list[dict[str, Any]] = []
    first_id, first_line = ctx.writer.next_id(Observation), ctx.writer.next_id(ObservationCount)
    span = max(1, (plan.today - plan.window_start).days)
    for i in range(observation_rows(plan)):
        day = random_day(rng, plan.window_start, plan.today - DAY)
        risk = 0.35 - 0.25 * (day - plan.window_start).days / span  # behaviour improves
        safe_total = at_risk_total = 0
        for category in rng.sample(list(BehaviourCategory), rng.randint(2, 4)):
            seen = rng.randint(1, 6)
            at_risk = sum(rng.random() < risk for _ in range(seen))
            lines.append(
                {
                    "id": first_line + len(lines),
                    "observation_id": first_id + i,
                    "category": category.value,
                    "safe": seen - at_risk,
                    "at_risk": at_risk,
                }
            )
            safe_total, at_risk_total = safe_total + seen - at_risk, at_risk_total + at_risk
        action = at_risk_total > 0 and rng.random() < 0.5
        due = day + rng.randint(5, 30) * DAY if action else None
        closed = due is not None and due < plan.today and rng.random() < 0.9
        owner = rng.choice(observers).id if action else None
        unit = rng.choice(units)
        cards.append({
            "id": first_id + i, "observed_on": day, "unit_id": ctx.units[unit].id,
            "area": place_of(rng, unit),
            "observer_id": rng.choice(observers).id, "people_observed": rng.randint(1, 8),
            "safe_total": safe_total, "at_risk_total": at_risk_total,
            "conversation_held": rng.random() < 0.8,
            "action": "Беседа с бригадой, повторный инструктаж" if action else "",
            "action_owner_id": owner, "action_due": due,
            "status": "closed" if closed else "open", "closed_on": due if closed else None,
        })  # fmt: skip
    ctx.writer.insert(Observation, cards)
    ctx.writer.insert(ObservationCount, lines)


def accident_rows(plan: DemoPlan) -> int:
    return max(2, round(plan.employees * plan.years * 0.004))


def add_accidents(ctx: DemoContext, rng: random.Random) -> None:
    plan = ctx.plan
    n = accident_rows(plan)
    first = ctx.writer.next_id(Accident)
    heads = [e for e in ctx.employees if e.key_staff] or ctx.employees
    rows: list[dict[str, Any]] = []
    victims: list[dict[str, Any]] = []
    members: list[dict[str, Any]] = []
    causes: list[dict[str, Any]] = []
    days = sorted(random_day(rng, plan.window_start, plan.today - 20 * DAY) for _ in range(n - 1))
    days.append(plan.today - 6 * DAY)  # the latest: still under investigation, one step late
    per_year: dict[int, int] = {}
    workers = [e for e in ctx.employees if e.unit_key in PRODUCTION]
    for i, day in enumerate(days):
        latest = i == len(days) - 1
        victim = pick_active(rng, workers, day) or _someone(rng, ctx.employees, day)
        kind = "light" if latest else rng.choices(("light", "severe", "fatal"), (16, 3, 1))[0]
        outcome = kind
        per_year[day.year] = per_year.get(day.year, 0) + 1
        accident_id = first + i
        commission_on = day + rng.choice((0, 1)) * DAY
        investigated = None if latest else commission_on + rng.randint(4, 9) * DAY
        act_on = None if investigated is None else investigated + rng.randint(0, 2) * DAY
        days_lost = 0 if outcome == "fatal" else rng.randint(3, 25 if kind == "light" else 90)
        unit = ctx.units.get(victim.unit_key)
        rows.append({
            "id": accident_id, "number": f"{day.year}-{per_year[day.year]}",
            "occurred_at": _moment(rng, day), "unit_id": unit.id if unit else _units(ctx)[0],
            "place": place_of(rng, victim.unit_key), "classification": kind,
            "circumstances": "Во время работы пострадавший оступился и упал; "
                             "обстоятельства установлены комиссией.",
            "victims_count": 1, "days_lost": days_lost,
            "notified_on": None if latest else day, "commission_on": commission_on,
            "commission_order_no": f"{rng.randint(10, 200)}-Ө", "investigated_on": investigated,
            "act_no": str(per_year[day.year]) if act_on else "", "act_on": act_on,
            "signed": act_on is not None, "corrects_id": None,
        })  # fmt: skip
        victims.append({
            "id": ctx.writer.next_id(AccidentVictim) + len(victims), "accident_id": accident_id,
            "employee_id": victim.id, "iin": "", "full_name": "", "position": "", "employer": "",
            "outcome": outcome, "injury": rng.choice(INJURIES), "days_lost": days_lost,
        })  # fmt: skip
        others = rng.sample(heads[1:], min(2, len(heads) - 1))
        for role, person in (("chair", heads[0]), *(("member", h) for h in others)):
            members.append({
                "id": ctx.writer.next_id(AccidentCommissionMember) + len(members),
                "accident_id": accident_id, "employee_id": person.id,
                "full_name": f"{person.surname} {person.name} {person.patronymic}".strip(),
                "position": _position(ctx, person.id), "role": role,
            })  # fmt: skip
        for kind_, text, measure in rng.sample(CAUSES, 2):
            due = (act_on or plan.today) + rng.randint(10, 40) * DAY
            causes.append({
                "id": ctx.writer.next_id(AccidentCause) + len(causes), "accident_id": accident_id,
                "kind": kind_, "description": text, "measure": measure,
                "owner_id": rng.choice(heads).id, "due": due,
                "done_on": due if due < plan.today and rng.random() < 0.9 else None,
                "risk_row_id": None,
            })  # fmt: skip
    _fill_victims(ctx, victims)
    ctx.writer.insert(Accident, rows)
    ctx.writer.insert(AccidentVictim, victims)
    ctx.writer.insert(AccidentCommissionMember, members)
    ctx.writer.insert(AccidentCause, causes)


def _fill_victims(ctx: DemoContext, victims: list[dict[str, Any]]) -> None:
    """Victims carry the IIN, name and position of the employee, as the service stores them."""
    from sqlalchemy import select

    from safedesk.db.models import Employee

    by_id = {e.id: e for e in ctx.employees}
    for v in victims:
        e = by_id[v["employee_id"]]
        v["full_name"] = f"{e.surname} {e.name} {e.patronymic}".strip()
        v["iin"] = ctx.writer.scalar(select(Employee.iin).where(Employee.id == e.id))
        v["position"] = _position(ctx, e.id)


def _position(ctx: DemoContext, employee_id: int) -> str:
    from sqlalchemy import select

    from safedesk.db.models import Employee, Position

    query = (
        select(Position.name_ru)
        .join(Employee, Employee.position_id == Position.id)
        .where(Employee.id == employee_id)
    )
    return str(ctx.writer.scalar(query) or "")
