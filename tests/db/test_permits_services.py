"""Permit services on a real database: a permit walked from draft to closed, the gate
refusing and explaining, overrides audited, evidence read-only, locks held once."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from safedesk.db.engine import Database
from safedesk.db.models import (
    AuditEntry,
    Briefing,
    Permit,
    PermitOverride,
    PermitShift,
    PermitTransition,
)
from safedesk.db.permit_due import due_items
from safedesk.db.permit_entries import (
    GasTestFields,
    add_gas_test,
    admit_shift,
    apply_isolation,
    end_shift,
    remove_isolation,
)
from safedesk.db.permit_steps import GateRefused, extend, take_step
from safedesk.db.permit_work import add_crew_member, record_briefing, remove_crew_member
from safedesk.db.permits import (
    IsolationPoint,
    PersonRef,
    copy_permit,
    create_permit,
    delete_draft,
    fields_of,
    update_permit,
)
from safedesk.domain.permit_gas import Gas
from safedesk.domain.permit_gate import GateCode
from safedesk.domain.permits import Action, PermitState
from safedesk.errors import InvalidInput, ReadOnlyRecord

sys.path.insert(0, str(Path(__file__).parent))
from permits_setup import END, START, Staff, confined_space, staff

AIR = {Gas.O2: "20,9", Gas.LEL: "0", Gas.CO: "3", Gas.H2S: "0"}


@pytest.fixture
def st(db: Database) -> Staff:
    return staff(db)


def new_permit(db: Database, st: Staff, **kw: object) -> int:
    with db.write() as s:
        return create_permit(s, confined_space(st, **kw)).id


def step(db: Database, permit_id: int, action: Action, **kw: object) -> Permit:
    with db.write() as s:
        return take_step(s, permit_id, None, action, **kw)  # type: ignore[arg-type]


def ready_for_admission(db: Database, st: Staff, permit_id: int, at: dt.datetime) -> None:
    with db.write() as s:
        point = s.scalars(select(Permit).where(Permit.id == permit_id)).one()
        from safedesk.db.models import PermitIsolation

        pid = s.scalars(
            select(PermitIsolation.id).where(PermitIsolation.permit_id == point.id)
        ).first()
        assert pid is not None
        apply_isolation(s, permit_id, pid, lock_no="L-07", applied_by_id=st.ids["admitter"], at=at)
        record_briefing(s, permit_id, st.ids["admitter"], at)
        add_gas_test(
            s,
            permit_id,
            GasTestFields(at, dict(AIR), "люк", st.ids["admitter"], "Дрегер X-am 2500 № 17"),
            now=at,
        )


def test_numbers_run_per_year_from_the_pattern(db: Database, st: Staff) -> None:
    first, second = new_permit(db, st), new_permit(db, st)
    with db.session() as s:
        assert s.get(Permit, first).number == "НД-2026-0001"  # type: ignore[union-attr]
        assert s.get(Permit, second).number == "НД-2026-0002"  # type: ignore[union-attr]


def test_bad_input_names_field_and_rule_and_writes_nothing(db: Database, st: Staff) -> None:
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        create_permit(s, confined_space(st, planned_end=START - dt.timedelta(hours=1), work=""))
    assert caught.value.fields() == {"planned_end", "work"}
    with db.session() as s:
        assert s.scalars(select(Permit)).first() is None


def test_a_crew_member_listed_twice(db: Database, st: Staff) -> None:
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        create_permit(s, confined_space(st, crew=[st.ref("crew1"), st.ref("crew1")]))
    assert caught.value.fields() == {"crew"}


def test_walk_from_draft_to_closed(db: Database, st: Staff) -> None:
    pid = new_permit(db, st)
    step(db, pid, Action.ISSUE, at=START - dt.timedelta(hours=1), signed_by_id=st.ids["issuer"])
    ready_for_admission(db, st, pid, START)
    step(db, pid, Action.ACTIVATE, at=START + dt.timedelta(minutes=5))
    with db.write() as s:
        end_shift(s, pid, ended_by_id=st.ids["supervisor"], at=START + dt.timedelta(hours=4))
        add_gas_test(
            s,
            pid,
            GasTestFields(START + dt.timedelta(hours=5), dict(AIR), "", st.ids["admitter"], "X-am"),
            now=START + dt.timedelta(hours=5),
        )
        admit_shift(s, pid, at=START + dt.timedelta(hours=5, minutes=10))
    step(db, pid, Action.SUSPEND, at=START + dt.timedelta(hours=6), reason="Гроза / Гроза")
    with db.write() as s:
        extend(s, pid, None, END + dt.timedelta(days=1), st.ids["issuer"], "Ауа райы / Погода")
        add_gas_test(
            s,
            pid,
            GasTestFields(END, dict(AIR), "", st.ids["admitter"], "X-am"),
            now=END,
        )
    step(db, pid, Action.RESUME, at=END + dt.timedelta(minutes=10))
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        take_step(s, pid, None, Action.CLOSE, at=END + dt.timedelta(hours=2))
    assert caught.value.fields() == {"work_finished", "crew_withdrawn", "reported_to", "isolations"}
    with db.write() as s:
        point = fields_of(s, pid).isolations[0]
        assert point.lock_no == "L-07"
        from safedesk.db.models import PermitIsolation

        point_id = s.scalars(select(PermitIsolation.id)).one()
        remove_isolation(s, pid, point_id, removed_by_id=st.ids["admitter"])
    step(
        db,
        pid,
        Action.CLOSE,
        at=END + dt.timedelta(hours=3),
        work_finished=True,
        crew_withdrawn=True,
        reported_to="Диспетчер Омаров Б.",
        signed_by_id=st.ids["supervisor"],
    )
    with db.session() as s:
        permit = s.get(Permit, pid)
        assert permit is not None and permit.state == PermitState.CLOSED.value
        steps = s.scalars(
            select(PermitTransition.action).where(PermitTransition.permit_id == pid)
        ).all()
        assert steps == ["issue", "activate", "suspend", "resume", "close"]
        shifts = s.scalars(select(PermitShift).where(PermitShift.permit_id == pid)).all()
        assert len(shifts) == 3 and all(x.ended_at is not None for x in shifts)
        targeted = s.scalars(select(Briefing).where(Briefing.kind == "targeted")).all()
        assert len(targeted) == 2 and "НД-2026-0001" in targeted[0].topic
    with pytest.raises(ReadOnlyRecord), db.write() as s:
        update_permit(s, pid, None, confined_space(st))
    with pytest.raises(ReadOnlyRecord), db.write() as s:
        add_gas_test(s, pid, GasTestFields(END, dict(AIR), "", st.ids["admitter"], "X"), now=END)
    with pytest.raises(ReadOnlyRecord), db.write() as s:
        take_step(s, pid, None, Action.SUSPEND, reason="x")


def test_the_gate_refuses_with_every_reason(db: Database, st: Staff) -> None:
    pid = new_permit(db, st)
    step(db, pid, Action.ISSUE, at=START - dt.timedelta(hours=1))
    with pytest.raises(GateRefused) as caught:
        step(db, pid, Action.ACTIVATE, at=START)
    codes = {r.code for r in caught.value.reasons}
    assert codes == {GateCode.NO_BRIEFING, GateCode.NO_GAS_TEST, GateCode.ISOLATION_NOT_APPLIED}
    assert not caught.value.can_override
    message = caught.value.message()
    assert "targeted briefing" in message and "gas test" in message
    with db.session() as s:
        assert s.get(Permit, pid).state == "issued"  # type: ignore[union-attr]


def test_a_hard_reason_cannot_be_overridden(db: Database, st: Staff) -> None:
    pid = new_permit(db, st)
    step(db, pid, Action.ISSUE, at=START - dt.timedelta(hours=1))
    ready_for_admission(db, st, pid, START)
    with db.write() as s:
        add_gas_test(
            s,
            pid,
            GasTestFields(START, {**AIR, Gas.O2: "18,2"}, "", st.ids["admitter"], "X-am"),
            now=START,
        )
    with pytest.raises(GateRefused) as caught:
        step(db, pid, Action.ACTIVATE, at=START + dt.timedelta(minutes=1), override_reason="надо")
    assert [r.code for r in caught.value.reasons] == [GateCode.GAS_OUT_OF_LIMITS]


def test_an_override_needs_a_reason_and_is_audited(db: Database, st: Staff) -> None:
    with db.write() as s:
        from safedesk.db.employees import dismiss_employee

        dismiss_employee(s, st.ids["spare"], None, dt.date(2026, 5, 1))
    pid = new_permit(db, st)
    # The issuer's check expired in the window of this permit: the officer saw the paper.
    with db.write() as s:
        from safedesk.db.models import CheckResult

        result = s.scalars(
            select(CheckResult).where(CheckResult.employee_id == st.ids["observer"])
        ).one()
        result.valid_until = dt.date(2026, 5, 1)
    with pytest.raises(GateRefused) as caught:
        step(db, pid, Action.ISSUE, at=START - dt.timedelta(hours=1))
    assert [r.code for r in caught.value.reasons] == [GateCode.NO_CHECK]
    assert caught.value.can_override
    step(db, pid, Action.ISSUE, at=START - dt.timedelta(hours=1), override_reason="Хаттама № 5")
    with db.session() as s:
        override = s.scalars(select(PermitOverride)).one()
        assert override.reason == "Хаттама № 5" and override.action == "issue"
        assert override.gate_reasons[0]["code"] == "no_check"
        audited = s.scalars(
            select(AuditEntry).where(AuditEntry.table_name == "permit_overrides")
        ).all()
        assert len(audited) == 1


def test_a_newcomer_passes_the_gate(db: Database, st: Staff) -> None:
    pid = new_permit(db, st)
    step(db, pid, Action.ISSUE, at=START - dt.timedelta(hours=1))
    ready_for_admission(db, st, pid, START)
    step(db, pid, Action.ACTIVATE, at=START)
    at = START + dt.timedelta(hours=1)
    with pytest.raises(GateRefused) as caught, db.write() as s:
        add_crew_member(s, pid, st.ref("spare"), authorised_by_id=st.ids["supervisor"], at=at)
    assert [r.code for r in caught.value.reasons] == [GateCode.NO_BRIEFING]
    with db.write() as s:
        member = add_crew_member(
            s,
            pid,
            st.ref("spare"),
            authorised_by_id=st.ids["supervisor"],
            briefed_by_id=st.ids["admitter"],
            at=at,
        )
        assert member.briefed_at == at and member.joined_at == at
    with db.write() as s:
        remove_crew_member(
            s, pid, member.id, authorised_by_id=st.ids["supervisor"], at=at + dt.timedelta(hours=1)
        )
    with pytest.raises(GateRefused) as dismissed, db.write() as s:
        from safedesk.db.employees import dismiss_employee

        dismiss_employee(s, st.ids["spare"], None, dt.date(2026, 5, 1))
        add_crew_member(
            s,
            pid,
            st.ref("spare"),
            authorised_by_id=st.ids["supervisor"],
            briefed_by_id=st.ids["admitter"],
            at=at + dt.timedelta(hours=2),
            override_reason="нужно",
        )
    assert [r.code for r in dismissed.value.reasons] == [GateCode.DISMISSED]


def test_two_permits_cannot_hold_one_lock(db: Database, st: Staff) -> None:
    first = new_permit(db, st, isolations=[IsolationPoint("Задвижка З-3", "", "L-07")])
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        create_permit(s, confined_space(st, isolations=[IsolationPoint("Рубильник", "", "L-07")]))
    assert caught.value.fields() == {"isolations"}
    assert "НД-2026-0001" in caught.value.message()
    second = new_permit(db, st, isolations=[IsolationPoint("Рубильник", "", "")])
    step(db, second, Action.ISSUE, at=START - dt.timedelta(hours=1))
    with db.write() as s:
        from safedesk.db.models import PermitIsolation

        point = s.scalars(
            select(PermitIsolation.id).where(PermitIsolation.permit_id == second)
        ).one()
    with pytest.raises(InvalidInput), db.write() as s:
        apply_isolation(s, second, point, lock_no="L-07", applied_by_id=st.ids["admitter"])
    with db.write() as s:
        delete_draft(s, first, None)
        apply_isolation(s, second, point, lock_no="L-07", applied_by_id=st.ids["admitter"])


def test_gas_values_that_are_not_numbers(db: Database, st: Staff) -> None:
    pid = new_permit(db, st)
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        add_gas_test(
            s,
            pid,
            GasTestFields(START, {Gas.O2: "abc", Gas.LEL: "150"}, "", st.ids["admitter"], ""),
            now=START,
        )
    assert caught.value.fields() == {"o2", "lel", "instrument"}


def test_copy_keeps_the_work_and_drops_locks(db: Database, st: Staff) -> None:
    pid = new_permit(db, st, isolations=[IsolationPoint("Задвижка З-3", "заглушка", "L-07")])
    with db.write() as s:
        copy = copy_permit(s, pid, START + dt.timedelta(days=7), END + dt.timedelta(days=7))
        fields = fields_of(s, copy.id)
        assert copy.copied_from_id == pid and copy.state == "draft"
        assert fields.crew == [st.ref("crew1"), st.ref("crew2")]
        assert fields.isolations == [IsolationPoint("Задвижка З-3", "заглушка", "")]
        assert fields.hazards[0].startswith("Оттегі")


def test_contractor_roles_must_be_employees(db: Database, st: Staff) -> None:
    from safedesk.domain.permits import Role

    fields = confined_space(st)
    fields.roles[Role.ISSUER] = PersonRef(contractor_worker_id=99)
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        create_permit(s, fields)
    assert caught.value.fields() == {"role_issuer"}


def test_overdue_and_gas_tests_due(db: Database, st: Staff) -> None:
    pid = new_permit(db, st)
    step(db, pid, Action.ISSUE, at=START - dt.timedelta(hours=1))
    ready_for_admission(db, st, pid, START)
    step(db, pid, Action.ACTIVATE, at=START)
    with db.session() as s:
        items = due_items(s, dt.date(2026, 6, 3))
    kinds = sorted((i.what, i.overdue(dt.date(2026, 6, 3))) for i in items)
    assert kinds == [
        ("Permit: gas test during the work", True),
        ("Permit: planned end of the work", True),
    ]
    with db.session() as s:
        from safedesk.db.due import due_items as all_due

        assert any(i.register == "permits" for i in all_due(s, dt.date(2026, 6, 3)))


def test_discard_a_draft_audited_and_only_a_draft(db: Database, st: Staff) -> None:
    from safedesk.db.permits import discard_draft

    source = new_permit(db, st)
    with db.write() as s:
        copy = copy_permit(s, source, START + dt.timedelta(days=1), END + dt.timedelta(days=1))
        copy_id, copy_number = copy.id, copy.number
    with pytest.raises(InvalidInput) as copied, db.write() as s:
        discard_draft(s, source, None)  # the copy names it as its source
    assert copy_number in copied.value.message()
    step(db, copy_id, Action.ISSUE, at=START)
    with pytest.raises(InvalidInput), db.write() as s:
        discard_draft(s, copy_id, None)
    spare = new_permit(db, st)
    with db.write() as s:
        discard_draft(s, spare, None)
    with db.session() as s:
        assert s.get(Permit, spare) is None
        deleted = {
            e.table_name for e in s.scalars(select(AuditEntry).where(AuditEntry.action == "delete"))
        }
    assert {"permits", "permit_roles", "permit_crew", "permit_lines"} <= deleted
