"""Gas tests of a confined-space or gas-hazardous permit: what a reading may be and must be.

Two kinds of rule. A reading outside the *physical* range (O₂ 120 %, a negative ppm) is a
typing mistake and is refused as input. A reading inside it but outside the *limits*
(reference data: `permit_gas_limits`, seeded from resources/reference/permit_gas_limits.json)
is a real, dangerous atmosphere: it is stored, printed, and it shuts the admission gate.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from safedesk.domain.people import Complaint
from safedesk.i18n import N_


class Gas(StrEnum):
    O2 = "o2"  # % vol
    LEL = "lel"  # % of the lower explosive limit
    CO = "co"  # ppm
    H2S = "h2s"  # ppm


GAS_LABELS = {
    Gas.O2: N_("O₂, %"),
    Gas.LEL: N_("LEL, %"),
    Gas.CO: N_("CO, ppm"),
    Gas.H2S: N_("H₂S, ppm"),
}

# What an instrument can physically show; anything else is a typing mistake.
PHYSICAL_RANGE: dict[Gas, tuple[float, float]] = {
    Gas.O2: (0.0, 100.0),
    Gas.LEL: (0.0, 100.0),
    Gas.CO: (0.0, 1_000_000.0),
    Gas.H2S: (0.0, 1_000_000.0),
}


@dataclass(frozen=True)
class GasLimit:
    """The allowed range of one gas; a bound of None does not apply.

    `low_inclusive`/`high_inclusive` say whether the bound itself is allowed
    (LEL must stay *below* 10 %, O₂ may be exactly 19.5 %).
    """

    gas: Gas
    low: float | None
    high: float | None
    low_inclusive: bool = True
    high_inclusive: bool = True

    def allows(self, value: float) -> bool:
        if self.low is not None and (
            value < self.low or (value == self.low and not self.low_inclusive)
        ):
            return False
        return not (
            self.high is not None
            and (value > self.high or (value == self.high and not self.high_inclusive))
        )

    def describe(self, number: Callable[[float], str] = "{:g}".format) -> str:
        """'19.5 – 23.5', '< 10', '≤ 17.2' as the form and the gate print it.

        `number` writes a bound: a printed form passes one with the decimal comma.
        """
        if self.low is not None and self.high is not None:
            return f"{number(self.low)} – {number(self.high)}"
        if self.high is not None:
            return f"{'≤' if self.high_inclusive else '<'} {number(self.high)}"
        if self.low is not None:
            return f"{'≥' if self.low_inclusive else '>'} {number(self.low)}"
        return ""


# The limits a test was judged by, as `permit_gas_tests.limits` keeps them (JSON): per gas
# code, {"low": 19.5, "high": 23.5, "low_inclusive": true, "high_inclusive": true}.
# Kept beside the readings because the employer may edit the limits later, and a signed
# permit must print, years on, the limits and the marks of the day of the test.
StoredLimits = dict[str, dict[str, float | bool | None]]


def stored_limits(limits: Mapping[Gas, GasLimit]) -> StoredLimits:
    """`limits` as a gas test keeps them, in the order of `Gas`."""
    return {
        gas.value: {
            "low": limits[gas].low,
            "high": limits[gas].high,
            "low_inclusive": limits[gas].low_inclusive,
            "high_inclusive": limits[gas].high_inclusive,
        }
        for gas in Gas
        if gas in limits
    }


def limits_of(stored: Mapping[str, Mapping[str, Any]]) -> dict[Gas, GasLimit]:
    """The limits a gas test keeps (`stored_limits`) as the rules use them."""

    def bound(value: Any) -> float | None:
        return None if value is None else float(value)

    found: dict[Gas, GasLimit] = {}
    for gas in Gas:  # the order of Gas, whatever order the JSON came back in
        item = stored.get(gas.value)
        if item is not None:
            found[gas] = GasLimit(
                gas,
                bound(item.get("low")),
                bound(item.get("high")),
                bool(item.get("low_inclusive", True)),
                bool(item.get("high_inclusive", True)),
            )
    return found


def describe_limits(
    limits: Mapping[Gas, GasLimit],
    label: Callable[[Gas], str],
    number: Callable[[float], str] = "{:g}".format,
) -> str:
    """'O₂, % 19,5 – 23,5; LEL, % < 10; …': every gas with a limit, `label` naming it."""
    return "; ".join(f"{label(g)} {limits[g].describe(number)}" for g in Gas if g in limits)


@dataclass(frozen=True)
class GasReading:
    """One test: when, and the values measured (None: not measured)."""

    taken_at: dt.datetime
    values: Mapping[Gas, float | None]


def parse_reading(text: str | float | None) -> float | None:
    """A value as typed ('20,9', '20.9', '') → 20.9 / None; ValueError if not a number."""
    if text is None:
        return None
    if isinstance(text, int | float):
        return float(text)
    cleaned = text.strip().replace(",", ".").replace(" ", "")
    if not cleaned:
        return None
    value = float(cleaned)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def reading_complaints(
    raw: Mapping[Gas, str | float | None], taken_at: dt.datetime | None, now: dt.datetime
) -> tuple[dict[Gas, float | None], list[Complaint]]:
    """The readings as numbers, and every typing mistake, each naming its gas's field."""
    values: dict[Gas, float | None] = {}
    found: list[Complaint] = []
    for gas in Gas:
        label = GAS_LABELS[gas]
        try:
            value = parse_reading(raw.get(gas))
        except ValueError:
            found.append(
                Complaint(
                    gas.value,
                    N_("{gas}: {value} is not a number."),
                    {"gas": label, "value": str(raw.get(gas))},
                )
            )
            values[gas] = None
            continue
        low, high = PHYSICAL_RANGE[gas]
        if value is not None and not low <= value <= high:
            found.append(
                Complaint(
                    gas.value,
                    N_("{gas}: {value} cannot be measured; a reading is from {low} to {high}."),
                    {"gas": label, "value": f"{value:g}", "low": f"{low:g}", "high": f"{high:g}"},
                )
            )
        values[gas] = value
    if all(v is None for v in values.values()) and not found:
        found.append(Complaint("o2", N_("Enter at least one measured value."), {}))
    if taken_at is None:
        found.append(Complaint("taken_at", N_("The time of the test is required."), {}))
    elif taken_at > now + dt.timedelta(minutes=5):
        found.append(Complaint("taken_at", N_("The time of the test is in the future."), {}))
    return values, found


def out_of_limits(reading: GasReading, limits: dict[Gas, GasLimit]) -> list[Gas]:
    """The gases of `reading` measured outside their limits."""
    return [
        gas
        for gas, value in reading.values.items()
        if value is not None and gas in limits and not limits[gas].allows(value)
    ]


def missing_gases(reading: GasReading, limits: dict[Gas, GasLimit]) -> list[Gas]:
    """Gases with a limit that this test did not measure: the test does not clear them."""
    return [gas for gas in limits if reading.values.get(gas) is None]


def next_test_due(last: dt.datetime, interval_minutes: int) -> dt.datetime:
    """When the next test during the work is due."""
    return last + dt.timedelta(minutes=interval_minutes)
