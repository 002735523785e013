"""Finding the header of an employee roster: which column holds what.

Rosters come from HR systems, 1C exports and hand-made Excel sheets, in Kazakh,
Russian or English, often bilingual ("ЖСН / ИИН"), below a title, and sometimes
with a two-row header: a merged "Т.А.Ә. / ФИО" over "Тегі", "Аты", "Әкесінің аты".
The names a column may carry are data (`FIELD_SYNONYMS`), kept here and nowhere else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from safedesk.db.roster_import import FIELD_LABELS as CHANGEABLE_LABELS
from safedesk.i18n import N_

HEADER_SCAN_ROWS = 30

# Field → every header text that names it; compared by `label_key`, so case, dots,
# dashes, spaces and line breaks do not matter ("Ф.И.О." = "ФИО" = "ф. и. о.").
# A cell may hold several names split by "/", "|", a line break or brackets.
FIELD_SYNONYMS: dict[str, tuple[str, ...]] = {
    "row_number": ("№", "№ п/п", "п/п", "№ р/с", "р/с", "р/н", "Реттік №", "No", "No.", "#"),
    "iin": (
        "ЖСН",
        "ИИН",
        "IIN",
        "Жеке сәйкестендіру нөмірі",
        "Индивидуальный идентификационный номер",
        "Individual identification number",
    ),
    "full_name": (
        "Т.А.Ә.",
        "Аты-жөні",
        "Тегі, аты, әкесінің аты",
        "Тегі, аты, әкесінің аты (бар болса)",
        "Қызметкердің аты-жөні",
        "Қызметкер",
        "Жұмыскер",
        "ФИО",
        "Ф.И.О.",
        "ФИО работника",
        "ФИО сотрудника",
        "Фамилия, имя, отчество",
        "Фамилия, имя, отчество (при наличии)",
        "Работник",
        "Сотрудник",
        "Full name",
        "Employee",
        "Employee name",
    ),
    "surname": ("Тегі", "Фамилия", "Surname", "Last name", "Family name"),
    "name": ("Аты", "Имя", "Name", "First name", "Given name"),
    "patronymic": (
        "Әкесінің аты",
        "Әкесінің аты (бар болса)",
        "Отчество",
        "Отчество (при наличии)",
        "Patronymic",
        "Middle name",
    ),
    "position": (
        "Лауазымы",
        "Лауазым",
        "Кәсібі",
        "Лауазымы (кәсібі)",
        "Должность",
        "Профессия",
        "Должность (профессия)",
        "Профессия (должность)",
        "Position",
        "Job title",
        "Profession",
    ),
    "unit": (
        "Бөлімше",
        "Бөлімшесі",
        "Құрылымдық бөлімше",
        "Құрылымдық бөлімшесі",
        "Бөлім",
        "Цех",
        "Учаске",
        "Подразделение",
        "Структурное подразделение",
        "Отдел",
        "Участок",
        "Unit",
        "Department",
        "Division",
    ),
    "personnel_no": (
        "Табель №",
        "Табель нөмірі",
        "Табельдік нөмірі",
        "Табельдік №",
        "Табельный номер",
        "Табельный №",
        "Таб. №",
        "Таб. номер",
        "Personnel No.",
        "Personnel number",
        "Employee No.",
        "Employee number",
        "Employee ID",
    ),
    "birth_date": (
        "Туған күні",
        "Туған күні, айы, жылы",
        "Туған жылы, айы, күні",
        "Дата рождения",
        "Birth date",
        "Date of birth",
        "DOB",
    ),
    "sex": ("Жынысы", "Пол", "Sex", "Gender"),
    "hire_date": (
        "Жұмысқа қабылданған күні",
        "Жұмысқа қабылдау күні",
        "Қабылданған күні",
        "Дата приема",
        "Дата приема на работу",
        "Дата поступления",
        "Дата поступления на работу",
        "Hire date",
        "Date of hire",
        "Date hired",
    ),
    "dismissal_date": (
        "Жұмыстан шыққан күні",
        "Жұмыстан босатылған күні",
        "Дата увольнения",
        "Dismissal date",
        "Date of dismissal",
    ),
    "electrical_group": (
        "Электр қауіпсіздігі тобы",
        "Электр қауіпсіздігі бойынша тобы",
        "Электр қауіпсіздігі бойынша топ",
        "Группа по электробезопасности",
        "Группа по ЭБ",
        "Группа ЭБ",
        "Electrical group",
        "Electrical safety group",
        "Electrical-safety group",
    ),
}

# What the window and messages call each field.
FIELD_LABELS: dict[str, str] = {**CHANGEABLE_LABELS, "full_name": N_("Full name")}

NAME_FIELDS = frozenset({"full_name", "surname", "name"})

_NOT_KEY = re.compile(r"[^\w№#]+")
_PARTS = re.compile(r"[/\\|\n\r()\[\]]+")


def label_key(text: str) -> str:
    """'Ф.И.О.' → 'фио': only letters, digits, № and # count, case-blind, ё as е."""
    return _NOT_KEY.sub("", text.casefold().replace("ё", "е")).replace("_", "")


