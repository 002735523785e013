"""What is due: one shape for every register's deadlines, so the home page, the status bar
and `safedesk stats` can list briefings, checks, PPE, permits and actions together."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

DUE_SOON_DAYS = 30


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
    overdue: int
    due_30_days: int
    by_register: dict[str, dict[str, int]]

    def as_json(self) -> dict[str, object]:
        """The `due` part of `safedesk stats --json`."""
        return {
            "overdue": self.overdue,
            "due_30_days": self.due_30_days,
            "by_register": self.by_register,
        }


def summarise(items: list[DueItem], today: dt.date) -> DueSummary:
    summary = DueSummary(0, 0, {})
    for item in items:
        counts = summary.by_register.setdefault(item.register, {"overdue": 0, "due_30_days": 0})
        if item.overdue(today):
            summary.overdue += 1
            counts["overdue"] += 1
        elif item.due_soon(today):
            summary.due_30_days += 1
            counts["due_30_days"] += 1
    return summary
