"""Check sessions (the commission's protocol) and their results; evidence once signed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.audit import record, snapshot
from safedesk.db.check_commissions import member_ids, members_without_check
from safedesk.db.knowledge_checks import check_months_for
from safedesk.db.models import CheckCommission, CheckResult, CheckSession, Employee
from safedesk.db.rows import check_version, get_row, insert, refuse, update
from safedesk.db.types import utcnow
from safedesk.domain.people import full_name
from safedesk.domain.training import CheckKind, CheckOutcome, check_valid_until
from safedesk.errors import Problem, ReadOnlyRecord
from safedesk.i18n import N_


@dataclass
class ResultFields:
    employee_id: int
    outcome: CheckOutcome = CheckOutcome.PASSED
    certificate_no: str = ""
    note: str = ""


@dataclass
class SessionFields:
    number: str
    held_on: dt.date
    kind: CheckKind
    commission_id: int | None = None
    external_body: str = ""
    programme: str = ""
    note: str = ""
    results: list[ResultFields] = field(default_factory=list)


def session_problems(
    session: Session, fields: SessionFields, today: dt.date, session_id: int | None = None
) -> list[Problem]:
    found: list[Problem] = []
    if not fields.number.strip():
        found.append(Problem("number", N_("The protocol number is required.")))
    if fields.held_on > today:
        found.append(
            Problem("held_on", N_("Check date {date} is in the future."), {"date": fields.held_on})
        )
    commission = (
        session.get(CheckCommission, fields.commission_id) if fields.commission_id else None
    )
    if commission is None or commission.deleted_at is not None:
        if not fields.external_body.strip():
            found.append(
                Problem(
                    "commission_id",
                    N_("Choose the commission, or name the outside body whose protocol this is."),
                )
            )
    else:
        found += members_without_check(
            session, [commission.chair_id], fields.held_on, "commission_id"
        )
        found += members_without_check(
            session, member_ids(session, commission.id), fields.held_on, "commission_id"
        )
    people = [r.employee_id for r in fields.results]
    if len(set(people)) != len(people):
        found.append(Problem("results", N_("A person is listed twice.")))
    for number, r in enumerate(fields.results, start=1):
        e = session.get(Employee, r.employee_id)
        if e is None or e.deleted_at is not None:
            found.append(
                Problem("results", N_("Row {row}: the employee does not exist."), {"row": number})
            )
        elif e.hire_date is not None and fields.held_on < e.hire_date:
            found.append(
                Problem(
                    "results",
                    N_("Row {row}: {person} was hired on {hired}, after the check."),
                    {
                        "row": number,
                        "person": full_name(e.surname, e.name, e.patronymic),
                        "hired": e.hire_date,
                    },
                )
            )
    return found


def _header(fields: SessionFields) -> dict[str, Any]:
    return {
        "number": fields.number.strip(),
        "held_on": fields.held_on,
        "kind": fields.kind.value,
        "commission_id": fields.commission_id,
        "external_body": fields.external_body.strip(),
        "programme": fields.programme.strip(),
        "note": fields.note.strip(),
    }


def _valid_until(session: Session, employee_id: int, on: dt.date, outcome: CheckOutcome) -> Any:
    if outcome is not CheckOutcome.PASSED:
        return None
    months = check_months_for(session, employee_id, on)
    return check_valid_until(on, months) if months else None


def protocol_copies(row: CheckSession) -> dict[str, Any]:
    """What each result keeps of its protocol (for the register's order): see CheckResult."""
    return {
        "protocol_no": row.number,
        "protocol_kind": row.kind,
        "protocol_signed_on": row.signed_on,
    }


def _delete(session: Session, row: Any) -> None:
    before = snapshot(row)
    session.delete(row)
    session.flush()
    record(session, "delete", row, before)


def _save_results(session: Session, row: CheckSession, results: list[ResultFields]) -> None:
    """Make the protocol's rows what `results` says; a computer test's evidence is kept."""
    existing = {
        r.employee_id: r
        for r in session.scalars(select(CheckResult).where(CheckResult.session_id == row.id))
    }
    wanted = {r.employee_id for r in results}
    for employee_id, old in existing.items():
        if employee_id not in wanted:
            _delete(session, old)
    user = str(session.info.get("user", ""))
    for r in results:
        values = {
            "checked_on": row.held_on,
            "outcome": r.outcome.value,
            "certificate_no": r.certificate_no.strip(),
            "note": r.note.strip(),
            "valid_until": _valid_until(session, r.employee_id, row.held_on, r.outcome),
            **protocol_copies(row),
        }
        if r.employee_id in existing:
            update(session, existing[r.employee_id], values)
        else:
            new = CheckResult(session_id=row.id, employee_id=r.employee_id, created_by=user)
            for key, value in values.items():
                setattr(new, key, value)
            insert(session, new)


def add_session(
    session: Session, fields: SessionFields, today: dt.date | None = None
) -> CheckSession:
    refuse(session_problems(session, fields, today or dt.date.today()))
    row = CheckSession(**_header(fields), created_by=str(session.info.get("user", "")))
    insert(session, row)
    _save_results(session, row, fields.results)
    return row


def _editable(session: Session, session_id: int, version: int | None) -> CheckSession:
    row = get_row(session, CheckSession, session_id, N_("Protocol"))
    check_version(row, version)
    if row.signed_on is not None:
        raise ReadOnlyRecord()
    return row


def update_session(
    session: Session,
    session_id: int,
    version: int | None,
    fields: SessionFields,
    today: dt.date | None = None,
) -> CheckSession:
    row = _editable(session, session_id, version)
    refuse(session_problems(session, fields, today or dt.date.today(), session_id))
    update(session, row, _header(fields))
    _save_results(session, row, fields.results)
    return row


def sign_session(session: Session, session_id: int, version: int | None, on: dt.date) -> None:
    """The commission has signed the protocol: from now on it is evidence."""
    row = _editable(session, session_id, version)
    if not row.results:
        refuse([Problem("results", N_("A protocol without people cannot be signed."))])
    if on < row.held_on:
        refuse(
            [
                Problem(
                    "signed_on",
                    N_("The protocol cannot be signed ({date}) before the check ({held})."),
                    {"date": on, "held": row.held_on},
                )
            ]
        )
    update(session, row, {"signed_on": on})
    signed = select(CheckResult).where(CheckResult.session_id == row.id)
    for r in session.scalars(signed).all():
        update(session, r, protocol_copies(row))


def delete_session(session: Session, session_id: int, version: int | None) -> None:
    """Only an unsigned protocol may go; its rows go with it."""
    row = _editable(session, session_id, version)
    for r in list(session.scalars(select(CheckResult).where(CheckResult.session_id == row.id))):
        _delete(session, r)
    update(session, row, {"deleted_at": utcnow()})


def record_test(
    session: Session,
    session_id: int,
    employee_id: int,
    *,
    passed: bool,
    score: float,
    evidence: dict[str, Any],
) -> CheckResult:
    """A computer test's outcome as the person's row of an unsigned protocol."""
    row = _editable(session, session_id, None)
    outcome = CheckOutcome.PASSED if passed else CheckOutcome.RECHECK
    e = session.get(Employee, employee_id)
    if e is None or e.deleted_at is not None:
        refuse([Problem("employee_id", N_("Choose the employee who takes the test."))])
    values = {
        "checked_on": row.held_on,
        "outcome": outcome.value,
        "score": score,
        "test": evidence,
        "valid_until": _valid_until(session, employee_id, row.held_on, outcome),
        **protocol_copies(row),
    }
    existing = session.scalars(
        select(CheckResult).where(
            CheckResult.session_id == row.id, CheckResult.employee_id == employee_id
        )
    ).first()
    if existing is not None:
        update(session, existing, values)
        return existing
    new = CheckResult(
        session_id=row.id, employee_id=employee_id, created_by=str(session.info.get("user", ""))
    )
    for key, value in values.items():
        setattr(new, key, value)
    insert(session, new)
    return new
