"""Who the demo names on a permit: a production unit's managers, engineers and foremen
issue, lead, supervise and admit; the unit's workers do the work; electrical work gets
people holding the group its rules ask for."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from safedesk.demo.context import DemoEmployee
from safedesk.demo.positions import POSITION_SPECS
from safedesk.demo.units import UNIT_SPECS

# Who may take each seat of a permit (issuer, responsible manager, supervisor, admitter,
# observer), by position: heads of production units and their engineers issue; foremen,
# mechanics and engineers lead the work and admit the crew.
ISSUERS = frozenset({"chief_engineer", "chief_power_engineer", "mine_head", "shaft_head",
                     "section_head", "factory_head", "shop_head", "mechanic",
                     "power_engineer"})  # fmt: skip
SUPERVISORS = frozenset({"section_head", "mining_foreman", "shift_foreman", "foreman",
                         "mechanic", "power_engineer"})  # fmt: skip
MANAGERS = ISSUERS | SUPERVISORS
# On electrical work the crew is admitted by the operational staff on duty (group IV).
ADMITTERS = SUPERVISORS
ELECTRICAL_ADMITTERS = SUPERVISORS | {"duty_electrician"}
OBSERVERS = SUPERVISORS
SEATS = (ISSUERS, MANAGERS, SUPERVISORS, ADMITTERS, OBSERVERS)
SUPERVISOR_SEAT, CREW_SEAT, MAX_CREW = 2, 5, 3
OFFICE_UNITS = frozenset({"adm", "dir", "ohs", "acc", "hr", "aho"})


def division(unit_key: str) -> str:
    """The top unit a unit belongs to: the mine, the concentrator, a shop."""
    while (parent := UNIT_SPECS[unit_key].parent) is not None:
        unit_key = parent
    return unit_key


def _crew(e: DemoEmployee) -> bool:
    spec = POSITION_SPECS[e.position_key]
    return spec.category == "worker" and not spec.office and e.unit_key not in OFFICE_UNITS


def seat_positions(seat: int, electrical: bool) -> frozenset[str]:
    """The positions that may take `seat` (an index of SEATS) on a permit."""
    if seat == 3 and electrical:
        return ELECTRICAL_ADMITTERS
    return SEATS[seat]


class PermitStaff:
    """The people a permit may name, by seat, unit and electrical-safety group."""

    def __init__(self, employees: list[DemoEmployee]) -> None:
        self.employees = employees
        self.pool = [e for e in employees if _crew(e)]
        self._pools: dict[tuple[object, ...], list[DemoEmployee]] = {}
        self._division = {key: division(key) for key in UNIT_SPECS}

    def _find(self, key: tuple[object, ...]) -> list[DemoEmployee]:
        """People by (positions or 'crew', group, 'unit'/'division'/'', where)."""
        found = self._pools.get(key)
        if found is None:
            who, group, scope, where = key
            found = [
                e
                for e in (self.pool if who == "crew" else self.employees)
                if (who == "crew" or e.position_key in who)  # type: ignore[operator]
                and (e.electrical_group or 0) >= (group or 0)  # type: ignore[operator]
                and (
                    scope == ""
                    or (scope == "unit" and e.unit_key == where)
                    or (scope == "division" and self._division[e.unit_key] in (where, "adm"))
                )
            ]
            self._pools[key] = found
        return found

    def _pick(
        self,
        rng: random.Random,
        day: dt.date,
        taken: set[int],
        who: object,
        group: int | None,
        near: Sequence[tuple[str, str]],
    ) -> DemoEmployee | None:
        """Someone employed on `day`, not yet named: nearest first, the group if it can be."""
        for need in (group, None) if group else (None,):
            for scope, where in (*near, ("", "")):
                candidates = self._find((who, need, scope, where))
                if not candidates:
                    continue
                for _attempt in range(30):
                    e = rng.choice(candidates)
                    if e.id not in taken and e.active_on(day):
                        taken.add(e.id)
                        return e
        return None

    def people(
        self, rng: random.Random, day: dt.date, groups: Sequence[int | None] | None = None
    ) -> list[DemoEmployee]:
        """Issuer, manager, supervisor, admitter, observer, then up to three of the crew.

        `groups` is the electrical-safety group each seat needs (electrical work); a seat
        nobody free holds it for (a tiny demo) gets someone of the right position
        without it. Empty when a seat has nobody of a fitting position employed.
        """
        groups = groups or [None] * (CREW_SEAT + MAX_CREW)
        electrical = any(groups)
        taken: set[int] = set()
        seat = SUPERVISOR_SEAT
        chief = self._pick(rng, day, taken, SEATS[seat], groups[seat], ())
        if chief is None:
            return []
        near = (("unit", chief.unit_key), ("division", self._division[chief.unit_key]))
        chosen: list[DemoEmployee] = []
        for seat in range(CREW_SEAT):
            if seat == SUPERVISOR_SEAT:
                chosen.append(chief)
                continue
            person = self._pick(
                rng, day, taken, seat_positions(seat, electrical), groups[seat], near
            )
            if person is None:
                return []
            chosen.append(person)
        for seat in range(CREW_SEAT, min(len(groups), CREW_SEAT + MAX_CREW)):
            person = self._pick(rng, day, taken, "crew", groups[seat], near)
            if person is None:
                break
            chosen.append(person)
        return chosen
