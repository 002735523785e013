"""`build_demo`: fill a database without employees with deterministic demo data.

Each register contributes one `Step` to `STEPS`, in the order its data depends on
earlier steps. A later register adds its generator there, e.g.

    Step("briefings", lambda plan: plan.employees * plan.years * 2, add_briefings),

where `add_briefings(ctx, rng)` reads `ctx.employees` and writes through
`ctx.writer.insert(Briefing, rows)`. Name a step after the table it fills: the
counts returned (and printed by `safedesk demo`) are keyed by table name.
Everything runs in one write transaction: a failure or a cancel writes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import func, select

from safedesk.db.engine import Database
from safedesk.db.models import Employee
from safedesk.demo import (
    incidents,  # issue 8
    permits,  # issue 5
    ppe,  # issue 7
)
from safedesk.demo.bulk import BulkWriter, large_cache
from safedesk.demo.context import DemoContext, DemoPlan, Step
from safedesk.demo.knowledge_checks import add_checks
from safedesk.demo.organisation import add_organisation
from safedesk.demo.positions import POSITIONS, add_positions
from safedesk.demo.question_bank import QUESTIONS, add_question_bank
from safedesk.demo.responsible import add_appointments
from safedesk.demo.risk import add_risk_assessments, planned_risk_rows  # issue 6
from safedesk.demo.staff import add_employees
from safedesk.demo.training import add_briefings
from safedesk.demo.training_more import (  # issue 4
    add_certificates,
    add_contractors,
    add_safety_days,
)
from safedesk.demo.units import UNITS, add_units
from safedesk.errors import InvalidInput, Problem, SafeDeskError
from safedesk.i18n import N_

DEMO_USER = "demo"  # created_by of every demo row: tells demo data from typed data
MAX_EMPLOYEES = 1_000_000
MAX_YEARS = 40

Progress = Callable[[int, int], bool]

STEPS: list[Step] = [
    Step("units", lambda plan: len(UNITS), add_units),
    Step("positions", lambda plan: len(POSITIONS), add_positions),
    Step("employees", lambda plan: plan.employees, add_employees),
    Step("organisation", lambda plan: 1, add_organisation),  # names the director as head
    Step("responsible_persons", lambda plan: 4, add_appointments),
    Step("briefings", lambda plan: plan.employees * (plan.years * 2 + 1), add_briefings),
    Step("check_results", lambda plan: plan.employees * plan.years, add_checks),
    Step("test_questions", lambda plan: len(QUESTIONS), add_question_bank),
    Step("certificates", lambda plan: plan.employees * plan.years // 4, add_certificates),
    Step("contractors", lambda plan: 8 * 10 * (2 + plan.years * 2), add_contractors),  # issue 4
    Step("safety_days", lambda plan: plan.years * 12 * 40, add_safety_days),  # issue 4
    Step("risk_assessments", planned_risk_rows, add_risk_assessments),  # issue 6
    Step("near_misses", incidents.near_miss_rows, incidents.add_near_misses),  # issue 8
    Step("observations", incidents.observation_rows, incidents.add_observations),  # issue 8
    Step("accidents", incidents.accident_rows, incidents.add_accidents),  # issue 8
    Step("ppe_issues", ppe.planned_rows, ppe.add_ppe),  # issue 7
    Step("permits", permits.planned_rows, permits.add_permits),  # issue 5
]


class DemoRefused(SafeDeskError):
    msgid = N_(
        # "employees ({count})", not "{count} employees": no plural forms needed in kk/ru.
        "The database {path} already has employees ({count}). "
        "Demo data is only added to a database without employees; nothing was changed."
    )


class DemoCancelled(SafeDeskError):
    msgid = N_("Demo data generation was cancelled; nothing was written.")


def _plan_problems(employees: int, years: int) -> list[Problem]:
    found: list[Problem] = []
    if not 1 <= employees <= MAX_EMPLOYEES:
        found.append(
            Problem(
                "employees",
                N_("The number of employees must be from 1 to {max}, not {value}."),
                {"max": MAX_EMPLOYEES, "value": employees},
            )
        )
    if not 1 <= years <= MAX_YEARS:
        found.append(
            Problem(
                "years",
                N_("The number of years must be from 1 to {max}, not {value}."),
                {"max": MAX_YEARS, "value": years},
            )
        )
    return found


def build_demo(
    db: Database,
    *,
    employees: int,
    years: int,
    seed: int,
    today: dt.date,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Write the demo registers; return rows written per table (audit_log included).

    The same arguments give the same rows, ids, timestamps and audit hashes.
    `progress(done, total)` is called as rows are written; returning False cancels.
    Raises InvalidInput for out-of-range arguments, DemoRefused when the database
    already holds employees, DemoCancelled when `progress` returned False.
    """
    problems = _plan_problems(employees, years)
    if problems:
        raise InvalidInput(problems)
    plan = DemoPlan(employees=employees, years=years, seed=seed, today=today)
    total = sum(step.planned_rows(plan) for step in STEPS)
    done = 0

    def advance(rows: int) -> None:
        nonlocal done
        done = min(total, done + rows)
        if progress is not None and not progress(done, total):
            raise DemoCancelled()

    with db.write() as session:
        # Checked inside the write transaction: nobody can add employees in between.
        present = int(session.scalar(select(func.count()).select_from(Employee)) or 0)
        if present:
            raise DemoRefused(path=db.display_name, count=present)
        advance(0)
        writer = BulkWriter(
            session,
            user=db.user,
            moment=plan.moment,
            created_by=DEMO_USER,
            on_batch=advance,
        )
        ctx = DemoContext(plan=plan, writer=writer)
        with large_cache(session):
            for step in STEPS:
                step.run(ctx, plan.rng(step.name))
        counts = {step.name: 0 for step in STEPS} | writer.counts
    if progress is not None:
        progress(total, total)  # estimates may fall short; the bar ends full
    return counts
