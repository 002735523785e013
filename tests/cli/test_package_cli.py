"""`safedesk export --year Y [--quarter Q] --out FILE.zip` and `safedesk verify FILE.zip`."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from safedesk.cli import main
from safedesk.db.employees import EmployeeFields, add_employee
from safedesk.db.engine import Database
from safedesk.db.organisation import OrganisationFields, save_organisation

BIN = "940140000385"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as e:  # argparse refusing the command line
        code = int(e.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def filled(db: Database) -> Database:
    with db.write() as s:
        save_organisation(s, OrganisationFields("«Шығыс» ЖШС", "ТОО «Шыгыс»", BIN))
        add_employee(s, EmployeeFields(iin="061211600012", surname="Әбілова", name="Гүлнар"))
    return db


def test_export_then_verify(
    filled: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    code, _out, err = run(
        capsys, "--db", str(db_path), "export", "--year", "2026", "--out", str(out)
    )
    assert code == 0, err
    package = out / f"{BIN}_2026.zip"
    assert package.is_file() and str(package) in err
    code, stdout, _err = run(capsys, "--db", str(db_path), "verify", str(package))
    assert (code, stdout) == (0, "OK\n")
    code, _out, err = run(
        capsys,
        "--db",
        str(db_path),
        "export",
        "--year",
        "2026",
        "--quarter",
        "3",
        "--out",
        str(out / "q3.zip"),
    )
    assert code == 0 and f"{BIN}_2026Q3.zip" in err  # the expected name is told


def test_verify_names_the_changed_file_with_exit_2(
    filled: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "p.zip"
    assert (
        run(capsys, "--db", str(db_path), "export", "--year", "2025", "--out", str(package))[0] == 0
    )
    with zipfile.ZipFile(package) as z:
        files = {name: z.read(name) for name in z.namelist()}
    files["data/employees.csv"] += b"\r\nforged"
    with zipfile.ZipFile(package, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    code, stdout, err = run(capsys, "verify", str(package))
    assert code == 2
    assert stdout == "data/employees.csv\n" and "data/employees.csv" in err


@pytest.mark.parametrize(
    "args",
    [
        ["export", "--year", "2026", "--quarter", "5", "--out", "x.zip"],
        ["export", "--year", "twenty", "--out", "x.zip"],
        ["export", "--out", "x.zip"],
        ["verify", "/nonexistent/package.zip"],
    ],
)
def test_user_errors_exit_1(
    db_path: Path, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    code, _out, err = run(capsys, "--db", str(db_path), *args)
    assert code == 1 and err


def test_export_to_a_folder_that_does_not_exist(
    filled: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "absent" / "p.zip"
    code, _out, err = run(
        capsys, "--db", str(db_path), "export", "--year", "2026", "--out", str(target)
    )
    assert code == 1 and "does not exist" in err and not target.parent.exists()


def test_a_year_outside_the_roadmap_warns(
    filled: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(
        capsys, "--db", str(db_path), "export", "--year", "2031", "--out", str(tmp_path / "p.zip")
    )
    assert code == 0 and "2031" in err and (tmp_path / "p.zip").is_file()
