"""What the demo steps share: the plan, the writer, and what earlier steps made.

A step is a function of the context and its own random stream. Each step draws from a
stream seeded by (seed, step name), so adding a register's step later changes nothing
that the earlier steps write for the same seed.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from safedesk.demo.bulk import BulkWriter

# Kazakhstan keeps UTC+5 all year (one zone since 2024): demo rows are stamped with the
# start of `today` there, a moment that is already past wherever the user is in Kazakhstan.
KAZAKHSTAN = dt.timezone(dt.timedelta(hours=5))


def years_before(day: dt.date, years: int) -> dt.date:
    """The same calendar day `years` earlier; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


@dataclass(frozen=True)
class DemoPlan:
    """What the user asked for; everything generated follows from these four values."""

    employees: int
    years: int
    seed: int
    today: dt.date

    @property
    def window_start(self) -> dt.date:
        """First day of the history the registers show: `years` before today."""
        return years_before(self.today, self.years)

    @property
    def moment(self) -> dt.datetime:
        """created_at / updated_at / audit time of every demo row (fixed, so reproducible)."""
        start = dt.datetime.combine(self.today, dt.time(0, 0), tzinfo=KAZAKHSTAN)
        return start.astimezone(dt.UTC)

    def rng(self, step: str) -> random.Random:
        # A str seed is hashed with SHA-512 by `random`: stable across runs and machines.
        return random.Random(f"{self.seed}:{step}")


@dataclass(frozen=True)
class DemoUnit:
    id: int
    key: str
    parent_id: int | None
    head_position: str | None  # position key of the unit's head, if it has one


@dataclass(frozen=True)
class DemoPosition:
    id: int
    key: str
    category: str
    harmful: bool
    electrical_group_required: int | None


@dataclass(slots=True)
class DemoEmployee:
    """An employee as later steps need it (briefings, checks, PPE issues, permits)."""

    id: int
    surname: str
    name: str
    patronymic: str
    sex: str
    birth_date: dt.date
    unit_key: str
    position_key: str
    hire_date: dt.date
    dismissal_date: dt.date | None
    electrical_group: int | None
    key_staff: bool  # a unit head or OHS officer: never dismissed, may be appointed

    def active_on(self, day: dt.date) -> bool:
        return self.hire_date <= day and (self.dismissal_date is None or day <= self.dismissal_date)


def pick_active(
    rng: random.Random, people: list[DemoEmployee], day: dt.date, tries: int = 40
) -> DemoEmployee | None:
    """One of `people` employed on `day`, all such equally likely; None if there is none.

    Drawn until one is employed: most people are, so this costs a draw or two where a
    list of everyone employed that day costs a pass over the staff for every row.
    """
    if not people:
        return None
    for _attempt in range(tries):
        person = rng.choice(people)
        if person.active_on(day):
            return person
    employed = [e for e in people if e.active_on(day)]
    return rng.choice(employed) if employed else None


@dataclass
class DemoContext:
    """The plan, the writer, and the rows earlier steps made, for the steps after them.

    A later register adds the fields its own followers need (e.g. permits for the
    near-miss step) instead of reading them back from the database.
    """

    plan: DemoPlan
    writer: BulkWriter
    units: dict[str, DemoUnit] = field(default_factory=dict)
    positions: dict[str, DemoPosition] = field(default_factory=dict)
    employees: list[DemoEmployee] = field(default_factory=list)
    organisation_id: int | None = None
    appointment_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Step:
    """One register's generator.

    `planned_rows` is what the step expects to write, for the progress bar (an
    estimate is enough); `run` writes through `ctx.writer` with the given stream.
    """

    name: str
    planned_rows: Callable[[DemoPlan], int]
    run: Callable[[DemoContext, random.Random], None]
