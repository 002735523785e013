"""Accidents at work (Labour Code art. 186–190): classification and legal deadlines.

Deadlines run from the moment of the accident, as the employer must act:
notify the labour inspection within a day; form the investigation commission within
24 hours; investigate within 10 working days of forming it; send the act (form Н-1)
within 3 working days after the investigation ends. Working days follow the holiday
calendar (`working_days.WorkCalendar`). The periods are a `DeadlineRules` value built
from the editable `accident_deadline_rules` table (db/accident_deadlines.py), seeded from
resources/reference/accident_deadlines.json: a changed law is an edited row, not new code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from safedesk.domain.accident_deadlines import DeadlineRules, seed_rules
from safedesk.domain.ids import iin_problem
from safedesk.domain.people import Complaint
from safedesk.domain.working_days import WorkCalendar
from safedesk.i18n import N_

# Kazakhstan keeps UTC+5 all year: the legal day of an accident is its local date.
KAZAKHSTAN = dt.timezone(dt.timedelta(hours=5))


class Classification(StrEnum):
    LIGHT = "light"
    SEVERE = "severe"
    GROUP = "group"
    FATAL = "fatal"


CLASSIFICATION_LABELS = {
    Classification.LIGHT: N_("Light"),
    Classification.SEVERE: N_("Severe"),
    Classification.GROUP: N_("Group"),
    Classification.FATAL: N_("Fatal"),
}


class Outcome(StrEnum):
    """What happened to one victim."""

    LIGHT = "light"
    SEVERE = "severe"
    FATAL = "fatal"


OUTCOME_LABELS = {
    Outcome.LIGHT: N_("Light injury"),
    Outcome.SEVERE: N_("Severe injury"),
    Outcome.FATAL: N_("Death"),
}


class CommissionRole(StrEnum):
    CHAIR = "chair"
    MEMBER = "member"


ROLE_LABELS = {CommissionRole.CHAIR: N_("Chair"), CommissionRole.MEMBER: N_("Member")}


class CauseKind(StrEnum):
    TECHNICAL = "technical"
    ORGANISATIONAL = "organisational"
    PERSONAL = "personal"


CAUSE_LABELS = {
    CauseKind.TECHNICAL: N_("Technical"),
    CauseKind.ORGANISATIONAL: N_("Organisational"),
    CauseKind.PERSONAL: N_("Personal (human factor)"),
}


def special_investigation(classification: Classification | str) -> bool:
    """Severe, group and fatal accidents are investigated by a special commission (art. 190)."""
    return Classification(classification) is not Classification.LIGHT


def suggested_classification(outcomes: Sequence[Outcome | str]) -> Classification:
    """What the victims' outcomes make the accident: two or more victims is a group one."""
    kinds = {Outcome(o) for o in outcomes}
    if len(outcomes) >= 2:
        return Classification.GROUP
    if Outcome.FATAL in kinds:
        return Classification.FATAL
    if Outcome.SEVERE in kinds:
        return Classification.SEVERE
    return Classification.LIGHT


class StepKey(StrEnum):
    NOTIFY = "notify"
    COMMISSION = "commission"
    INVESTIGATION = "investigation"
    ACT = "act"


STEP_LABELS = {
    StepKey.NOTIFY: N_("Notify the labour inspection"),
    StepKey.COMMISSION: N_("Form the investigation commission"),
    StepKey.INVESTIGATION: N_("Complete the investigation"),
    StepKey.ACT: N_("Send the accident act (Н-1)"),
}


@dataclass(frozen=True)
class Step:
    key: StepKey
    due: dt.date  # the last local day the step may be done on
    done: dt.date | None

    @property
    def what(self) -> str:
        return STEP_LABELS[self.key]

    def overdue(self, today: dt.date) -> bool:
        return self.done is None and self.due < today

    def late(self) -> bool:
        """Done, but after its deadline."""
        return self.done is not None and self.done > self.due


def local_date(moment: dt.datetime) -> dt.date:
    return moment.astimezone(KAZAKHSTAN).date()


def accident_steps(
    occurred_at: dt.datetime,
    calendar: WorkCalendar,
    *,
    notified_on: dt.date | None = None,
    commission_on: dt.date | None = None,
    investigated_on: dt.date | None = None,
    act_on: dt.date | None = None,
    rules: DeadlineRules | None = None,
) -> list[Step]:
    """The four legal steps with their deadlines, each from the step before it.

    A later step runs from when the earlier one was actually done, or, while it is
    not, from its deadline; so every deadline is known from the first minute.
    `rules` come from the `accident_deadline_rules` table; without them, the seeded ones.
    """
    rules = rules or seed_rules()
    notify_due = local_date(occurred_at + dt.timedelta(hours=rules.notify_hours))
    commission_due = local_date(occurred_at + dt.timedelta(hours=rules.commission_hours))
    start = commission_on or commission_due
    investigation_due = calendar.add_working_days(start, rules.investigation_working_days)
    act_due = calendar.add_working_days(
        investigated_on or investigation_due, rules.act_working_days
    )
    return [
        Step(StepKey.NOTIFY, notify_due, notified_on),
        Step(StepKey.COMMISSION, commission_due, commission_on),
        Step(StepKey.INVESTIGATION, investigation_due, investigated_on),
        Step(StepKey.ACT, act_due, act_on),
    ]


