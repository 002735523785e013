"""Permit reference data edited through the services on a real database: every rule of the
gas limits, the role separation and the number pattern refuses with the field named,
writes nothing, and a valid change is audited and used by the next permit only."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from safedesk.db.engine import Database
from safedesk.db.models import AuditEntry, Permit, PermitGasLimit, PermitSetting, PermitTypeRule
from safedesk.db.permit_reference import (
    GAS_VALID_MINUTES,
    NUMBER_PATTERN,
    gas_rules,
    setting,
    type_rules,
    update_gas_limit,
    update_separation,
    update_setting,
)
from safedesk.db.permits import create_permit
from safedesk.domain.permit_gas import Gas
from safedesk.domain.permits import PermitType
from safedesk.errors import InvalidInput, StaleRecord

sys.path.insert(0, str(Path(__file__).parent))
from permits_setup import Staff, confined_space, staff


def limit_id(db: Database, gas: Gas) -> int:
    with db.session() as s:
        return s.scalars(select(PermitGasLimit.id).where(PermitGasLimit.gas == gas.value)).one()


def rule_id(db: Database, permit_type: PermitType) -> int:
    with db.session() as s:
        return s.scalars(
            select(PermitTypeRule.id).where(PermitTypeRule.code == permit_type.value)
        ).one()


def setting_id(db: Database, code: str) -> int:
    with db.session() as s:
        return s.scalars(select(PermitSetting.id).where(PermitSetting.code == code)).one()


def set_gas(db: Database, gas: Gas, low: str, high: str, basis: str = "Приказ № 344") -> None:
    with db.write() as s:
        update_gas_limit(
            s, limit_id(db, gas), None, low=low, high=high, low_inclusive=True,
            high_inclusive=True, legal_basis=basis,
        )  # fmt: skip


def set_setting(db: Database, code: str, value: str, basis: str = "Решение работодателя") -> None:
    with db.write() as s:
        update_setting(s, setting_id(db, code), None, value=value, legal_basis=basis)


def audited(db: Database, table: str) -> int:
    with db.session() as s:
        return len(list(s.scalars(select(AuditEntry).where(AuditEntry.table_name == table))))


# -- gas limits ----------------------------------------------------------------------------
def test_a_gas_limit_is_changed_audited_and_used_by_the_rules(db: Database) -> None:
    before = audited(db, "permit_gas_limits")
    set_gas(db, Gas.O2, "19,0", "22")
    with db.session() as s:
        o2 = gas_rules(s).limits[Gas.O2]
    assert (o2.low, o2.high) == (19.0, 22.0)
    assert o2.allows(21.9) and not o2.allows(22.5)
    assert audited(db, "permit_gas_limits") == before + 1


@pytest.mark.parametrize(
    ("gas", "low", "high", "field", "text"),
    [
        (Gas.O2, "abc", "23.5", "low", "O₂, % — Lower limit: “abc” is not a number."),
        (Gas.O2, "19.5", "120", "high", "O₂, % — Upper limit: 120 is impossible"),
        (Gas.O2, "-1", "23.5", "low", "the value must be from 0 to 100"),
        (Gas.LEL, "", "101", "high", "LEL, % — Upper limit: 101 is impossible"),
        (Gas.CO, "", "-5", "high", "CO, ppm — Upper limit: -5 is impossible"),
        (Gas.H2S, "", "2000000", "high", "H₂S, ppm — Upper limit"),
        (Gas.O2, "23.5", "19.5", "low", "23.5 must be below the upper limit 19.5"),
        (Gas.O2, "20", "20", "low", "20 must be below the upper limit 20"),
        (Gas.LEL, "", "", "high", "LEL, %: set a lower limit, an upper limit or both."),
    ],
)
def test_a_gas_limit_breaking_a_rule_is_refused_and_nothing_written(
    db: Database, gas: Gas, low: str, high: str, field: str, text: str
) -> None:
    before = audited(db, "permit_gas_limits")
    with pytest.raises(InvalidInput) as caught:
        set_gas(db, gas, low, high)
    assert caught.value.fields() == {field}
    assert text in caught.value.message()
    with db.session() as s:
        assert gas_rules(s).limits[Gas.O2].high == 23.5
    assert audited(db, "permit_gas_limits") == before


def test_a_gas_limit_needs_its_legal_basis(db: Database) -> None:
    with pytest.raises(InvalidInput) as caught:
        set_gas(db, Gas.CO, "", "15", basis="  ")
    assert caught.value.fields() == {"legal_basis"}
    assert caught.value.message() == "CO, ppm — Legal basis: fill it in."


def test_a_gas_limit_saved_from_a_stale_copy_is_refused(db: Database) -> None:
    with db.session() as s:
        row = s.get(PermitGasLimit, limit_id(db, Gas.H2S))
        assert row is not None
        version = row.version
    set_gas(db, Gas.H2S, "", "6")
    with pytest.raises(StaleRecord), db.write() as s:
        update_gas_limit(
            s, limit_id(db, Gas.H2S), version, low="", high="5", low_inclusive=True,
            high_inclusive=True, legal_basis="x",
        )  # fmt: skip


# -- role separation -----------------------------------------------------------------------
def test_role_pairs_are_changed_per_type_and_kept_in_their_order(db: Database) -> None:
    rid = rule_id(db, PermitType.HOT_WORK)
    with db.write() as s:
        update_separation(
            s, rid, None, [("supervisor", "issuer"), ("crew", "supervisor"), ("issuer", "admitter")]
        )
    with db.session() as s:
        rules = type_rules(s, PermitType.HOT_WORK)
        other = type_rules(s, PermitType.HEIGHT)
    # The pairs kept from the seed keep their order; the new one is added.
    assert rules.distinct == (
        ("issuer", "supervisor"),
        ("supervisor", "crew"),
        ("issuer", "admitter"),
    )
    assert ("issuer", "admitter") not in other.distinct


def test_unchanged_role_pairs_write_nothing(db: Database) -> None:
    before = audited(db, "permit_type_rules")
    with db.write() as s:
        update_separation(
            s,
            rule_id(db, PermitType.HOT_WORK),
            None,
            [("supervisor", "crew"), ("issuer", "supervisor")],
        )
    assert audited(db, "permit_type_rules") == before


@pytest.mark.parametrize(
    ("pairs", "text"),
    [
        ([("issuer", "chief")], "Hot work: “chief” is not a role of a permit."),
        ([("crew", "crew")], "Hot work: a role cannot be kept apart from itself (Crew member)."),
        (
            [("issuer", "supervisor"), ("supervisor", "issuer")],
            "Hot work: the pair Work supervisor ≠ Issuer is listed twice.",
        ),
    ],
)
def test_a_bad_role_pair_is_refused(db: Database, pairs: list[tuple[str, str]], text: str) -> None:
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        update_separation(s, rule_id(db, PermitType.HOT_WORK), None, pairs)
    assert caught.value.fields() == {"distinct"}
    assert caught.value.message() == text


# -- gas-test windows ----------------------------------------------------------------------
def test_the_gas_test_window_is_changed(db: Database) -> None:
    set_setting(db, GAS_VALID_MINUTES, " 45 ")
    with db.session() as s:
        assert gas_rules(s).valid_minutes == 45


@pytest.mark.parametrize("value", ["0", "1441", "abc", "", "-5", "2.5"])
def test_a_gas_test_window_out_of_range_is_refused(db: Database, value: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        set_setting(db, GAS_VALID_MINUTES, value)
    assert caught.value.fields() == {"value"}
    assert "from 1 to 1440" in caught.value.message()
    assert "A gas test stays valid before admission, min" in caught.value.message()
    with db.session() as s:
        assert gas_rules(s).valid_minutes == 30


def test_a_setting_needs_its_legal_basis(db: Database) -> None:
    with pytest.raises(InvalidInput) as caught:
        set_setting(db, GAS_VALID_MINUTES, "40", basis="")
    assert caught.value.fields() == {"legal_basis"}
    assert "Legal basis: fill it in." in caught.value.message()


# -- the number pattern --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        ("НД-{year}", "must contain {seq}"),
        ("", "must contain {seq}"),
        ("НД-{year}-{seq}-{unit}", "may only use {year} and {seq}"),
        ("НД-{seq:04d}", "must contain {year}"),
        ("НД-{year}-{seq:q}", "cannot be used"),
        ("НД-{year}-{seq:04d", "must contain {seq}"),
        ("НД-{year}-{seq:.0e}", "gives the same number to different permits"),
        ("НД-{year}-{{seq}}{seq:.0}", "cannot be used"),
        ("{year}-{seq}-" + "Ж" * 60, "longer than 50 characters"),
    ],
)
def test_a_pattern_that_cannot_number_permits_is_refused(
    db: Database, pattern: str, text: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        set_setting(db, NUMBER_PATTERN, pattern)
    assert caught.value.fields() == {"value"}
    assert text in caught.value.message()
    with db.session() as s:
        assert setting(s, NUMBER_PATTERN) == "НД-{year}-{seq:04d}"


@pytest.fixture
def st(db: Database) -> Staff:
    return staff(db)


def test_a_new_pattern_numbers_the_next_permit_only(db: Database, st: Staff) -> None:
    with db.write() as s:
        first = create_permit(s, confined_space(st)).id
    set_setting(db, NUMBER_PATTERN, "НР/{year}/{seq:05d}")
    with db.write() as s:
        second = create_permit(s, confined_space(st)).id
    with db.session() as s:
        numbers = {p.id: p.number for p in s.scalars(select(Permit))}
    assert numbers == {first: "НД-2026-0001", second: "НР/2026/00002"}


def test_a_pattern_that_would_repeat_a_number_in_the_log_is_refused(
    db: Database, st: Staff
) -> None:
    set_setting(db, NUMBER_PATTERN, "N{year}-{seq}1")
    with db.write() as s:
        create_permit(s, confined_space(st))  # N2026-11
    with pytest.raises(InvalidInput) as caught:
        set_setting(db, NUMBER_PATTERN, "N{year}-{seq}")  # its 11th permit would be N2026-11
    assert "would give number N2026-11, which is already in the log" in caught.value.message()
