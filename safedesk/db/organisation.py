"""The organisation card: the employer's name, BIN and head, on every printed form."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from safedesk.db.models import Organisation
from safedesk.db.rows import check_version, insert, refuse, update
from safedesk.domain.ids import bin_problem
from safedesk.errors import Problem
from safedesk.i18n import N_


@dataclass
class OrganisationFields:
    name_kk: str
    name_ru: str
    bin: str
    address: str = ""
    head_name: str = ""
    head_position_kk: str = ""
    head_position_ru: str = ""
    headcount: int = 0
    phone: str = ""
    email: str = ""


def get_organisation(session: Session) -> Organisation | None:
    return session.scalars(select(Organisation).order_by(Organisation.id).limit(1)).first()


def organisation_problems(fields: OrganisationFields) -> list[Problem]:
    found: list[Problem] = []
    if not fields.name_kk.strip() and not fields.name_ru.strip():
        found.append(
            Problem("name_ru", N_("The organisation's name is required (Kazakh or Russian)."))
        )
    problem = bin_problem(fields.bin.strip())
    if problem:
        found.append(Problem("bin", problem.msgid, dict(problem.values)))
    if fields.headcount < 0:
        found.append(Problem("headcount", N_("Headcount cannot be negative.")))
    return found


def save_organisation(
    session: Session, fields: OrganisationFields, version: int | None = None
) -> Organisation:
    """Create the card on first start, update it afterwards."""
    refuse(organisation_problems(fields))
    values = {k: v.strip() if isinstance(v, str) else v for k, v in asdict(fields).items()}
    org = get_organisation(session)
    if org is None:
        org = Organisation(**values, created_by=str(session.info.get("user", "")))
        insert(session, org)
        return org
    check_version(org, version)
    update(session, org, values)
    return org
