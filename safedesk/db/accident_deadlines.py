"""The periods of the accident investigation: reference data the user may edit.

Seeded by migration 0009 from resources/reference/accident_deadlines.json (Labour Code
of the RK art. 186–190); each row keeps its legal basis and edition date. The deadline
functions in domain/accidents.py stay pure: they take the `DeadlineRules` built here.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.models import AccidentDeadlineRule
from safedesk.db.rows import check_version, get_row, refuse, update
from safedesk.domain.accident_deadlines import RULE_LABELS, DeadlineRules, RuleCode, rule_complaints
from safedesk.errors import SafeDeskError
from safedesk.i18n import N_

WHAT = N_("Accident deadline rule")


class MissingDeadlineRule(SafeDeskError):
    msgid = N_("The accident deadline rule {code} is missing; restore it under Accident deadlines.")


def list_rules(session: Session) -> list[AccidentDeadlineRule]:
    """The rows in the order the steps are taken."""
    order = {code.value: n for n, code in enumerate(RuleCode)}
    rows = session.scalars(select(AccidentDeadlineRule))
    return sorted(rows, key=lambda r: order.get(r.code, len(order)))


def deadline_rules(session: Session) -> DeadlineRules:
    """The rules as the domain takes them; a missing row is an error, never a default."""
    rows = {r.code: r for r in session.scalars(select(AccidentDeadlineRule))}
    for code in RuleCode:
        if code.value not in rows:
            raise MissingDeadlineRule(code=code.value)
    bases = sorted({r.legal_basis for r in rows.values() if r.legal_basis})
    return DeadlineRules.from_values({c: r.value for c, r in rows.items()}, "; ".join(bases))


def update_rule(
    session: Session,
    rule_id: int,
    version: int | None,
    *,
    value: int,
    legal_basis: str,
    edition_date: dt.date | None,
    to_check: bool = False,
    note: str = "",
    today: dt.date | None = None,
) -> AccidentDeadlineRule:
    """Change a period; its legal basis and edition are kept beside it, audited."""
    row = get_row(session, AccidentDeadlineRule, rule_id, WHAT)
    check_version(row, version)
    refuse(rule_complaints(row.code, value, legal_basis, edition_date, today or dt.date.today()))
    update(
        session,
        row,
        {
            "value": value,
            "legal_basis": legal_basis.strip(),
            "edition_date": edition_date,
            "to_check": to_check,
            "note": note.strip(),
        },
    )
    return row


def rule_label(code: str) -> str:
    """The English msgid naming a rule (translate it with `_`)."""
    return RULE_LABELS[RuleCode(code)] if code in RuleCode._value2member_map_ else code
