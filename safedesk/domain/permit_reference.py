"""What the permit log's reference data may be: gas limits, role separation, the number pattern.

Pure rules, no Qt, no SQL. Each function returns every broken rule as a `Complaint`
naming the field, so the editor marks all of them at once and keeps what was typed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from safedesk.domain.people import Complaint
from safedesk.domain.permit_gas import GAS_LABELS, PHYSICAL_RANGE, Gas, parse_reading
from safedesk.domain.permits import (
    CREW,
    ROLE_LABELS,
    Role,
    format_number,
    number_pattern_problem,
)
from safedesk.i18n import N_
from safedesk.paths import resource

LOW_LABEL = N_("Lower limit")
HIGH_LABEL = N_("Upper limit")
BASIS_LABEL = N_("Legal basis")
NOT_A_NUMBER = N_("{gas} — {field}: “{value}” is not a number.")
IMPOSSIBLE = N_("{gas} — {field}: {value} is impossible; the value must be from {low} to {high}.")
NOT_BELOW = N_("{gas} — {field}: {low} must be below the upper limit {high}.")
NO_BOUND = N_("{gas}: set a lower limit, an upper limit or both.")
REQUIRED = N_("{what} — {field}: fill it in.")
UNKNOWN_ROLE = N_("{type}: “{role}” is not a role of a permit.")
SAME_ROLE = N_("{type}: a role cannot be kept apart from itself ({role}).")
PAIR_TWICE = N_("{type}: the pair {first} ≠ {second} is listed twice.")
NO_YEAR = N_(
    "The permit number pattern must contain {{year}}: the numbers start again from 1 every year."
)
NOT_UNIQUE = N_("The permit number pattern gives the same number to different permits.")
TOO_LONG = N_("The permit number pattern makes numbers longer than {max} characters.")

# Permit.number is String(50); the pattern is tried up to this many permits a year.
NUMBER_MAX_LENGTH = 50
TRIED_SEQ = 9999
# The separation rules speak of the roles and of any crew member.
SEPARABLE: tuple[str, ...] = (*(r.value for r in Role), CREW)


def gas_limit_complaints(
    gas: Gas, low: str | float | None, high: str | float | None
) -> tuple[float | None, float | None, list[Complaint]]:
    """The bounds as numbers (None: no bound), and every rule they break.

    A bound is a value the instrument can show (`PHYSICAL_RANGE`); a range needs at least
    one bound, and the lower one below the upper one, or no reading could ever pass.
    """
    label = GAS_LABELS[gas]
    found: list[Complaint] = []
    bounds: dict[str, float | None] = {}
    for name, field, raw in (("low", LOW_LABEL, low), ("high", HIGH_LABEL, high)):
        try:
            value = parse_reading(raw)
        except ValueError:
            found.append(
                Complaint(name, NOT_A_NUMBER, {"gas": label, "field": field, "value": str(raw)})
            )
            bounds[name] = None
            continue
        least, most = PHYSICAL_RANGE[gas]
        if value is not None and not least <= value <= most:
            found.append(
                Complaint(
                    name,
                    IMPOSSIBLE,
                    {
                        "gas": label,
                        "field": field,
                        "value": f"{value:g}",
                        "low": f"{least:g}",
                        "high": f"{most:g}",
                    },
                )
            )
        bounds[name] = value
    lo, hi = bounds["low"], bounds["high"]
    if not found and lo is None and hi is None:
        found.append(Complaint("high", NO_BOUND, {"gas": label}))
    if not found and lo is not None and hi is not None and lo >= hi:
        found.append(
            Complaint(
                "low",
                NOT_BELOW,
                {"gas": label, "field": LOW_LABEL, "low": f"{lo:g}", "high": f"{hi:g}"},
            )
        )
    return lo, hi, found


def separation_complaints(type_label: str, pairs: Iterable[Sequence[str]]) -> list[Complaint]:
    """Each pair names two different roles (or the crew), and no pair is listed twice."""
    found: list[Complaint] = []
    seen: set[frozenset[str]] = set()
    for pair in pairs:
        first, second = (str(pair[0]), str(pair[1])) if len(pair) == 2 else ("", "")
        unknown = [r for r in (first, second) if r not in SEPARABLE]
        if unknown:
            found.append(
                Complaint("distinct", UNKNOWN_ROLE, {"type": type_label, "role": unknown[0]})
            )
            continue
        if first == second:
            found.append(
                Complaint("distinct", SAME_ROLE, {"type": type_label, "role": role_label(first)})
            )
            continue
        key = frozenset((first, second))
        if key in seen:
            found.append(
                Complaint(
                    "distinct",
                    PAIR_TWICE,
                    {"type": type_label, "first": role_label(first), "second": role_label(second)},
                )
            )
        seen.add(key)
    return found


def role_label(role: str) -> str:
    """The message id naming a role, or the crew, as the gate names it."""
    return N_("Crew member") if role == CREW else ROLE_LABELS[Role(role)]


def number_pattern_complaints(pattern: str) -> list[Complaint]:
    """Whether `pattern` can number every permit of every year with a number of its own.

    The sequence starts again each year (`permits.next_number`), so a pattern without the
    year would repeat last year's numbers; a format that rounds or cuts the sequence
    (`{seq:.0e}`) would repeat numbers within a year. Both are tried, not guessed.
    """
    problem = number_pattern_problem(pattern)
    if problem is not None:
        return [problem]
    if format_number(pattern, 2026, 1) == format_number(pattern, 2027, 1):
        return [Complaint("number_pattern", NO_YEAR, {})]
    made = {
        format_number(pattern, year, seq)
        for year in (2026, 2027)
        for seq in range(1, TRIED_SEQ + 1)
    }
    if len(made) != 2 * TRIED_SEQ:
        return [Complaint("number_pattern", NOT_UNIQUE, {})]
    if len(format_number(pattern, 2026, TRIED_SEQ)) > NUMBER_MAX_LENGTH:
        return [Complaint("number_pattern", TOO_LONG, {"max": NUMBER_MAX_LENGTH})]
    return []


# -- the legal basis as the printed permit shows it -------------------------------------
# Reference values from secondary sources carry this marker (DOMAIN.md legend): a note for
# whoever edits the rules, never a part of the act's title on a form.
SECONDARY_MARK = "[sec]"


@dataclass(frozen=True)
class LegalBasis:
    """A legal act a permit type rests on: its stable code, English (as stored) and kk/ru."""

    code: str
    en: str
    kk: str
    ru: str


def without_marks(text: str) -> str:
    """'… No. 344 of 28.08.2020 [sec]' → '… No. 344 of 28.08.2020'."""
    return " ".join(text.replace(SECONDARY_MARK, " ").split())


@cache
def shipped_bases() -> tuple[LegalBasis, ...]:
    """The acts of resources/reference/permits.json with their Kazakh and Russian titles."""
    data: dict[str, Any] = json.loads(
        resource("reference", "permits.json").read_text(encoding="utf-8")
    )
    return tuple(
        LegalBasis(b["code"], b["legal_basis"], b["legal_basis_kk"], b["legal_basis_ru"])
        for b in data.get("legal_bases", [])
    )


def basis_in(stored: str, lang: str) -> str:
    """The stored basis of a type rule in `lang` (kk or ru) for the printed form.

    The table keeps one text, seeded in English from permits.json. While it is still a
    shipped act's text (its "[sec]" marker may be there or not), the act's Kazakh or
    Russian title is printed; a basis the user typed prints as typed. Markers never print.
    """
    key = without_marks(stored).casefold()
    for basis in shipped_bases():
        if key and key == without_marks(basis.en).casefold():
            return basis.kk if lang == "kk" else basis.ru if lang == "ru" else basis.en
    return without_marks(stored)
