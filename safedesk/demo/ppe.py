"""PPE in the demo: norms linked to positions, years of issuance, stock, milk, tested equipment.

Every worker with a norm gets their items when hired (or, for long-serving staff, at
some point in the period before the window) and a replacement each wear period, most
of them on time; some replacements are late on purpose, a few items of people hired
in the last weeks are still to be issued, a few pieces of equipment miss their test.
Stock receipts, each with its certificate of conformity, cover what was issued, bar one
size that has run short (a negative balance the officer should see).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import random
from collections import defaultdict
from typing import Any

from sqlalchemy import select

from safedesk.db.models import (
    MilkIssue,
    PpeIssue,
    PpeItem,
    PpeNormSet,
    PpePositionNorm,
    PpeReceipt,
    PpeReturn,
    ProtectiveEquipment,
    ProtectiveTest,
)
from safedesk.demo.context import DemoContext, DemoPlan, years_before
from safedesk.demo.people import random_day
from safedesk.demo.positions import POSITION_SPECS
from safedesk.domain.ppe import NormLine as Line
from safedesk.domain.ppe import SizeKind, Wear, due_date, merge_entitlements
from safedesk.domain.ppe import add_months as _add_months
from safedesk.domain.ppe_provisions import MilkForm, next_test
from safedesk.paths import resource

DAY = dt.timedelta(days=1)
add_months = functools.cache(_add_months)  # the same days over and over
LATE_SHARE = 0.06  # replacements not made on time: overdue on the due list
NEVER_SHARE = 0.3  # items of the norm not yet issued to someone hired lately
NEW_HIRE_DAYS = 20  # how lately: long-serving people have had all their items
TEST_MISSED = 0.1
# Where the PPE was certified (country, certification body code) for the receipts.
CERTIFYING_BODIES = (("KZ", "АЯ46"), ("KZ", "АЯ07"), ("RU", "АЖ40"), ("RU", "НВ61"),
                     ("RU", "АД07"), ("BY", "АА05"))  # fmt: skip


def planned_rows(plan: DemoPlan) -> int:
    # Issues, write-offs and milk (a row a month for those in harmful work).
    return plan.employees * plan.years * 12


def _reference(ctx: DemoContext) -> tuple[dict[str, PpeItem], dict[str, list[Line]], dict]:  # type: ignore[type-arg]
    session = ctx.writer._session  # read what the migration seeded, in the same transaction
    items = {i.code: i for i in session.scalars(select(PpeItem).where(PpeItem.code != ""))}
    sets = {s.code: s.id for s in session.scalars(select(PpeNormSet))}
    data = json.loads(resource("reference", "ppe_norms.json").read_text(encoding="utf-8"))
    lines: dict[str, list[Line]] = {}
    for norm in data["sets"]:
        lines[norm["code"]] = [
            Line(
                items[code].id,
                quantity,
                Wear.MONTHS if isinstance(wear, int) else Wear(wear),
                wear if isinstance(wear, int) else None,
            )
            for code, quantity, wear in norm["lines"]
            if code in items
        ]
    return items, lines, {"sets": sets, "norms": data["sets"]}


def add_ppe(ctx: DemoContext, rng: random.Random) -> None:
    items, set_lines, ref = _reference(ctx)
    by_id = {i.id: i for i in items.values()}
    key_of = {spec.name_ru: key for key, spec in POSITION_SPECS.items()}
    links: list[dict[str, Any]] = []
    norms_of: dict[str, list[Line]] = defaultdict(list)
    for norm in ref["norms"]:
        for name in norm["positions"]:
            key = key_of.get(name)
            if key in ctx.positions and norm["code"] in ref["sets"]:
                links.append(
                    {"position_id": ctx.positions[key].id, "norm_set_id": ref["sets"][norm["code"]]}
                )
                norms_of[key] += set_lines[norm["code"]]
    first = ctx.writer.next_id(PpePositionNorm)
    ctx.writer.insert(PpePositionNorm, [{"id": first + i, **x} for i, x in enumerate(links)])
    sizes = _sizes(ctx)
    _issue_history(ctx, rng, norms_of, by_id, sizes)
    _milk(ctx, rng)
    _equipment(ctx, rng, items)


def _sizes(ctx: DemoContext) -> dict[int, dict[SizeKind, str]]:
    from safedesk.db.models import Employee

    rows = ctx.writer._session.execute(
        select(
            Employee.id,
            Employee.clothing_size,
            Employee.shoe_size,
            Employee.head_size,
            Employee.glove_size,
        )
    )
    return {
        r[0]: {
            SizeKind.CLOTHING: r[1],
            SizeKind.SHOE: r[2],
            SizeKind.HEAD: r[3],
            SizeKind.GLOVE: r[4],
        }
        for r in rows
    }


def _issue_history(
    ctx: DemoContext,
    rng: random.Random,
    norms_of: dict[str, list[Line]],
    items: dict[int, PpeItem],
    sizes: dict[int, dict[SizeKind, str]],
) -> None:
    today, start = ctx.plan.today, ctx.plan.window_start
    issue_id = ctx.writer.next_id(PpeIssue)
    return_id = ctx.writer.next_id(PpeReturn)
    issues: list[dict[str, Any]] = []
    returns: list[dict[str, Any]] = []
    issued: dict[tuple[int, str], int] = defaultdict(int)
    # What a norm line needs per person, worked out once per position; due dates once per day.
    lines_of: dict[str, list[tuple[int, Line, PpeItem, SizeKind]]] = {}
    for key, lines in norms_of.items():
        lines_of[key] = [
            (item_id, line, items[item_id], SizeKind(items[item_id].size_kind))
            for item_id, line in merge_entitlements(lines).items()
            if line.wear is not Wear.ON_DUTY
        ]
    dues: dict[tuple[dt.date, Wear, int | None], dt.date | None] = {}
    late_from = today - 60 * DAY
    new_from = today - NEW_HIRE_DAYS * DAY
    for person in ctx.employees:
        last_day = min(today, person.dismissal_date or today)
        own = sizes.get(person.id, {})
        for item_id, line, item, kind in lines_of.get(person.position_key, ()):
            if person.hire_date > new_from and rng.random() < NEVER_SHARE:
                continue  # just hired: this item is still to be handed out
            scale = item.sizes
            size = own.get(kind, "") if kind is not SizeKind.NONE else ""
            if scale and size not in scale:
                size = scale[len(scale) // 2]
            period = line.months or 24
            earliest = max(person.hire_date, add_months(start, -period))
            day = (
                person.hire_date if person.hire_date >= start else random_day(rng, earliest, start)
            )
            previous: dict[str, Any] | None = None
            while day <= last_day:
                when = (day, line.wear, line.months)
                due = dues[when] if when in dues else dues.setdefault(when, due_date(*when))
                if previous is not None:
                    previous["closed_on"] = day
                    if rng.random() < 0.5:
                        returns.append(
                            {
                                "id": return_id,
                                "issue_id": previous["id"],
                                "kind": "write_off",
                                "return_date": day,
                                "quantity": previous["quantity"],
                                "wear_percent": 100,
                                "note": "",
                            }
                        )
                        return_id += 1
                previous = {
                    "id": issue_id,
                    "employee_id": person.id,
                    "item_id": item_id,
                    "size": size,
                    "quantity": line.quantity,
                    "issue_date": day,
                    "certificate": item.standard,
                    "wear": line.wear.value,
                    "wear_months": line.months,
                    "due_date": due,
                    "outside_norm": False,
                    "reason": "",
                    "closed_on": None,
                }
                issues.append(previous)
                issued[(item_id, size)] += line.quantity
                issue_id += 1
                if due is None or (late_from < due <= today and rng.random() < LATE_SHARE):
                    break  # until worn: once; or this replacement is late on purpose
                day = due + rng.randint(-10, 3) * DAY
    ctx.writer.insert(PpeIssue, issues)
    ctx.writer.insert(PpeReturn, returns)
    _receipts(ctx, rng, issued)


def _receipts(ctx: DemoContext, rng: random.Random, issued: dict[tuple[int, str], int]) -> None:
    """Two deliveries a year cover what was issued; the scarcest size has run short."""
    start, today = ctx.plan.window_start, ctx.plan.today
    rows: list[dict[str, Any]] = []
    next_id = ctx.writer.next_id(PpeReceipt)
    short = max(issued, key=lambda k: (issued[k], k)) if issued else None
    certificates = {item_id: _certificate(rng, start, today) for item_id, _size in issued}
    for (item_id, size), total in sorted(issued.items()):
        wanted = total - 3 if (item_id, size) == short else total + rng.randint(0, 6)
        deliveries = max(1, ctx.plan.years * 2)
        for n in range(deliveries):
            share = wanted // deliveries + (1 if n < wanted % deliveries else 0)
            if share <= 0:
                continue
            rows.append(
                {
                    "id": next_id,
                    "item_id": item_id,
                    "size": size,
                    "quantity": share,
                    "receipt_date": random_day(rng, start, today),
                    "document": f"ЖН-{rng.randint(100, 999)}",
                    "certificate": certificates[item_id],
                    "note": "",
                }
            )
            next_id += 1
    ctx.writer.insert(PpeReceipt, rows)


def _certificate(rng: random.Random, start: dt.date, today: dt.date) -> str:
    """A certificate of conformity to TR CU 019/2011 as the supplier's papers give it."""
    country, body = rng.choice(CERTIFYING_BODIES)
    year = random_day(rng, years_before(start, 3), today).year % 100
    return f"ЕАЭС {country} С-{country}.{body}.В.{rng.randint(100, 99999):05d}/{year:02d}"


