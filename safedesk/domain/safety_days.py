"""The monthly OHS day (roadmap item 5): kinds, and which months went without one."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from enum import StrEnum

from safedesk.domain.people import Complaint
from safedesk.i18n import N_


class SafetyDayKind(StrEnum):
    TRAINING = "training"
    EXERCISE = "exercise"  # practical exercise on permits-to-work


SAFETY_DAY_KIND_LABELS = {
    SafetyDayKind.TRAINING: N_("Training"),
    SafetyDayKind.EXERCISE: N_("Practical exercise on permits"),
}


def month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def months_between(start: dt.date, end: dt.date) -> list[tuple[int, int]]:
    """(year, month) of every month that has a day in [start, end], in order."""
    months: list[tuple[int, int]] = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def months_without_day(
    held: Iterable[dt.date], start: dt.date, end: dt.date
) -> list[tuple[int, int]]:
    """The months of [start, end] in which no OHS day was held (item 5 asks for one a month)."""
    covered = {(d.year, d.month) for d in held if start <= d <= end}
    return [m for m in months_between(start, end) if m not in covered]


def safety_day_complaints(
    *,
    topic: str,
    held_on: dt.date,
    today: dt.date,
    marked_present: bool,
) -> list[Complaint]:
    """The rules of the day itself; who attended is checked person by person by the service."""
    found: list[Complaint] = []
    if not topic.strip():
        found.append(Complaint("topic", N_("The topic is required."), {}))
    if marked_present and held_on > today:
        found.append(
            Complaint(
                "people",
                N_("The day {date} is still ahead: attendance is marked once it is held."),
                {"date": held_on},
            )
        )
    return found


def attendee_complaint(
    person: str, held_on: dt.date, hire_date: dt.date | None, dismissal_date: dt.date | None
) -> Complaint | None:
    """Why a person cannot be on the day's list: not yet hired, or already dismissed."""
    if hire_date is not None and held_on < hire_date:
        return Complaint(
            "people",
            N_("{person} was hired on {hired}, after the OHS day {date}."),
            {"person": person, "hired": hire_date, "date": held_on},
        )
    if dismissal_date is not None and held_on > dismissal_date:
        return Complaint(
            "people",
            N_("{person} was dismissed on {dismissed}, before the OHS day {date}."),
            {"person": person, "dismissed": dismissal_date, "date": held_on},
        )
    return None
