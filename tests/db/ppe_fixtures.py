"""A small enterprise with PPE norms linked, shared by the PPE tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from safedesk.db.employees import EmployeeFields, add_employee
from safedesk.db.engine import Database
from safedesk.db.models import PpeItem
from safedesk.db.organisation import OrganisationFields, save_organisation
from safedesk.db.positions import PositionFields, add_position
from safedesk.db.ppe_catalogue import link_default_norms
from safedesk.db.units import UnitFields, add_unit

TODAY = dt.date(2025, 6, 30)
HIRED = dt.date(2020, 3, 2)


@dataclass
class Shop:
    unit: int
    office: int
    miners: list[int]  # two underground miners
    clerk: int  # an accountant: no norm
    items: dict[str, int]  # item code -> id


def build_shop(db: Database) -> Shop:
    with db.write() as s:
        save_organisation(
            s,
            OrganisationFields(
                "«Шығыс Кен» ЖШС",
                "ТОО «Шыгыс Кен»",
                "940140000385",
                address="070004, Өскемен қ., Қазақстан к-сі, 1",
                headcount=120,
            ),
        )
        unit = add_unit(s, UnitFields("№ 1 тау-кен учаскесі", "Горный участок № 1"))
        office = add_unit(s, UnitFields("Бухгалтерия", "Бухгалтерия"))
        miner = add_position(
            s, PositionFields("Жерасты тау-кен жұмысшысы", "Горнорабочий подземный", harmful=True)
        )
        accountant = add_position(s, PositionFields("Бухгалтер", "Бухгалтер"))
        link_default_norms(s)
        people: list[int] = []
        for iin, surname, name, patronymic, sizes in (
            ("871008401427", "Әбілқайыр", "Ғалымжан", "Құрманғазыұлы", ("52-54", "43", "58", "10")),
            ("760212350620", "Иванов", "Пётр", "Сергеевич", ("56-58", "45", "59", "11")),
        ):
            people.append(
                add_employee(
                    s,
                    EmployeeFields(
                        iin=iin,
                        surname=surname,
                        name=name,
                        patronymic=patronymic,
                        personnel_no=f"00{len(people) + 1}",
                        unit_id=unit.id,
                        position_id=miner.id,
                        hire_date=HIRED,
                        height_cm=176,
                        clothing_size=sizes[0],
                        shoe_size=sizes[1],
                        head_size=sizes[2],
                        glove_size=sizes[3],
                    ),
                    TODAY,
                ).id
            )
        clerk = add_employee(
            s,
            EmployeeFields(
                iin="061211600012",
                surname="Яковлева",
                name="Мария",
                unit_id=office.id,
                position_id=accountant.id,
                hire_date=HIRED,
            ),
            TODAY,
        ).id
        items = {i.code: i.id for i in s.scalars(select(PpeItem))}
    return Shop(unit.id, office.id, people, clerk, items)
