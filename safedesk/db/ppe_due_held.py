"""The PPE due page's lines held in memory: how rows of the line query become `DueLine`s,
and how the page's filters match them without asking the database again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.models import Position, PpeItem
from safedesk.db.ppe_due import WEAR_KEY, WEAR_RANK, DueLine
from safedesk.db.units import unit_paths
from safedesk.domain.collation import search_text
from safedesk.domain.people import full_name, short_name
from safedesk.domain.ppe import DueStatus, SizeKind, size_for
from safedesk.i18n import pick

RANK_WEAR = {n: w for w, n in WEAR_RANK.items()}
PersonKey = tuple[str, int]  # (sort_name, id): where a window of people ends


@dataclass(frozen=True)
class DueFilter:
    """The page's filters: the typed text (as typed) and the units (with sub-units)."""

    text: str = ""
    unit_ids: frozenset[int] | None = None

    @property
    def folded(self) -> str:
        return search_text(self.text.strip())

    @property
    def empty(self) -> bool:
        return not self.folded and self.unit_ids is None


NO_FILTER = DueFilter()  # every line


@dataclass
class Held:
    """Computed lines with what the filters need to match them in memory."""

    lines: list[DueLine] = field(default_factory=list)
    person_text: dict[int, str] = field(default_factory=dict)  # employee id -> search_text
    item_text: dict[int, str] = field(default_factory=dict)  # item id -> search_text
    sort_names: dict[int, str] = field(default_factory=dict)  # employee id -> sort_name

    def matches(self, flt: DueFilter) -> list[DueLine]:
        """The lines that pass `flt`, in the held order: the rule of `_line_text` in SQL."""
        text, units = flt.folded, flt.unit_ids
        found = self.lines
        if units is not None:
            found = [x for x in found if x.unit_id in units]
        if text:
            people, items = self.person_text, self.item_text
            found = [
                x
                for x in found
                if text in people.get(x.employee_id, "") or text in items.get(x.item_id, "")
            ]
        return list(found)


@dataclass
class Window(Held):
    """The lines of a window of people, and where the next window starts."""

    last: PersonKey | None = None  # the window's last person; None when it had nobody
    people: int = 0  # how many people the window held


class Names:
    """Units' paths and positions' names in the window's language, read once per use."""

    def __init__(self, session: Session) -> None:
        self.paths = unit_paths(session)
        self.positions = {
            p.id: pick(p.name_kk, p.name_ru)
            for p in session.execute(select(Position.id, Position.name_kk, Position.name_ru))
        }
        # The catalogue (a few dozen items): names, sizes, search text, read once here
        # rather than on every line.
        self.items: dict[int, _Item] = {
            r.id: _Item(
                pick(r.name_kk, r.name_ru),
                r.name_kk,
                r.name_ru,
                SizeKind(r.size_kind),
                list(r.sizes or []),
                r.search_text,
            )
            for r in session.execute(
                select(
                    PpeItem.id,
                    PpeItem.name_kk,
                    PpeItem.name_ru,
                    PpeItem.size_kind,
                    PpeItem.sizes,
                    PpeItem.search_text,
                )
            )
        }


@dataclass(frozen=True)
class _Item:
    name: str  # in the window's language
    name_kk: str
    name_ru: str
    kind: SizeKind
    sizes: list[str]
    text: str  # search_text


def lines_into(
    rows: Iterable[Any], today: dt.date, names: Names, into: Held, descending: bool = False
) -> None:
    """DueLines of `rows` (of `line_query`) into `into`: a person's items by name.

    Runs on a worker for the whole list (thousands of lines): what belongs to the
    person is worked out once per person, the item's from the catalogue read once.
    """
    lines: list[DueLine] = []
    paths, positions, items = names.paths, names.positions, names.items
    people: dict[int, tuple[str, str, str, dict[SizeKind, str]]] = {}
    missing, overdue, soon = DueStatus.MISSING, DueStatus.OVERDUE, DueStatus.DUE_SOON
    for r in rows:
        (employee_id, item_id, quantity, wear_key, due, issue_id, last_issued, surname, name,
         patronymic, iin, personnel_no, unit_id, position_id, clothing, shoe, head, glove,
         sort_name, person_text) = r[-20:]  # fmt: skip
        person = people.get(employee_id)
        if person is None:
            sizes = {
                SizeKind.CLOTHING: clothing,
                SizeKind.SHOE: shoe,
                SizeKind.HEAD: head,
                SizeKind.GLOVE: glove,
            }
            person = people[employee_id] = (
                full_name(surname, name, patronymic),
                short_name(surname, name, patronymic),
                paths.get(unit_id or 0, ""),
                sizes,
            )
            into.person_text[employee_id] = person_text
            into.sort_names[employee_id] = sort_name
        rank, months = divmod(int(wear_key), WEAR_KEY)
        item = items[item_id]
        status = missing if due is None else overdue if due < today else soon
        lines.append(
            DueLine(
                employee_id=employee_id,
                person=person[0],
                short_person=person[1],
                iin=iin,
                personnel_no=personnel_no,
                unit_id=unit_id,
                unit=person[2],
                position=positions.get(position_id or 0, ""),
                item_id=item_id,
                item=item.name,
                item_kk=item.name_kk,
                item_ru=item.name_ru,
                size=size_for(item.kind, person[3], item.sizes),
                sized=item.kind is not SizeKind.NONE,
                quantity=int(quantity),
                status=status,
                due=due,
                last_issued=last_issued,
                wear=RANK_WEAR[rank],
                wear_months=months or None,
                issue_id=issue_id,
            )
        )
        into.item_text[item_id] = item.text
    # The rows come by person in name order; within a person, by item name.
    sort_names = into.sort_names
    lines.sort(key=lambda x: x.item.casefold())
    lines.sort(key=lambda x: (sort_names[x.employee_id], x.employee_id), reverse=descending)
    into.lines.extend(lines)
