"""Working days in Kazakhstan: weekends, public holidays and the days moved by decree.

Legal deadlines of accident investigations count working days (Labour Code art. 189).
Which days are not worked is reference data kept in the `public_holidays` table, seeded
from the Law "On holidays in the Republic of Kazakhstan" and edited by the user when the
Government moves days off by its yearly decree (Labour Code art. 85 p. 3). These rules
take that data as plain values: no table, no clock.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from safedesk.domain.people import Complaint
from safedesk.i18n import N_

DAY = dt.timedelta(days=1)
# Saturday and Sunday: the five-day week the Labour Code takes as its rule (art. 84).
WEEKEND = frozenset({5, 6})


class DayKind(StrEnum):
    HOLIDAY = "holiday"  # a national, state or religious holiday: a day off
    DAY_OFF = "day_off"  # a working day made a day off (a holiday on a weekend, a decree)
    WORKING_DAY = "working_day"  # a Saturday or Sunday made a working day by decree


DAY_KIND_LABELS = {
    DayKind.HOLIDAY: N_("Public holiday"),
    DayKind.DAY_OFF: N_("Transferred day off"),
    DayKind.WORKING_DAY: N_("Transferred working day"),
}


@dataclass(frozen=True)
class WorkCalendar:
    """Days off besides weekends, and weekend days that are worked."""

    days_off: frozenset[dt.date] = frozenset()
    working_weekend_days: frozenset[dt.date] = frozenset()

    @classmethod
    def from_days(cls, days: Iterable[tuple[dt.date, DayKind | str]]) -> WorkCalendar:
        off: set[dt.date] = set()
        worked: set[dt.date] = set()
        for day, kind in days:
            (worked if DayKind(kind) is DayKind.WORKING_DAY else off).add(day)
        return cls(frozenset(off), frozenset(worked))

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.working_weekend_days:
            return True
        return day.weekday() not in WEEKEND and day not in self.days_off

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day strictly after `day`."""
        day += DAY
        while not self.is_working_day(day):
            day += DAY
        return day

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        """The `count`-th working day after `start` (the day of `start` is not counted).

        With `count` 0 it is `start` itself if worked, else the next working day:
        a deadline never falls on a day off.
        """
        if count < 0:
            raise ValueError("count must not be negative")
        if count == 0:
            return start if self.is_working_day(start) else self.next_working_day(start)
        day = start
        for _ in range(count):
            day = self.next_working_day(day)
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end` (0 when end <= start)."""
        n, day = 0, start
        while day < end:
            day += DAY
            n += self.is_working_day(day)
        return n


def transferred_days_off(
    holidays: Iterable[tuple[dt.date, bool]], extra_off: Iterable[dt.date] = ()
) -> list[tuple[dt.date, dt.date]]:
    """(holiday, the day off it moves to) for holidays on a weekend (Law on holidays, art. 5).

    `holidays` are (date, transferable): national and state holidays are, religious
    ones (Orthodox Christmas, Kurban ait) are not. Each transferable holiday on a
    Saturday or Sunday gives the next working day that is not already a day off.
    """
    days = sorted(holidays)
    taken = {d for d, _t in days} | set(extra_off)
    moved: list[tuple[dt.date, dt.date]] = []
    for day, transferable in days:
        if not transferable or day.weekday() not in WEEKEND:
            continue
        candidate = day + DAY
        while candidate.weekday() in WEEKEND or candidate in taken:
            candidate += DAY
        taken.add(candidate)
        moved.append((day, candidate))
    return moved


def calendar_complaints(days: Iterable[tuple[dt.date, DayKind | str]]) -> list[Complaint]:
    """Rules a whole holiday calendar breaks: a date listed twice, a worked weekday."""
    found: list[Complaint] = []
    listed = list(days)
    for day, n in sorted(Counter(d for d, _k in listed).items()):
        if n > 1:
            found.append(
                Complaint(
                    "day",
                    N_("The date {date} is listed {n} times in the holiday calendar."),
                    {"date": day, "n": n},
                )
            )
    for day, kind in listed:
        found.extend(day_complaints(day, kind))
    return found


def day_complaints(day: dt.date, kind: DayKind | str) -> list[Complaint]:
    """Rules one calendar day breaks on its own."""
    if kind not in DayKind._value2member_map_:
        return [Complaint("kind", N_("Choose what kind of day this is."), {})]
    if DayKind(kind) is DayKind.WORKING_DAY and day.weekday() not in WEEKEND:
        return [
            Complaint(
                "kind",
                N_("{date} is a weekday: only a Saturday or Sunday can be made a working day."),
                {"date": day},
            )
        ]
    return []
