"""The demo enterprise's units: an underground mine, concentrator, shops, CHP, transport.

As the large polymetallic employers of East Kazakhstan are built. `staff` weights say who
works in a unit; `key_staff` posts are filled first, one person each, so that even a
small demo has its director, OHS officers and a head for every unit.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from safedesk.db.models import Unit
from safedesk.demo.context import DemoContext, DemoUnit


@dataclass(frozen=True)
class UnitSpec:
    key: str
    parent: str | None
    name_kk: str
    name_ru: str
    key_staff: tuple[str, ...] = ()
    share: float = 0.0  # of the employees not in key posts
    staff: tuple[tuple[str, float], ...] = ()


_MINING = (
    ("underground_miner", 5), ("driller", 3), ("blaster", 1), ("timberman", 2),
    ("lhd_operator", 2), ("mining_foreman", 1), ("underground_electrician", 1),
)  # fmt: skip

U = UnitSpec
# fmt: off
UNITS = (
    U("adm", None, "Әкімшілік", "Администрация"),
    U("dir", "adm", "Басшылық", "Дирекция",
      ("director", "chief_engineer", "chief_power_engineer"), 0.3, (("economist", 1),)),
    U("ohs", "adm", "Еңбекті қорғау және өнеркәсіптік қауіпсіздік қызметі",
      "Служба охраны труда и промышленной безопасности",
      ("ohs_chief", "ohs_engineer", "ohs_engineer"), 0.4, (("ohs_engineer", 1),)),
    U("acc", "adm", "Бухгалтерия", "Бухгалтерия",
      ("chief_accountant",), 0.8, (("accountant", 4), ("economist", 1))),
    U("hr", "adm", "Персоналды басқару бөлімі", "Отдел управления персоналом",
      ("hr_head",), 0.5, (("hr_manager", 1),)),
    U("aho", "adm", "Әкімшілік-шаруашылық бөлімі", "Административно-хозяйственный отдел",
      (), 1.0, (("storekeeper", 2), ("cleaner", 3), ("driver", 1))),
    U("mine", None, "Жерасты кеніші", "Подземный рудник", ("mine_head",)),
    U("shaft1", "mine", "№ 1 шахта", "Шахта № 1", ("shaft_head",)),
    U("sec1", "shaft1", "№ 1 тау-кен учаскесі", "Горный участок № 1",
      ("section_head",), 6.0, _MINING),
    U("sec2", "shaft1", "№ 2 тау-кен учаскесі", "Горный участок № 2",
      ("section_head",), 5.0, _MINING),
    U("shaft2", "mine", "№ 2 шахта", "Шахта № 2", ("shaft_head",)),
    U("sec3", "shaft2", "№ 3 үңгілеу учаскесі", "Проходческий участок № 3",
      ("section_head",), 4.0, (("tunneller", 5), *_MINING[1:])),
    U("sec4", "shaft2", "№ 4 тау-кен учаскесі", "Горный участок № 4",
      ("section_head",), 5.0, _MINING),
    U("hoist", "mine", "Шахталық көтеру учаскесі", "Участок шахтного подъёма",
      ("section_head",), 2.0,
      (("hoist_operator", 4), ("underground_electrician", 2), ("repair_fitter", 2))),
    U("geo", "mine", "Геология және маркшейдерлік бөлім", "Геолого-маркшейдерский отдел",
      (), 0.8, (("geologist", 1), ("surveyor", 1))),
    U("conc", None, "Байыту фабрикасы", "Обогатительная фабрика", ("factory_head",)),
    U("crush", "conc", "Ұсату учаскесі", "Участок дробления", ("section_head",), 3.0,
      (("crusher_operator", 4), ("repair_fitter", 1), ("shift_foreman", 1),
       ("crane_operator", 1))),
    U("flot", "conc", "Флотация учаскесі", "Участок флотации", ("section_head",), 4.0,
      (("flotation_operator", 4), ("mill_operator", 3), ("shift_foreman", 1),
       ("repair_fitter", 1))),
    U("lab", "conc", "Химиялық-аналитикалық зертхана", "Химико-аналитическая лаборатория",
      (), 1.5, (("lab_assistant", 1),)),
    U("rmc", None, "Жөндеу-механикалық цехы", "Ремонтно-механический цех", ("shop_head",), 3.0,
      (("repair_fitter", 4), ("turner", 2), ("welder", 2), ("crane_operator", 1),
       ("foreman", 1), ("mechanic", 0.5))),
    U("chp", None, "Жылу электр орталығы", "Теплоэлектроцентраль"),
    U("boiler", "chp", "Қазандық цехы", "Котельный цех", ("shop_head",), 2.0,
      (("boiler_operator", 4), ("repair_fitter", 1), ("foreman", 1))),
    U("elec", "chp", "Электр цехы", "Электрический цех", ("shop_head",), 2.5,
      (("electrician_repair", 4), ("duty_electrician", 3), ("power_engineer", 1),
       ("foreman", 1))),
    U("trans", None, "Көлік цехы", "Транспортный цех", ("shop_head",)),
    U("auto", "trans", "Автокөлік учаскесі", "Автотранспортный участок", ("section_head",), 2.5,
      (("driver", 6), ("repair_fitter", 1), ("dispatcher", 1), ("mechanic", 1))),
    U("rail", "trans", "Темір жол учаскесі", "Железнодорожный участок", ("section_head",), 1.0,
      (("loco_driver", 3), ("repair_fitter", 1), ("dispatcher", 1))),
)
# fmt: on
del U
UNIT_SPECS = {u.key: u for u in UNITS}


def unit_codes() -> dict[str, str]:
    """'02', '02.01', '02.01.02': the numbering a staff list (штатное расписание) uses."""
    codes: dict[str, str] = {}
    children: dict[str | None, int] = {}
    for u in UNITS:
        children[u.parent] = children.get(u.parent, 0) + 1
        own = f"{children[u.parent]:02d}"
        codes[u.key] = f"{codes[u.parent]}.{own}" if u.parent else own
    return codes


def add_units(ctx: DemoContext, rng: random.Random) -> None:
    first = ctx.writer.next_id(Unit)
    codes = unit_codes()
    rows = []
    for i, u in enumerate(UNITS):  # parents stand before their children
        parent_id = ctx.units[u.parent].id if u.parent else None
        ctx.units[u.key] = DemoUnit(first + i, u.key, parent_id, next(iter(u.key_staff), None))
        rows.append(
            {
                "id": first + i,
                "name_kk": u.name_kk,
                "name_ru": u.name_ru,
                "parent_id": parent_id,
                "code": codes[u.key],
            }
        )
    ctx.writer.insert(Unit, rows)
