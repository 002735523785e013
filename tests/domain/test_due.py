from __future__ import annotations

import datetime as dt

from safedesk.domain.due import DueItem, summarise

TODAY = dt.date(2026, 11, 28)


def test_summary_counts_overdue_and_due_soon_per_register() -> None:
    items = [
        DueItem("briefings", 1, "Repeated briefing", "A", TODAY - dt.timedelta(days=1)),
        DueItem("briefings", 2, "Repeated briefing", "B", TODAY),
        DueItem("ppe_issues", 3, "Helmet", "C", TODAY + dt.timedelta(days=30)),
        DueItem("ppe_issues", 4, "Helmet", "D", TODAY + dt.timedelta(days=31)),
    ]
    summary = summarise(items, TODAY).as_json()
    assert summary == {
        "overdue": 1,
        "due_30_days": 2,
        "by_register": {
            "briefings": {"overdue": 1, "due_30_days": 1},
            "ppe_issues": {"overdue": 0, "due_30_days": 1},
        },
    }
