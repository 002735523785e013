"""The PPE due page's lines, worked out by the database (issue 12).

The same lines as `due_list` (statuses, due dates, quantities, sizes, last issued, the
issuance to open), from the SQL of `due_sources` with an employee restriction applied
inside its subqueries:

- `window(...)`: the lines of the next people in name order (`employees.sort_name`)
  who pass the page's filters: a first screen reads a hundred people's norms and
  issuances through the indexes on employee_id, not the whole enterprise's. The people
  are a LIMITed, keyset-paged CTE; the lines of a person never straddle two windows.
- `every_line(...)`: the whole enterprise's lines at once (about as long as the home
  page's count), for a page sorted by another column: computed off the GUI thread,
  then sorted and filtered in memory (`Held.matches`).
- `count_lines(...)`: how many lines pass the filters.

The text filter matches a line when the person's search text (name, IIN, personnel
No.) or the item's (its names in both languages, code, standard) contains the typed
text, folded as `search_text` folds it: the same rule in SQL and in memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import Integer, Select, String, and_, bindparam, case, func, or_, select, tuple_
from sqlalchemy.orm import Session, aliased

from safedesk.db.due import DUE_SOON_END, DUE_TODAY
from safedesk.db.models import (
    Employee,
    PpeIssue,
    PpeItem,
    PpeNormLine,
    PpeNormSet,
    PpePersonalNorm,
    PpePositionNorm,
    PpeReturn,
)
from safedesk.db.ppe_due import (
    WEAR_RANK,
    at_work,
    due_lines,
    entitled_and_held,
)
from safedesk.db.ppe_due_held import (
    NO_FILTER,
    DueFilter,
    Held,
    Names,
    PersonKey,
    Window,
    lines_into,
)
from safedesk.domain.due import DUE_SOON_DAYS
from safedesk.domain.ppe import Wear

# The statements are built once per shape of filter and order (`_statement`), with the
# day, the typed text, the units and the window's start as bind parameters: a window
# or a reload only binds new values, SQLAlchemy finds the compiled form at once.
TEXT = bindparam("due_text", type_=String())  # the folded text, LIKE-escaped
UNITS = bindparam("due_units", expanding=True, type_=Integer())
AFTER_NAME = bindparam("due_after_name", type_=String())
AFTER_ID = bindparam("due_after_id", type_=Integer())
LIMIT = bindparam("due_limit", type_=Integer())
ESCAPE = "/"


def _like(text: str) -> str:
    return text.replace(ESCAPE, ESCAPE * 2).replace("%", ESCAPE + "%").replace("_", ESCAPE + "_")


@dataclass(frozen=True)
class Shape:
    """What a statement's filters and order are made of (not their values)."""

    text: bool = False
    units: bool = False
    after: bool = False
    descending: bool = False
    limited: bool = False


def _people(shape: Shape) -> Select[Any]:
    """The people (id, sort_name) who may have lines that pass the filters, by name."""
    query: Any = select(Employee.id, Employee.sort_name).where(
        *at_work(DUE_TODAY, None)  # type: ignore[arg-type]
    )
    if shape.units:
        query = query.where(Employee.unit_id.in_(UNITS))
    if shape.text:
        # The person matches, or the position's norm or a personal addition names an
        # item that matches: a superset of the people with a matching line.
        items = select(PpeItem.id).where(PpeItem.search_text.contains(TEXT, escape=ESCAPE))
        positions = (
            select(PpePositionNorm.position_id)
            .join(PpeNormLine, PpeNormLine.norm_set_id == PpePositionNorm.norm_set_id)
            .join(PpeNormSet, PpeNormSet.id == PpeNormLine.norm_set_id)
            .where(
                PpeNormLine.item_id.in_(items),
                PpeNormLine.deleted_at.is_(None),
                PpeNormSet.deleted_at.is_(None),
            )
        )
        personal = select(PpePersonalNorm.employee_id).where(
            PpePersonalNorm.item_id.in_(items), PpePersonalNorm.deleted_at.is_(None)
        )
        query = query.where(
            or_(
                Employee.search_text.contains(TEXT, escape=ESCAPE),
                Employee.position_id.in_(positions),
                Employee.id.in_(personal),
            )
        )
    if shape.after:
        key, start = tuple_(Employee.sort_name, Employee.id), tuple_(AFTER_NAME, AFTER_ID)
        query = query.where(key < start if shape.descending else key > start)
    if shape.descending:
        query = query.order_by(Employee.sort_name.desc(), Employee.id.desc())
    else:
        query = query.order_by(Employee.sort_name, Employee.id)
    if shape.limited:
        query = query.limit(LIMIT).offset(0)
    return query  # type: ignore[no-any-return]


