"""What is due: one shape for every register's deadlines, so the home page, the status bar
and `safedesk stats` can list briefings, checks, PPE, permits and actions together."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

DUE_SOON_DAYS = 30
DUE_WEEK_DAYS = 7  # the home page's "this week" group


@dataclass(frozen=True)
class DueWindow:
    """The dates that sort deadlines on `today`: before `today` is overdue; from `today`
    to `week_end` is this week; to `soon_end` (inclusive) is due soon; later is not due.

    The database compares its date columns with these dates, so the same rule holds in
    Python and in SQL (SQLite and PostgreSQL alike) without date arithmetic in SQL.
    """

    today: dt.date
    days: int = DUE_SOON_DAYS

    @property
    def soon_end(self) -> dt.date:
        return self.today + dt.timedelta(days=self.days)

    @property
    def week_end(self) -> dt.date:
        return self.today + dt.timedelta(days=DUE_WEEK_DAYS)


# The home page's urgency groups, in their order.
OVERDUE, THIS_WEEK, WITHIN_30_DAYS = 0, 1, 2
GROUPS = (OVERDUE, THIS_WEEK, WITHIN_30_DAYS)


def group_of(due: dt.date, today: dt.date) -> int:
    """The urgency group of a deadline: overdue, this week, or later within 30 days."""
    if due < today:
        return OVERDUE
    if due <= today + dt.timedelta(days=DUE_WEEK_DAYS):
        return THIS_WEEK
    return WITHIN_30_DAYS


@dataclass(frozen=True)
class DueItem:
    register: str  # the stats key of the register: "briefings", "ppe_issues", ...
    record_id: int  # the row to open
    what: str  # message id of the kind of deadline, e.g. N_("Repeated briefing")
    who: str  # the person or unit it concerns, as shown
    due: dt.date

    def overdue(self, today: dt.date) -> bool:
        return self.due < today

    def due_soon(self, today: dt.date, days: int = DUE_SOON_DAYS) -> bool:
        return today <= self.due <= today + dt.timedelta(days=days)


@dataclass
class DueSummary:
    """How many deadlines are overdue and due within 30 days, in all and per register.

    `due_7_days` (of `due_30_days`, due from today to a week ahead) sizes the home page's
    "this week" group; it is not part of `as_json`.
    """

    overdue: int = 0
    due_30_days: int = 0
    by_register: dict[str, dict[str, int]] = field(default_factory=dict)
    due_7_days: int = 0

    def add(self, register: str, overdue: int, soon: int, week: int = 0) -> None:
        """Counts of one register (or one more part of it); nothing when both are zero."""
        if not overdue and not soon:
            return
        counts = self.by_register.setdefault(register, {"overdue": 0, "due_30_days": 0})
        counts["overdue"] += overdue
        counts["due_30_days"] += soon
        self.overdue += overdue
        self.due_30_days += soon
        self.due_7_days += week

    def merge(self, other: DueSummary) -> DueSummary:
        for register, counts in other.by_register.items():
            self.add(register, counts["overdue"], counts["due_30_days"])
        self.due_7_days += other.due_7_days
        return self

    def in_group(self, group: int) -> int:
        """How many items the home page's urgency group holds."""
        if group == OVERDUE:
            return self.overdue
        if group == THIS_WEEK:
            return self.due_7_days
        return self.due_30_days - self.due_7_days

    def as_json(self) -> dict[str, object]:
        """The `due` part of `safedesk stats --json`."""
        return {
            "overdue": self.overdue,
            "due_30_days": self.due_30_days,
            "by_register": self.by_register,
        }


# What the registers' `due_counts` return: the same numbers, counted by the database.
DueCounts = DueSummary


def summarise(items: list[DueItem], today: dt.date) -> DueSummary:
    """The counts of a list of items (the rule `due_counts` follows in SQL)."""
    summary = DueSummary()
    week_end = today + dt.timedelta(days=DUE_WEEK_DAYS)
    for item in items:
        counts = summary.by_register.setdefault(item.register, {"overdue": 0, "due_30_days": 0})
        if item.overdue(today):
            summary.overdue += 1
            counts["overdue"] += 1
        elif item.due_soon(today):
            summary.due_30_days += 1
            counts["due_30_days"] += 1
            if item.due <= week_end:
                summary.due_7_days += 1
    return summary


def most_urgent(items: list[DueItem], today: dt.date, limit: int | None) -> list[DueItem]:
    """The items most urgent first, at most `limit` of each urgency group (all: None);
    items due after the 30 days are left out."""
    window = DueWindow(today)
    ordered = sorted(
        (i for i in items if i.due <= window.soon_end),
        key=lambda i: (i.due, i.register, i.record_id),
    )
    if limit is None:
        return ordered
    taken = [0, 0, 0]
    kept: list[DueItem] = []
    for item in ordered:
        group = group_of(item.due, today)
        if taken[group] < limit:
            taken[group] += 1
            kept.append(item)
    return kept
