"""Milk and therapeutic nutrition (roadmap item 14) and protective-equipment tests (7, 13, 20).

The quantity per shift (0.5 l is the common norm of МЗСР order No. 1056 of 28.12.2015)
and the test intervals (dielectric gloves 6 months, voltage indicators 12 months…) are
reference data in tables; these functions only combine them.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from safedesk.domain.people import Complaint
from safedesk.domain.ppe import add_months
from safedesk.i18n import N_, format_decimal

MAX_SHIFTS_A_MONTH = 31


class MilkForm(StrEnum):
    MILK = "milk"
    THERAPEUTIC = "therapeutic"  # лечебно-профилактическое питание
    COMPENSATION = "compensation"  # money instead, at the worker's written request


MILK_FORM_LABELS = {
    MilkForm.MILK: N_("Milk"),
    MilkForm.THERAPEUTIC: N_("Therapeutic nutrition"),
    MilkForm.COMPENSATION: N_("Monetary compensation"),
}


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def milk_ml(shifts: int, ml_per_shift: int) -> int:
    """Millilitres owed for `shifts` worked at `ml_per_shift` (kept whole, no rounding)."""
    return max(0, shifts) * max(0, ml_per_shift)


def litres(ml: int, language: str | None = None) -> str:
    """'11', '11,5' — litres in `language` (the current one when None): '11.5' in en."""
    return format_decimal(ml / 1000, language)


def milk_complaints(
    *,
    harmful: bool,
    shifts: int,
    form: MilkForm,
    amount: int,
    dismissed: dt.date | None,
    month: dt.date,
    person: str,
) -> list[Complaint]:
    found: list[Complaint] = []
    if not harmful:
        found.append(
            Complaint(
                "employee_id",
                N_("{person}'s position has no harmful conditions: no milk is due."),
                {"person": person},
            )
        )
    if dismissed is not None and dismissed < month:
        found.append(
            Complaint(
                "employee_id",
                N_("{person} was dismissed on {date}."),
                {"person": person, "date": dismissed},
            )
        )
    if not 1 <= shifts <= MAX_SHIFTS_A_MONTH:
        found.append(
            Complaint(
                "shifts",
                N_("Shifts in a month must be from 1 to {max}, not {value}."),
                {"max": MAX_SHIFTS_A_MONTH, "value": shifts},
            )
        )
    if form is MilkForm.COMPENSATION and amount <= 0:
        found.append(Complaint("amount", N_("Give the amount of the monetary compensation."), {}))
    return found


def next_test(last: dt.date | None, interval_months: int | None) -> dt.date | None:
    """When equipment tested on `last` is due again; None when it needs no tests."""
    if last is None or not interval_months:
        return None
    return add_months(last, interval_months)


def equipment_complaints(
    *, inventory_no: str, interval_months: int | None, last_test: dt.date | None, today: dt.date
) -> list[Complaint]:
    found: list[Complaint] = []
    if not inventory_no.strip():
        found.append(Complaint("inventory_no", N_("The inventory number is required."), {}))
    if interval_months is not None and not 1 <= interval_months <= 120:
        found.append(
            Complaint(
                "test_interval_months", N_("The test interval must be from 1 to 120 months."), {}
            )
        )
    if last_test is not None and last_test > today:
        found.append(
            Complaint(
                "last_test_date", N_("The test date {date} is in the future."), {"date": last_test}
            )
        )
    return found
