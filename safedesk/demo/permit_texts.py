"""What demo permits say: the work, hazards, measures, PPE, isolation points and gas-test
places of each type, in Kazakh / Russian as a plant writes them on the form."""

from __future__ import annotations

from safedesk.domain.permits import PermitType

WORK = {
    PermitType.HOT_WORK: ("Конвейер құбырын дәнекерлеу / Сварка трубопровода конвейера", "Цех"),
    PermitType.HEIGHT: ("Шатыр жабынын жөндеу / Ремонт кровли", "Корпус 2, отм. +18"),
    PermitType.ELECTRICAL: ("ҚТП-6 ажыратқышын ауыстыру / Замена выключателя КТП-6", "КТП-6"),
    PermitType.CONFINED_SPACE: ("Тұндырғышты тазалау / Очистка отстойника", "Отстойник О-2"),
    PermitType.GAS_HAZARDOUS: ("Газ құбырындағы жұмыс / Работы на газопроводе", "ГРП-1"),
    PermitType.LIFTING: ("Жабдықты монтаждау / Монтаж оборудования краном", "Пролёт Б"),
    PermitType.EXCAVATION: ("Кабель траншеясын қазу / Рытьё траншеи под кабель", "Площадка 3"),
    PermitType.OTHER: ("Ыдысты сынау / Испытание сосуда", "Компрессорная"),
}
HAZARDS = (
    "Биіктіктен құлау / Падение с высоты",
    "Электр тогы / Электрический ток",
    "Улы газдар / Токсичные газы",
    "Өрт / Пожар",
    "Құлайтын заттар / Падающие предметы",
)
MEASURES = (
    "Қоршау қою / Установить ограждение",
    "Желдету / Вентиляция",
    "Кернеуді ажырату / Снять напряжение",
    "Өрт сөндіргіш / Огнетушитель у места работ",
)
PPE = (
    "Каска / Каска",
    "Сақтандыру белдігі / Страховочная привязь",
    "Противогаз ПШ-1",
    "Диэлектрлік қолғап / Диэлектрические перчатки",
)
POINTS = ("Рубильник Р-", "Задвижка З-", "Автомат QF")
# Where the air is measured: the first reading at the way in, before anyone enters; the
# later ones where the people work.
GAS_PLACES = {
    PermitType.CONFINED_SPACE: (
        "Люк Л-1",
        ("Отстойник О-2, у дна", "Отстойник О-2, верх", "Колодец К-3, у дна"),
    ),
    PermitType.GAS_HAZARDOUS: (
        "ГРП-1, у входа",
        ("ГРП-1, у задвижки З-3", "Колодец К-3, у дна", "Ёмкость Е-2, верх"),
    ),
}
REASONS = ("Найзағай / Гроза", "Жел 15 м/с / Ветер 15 м/с", "Газ анықталды / Загазованность")
OVERRIDE = "Куәлік қағаз түрінде тексерілді / Удостоверение проверено на бумаге"
