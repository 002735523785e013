"""Contractors and their workers: what makes them valid records, and who may be admitted.

Roadmap items 12, 24, 31: contractor staff are briefed by the client and hold a valid
knowledge check before they work on the site; a permit asks `admission_complaints`.
"""

from __future__ import annotations

import datetime as dt

from safedesk.domain.ids import bin_problem, iin_problem
from safedesk.domain.people import ELECTRICAL_GROUPS, Complaint
from safedesk.i18n import N_


def contractor_complaints(
    *,
    name: str,
    bin_: str,
    contract_from: dt.date | None,
    contract_to: dt.date | None,
) -> list[Complaint]:
    found: list[Complaint] = []
    if not name.strip():
        found.append(Complaint("name", N_("The name of the organisation is required."), {}))
    problem = bin_problem(bin_)
    if problem is not None:
        found.append(Complaint("bin", problem.msgid, dict(problem.values)))
    if contract_from is not None and contract_to is not None and contract_to < contract_from:
        found.append(
            Complaint(
                "contract_to",
                N_("The contract ends on {end}, before it starts on {start}."),
                {"end": contract_to, "start": contract_from},
            )
        )
    return found


def worker_complaints(
    *,
    iin: str,
    surname: str,
    name: str,
    electrical_group: int | None,
    arrived_on: dt.date | None = None,
    left_on: dt.date | None = None,
) -> list[Complaint]:
    found: list[Complaint] = []
    problem = iin_problem(iin)
    if problem is not None:
        found.append(Complaint("iin", problem.msgid, dict(problem.values)))
    if not surname.strip():
        found.append(Complaint("surname", N_("The surname is required."), {}))
    if not name.strip():
        found.append(Complaint("name", N_("The name is required."), {}))
    if electrical_group is not None and electrical_group not in ELECTRICAL_GROUPS:
        found.append(
            Complaint("electrical_group", N_("The electrical safety group is I to V."), {})
        )
    if arrived_on is not None and left_on is not None and left_on < arrived_on:
        found.append(
            Complaint(
                "left_on",
                N_("Left the site on {left}, before coming on {arrived}."),
                {"left": left_on, "arrived": arrived_on},
            )
        )
    return found


def admission_complaints(
    *,
    person: str,
    on: dt.date,
    left_on: dt.date | None,
    contract_from: dt.date | None,
    contract_to: dt.date | None,
    introductory_on: dt.date | None,
    workplace_due: dt.date | None,
    workplace_on: dt.date | None,
    check_valid: bool,
    arrived_on: dt.date | None = None,
) -> list[Complaint]:
    """Every reason a contractor's worker may not work on `on`.

    `introductory_on`: the latest introductory briefing held by the client on or before
    `on`; `workplace_on`/`workplace_due`: the latest primary or repeated briefing and when
    the next one is due; `check_valid`: a passed knowledge check in force on `on`.
    """
    found: list[Complaint] = []
    values: dict[str, object] = {"person": person, "date": on}
    if arrived_on is not None and on < arrived_on:
        found.append(
            Complaint(
                "worker",
                N_("{person} comes on the site only on {arrived}."),
                {**values, "arrived": arrived_on},
            )
        )
    if left_on is not None and on > left_on:
        found.append(
            Complaint(
                "worker", N_("{person} left the site on {left}."), {**values, "left": left_on}
            )
        )
    if (contract_from is not None and on < contract_from) or (
        contract_to is not None and on > contract_to
    ):
        found.append(
            Complaint(
                "worker",
                N_("{person}: the contractor's contract is not in force on {date}."),
                values,
            )
        )
    if introductory_on is None:
        found.append(
            Complaint("worker", N_("{person} has no introductory briefing by {date}."), values)
        )
    if workplace_on is None:
        found.append(
            Complaint(
                "worker", N_("{person} has no primary briefing at the workplace by {date}."), values
            )
        )
    elif workplace_due is not None and on > workplace_due:
        found.append(
            Complaint(
                "worker",
                N_("{person}: the repeated briefing was due on {due}."),
                {**values, "due": workplace_due},
            )
        )
    if not check_valid:
        found.append(
            Complaint("worker", N_("{person} has no valid knowledge check on {date}."), values)
        )
    return found
