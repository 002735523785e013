"""SLAM cards, job safety analyses and 5S audits in the demo, some linked to WRAC rows."""

from __future__ import annotations

import random
from typing import Any

from safedesk.db.models import FiveSAudit, JobSafetyAnalysis, SlamCard
from safedesk.db.risk_five_s import default_checklist
from safedesk.demo.context import DemoContext, DemoEmployee, pick_active
from safedesk.demo.people import random_day
from safedesk.demo.places import place_of
from safedesk.domain.risk_coverage import FiveS, five_s_result

SLAM_PER_EMPLOYEE_YEAR = 0.3
AUDITS_PER_UNIT_YEAR = 4
JSA_PER_UNIT_YEAR = 1
TASKS = (
    ("Конвейер роликтерін ауыстыру", "Замена роликов конвейера"),
    ("Сорғыны жөндеу", "Ремонт насоса"),
    ("Биіктікте кабель тарту", "Прокладка кабеля на высоте"),
    ("Бункерді тазалау", "Очистка бункера"),
)
STEPS = (
    ("Жабдықты тоқтату және бұғаттау", "Остановить и заблокировать оборудование",
     "Кернеу", "Напряжение", "Бұғаттау, тақтайша", "Блокировка, бирка"),
    ("Құралды дайындау", "Подготовить инструмент", "", "", "", ""),
    ("Жұмысты орындау", "Выполнить работу", "Қысылу", "Защемление",
     "Қоршау, қолғап", "Ограждение, перчатки"),
)  # fmt: skip


def cards_planned(employees: int, units: int, years: int) -> int:
    return int(employees * years * SLAM_PER_EMPLOYEE_YEAR) + units * years * 5


def add_cards(
    ctx: DemoContext,
    rng: random.Random,
    by_unit: dict[str, list[DemoEmployee]],
    rows_of_unit: dict[str, list[int]],
) -> None:
    """Cards from the window's start to today; every fifth links to a row of its unit."""
    today, start = ctx.plan.today, ctx.plan.window_start
    w = ctx.writer
    slams: list[dict[str, Any]] = []
    audits: list[dict[str, Any]] = []
    analyses: list[dict[str, Any]] = []
    ids = {m: w.next_id(m) for m in (SlamCard, FiveSAudit, JobSafetyAnalysis)}
    for unit_key, people in by_unit.items():
        unit_id = ctx.units[unit_key].id
        rows = rows_of_unit.get(unit_key, [])

        def link(chance: float, rows: list[int] = rows) -> int | None:
            return rng.choice(rows) if rows and rng.random() < chance else None

        kazakh = rng.random() < 0.4
        pick = 0 if kazakh else 1
        for _n in range(int(len(people) * ctx.plan.years * SLAM_PER_EMPLOYEE_YEAR)):
            day = random_day(rng, start, today)
            worker = pick_active(rng, people, day)
            if worker is None:
                continue
            task = rng.choice(TASKS)[pick]
            slams.append(
                {
                    "id": ids[SlamCard] + len(slams), "card_date": day,
                    "card_time": f"{rng.randint(7, 18):02d}:{rng.choice((0, 15, 30, 45)):02d}",
                    "unit_id": unit_id, "place": place_of(rng, unit_key), "task": task,
                    "worker_id": worker.id,
                    "hazards": ("Айналмалы бөліктер" if kazakh else "Вращающиеся части"),
                    "gaps": "", "controls": ("Қоршау тексерілді" if kazakh
                                             else "Проверено ограждение"),
                    "work_stopped": rng.random() < 0.1, "supervisor_told": rng.random() < 0.5,
                    "lessons": "", "risk_row_id": link(0.2),
                }
            )  # fmt: skip
        for _n in range(AUDITS_PER_UNIT_YEAR * ctx.plan.years):
            day = random_day(rng, start, today)
            auditors = [e for e in people if e.active_on(day)]
            if not auditors:
                continue
            checklist = default_checklist("kk" if kazakh else "ru")
            scores = [rng.randint(2, 5) for _i in checklist]
            items = [{"s": str(i.s), "item": i.item, "score": n}
                     for i, n in zip(checklist, scores, strict=True)]  # fmt: skip
            total = five_s_result(
                (FiveS(i.s), n) for i, n in zip(checklist, scores, strict=True)
            ).total
            audits.append(
                {
                    "id": ids[FiveSAudit] + len(audits), "audit_date": day, "unit_id": unit_id,
                    "area": place_of(rng, unit_key), "shift": str(rng.randint(1, 3)),
                    "auditor_id": auditors[0].id, "items": items, "total_percent": total,
                    "actions": "", "risk_row_id": link(0.1),
                }
            )  # fmt: skip
        for _n in range(JSA_PER_UNIT_YEAR * ctx.plan.years):
            day = random_day(rng, start, today)
            team = [e.id for e in people if e.active_on(day)][:3]
            steps = [{"step": s[pick], "hazards": s[2 + pick], "controls": s[4 + pick]}
                     for s in STEPS]  # fmt: skip
            analyses.append(
                {
                    "id": ids[JobSafetyAnalysis] + len(analyses), "analysis_date": day,
                    "unit_id": unit_id, "task": rng.choice(TASKS)[pick], "team_ids": team,
                    "steps": steps, "risk_row_id": link(0.5),
                }
            )  # fmt: skip
    w.insert(SlamCard, slams)
    w.insert(FiveSAudit, audits)
    w.insert(JobSafetyAnalysis, analyses)