def _milk(ctx: DemoContext, rng: random.Random) -> None:
    """Every month of the window before this one, for everyone in harmful work then."""
    today = ctx.plan.today
    first = ctx.plan.window_start.replace(day=1)
    months: list[tuple[dt.date, dt.date]] = []
    month = first
    while month < today.replace(day=1):
        following = add_months(month, 1)
        months.append((month, following - DAY))
        month = following
    rows: list[dict[str, Any]] = []
    next_id = ctx.writer.next_id(MilkIssue)
    draw = rng.random
    for person in ctx.employees:
        if not ctx.positions[person.position_key].harmful:
            continue
        paid = draw() < 0.1  # asked in writing for money instead of milk
        form = MilkForm.COMPENSATION.value if paid else MilkForm.MILK.value
        hired, left = person.hire_date, person.dismissal_date
        for month, end in months:
            if hired > end or (left is not None and left < month):
                continue
            shifts = 16 + int(draw() * 8)
            rows.append(
                {
                    "id": next_id,
                    "employee_id": person.id,
                    "month": month,
                    "form": form,
                    "shifts": shifts,
                    "quantity_ml": 0 if paid else shifts * 500,
                    "amount_kzt": shifts * 320 if paid else 0,
                    "issue_date": end,
                    "note": "",
                }
            )
            next_id += 1
    ctx.writer.insert(MilkIssue, rows)


