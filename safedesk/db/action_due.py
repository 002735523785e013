"""Deadlines of registers whose rows each carry one corrective action.

A near miss and an observation card both have an action with an owner, a deadline
(`action_due`) and a status; the action is due until it is closed. One source serves
both, so that the home page counts them by the same rule.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from safedesk.db.due import Day, DueSource, SqlDue
from safedesk.db.models import Employee
from safedesk.domain.due import DueItem
from safedesk.domain.incidents import ActionStatus
from safedesk.domain.people import short_name


def open_actions(register: str, what: str, model: Any) -> SqlDue:
    """`due_counts`/`due_items` of the actions of `model` not closed, by their deadline.

    `model` has `action_due`, `action_owner_id`, `status` and `deleted_at`; `what` is
    the message id the due list shows for one of them.
    """

    def item(row: Any) -> DueItem:
        who = short_name(row.surname, row.name, row.patronymic) if row.surname else ""
        return DueItem(register, row.record_id, what, who, row.due)

    def sources(today: Day) -> list[DueSource]:
        query = (
            select(
                model.id.label("record_id"),
                model.action_due.label("due"),
                Employee.surname,
                Employee.name,
                Employee.patronymic,
            )
            .outerjoin(Employee, model.action_owner_id == Employee.id)
            .where(model.deleted_at.is_(None), model.status != ActionStatus.CLOSED.value)
        )
        return [DueSource(register, query, item)]

    return SqlDue(sources)
