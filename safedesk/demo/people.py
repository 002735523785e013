"""Demo people: birth dates, IINs that pass every rule of domain/ids.py, body sizes for PPE."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from safedesk.demo.context import years_before
from safedesk.domain.ids import Sex, check_digit

# Working people in 2020s registers; those born 2000-2005 have IINs with a leading zero,
# the case spreadsheets break (DOMAIN.md §2), so the demo must contain them.
BIRTH_EARLIEST = dt.date(1960, 1, 1)
BIRTH_LATEST = dt.date(2005, 12, 31)

# The 7th IIN digit: century and sex (odd for men).
_CENTURY_DIGIT = {18: 1, 19: 3, 20: 5}


def iin_for(birth: dt.date, sex: Sex, serial: int) -> str | None:
    """The IIN of a person born on `birth` with this 4-digit serial; None if none exists."""
    digit = _CENTURY_DIGIT[birth.year // 100] + (0 if sex is Sex.MALE else 1)
    first = f"{birth.year % 100:02d}{birth.month:02d}{birth.day:02d}{digit}{serial:04d}"
    check = check_digit(first)
    return None if check is None else f"{first}{check}"


class IinRegistry:
    """Hands out IINs, each once: a serial is drawn again when taken or impossible."""

    def __init__(self) -> None:
        self._issued: set[str] = set()

    def issue(self, rng: random.Random, birth: dt.date, sex: Sex) -> str:
        for _attempt in range(1000):
            iin = iin_for(birth, sex, rng.randint(1, 9999))
            if iin is not None and iin not in self._issued:
                self._issued.add(iin)
                return iin
        # 9,999 serials per birth date and sex: only reachable with millions of people.
        raise RuntimeError(f"no free IIN serial left for {birth} {sex}")


def random_day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    """A day from `first` to `last` inclusive, all equally likely; `first` if none."""
    span = (last - first).days
    return first if span <= 0 else first + dt.timedelta(days=rng.randint(0, span))


def birth_range(today: dt.date, *, oldest: dt.date = BIRTH_EARLIEST) -> tuple[dt.date, dt.date]:
    """Birth dates of people who are 19 or older today (18 at hire, a year of service at least)."""
    latest = min(BIRTH_LATEST, years_before(today, 19))
    return oldest, max(oldest, latest)


@dataclass(frozen=True)
class Sizes:
    """What a personal PPE card records (DOMAIN.md §2, PPE)."""

    height_cm: int
    clothing: str
    shoe: str
    head: str
    glove: str


def _around(rng: random.Random, mean: float, spread: float, low: int, high: int) -> int:
    return max(low, min(high, round(rng.gauss(mean, spread))))


_MALE_GLOVES = ("9", "9.5", "10", "10.5", "11")
_FEMALE_GLOVES = ("6.5", "7", "7.5", "8")


def random_sizes(rng: random.Random, sex: Sex) -> Sizes:
    """Russian-system sizes as workwear stores issue them: clothing '52-54', shoe 43…"""
    if sex is Sex.MALE:
        height = _around(rng, 175, 7, 155, 200)
        chest = 2 * _around(rng, 25.5, 1.6, 22, 31)  # 44…62, mostly 48-54
        return Sizes(
            height,
            f"{chest}-{chest + 2}",
            str(_around(rng, 42.5, 1.5, 38, 47)),
            str(_around(rng, 58, 1.4, 54, 62)),
            rng.choice(_MALE_GLOVES),
        )
    height = _around(rng, 163, 6, 148, 185)
    chest = 2 * _around(rng, 23.5, 1.6, 20, 29)  # 40…58, mostly 44-50
    return Sizes(
        height,
        f"{chest}-{chest + 2}",
        str(_around(rng, 38, 1.2, 35, 41)),
        str(_around(rng, 56, 1.3, 53, 60)),
        rng.choice(_FEMALE_GLOVES),
    )
