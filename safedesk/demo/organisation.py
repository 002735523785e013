"""The demo employer: a mining and metallurgy company in Өскемен / Усть-Каменогорск.

Runs after the employees step: the card names the director as head and counts the
people employed today. A card the user already filled in (`init --org-name --bin`) is
kept as it is: the demo adds registers to their organisation, it does not rename it.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select

from safedesk.db.models import Organisation
from safedesk.demo.context import DemoContext
from safedesk.demo.people import random_day
from safedesk.demo.positions import POSITION_SPECS
from safedesk.domain.ids import check_digit
from safedesk.domain.people import full_name

NAME_KK = "«Шығыс Алтай кен-металлургия комбинаты» ЖШС"
NAME_RU = "ТОО «Восточно-Алтайский горно-металлургический комбинат»"
ADDRESS = (
    "070004, Шығыс Қазақстан облысы, Өскемен қ., Абай даңғылы, 12 / "
    "070004, Восточно-Казахстанская область, г. Усть-Каменогорск, пр. Абая, 12"
)
PHONE = "+7 (7232) 40-12-00"
EMAIL = "ohs@example.kz"  # example.kz: a demo must not mail a real company

# BIN digit 5: 4 = resident legal entity; digit 6: 0 = head office (DOMAIN.md §2).
_RESIDENT_HEAD_OFFICE = "40"


def bin_for(registered: dt.date, serial: int) -> str | None:
    """The BIN of a resident head office registered in that month; None if none exists."""
    first = f"{registered.year % 100:02d}{registered.month:02d}{_RESIDENT_HEAD_OFFICE}{serial:05d}"
    check = check_digit(first)
    return None if check is None else f"{first}{check}"


def random_bin(rng: random.Random) -> str:
    registered = random_day(rng, dt.date(1997, 1, 1), dt.date(2012, 12, 31))
    while (number := bin_for(registered, rng.randint(1, 99999))) is None:
        pass  # about one serial in 11 has no valid check digit: draw another
    return number


def add_organisation(ctx: DemoContext, rng: random.Random) -> None:
    existing = ctx.writer.scalar(select(Organisation.id).order_by(Organisation.id).limit(1))
    if existing is not None:
        ctx.organisation_id = int(existing)
        return
    today = ctx.plan.today
    head = next((e for e in ctx.employees if e.position_key == "director"), None)
    organisation_id = ctx.writer.next_id(Organisation)
    ctx.writer.insert(
        Organisation,
        [
            {
                "id": organisation_id,
                "name_kk": NAME_KK,
                "name_ru": NAME_RU,
                "bin": random_bin(rng),
                "address": ADDRESS,
                "head_name": full_name(head.surname, head.name, head.patronymic) if head else "",
                "head_position_kk": POSITION_SPECS["director"].name_kk if head else "",
                "head_position_ru": POSITION_SPECS["director"].name_ru if head else "",
                "headcount": sum(1 for e in ctx.employees if e.active_on(today)),
                "phone": PHONE,
                "email": EMAIL,
            }
        ],
    )
    ctx.organisation_id = organisation_id
