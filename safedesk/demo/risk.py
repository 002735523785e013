"""Roadmap items 1 and 18 in the demo: a WRAC assessment of every staffed unit each year.

Each unit is assessed about once a year over the demo's window; every new assessment
replaces the one before. A few units miss their latest review (overdue on purpose), and
the actions are in every state: done, cancelled, in progress, planned, due soon, overdue.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from typing import Any

from sqlalchemy import select

from safedesk.db.models import Hazard, RiskAssessment, RiskControl, RiskMatrix, RiskRow
from safedesk.demo.context import DemoContext, DemoEmployee, DemoPlan
from safedesk.demo.people import random_day
from safedesk.demo.risk_cards import add_cards, cards_planned
from safedesk.demo.units import UNITS
from safedesk.domain.risk import Matrix, matrix_from_json
from safedesk.domain.risk_controls import ActionStatus, Hierarchy, add_months
from safedesk.paths import resource

DAY = dt.timedelta(days=1)
ROWS_PER_ASSESSMENT = (4, 7)
OVERDUE_UNITS = 2  # units whose latest review is missed, so the due list has some
ACTIVITIES = (
    ("Жабдыққа техникалық қызмет көрсету", "Техническое обслуживание оборудования"),
    ("Ауысымды қабылдау және тапсыру", "Приём и сдача смены"),
    ("Жөндеу жұмыстары", "Ремонтные работы"),
    ("Материалдарды тасымалдау", "Перемещение материалов"),
    ("Технологиялық процесті басқару", "Управление технологическим процессом"),
    ("Жұмыс орнын жинау", "Уборка рабочего места"),
)
CONTROLS = {
    Hierarchy.ELIMINATION: ("Қолмен операцияны жою", "Исключить ручную операцию"),
    Hierarchy.SUBSTITUTION: ("Қауіптілігі аз затпен алмастыру", "Заменить менее опасным"),
    Hierarchy.ENGINEERING: ("Қоршау мен бұғаттауды орнату", "Установить ограждение и блокировку"),
    Hierarchy.ADMINISTRATIVE: (
        "Нұсқаулықты қайта қарау, мақсатты нұсқама",
        "Пересмотреть инструкцию, провести целевой инструктаж",
    ),
    Hierarchy.PPE: ("Жеке қорғану құралдарын беру", "Выдать средства индивидуальной защиты"),
}
EXPOSED = (("Бригада жұмысшылары", "Рабочие бригады"), ("Ауысым персоналы", "Персонал смены"))


def staffed_units() -> list[str]:
    return [u.key for u in UNITS if u.share > 0 and u.staff]


def planned_risk_rows(plan: DemoPlan) -> int:
    units = len(staffed_units())
    return units * (plan.years + 1) * 12 + cards_planned(plan.employees, units, plan.years)


def _library(ctx: DemoContext) -> list[tuple[int | None, dict[str, Any]]]:
    data = json.loads(resource("reference", "hazards.json").read_text(encoding="utf-8"))
    found = []
    for category in data["categories"]:
        for hazard in category["hazards"]:
            hazard_id = ctx.writer.scalar(
                select(Hazard.id).where(Hazard.name_ru == hazard["ru"]).limit(1)
            )
            found.append((hazard_id, hazard))
    return found


def _team(rng: random.Random, people: list[DemoEmployee], day: dt.date) -> list[DemoEmployee]:
    active = [e for e in people if e.active_on(day)]
    heads = [e for e in active if e.key_staff]
    others = [e for e in active if not e.key_staff]
    return heads[:1] + rng.sample(others, min(len(others), 2))


class _Writer:
    """Collects the rows of all assessments, with ids, then inserts them table by table."""

    def __init__(self, ctx: DemoContext, matrix_id: int, matrix: Matrix) -> None:
        self.ctx, self.matrix_id, self.matrix = ctx, matrix_id, matrix
        self.assessments: list[dict[str, Any]] = []
        self.rows: list[dict[str, Any]] = []
        self.controls: list[dict[str, Any]] = []
        self.next = {m: ctx.writer.next_id(m) for m in (RiskAssessment, RiskRow, RiskControl)}
        self.numbers: dict[int, int] = {}

    def take(self, model: type[Any]) -> int:
        value = self.next[model]
        self.next[model] += 1
        return value

    def flush(self) -> None:
        w = self.ctx.writer
        w.insert(RiskAssessment, self.assessments)
        w.insert(RiskRow, self.rows)
        w.insert(RiskControl, self.controls)


def _control(
    out: _Writer, rng: random.Random, row_id: int, owner: DemoEmployee, day: dt.date,
    replaced: bool, today: dt.date,
) -> None:  # fmt: skip
    level = rng.choices(list(Hierarchy), weights=(1, 1, 4, 5, 3))[0]
    kk, ru = CONTROLS[level]
    deadline = day + rng.randint(14, 180) * DAY
    if replaced:
        status = rng.choices([ActionStatus.DONE, ActionStatus.CANCELLED], weights=(9, 1))[0]
    elif deadline < today:
        status = rng.choices(
            [ActionStatus.DONE, ActionStatus.PLANNED, ActionStatus.IN_PROGRESS], weights=(8, 1, 1)
        )[0]
    else:
        status = rng.choice([ActionStatus.PLANNED, ActionStatus.IN_PROGRESS, ActionStatus.DONE])
    done_on = None
    if status is ActionStatus.DONE:
        done_on = min(today, random_day(rng, day, deadline + 10 * DAY))
    out.controls.append(
        {
            "id": out.take(RiskControl),
            "row_id": row_id,
            "description": rng.choice((kk, ru)),
            "hierarchy": level.value,
            "owner_id": owner.id,
            "deadline": deadline,
            "status": status.value,
            "done_on": done_on,
        }
    )


def _assessment(
    out: _Writer, rng: random.Random, unit_key: str, people: list[DemoEmployee],
    day: dt.date, replaces: int | None, replaced_on: dt.date | None,
    library: list[tuple[int | None, dict[str, Any]]],
) -> int:  # fmt: skip
    ctx, m = out.ctx, out.matrix
    unit = ctx.units[unit_key]
    seq = out.numbers[day.year] = out.numbers.get(day.year, 0) + 1
    assessment_id = out.take(RiskAssessment)
    team = _team(rng, people, day)
    positions = sorted({ctx.positions[e.position_key].id for e in people if e.active_on(day)})
    kazakh = rng.random() < 0.4
    out.assessments.append(
        {
            "id": assessment_id,
            "number": f"{day.year}-{seq:03d}",
            "unit_id": unit.id,
            "area": ("Учаскенің барлық жұмыс орындары" if kazakh
                     else "Все рабочие места участка"),
            "position_ids": positions if rng.random() < 0.5 else [],
            "team_ids": [e.id for e in team],
            "assessed_on": day,
            "review_months": 12,
            "next_review": add_months(day, 12),
            "matrix_id": out.matrix_id,
            "review_requested_on": None,
            "review_reason": "",
            "replaces_id": replaces,
            "superseded_on": replaced_on,
            "note": "",
        }
    )  # fmt: skip
    owners = team or [e for e in people if e.active_on(day)][:1]
    for line_no, (hazard_id, hazard) in enumerate(
        rng.sample(library, rng.randint(*ROWS_PER_ASSESSMENT)), start=1
    ):
        lik, con = rng.randint(2, 5), rng.randint(2, 5)
        res_l, res_c = max(1, lik - rng.randint(1, 3)), max(1, con - rng.randint(0, 1))
        row_id = out.take(RiskRow)
        lang = "kk" if kazakh else "ru"
        activity = rng.choice(ACTIVITIES)[0 if kazakh else 1]
        out.rows.append(
            {
                "id": row_id, "assessment_id": assessment_id, "line_no": line_no,
                "activity": activity, "hazard_id": hazard_id, "hazard": hazard[lang],
                "unwanted_event": hazard["event"][lang],
                "exposed": rng.choice(EXPOSED)[0 if kazakh else 1],
                "existing_controls": "Нұсқаулық, ЖҚҚ" if kazakh else "Инструкция, СИЗ",
                "likelihood": lik, "consequence": con,
                "initial_score": m.score(lik, con), "initial_band": m.band_of(lik, con).code,
                "residual_likelihood": res_l, "residual_consequence": res_c,
                "residual_score": m.score(res_l, res_c),
                "residual_band": m.band_of(res_l, res_c).code, "residual_reason": "",
            }
        )  # fmt: skip
        if owners and m.score(lik, con) >= 5:
            for _n in range(rng.randint(1, 2)):
                owner = rng.choice(owners)
                _control(out, rng, row_id, owner, day, replaced_on is not None, ctx.plan.today)
    return assessment_id


def add_risk_assessments(ctx: DemoContext, rng: random.Random) -> None:
    today = ctx.plan.today
    data = ctx.writer.scalar(select(RiskMatrix.data).where(RiskMatrix.current.is_(True)).limit(1))
    matrix_id = ctx.writer.scalar(
        select(RiskMatrix.id).where(RiskMatrix.current.is_(True)).limit(1)
    )
    if data is None or matrix_id is None:
        return
    out = _Writer(ctx, int(matrix_id), matrix_from_json(data))
    library = _library(ctx)
    by_unit: dict[str, list[DemoEmployee]] = {}
    for e in ctx.employees:
        by_unit.setdefault(e.unit_key, []).append(e)
    units = [u for u in staffed_units() if by_unit.get(u)]
    late = set(rng.sample(units, min(OVERDUE_UNITS, len(units))))
    rows_of_unit: dict[str, list[int]] = {}
    for unit_key in units:
        people = by_unit[unit_key]
        # The first assessment falls within the first year of the window, then yearly.
        day = random_day(rng, ctx.plan.window_start, ctx.plan.window_start + 300 * DAY)
        days = []
        while day <= today:
            days.append(day)
            day = add_months(day, 12) + rng.randint(-20, 10) * DAY
        if unit_key in late and len(days) > 1 and days[-1] > today - 365 * DAY:
            days.pop()  # the latest re-assessment was missed: the review is overdue
        previous: int | None = None
        for i, day in enumerate(days):
            replaced_on = days[i + 1] if i + 1 < len(days) else None
            previous = _assessment(out, rng, unit_key, people, day, previous, replaced_on, library)
        rows_of_unit[unit_key] = [r["id"] for r in out.rows if r["assessment_id"] == previous]
    out.flush()
    add_cards(ctx, rng, {u: by_unit[u] for u in units}, rows_of_unit)
