"""The Concept's target indicators 40-46 and their enterprise analogues (DOMAIN.md §1).

The oblast measures coverage of legal entities; an enterprise measures itself the same
way: the share of its workplaces with a current risk assessment (40), its fatal accident
frequency per 1,000 workers (41), near misses per injury as the opposite of concealment
(42), its accident insurance in force (43), the share of its responsible persons with a
valid knowledge check (44). Every value carries how it was computed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from safedesk.i18n import N_


class Better(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"


@dataclass(frozen=True)
class IndicatorKind:
    code: str  # the roadmap item number
    title: str  # message id
    unit: str  # message id: "%", "per 1,000 workers", ": 1"
    better: Better
    # How the enterprise analogue is computed, shown beside the number.
    method: str


INDICATORS: tuple[IndicatorKind, ...] = (
    IndicatorKind(
        "40",
        N_("Workplaces with a current risk assessment"),
        "%",
        Better.HIGHER,
        N_(
            "workplaces (a position in a unit, with people) covered by an assessment "
            "not past its review date, out of all such workplaces"
        ),
    ),
    IndicatorKind(
        "41",
        N_("Fatal accident frequency"),
        N_("per 1,000 workers"),
        Better.LOWER,
        N_("fatal accidents in the year × 1,000 / average headcount"),
    ),
    IndicatorKind(
        "42",
        N_("Near misses per injury"),
        ": 1",
        Better.HIGHER,
        N_("near misses reported in the year / accidents with injury in the year"),
    ),
    IndicatorKind(
        "43",
        N_("Accident insurance in force"),
        "%",
        Better.HIGHER,
        N_("100 when a compulsory accident insurance contract covers the date, else 0"),
    ),
    IndicatorKind(
        "44",
        N_("Responsible persons with a valid knowledge check"),
        "%",
        Better.HIGHER,
        N_(
            "responsible persons in force with a valid knowledge check, "
            "out of all responsible persons in force"
        ),
    ),
)

KINDS = {kind.code: kind for kind in INDICATORS}


@dataclass(frozen=True)
class IndicatorValue:
    code: str
    value: float | None  # None: nothing to compute from (a denominator of zero)
    numerator: float
    denominator: float
    as_of: dt.date
    available: bool = True  # False: the register it needs is not kept yet

    def meets(self, target: float | None) -> bool | None:
        """Whether the value reaches the year's target; None when either is missing."""
        if target is None or self.value is None:
            return None
        if KINDS[self.code].better is Better.LOWER:
            return self.value <= target
        return self.value >= target


def percent(numerator: float, denominator: float) -> float | None:
    return None if denominator <= 0 else round(100.0 * numerator / denominator, 1)


def per_thousand(events: float, average_headcount: float) -> float | None:
    return None if average_headcount <= 0 else round(events * 1000.0 / average_headcount, 3)


def ratio(numerator: float, denominator: float) -> float | None:
    return None if denominator <= 0 else round(numerator / denominator, 1)


def average_headcount(month_counts: list[int]) -> float:
    """The average of the headcounts at each month's end (as statistics forms take it)."""
    return sum(month_counts) / len(month_counts) if month_counts else 0.0


def month_ends(year: int, until: dt.date) -> list[dt.date]:
    """The last day of each month of `year` up to `until` (the year so far)."""
    ends: list[dt.date] = []
    for month in range(1, 13):
        first_next = dt.date(year + (month == 12), month % 12 + 1, 1)
        end = first_next - dt.timedelta(days=1)
        if end > until:
            if not ends or ends[-1] < until:
                ends.append(min(end, until))
            break
        ends.append(end)
    return ends
