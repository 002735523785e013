"""Indicator 40 at the enterprise, and the 5S audit score.

Coverage: the share of workplaces — pairs of unit × position where someone works —
covered by a current risk assessment of that unit which lists the position, or lists
no positions at all (then it covers the whole unit).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from safedesk.i18n import N_

Workplace = tuple[int, int | None]  # (unit id, position id)


@dataclass(frozen=True)
class Coverage:
    workplaces: int
    covered: int

    @property
    def percent(self) -> float:
        return round(100.0 * self.covered / self.workplaces, 1) if self.workplaces else 0.0

    def as_json(self) -> dict[str, float | int]:
        return {"workplaces": self.workplaces, "covered": self.covered, "percent": self.percent}


def coverage(
    workplaces: Iterable[Workplace], assessments: Iterable[tuple[int, Iterable[int]]]
) -> Coverage:
    """`assessments` are (unit id, position ids) of the current assessments."""
    whole_units: set[int] = set()
    pairs: set[Workplace] = set()
    for unit_id, positions in assessments:
        listed = set(positions)
        if not listed:
            whole_units.add(unit_id)
        pairs.update((unit_id, p) for p in listed)
    places = set(workplaces)
    covered = sum(1 for w in places if w[0] in whole_units or w in pairs)
    return Coverage(len(places), covered)


class FiveS(StrEnum):
    SORT = "sort"
    SET_IN_ORDER = "set_in_order"
    SHINE = "shine"
    STANDARDISE = "standardise"
    SUSTAIN = "sustain"


FIVE_S_LABELS = {
    FiveS.SORT: N_("Sort"),
    FiveS.SET_IN_ORDER: N_("Set in order"),
    FiveS.SHINE: N_("Shine"),
    FiveS.STANDARDISE: N_("Standardise"),
    FiveS.SUSTAIN: N_("Sustain"),
}

MAX_ITEM_SCORE = 5


@dataclass(frozen=True)
class FiveSResult:
    per_s: dict[FiveS, float]  # percent of the best score, per S that has items
    total: float


def five_s_result(items: Iterable[tuple[FiveS, int]]) -> FiveSResult:
    """Each checklist item scored 0–5: % per S and % of the whole audit."""
    got: dict[FiveS, int] = {}
    best: dict[FiveS, int] = {}
    for s, score in items:
        if not 0 <= score <= MAX_ITEM_SCORE:
            raise ValueError(f"score {score} outside 0–{MAX_ITEM_SCORE}")
        got[s] = got.get(s, 0) + score
        best[s] = best.get(s, 0) + MAX_ITEM_SCORE
    per_s = {s: round(100.0 * got[s] / best[s], 1) for s in FiveS if s in best}
    total_best = sum(best.values())
    total = round(100.0 * sum(got.values()) / total_best, 1) if total_best else 0.0
    return FiveSResult(per_s, total)
