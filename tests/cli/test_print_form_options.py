"""`safedesk print` form options (--from/--to, --month, --on) through the real command line.

Each form gets only the options its renderer takes; any other is refused in the chosen
language, naming the option (it used to crash with a TypeError: "Unexpected error").
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from safedesk.cli import main
from safedesk.db.engine import Database
from safedesk.db.ppe_milk import MilkFields, record_milk
from tests.db.ppe_fixtures import build_shop


def text_of(path: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().err


@pytest.fixture
def shop_unit(db: Database) -> int:
    shop = build_shop(db)
    with db.write() as s:
        record_milk(s, MilkFields(shop.miners[0], dt.date(2025, 10, 1), 21))
    db.dispose()
    return shop.unit


def test_milk_statement_prints_a_past_month(
    db_path: Path, shop_unit: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "milk.pdf"
    code, err = run(
        capsys, "--lang", "en", "--db", str(db_path), "print", "milk-statement", str(shop_unit),
        "--month", "2025-10", "--out", str(out), "--lang", "ru",
    )  # fmt: skip
    assert code == 0, err
    text = text_of(out)
    assert "10.2025" in text and "21" in text  # the month and its 21 shifts
    assert "no rows" not in err


def test_milk_statement_month_also_written_the_kazakh_way(
    db_path: Path, shop_unit: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "milk.pdf"
    code, err = run(
        capsys, "--db", str(db_path), "print", "milk-statement", str(shop_unit),
        "--month", "10.2025", "--out", str(out),
    )  # fmt: skip
    assert code == 0, err
    assert "10.2025" in text_of(out)


def test_milk_statement_of_an_empty_month_says_so(
    db_path: Path, shop_unit: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "milk.pdf"
    code, err = run(
        capsys, "--lang", "en", "--db", str(db_path), "print", "milk-statement", str(shop_unit),
        "--month", "2025-09", "--out", str(out),
    )  # fmt: skip
    assert code == 0, err
    assert out.exists()
    assert "No milk or therapeutic nutrition was recorded for 09.2025" in err


@pytest.mark.parametrize(
    ("form", "option", "value", "takes"),
    [
        ("milk-statement", "--from", "2025-10-01", "--month"),
        ("milk-statement", "--to", "2025-10-31", "--month"),
        ("ppe-sheet", "--from", "2025-10-01", "--on"),
        ("briefing-journal", "--month", "2025-10", "--from, --to"),
    ],
)
def test_an_option_the_form_does_not_take_is_refused_naming_it(
    db_path: Path,
    shop_unit: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    form: str,
    option: str,
    value: str,
    takes: str,
) -> None:
    out = tmp_path / "x.pdf"
    code, err = run(
        capsys, "--lang", "en", "--db", str(db_path), "print", form, str(shop_unit),
        option, value, "--out", str(out),
    )  # fmt: skip
    assert code == 1
    assert f"The form {form} does not take {option}; it takes {takes}." in err
    assert "Unexpected error" not in err and not out.exists()


def test_a_form_without_options_refuses_them(
    db_path: Path, shop_unit: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    code, err = run(
        capsys, "--lang", "en", "--db", str(db_path), "print", "order", "1",
        "--from", "2025-10-01", "--out", str(out),
    )  # fmt: skip
    assert code == 1 and "The form order does not take --from." in err


def test_a_bad_month_is_refused(
    db_path: Path, shop_unit: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = run(
        capsys, "--lang", "en", "--db", str(db_path), "print", "milk-statement", str(shop_unit),
        "--month", "2025-13", "--out", str(tmp_path / "x.pdf"),
    )  # fmt: skip
    assert code == 1 and "2025-13 is not a month" in err


def test_ppe_sheet_is_made_for_the_day_given(
    db_path: Path, shop_unit: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sheet.pdf"
    code, err = run(
        capsys, "--db", str(db_path), "print", "ppe-sheet", str(shop_unit),
        "--on", "2025-10-01", "--out", str(out),
    )  # fmt: skip
    assert code == 0, err
    assert "01.10.2025" in text_of(out)
