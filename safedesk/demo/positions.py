"""Demo positions (professions) of a mining and metallurgy enterprise, in Kazakh and Russian.

Categories follow Labour Code art. 182 (managers are checked every 3 years, workers
yearly); `harmful` marks work in harmful conditions (milk, extra PPE); electricians and
electrically-skilled workers carry the electrical-safety group their job needs.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from safedesk.db.models import Position
from safedesk.demo.context import DemoContext, DemoPosition

M, S, W = "manager", "specialist", "worker"


@dataclass(frozen=True)
class PositionSpec:
    key: str
    name_kk: str
    name_ru: str
    category: str
    harmful: bool = False
    electrical_group: int | None = None
    female_share: float = 0.1
    office: bool = False  # no workwear, so no PPE sizes on the card


P = PositionSpec
# fmt: off
POSITIONS = (
    P("director", "Бас директор", "Генеральный директор", M, office=True),
    P("chief_engineer", "Бас инженер", "Главный инженер", M),
    P("chief_power_engineer", "Бас энергетик", "Главный энергетик", M, electrical_group=5),
    P("ohs_chief", "Еңбекті қорғау жөніндегі бас инженер", "Главный инженер по охране труда",
      M, female_share=0.3),
    P("ohs_engineer", "Еңбекті қорғау жөніндегі инженер", "Инженер по охране труда",
      S, female_share=0.4),
    P("chief_accountant", "Бас бухгалтер", "Главный бухгалтер", M, female_share=0.8, office=True),
    P("accountant", "Бухгалтер", "Бухгалтер", S, female_share=0.85, office=True),
    P("economist", "Экономист", "Экономист", S, female_share=0.7, office=True),
    P("hr_head", "Персонал бөлімінің бастығы", "Начальник отдела кадров",
      M, female_share=0.7, office=True),
    P("hr_manager", "Персонал жөніндегі менеджер", "Менеджер по персоналу",
      S, female_share=0.8, office=True),
    P("storekeeper", "Қоймашы", "Кладовщик", W, female_share=0.6),
    P("cleaner", "Қызметтік үй-жайларды жинаушы", "Уборщик служебных помещений",
      W, female_share=0.9),
    P("mine_head", "Кеніш бастығы", "Начальник рудника", M, True, female_share=0),
    P("shaft_head", "Шахта бастығы", "Начальник шахты", M, True, female_share=0),
    P("section_head", "Учаске бастығы", "Начальник участка", M, True, female_share=0.05),
    P("mining_foreman", "Тау-кен шебері", "Горный мастер", M, True, female_share=0),
    P("underground_miner", "Жерасты тау-кен жұмысшысы", "Горнорабочий подземный",
      W, True, female_share=0),
    P("tunneller", "Үңгілеуші", "Проходчик", W, True, female_share=0),
    P("driller", "Шпур бұрғылаушы", "Бурильщик шпуров", W, True, female_share=0),
    P("blaster", "Жарушы", "Взрывник", W, True, female_share=0),
    P("timberman", "Бекітуші", "Крепильщик", W, True, female_share=0),
    P("lhd_operator", "Тиеп-жеткізу машинасының машинисі",
      "Машинист погрузочно-доставочной машины", W, True, female_share=0),
    P("hoist_operator", "Көтеру машинасының машинисі", "Машинист подъёмной машины",
      W, True, female_share=0.5),
    P("underground_electrician", "Жерасты электр слесарі", "Электрослесарь подземный",
      W, True, 3, female_share=0),
    P("geologist", "Геолог", "Геолог", S, female_share=0.4),
    P("surveyor", "Маркшейдер", "Маркшейдер", S, female_share=0.3),
    P("factory_head", "Фабрика бастығы", "Начальник фабрики", M, True),
    P("shift_foreman", "Ауысым шебері", "Мастер смены", M, True, female_share=0.2),
    P("crusher_operator", "Ұсатушы", "Дробильщик", W, True),
    P("mill_operator", "Диірмен машинисі", "Машинист мельницы", W, True, female_share=0.3),
    P("flotation_operator", "Флотатор", "Флотатор", W, True, female_share=0.4),
    P("lab_assistant", "Химиялық талдау зертханашысы", "Лаборант химического анализа",
      W, True, female_share=0.9),
    P("shop_head", "Цех бастығы", "Начальник цеха", M, female_share=0.05),
    P("foreman", "Шебер", "Мастер", M),
    P("repair_fitter", "Жөндеуші слесарь", "Слесарь-ремонтник", W, female_share=0.02),
    P("turner", "Токарь", "Токарь", W, female_share=0.15),
    P("welder", "Электргаздәнекерлеуші", "Электрогазосварщик", W, True, 2, female_share=0.02),
    P("crane_operator", "Көпір кранының машинисі", "Машинист мостового крана",
      W, False, 2, female_share=0.7),
    P("electrician_repair", "Электр жабдығын жөндеу жөніндегі электр монтері",
      "Электромонтёр по ремонту электрооборудования", W, False, 3, female_share=0.05),
    P("duty_electrician", "Кезекші электр монтері", "Дежурный электромонтёр", W, False, 4),
    P("power_engineer", "Энергетик инженері", "Инженер-энергетик", S, False, 4, 0.2),
    P("boiler_operator", "Қазандық машинисі", "Машинист котлов", W, True, female_share=0.2),
    P("driver", "Автомобиль жүргізушісі", "Водитель автомобиля", W, female_share=0.02),
    P("loco_driver", "Тепловоз машинисі", "Машинист тепловоза", W, True, female_share=0),
    P("dispatcher", "Диспетчер", "Диспетчер", S, female_share=0.7),
    P("mechanic", "Механик", "Механик", S, female_share=0.05),
)
# fmt: on
del P
POSITION_SPECS = {p.key: p for p in POSITIONS}

# Heads of production shops: the persons an order makes responsible for briefings,
# permits and PPE in their shop (roadmap item 4).
SHOP_HEADS = frozenset({"mine_head", "factory_head", "shop_head"})


def add_positions(ctx: DemoContext, rng: random.Random) -> None:
    first = ctx.writer.next_id(Position)
    rows = []
    for i, p in enumerate(POSITIONS):
        ctx.positions[p.key] = DemoPosition(
            first + i, p.key, p.category, p.harmful, p.electrical_group
        )
        rows.append(
            {
                "id": first + i,
                "name_kk": p.name_kk,
                "name_ru": p.name_ru,
                "category": p.category,
                "harmful": p.harmful,
                "electrical_group_required": p.electrical_group,
            }
        )
    ctx.writer.insert(Position, rows)
