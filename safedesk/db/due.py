"""Collecting what is due from every register that has deadlines.

Each register's service module offers
- `due_counts(session, today) -> DueCounts`: how many items are overdue and due within
  DUE_SOON_DAYS, counted by the database (aggregate queries, no rows loaded), and
- `due_items(session, today, limit=None, counts=None) -> list[DueItem]`: the items
  themselves, the most urgent first; with `limit`, at most that many of each urgency
  group (overdue, this week, within 30 days), chosen by the database (a window
  function's ORDER BY ... and a rank limit); `counts` (a DueCounts), when given,
  receives the same numbers as `due_counts`, counted in those queries.

Most registers describe their deadlines as `DueSource`s, queries with a `due` date
column, and get both functions from `count_sources` and `list_sources` here. The
registers are listed by import path, so that adding one is one line and nothing imports
what it does not use.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from sqlalchemy import Date, Integer, Select, and_, bindparam, case, func, select
from sqlalchemy.orm import Session

from safedesk.domain.accidents import KAZAKHSTAN
from safedesk.domain.due import (
    OVERDUE,
    THIS_WEEK,
    WITHIN_30_DAYS,
    DueCounts,
    DueItem,
    DueWindow,
    most_urgent,
)

PROVIDERS: tuple[str, ...] = (
    "safedesk.db.briefings",
    "safedesk.db.knowledge_checks",
    "safedesk.db.certificates",  # issue 4
    "safedesk.db.contractor_training",  # issue 4
    "safedesk.db.safety_days",  # issue 4
    "safedesk.db.insurance",
    "safedesk.db.near_misses",  # issue 8
    "safedesk.db.observations",  # issue 8
    "safedesk.db.accident_due",  # issue 8
    "safedesk.db.risk_assessments",  # issue 6
    "safedesk.db.ppe_due",  # issue 7
    "safedesk.db.ppe_equipment",  # issue 7
    "safedesk.db.permit_due",  # issue 5
)


# The day the queries of `DueSource`s are prepared for: a bind parameter, so that each
# statement is built once per process and run for any day (`today` given at execution).
DUE_TODAY: Any = bindparam("due_today", type_=Date())
DUE_SOON_END: Any = bindparam("due_soon_end", type_=Date())  # DueWindow.soon_end
Day = Any  # a date, or DUE_TODAY


@dataclass(frozen=True)
class DueSource:
    """One kind of deadline of a register, as a query.

    `query` selects one row per item with the item's deadline labelled `due` (rows with
    a NULL `due` are not due) and its row id labelled `record_id`, and whatever `item`
    needs to make the DueItem shown from a result row. The query need not filter by
    date: the window is applied around it, as comparisons with dates computed here.
    It may use DUE_TODAY and DUE_SOON_END for the day; `params` gives the values of any
    other bind parameter it has, for a day.

    `due` is a date column, or with `moment` a moment (stored in UTC) whose day in
    Kazakhstan is the deadline; then the deadline is `due + shift` (e.g. a gas test's
    interval after the last test), compared as `due` with the boundaries less `shift`.

    The statements that count and list are built once per source (sources are made once
    per process by their registers) and run with the day's parameters.
    """

    register: str
    query: Select[*tuple[Any, ...]]
    item: Callable[[Any], DueItem]
    moment: bool = False
    shift: dt.timedelta = dt.timedelta(0)
    params: Callable[[dt.date], dict[str, Any]] | None = None

    def bounds(self, window: DueWindow) -> tuple[Any, Any, Any]:
        """The starts of today, of the day after this week, of the day after the 30 days:
        due before the first is overdue; before the second, this week; before the
        third, due soon."""
        days = (
            window.today,
            window.week_end + dt.timedelta(days=1),
            window.soon_end + dt.timedelta(days=1),
        )
        if not self.moment:
            return days
        first, week, soon = (local_midnight(d) - self.shift for d in days)
        return first, week, soon

    def values(self, today: dt.date, limit: int | None = None) -> dict[str, Any]:
        """The bind parameters' values for `today`."""
        window = DueWindow(today)
        first, week, soon = self.bounds(window)
        found = {
            "due_today": today,
            "due_soon_end": window.soon_end,
            "due_first": first,
            "due_week": week,
            "due_soon": soon,
        }
        if limit is not None:
            found["due_limit"] = limit
        if self.params is not None:
            found.update(self.params(today))
        return found

    @cached_property
    def _inner(self) -> Any:
        return self.query.subquery()

    @cached_property
    def count_statement(self) -> Select[*tuple[Any, ...]]:
        """Overdue, due soon, due this week: one row."""
        due = self._inner.c.due
        first: Any = bindparam("due_first")
        week: Any = bindparam("due_week")
        soon: Any = bindparam("due_soon")
        return select(
            func.count(case((due < first, 1))),
            func.count(case((due >= first, 1))),
            func.count(case((and_(due >= first, due < week), 1))),
        ).where(due < soon)

    @cached_property
    def all_statement(self) -> Select[*tuple[Any, ...]]:
        """Every item due by the end of the window, most urgent first."""
        due, record_id = self._inner.c.due, self._inner.c.record_id
        return select(self._inner).where(due < bindparam("due_soon")).order_by(due, record_id)

    @cached_property
    def ranked_statement(self) -> Select[*tuple[Any, ...]]:
        """The first `due_limit` items of each urgency group, with the group's size."""
        due, record_id = self._inner.c.due, self._inner.c.record_id
        group = case(
            (due < bindparam("due_first"), OVERDUE),
            (due < bindparam("due_week"), THIS_WEEK),
            else_=WITHIN_30_DAYS,
        )
        ranked = (
            select(
                self._inner,
                group.label("due_group"),
                func.row_number()
                .over(partition_by=group, order_by=(due, record_id))
                .label("due_rank"),
                func.count().over(partition_by=group).label("due_total"),
            )
            .where(due < bindparam("due_soon"))
            .subquery()
        )
        return (
            select(ranked)
            .where(ranked.c.due_rank <= bindparam("due_limit", type_=Integer()))
            .order_by(ranked.c.due, ranked.c.record_id)
        )


