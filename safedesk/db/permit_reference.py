"""The permit log's reference data as the rules need it: type rules, gas limits, settings."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.models import PermitGasLimit, PermitSetting, PermitTypeRule
from safedesk.db.rows import check_version, get_row, refuse, update
from safedesk.domain.permit_gas import Gas, GasLimit
from safedesk.domain.permit_gate import GasRules, TypeRules
from safedesk.domain.permits import DEFAULT_NUMBER_PATTERN, PermitType, Role, number_pattern_problem
from safedesk.errors import Problem, SafeDeskError
from safedesk.i18n import N_

NUMBER_PATTERN = "number.pattern"
GAS_VALID_MINUTES = "gas_test.valid_minutes"
GAS_INTERVAL_MINUTES = "gas_test.interval_minutes"
DEFAULTS = {
    NUMBER_PATTERN: DEFAULT_NUMBER_PATTERN,
    GAS_VALID_MINUTES: "30",
    GAS_INTERVAL_MINUTES: "60",
}


class MissingTypeRules(SafeDeskError):
    msgid = N_("The rules of permit type {type} are missing; restore them under Permit rules.")


def setting(session: Session, code: str) -> str:
    value = session.scalar(select(PermitSetting.value).where(PermitSetting.code == code))
    return str(value) if value is not None else DEFAULTS[code]


def minutes_setting(session: Session, code: str) -> int:
    try:
        return max(1, int(setting(session, code)))
    except ValueError:
        return int(DEFAULTS[code])


def type_rules(session: Session, permit_type: PermitType) -> TypeRules:
    row = session.scalar(select(PermitTypeRule).where(PermitTypeRule.code == permit_type.value))
    if row is None:
        raise MissingTypeRules(type=permit_type.value)
    return TypeRules(
        type=permit_type,
        required_roles=frozenset(Role(r) for r in row.required_roles),
        distinct=tuple((str(a), str(b)) for a, b in row.distinct),
        certificates={k: frozenset(v) for k, v in row.certificates.items()},
        electrical_groups={k: int(v) for k, v in row.electrical_groups.items()},
        gas_test=row.gas_test,
        isolation_required=row.isolation_required,
    )


def legal_basis(session: Session, permit_type: PermitType) -> str:
    row = session.scalar(select(PermitTypeRule).where(PermitTypeRule.code == permit_type.value))
    if row is None:
        return ""
    edition = f" ({row.edition:%d.%m.%Y})" if row.edition else ""
    return row.legal_basis + edition


def gas_limits(session: Session) -> dict[Gas, GasLimit]:
    return {
        Gas(r.gas): GasLimit(Gas(r.gas), r.low, r.high, r.low_inclusive, r.high_inclusive)
        for r in session.scalars(select(PermitGasLimit))
    }


def gas_rules(session: Session) -> GasRules:
    return GasRules(gas_limits(session), minutes_setting(session, GAS_VALID_MINUTES))


def update_setting(
    session: Session, setting_id: int, version: int | None, *, value: str, legal_basis: str
) -> PermitSetting:
    """Change the number pattern or a gas-test window; the basis is kept beside it."""
    row = get_row(session, PermitSetting, setting_id, N_("Permit setting"))
    check_version(row, version)
    found: list[Problem] = []
    value = value.strip()
    if row.code == NUMBER_PATTERN:
        complaint = number_pattern_problem(value)
        if complaint is not None:
            found.append(Problem("value", complaint.msgid, dict(complaint.values)))
    elif not value.isdigit() or not 1 <= int(value) <= 24 * 60:
        found.append(Problem("value", N_("The value must be from 1 to {max}."), {"max": 24 * 60}))
    if not legal_basis.strip():
        found.append(Problem("legal_basis", N_("The legal basis is required.")))
    refuse(found)
    update(session, row, {"value": value, "legal_basis": legal_basis.strip()})
    return row
