"""What the register exports share: people and units by id, and the period's bounds.

Sheets name a unit in both languages (two columns, as the staff sheets do) and a person
by IIN and full name; enumerated values (statuses, categories, bands) stay the stable
codes the registers keep, so a machine reading the CSV never meets a translation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.models import Employee
from safedesk.db.units import unit_paths
from safedesk.domain.accidents import KAZAKHSTAN
from safedesk.domain.people import full_name


@dataclass(frozen=True)
class Person:
    iin: str
    name: str


NOBODY = Person("", "")


def people(session: Session, ids: Iterable[int | None]) -> dict[int, Person]:
    """IIN and full name of every employee in `ids` (deleted ones too: records keep them)."""
    wanted = sorted({i for i in ids if i is not None})
    found: dict[int, Person] = {}
    for chunk in range(0, len(wanted), 500):
        rows = session.execute(
            select(
                Employee.id, Employee.iin, Employee.surname, Employee.name, Employee.patronymic
            ).where(Employee.id.in_(wanted[chunk : chunk + 500]))
        )
        for i, iin, surname, name, patronymic in rows:
            found[int(i)] = Person(iin, full_name(surname, name, patronymic))
    return found


class Units:
    """'Mine / Section 4' in Kazakh and in Russian, by unit id ('' for none)."""

    def __init__(self, session: Session) -> None:
        self.kk = unit_paths(session, "kk")
        self.ru = unit_paths(session, "ru")

    def both(self, unit_id: int | None) -> tuple[str, str]:
        return self.kk.get(unit_id or 0, ""), self.ru.get(unit_id or 0, "")


def flag(value: bool | None) -> int:
    """1 = yes, 0 = no: a column a filter and a sum both understand."""
    return int(bool(value))


def moments(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """Local (UTC+5) days start..end inclusive as UTC moments [from, to)."""
    first = dt.datetime.combine(start, dt.time(), tzinfo=KAZAKHSTAN)
    last = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), tzinfo=KAZAKHSTAN)
    return first.astimezone(dt.UTC), last.astimezone(dt.UTC)


def local(moment: dt.datetime) -> dt.datetime:
    """A stored moment as the local wall-clock time it happened at."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(KAZAKHSTAN)


def day_after(day: dt.date) -> dt.datetime:
    """The first moment after the local day `day`: for created_at and deleted_at."""
    return moments(day, day)[1]


def months_between(start: dt.date, end: dt.date) -> list[dt.date]:
    """The first days of the months that [start, end] touches."""
    months: list[dt.date] = []
    day = start.replace(day=1)
    while day <= end:
        months.append(day)
        day = (day + dt.timedelta(days=32)).replace(day=1)
    return months
