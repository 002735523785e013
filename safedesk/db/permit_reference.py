"""The permit log's reference data as the rules need it: type rules, gas limits, settings."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from safedesk.db.models import (
    CertificateKind,
    Permit,
    PermitGasLimit,
    PermitSetting,
    PermitTypeRule,
)
from safedesk.db.rows import check_version, get_row, refuse, update
from safedesk.domain.certificates import kind_name
from safedesk.domain.permit_gas import GAS_LABELS, Gas, GasLimit
from safedesk.domain.permit_gate import GasRules, TypeRules
from safedesk.domain.permit_reference import (
    BASIS_LABEL,
    REQUIRED,
    gas_limit_complaints,
    number_pattern_complaints,
    separation_complaints,
)
from safedesk.domain.permits import (
    DEFAULT_NUMBER_PATTERN,
    PERMIT_TYPE_LABELS,
    PermitType,
    Role,
    format_number,
)
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
SETTING_LABELS = {
    NUMBER_PATTERN: N_("Permit number pattern"),
    GAS_VALID_MINUTES: N_("A gas test stays valid before admission, min"),
    GAS_INTERVAL_MINUTES: N_("Gas tests during the work: interval, min"),
}
MAX_MINUTES = 24 * 60
MINUTES_RANGE = N_("{what}: the value must be a whole number of minutes from 1 to {max}.")
NUMBER_TAKEN = N_(
    "The permit number pattern would give number {number}, which is already in the log."
)
# How far ahead of each year's last permit the new pattern is checked against the log.
NUMBERS_AHEAD = 1000


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
        certificate_names={
            k.code: kind_name(k.code, k.name_kk, k.name_ru, k.name_en)
            for k in session.scalars(select(CertificateKind))
        },
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
    """Change the number pattern or a gas-test window; the basis is kept beside it.

    Permits already numbered keep their number: the pattern only makes the next ones.
    """
    row = get_row(session, PermitSetting, setting_id, N_("Permit setting"))
    check_version(row, version)
    what = SETTING_LABELS.get(row.code, row.code)
    found: list[Problem] = []
    value = value.strip()
    if row.code == NUMBER_PATTERN:
        found += [
            Problem("value", c.msgid, dict(c.values)) for c in number_pattern_complaints(value)
        ]
        if not found:
            found += _taken_numbers(session, value)
    elif not value.isdigit() or not 1 <= int(value) <= MAX_MINUTES:
        found.append(Problem("value", MINUTES_RANGE, {"what": what, "max": MAX_MINUTES}))
    if not legal_basis.strip():
        found.append(Problem("legal_basis", REQUIRED, {"what": what, "field": BASIS_LABEL}))
    refuse(found)
    update(session, row, {"value": value, "legal_basis": legal_basis.strip()})
    return row


def next_seqs(session: Session) -> dict[int, int]:
    """Each year that has permits → the sequence No. its next permit gets."""
    rows = session.execute(select(Permit.year, func.max(Permit.seq)).group_by(Permit.year))
    return {int(year): int(last or 0) + 1 for year, last in rows}


def _taken_numbers(session: Session, pattern: str) -> list[Problem]:
    """A new pattern must not make, soon, a number an older pattern already gave."""
    taken = set(session.scalars(select(Permit.number)))  # deleted drafts keep theirs too
    if not taken:
        return []
    for year, first in sorted(next_seqs(session).items()):
        for seq in range(first, first + NUMBERS_AHEAD):
            number = format_number(pattern, year, seq)
            if number in taken:
                return [Problem("value", NUMBER_TAKEN, {"number": number})]
    return []


# -- the editor of the reference data -------------------------------------------------------
def settings_by_code(session: Session) -> dict[str, PermitSetting]:
    return {r.code: r for r in session.scalars(select(PermitSetting))}


def gas_limit_rows(session: Session) -> list[PermitGasLimit]:
    """The gases with a limit, in the order of the printed form (O₂, LEL, CO, H₂S)."""
    order = {g.value: i for i, g in enumerate(Gas)}
    rows = [r for r in session.scalars(select(PermitGasLimit)) if r.gas in order]
    return sorted(rows, key=lambda r: order[r.gas])


def type_rule_rows(session: Session) -> list[PermitTypeRule]:
    """The permit types with rules, in the order of PermitType."""
    order = {t.value: i for i, t in enumerate(PermitType)}
    rows = [r for r in session.scalars(select(PermitTypeRule)) if r.code in order]
    return sorted(rows, key=lambda r: order[r.code])


def update_gas_limit(
    session: Session,
    limit_id: int,
    version: int | None,
    *,
    low: str | float | None,
    high: str | float | None,
    low_inclusive: bool,
    high_inclusive: bool,
    legal_basis: str,
) -> PermitGasLimit:
    """New limits of one gas, as typed ('19,5', '' for no bound).

    Gas tests already written keep the `within_limits` they were given against the limits
    of their day; the gate judges the next admission by the new limits.
    """
    row = get_row(session, PermitGasLimit, limit_id, N_("Gas limit"))
    check_version(row, version)
    gas = Gas(row.gas)
    lo, hi, complaints = gas_limit_complaints(gas, low, high)
    found = [Problem(c.field, c.msgid, dict(c.values)) for c in complaints]
    if not legal_basis.strip():
        found.append(
            Problem("legal_basis", REQUIRED, {"what": GAS_LABELS[gas], "field": BASIS_LABEL})
        )
    refuse(found)
    values = {
        "low": lo,
        "high": hi,
        "low_inclusive": low_inclusive,
        "high_inclusive": high_inclusive,
        "legal_basis": legal_basis.strip(),
    }
    update(session, row, values)
    return row


def update_separation(
    session: Session, rule_id: int, version: int | None, pairs: Sequence[Sequence[str]]
) -> PermitTypeRule:
    """The pairs of roles of one permit type that must be held by different people.

    A pair kept from before keeps its order (the gate's message names the roles in it);
    an unchanged set of pairs writes nothing.
    """
    row = get_row(session, PermitTypeRule, rule_id, N_("Permit type rules"))
    check_version(row, version)
    label = PERMIT_TYPE_LABELS.get(PermitType(row.code), row.code)
    refuse(separation_complaints(label, pairs))
    before = {frozenset(p): [str(p[0]), str(p[1])] for p in row.distinct}
    distinct = [before.get(frozenset(p), [str(p[0]), str(p[1])]) for p in pairs]
    if {frozenset(p) for p in distinct} == set(before):
        return row
    update(session, row, {"distinct": distinct})
    return row
