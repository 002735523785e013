"""Who the demo names on a permit: chiefs issue and lead, anyone employed that day does
the work, and electrical work gets people holding the group its rules ask for."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from safedesk.demo.context import DemoEmployee


class PermitStaff:
    """Who may be named on a permit: chiefs issue and lead, anyone may do the work; on
    work whose rules ask for electrical-safety groups, people holding them."""

    def __init__(self, employees: list[DemoEmployee]) -> None:
        self.chiefs = [e for e in employees if e.key_staff]
        self.pool = self.chiefs + [e for e in employees if not e.key_staff]
        # Everyone holding group g or higher, by g: electrical staff for electrical work.
        self.grouped = {
            g: [e for e in self.pool if (e.electrical_group or 0) >= g] for g in range(1, 6)
        }

    def people(self, rng: random.Random, day: dt.date) -> list[DemoEmployee]:
        """Up to eight different people employed on `day`, two chiefs first."""
        chosen: list[DemoEmployee] = []
        taken: set[int] = set()
        for _attempt in range(60):
            e = rng.choice(self.chiefs if len(chosen) < 2 and self.chiefs else self.pool)
            if e.id not in taken and e.active_on(day):
                chosen.append(e)
                taken.add(e.id)
                if len(chosen) == 8:
                    break
        return chosen

    def qualified(
        self, rng: random.Random, day: dt.date, groups: Sequence[int | None]
    ) -> list[DemoEmployee]:
        """Different people employed on `day`, one per seat, each holding the seat's group.

        A seat nobody free holds the group for (a tiny demo) gets anyone employed.
        """
        chosen: list[DemoEmployee] = []
        taken: set[int] = set()
        for group in groups:
            person = None
            for pool in (self.grouped[group] if group else self.pool, self.pool):
                for _attempt in range(40):
                    e = rng.choice(pool) if pool else None
                    if e is not None and e.id not in taken and e.active_on(day):
                        person = e
                        break
                if person is not None:
                    break
            if person is None:
                break
            chosen.append(person)
            taken.add(person.id)
        return chosen
