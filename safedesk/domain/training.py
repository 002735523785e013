"""Briefings and knowledge checks: kinds, periods, next due dates and validity (DOMAIN.md §2).

The periods themselves are reference data (the `training_norms` table, seeded from
resources/reference/training_norms.json with their legal basis); the functions here take
them as arguments and never hold a period of their own.
"""

from __future__ import annotations

import calendar
import datetime as dt
from enum import StrEnum

from safedesk.domain.people import Complaint
from safedesk.i18n import N_


class BriefingKind(StrEnum):
    INTRODUCTORY = "introductory"
    PRIMARY = "primary"
    REPEATED = "repeated"
    UNSCHEDULED = "unscheduled"
    TARGETED = "targeted"


BRIEFING_KIND_LABELS = {
    BriefingKind.INTRODUCTORY: N_("Introductory"),
    BriefingKind.PRIMARY: N_("Primary at the workplace"),
    BriefingKind.REPEATED: N_("Repeated"),
    BriefingKind.UNSCHEDULED: N_("Unscheduled"),
    BriefingKind.TARGETED: N_("Targeted"),
}

# The workplace journal holds every kind but the introductory one, which has its own.
WORKPLACE_KINDS = (
    BriefingKind.PRIMARY,
    BriefingKind.REPEATED,
    BriefingKind.UNSCHEDULED,
    BriefingKind.TARGETED,
)
# A briefing of these kinds starts the clock of the next repeated one.
CLOCK_KINDS = (BriefingKind.PRIMARY, BriefingKind.REPEATED)


class CheckKind(StrEnum):
    INITIAL = "initial"
    PERIODIC = "periodic"
    EXTRAORDINARY = "extraordinary"


CHECK_KIND_LABELS = {
    CheckKind.INITIAL: N_("Initial"),
    CheckKind.PERIODIC: N_("Periodic"),
    CheckKind.EXTRAORDINARY: N_("Extraordinary"),
}


class CheckOutcome(StrEnum):
    PASSED = "passed"
    RECHECK = "recheck"


CHECK_OUTCOME_LABELS = {
    CheckOutcome.PASSED: N_("Passed"),
    CheckOutcome.RECHECK: N_("To be re-checked"),
}

# Codes of the rows of `training_norms`.
REPEATED_PERIOD = "briefing.repeated.months"
PASS_MARK = "test.pass_mark.percent"
RESPONSIBLE_PERIOD = "check.responsible.months"


def check_period_code(category: str) -> str:
    """The norm holding the check period of a position category (manager, worker, …)."""
    return f"check.{category}.months"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the 31st becomes the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_briefing_due(kind: BriefingKind, on: dt.date, repeated_months: int) -> dt.date | None:
    """When the next repeated briefing is due after a briefing of `kind` on `on`.

    Primary and repeated briefings start the clock; introductory, unscheduled and
    targeted ones do not replace the repeated briefing and leave no due date.
    """
    if kind in CLOCK_KINDS:
        return add_months(on, repeated_months)
    return None


def check_period_months(
    category: str | None, responsible: bool, periods: dict[str, int]
) -> int | None:
    """Months a passed check is valid: responsible persons as managers, others by category.

    `periods` maps norm codes to months; the longer of two applicable periods is not
    taken — a responsible person is checked on the responsible persons' period.
    """
    if responsible and RESPONSIBLE_PERIOD in periods:
        return periods[RESPONSIBLE_PERIOD]
    return periods.get(check_period_code(category or "worker"))


def check_valid_until(checked_on: dt.date, months: int) -> dt.date:
    """The last day a check passed on `checked_on` is valid."""
    return add_months(checked_on, months) - dt.timedelta(days=1)


def check_valid_on(
    outcome: CheckOutcome, checked_on: dt.date, valid_until: dt.date | None, on: dt.date
) -> bool:
    return (
        outcome is CheckOutcome.PASSED
        and checked_on <= on
        and (valid_until is None or on <= valid_until)
    )


def briefing_complaints(
    *,
    kind: BriefingKind,
    on: dt.date,
    today: dt.date,
    hire_date: dt.date | None,
    dismissal_date: dt.date | None,
    reason: str,
    person: str,
) -> list[Complaint]:
    """Every rule a briefing of one person breaks; `person` names the row in a group."""
    found: list[Complaint] = []
    if on > today:
        found.append(Complaint("date", N_("Briefing date {date} is in the future."), {"date": on}))
    if hire_date is not None and on < hire_date:
        found.append(
            Complaint(
                "people",
                N_("{person}: briefing date {date} is before the hire date {hired}."),
                {"person": person, "date": on, "hired": hire_date},
            )
        )
    if dismissal_date is not None and on > dismissal_date:
        found.append(
            Complaint(
                "people",
                N_("{person} was dismissed on {dismissed}, before the briefing on {date}."),
                {"person": person, "dismissed": dismissal_date, "date": on},
            )
        )
    if kind is BriefingKind.UNSCHEDULED and not reason.strip():
        found.append(
            Complaint("reason", N_("The reason is required for an unscheduled briefing."), {})
        )
    return found
