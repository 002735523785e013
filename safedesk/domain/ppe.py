"""PPE rules (DOMAIN.md §2): entitlement by norm, wear periods, due dates, % wear.

Norms are reference data kept in tables (МЗСР order No. 943 of 08.12.2015 by default);
these functions only combine the values they are given. The wear period runs from the
date of actual issue; an item worn "until worn" or kept "on duty" never falls due by date.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from safedesk.domain.people import Complaint
from safedesk.i18n import N_


class ItemKind(StrEnum):
    CLOTHING = "clothing"
    FOOTWEAR = "footwear"
    HEAD = "head"
    HANDS = "hands"
    EYES = "eyes"
    HEARING = "hearing"
    RESPIRATORY = "respiratory"
    FALL_PROTECTION = "fall_protection"
    ELECTRICAL = "electrical"  # electrical protective equipment, tested periodically
    GAS_ANALYSER = "gas_analyser"  # roadmap item 13, calibrated periodically
    OTHER = "other"


KIND_LABELS = {
    ItemKind.CLOTHING: N_("Special clothing"),
    ItemKind.FOOTWEAR: N_("Special footwear"),
    ItemKind.HEAD: N_("Head protection"),
    ItemKind.HANDS: N_("Hand protection"),
    ItemKind.EYES: N_("Eye and face protection"),
    ItemKind.HEARING: N_("Hearing protection"),
    ItemKind.RESPIRATORY: N_("Respiratory protection"),
    ItemKind.FALL_PROTECTION: N_("Fall protection"),
    ItemKind.ELECTRICAL: N_("Electrical protective equipment"),
    ItemKind.GAS_ANALYSER: N_("Gas analyser"),
    ItemKind.OTHER: N_("Other"),
}


class SizeKind(StrEnum):
    """Which of the employee's sizes (the PPE card) an item is issued in."""

    NONE = "none"
    CLOTHING = "clothing"
    SHOE = "shoe"
    HEAD = "head"
    GLOVE = "glove"


SIZE_KIND_LABELS = {
    SizeKind.NONE: N_("One size"),
    SizeKind.CLOTHING: N_("Clothing size"),
    SizeKind.SHOE: N_("Shoe size"),
    SizeKind.HEAD: N_("Head size"),
    SizeKind.GLOVE: N_("Glove size"),
}


class MeasureUnit(StrEnum):
    PIECE = "piece"
    PAIR = "pair"
    SET = "set"


UNIT_LABELS = {
    MeasureUnit.PIECE: N_("pcs"),
    MeasureUnit.PAIR: N_("pair"),
    MeasureUnit.SET: N_("set"),
}


class Wear(StrEnum):
    MONTHS = "months"
    UNTIL_WORN = "until_worn"  # до износа: replaced when worn out, never by date
    ON_DUTY = "on_duty"  # дежурное: kept at the workplace, handed over between shifts


WEAR_LABELS = {
    Wear.MONTHS: N_("{months} months"),
    Wear.UNTIL_WORN: N_("until worn"),
    Wear.ON_DUTY: N_("on duty"),
}


class DueStatus(StrEnum):
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    MISSING = "missing"  # required by the norm, never issued or nothing left in use


STATUS_LABELS = {
    DueStatus.OVERDUE: N_("Overdue"),
    DueStatus.DUE_SOON: N_("Due within 30 days"),
    DueStatus.MISSING: N_("Not issued"),
}


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the 31st becomes the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_date(issued: dt.date, wear: Wear, months: int | None) -> dt.date | None:
    """When an item issued on `issued` is to be replaced; None when not by date."""
    if wear is not Wear.MONTHS or not months:
        return None
    return add_months(issued, months)


def wear_text(wear: Wear, months: int | None) -> tuple[str, dict[str, object]]:
    """The msgid and values that say a wear period: '12 months', 'until worn'."""
    if wear is Wear.MONTHS:
        return WEAR_LABELS[wear], {"months": months or 0}
    return WEAR_LABELS[wear], {}


def wear_percent(issued: dt.date, on: dt.date, wear: Wear, months: int | None) -> int | None:
    """How worn an item is on `on` by its period, 0-100; None for items without one."""
    due = due_date(issued, wear, months)
    if due is None:
        return None
    period = (due - issued).days
    used = (on - issued).days
    return max(0, min(100, round(100 * used / period))) if period > 0 else 100


@dataclass(frozen=True)
class NormLine:
    """One line of a norm: what a position (or one person) is entitled to."""

    item_id: int
    quantity: int
    wear: Wear
    months: int | None = None
    clause: str = ""
    personal: bool = False  # a personal addition, not the position's norm


def merge_entitlements(lines: Iterable[NormLine]) -> dict[int, NormLine]:
    """One line per item out of every norm a person falls under.

    When two norms (or a norm and a personal addition) name the same item, the
    person gets the larger quantity and the shorter period: never less than either.
    """
    merged: dict[int, NormLine] = {}
    rank = {Wear.MONTHS: 0, Wear.UNTIL_WORN: 1, Wear.ON_DUTY: 2}
    for line in lines:
        old = merged.get(line.item_id)
        if old is None:
            merged[line.item_id] = line
            continue
        quantity = max(old.quantity, line.quantity)
        shorter = min((old, line), key=lambda x: (rank[x.wear], x.months or 0))
        merged[line.item_id] = NormLine(
            line.item_id,
            quantity,
            shorter.wear,
            shorter.months,
            old.clause or line.clause,
            old.personal and line.personal,
        )
    return merged