def _build_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for name, synonyms in FIELD_SYNONYMS.items():
        for synonym in synonyms:
            key = label_key(synonym)
            if index.setdefault(key, name) != name:
                raise ValueError(f"header {synonym!r} names both {index[key]} and {name}")
    return index


_INDEX = _build_index()


def field_of(value: object) -> str | None:
    """The field a header cell names, or None for anything else (numbers, unknown text)."""
    if not isinstance(value, str):
        return None
    key = label_key(value)
    if not key:
        return None
    if key in _INDEX:
        return _INDEX[key]
    # "ЖСН / ИИН", "Лауазымы\nДолжность", "Дата рождения (дд.мм.гггг)": every part that is
    # a known name must agree; unknown parts (hints, units of measure) are ignored.
    found = {_INDEX[k] for part in _PARTS.split(value) if (k := label_key(part)) in _INDEX}
    return found.pop() if len(found) == 1 else None


@dataclass(frozen=True)
class Header:
    """Where the header is and which 0-based column holds each field."""

    first_row: int  # 1-based
    last_row: int  # 1-based; the same as first_row unless the header spans two rows
    columns: dict[str, int]
    labels: dict[str, str]  # field → the header text as the file writes it
    ignored: list[str] = field(default_factory=list)  # header texts that name nothing we keep


def _text(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _recognised(row: Sequence[object]) -> tuple[dict[int, str], bool]:
    """Column → field for the cells of `row`; and whether every non-empty cell is a name."""
    fields: dict[int, str] = {}
    all_names = True
    for col, value in enumerate(row):
        if _text(value) == "":
            continue
        found = field_of(value)
        if found is None:
            all_names = False
        else:
            fields[col] = found
    return fields, all_names


def _header_at(rows: Sequence[Sequence[object]], index: int, first_row: int) -> Header | None:
    upper, _ = _recognised(rows[index])
    if not upper:
        return None
    # Column → (field, the row that names it).
    by_col = {col: (name, index) for col, name in upper.items()}
    last = index
    if index + 1 < len(rows):
        lower, all_names = _recognised(rows[index + 1])
        # A second header row holds names only (blank under vertically merged cells);
        # a data row holds IINs and people's names, which are not column names.
        # Its names are the more precise: "Тегі" under a merged "Т.А.Ә.".
        if lower and all_names:
            by_col.update((col, (name, index + 1)) for col, name in lower.items())
            last = index + 1
    columns: dict[str, int] = {}
    labels: dict[str, str] = {}
    ignored: list[str] = []
    for col in sorted(by_col):
        name, named_in = by_col[col]
        if name == "row_number":
            continue
        label = _text(rows[named_in][col])
        if name in columns:
            ignored.append(label)  # a second "Цех" after "Подразделение": the first wins
            continue
        columns[name] = col
        labels[name] = label
    for i in range(index, last + 1):
        ignored.extend(_text(v) for col, v in enumerate(rows[i]) if _text(v) and col not in by_col)
    if "name" in columns and not {"surname", "full_name"} & columns.keys():
        # A lone "Name"/"Аты" column with no surname column holds the whole name.
        columns["full_name"] = columns.pop("name")
        labels["full_name"] = labels.pop("name")
    if "iin" not in columns or not NAME_FIELDS & columns.keys():
        return None
    return Header(first_row + index, first_row + last, columns, labels, ignored)


def find_header(rows: Sequence[Sequence[object]], first_row: int = 1) -> Header | None:
    """The first row (of `rows`, which start at spreadsheet row `first_row`) that names at
    least an IIN column and a name column, joined with the row below it when that row
    continues the header; None when there is none."""
    for index in range(len(rows)):
        header = _header_at(rows, index, first_row)
        if header is not None:
            return header
    return None


def is_column_numbering(row: Sequence[object]) -> bool:
    """A row '1 2 3 4 …' under the header, as printed forms number their columns."""
    numbers: list[int] = []
    for value in row:
        text = _text(value)
        if not text:
            continue
        if isinstance(value, float) and value.is_integer():
            text = str(int(value))
        if not text.isdigit():
            return False
        numbers.append(int(text))
    return len(numbers) >= 2 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))
