"""The admission gate: every reason on its own, all reasons at once, hard and soft reasons."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from safedesk.domain.permit_gas import Gas, GasLimit, GasReading
from safedesk.domain.permit_gate import (
    GasRules,
    GateCode,
    IsolationFacts,
    PermitFacts,
    PersonFacts,
    TypeRules,
    gate,
    newcomer_reasons,
    overridable,
)
from safedesk.domain.permits import CREW, Action, PermitType, Role

AT = dt.datetime(2026, 6, 1, 4, 0, tzinfo=dt.UTC)  # 09:00 in Kazakhstan
END = AT + dt.timedelta(hours=8)
LIMITS = {
    Gas.O2: GasLimit(Gas.O2, 19.5, 23.5),
    Gas.LEL: GasLimit(Gas.LEL, None, 10, high_inclusive=False),
    Gas.CO: GasLimit(Gas.CO, None, 17.1),
    Gas.H2S: GasLimit(Gas.H2S, None, 7.0),
}
GAS = GasRules(LIMITS, valid_minutes=30)
GOOD_AIR = {Gas.O2: 20.9, Gas.LEL: 0.0, Gas.CO: 2.0, Gas.H2S: 0.0}


def person(n: int, **kw: object) -> PersonFacts:
    values: dict[str, object] = {
        "key": f"employee:{n}",
        "name": f"Person {n}",
        "valid_check": True,
        "electrical_group": 5,
        "certificates": frozenset({"height", "gas_hazardous", "first_aid"}),
        "briefed": True,
    }
    values.update(kw)
    return PersonFacts(**values)  # type: ignore[arg-type]


CONFINED = TypeRules(
    type=PermitType.CONFINED_SPACE,
    required_roles=frozenset(Role),
    distinct=(("issuer", "supervisor"), ("observer", "crew")),
    certificates={CREW: frozenset({"gas_hazardous"}), "observer": frozenset({"first_aid"})},
    gas_test=True,
    isolation_required=True,
)
ELECTRICAL = TypeRules(
    type=PermitType.ELECTRICAL,
    electrical_groups={"admitter": 4, CREW: 3},
    isolation_required=True,
)


def facts(**kw: object) -> PermitFacts:
    values: dict[str, object] = {
        "type": PermitType.CONFINED_SPACE,
        "at": AT,
        "planned_end": END,
        "roles": {role: person(i + 1) for i, role in enumerate(Role)},
        "crew": [person(10), person(11)],
        "isolations": [IsolationFacts("Valve V-3", "L-07", applied=True, removed=False)],
        "gas_tests": [GasReading(AT - dt.timedelta(minutes=10), dict(GOOD_AIR))],
    }
    values.update(kw)
    return PermitFacts(**values)  # type: ignore[arg-type]


def codes(action: Action, f: PermitFacts, rules: TypeRules = CONFINED) -> list[GateCode]:
    return [r.code for r in gate(action, f, rules, GAS)]


def test_a_complete_permit_passes_every_step() -> None:
    for action in (Action.ISSUE, Action.ACTIVATE, Action.RESUME):
        assert gate(action, facts(), CONFINED, GAS) == []


def test_a_missing_role_is_named() -> None:
    roles = {r: p for r, p in facts().roles.items() if r is not Role.OBSERVER}
    reasons = gate(Action.ISSUE, facts(roles=roles), CONFINED, GAS)
    assert [r.code for r in reasons] == [GateCode.ROLE_MISSING]
    assert reasons[0].values == {"who": "Standby observer"}


def test_no_crew() -> None:
    assert codes(Action.ISSUE, facts(crew=[])) == [GateCode.NO_CREW]


def test_a_crew_member_without_a_valid_check() -> None:
    reasons = gate(Action.ISSUE, facts(crew=[person(10, valid_check=False)]), CONFINED, GAS)
    assert [r.code for r in reasons] == [GateCode.NO_CHECK]
    assert reasons[0].field == "crew" and reasons[0].values["person"] == "Person 10"
    assert not reasons[0].hard


def test_a_role_holder_without_a_valid_check() -> None:
    roles = dict(facts().roles)
    roles[Role.ADMITTER] = person(4, valid_check=False)
    reasons = gate(Action.ISSUE, facts(roles=roles), CONFINED, GAS)
    assert [(r.code, r.field) for r in reasons] == [(GateCode.NO_CHECK, "roles")]


def test_a_dismissed_person_is_a_hard_reason() -> None:
    gone = person(10, dismissed_on=dt.date(2026, 5, 31))
    reasons = gate(Action.ISSUE, facts(crew=[gone]), CONFINED, GAS)
    assert [r.code for r in reasons] == [GateCode.DISMISSED]
    assert not overridable(reasons)
    later = person(10, dismissed_on=dt.date(2026, 6, 2))
    assert codes(Action.ISSUE, facts(crew=[later])) == []


def test_a_person_not_on_record() -> None:
    assert codes(Action.ISSUE, facts(crew=[person(10, exists=False)])) == [GateCode.PERSON_UNKNOWN]


def test_a_contractors_worker_without_an_introductory_briefing() -> None:
    worker = person(20, key="contractor:20", contractor=True, introduced=False)
    assert codes(Action.ISSUE, facts(crew=[worker])) == [GateCode.NOT_INTRODUCED]


def test_a_missing_certificate_names_its_kind() -> None:
    reasons = gate(Action.ISSUE, facts(crew=[person(10, certificates=frozenset())]), CONFINED, GAS)
    assert [r.code for r in reasons] == [GateCode.NO_CERTIFICATE]
    assert reasons[0].values["kind"] == "gas_hazardous"


def test_certificates_that_cannot_be_checked() -> None:
    reasons = gate(Action.ISSUE, facts(crew=[person(10, certificates=None)]), CONFINED, GAS)
    assert [r.code for r in reasons] == [GateCode.CERTIFICATES_UNKNOWN]


def test_electrical_group_per_role_and_crew() -> None:
    roles = {Role.ISSUER: person(1), Role.SUPERVISOR: person(2), Role.ADMITTER: person(3)}
    roles[Role.ADMITTER] = person(3, electrical_group=3)
    f = facts(
        type=PermitType.ELECTRICAL,
        roles=roles,
        crew=[person(10, electrical_group=2), person(11, electrical_group=None)],
    )
    reasons = gate(Action.ISSUE, f, ELECTRICAL, GAS)
    # Groups are written as the rules write them: I–V.
    assert [(r.code, r.values["group"], r.values["has"]) for r in reasons] == [
        (GateCode.ELECTRICAL_GROUP, "IV", "III"),
        (GateCode.ELECTRICAL_GROUP, "III", "II"),
        (GateCode.ELECTRICAL_GROUP, "III", "—"),
    ]


def test_one_person_in_two_roles_that_must_differ() -> None:
    roles = dict(facts().roles)
    roles[Role.SUPERVISOR] = roles[Role.ISSUER]
    reasons = gate(Action.ISSUE, facts(roles=roles), CONFINED, GAS)
    assert [r.code for r in reasons] == [GateCode.SAME_PERSON]
    assert reasons[0].values["person"] == "Person 1"


def test_the_observer_may_not_work_in_the_crew() -> None:
    observer = facts().roles[Role.OBSERVER]
    assert codes(Action.ISSUE, facts(crew=[person(10), observer])) == [GateCode.SAME_PERSON]


def test_targeted_briefing_is_needed_for_admission_not_for_issue() -> None:
    f = facts(crew=[person(10, briefed=False)])
    assert codes(Action.ISSUE, f) == []
    assert codes(Action.ACTIVATE, f) == [GateCode.NO_BRIEFING]


def test_no_gas_test() -> None:
    f = facts(gas_tests=[])
    assert codes(Action.ISSUE, f) == []
    assert codes(Action.ACTIVATE, f) == [GateCode.NO_GAS_TEST]
    later = [GasReading(AT + dt.timedelta(minutes=5), dict(GOOD_AIR))]
    assert codes(Action.ACTIVATE, facts(gas_tests=later)) == [GateCode.NO_GAS_TEST]


def test_a_gas_test_too_old() -> None:
    old = [GasReading(AT - dt.timedelta(minutes=31), dict(GOOD_AIR))]
    reasons = gate(Action.ACTIVATE, facts(gas_tests=old), CONFINED, GAS)
    assert [r.code for r in reasons] == [GateCode.GAS_TEST_OLD]
    assert reasons[0].values == {"minutes": 31, "limit": 30}
    assert reasons[0].hard
    exactly = [GasReading(AT - dt.timedelta(minutes=30), dict(GOOD_AIR))]
    assert codes(Action.ACTIVATE, facts(gas_tests=exactly)) == []


@pytest.mark.parametrize(
    ("gas", "value", "ok"),
    [
        (Gas.O2, 19.5, True),
        (Gas.O2, 19.4, False),
        (Gas.O2, 23.5, True),
        (Gas.O2, 23.6, False),
        (Gas.LEL, 9.9, True),
        (Gas.LEL, 10.0, False),
        (Gas.CO, 17.1, True),
        (Gas.CO, 17.2, False),
        (Gas.H2S, 7.0, True),
        (Gas.H2S, 7.1, False),
    ],
)
def test_gas_limits_at_their_bounds(gas: Gas, value: float, ok: bool) -> None:
    air = dict(GOOD_AIR) | {gas: value}
    f = facts(gas_tests=[GasReading(AT - dt.timedelta(minutes=5), air)])
    expected = [] if ok else [GateCode.GAS_OUT_OF_LIMITS]
    assert codes(Action.ACTIVATE, f) == expected


def test_only_the_latest_test_counts() -> None:
    bad = GasReading(AT - dt.timedelta(minutes=20), dict(GOOD_AIR) | {Gas.O2: 18.0})
    good = GasReading(AT - dt.timedelta(minutes=5), dict(GOOD_AIR))
    assert codes(Action.ACTIVATE, facts(gas_tests=[good, bad])) == []
    assert codes(Action.ACTIVATE, facts(gas_tests=[bad])) == [GateCode.GAS_OUT_OF_LIMITS]


def test_a_gas_not_measured() -> None:
    air = dict(GOOD_AIR) | {Gas.H2S: None}
    f = facts(gas_tests=[GasReading(AT - dt.timedelta(minutes=5), air)])
    assert codes(Action.ACTIVATE, f) == [GateCode.GAS_NOT_MEASURED]


def test_isolation_points_listed_and_applied() -> None:
    assert codes(Action.ISSUE, facts(isolations=[])) == [GateCode.NO_ISOLATION]
    loose = [IsolationFacts("Valve V-3", "", applied=False, removed=False)]
    assert codes(Action.ISSUE, facts(isolations=loose)) == []
    assert codes(Action.ACTIVATE, facts(isolations=loose)) == [GateCode.ISOLATION_NOT_APPLIED]
    no_lock = [IsolationFacts("Valve V-3", " ", applied=True, removed=False)]
    assert codes(Action.ACTIVATE, facts(isolations=no_lock)) == [GateCode.ISOLATION_NOT_APPLIED]


def test_admission_after_the_planned_end() -> None:
    f = facts(planned_end=AT - dt.timedelta(minutes=1))
    assert codes(Action.ISSUE, f) == []
    assert codes(Action.ACTIVATE, f) == [GateCode.PAST_END]


def test_every_reason_at_once() -> None:
    roles = {Role.ISSUER: person(1, valid_check=False)}
    f = facts(
        roles=roles,
        crew=[person(10, certificates=frozenset(), briefed=False)],
        isolations=[IsolationFacts("Valve V-3", "", applied=False, removed=False)],
        gas_tests=[],
    )
    found = set(codes(Action.ACTIVATE, f))
    assert {
        GateCode.ROLE_MISSING,
        GateCode.NO_CHECK,
        GateCode.NO_CERTIFICATE,
        GateCode.NO_BRIEFING,
        GateCode.ISOLATION_NOT_APPLIED,
        GateCode.NO_GAS_TEST,
    } <= found


def test_soft_reasons_may_be_overridden() -> None:
    reasons = gate(Action.ISSUE, facts(crew=[person(10, valid_check=False)]), CONFINED, GAS)
    assert overridable(reasons)
    assert overridable([])


def test_types_without_gas_rules_need_no_gas_test() -> None:
    height = dataclasses.replace(CONFINED, type=PermitType.HEIGHT, gas_test=False)
    assert codes(Action.ACTIVATE, facts(gas_tests=[]), height) == []


def test_a_newcomer_passes_the_same_gate() -> None:
    roles = facts().roles
    assert newcomer_reasons(person(12), roles, CONFINED, AT.date(), admitted=True) == []
    unbriefed = newcomer_reasons(
        person(12, briefed=False), roles, CONFINED, AT.date(), admitted=True
    )
    assert [r.code for r in unbriefed] == [GateCode.NO_BRIEFING]
    observer = roles[Role.OBSERVER]
    same = newcomer_reasons(observer, roles, CONFINED, AT.date(), admitted=False)
    assert [r.code for r in same] == [GateCode.SAME_PERSON]