def local_midnight(day: dt.date) -> dt.datetime:
    """The start of `day` in Kazakhstan as a UTC moment (how moments are stored)."""
    return dt.datetime.combine(day, dt.time(), tzinfo=KAZAKHSTAN).astimezone(dt.UTC)


def local_day(moment: dt.datetime) -> dt.date:
    return moment.astimezone(KAZAKHSTAN).date()


def count_sources(session: Session, sources: Iterable[DueSource], today: dt.date) -> DueCounts:
    """Overdue and due-soon items of every source: one aggregate query per source."""
    counts = DueCounts()
    for source in sources:
        row = session.execute(source.count_statement, source.values(today)).one()
        counts.add(source.register, int(row[0]), int(row[1]), int(row[2]))
    return counts


def list_sources(
    session: Session,
    sources: Iterable[DueSource],
    today: dt.date,
    limit: int | None,
    counts: DueCounts | None = None,
) -> list[DueItem]:
    """The items of every source due by the end of the window, most urgent first; with
    `limit`, the first `limit` of each urgency group of each source.

    `counts`, when given, receives the counts of every item due (as `count_sources`):
    with `limit` the database counts each group in the same query (a window count), so
    the home page reads its list and its numbers in one pass.
    """
    items: list[DueItem] = []
    for source in sources:
        if limit is None:
            rows = session.execute(source.all_statement, source.values(today))
            found = [source.item(row) for row in rows]
            if counts is not None:
                counts.merge(count_items(found, today))
            items.extend(found)
            continue
        totals = [0, 0, 0]
        for row in session.execute(source.ranked_statement, source.values(today, limit)):
            totals[int(row.due_group)] = int(row.due_total)
            items.append(source.item(row))
        if counts is not None:
            overdue, week, later = totals
            counts.add(source.register, overdue, week + later, week)
    return items


def count_items(items: Iterable[DueItem], today: dt.date) -> DueCounts:
    """The counts of items a register works out in Python (a handful at most)."""
    window = DueWindow(today)
    counts = DueCounts()
    for item in items:
        if item.due > window.soon_end:
            continue
        overdue = item.due < today
        week = not overdue and item.due <= window.week_end
        counts.add(item.register, int(overdue), int(not overdue), int(week))
    return counts


class SqlDue:
    """`due_counts` and `due_items` of a register whose deadlines are `DueSource` queries.

    The sources are built on first use and kept (building them costs milliseconds a
    call); the day is a parameter (DUE_TODAY), so one set serves every day.
    """

    def __init__(self, build: Callable[[Day], list[DueSource]]) -> None:
        self._build = build

    @cached_property
    def sources(self) -> list[DueSource]:
        return self._build(DUE_TODAY)

    def counts(self, session: Session, today: dt.date) -> DueCounts:
        return count_sources(session, self.sources, today)

    def items(
        self,
        session: Session,
        today: dt.date,
        limit: int | None = None,
        counts: DueCounts | None = None,
    ) -> list[DueItem]:
        return list_sources(session, self.sources, today, limit, counts)


def _providers() -> list[Any]:
    return [importlib.import_module(path) for path in PROVIDERS]


def due_counts(session: Session, today: dt.date) -> DueCounts:
    """How many items are overdue and due within 30 days, per register: every figure
    counted by the database."""
    counts = DueCounts()
    for provider in _providers():
        counts.merge(provider.due_counts(session, today))
    return counts


def due_items(
    session: Session,
    today: dt.date,
    limit: int | None = None,
    counts: DueCounts | None = None,
) -> list[DueItem]:
    """Every register's due and overdue items, most urgent first.

    With `limit`, at most `limit` items of each urgency group over all registers (each
    register gives its most urgent `limit`); without, every item (for the export).
    `counts`, when given, receives what `due_counts` would say, counted in the same
    queries.
    """
    items: list[DueItem] = []
    for provider in _providers():
        items.extend(provider.due_items(session, today, limit=limit, counts=counts))
    return most_urgent(items, today, limit)
