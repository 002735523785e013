"""Roadmap item 4 in the demo: the order appointing the persons responsible for OHS.

The current order appoints the chief OHS engineer for every duty and one to three shop
heads for briefings, permits and PPE in their shops. An earlier order, replaced by the
current one, shows an appointment that has ended (the "in force" filters need one).
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from safedesk.db.models import ResponsibleAppointment
from safedesk.demo.context import DemoContext, DemoEmployee
from safedesk.demo.people import random_day
from safedesk.demo.positions import SHOP_HEADS
from safedesk.domain.responsibility import Duty

DAY = dt.timedelta(days=1)
SHOP_HEAD_DUTIES = (Duty.BRIEFINGS, Duty.PERMITS, Duty.PPE)
EARLIER_DUTIES = (Duty.BRIEFINGS, Duty.KNOWLEDGE_CHECKS)


def _order_no(rng: random.Random, day: dt.date) -> str:
    # Orders are numbered through the year: the number grows with the date.
    return f"{day.timetuple().tm_yday // 2 + rng.randint(1, 9)}-ЕҚ"


def _row(
    row_id: int,
    person: DemoEmployee,
    duties: tuple[Duty, ...],
    order_no: str,
    order_date: dt.date,
    valid_to: dt.date | None,
) -> dict[str, Any]:
    return {
        "id": row_id,
        "employee_id": person.id,
        # The fixed order of Duty, as the service stores it, so the printed order is stable.
        "duties": [d.value for d in Duty if d in duties],
        "order_no": order_no,
        "order_date": order_date,
        "valid_from": order_date,
        "valid_to": valid_to,
        "note": "",
    }


def add_appointments(ctx: DemoContext, rng: random.Random) -> None:
    today = ctx.plan.today
    staff = [e for e in ctx.employees if e.key_staff and e.active_on(today)]
    if not staff:
        return
    chief = next((e for e in staff if e.position_key == "ohs_chief"), staff[0])
    heads = [e for e in staff if e.position_key in SHOP_HEADS and e is not chief]
    heads = rng.sample(heads, min(len(heads), rng.randint(1, 3)))
    current = [(chief, tuple(Duty)), *((h, SHOP_HEAD_DUTIES) for h in heads)]

    # Signed within the last year, after everyone it names was hired.
    newest_hire = max(person.hire_date for person, _duties in current)
    earliest = max(newest_hire, ctx.plan.window_start, today - 330 * DAY)
    order_date = random_day(rng, earliest, today - 7 * DAY)
    order_no = _order_no(rng, order_date)

    rows: list[dict[str, Any]] = []
    next_id = ctx.writer.next_id(ResponsibleAppointment)
    earlier = next((e for e in staff if e.position_key == "ohs_engineer"), chief)
    first_day = max(earlier.hire_date, order_date - 730 * DAY)
    if first_day <= order_date - 200 * DAY:
        earlier_date = random_day(rng, first_day, order_date - 200 * DAY)
        earlier_no = _order_no(rng, earlier_date)
        rows.append(
            _row(next_id, earlier, EARLIER_DUTIES, earlier_no, earlier_date, order_date - DAY)
        )
    for person, duties in current:
        rows.append(_row(next_id + len(rows), person, duties, order_no, order_date, None))
    ctx.writer.insert(ResponsibleAppointment, rows)
    ctx.appointment_ids.extend(row["id"] for row in rows)
