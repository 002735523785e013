"""The legal periods of an accident investigation, as editable reference data.

Labour Code art. 186–190 fixes them today; they live in the `accident_deadline_rules`
table (seeded from resources/reference/accident_deadlines.json) so that an amended law
is an edited row. This module holds their shape, the seed and the checks of an edit.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from safedesk.domain.people import Complaint
from safedesk.i18n import N_
from safedesk.paths import resource


class RuleUnit(StrEnum):
    HOURS = "hours"
    WORKING_DAYS = "working_days"


RULE_UNIT_LABELS = {RuleUnit.HOURS: N_("hours"), RuleUnit.WORKING_DAYS: N_("working days")}


class RuleCode(StrEnum):
    """One period of the `accident_deadline_rules` table."""

    NOTIFY = "notify"
    COMMISSION = "commission"
    INVESTIGATION = "investigation"
    ACT = "act"
    SPECIAL_INVESTIGATION = "special_investigation"


RULE_LABELS = {
    RuleCode.NOTIFY: N_("Notify the labour inspection within"),
    RuleCode.COMMISSION: N_("Form the investigation commission within"),
    RuleCode.INVESTIGATION: N_("Investigate within"),
    RuleCode.ACT: N_("Send the act within"),
    RuleCode.SPECIAL_INVESTIGATION: N_("Special investigation within"),
}

RULE_UNITS = {
    RuleCode.NOTIFY: RuleUnit.HOURS,
    RuleCode.COMMISSION: RuleUnit.HOURS,
    RuleCode.INVESTIGATION: RuleUnit.WORKING_DAYS,
    RuleCode.ACT: RuleUnit.WORKING_DAYS,
    RuleCode.SPECIAL_INVESTIGATION: RuleUnit.WORKING_DAYS,
}

# Sanity bounds for an edited period, not legal values: a week of hours, a quarter of days.
RULE_LIMITS = {RuleUnit.HOURS: (1, 168), RuleUnit.WORKING_DAYS: (1, 60)}


@dataclass(frozen=True)
class DeadlineRules:
    """The periods as the deadline functions take them; read from the editable table.

    `special_investigation_working_days` is kept with the others but not yet applied:
    the seeded period is marked as to be checked.
    """

    notify_hours: int
    commission_hours: int
    investigation_working_days: int
    act_working_days: int
    special_investigation_working_days: int
    legal_basis: str = ""

    @classmethod
    def from_values(cls, values: Mapping[str, int], legal_basis: str = "") -> DeadlineRules:
        """From period values by `RuleCode`; a missing code raises KeyError naming it."""
        return cls(
            notify_hours=values[RuleCode.NOTIFY],
            commission_hours=values[RuleCode.COMMISSION],
            investigation_working_days=values[RuleCode.INVESTIGATION],
            act_working_days=values[RuleCode.ACT],
            special_investigation_working_days=values[RuleCode.SPECIAL_INVESTIGATION],
            legal_basis=legal_basis,
        )


def seed_rule_data() -> dict[str, Any]:
    """The shipped periods with their legal basis (resources/reference/accident_deadlines.json)."""
    data: dict[str, Any] = json.loads(
        resource("reference", "accident_deadlines.json").read_text(encoding="utf-8")
    )
    return data


@cache
def seed_rules() -> DeadlineRules:
    """The periods as seeded: what a computation without the table (a pure test) uses."""
    data = seed_rule_data()
    return DeadlineRules.from_values(
        {r["code"]: int(r["value"]) for r in data["rules"]}, data["legal_basis"]
    )


def rule_complaints(
    code: str, value: int, legal_basis: str, edition_date: dt.date | None, today: dt.date
) -> list[Complaint]:
    """Every rule an edited period breaks, naming the field."""
    found: list[Complaint] = []
    if code not in RuleCode._value2member_map_:
        return [Complaint("code", N_("Unknown deadline rule {code}."), {"code": code})]
    unit = RULE_UNITS[RuleCode(code)]
    low, high = RULE_LIMITS[unit]
    if not low <= value <= high:
        found.append(
            Complaint(
                "value",
                N_("The period must be from {min} to {max} {unit}."),
                {"min": low, "max": high, "unit": RULE_UNIT_LABELS[unit]},
            )
        )
    if not legal_basis.strip():
        found.append(Complaint("legal_basis", N_("The legal basis is required."), {}))
    if edition_date is None:
        found.append(Complaint("edition_date", N_("The edition date is required."), {}))
    elif edition_date > today:
        found.append(
            Complaint(
                "edition_date",
                N_("The edition date {date} is in the future."),
                {"date": edition_date},
            )
        )
    return found
