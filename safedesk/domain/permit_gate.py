"""The admission gate: every reason a permit may not be issued or its crew admitted.

A pure function of plain facts (who holds which role, what each person holds, the
isolations, the gas tests) and of the rules of the permit's type (reference data). It
never stops at the first reason: the officer sees all of them at once, before pressing
the button. A reason is *hard* when no signature can make the work safe (a dismissed
person, a toxic atmosphere, an isolation not locked); the others may be overridden
with a written, audited reason (e.g. a certificate held on paper, not yet registered).

Which reasons apply to which step:
  issue             — roles filled, people valid (checks, certificates, electrical groups),
                      roles kept apart, a crew named, isolation points listed where required;
  activate, resume  — all of the above, and the targeted briefing of the crew, a gas test
                      within its window and within limits, every isolation applied with its
                      lock No. and who applied it, the planned end not passed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from safedesk.domain.accidents import KAZAKHSTAN
from safedesk.domain.people import group_numeral
from safedesk.domain.permit_gas import GAS_LABELS, Gas, GasLimit, GasReading, out_of_limits
from safedesk.domain.permits import CREW, ROLE_LABELS, Action, PermitType, Role
from safedesk.i18n import N_


class GateCode(StrEnum):
    ROLE_MISSING = "role_missing"
    NO_CREW = "no_crew"
    PERSON_UNKNOWN = "person_unknown"
    DISMISSED = "dismissed"
    NOT_INTRODUCED = "not_introduced"
    NO_CHECK = "no_check"
    NO_CERTIFICATE = "no_certificate"
    CERTIFICATES_UNKNOWN = "certificates_unknown"
    ELECTRICAL_GROUP = "electrical_group"
    SAME_PERSON = "same_person"
    NO_BRIEFING = "no_briefing"
    NO_GAS_TEST = "no_gas_test"
    GAS_TEST_OLD = "gas_test_old"
    GAS_OUT_OF_LIMITS = "gas_out_of_limits"
    GAS_NOT_MEASURED = "gas_not_measured"
    NO_ISOLATION = "no_isolation"
    ISOLATION_NOT_APPLIED = "isolation_not_applied"
    PAST_END = "past_end"


# No written reason makes these safe: the gate cannot be overridden while they stand.
HARD_CODES = frozenset(
    {
        GateCode.PERSON_UNKNOWN,
        GateCode.DISMISSED,
        GateCode.NO_GAS_TEST,
        GateCode.GAS_TEST_OLD,
        GateCode.GAS_OUT_OF_LIMITS,
        GateCode.GAS_NOT_MEASURED,
        GateCode.ISOLATION_NOT_APPLIED,
        GateCode.PAST_END,
        GateCode.NO_CREW,
        GateCode.ROLE_MISSING,
    }
)


@dataclass(frozen=True)
class GateReason:
    code: GateCode
    field: str  # the part of the permit to fix: "roles", "crew", "gas_tests", "isolations", ...
    msgid: str
    values: dict[str, object] = dataclasses.field(default_factory=dict)

    @property
    def hard(self) -> bool:
        return self.code in HARD_CODES


@dataclass(frozen=True)
class PersonFacts:
    """What the gate needs to know about one person, read from the registers."""

    key: str  # "employee:12" or "contractor:5": the same person is the same key
    name: str
    contractor: bool = False
    exists: bool = True
    dismissed_on: dt.date | None = None  # for a contractor's worker: no longer on the job
    valid_check: bool = False
    introduced: bool = True  # a contractor's worker had the introductory briefing
    electrical_group: int | None = None
    certificates: frozenset[str] | None = frozenset()  # None: the register cannot tell
    briefed: bool = False  # the targeted briefing of this permit is recorded


@dataclass(frozen=True)
class IsolationFacts:
    point: str
    lock_no: str
    applied: bool  # applied, with the person who applied it
    removed: bool


@dataclass(frozen=True)
class TypeRules:
    """The rules of one permit type (reference data, editable by the user)."""

    type: PermitType
    required_roles: frozenset[Role] = frozenset({Role.ISSUER, Role.SUPERVISOR, Role.ADMITTER})
    distinct: tuple[tuple[str, str], ...] = ()  # role values or CREW: never the same person
    certificates: Mapping[str, frozenset[str]] = dataclasses.field(
        default_factory=dict
    )  # role/CREW → kinds
    electrical_groups: Mapping[str, int] = dataclasses.field(
        default_factory=dict
    )  # role/CREW → min group
    gas_test: bool = False
    isolation_required: bool = False
    # certificate kind code → its name in the reader's language (certificate_kinds);
    # a reason names the certificate, not its code.
    certificate_names: Mapping[str, str] = dataclasses.field(default_factory=dict)

    def certificate_name(self, kind: str) -> str:
        return self.certificate_names.get(kind) or kind


@dataclass(frozen=True)
class PermitFacts:
    type: PermitType
    at: dt.datetime  # the moment of the step
    planned_end: dt.datetime  # with extensions
    roles: Mapping[Role, PersonFacts]
    crew: Sequence[PersonFacts]
    isolations: Sequence[IsolationFacts] = ()
    gas_tests: Sequence[GasReading] = ()


@dataclass(frozen=True)
class GasRules:
    limits: Mapping[Gas, GasLimit]
    valid_minutes: int  # how old the last test may be when people go in


def _who(role: str) -> str:
    return N_("Crew member") if role == CREW else ROLE_LABELS[Role(role)]


def person_reasons(
    person: PersonFacts, role: str, rules: TypeRules, day: dt.date, need_briefing: bool
) -> list[GateReason]:
    """Every reason `person` may not take `role` (a Role value or CREW) on `day`."""
    who: dict[str, object] = {"who": _who(role), "person": person.name}
    where = "crew" if role == CREW else "roles"
    found: list[GateReason] = []
    if not person.exists:
        return [
            GateReason(
                GateCode.PERSON_UNKNOWN, where, N_("{who}: the person is not on record."), who
            )
        ]
    if person.dismissed_on is not None and person.dismissed_on <= day:
        found.append(
            GateReason(
                GateCode.DISMISSED,
                where,
                N_("{who} {person} no longer works here (since {date})."),
                {**who, "date": person.dismissed_on},
            )
        )
    if not person.introduced:
        found.append(
            GateReason(
                GateCode.NOT_INTRODUCED,
                where,
                N_("{who} {person}: the contractor's worker has no introductory briefing."),
                who,
            )
        )
    if not person.valid_check:
        found.append(
            GateReason(
                GateCode.NO_CHECK,
                where,
                N_("{who} {person} has no valid knowledge check on {date}."),
                {**who, "date": day},
            )
        )
    needed = rules.certificates.get(role, frozenset())
    if needed and person.certificates is None:
        found.append(
            GateReason(
                GateCode.CERTIFICATES_UNKNOWN,
                where,
                N_("{who} {person}: the certificates ({kinds}) cannot be checked."),
                {**who, "kinds": ", ".join(rules.certificate_name(k) for k in sorted(needed))},
            )
        )
    elif needed and person.certificates is not None:
        for kind in sorted(needed - person.certificates):
            found.append(
                GateReason(
                    GateCode.NO_CERTIFICATE,
                    where,
                    N_("{who} {person} has no valid certificate: {kind}."),
                    {**who, "kind": rules.certificate_name(kind)},
                )
            )
    group = rules.electrical_groups.get(role)
    if group is not None and (person.electrical_group or 0) < group:
        found.append(
            GateReason(
                GateCode.ELECTRICAL_GROUP,
                where,
                N_("{who} {person}: electrical-safety group {group} is needed, has {has}."),
                {
                    **who,
                    "group": group_numeral(group),
                    "has": group_numeral(person.electrical_group) or "—",
                },
            )
        )
    if need_briefing and not person.briefed:
        found.append(
            GateReason(
                GateCode.NO_BRIEFING,
                "crew",
                N_("{who} {person}: the targeted briefing is not recorded."),
                who,
            )
        )
    return found


def _holders(facts: PermitFacts, name: str) -> list[PersonFacts]:
    if name == CREW:
        return list(facts.crew)
    person = facts.roles.get(Role(name))
    return [person] if person is not None else []


def separation_reasons(facts: PermitFacts, rules: TypeRules) -> list[GateReason]:
    """One reason per pair of roles the same person holds against the type's rules."""
    found: list[GateReason] = []
    for first, second in rules.distinct:
        seconds = {p.key for p in _holders(facts, second)}
        for person in _holders(facts, first):
            if person.key in seconds:
                found.append(
                    GateReason(
                        GateCode.SAME_PERSON,
                        "roles",
                        N_("{person} cannot be both {first} and {second} on this permit."),
                        {"person": person.name, "first": _who(first), "second": _who(second)},
                    )
                )
    return found