@dataclass(frozen=True)
class VictimValues:
    iin: str
    full_name: str
    outcome: str
    days_lost: int


def victim_complaints(index: int, v: VictimValues) -> list[Complaint]:
    found: list[Complaint] = []
    problem = iin_problem(v.iin)
    if problem:
        found.append(Complaint("victims", problem.msgid, problem.values))
    if not v.full_name.strip():
        found.append(
            Complaint("victims", N_("Victim {n}: the full name is required."), {"n": index})
        )
    if v.outcome not in Outcome._value2member_map_:
        found.append(Complaint("victims", N_("Victim {n}: choose the outcome."), {"n": index}))
    if v.days_lost < 0:
        found.append(
            Complaint(
                "victims", N_("Victim {n}: days of incapacity cannot be negative."), {"n": index}
            )
        )
    return found


def accident_complaints(
    *,
    occurred_at: dt.datetime | None,
    unit_id: int | None,
    classification: str,
    victims: Sequence[VictimValues],
    commission_size: int,
    has_chair: bool,
    notified_on: dt.date | None,
    commission_on: dt.date | None,
    investigated_on: dt.date | None,
    act_on: dt.date | None,
    now: dt.datetime,
) -> list[Complaint]:
    """Every rule an accident record breaks; empty when it may be saved."""
    found: list[Complaint] = []
    if occurred_at is None:
        found.append(Complaint("occurred_at", N_("The date and time are required."), {}))
    elif occurred_at > now + dt.timedelta(minutes=5):
        found.append(
            Complaint(
                "occurred_at",
                N_("The accident date {date} is in the future."),
                {"date": local_date(occurred_at)},
            )
        )
    if unit_id is None:
        found.append(Complaint("unit_id", N_("Choose the place (unit) where it happened."), {}))
    if classification not in Classification._value2member_map_:
        found.append(Complaint("classification", N_("Choose the classification."), {}))
        return found
    kind = Classification(classification)
    if not victims:
        found.append(Complaint("victims", N_("Add at least one victim."), {}))
    for i, v in enumerate(victims, start=1):
        found.extend(victim_complaints(i, v))
    outcomes = {v.outcome for v in victims}
    if kind is Classification.GROUP and len(victims) < 2:
        found.append(
            Complaint("classification", N_("A group accident has two or more victims."), {})
        )
    if kind is Classification.FATAL and Outcome.FATAL.value not in outcomes and victims:
        found.append(
            Complaint("classification", N_("A fatal accident needs a victim who died."), {})
        )
    if kind is Classification.LIGHT and outcomes & {Outcome.SEVERE.value, Outcome.FATAL.value}:
        found.append(
            Complaint(
                "classification",
                N_("A victim was severely injured or died: the accident cannot be light."),
                {},
            )
        )
    if kind is Classification.FATAL and commission_size == 0:
        found.append(
            Complaint(
                "commission",
                N_("A fatal accident is investigated by a commission: name its members."),
                {},
            )
        )
    if commission_size and not has_chair:
        found.append(Complaint("commission", N_("Name the chair of the commission."), {}))
    if commission_on is not None and commission_size == 0:
        found.append(
            Complaint("commission", N_("The commission was formed: name its members."), {})
        )
    found.extend(
        _order_complaints(occurred_at, notified_on, commission_on, investigated_on, act_on)
    )
    return found


def _order_complaints(
    occurred_at: dt.datetime | None,
    notified_on: dt.date | None,
    commission_on: dt.date | None,
    investigated_on: dt.date | None,
    act_on: dt.date | None,
) -> list[Complaint]:
    found: list[Complaint] = []
    day = local_date(occurred_at) if occurred_at is not None else None
    chain = [
        ("notified_on", notified_on, "", day),
        ("commission_on", commission_on, "", day),
        ("investigated_on", investigated_on, "commission_on", commission_on or day),
        ("act_on", act_on, "investigated_on", investigated_on or day),
    ]
    for field, value, _before_field, earliest in chain:
        if value is not None and earliest is not None and value < earliest:
            found.append(
                Complaint(
                    field,
                    N_("The date {date} is before the step it follows ({earliest})."),
                    {"date": value, "earliest": earliest},
                )
            )
    if act_on is not None and investigated_on is None:
        found.append(
            Complaint("investigated_on", N_("Set when the investigation ended before the act."), {})
        )
    return found


def fatal_frequency(fatalities: int, average_headcount: float) -> float | None:
    """Indicator 41 at the enterprise: fatalities per 1,000 workers (None without staff)."""
    return fatalities * 1000 / average_headcount if average_headcount > 0 else None
