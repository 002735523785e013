"""Reading rosters as safety officers have them: real XLSX and CSV files in tmp_path."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path

import openpyxl
import pytest

from safedesk.domain.ids import Sex, check_digit
from safedesk.errors import FileProblem
from safedesk.forms.roster import read_roster, sheet_names
from safedesk.forms.roster_header import FIELD_SYNONYMS, field_of, label_key

TODAY = dt.date(2025, 6, 1)
IIN_1987 = "871008401427"  # 08.10.1987, female
IIN_1976 = "760212350620"  # 12.02.1976, male
IIN_2006 = "061211600012"  # 11.12.2006, female


def make_iin(born: dt.date, female: bool = False, serial: int = 1) -> str:
    """A valid IIN for someone born on `born` (century digit from the year)."""
    century = 3 if born.year < 2000 else 5
    while True:
        first = f"{born:%y%m%d}{century + female}{serial:04d}"
        digit = check_digit(first)
        if digit is not None:
            return first + str(digit)
        serial += 1


def xlsx(
    path: Path, sheets: dict[str, Sequence[Sequence[object]]], merges: Sequence[str] = ()
) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    for merge in merges:
        workbook.worksheets[-1].merge_cells(merge)
    workbook.save(path)
    return path


def one_sheet(tmp_path: Path, rows: Sequence[Sequence[object]], **kw: object) -> Path:
    return xlsx(tmp_path / "roster.xlsx", {"Roster": rows}, **kw)  # type: ignore[arg-type]


def messages(row: object) -> list[str]:
    return [p.message() for p in row.problems]  # type: ignore[attr-defined]


def by_row(roster: object) -> dict[int, object]:
    return {r.row: r for r in roster.rows}  # type: ignore[attr-defined]


# --- header ---------------------------------------------------------------------------


def test_synonyms_name_one_field_each_and_match_loosely() -> None:
    keys: dict[str, str] = {}
    for name, synonyms in FIELD_SYNONYMS.items():
        for synonym in synonyms:
            assert keys.setdefault(label_key(synonym), name) == name
    assert field_of("Ф.И.О.") == field_of("фио") == field_of(" ФИО ") == "full_name"
    assert field_of("ЖСН / ИИН") == "iin"
    assert field_of("Лауазымы\nДолжность") == "position"
    assert field_of("Дата рождения (дд.мм.гггг)") == "birth_date"
    assert field_of("Дата приёма") == "hire_date"
    assert field_of("Примечание") is None
    assert field_of(12) is None


def test_title_lines_and_two_row_merged_bilingual_header(tmp_path: Path) -> None:
    path = one_sheet(
        tmp_path,
        [
            ["«Шығыс Руда» ЖШС / ТОО «Восток Руда»"],
            ["Қызметкерлер тізімі / Список работников", None, None, None, None, None, "01.06.2025"],
            [],
            ["№ р/с", "ЖСН / ИИН", "Т.А.Ә. / ФИО", None, None, "Лауазымы / Должность", "Бөлімше"],
            [None, None, "Тегі / Фамилия", "Аты / Имя", "Әкесінің аты / Отчество"],
            [1, 2, 3, 4, 5, 6, 7],
            [1, IIN_1987, "Ахметов", "Ерлан", "Серікұлы", "Слесарь", "Цех №1"],
            [2, IIN_2006, "Серікова", "Айгүл", "Серік қызы", "Электрик", "Цех №1"],
        ],
        merges=["A4:A5", "B4:B5", "C4:E4", "F4:F5", "G4:G5"],
    )
    roster = read_roster(path, today=TODAY)
    assert roster.sheet == "Roster"
    assert roster.header_row == 5
    assert roster.columns == {
        "iin": "ЖСН / ИИН",
        "surname": "Тегі / Фамилия",
        "name": "Аты / Имя",
        "patronymic": "Әкесінің аты / Отчество",
        "position": "Лауазымы / Должность",
        "unit": "Бөлімше",
    }
    assert [r.row for r in roster.rows] == [7, 8]  # the column numbering in row 6 is skipped
    first, second = roster.rows
    assert (first.fields.surname, first.fields.name, first.fields.patronymic) == (
        "Ахметов",
        "Ерлан",
        "Серікұлы",
    )
    assert (first.unit_name, first.position_name) == ("Цех №1", "Слесарь")
    assert second.fields.patronymic == "Серік қызы"
    assert not first.problems and not second.problems


def test_kazakh_header_with_full_name_in_one_column(tmp_path: Path) -> None:
    path = one_sheet(
        tmp_path,
        [
            [
                "ЖСН",
                "Аты-жөні",
                "Лауазымы",
                "Құрылымдық бөлімше",
                "Табель №",
                "Туған күні",
                "Жынысы",
                "Жұмысқа қабылданған күні",
                "Электр қауіпсіздігі тобы",
            ],
            [
                IIN_1987,
                "Ахметова  Әсел Серік қызы",
                "Электрші",
                "Энергоцех",
                1001,
                "08.10.1987",
                "Ә",
                "01.03.2010",
                "III",
            ],
            [IIN_2006, "Серікова Айгүл", "Оператор", "Энергоцех", "0042", None, "әйел", None, None],
        ],
    )
    first, second = read_roster(path, today=TODAY).rows
    assert (first.fields.surname, first.fields.name, first.fields.patronymic) == (
        "Ахметова",
        "Әсел",
        "Серік қызы",
    )
    assert first.fields.personnel_no == "1001"
    assert first.fields.birth_date == dt.date(1987, 10, 8)
    assert first.fields.sex is Sex.FEMALE
    assert first.fields.hire_date == dt.date(2010, 3, 1)
    assert first.fields.electrical_group == 3
    assert (second.fields.patronymic, second.fields.personnel_no) == ("", "0042")
    assert second.fields.sex is Sex.FEMALE
    assert not first.problems and not second.problems


def test_russian_header_fio(tmp_path: Path) -> None:
    path = one_sheet(
        tmp_path,
        [
            [
                "№ п/п",
                "Ф.И.О.",
                "ИИН",
                "Должность",
                "Подразделение",
                "Таб. №",
                "Дата рождения",
                "Пол",
                "Дата приема",
                "Группа по электробезопасности",
            ],
            [
                1,
                "Петров Пётр Петрович",
                IIN_1976,
                "Мастер",
                "Участок 2",
                "77",
                "12.02.1976",
                "м",
                "15.01.2001",
                "IV гр.",
            ],
        ],
    )
    roster = read_roster(path, today=TODAY)
    (row,) = roster.rows
    assert roster.columns["full_name"] == "Ф.И.О."
    assert (row.fields.surname, row.fields.name, row.fields.patronymic) == (
        "Петров",
        "Пётр",
        "Петрович",
    )
    assert (row.unit_name, row.fields.personnel_no, row.fields.electrical_group) == (
        "Участок 2",
        "77",
        4,
    )
    assert row.fields.hire_date == dt.date(2001, 1, 15)
    assert not row.problems


def test_english_header_split_names(tmp_path: Path) -> None:
    path = one_sheet(
        tmp_path,
        [
            [
                "IIN",
                "Surname",
                "First name",
                "Patronymic",
                "Position",
                "Department",
                "Personnel No.",
                "Birth date",
                "Sex",
                "Hire date",
                "Electrical group",
                "Notes",
            ],
            [
                IIN_1976,
                "Petrov",
                "Petr",
                "",
                "Foreman",
                "Site 2",
                "77",
                "1976-02-12",
                "M",
                "2001-01-15",
                2,
                "night shift",
            ],
        ],
    )
    roster = read_roster(path, today=TODAY)
    (row,) = roster.rows
    assert (row.fields.surname, row.fields.name) == ("Petrov", "Petr")
    assert row.fields.birth_date == dt.date(1976, 2, 12)
    assert row.fields.electrical_group == 2
    assert roster.ignored_columns == ["Notes"]
    assert not row.problems


def test_a_lone_name_column_holds_the_full_name(tmp_path: Path) -> None:
    path = one_sheet(tmp_path, [["IIN", "Name"], [IIN_1976, "Petrov Petr"]])
    (row,) = read_roster(path, today=TODAY).rows
    assert (row.fields.surname, row.fields.name) == ("Petrov", "Petr")


# --- values ---------------------------------------------------------------------------


def test_iin_stored_as_a_number_gets_its_leading_zeros_back(tmp_path: Path) -> None:
    born_2000 = make_iin(dt.date(2000, 3, 5), female=True)  # 0003055…: three zeros lost
    path = one_sheet(
        tmp_path,
        [
            ["ИИН", "ФИО"],
            [int(IIN_2006), "Серикова Айгуль"],  # 61211600012
            [float(IIN_1987), "Ахметов Ерлан"],  # 871008401427.0
            [61211600012.0, "Серикова Айгуль"],
            [int(born_2000), "Ким Алина"],
            [" 760212 350620 ", "Петров Петр"],
        ],
    )
    rows = read_roster(path, today=TODAY).rows
    assert [r.fields.iin for r in rows] == [IIN_2006, IIN_1987, IIN_2006, born_2000, IIN_1976]
    assert len(str(int(born_2000))) == 9
    assert not rows[1].problems and not rows[3].problems and not rows[4].problems


def test_text_dates_and_excel_dates(tmp_path: Path) -> None:
    people = [make_iin(dt.date(1990, 1, 2), serial=s) for s in (1, 20, 300, 4000)]
    path = one_sheet(
        tmp_path,
        [
            ["ИИН", "ФИО", "Дата рождения", "Дата приема"],
            [people[0], "А Б", dt.datetime(1990, 1, 2), dt.date(2015, 5, 4)],
            [people[1], "А Б", "02.01.1990", "04.05.15"],
            [people[2], "А Б", "1990-01-02", "4.5.2015 г."],
            [people[3], "А Б", "02.01.90", "2015-05-04 00:00:00"],
        ],
    )
    rows = read_roster(path, today=TODAY).rows
    assert {r.fields.birth_date for r in rows} == {dt.date(1990, 1, 2)}
    assert {r.fields.hire_date for r in rows} == {dt.date(2015, 5, 4)}
    assert all(not r.problems for r in rows)


def test_unreadable_date_names_the_cell_text(tmp_path: Path) -> None:
    path = one_sheet(
        tmp_path,
        [["ИИН", "ФИО", "Дата рождения", "Дата приема"], [IIN_1987, "А Б", "31.02.1987", "вчера"]],
    )
    (row,) = read_roster(path, today=TODAY).rows
    assert messages(row) == [
        "Birth date: “31.02.1987” is not a date; write it as dd.mm.yyyy.",
        "Hire date: “вчера” is not a date; write it as dd.mm.yyyy.",
    ]
    assert {p.field for p in row.problems} == {"birth_date", "hire_date"}


def test_sex_and_group_that_cannot_be_read(tmp_path: Path) -> None:
    path = one_sheet(
        tmp_path,
        [
            ["ИИН", "ФИО", "Пол", "Группа ЭБ"],
            [IIN_1987, "А Б", "x", "седьмая"],
            [IIN_1976, "В Г", "Ж", ""],
        ],
    )
    first, second = read_roster(path, today=TODAY).rows
    assert [p.field for p in first.problems] == ["sex", "electrical_group"]
    assert "“x”" in messages(first)[0] and "“седьмая”" in messages(first)[1]
    # Ж says female, the IIN's 7th digit 3 says male.
    assert messages(second) == ["Sex contradicts IIN 760212350620: its 7th digit 3 says Male."]


def test_blank_rows_are_skipped_and_row_numbers_kept(tmp_path: Path) -> None:
    path = one_sheet(
        tmp_path,
        [
            ["ИИН", "ФИО"],
            [],
            [IIN_1987, "Ахметов Ерлан"],
            [None, "  "],
            [],
            [IIN_1976, "Петров Петр"],
            ["", None],
        ],
    )
    assert [r.row for r in read_roster(path, today=TODAY).rows] == [3, 6]


# --- row problems ---------------------------------------------------------------------


def test_duplicate_iin_names_both_rows(tmp_path: Path) -> None:
    path = one_sheet(
        tmp_path,
        [
            ["ИИН", "ФИО"],
            [IIN_1987, "Ахметов Ерлан"],
            [IIN_1976, "Петров Петр"],
            [IIN_1987, "Ахмет Ерлан"],
        ],
    )
    rows = by_row(read_roster(path, today=TODAY))
    assert messages(rows[2]) == [f"IIN {IIN_1987} is also in row 4."]
    assert messages(rows[4]) == [f"IIN {IIN_1987} is also in row 2."]
    assert not rows[3].problems  # type: ignore[attr-defined]


def test_wrong_check_digit_says_what_it_should_be(tmp_path: Path) -> None:
    path = one_sheet(tmp_path, [["ИИН", "ФИО"], ["871008401428", "Ахметов Ерлан"]])
    (row,) = read_roster(path, today=TODAY).rows
    assert messages(row) == ["IIN 871008401428: the check digit (12th) should be 7, not 8."]
    assert row.problems[0].field == "iin"


def test_birth_date_contradicting_the_iin(tmp_path: Path) -> None:
    path = one_sheet(
        tmp_path, [["ИИН", "ФИО", "Дата рождения"], [IIN_1987, "Ахметов Ерлан", "09.10.1987"]]
    )
    (row,) = read_roster(path, today=TODAY).rows
    assert messages(row) == [
        f"Birth date 09.10.1987 contradicts IIN {IIN_1987}, which says 08.10.1987."
    ]


def test_missing_names_and_missing_iin(tmp_path: Path) -> None:
    path = one_sheet(
        tmp_path,
        [
            ["ЖСН", "Тегі", "Аты"],
            [IIN_1987, "Ахметов", ""],
            [IIN_1976, "", ""],
            ["", "Петров", "Петр"],
        ],
    )
    rows = by_row(read_roster(path, today=TODAY))
    assert messages(rows[2]) == ["Name is required."]
    assert messages(rows[3]) == ["Surname is required.", "Name is required."]
    assert messages(rows[4]) == ["IIN is required."]


# --- CSV ------------------------------------------------------------------------------


def test_csv_utf8_with_bom_and_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    text = (
        "Қызметкерлер тізімі;;;\r\n"
        "ЖСН;Т.А.Ә.;Лауазымы;Туған күні\r\n"
        f"{IIN_1987};Ахметов Ерлан Серікұлы;Слесарь, 5 разряд;08.10.1987\r\n"
        f"61211600012;Серікова Айгүл;Электрик;11.12.2006\r\n"
    )
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    roster = read_roster(path, today=TODAY)
    assert roster.sheet is None and roster.header_row == 2
    first, second = roster.rows
    assert first.position_name == "Слесарь, 5 разряд"
    assert second.fields.iin == IIN_2006
    assert (first.row, second.row) == (3, 4)
    assert not first.problems and not second.problems


def test_csv_windows_1251_with_commas(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    text = (
        "ИИН,Фамилия,Имя,Отчество,Должность,Дата рождения\r\n"
        f'{IIN_1976},Петров,Пётр,Петрович,"Мастер, участок 2",12.02.76\r\n'
    )
    path.write_bytes(text.encode("cp1251"))
    (row,) = read_roster(path, today=TODAY).rows
    assert (row.fields.surname, row.fields.name, row.fields.patronymic) == (
        "Петров",
        "Пётр",
        "Петрович",
    )
    assert row.position_name == "Мастер, участок 2"
    assert row.fields.birth_date == dt.date(1976, 2, 12)
    assert not row.problems


def test_csv_with_tabs(tmp_path: Path) -> None:
    path = tmp_path / "roster.txt"
    path.write_text(f"IIN\tFull name\n{IIN_1987}\tAkhmetov Yerlan\n", encoding="utf-8")
    (row,) = read_roster(path, today=TODAY).rows
    assert (row.fields.iin, row.fields.surname) == (IIN_1987, "Akhmetov")


# --- sheets and file problems ---------------------------------------------------------


def test_the_sheet_with_a_header_is_chosen(tmp_path: Path) -> None:
    path = xlsx(
        tmp_path / "book.xlsx",
        {
            "Титул": [["Бекітемін / Утверждаю"], ["Директор"]],
            "Тізім": [["ЖСН", "Т.А.Ә."], [IIN_1987, "Ахметов Ерлан"]],
        },
    )
    roster = read_roster(path, today=TODAY)
    assert roster.sheet == "Тізім" and len(roster.rows) == 1


def test_named_sheet(tmp_path: Path) -> None:
    path = xlsx(
        tmp_path / "book.xlsx",
        {
            "2024": [["ЖСН", "Т.А.Ә."], [IIN_1987, "Ахметов Ерлан"]],
            "2025": [["ЖСН", "Т.А.Ә."], [IIN_1976, "Петров Петр"]],
        },
    )
    assert sheet_names(path) == ["2024", "2025"]
    assert read_roster(path, sheet="2025", today=TODAY).rows[0].fields.iin == IIN_1976
    with pytest.raises(FileProblem) as caught:
        read_roster(path, sheet="2026")
    assert (
        caught.value.message()
        == f"The workbook {path} has no sheet “2026”. Its sheets: 2024, 2025."
    )


def test_no_header_says_what_was_looked_for(tmp_path: Path) -> None:
    path = one_sheet(tmp_path, [["Фамилия", "Должность"], ["Петров", "Мастер"]])
    with pytest.raises(FileProblem) as caught:
        read_roster(path)
    text = caught.value.message()
    assert "No header row was found in the first 30 rows" in text
    assert "IIN column (ЖСН / ИИН / IIN)" in text and "name column" in text


def test_header_without_rows(tmp_path: Path) -> None:
    path = one_sheet(tmp_path, [["ИИН", "ФИО"], [], [None, None]])
    with pytest.raises(FileProblem, match="no employees below it"):
        read_roster(path)


def test_random_bytes_named_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    path.write_bytes(os.urandom(2000))
    with pytest.raises(FileProblem) as caught:
        read_roster(path)
    assert "is not a readable Excel workbook" in caught.value.message()


def test_missing_file_folder_and_other_types(tmp_path: Path) -> None:
    with pytest.raises(FileProblem, match="does not exist"):
        read_roster(tmp_path / "nothing.xlsx")
    with pytest.raises(FileProblem, match="is a folder"):
        read_roster(tmp_path)
    old = tmp_path / "roster.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(FileProblem) as caught:
        read_roster(old)
    assert "“.xls” cannot be imported" in caught.value.message()


def test_binary_file_named_csv(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(b"\x00\x98\x00" * 100)
    with pytest.raises(FileProblem, match="not text in UTF-8 or Windows-1251"):
        read_roster(path)
