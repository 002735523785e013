"""The risk matrix as data: levels, the score of every cell, the bands (DOMAIN.md §2, WRAC).

A matrix is read from plain JSON-like values (the seed in resources/reference/ or a
row of `risk_matrices`), checked by `matrix_problems`, and then rates a likelihood ×
consequence pair: `score` and `band_of`. Nothing here knows about Qt or SQL.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from safedesk.domain.people import Complaint
from safedesk.i18n import N_
from safedesk.paths import resource

MIN_SIZE, MAX_SIZE = 2, 10
LANGS = ("kk", "ru", "en")


@dataclass(frozen=True)
class Texts3:
    """A text in Kazakh, Russian and English: reference data is kept in all three."""

    kk: str
    ru: str
    en: str

    def get(self, lang: str) -> str:
        value = getattr(self, lang, "") if lang in LANGS else ""
        return str(value or self.ru or self.kk or self.en)

    @classmethod
    def of(cls, raw: Any) -> Texts3:
        raw = raw if isinstance(raw, dict) else {}
        return cls(*(str(raw.get(lang, "") or "") for lang in LANGS))

    def as_json(self) -> dict[str, str]:
        return {"kk": self.kk, "ru": self.ru, "en": self.en}


@dataclass(frozen=True)
class Level:
    """One step of the likelihood or consequence scale."""

    level: int
    name: Texts3
    description: Texts3


@dataclass(frozen=True)
class Band:
    """A rank of risk: the scores it spans, its colour and the response it requires."""

    code: str
    name: Texts3
    min_score: int
    max_score: int
    colour: str
    response: Texts3

    def holds(self, score: int) -> bool:
        return self.min_score <= score <= self.max_score


@dataclass(frozen=True)
class Matrix:
    likelihood: tuple[Level, ...]
    consequence: tuple[Level, ...]
    scores: tuple[tuple[int, ...], ...]  # scores[likelihood - 1][consequence - 1]
    bands: tuple[Band, ...]

    @property
    def size(self) -> tuple[int, int]:
        return len(self.likelihood), len(self.consequence)

    def cells(self) -> list[tuple[int, int]]:
        rows, cols = self.size
        return [(lik, con) for lik in range(1, rows + 1) for con in range(1, cols + 1)]

    def contains(self, likelihood: int, consequence: int) -> bool:
        rows, cols = self.size
        return 1 <= likelihood <= rows and 1 <= consequence <= cols

    def score(self, likelihood: int, consequence: int) -> int:
        """The score of a cell; a rating outside the matrix is a ValueError."""
        if not self.contains(likelihood, consequence):
            raise ValueError(f"cell {likelihood}×{consequence} is outside the matrix")
        return self.scores[likelihood - 1][consequence - 1]

    def band_of(self, likelihood: int, consequence: int) -> Band:
        return self.band_of_score(self.score(likelihood, consequence))

    def band_of_score(self, score: int) -> Band:
        for band in self.bands:
            if band.holds(score):
                return band
        raise ValueError(f"no band holds score {score}")

    def band(self, code: str) -> Band | None:
        return next((b for b in self.bands if b.code == code), None)

    def as_json(self) -> dict[str, Any]:
        def level(lv: Level) -> dict[str, Any]:
            return {"level": lv.level, **lv.name.as_json(), "description": lv.description.as_json()}

        return {
            "likelihood": [level(lv) for lv in self.likelihood],
            "consequence": [level(lv) for lv in self.consequence],
            "scores": [list(row) for row in self.scores],
            "bands": [
                {
                    "code": b.code,
                    "min": b.min_score,
                    "max": b.max_score,
                    "colour": b.colour,
                    "name": b.name.as_json(),
                    "response": b.response.as_json(),
                }
                for b in self.bands
            ],
        }


def _levels(raw: Any) -> tuple[Level, ...]:
    items = raw if isinstance(raw, list) else []
    return tuple(
        Level(int(item.get("level", i + 1)), Texts3.of(item), Texts3.of(item.get("description")))
        for i, item in enumerate(items)
        if isinstance(item, dict)
    )


def matrix_from_json(raw: dict[str, Any]) -> Matrix:
    """A matrix from its stored values; check it with `matrix_problems` before use."""
    bands = tuple(
        Band(
            code=str(b.get("code", "")),
            name=Texts3.of(b.get("name")),
            min_score=int(b.get("min", 0)),
            max_score=int(b.get("max", -1)),
            colour=str(b.get("colour", "#ffffff")),
            response=Texts3.of(b.get("response")),
        )
        for b in raw.get("bands", [])
        if isinstance(b, dict)
    )
    scores = tuple(tuple(int(x) for x in row) for row in raw.get("scores", []))
    return Matrix(_levels(raw.get("likelihood")), _levels(raw.get("consequence")), scores, bands)


def default_matrix_data() -> dict[str, Any]:
    """The shipped 5×5 matrix with its legal basis (resources/reference/risk_matrix.json)."""
    data: dict[str, Any] = json.loads(
        resource("reference", "risk_matrix.json").read_text(encoding="utf-8")
    )
    return data


def default_matrix() -> Matrix:
    return matrix_from_json(default_matrix_data())


def _cell(likelihood: int, consequence: int) -> str:
    return f"{likelihood}×{consequence}"


def matrix_problems(m: Matrix) -> list[Complaint]:
    """Every rule the matrix breaks, naming the cell or band: size, scores, bands."""
    found: list[Complaint] = []
    rows, cols = m.size
    if not (MIN_SIZE <= rows <= MAX_SIZE and MIN_SIZE <= cols <= MAX_SIZE):
        found.append(
            Complaint(
                "size",
                N_("A risk matrix has from {min} to {max} levels on each side, not {rows}×{cols}."),
                {"min": MIN_SIZE, "max": MAX_SIZE, "rows": rows, "cols": cols},
            )
        )
        return found
    if len(m.scores) != rows or any(len(r) != cols for r in m.scores):
        found.append(Complaint("scores", N_("Every cell of the matrix needs a score."), {}))
        return found
    for lik, con in m.cells():
        here = m.score(lik, con)
        if (lik > 1 and m.score(lik - 1, con) > here) or (con > 1 and m.score(lik, con - 1) > here):
            found.append(
                Complaint(
                    "scores",
                    N_("Cell {cell}: the score must not fall as likelihood or consequence rises."),
                    {"cell": _cell(lik, con)},
                )
            )
        holding = [b.code for b in m.bands if b.holds(here)]
        if not holding:
            found.append(
                Complaint(
                    "bands",
                    N_("Cell {cell} (score {score}) is in no band."),
                    {"cell": _cell(lik, con), "score": here},
                )
            )
        elif len(holding) > 1:
            found.append(
                Complaint(
                    "bands",
                    N_("Cell {cell} (score {score}) is in more than one band: {bands}."),
                    {"cell": _cell(lik, con), "score": here, "bands": ", ".join(holding)},
                )
            )
    codes = [b.code for b in m.bands]
    if len(set(codes)) != len(codes) or not all(codes):
        found.append(Complaint("bands", N_("Every band needs its own code."), {}))
    return found


def rating_problem(
    m: Matrix, field: str, row: int, likelihood: int | None, consequence: int | None
) -> Complaint | None:
    """A rating the matrix cannot give: missing, or outside its levels. `row` counts from 1."""
    rows, cols = m.size
    if likelihood is None or consequence is None:
        return Complaint(
            field, N_("Row {row}: rate both likelihood and consequence."), {"row": row}
        )
    if not m.contains(likelihood, consequence):
        return Complaint(
            field,
            N_(
                "Row {row}: the rating {cell} is outside the matrix "
                "(likelihood 1–{rows}, consequence 1–{cols})."
            ),
            {"row": row, "cell": _cell(likelihood, consequence), "rows": rows, "cols": cols},
        )
    return None


def residual_problem(
    m: Matrix,
    field: str,
    row: int,
    initial: tuple[int, int],
    residual: tuple[int, int],
    reason: str,
) -> Complaint | None:
    """A residual risk above the initial one is refused unless a reason is written."""
    before, after = m.score(*initial), m.score(*residual)
    if after > before and not reason.strip():
        return Complaint(
            field,
            N_(
                "Row {row}: the residual risk ({after}) is higher than the initial risk "
                "({before}); write the reason."
            ),
            {"row": row, "after": after, "before": before},
        )
    return None
