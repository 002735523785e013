"""The city a document is drawn up in, read from the organisation's address.

The organisation card has a single free-text address, written in one language.
A form prints the city in each language's own spelling ('Өскемен қ.' and
'г. Усть-Каменогорск'), so the cities a SafeDesk user is likely to be in are
spelled both ways here; any other city prints as the address writes it.
"""

from __future__ import annotations

import re

from safedesk.forms.pdf.parts import Place

# kk → ru: the cities of East Kazakhstan and Abai oblasts, then the oblast centres.
CITY_SPELLINGS = {
    "Өскемен": "Усть-Каменогорск",
    "Семей": "Семей",
    "Риддер": "Риддер",
    "Алтай": "Алтай",
    "Зайсан": "Зайсан",
    "Шемонаиха": "Шемонаиха",
    "Серебрянск": "Серебрянск",
    "Аягөз": "Аягоз",
    "Курчатов": "Курчатов",
    "Шар": "Шар",
    "Астана": "Астана",
    "Алматы": "Алматы",
    "Шымкент": "Шымкент",
    "Қарағанды": "Караганда",
    "Павлодар": "Павлодар",
    "Екібастұз": "Экибастуз",
    "Ақтөбе": "Актобе",
    "Атырау": "Атырау",
    "Ақтау": "Актау",
    "Қостанай": "Костанай",
    "Петропавл": "Петропавловск",
    "Көкшетау": "Кокшетау",
    "Орал": "Уральск",
    "Тараз": "Тараз",
    "Қызылорда": "Кызылорда",
    "Түркістан": "Туркестан",
    "Талдықорған": "Талдыкорган",
    "Жезқазған": "Жезказган",
    "Теміртау": "Темиртау",
    "Балқаш": "Балхаш",
}
_RU_TO_KK = {ru: kk for kk, ru in CITY_SPELLINGS.items()}

_NAME = r"([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]*(?:[ -][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]*)?)"
_PATTERNS = (
    re.compile(rf"(?:\bг\.|\bгород)\s*{_NAME}"),  # г. Усть-Каменогорск
    re.compile(rf"{_NAME}\s+(?:қ\.|қаласы)"),  # Өскемен қ., Өскемен қаласы
)


def place_from_address(address: str) -> Place | None:
    """The city named in `address` in both spellings, or None when none is marked."""
    for pattern in _PATTERNS:
        match = pattern.search(address)
        if match:
            city = match.group(1)
            last = city.split(" ")[-1]
            if (
                city not in CITY_SPELLINGS
                and city not in _RU_TO_KK
                and (last in CITY_SPELLINGS or last in _RU_TO_KK)
            ):
                city = last  # 'Қазақстан Өскемен қ.' with the comma left out
            if city in CITY_SPELLINGS:
                return Place(kk=city, ru=CITY_SPELLINGS[city])
            if city in _RU_TO_KK:
                return Place(kk=_RU_TO_KK[city], ru=city)
            return Place(kk=city, ru=city)
    return None
