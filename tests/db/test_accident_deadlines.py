"""The accident deadline periods as editable reference data (DESIGN §3)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from safedesk.db.accident_deadlines import (
    MissingDeadlineRule,
    deadline_rules,
    list_rules,
    update_rule,
)
from safedesk.db.accidents import register_accident, steps_of
from safedesk.db.engine import Database
from safedesk.db.models import AccidentDeadlineRule, AuditEntry
from safedesk.domain.accident_deadlines import RuleCode, seed_rule_data, seed_rules
from safedesk.domain.accidents import StepKey
from safedesk.errors import InvalidInput, StaleRecord
from tests.db.incident_helpers import staff
from tests.db.test_accidents import NOW, fields

D = dt.date


def _rule(db: Database, code: RuleCode) -> AccidentDeadlineRule:
    with db.session() as s:
        row = s.scalar(select(AccidentDeadlineRule).where(AccidentDeadlineRule.code == code))
        assert row is not None
        return row


def test_seeded_rows_carry_basis_edition_and_the_old_periods(db: Database) -> None:
    with db.session() as s:
        rows = list_rules(s)
        rules = deadline_rules(s)
    assert [r.code for r in rows] == [c.value for c in RuleCode]
    assert all("186–190" in r.legal_basis and r.edition_date is not None for r in rows)
    assert (
        rules.notify_hours,
        rules.commission_hours,
        rules.investigation_working_days,
        rules.act_working_days,
    ) == (24, 24, 10, 3)
    assert rules == seed_rules()
    special = {r.code: r for r in rows}[RuleCode.SPECIAL_INVESTIGATION]
    assert special.to_check and not {r.code: r for r in rows}[RuleCode.ACT].to_check
    assert len(rows) == len(seed_rule_data()["rules"])


def test_seeded_table_gives_the_same_deadlines_as_before(db: Database) -> None:
    unit_id, people = staff(db)
    with db.write() as s:
        row = register_accident(s, fields(unit_id, people), NOW)
        steps = {st.key: st.due for st in steps_of(s, row)}
    # As with the periods once in code: 24 h, 24 h, 10 and 3 working days, Kurban ait skipped.
    assert steps == {
        StepKey.NOTIFY: D(2026, 5, 23),
        StepKey.COMMISSION: D(2026, 5, 23),
        StepKey.INVESTIGATION: D(2026, 6, 8),
        StepKey.ACT: D(2026, 6, 11),
    }


def test_a_changed_rule_changes_a_computed_deadline(db: Database) -> None:
    unit_id, people = staff(db)
    with db.write() as s:
        row = register_accident(s, fields(unit_id, people), NOW)
        before = {st.key: st.due for st in steps_of(s, row)}
    rule = _rule(db, RuleCode.ACT)
    with db.write() as s:
        update_rule(
            s,
            rule.id,
            rule.version,
            value=5,
            legal_basis="Labour Code of the RK art. 189 (new edition)",
            edition_date=D(2026, 1, 1),
        )
    with db.session() as s:
        after = {st.key: st.due for st in steps_of(s, s.merge(row))}
        entry = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.table_name == "accident_deadline_rules")
            .order_by(AuditEntry.id.desc())
        ).first()
    assert after[StepKey.INVESTIGATION] == before[StepKey.INVESTIGATION]
    assert after[StepKey.ACT] > before[StepKey.ACT]
    assert entry is not None and entry.action == "update" and entry.row_id == rule.id


@pytest.mark.parametrize(
    ("code", "value", "basis", "edition", "field"),
    [
        (RuleCode.NOTIFY, 0, "Labour Code", D(2024, 1, 1), "value"),
        (RuleCode.INVESTIGATION, 61, "Labour Code", D(2024, 1, 1), "value"),
        (RuleCode.ACT, 3, "  ", D(2024, 1, 1), "legal_basis"),
        (RuleCode.COMMISSION, 24, "Labour Code", None, "edition_date"),
        (RuleCode.COMMISSION, 24, "Labour Code", D(2099, 1, 1), "edition_date"),
    ],
)
def test_invalid_values_are_refused_naming_the_field(
    db: Database, code: RuleCode, value: int, basis: str, edition: D | None, field: str
) -> None:
    rule = _rule(db, code)
    with pytest.raises(InvalidInput) as e, db.write() as s:
        update_rule(s, rule.id, rule.version, value=value, legal_basis=basis, edition_date=edition)
    assert e.value.fields() == {field}
    assert _rule(db, code).value == rule.value  # nothing written


def test_stale_edit_is_refused(db: Database) -> None:
    rule = _rule(db, RuleCode.NOTIFY)
    with pytest.raises(StaleRecord), db.write() as s:
        update_rule(
            s, rule.id, rule.version + 1, value=24, legal_basis="x", edition_date=D(2024, 1, 1)
        )


def test_a_missing_rule_is_an_error_not_a_default(db: Database) -> None:
    rule = _rule(db, RuleCode.COMMISSION)
    with db.write() as s:
        s.delete(s.get(AccidentDeadlineRule, rule.id))
    with pytest.raises(MissingDeadlineRule), db.session() as s:
        deadline_rules(s)