def newcomer_reasons(
    person: PersonFacts,
    roles: Mapping[Role, PersonFacts],
    rules: TypeRules,
    day: dt.date,
    admitted: bool,
) -> list[GateReason]:
    """The gate of a crew change: the newcomer's own reasons, and the roles kept apart."""
    found = person_reasons(person, CREW, rules, day, need_briefing=admitted)
    for first, second in rules.distinct:
        if CREW not in (first, second) or first == second:
            continue
        other = second if first == CREW else first
        holder = roles.get(Role(other))
        if holder is not None and holder.key == person.key:
            found.append(
                GateReason(
                    GateCode.SAME_PERSON,
                    "roles",
                    N_("{person} cannot be both {first} and {second} on this permit."),
                    {"person": person.name, "first": _who(other), "second": _who(CREW)},
                )
            )
    return found


def gas_reasons(facts: PermitFacts, gas: GasRules) -> list[GateReason]:
    """The latest test must be recent, measure every gas with a limit, and be within limits."""
    earlier = [t for t in facts.gas_tests if t.taken_at <= facts.at]
    if not earlier:
        return [
            GateReason(
                GateCode.NO_GAS_TEST,
                "gas_tests",
                N_("No gas test is recorded before admission."),
            )
        ]
    moment = max(t.taken_at for t in earlier)
    # Tests taken at the same moment (two places, two instruments): the worst one counts.
    latest = [t for t in earlier if t.taken_at == moment]
    found: list[GateReason] = []
    age = facts.at - moment
    if age > dt.timedelta(minutes=gas.valid_minutes):
        found.append(
            GateReason(
                GateCode.GAS_TEST_OLD,
                "gas_tests",
                N_("The last gas test is {minutes} min old; at most {limit} min is allowed."),
                {"minutes": int(age.total_seconds() // 60), "limit": gas.valid_minutes},
            )
        )
    for last in latest:
        found += _reading_reasons(last, gas)
    return found


def _reading_reasons(last: GasReading, gas: GasRules) -> list[GateReason]:
    found: list[GateReason] = []
    for g in out_of_limits(last, dict(gas.limits)):
        found.append(
            GateReason(
                GateCode.GAS_OUT_OF_LIMITS,
                "gas_tests",
                N_("{gas} = {value}: outside the allowed {limit}."),
                {
                    "gas": GAS_LABELS[g],
                    "value": f"{last.values[g]:g}",
                    "limit": gas.limits[g].describe(),
                },
            )
        )
    for g in gas.limits:
        if last.values.get(g) is None:
            found.append(
                GateReason(
                    GateCode.GAS_NOT_MEASURED,
                    "gas_tests",
                    N_("{gas} was not measured in the last gas test."),
                    {"gas": GAS_LABELS[g]},
                )
            )
    return found


def isolation_reasons(facts: PermitFacts, rules: TypeRules, admitting: bool) -> list[GateReason]:
    found: list[GateReason] = []
    points = [p for p in facts.isolations if not p.removed]
    if rules.isolation_required and not facts.isolations:
        found.append(
            GateReason(
                GateCode.NO_ISOLATION,
                "isolations",
                N_("List the isolation points (what is switched off, locked and tagged)."),
            )
        )
    if admitting:
        for point in points:
            if not point.applied or not point.lock_no.strip():
                found.append(
                    GateReason(
                        GateCode.ISOLATION_NOT_APPLIED,
                        "isolations",
                        N_("Isolation point {point}: no lock No. or nobody who applied it."),
                        {"point": point.point},
                    )
                )
    return found


def gate(action: Action, facts: PermitFacts, rules: TypeRules, gas: GasRules) -> list[GateReason]:
    """Every reason `action` may not be taken now; [] when the permit may go ahead."""
    admitting = action in (Action.ACTIVATE, Action.RESUME)
    day = facts.at.astimezone(KAZAKHSTAN).date()
    found: list[GateReason] = []
    for role in Role:
        if role in rules.required_roles and role not in facts.roles:
            found.append(
                GateReason(
                    GateCode.ROLE_MISSING,
                    "roles",
                    N_("The {who} is not named."),
                    {"who": ROLE_LABELS[role]},
                )
            )
    if not facts.crew:
        found.append(GateReason(GateCode.NO_CREW, "crew", N_("The crew is not named.")))
    for role, person in facts.roles.items():
        found += person_reasons(person, role.value, rules, day, need_briefing=False)
    for person in facts.crew:
        found += person_reasons(person, CREW, rules, day, need_briefing=admitting)
    found += separation_reasons(facts, rules)
    found += isolation_reasons(facts, rules, admitting)
    if admitting and rules.gas_test:
        found += gas_reasons(facts, gas)
    if admitting and facts.planned_end < facts.at:
        found.append(
            GateReason(
                GateCode.PAST_END,
                "planned_end",
                N_("The planned end has passed: extend the permit first."),
            )
        )
    return found


def overridable(reasons: Sequence[GateReason]) -> bool:
    """Whether a written reason may let the step go ahead despite `reasons`."""
    return not any(r.hard for r in reasons)
