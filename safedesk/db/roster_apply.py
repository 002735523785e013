"""Writing a roster import plan: through the employee services, in one transaction.

Every rule and the audit trail apply exactly as they do in the employee dialog, and a
failure or a cancel leaves the database as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.employees import add_employee, update_employee
from safedesk.db.engine import Database
from safedesk.db.models import Employee
from safedesk.db.positions import find_or_create_position, list_positions
from safedesk.db.roster_import import (
    IN_CHUNK,
    Action,
    ImportPlan,
    NameIndex,
    Progress,
    RowsRejected,
)
from safedesk.db.units import find_or_create_unit, list_units
from safedesk.errors import InvalidInput, SafeDeskError
from safedesk.i18n import N_


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int
    rejected: int  # rows skipped because of their problems (only with skip_invalid)
    units_created: int
    positions_created: int
    employee_ids: list[int]  # added and updated, in file order


class ImportCancelled(SafeDeskError):
    """`progress` returned False: the transaction was rolled back, nothing was written."""

    msgid = N_("The import was cancelled; nothing was written.")


def _keep_going(progress: Progress | None, done: int, total: int, step: int) -> bool:
    if progress is None or (done % step and done != total):
        return True
    return progress(done, total)


def apply_import(
    db: Database, plan: ImportPlan, *, skip_invalid: bool, progress: Progress | None = None
) -> ImportResult:
    """Write `plan` in one transaction and say what was done.

    Raises `RowsRejected` (nothing written) when the plan has rejected rows and
    `skip_invalid` is False, or when a row breaks a rule at write time (someone added
    the same IIN since the plan was made). `progress(done, total)` is called as rows
    are written; when it returns False the transaction is rolled back and
    `ImportCancelled` is raised. An employee edited by someone else since the plan was
    made raises `StaleRecord`, also with nothing written.
    """
    if plan.rejected and not skip_invalid:
        raise RowsRejected(plan.rejected)
    todo = [r for r in plan.rows if r.action in (Action.ADD, Action.UPDATE)]
    total = len(todo)
    step = max(1, total // 200)  # a progress bar needs no more than ~200 steps
    if not _keep_going(progress, 0, total, step):
        raise ImportCancelled()
    ids: list[int] = []
    with db.write() as session:
        units = NameIndex(list_units(session))
        positions = NameIndex(list_positions(session))
        # Held in a list: the session keeps only weak references, and update_employee
        # finds a loaded row without a query.
        loaded = _load(session, [r.employee_id for r in todo if r.employee_id is not None])
        for done, planned in enumerate(todo, start=1):
            fields = replace(planned.fields)
            if planned.source.unit_name:
                fields.unit_id = units.id_of(session, planned.source.unit_name, find_or_create_unit)
            if planned.source.position_name:
                fields.position_id = positions.id_of(
                    session, planned.source.position_name, find_or_create_position
                )
            try:
                if planned.employee_id is None:
                    employee = add_employee(session, fields, plan.today)
                else:
                    employee = update_employee(
                        session, planned.employee_id, planned.version, fields, plan.today
                    )
            except InvalidInput as e:
                rejected = replace(planned, action=Action.REJECT, problems=e.problems)
                raise RowsRejected([rejected]) from e
            ids.append(employee.id)
            if not _keep_going(progress, done, total, step):
                raise ImportCancelled()
        del loaded
    return ImportResult(
        added=len(plan.with_action(Action.ADD)),
        updated=len(plan.with_action(Action.UPDATE)),
        unchanged=len(plan.with_action(Action.UNCHANGED)),
        rejected=len(plan.rejected),
        units_created=units.created,
        positions_created=positions.created,
        employee_ids=ids,
    )


def _load(session: Session, ids: Sequence[int]) -> list[Employee]:
    loaded: list[Employee] = []
    for start in range(0, len(ids), IN_CHUNK):
        chunk = ids[start : start + IN_CHUNK]
        loaded.extend(session.scalars(select(Employee).where(Employee.id.in_(chunk))))
    return loaded
