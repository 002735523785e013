"""Demo certificates, contractors with their workers, briefings and checks, and OHS days.

Certificates: an electrical-safety group for everyone who holds one, work at height for
the trades that climb, first aid for foremen; renewed each year, a few left to lapse
(expiring or expired on purpose). Contractors: 5 to 10 firms with their workers, briefed
and checked by the client, a few checks lapsed. OHS days: one a month, training and
permit exercises in turn, attended by one unit's people and its sub-units'.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from safedesk.db.models import (
    Certificate,
    Contractor,
    ContractorBriefing,
    ContractorCheck,
    ContractorWorker,
    SafetyDay,
    SafetyDayAttendance,
)
from safedesk.demo.context import DemoContext, DemoEmployee, DemoPlan
from safedesk.demo.names import random_name
from safedesk.demo.people import IinRegistry, random_day
from safedesk.demo.training import instructors, norm_value
from safedesk.domain.certificates import default_valid_to
from safedesk.domain.collation import search_text, sort_key
from safedesk.domain.ids import Sex, check_digit
from safedesk.domain.people import full_name
from safedesk.domain.safety_days import SafetyDayKind
from safedesk.domain.training import (
    REPEATED_PERIOD,
    BriefingKind,
    CheckOutcome,
    add_months,
    next_briefing_due,
)

LAPSED_SHARE = 0.08  # certificates and checks not renewed on purpose
HEIGHT_TRADES = {
    "repair_fitter",
    "welder",
    "electrician_repair",
    "duty_electrician",
    "crane_operator",
    "timberman",
    "underground_electrician",
}
FIRST_AID = {"foreman", "mining_foreman", "shift_foreman", "section_head"}
CENTRES = (
    "«Шығыс білім» оқу орталығы / Учебный центр «Шыгыс білім»",
    "«Қауіпсіздік» ОО / УЦ «Безопасность»",
    "ШҚО ТЖД оқу-әдістемелік орталығы / УМЦ ДЧС ВКО",
)
FIRMS = (
    (
        "«Алтай Монтаж» ЖШС / ТОО «Алтай Монтаж»",
        "Металл құрылымдарын монтаждау / Монтаж металлоконструкций",
    ),
    (
        "«Ертіс Электро» ЖШС / ТОО «Иртыш Электро»",
        "Электр монтаж жұмыстары / Электромонтажные работы",
    ),
    (
        "«Шығыс Құрылыс» ЖШС / ТОО «Восток Строй»",
        "Жөндеу-құрылыс жұмыстары / Ремонтно-строительные работы",
    ),
    ("«Кен Бұрғылау» ЖШС / ТОО «Рудное Бурение»", "Барлау бұрғылауы / Разведочное бурение"),
    (
        "«Өскемен Жылу Сервис» ЖШС / ТОО «УК Тепло Сервис»",
        "Жылу желілерін жөндеу / Ремонт теплосетей",
    ),
    ("«Тазалық Плюс» ЖШС / ТОО «Чистота Плюс»", "Өнеркәсіптік тазалау / Промышленная очистка"),
    (
        "«Лифт Кран Сервис» ЖШС / ТОО «Лифт Кран Сервис»",
        "Жүк көтергіш крандарға қызмет / Обслуживание кранов",
    ),
    (
        "«Геодезия Шығыс» ЖШС / ТОО «Геодезия Восток»",
        "Маркшейдерлік түсірілім / Маркшейдерская съёмка",
    ),
    ("«Сварка Профи» ЖШС / ТОО «Сварка Профи»", "Дәнекерлеу жұмыстары / Сварочные работы"),
    ("«Риддер Вент» ЖШС / ТОО «Риддер Вент»", "Желдету жүйелері / Системы вентиляции"),
)
TRADES = (
    "Монтажшы / Монтажник",
    "Электр монтері / Электромонтёр",
    "Дәнекерлеуші / Сварщик",
    "Слесарь / Слесарь",
    "Бұрғылаушы / Бурильщик",
    "Жұмысшы / Разнорабочий",
)
DAY_TOPICS = (
    (SafetyDayKind.TRAINING, "Биіктікте қауіпсіз жұмыс / Безопасная работа на высоте"),
    (
        SafetyDayKind.EXERCISE,
        "Шектеулі кеңістікке кіру / Вход в замкнутое пространство",
    ),
    (
        SafetyDayKind.TRAINING,
        "Салдарынсыз оқиғалар: хабарлау / Происшествия без последствий: как сообщать",
    ),
    (SafetyDayKind.EXERCISE, "Бұғаттау және оқшаулау (LOTO) / Блокировка и маркировка (LOTO)"),
    (SafetyDayKind.TRAINING, "Алғашқы көмек көрсету / Оказание первой помощи"),
    (SafetyDayKind.EXERCISE, "Отпен жұмыстарға наряд-рұқсат / Наряд-допуск на огневые работы"),
)


def _firms(plan: DemoPlan) -> int:
    return min(len(FIRMS), max(5, plan.employees // 150))


def planned_rows(plan: DemoPlan) -> int:
    certificates = plan.employees * plan.years // 4
    contractors = _firms(plan) * 8 * (2 + plan.years * 2)
    days = plan.years * 12 * (1 + min(plan.employees, 60))
    return certificates + contractors + days


def bin_for(rng: random.Random, registered: dt.date) -> str:
    """A resident head office's BIN registered in `registered`'s month (DOMAIN.md §2)."""
    while True:
        first = f"{registered.year % 100:02d}{registered.month:02d}40{rng.randint(0, 99999):05d}"
        check = check_digit(first)
        if check is not None:
            return f"{first}{check}"


# -- certificates of employees ------------------------------------------------------------
def _renewals(
    e: DemoEmployee, kind: str, months: int, ctx: DemoContext, rng: random.Random
) -> list[dict[str, Any]]:
    today, start = ctx.plan.today, ctx.plan.window_start
    last = min(today, e.dismissal_date or today)
    day = max(e.hire_date, start) + dt.timedelta(days=rng.randint(0, 60))
    rows: list[dict[str, Any]] = []
    while day <= last:
        valid_to = default_valid_to(day, months)
        rows.append(
            {
                "employee_id": e.id,
                "contractor_worker_id": None,
                "kind": kind,
                "number": f"{kind[:2].upper()}-{day.year}-{rng.randint(100, 9999)}",
                "issued_by": rng.choice(CENTRES),
                "issued_on": day,
                "valid_to": valid_to,
                "electrical_group": e.electrical_group if kind == "electrical" else None,
                "note": "",
            }
        )
        if valid_to is None or (
            valid_to >= today - dt.timedelta(days=60) and rng.random() < LAPSED_SHARE
        ):
            break  # not renewed: expiring or expired on purpose
        day = valid_to + dt.timedelta(days=rng.randint(-25, 0))
    return rows


def add_certificates(ctx: DemoContext, rng: random.Random) -> None:
    def rows() -> Any:
        next_id = ctx.writer.next_id(Certificate)
        for e in ctx.employees:
            kinds = []
            if e.electrical_group:
                kinds.append("electrical")
            if e.position_key in HEIGHT_TRADES:
                kinds.append("height")
            if e.position_key in FIRST_AID:
                kinds.append("first_aid")
            for kind in kinds:
                renewals = _renewals(e, kind, 12, ctx, rng)
                for n, row in enumerate(renewals):
                    row["id"] = next_id
                    next_id += 1
                    # Renewals come in issue order, ids rising: the last one is the
                    # latest of the kind (`Certificate.latest`, kept by the services).
                    row["latest"] = n == len(renewals) - 1
                    yield row

    ctx.writer.insert(Certificate, rows())


# -- contractors ------------------------------------------------------------------------
def add_contractors(ctx: DemoContext, rng: random.Random) -> None:
    plan = ctx.plan
    today, start = plan.today, plan.window_start
    months = norm_value(ctx, REPEATED_PERIOD, 6)
    chief = next(iter(instructors(ctx).values()), None)
    if chief is None:
        return
    iins = IinRegistry()
    firms: list[dict[str, Any]] = []
    workers: list[dict[str, Any]] = []
    briefings: list[dict[str, Any]] = []
    checks: list[dict[str, Any]] = []
    certificates: list[dict[str, Any]] = []
    ids = {
        m: ctx.writer.next_id(m)
        for m in (Contractor, ContractorWorker, ContractorBriefing, ContractorCheck, Certificate)
    }
    for i in range(_firms(plan)):
        name, scope = FIRMS[i]
        # Most contracts run today; one in five ended earlier in the window.
        if rng.random() < 0.2:
            begins = random_day(rng, start, today - dt.timedelta(days=400))
            ends = add_months(begins, 12)
        else:
            begins = random_day(
                rng, max(start, today - dt.timedelta(days=700)), today - dt.timedelta(days=90)
            )
            ends = add_months(begins, rng.choice((24, 36)))
        firm_id = ids[Contractor] + i
        firms.append(
            {
                "id": firm_id,
                "name": name,
                "bin": bin_for(rng, random_day(rng, dt.date(1998, 1, 1), dt.date(2018, 12, 1))),
                "address": "Өскемен қ. / г. Усть-Каменогорск",
                "contact": f"+7 7232 {rng.randint(200000, 799999)}",
                "contract_no": f"{rng.randint(10, 250)}-ҚТ/{begins.year}",
                "contract_from": begins,
                "contract_to": ends,
                "parent_id": firms[0]["id"] if i == _firms(plan) - 1 and firms else None,
                "scope": scope,
                "note": "",
            }
        )
        for _n in range(rng.randint(3, 12)):
            sex = Sex.MALE if rng.random() < 0.93 else Sex.FEMALE
            surname, first, patronymic = random_name(rng, sex, rng.random() < 0.7)
            birth = random_day(rng, dt.date(1965, 1, 1), dt.date(2004, 12, 31))
            iin = iins.issue(rng, birth, sex)
            arrived = random_day(rng, begins, min(today, ends))
            left = (
                ends
                if ends < today
                else (
                    today - dt.timedelta(days=rng.randint(1, 200)) if rng.random() < 0.1 else None
                )
            )
            if left is not None and left < arrived:
                left = arrived
            trade = rng.choice(TRADES)
            group = rng.choice((2, 3, 4)) if "Электр" in trade else None
            worker_id = ids[ContractorWorker] + len(workers)
            workers.append(
                {
                    "id": worker_id,
                    "contractor_id": firm_id,
                    "iin": iin,
                    "surname": surname,
                    "name": first,
                    "patronymic": patronymic,
                    "position": trade,
                    "electrical_group": group,
                    "arrived_on": arrived,
                    "left_on": left,
                    "search_text": search_text(surname, first, patronymic, iin),
                    "sort_name": sort_key(full_name(surname, first, patronymic)),
                }
            )
            on_site_until = min(today, left or today)

            def brief(
                kind: BriefingKind, day: dt.date, topic: str, worker_id: int = worker_id
            ) -> None:
                briefings.append(
                    {
                        "id": ids[ContractorBriefing] + len(briefings),
                        "worker_id": worker_id,
                        "kind": kind.value,
                        "held_on": day,
                        "instructor_id": chief.id,
                        "topic": topic,
                        "reason": "",
                        "next_due": next_briefing_due(kind, day, months),
                    }
                )

            brief(BriefingKind.INTRODUCTORY, arrived, "Кіріспе / Вводный")
            brief(BriefingKind.PRIMARY, arrived, "Мердігерлерге арналған ИОТ / ИОТ для подрядчиков")
            day = add_months(arrived, months)
            while day <= on_site_until:
                if add_months(day, months) > today and rng.random() < LAPSED_SHARE:
                    break
                brief(BriefingKind.REPEATED, day, "ИОТ-01, 05")
                day = add_months(day, months)
            checked = arrived - dt.timedelta(days=rng.randint(5, 120))
            while checked <= on_site_until:
                until = add_months(checked, 12) - dt.timedelta(days=1)
                checks.append(
                    {
                        "id": ids[ContractorCheck] + len(checks),
                        "worker_id": worker_id,
                        "checked_on": checked,
                        "outcome": CheckOutcome.PASSED.value,
                        "valid_until": until,
                        "checked_by": "Мердігердің комиссиясы / Комиссия подрядчика",
                        "protocol_no": f"{rng.randint(1, 60)}-П",
                        "certificate_no": f"{rng.randint(100, 999)}",
                        "note": "",
                    }
                )
                if until >= today - dt.timedelta(days=30) and rng.random() < LAPSED_SHARE:
                    break
                checked = until - dt.timedelta(days=rng.randint(0, 20))
            if "Монтаж" in trade or "Дәнекер" in trade:
                issued = checked - dt.timedelta(days=rng.randint(0, 200))
                certificates.append(
                    {
                        "id": ids[Certificate] + len(certificates),
                        "employee_id": None,
                        "contractor_worker_id": worker_id,
                        "kind": "height",
                        "number": f"В-{rng.randint(1000, 9999)}",
                        "issued_by": rng.choice(CENTRES),
                        "issued_on": min(issued, today),
                        "valid_to": default_valid_to(min(issued, today), 12),
                        "electrical_group": None,
                        "note": "",
                        "latest": True,  # a worker's only certificate of the kind
                    }
                )
    ctx.writer.insert(Contractor, [f for f in firms if f["parent_id"] is None])
    ctx.writer.insert(Contractor, [f for f in firms if f["parent_id"] is not None])
    ctx.writer.insert(ContractorWorker, workers)
    ctx.writer.insert(ContractorBriefing, briefings)
    ctx.writer.insert(ContractorCheck, checks)
    ctx.writer.insert(Certificate, certificates)


# -- OHS days ---------------------------------------------------------------------------
MAX_ATTENDEES = 120  # the attendance sheet of one OHS day, however big the unit


def _attendees(
    by_unit: dict[str, list[DemoEmployee]], keys: list[str], day: dt.date
) -> list[DemoEmployee]:
    """Those of the units `keys` employed on `day`, taken in turn from each unit, so that a
    workshop's day lists its sections' people and not only the head's office."""
    queues = [[e for e in by_unit.get(k, ()) if e.active_on(day)] for k in keys]
    found: list[DemoEmployee] = []
    depth = 0
    while len(found) < MAX_ATTENDEES and any(len(q) > depth for q in queues):
        found += [q[depth] for q in queues if len(q) > depth]
        depth += 1
    return found[:MAX_ATTENDEES]


