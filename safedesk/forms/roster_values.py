"""Turning roster cells into values: text, dates, sex, electrical-safety group.

A cell holds whatever Excel or a person put there: a real date or "08.10.1987",
"III гр." or 3, "Ж" or "әйел". Each reader returns the value, or raises
`CellProblem` naming what it could not understand, in the user's words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from safedesk.domain.ids import Sex
from safedesk.forms.roster_header import FIELD_LABELS
from safedesk.i18n import N_


class CellProblem(ValueError):
    """A cell that cannot be read; `msgid` and `values` make the message."""

    def __init__(self, msgid: str, **values: object) -> None:
        super().__init__(msgid)
        self.msgid = msgid
        self.values = values


def text(value: object) -> str:
    """The cell as one line of text: spaces collapsed, 123.0 written as 123."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    return " ".join(str(value).split())


_DMY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
# "08.10.1987 г.", "1987-10-08 00:00:00": a year mark or a midnight time after the date.
_TAIL = re.compile(r"\s*(?:г\.?|ж\.?|жыл|год|\d{1,2}:\d{2}(?::\d{2})?)$", re.IGNORECASE)


def _two_digit_year(yy: int, today: dt.date) -> int:
    # Birth and hire dates lie in the past, or at most a year ahead (a planned hire).
    return 2000 + yy if 2000 + yy <= today.year + 1 else 1900 + yy


def date(value: object, label: str, today: dt.date) -> dt.date | None:
    """A date from a real Excel date or text dd.mm.yyyy, dd.mm.yy, yyyy-mm-dd; None if empty."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    shown = text(value)
    if not shown:
        return None
    raw = shown
    while (stripped := _TAIL.sub("", raw)) != raw:
        raw = stripped
    parts: tuple[int, int, int] | None = None
    if m := _DMY.match(raw):
        day, month, year = (int(g) for g in m.groups())
        if len(m.group(3)) == 2:
            year = _two_digit_year(year, today)
        parts = (year, month, day)
    elif m := _ISO.match(raw):
        year, month, day = (int(g) for g in m.groups())
        parts = (year, month, day)
    if parts is not None and parts[0] >= 1900:
        try:
            return dt.date(*parts)
        except ValueError:
            pass
    raise CellProblem(
        N_("{column}: “{text}” is not a date; write it as dd.mm.yyyy."), column=label, text=shown
    )


def date_of(field: str, today: dt.date) -> Callable[[object], dt.date | None]:
    """A reader of the date column `field` (a key of FIELD_LABELS)."""
    label = FIELD_LABELS[field]
    return lambda value: date(value, label, today)


_SEXES = {
    Sex.MALE: ("м", "муж", "мужской", "ер", "е", "ер адам", "m", "male", "man"),
    Sex.FEMALE: ("ж", "жен", "женский", "әйел", "ә", "f", "female", "woman"),
}
_SEX_BY_WORD = {word: sex for sex, words in _SEXES.items() for word in words}


def sex(value: object) -> Sex | None:
    shown = text(value)
    if not shown:
        return None
    found = _SEX_BY_WORD.get(shown.casefold().rstrip("."))
    if found is None:
        raise CellProblem(
            N_("Sex: “{text}” is not understood; write М or Ж (ер or әйел, M or F)."), text=shown
        )
    return found


_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}
_GROUP = re.compile(r"(?<![\dIVX])(?:([1-5])|(V|IV|I{1,3}))(?![\dIVX])")


def electrical_group(value: object) -> int | None:
    """3, '3', 'III', 'III гр.', 'ІІІ группа до 1000 В' → 3."""
    shown = text(value)
    if not shown:
        return None
    # Kazakh keyboards type the Roman I as the Cyrillic І.
    m = _GROUP.search(shown.upper().replace("І", "I"))
    if m is None:
        raise CellProblem(
            N_("Electrical-safety group: “{text}” is not understood; write 1 to 5 (or I to V)."),
            text=shown,
        )
    return int(m.group(1)) if m.group(1) else _ROMAN[m.group(2)]


def split_full_name(full: str) -> tuple[str, str, str]:
    """'Ахметов Ерлан Серік ұлы' → surname, name, and the rest as the patronymic."""
    words = full.split()
    surname = words[0] if words else ""
    name = words[1] if len(words) > 1 else ""
    return surname, name, " ".join(words[2:])
