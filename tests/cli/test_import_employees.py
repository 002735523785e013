"""`safedesk import-employees`, run in-process through main() and once as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from safedesk.cli import main
from safedesk.db.engine import open_database
from safedesk.db.models import Employee, Position, Unit

IIN_F_1987 = "871008401427"
IIN_M_1976 = "760212350620"
IIN_F_2006 = "061211600012"


def roster(tmp_path: Path, rows: Sequence[Sequence[object]], name: str = "roster.xlsx") -> Path:
    """A roster as an HR clerk makes it: a title, a blank line, then the header."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Тізім"
    sheet.append(["Қызметкерлер тізімі"])
    sheet.append([])
    sheet.append(["№", "ЖСН", "Тегі", "Аты", "Әкесінің аты", "Лауазымы", "Бөлімше"])
    for number, row in enumerate(rows, start=1):
        sheet.append([number, *row])
    path = tmp_path / name
    workbook.save(path)
    return path


GOOD: list[list[object]] = [
    [int(IIN_F_2006), "Серікова", "Айгүл", "Серік қызы", "Электрик", "Цех 1"],  # row 4
    [IIN_M_1976, "Петров", "Петр", "", "Мастер", "цех 1"],  # row 5
]
BAD: list[object] = [IIN_F_1987[:-1] + "8", "Ахметова", "", "", "Электрик", "Цех 2"]  # row 6


def run(db_path: Path, *args: str) -> int:
    return main(["--lang", "en", "--db", str(db_path), "import-employees", *args])


def counts(db_path: Path) -> tuple[int, int, int]:
    db = open_database(db_path)
    try:
        with db.session() as s:
            return tuple(  # type: ignore[return-value]
                int(s.scalar(select(func.count()).select_from(m)) or 0)
                for m in (Employee, Unit, Position)
            )
    finally:
        db.dispose()


def summary(stdout: str) -> dict[str, int]:
    return {k: int(v) for k, v in (line.split("\t") for line in stdout.splitlines())}


def test_import_adds_employees_and_creates_units_and_positions_once(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_path, str(roster(tmp_path, GOOD))) == 0
    out = capsys.readouterr()
    assert summary(out.out) == {"added": 2, "updated": 0, "unchanged": 0, "rejected": 0}
    assert counts(db_path) == (2, 1, 2)
    db = open_database(db_path)
    with db.session() as s:
        person = s.scalars(select(Employee).where(Employee.iin == IIN_F_2006)).one()
        assert (person.surname, person.name, person.patronymic) == (
            "Серікова",
            "Айгүл",
            "Серік қызы",
        )
    db.dispose()


def test_bad_rows_are_reported_and_nothing_is_written(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_path, str(roster(tmp_path, [*GOOD, BAD]))) == 1
    out = capsys.readouterr()
    assert "Row 6: IIN 871008401428: the check digit (12th) should be 7, not 8." in out.err
    assert "Row 6: Name is required." in out.err
    assert "Nothing was written" in out.err
    assert summary(out.out)["rejected"] == 1 and summary(out.out)["added"] == 0
    assert counts(db_path) == (0, 0, 0)


def test_skip_invalid_writes_the_good_rows(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_path, str(roster(tmp_path, [*GOOD, BAD])), "--skip-invalid") == 0
    out = capsys.readouterr()
    assert "Row 6:" in out.err
    assert summary(out.out) == {"added": 2, "updated": 0, "unchanged": 0, "rejected": 1}
    assert counts(db_path) == (2, 1, 2)  # "Цех 2" of the rejected row was not made


def test_dry_run_writes_nothing(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_path, str(roster(tmp_path, GOOD)), "--dry-run") == 0
    out = capsys.readouterr()
    assert "Dry run: nothing was written." in out.err
    assert summary(out.out)["added"] == 2
    assert counts(db_path) == (0, 0, 0)
    assert run(db_path, str(roster(tmp_path, [*GOOD, BAD])), "--dry-run") == 1


def test_reimport_updates_by_iin_instead_of_duplicating(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_path, str(roster(tmp_path, GOOD))) == 0
    capsys.readouterr()
    moved = [[IIN_M_1976, "Петров", "Петр", "Иванович", "Бас механик", "Цех 3"]]
    assert run(db_path, str(roster(tmp_path, [GOOD[0], *moved], "june.xlsx"))) == 0
    assert summary(capsys.readouterr().out) == {
        "added": 0,
        "updated": 1,
        "unchanged": 1,
        "rejected": 0,
    }
    assert counts(db_path) == (2, 2, 3)
    db = open_database(db_path)
    with db.session() as s:
        person = s.scalars(select(Employee).where(Employee.iin == IIN_M_1976)).one()
        assert person.patronymic == "Иванович"
        assert person.position is not None and person.position.name_ru == "Бас механик"
    db.dispose()


def test_csv_rosters(tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    utf8 = tmp_path / "utf8.csv"
    utf8.write_bytes(
        "\ufeffЖСН;Т.А.Ә.;Лауазымы\r\n61211600012;Серікова Айгүл;Электрик\r\n".encode()
    )
    cp1251 = tmp_path / "cp1251.csv"
    cp1251.write_bytes(f"ИИН,ФИО,Должность\r\n{IIN_M_1976},Петров Петр,Мастер\r\n".encode("cp1251"))
    assert run(db_path, str(utf8)) == 0
    assert run(db_path, str(cp1251)) == 0
    assert counts(db_path) == (2, 0, 2)


def _missing(folder: Path) -> Path:
    return folder / "missing.xlsx"


def _random_bytes(folder: Path) -> Path:
    path = folder / "junk.xlsx"
    path.write_bytes(os.urandom(500))
    return path


def _no_header(folder: Path) -> Path:
    path = folder / "plain.csv"
    path.write_text("Фамилия;Должность\nПетров;Мастер\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (_missing, "does not exist"),
        (_random_bytes, "is not a readable Excel workbook"),
        (_no_header, "No header row was found"),
    ],
)
def test_file_problems_exit_1(
    tmp_path: Path,
    db_path: Path,
    capsys: pytest.CaptureFixture[str],
    make: Callable[[Path], Path],
    expected: str,
) -> None:
    assert run(db_path, str(make(tmp_path))) == 1
    assert expected in capsys.readouterr().err
    assert counts(db_path) == (0, 0, 0)


def test_wrong_sheet_name(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_path, str(roster(tmp_path, GOOD)), "--sheet", "Лист1") == 1
    assert "has no sheet “Лист1”. Its sheets: Тізім." in capsys.readouterr().err
    assert run(db_path, str(roster(tmp_path, GOOD)), "--sheet", "Тізім") == 0


def test_as_a_real_process(tmp_path: Path, db_path: Path) -> None:
    path = roster(tmp_path, [*GOOD, BAD])
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-m", "safedesk", "--lang", "en", "--db", str(db_path)]
    refused = subprocess.run(
        [*command, "import-employees", str(path)],
        capture_output=True,
        text=True,
        env=env,
        encoding="utf-8",
        timeout=120,
    )
    assert refused.returncode == 1, refused.stderr
    assert "Row 6: Name is required." in refused.stderr
    done = subprocess.run(
        [*command, "import-employees", str(path), "--skip-invalid"],
        capture_output=True,
        text=True,
        env=env,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert summary(done.stdout) == {"added": 2, "updated": 0, "unchanged": 0, "rejected": 1}
    assert counts(db_path) == (2, 1, 2)