@dataclass(frozen=True)
class Holding:
    """Items of one kind a person has in use: quantity and when they fall due."""

    quantity: int
    issued: dt.date
    due: dt.date | None


@dataclass(frozen=True)
class Need:
    """What to issue now: quantity, why, and since when it is due (None: never issued)."""

    quantity: int
    status: DueStatus
    due: dt.date | None


def need(
    line: NormLine, holdings: Sequence[Holding], today: dt.date, days: int = 30
) -> Need | None:
    """What a person is due for of one norm line on `today`, looking `days` ahead.

    Never more than the norm's quantity; items on duty are kept at the post, not
    issued to a person; items worn until worn are owed only when none are in use.
    """
    if line.wear is Wear.ON_DUTY or line.quantity <= 0:
        return None
    horizon = today + dt.timedelta(days=days)
    expiring = [h for h in holdings if h.due is not None and h.due <= horizon]
    valid = sum(h.quantity for h in holdings if h not in expiring)
    wanted = min(line.quantity, max(0, line.quantity - valid))
    if wanted == 0:
        return None
    if not expiring or line.wear is not Wear.MONTHS:
        return Need(wanted, DueStatus.MISSING, None)
    due = min(h.due for h in expiring if h.due is not None)
    status = DueStatus.OVERDUE if due < today else DueStatus.DUE_SOON
    return Need(wanted, status, due)


def size_for(size_kind: SizeKind, sizes: dict[SizeKind, str], scale: Sequence[str]) -> str:
    """The person's size for an item, if the item comes in it; '' when unknown or absent."""
    if size_kind is SizeKind.NONE:
        return ""
    size = sizes.get(size_kind, "").strip()
    return size if size and (not scale or size in scale) else ""


def issue_complaints(
    *,
    quantity: int,
    size: str,
    scale: Sequence[str],
    size_kind: SizeKind,
    item: str,
    issue_date: dt.date,
    today: dt.date,
    dismissed: dt.date | None,
    person: str,
    in_norm: bool,
    reason: str,
) -> list[Complaint]:
    """Every rule one issuance breaks; empty when it may be recorded."""
    found: list[Complaint] = []
    if dismissed is not None and dismissed <= issue_date:
        found.append(
            Complaint(
                "employee_id",
                N_("{person} was dismissed on {date}; PPE is not issued to dismissed employees."),
                {"person": person, "date": dismissed},
            )
        )
    if quantity < 1:
        found.append(
            Complaint(
                "quantity",
                N_("The quantity must be a whole number above zero, not {value}."),
                {"value": quantity},
            )
        )
    if size_kind is not SizeKind.NONE and scale and size not in scale:
        found.append(
            Complaint(
                "size",
                N_("{item} has no size «{size}»; its sizes are {sizes}."),
                {"item": item, "size": size, "sizes": ", ".join(scale)},
            )
        )
    if size_kind is SizeKind.NONE and size:
        found.append(
            Complaint("size", N_("{item} comes in one size; leave the size empty."), {"item": item})
        )
    if issue_date > today:
        found.append(
            Complaint(
                "issue_date", N_("The issue date {date} is in the future."), {"date": issue_date}
            )
        )
    if not in_norm and not reason.strip():
        found.append(
            Complaint(
                "reason",
                N_("{item} is not in the norm of {person}; give the reason to issue it anyway."),
                {"item": item, "person": person},
            )
        )
    return found


def return_complaints(
    *,
    quantity: int,
    left: int,
    issued: int,
    returned_on: dt.date,
    issue_date: dt.date,
    wear: int | None,
) -> list[Complaint]:
    """Every rule a return or write-off breaks."""
    found: list[Complaint] = []
    if quantity < 1:
        found.append(
            Complaint(
                "quantity",
                N_("The quantity must be a whole number above zero, not {value}."),
                {"value": quantity},
            )
        )
    elif quantity > left:
        found.append(
            Complaint(
                "quantity",
                N_("Only {left} of the {issued} issued remain to return; {value} is more."),
                {"left": left, "issued": issued, "value": quantity},
            )
        )
    if returned_on < issue_date:
        found.append(
            Complaint(
                "return_date",
                N_("The return date {date} is before the issue date {issued}."),
                {"date": returned_on, "issued": issue_date},
            )
        )
    if wear is not None and not 0 <= wear <= 100:
        found.append(Complaint("wear_percent", N_("Wear must be from 0 to 100 %."), {}))
    return found


def norm_line_complaints(quantity: int, wear: Wear, months: int | None) -> list[Complaint]:
    found: list[Complaint] = []
    if quantity < 1:
        found.append(
            Complaint(
                "quantity",
                N_("The quantity must be a whole number above zero, not {value}."),
                {"value": quantity},
            )
        )
    if wear is Wear.MONTHS and not (months and 1 <= months <= 120):
        found.append(
            Complaint("wear_months", N_("The wear period must be from 1 to 120 months."), {})
        )
    return found