def add_safety_days(ctx: DemoContext, rng: random.Random) -> None:
    today, start = ctx.plan.today, ctx.plan.window_start
    by_unit: dict[str, list[DemoEmployee]] = {}
    for e in ctx.employees:
        by_unit.setdefault(e.unit_key, []).append(e)
    # Each unit with the units under it (parents stand before their children).
    subtree: dict[str, list[str]] = {key: [key] for key in ctx.units}
    parent_key = {u.id: u.key for u in ctx.units.values()}
    for key in reversed(list(ctx.units)):
        parent = ctx.units[key].parent_id
        if parent is not None:
            subtree[parent_key[parent]] += subtree[key]
    units = sorted(k for k, keys in subtree.items() if any(by_unit.get(x) for x in keys))
    leaders = instructors(ctx)
    if not units or not leaders:
        return
    days, listed = [], []
    day_id, row_id = ctx.writer.next_id(SafetyDay), ctx.writer.next_id(SafetyDayAttendance)
    month = start.replace(day=1)
    n = 0
    while month <= today:
        held = month + dt.timedelta(days=rng.randint(8, 20))
        if held > today or (
            (month.year, month.month) == (today.year, today.month) and rng.random() < 0.5
        ):
            break  # this month's day is still to come: due on purpose
        if rng.random() < 0.05:
            month = add_months(month, 1)
            continue  # a month missed: the roadmap report shows it
        kind, topic = DAY_TOPICS[n % len(DAY_TOPICS)]
        unit_key = units[n % len(units)]
        leader = leaders.get(unit_key) or next(iter(leaders.values()))
        days.append(
            {
                "id": day_id,
                "held_on": held,
                "kind": kind.value,
                "topic": topic,
                "unit_id": ctx.units[unit_key].id,
                "leader_id": leader.id if leader.active_on(held) else None,
                "place": "Оқу сыныбы / Учебный класс" if kind is SafetyDayKind.TRAINING else "",
                "note": "",
            }
        )
        for e in _attendees(by_unit, subtree[unit_key], held):
            listed.append(
                {
                    "id": row_id,
                    "safety_day_id": day_id,
                    "employee_id": e.id,
                    "present": rng.random() < 0.9,
                }
            )
            row_id += 1
        day_id += 1
        n += 1
        month = add_months(month, 1)
    ctx.writer.insert(SafetyDay, days)
    ctx.writer.insert(SafetyDayAttendance, listed)
