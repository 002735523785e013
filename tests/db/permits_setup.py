"""A staffed database for the permit tests: a unit, people with valid checks and certificates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from safedesk.db.certificates import CertificateFields, add_certificate
from safedesk.db.check_sessions import ResultFields, SessionFields, add_session, sign_session
from safedesk.db.employees import EmployeeFields, add_employee
from safedesk.db.engine import Database
from safedesk.db.permits import IsolationPoint, PermitFields, PersonRef
from safedesk.db.units import UnitFields, add_unit
from safedesk.domain.accidents import KAZAKHSTAN
from safedesk.domain.ids import check_digit
from safedesk.domain.permits import PermitType, Role
from safedesk.domain.training import CheckKind

TODAY = dt.date(2026, 6, 1)
START = dt.datetime(2026, 6, 1, 9, 0, tzinfo=KAZAKHSTAN).astimezone(dt.UTC)
END = START + dt.timedelta(hours=8)
PEOPLE = ("issuer", "manager", "supervisor", "admitter", "observer", "crew1", "crew2", "spare")


def iin(n: int) -> str:
    """A valid IIN of a man born on 1 January 1980 with serial `n`."""
    for serial in range(n, n + 50):
        first = f"800101300{serial:02d}"[:11]
        digit = check_digit(first)
        if digit is not None:
            return first + str(digit)
    raise AssertionError(n)


@dataclass
class Staff:
    unit_id: int
    ids: dict[str, int]

    def ref(self, key: str) -> PersonRef:
        return PersonRef(employee_id=self.ids[key])


def staff(db: Database, held: dt.date = dt.date(2026, 1, 15)) -> Staff:
    """Eight people with checks passed on `held`; gas-hazardous and first-aid certificates."""
    used: set[str] = set()
    with db.write() as s:
        unit = add_unit(s, UnitFields("Кеніш", "Рудник")).id
        ids: dict[str, int] = {}
        for i, key in enumerate(PEOPLE):
            number = iin(i * 7 + 1)
            while number in used:
                number = iin(int(number[9:11]) + 1)
            used.add(number)
            ids[key] = add_employee(
                s,
                EmployeeFields(
                    iin=number,
                    surname=key.title(),
                    name="Ерлан",
                    unit_id=unit,
                    hire_date=dt.date(2020, 1, 1),
                ),
                max(TODAY, held),
            ).id
        row = add_session(
            s,
            SessionFields(
                "УЦ-1",
                held,
                CheckKind.PERIODIC,
                external_body="Оқу орталығы",
                results=[ResultFields(i) for i in ids.values()],
            ),
            max(TODAY, held),
        )
        sign_session(s, row.id, None, held)
        for key in ("supervisor", "crew1", "crew2", "spare"):
            add_certificate(
                s, CertificateFields("gas_hazardous", held, employee_id=ids[key]), max(TODAY, held)
            )
        first_aid = CertificateFields("first_aid", held, employee_id=ids["observer"])
        add_certificate(s, first_aid, max(TODAY, held))
    return Staff(unit, ids)


def confined_space(st: Staff, **kw: object) -> PermitFields:
    fields = PermitFields(
        type=PermitType.CONFINED_SPACE,
        unit_id=st.unit_id,
        planned_start=START,
        planned_end=END,
        location="Тұндырғыш Т-2 / Отстойник О-2",
        work="Резервуарды тазалау / Очистка резервуара",
        roles={
            Role.ISSUER: st.ref("issuer"),
            Role.RESPONSIBLE_MANAGER: st.ref("manager"),
            Role.SUPERVISOR: st.ref("supervisor"),
            Role.ADMITTER: st.ref("admitter"),
            Role.OBSERVER: st.ref("observer"),
        },
        crew=[st.ref("crew1"), st.ref("crew2")],
        hazards=["Оттегі жетіспеушілігі / Недостаток кислорода", "H2S"],
        measures=["Желдету / Вентиляция", "Страховочный трос"],
        ppe=["Противогаз ПШ-1", "Страховочная привязь"],
        isolations=[IsolationPoint("Задвижка З-3", "закрыта, заглушка")],
    )
    for key, value in kw.items():
        setattr(fields, key, value)
    return fields


def active_permit(db: Database, st: Staff) -> int:
    """An organisation, and a confined-space permit issued, admitted, a shift ended, extended."""
    from sqlalchemy import select

    from safedesk.db.models import PermitIsolation
    from safedesk.db.organisation import OrganisationFields, save_organisation
    from safedesk.db.permit_entries import (
        GasTestFields,
        add_gas_test,
        apply_isolation,
        end_shift,
    )
    from safedesk.db.permit_steps import extend, take_step
    from safedesk.db.permit_work import record_briefing
    from safedesk.db.permits import create_permit
    from safedesk.domain.permit_gas import Gas
    from safedesk.domain.permits import Action

    air = {Gas.O2: "20.9", Gas.LEL: "0", Gas.CO: "3", Gas.H2S: "0"}
    with db.write() as s:
        save_organisation(
            s,
            OrganisationFields("«Шығыс Мыс» ЖШС", "ТОО «Шыгыс Мыс»", "940140000385", headcount=120),
        )
        pid = create_permit(s, confined_space(st)).id
        take_step(
            s, pid, None, Action.ISSUE, at=START - dt.timedelta(hours=1),
            signed_by_id=st.ids["issuer"],
        )  # fmt: skip
        point = s.scalars(select(PermitIsolation.id)).one()
        apply_isolation(s, pid, point, lock_no="L-07", applied_by_id=st.ids["admitter"], at=START)
        record_briefing(s, pid, st.ids["admitter"], START)
        add_gas_test(
            s, pid, GasTestFields(START, air, "люк Л-1", st.ids["admitter"], "X-am 2500 № 17"),
            now=START,
        )  # fmt: skip
        take_step(s, pid, None, Action.ACTIVATE, at=START + dt.timedelta(minutes=5))
        end_shift(s, pid, ended_by_id=st.ids["supervisor"], at=START + dt.timedelta(hours=4))
        extend(s, pid, None, END + dt.timedelta(days=1), st.ids["issuer"], "Ауа райы / Погода")
    return pid
