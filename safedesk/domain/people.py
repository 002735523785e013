"""Employees as the registers see them: names, the IIN cross-check, employment dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from safedesk.domain.ids import Sex, iin_birth_date, iin_problem, iin_sex
from safedesk.i18n import N_


class PositionCategory(StrEnum):
    """Labour Code art. 182: managers are checked every 3 years, workers every year."""

    MANAGER = "manager"
    SPECIALIST = "specialist"
    WORKER = "worker"


CATEGORY_LABELS = {
    PositionCategory.MANAGER: N_("Manager"),
    PositionCategory.SPECIALIST: N_("Specialist"),
    PositionCategory.WORKER: N_("Worker"),
}

SEX_LABELS = {Sex.MALE: N_("Male"), Sex.FEMALE: N_("Female")}

ELECTRICAL_GROUPS = (1, 2, 3, 4, 5)
_NUMERALS = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V"}


def group_numeral(group: object) -> str:
    """An electrical-safety group as the rules write it (I–V); "" for none."""
    if isinstance(group, int) and not isinstance(group, bool):
        return _NUMERALS.get(group, str(group))
    return ""


@dataclass(frozen=True)
class Complaint:
    """A rule a record breaks: the field, a message id and its values."""

    field: str
    msgid: str
    values: dict[str, object]


def full_name(surname: str, name: str, patronymic: str | None) -> str:
    return " ".join(p for p in (surname, name, patronymic or "") if p)


def short_name(surname: str, name: str, patronymic: str | None) -> str:
    """'Ахметов Е.Қ.' as signatures and journals write it."""
    initials = "".join(f"{p[0]}." for p in (name, patronymic or "") if p)
    return f"{surname} {initials}".strip()


def employee_complaints(
    *,
    iin: str,
    surname: str,
    name: str,
    birth_date: dt.date | None,
    sex: Sex | None,
    hire_date: dt.date | None,
    dismissal_date: dt.date | None,
    electrical_group: int | None,
    today: dt.date,
) -> list[Complaint]:
    """Every rule an employee record breaks; empty when it may be saved."""
    found: list[Complaint] = []
    problem = iin_problem(iin)
    if problem:
        found.append(Complaint("iin", problem.msgid, problem.values))
    if not surname.strip():
        found.append(Complaint("surname", N_("Surname is required."), {}))
    if not name.strip():
        found.append(Complaint("name", N_("Name is required."), {}))
    if problem is None:
        encoded = iin_birth_date(iin)
        if birth_date is not None and encoded is not None and birth_date != encoded:
            found.append(
                Complaint(
                    "birth_date",
                    N_("Birth date {given} contradicts IIN {iin}, which says {encoded}."),
                    {"given": birth_date, "iin": iin, "encoded": encoded},
                )
            )
        if sex is not None and sex != iin_sex(iin):
            found.append(
                Complaint(
                    "sex",
                    N_("Sex contradicts IIN {iin}: its 7th digit {digit} says {sex}."),
                    {"iin": iin, "digit": iin[6], "sex": SEX_LABELS[iin_sex(iin)]},
                )
            )
    if hire_date is not None and hire_date > today + dt.timedelta(days=366):
        found.append(
            Complaint(
                "hire_date", N_("Hire date {date} is more than a year ahead."), {"date": hire_date}
            )
        )
    if dismissal_date is not None and hire_date is not None and dismissal_date < hire_date:
        found.append(
            Complaint(
                "dismissal_date",
                N_("Dismissal date {dismissed} is before the hire date {hired}."),
                {"dismissed": dismissal_date, "hired": hire_date},
            )
        )
    if electrical_group is not None and electrical_group not in ELECTRICAL_GROUPS:
        found.append(
            Complaint("electrical_group", N_("Electrical-safety group must be 1 to 5."), {})
        )
    return found


def needs_ohs_service(headcount: int) -> bool:
    """Labour Code art. 202: more than 50 workers need an OHS service, else a specialist."""
    return headcount > 50
