"""Demo employees: who works where, since when, with valid IINs, groups and PPE sizes.

Key posts (director, OHS officers, unit heads) are filled first and never dismissed, so
later steps can appoint and sign with them. Everyone else is spread over the units by
their share. About half were hired before the demo's window (long-serving staff), the
rest within it; a few hired within the window have left again.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from itertools import accumulate
from typing import Any

from safedesk.db.models import Employee
from safedesk.demo.context import DemoContext, DemoEmployee, DemoPlan, years_before
from safedesk.demo.names import random_name
from safedesk.demo.people import IinRegistry, Sizes, birth_range, random_day, random_sizes
from safedesk.demo.positions import POSITION_SPECS, PositionSpec
from safedesk.demo.units import UNITS
from safedesk.domain.collation import search_text, sort_key
from safedesk.domain.ids import Sex
from safedesk.domain.people import PositionCategory, full_name

KAZAKH_SHARE = 0.62  # East Kazakhstan is roughly 60 % Kazakh, most of the rest Russian
VETERAN_SHARE = 0.45  # hired before the window the registers cover
DISMISSED_SHARE = 0.03
FIRST_KEY_POSTS = ("director", "ohs_chief")  # a demo of two people still has both
KEY_STAFF_BORN = (dt.date(1962, 1, 1), dt.date(1988, 12, 31))
DAY = dt.timedelta(days=1)
# Heads of the electrical shop hold the groups their posts need though the same post
# elsewhere needs none: a head of an electrical shop issues permits (group V), its
# foreman supervises and admits (group IV).
UNIT_GROUPS = {("elec", "shop_head"): 5, ("elec", "foreman"): 4}


def key_posts() -> list[tuple[str, str]]:
    """(unit key, position key) of every key post, the most needed first."""
    posts = [(u.key, p) for u in UNITS for p in u.key_staff]
    first = [next(post for post in posts if post[1] == key) for key in FIRST_KEY_POSTS]
    for post in first:
        posts.remove(post)
    return first + posts


class _Staffing:
    """Draws a unit by its share, then a position by that unit's staff weights."""

    def __init__(self) -> None:
        filled = [u for u in UNITS if u.share > 0 and u.staff]
        self._units = [u.key for u in filled]
        self._unit_weights = list(accumulate(u.share for u in filled))
        self._staff = {
            u.key: ([p for p, _w in u.staff], list(accumulate(w for _p, w in u.staff)))
            for u in filled
        }

    def draw(self, rng: random.Random) -> tuple[str, str]:
        unit = rng.choices(self._units, cum_weights=self._unit_weights)[0]
        keys, weights = self._staff[unit]
        return unit, rng.choices(keys, cum_weights=weights)[0]


def _employment(
    rng: random.Random, plan: DemoPlan, birth: dt.date, *, key: bool, leaves: bool
) -> tuple[dt.date, dt.date | None]:
    """Hire and dismissal dates: from age 18 on, never after today."""
    earliest = years_before(birth, -18)
    start, today = plan.window_start, plan.today
    if leaves:
        # Both dates inside the window, at least a month apart.
        hire = random_day(rng, max(earliest, start), today - 60 * DAY)
        return hire, random_day(rng, hire + 30 * DAY, today)
    if earliest < start and (key or rng.random() < VETERAN_SHARE):
        return random_day(rng, max(earliest, years_before(start, 25)), start - DAY), None
    return random_day(rng, max(earliest, start), today), None


def _electrical_group(rng: random.Random, spec: PositionSpec, unit: str) -> int | None:
    """What the job needs, one above for some; a few other workers hold group II."""
    if (unit, spec.key) in UNIT_GROUPS:
        return UNIT_GROUPS[(unit, spec.key)]
    if spec.electrical_group is not None:
        return spec.electrical_group if rng.random() < 0.7 else min(5, spec.electrical_group + 1)
    if spec.category == PositionCategory.WORKER and rng.random() < 0.05:
        return 2
    return None


def _personnel_numbers(people: list[DemoEmployee]) -> list[str]:
    """Numbered in order of hiring, as a personnel department hands them out."""
    width = max(5, len(str(len(people))))
    order = sorted(range(len(people)), key=lambda i: (people[i].hire_date, i))
    numbers = [""] * len(people)
    for rank, i in enumerate(order, start=1):
        numbers[i] = f"{rank:0{width}d}"
    return numbers


def add_employees(ctx: DemoContext, rng: random.Random) -> None:
    plan = ctx.plan
    posts = key_posts()
    n_key = min(len(posts), plan.employees)
    others = plan.employees - n_key
    n_leaving = max(1, round(others * DISMISSED_SHARE)) if others else 0
    leaving = set(rng.sample(range(n_key, plan.employees), n_leaving))
    staffing = _Staffing()
    iins = IinRegistry()
    general_births = birth_range(plan.today)
    key_births = birth_range(plan.today, oldest=KEY_STAFF_BORN[0])
    key_births = (key_births[0], min(key_births[1], KEY_STAFF_BORN[1]))
    first_id = ctx.writer.next_id(Employee)
    people: list[DemoEmployee] = []
    extras: list[tuple[str, Sizes | None]] = []
    for i in range(plan.employees):
        key = i < n_key
        unit, position = posts[i] if key else staffing.draw(rng)
        spec = POSITION_SPECS[position]
        sex = Sex.FEMALE if rng.random() < spec.female_share else Sex.MALE
        birth = random_day(rng, *(key_births if key else general_births))
        hire, dismissal = _employment(rng, plan, birth, key=key, leaves=i in leaving)
        surname, name, patronymic = random_name(rng, sex, rng.random() < KAZAKH_SHARE)
        people.append(
            DemoEmployee(
                id=first_id + i,
                surname=surname,
                name=name,
                patronymic=patronymic,
                sex=sex.value,
                birth_date=birth,
                unit_key=unit,
                position_key=position,
                hire_date=hire,
                dismissal_date=dismissal,
                electrical_group=_electrical_group(rng, spec, unit),
                key_staff=key,
            )
        )
        extras.append(
            (iins.issue(rng, birth, sex), None if spec.office else random_sizes(rng, sex))
        )
    ctx.employees.extend(people)
    ctx.writer.insert(Employee, _rows(ctx, people, extras, _personnel_numbers(people)))


def _rows(
    ctx: DemoContext,
    people: list[DemoEmployee],
    extras: list[tuple[str, Sizes | None]],
    numbers: list[str],
) -> Iterator[dict[str, Any]]:
    """Every column `db.employees` fills, derived columns made the same way."""
    for e, (iin, sizes), number in zip(people, extras, numbers, strict=True):
        yield {
            "id": e.id,
            "iin": iin,
            "surname": e.surname,
            "name": e.name,
            "patronymic": e.patronymic,
            "sex": e.sex,
            "birth_date": e.birth_date,
            "personnel_no": number,
            "unit_id": ctx.units[e.unit_key].id,
            "position_id": ctx.positions[e.position_key].id,
            "hire_date": e.hire_date,
            "dismissal_date": e.dismissal_date,
            "electrical_group": e.electrical_group,
            "height_cm": sizes.height_cm if sizes else None,
            "clothing_size": sizes.clothing if sizes else "",
            "shoe_size": sizes.shoe if sizes else "",
            "head_size": sizes.head if sizes else "",
            "glove_size": sizes.glove if sizes else "",
            "search_text": search_text(e.surname, e.name, e.patronymic, iin, number),
            "sort_name": sort_key(full_name(e.surname, e.name, e.patronymic)),
        }