def _equipment(ctx: DemoContext, rng: random.Random, items: dict[str, PpeItem]) -> None:
    """Electricians hold dielectric gloves and a voltage indicator; sections gas analysers."""
    today = ctx.plan.today
    pieces: list[tuple[PpeItem, int | None, int | None]] = []
    for person in ctx.employees:
        if person.electrical_group and person.electrical_group >= 3 and person.active_on(today):
            unit_id = ctx.units[person.unit_key].id
            for code in ("gloves_dielectric", "voltage_indicator"):
                if code in items:
                    pieces.append((items[code], person.id, unit_id))
    harmful_units = sorted(
        {e.unit_key for e in ctx.employees if ctx.positions[e.position_key].harmful}
    )
    for key in harmful_units:
        for _n in range(2):
            if "gas_analyser" in items:
                pieces.append((items["gas_analyser"], None, ctx.units[key].id))
    rows: list[dict[str, Any]] = []
    tests: list[dict[str, Any]] = []
    first = ctx.writer.next_id(ProtectiveEquipment)
    test_id = ctx.writer.next_id(ProtectiveTest)
    for n, (item, holder, unit) in enumerate(pieces):
        interval = item.test_interval_months or 12
        back = interval + 2 if rng.random() < TEST_MISSED else interval
        last = random_day(rng, add_months(today, -back), today - 5 * DAY)
        rows.append(
            {
                "id": first + n,
                "item_id": item.id,
                "inventory_no": f"{item.code[:2].upper()}-{first + n:05d}",
                "test_interval_months": interval,
                "last_test_date": last,
                "next_test_date": next_test(last, interval),
                "holder_id": holder,
                "unit_id": unit,
                "note": "",
            }
        )
        tests.append(
            {
                "id": test_id + n,
                "equipment_id": first + n,
                "test_date": last,
                "passed": True,
                "protocol_no": f"{rng.randint(1, 300)}",
                "note": "",
            }
        )
    ctx.writer.insert(ProtectiveEquipment, rows)
    ctx.writer.insert(ProtectiveTest, tests)