def line_query(people: Any | None, shape: Shape) -> Select[Any]:
    """The due lines of `people` (a SELECT of employee ids; None: everybody) that pass
    the filters of `shape`, by person in name order (the items of a person are ordered
    by `_lines`, in the window's language). Bound: DUE_TODAY, DUE_SOON_END, TEXT, UNITS.
    """
    entitled, held = entitled_and_held(DUE_TODAY, DUE_SOON_END, people)
    replacement = and_(entitled.c.rank == WEAR_RANK[Wear.MONTHS], held.c.first_due.is_not(None))
    last_issued = (
        select(func.max(PpeIssue.issue_date))
        .where(
            PpeIssue.employee_id == entitled.c.employee_id,
            PpeIssue.item_id == entitled.c.item_id,
            PpeIssue.deleted_at.is_(None),
        )
        .scalar_subquery()
    )
    # The issuance that falls due (the first of them): open, in use, due on that day.
    falling_issue = aliased(PpeIssue)
    returned = (
        select(func.coalesce(func.sum(PpeReturn.quantity), 0))
        .where(PpeReturn.issue_id == falling_issue.id, PpeReturn.deleted_at.is_(None))
        .correlate(falling_issue)
        .scalar_subquery()
    )
    falling = (
        select(func.min(falling_issue.id))
        .where(
            falling_issue.employee_id == entitled.c.employee_id,
            falling_issue.item_id == entitled.c.item_id,
            falling_issue.closed_on.is_(None),
            falling_issue.deleted_at.is_(None),
            falling_issue.due_date == held.c.first_due,
            falling_issue.quantity - returned > 0,
        )
        .scalar_subquery()
    )
    query = due_lines(
        entitled,
        held,
        entitled.c.employee_id,
        entitled.c.item_id,
        (entitled.c.quantity - func.coalesce(held.c.valid, 0)).label("quantity"),
        entitled.c.wear_key,
        case((replacement, held.c.first_due)).label("due"),
        case((replacement, falling)).label("issue_id"),
        last_issued.label("last_issued"),
        Employee.surname,
        Employee.name,
        Employee.patronymic,
        Employee.iin,
        Employee.personnel_no,
        Employee.unit_id,
        Employee.position_id,
        Employee.clothing_size,
        Employee.shoe_size,
        Employee.head_size,
        Employee.glove_size,
        Employee.sort_name,
        Employee.search_text.label("person_text"),
    )
    if shape.text:
        query = query.where(
            or_(
                Employee.search_text.contains(TEXT, escape=ESCAPE),
                PpeItem.search_text.contains(TEXT, escape=ESCAPE),
            )
        )
    if shape.units and people is None:
        query = query.where(Employee.unit_id.in_(UNITS))
    if shape.descending:
        return query.order_by(Employee.sort_name.desc(), Employee.id.desc())
    return query.order_by(Employee.sort_name, Employee.id)


@cache
def _statement(kind: str, shape: Shape) -> Select[Any]:
    """The statement of `kind` for `shape`, built once per process."""
    if kind == "people":
        return _people(shape)
    if kind == "window":
        # The LIMITed window of people, each with their lines (or one row of NULLs):
        # the people are walked once, and the window's end is known even when its last
        # people have no line.
        people = _people(shape).cte("due_people")
        lines = line_query(select(people.c.id), shape).order_by(None).subquery()
        order = (people.c.sort_name, people.c.id)
        return (
            select(people.c.id.label("window_id"), people.c.sort_name.label("window_name"), lines)
            .select_from(people.outerjoin(lines, lines.c.employee_id == people.c.id))
            .order_by(*(c.desc() for c in order) if shape.descending else order)
        )
    if kind == "some":  # the lines of the people given (UNITS holds their ids)
        return line_query(select(Employee.id).where(Employee.id.in_(UNITS)), Shape())
    if kind == "every":
        return line_query(None, shape)
    if kind == "count":
        narrowed: Any = None
        if shape.text or shape.units:
            narrowed = _people(shape).with_only_columns(Employee.id)
        counted = line_query(narrowed, shape).order_by(None).subquery()
        return select(func.count()).select_from(counted)
    raise ValueError(kind)


def _params(
    today: dt.date,
    flt: DueFilter,
    after: PersonKey | None = None,
    limit: int | None = None,
) -> dict[str, Any]:
    found: dict[str, Any] = {
        "due_today": today,
        "due_soon_end": today + dt.timedelta(days=DUE_SOON_DAYS),
    }
    if flt.folded:
        found["due_text"] = _like(flt.folded)
    if flt.unit_ids is not None:
        found["due_units"] = sorted(flt.unit_ids)
    if after is not None:
        found["due_after_name"], found["due_after_id"] = after
    if limit is not None:
        found["due_limit"] = limit
    return found


def _shape(flt: DueFilter, after: PersonKey | None = None, descending: bool = False,
           limited: bool = False) -> Shape:  # fmt: skip
    return Shape(bool(flt.folded), flt.unit_ids is not None, after is not None, descending, limited)


def window(
    session: Session,
    today: dt.date,
    flt: DueFilter,
    after: PersonKey | None,
    limit: int,
    descending: bool = False,
    names: Names | None = None,
) -> Window:
    """The lines of the next `limit` people after `after` in name order who pass `flt`.

    One statement: the window of people is a LIMITed CTE inside it, so that their
    norms and issuances alone are read.
    """
    shape = _shape(flt, after, descending, limited=True)
    rows = session.execute(_statement("window", shape), _params(today, flt, after, limit)).all()
    found = Window()
    if not rows:
        return found
    found.last = (str(rows[-1].window_name), int(rows[-1].window_id))
    found.people = len({r.window_id for r in rows})
    lines = [r for r in rows if r.item_id is not None]
    lines_into(lines, today, names or Names(session), found, descending)
    return found


def every_line(session: Session, today: dt.date, flt: DueFilter = NO_FILTER) -> Held:
    """Every line that passes `flt` (by default the whole enterprise's), in name order."""
    found = Held()
    rows = session.execute(_statement("every", _shape(flt)), _params(today, flt)).all()
    lines_into(rows, today, Names(session), found)
    return found


def lines_of(session: Session, today: dt.date, employee_ids: Sequence[int]) -> Held:
    """The lines of these people (say, the ones an issuance just changed), in name order."""
    found = Held()
    params = _params(today, DueFilter()) | {"due_units": sorted(set(employee_ids))}
    rows = session.execute(_statement("some", Shape()), params).all()
    lines_into(rows, today, Names(session), found)
    return found


def count_lines(session: Session, today: dt.date, flt: DueFilter = NO_FILTER) -> int:
    """How many lines pass `flt`."""
    return int(session.scalar(_statement("count", _shape(flt)), _params(today, flt)) or 0)
