"""`safedesk print FORM ID --out FILE.pdf [--lang kk|ru|both]` through the real command line."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from safedesk.cli import main
from safedesk.db.employees import EmployeeFields, add_employee
from safedesk.db.engine import Database
from safedesk.db.organisation import OrganisationFields, save_organisation
from safedesk.db.positions import PositionFields, add_position
from safedesk.db.responsible import AppointmentFields, appoint
from safedesk.domain.responsibility import Duty
from safedesk.forms.pdf.registry import FORMS, UnknownForm, form_names
from safedesk.i18n import translation_for

APPOINTEE = "Әбілқайыр Ғалымжан Құрманғазыұлы"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def text_of(path: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


@pytest.fixture
def appointment_id(db: Database) -> int:
    with db.write() as s:
        save_organisation(
            s,
            OrganisationFields(
                name_kk="«Өскемен Құрылыс» ЖШС",
                name_ru="ТОО «Оскемен Курылыс»",
                bin="940140000385",
                head_name="Сейітқазы Нұрлан Өмірұлы",
            ),
        )
        position = add_position(
            s, PositionFields("Еңбекті қорғау жөніндегі инженер", "Инженер по охране труда")
        )
        person = add_employee(
            s,
            EmployeeFields(
                iin="871008401427",
                surname="Әбілқайыр",
                name="Ғалымжан",
                patronymic="Құрманғазыұлы",
                position_id=position.id,
            ),
        )
        row = appoint(
            s,
            AppointmentFields(
                employee_id=person.id,
                duties=[Duty.OVERALL, Duty.PERMITS],
                order_no="7",
                order_date=dt.date(2024, 5, 2),
                valid_from=dt.date(2024, 5, 2),
            ),
        )
        return row.id


def test_print_order_writes_the_pdf(
    db_path: Path, appointment_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "order.pdf"
    code, _out, err = run(
        capsys, "--db", str(db_path), "print", "order", str(appointment_id), "--out", str(out)
    )
    assert code == 0, err
    assert str(out) in err
    text = text_of(out)
    # Default --lang both: the position in both languages.
    assert APPOINTEE in text and "еңбекті қорғау жөніндегі инженер" in text.lower()
    assert "инженер по охране труда" in text


def test_print_order_in_kazakh_only(
    db_path: Path, appointment_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "kk.pdf"
    code, _out, err = run(
        capsys, "--db", str(db_path), "print", "order", str(appointment_id),
        "--out", str(out), "--lang", "kk",
    )  # fmt: skip
    assert code == 0, err
    text = text_of(out)
    assert APPOINTEE in text and "по охране труда" not in text


# The global --lang (messages) is read only before the command; after it, it is the form's.
def test_print_order_with_explicit_both(
    db_path: Path, appointment_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "both.pdf"
    code, _out, err = run(
        capsys, "--db", str(db_path), "print", "order", str(appointment_id),
        "--out", str(out), "--lang", "both",
    )  # fmt: skip
    assert code == 0, err
    assert "по охране труда" in text_of(out)


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_unknown_form_exits_1_naming_it(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    out = tmp_path / "x.pdf"
    code, _out, err = run(
        capsys, "--lang", lang, "--db", str(db_path), "print", "certificate", "1", "--out", str(out)
    )
    assert code == 1
    expected = translation_for(lang).gettext(UnknownForm.msgid)
    assert expected.format(form="certificate", forms=", ".join(form_names())) in err
    assert not out.exists()


def test_missing_record_exits_1_naming_it(
    db_path: Path, appointment_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    code, _out, err = run(capsys, "--db", str(db_path), "print", "order", "999", "--out", str(out))
    assert code == 1
    assert "999" in err and "Traceback" not in err
    assert not out.exists()


@pytest.mark.parametrize("record", [[], ["abc"], ["0"]])
def test_missing_or_bad_id_exits_1(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], record: list[str]
) -> None:
    out = tmp_path / "x.pdf"
    code, _out, err = run(
        capsys, "--db", str(db_path), "print", "order", *record, "--out", str(out)
    )
    assert code == 1 and err.strip()
    if record:
        assert record[0] in err


def test_unwritable_output_exits_1(
    db_path: Path, appointment_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "no such folder" / "x.pdf"
    code, _out, err = run(
        capsys, "--db", str(db_path), "print", "order", str(appointment_id), "--out", str(out)
    )
    assert code == 1 and str(out) in err


def test_the_registry_names_every_form_and_loads_no_reportlab() -> None:
    assert "order" in FORMS
    # The window imports the registry at start-up; ReportLab must wait for printing.
    probe = (
        "import sys, safedesk.forms.pdf.registry, safedesk.cli.print_command, safedesk.cli;"
        "safedesk.cli.build_parser();"
        "sys.exit(1 if any(m.startswith('reportlab') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", probe], check=False).returncode == 0
