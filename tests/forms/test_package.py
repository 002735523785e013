"""The submission package built from a small known database: files, counts, manifest, bytes."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import func, select

from safedesk import __version__
from safedesk.db.employees import EmployeeFields, add_employee, dismiss_employee
from safedesk.db.engine import Database
from safedesk.db.insurance import InsuranceFields, add_contract
from safedesk.db.models import Employee, ResponsibleAppointment
from safedesk.db.organisation import OrganisationFields, save_organisation
from safedesk.db.positions import PositionFields, add_position
from safedesk.db.responsible import AppointmentFields, appoint
from safedesk.db.roadmap import insurance_lines, ohs_service_lines, responsible_lines, roadmap
from safedesk.db.schema import HEAD
from safedesk.db.staff_exports import appointed_in, employed_in
from safedesk.db.units import UnitFields, add_unit
from safedesk.domain.ids import check_digit
from safedesk.domain.responsibility import Duty
from safedesk.forms.package.build import build_package
from safedesk.forms.package.context import Period
from safedesk.forms.package.verify import verify_package

BIN = "940140000385"
TODAY = dt.date(2026, 3, 2)  # the year 2025 is over: figures stand at 31.12.2025
YEAR = Period(2025)


def iin(first_eleven: str) -> str:
    digit = check_digit(first_eleven)
    assert digit is not None
    return f"{first_eleven}{digit}"


@pytest.fixture
def known(db: Database) -> Database:
    """Two units, one position, four people (one gone before 2025), two appointments
    (one ended in 2025), an insurance contract from 1 March 2025."""
    with db.write() as s:
        save_organisation(
            s,
            OrganisationFields(
                "«Шығыс» ЖШС",
                "ТОО «Шыгыс»",
                BIN,
                address="Өскемен қ., Абай даңғылы, 12",
                head_name="Сейітқазы Нұрлан Өмірұлы",
                head_position_kk="Бас директор",
                head_position_ru="Генеральный директор",
                headcount=60,
            ),
        )
        mine = add_unit(s, UnitFields("Кеніш", "Рудник"))
        shop = add_unit(s, UnitFields("Жөндеу цехы", "Ремонтный цех"))
        fitter = add_position(s, PositionFields("Слесарь", "Слесарь"))
        people = []
        for number, surname, unit, hired in (
            ("06121160001", "Әбілова", mine.id, dt.date(2020, 1, 1)),  # IIN starts with 0
            ("87100840142", "Ахметов", shop.id, dt.date(2025, 6, 1)),
            ("76021235062", "Яковлева", mine.id, dt.date(2019, 1, 1)),
            ("90050130012", "Нұрланов", shop.id, dt.date(2026, 1, 15)),  # after 2025
        ):
            people.append(
                add_employee(
                    s,
                    EmployeeFields(
                        iin=iin(number),
                        surname=surname,
                        name="Тест",
                        unit_id=unit,
                        position_id=fitter.id,
                        hire_date=hired,
                    ),
                    TODAY,
                )
            )
        dismiss_employee(s, people[2].id, None, dt.date(2024, 12, 31))
        appoint(
            s,
            AppointmentFields(
                people[0].id,
                [Duty.OVERALL, Duty.PPE],
                "1-ӨҚ",
                dt.date(2025, 1, 10),
                dt.date(2025, 1, 10),
            ),
        )
        appoint(
            s,
            AppointmentFields(
                people[1].id,
                [Duty.BRIEFINGS],
                "5-ӨҚ",
                dt.date(2025, 6, 1),
                dt.date(2025, 6, 1),
                dt.date(2025, 9, 30),
            ),
        )
        add_contract(
            s,
            InsuranceFields("«Нұрлы» СК", "ОС-17", dt.date(2025, 3, 1), dt.date(2026, 2, 28)),
        )
    return db


def build(db: Database, out: Path, period: Period = YEAR) -> Path:
    with db.session() as s:
        path, _package = build_package(s, period, out, TODAY)
    return path


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def test_package_is_named_after_bin_and_period_and_holds_the_files(
    known: Database, tmp_path: Path
) -> None:
    path = build(known, tmp_path)
    assert path.name == f"{BIN}_2025.zip"
    names = list(members(path))
    assert names[:6] == [
        "manifest.json",
        "cover-letter.pdf",
        "roadmap-report.pdf",
        "indicators.pdf",
        "indicators.json",
        "registers.xlsx",
    ]
    for csv_file in ("employees", "units", "positions", "responsible_persons"):
        assert f"data/{csv_file}.csv" in names
    assert build(known, tmp_path, Period(2025, 2)).name == f"{BIN}_2025Q2.zip"
    assert not list(tmp_path.glob("*.part"))


def test_manifest_describes_the_package_and_hashes_every_file(
    known: Database, tmp_path: Path
) -> None:
    files = members(build(known, tmp_path))
    manifest = json.loads(files["manifest.json"])
    assert manifest["format"] == {"name": "safedesk-inspectorate-package", "version": 1}
    assert manifest["app_version"] == __version__
    assert manifest["schema_version"] == HEAD
    org = manifest["organisation"]
    assert (org["bin"], org["name_kk"], org["name_ru"]) == (BIN, "«Шығыс» ЖШС", "ТОО «Шыгыс»")
    assert org["address"].startswith("Өскемен")
    assert org["responsible_person"]["name"].startswith("Әбілова")
    assert org["responsible_person"]["order_no"] == "1-ӨҚ"
    assert manifest["period"] == {
        "year": 2025,
        "quarter": None,
        "start": "2025-01-01",
        "end": "2025-12-31",
        "as_of": "2025-12-31",
    }
    listed = [f["path"] for f in manifest["files"]]
    assert listed == [name for name in files if name != "manifest.json"]
    for item in manifest["files"]:
        data = files[item["path"]]
        assert item["size"] == len(data)
        assert item["sha256"] == hashlib.sha256(data).hexdigest()


def test_building_twice_gives_the_same_bytes(known: Database, tmp_path: Path) -> None:
    first = build(known, tmp_path / "a.zip").read_bytes()
    second = build(known, tmp_path / "b.zip").read_bytes()
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(2025, 12, 31, 0, 0, 0)}


def test_registers_hold_the_counts_of_the_period(known: Database, tmp_path: Path) -> None:
    files = members(build(known, tmp_path))
    start, end = YEAR.start, YEAR.end
    with known.session() as s:
        expected = {
            "employees": int(s.scalar(select(func.count()).where(*employed_in(start, end))) or 0),
            "units": 2,
            "positions": 1,
            "responsible_persons": int(
                s.scalar(
                    select(func.count())
                    .select_from(ResponsibleAppointment)
                    .where(*appointed_in(start, end))
                )
                or 0
            ),
            "insurance_contracts": 1,
        }
        total_staff = s.scalar(select(func.count(Employee.id)))
    assert (expected["employees"], expected["responsible_persons"], total_staff) == (2, 2, 4)
    book = load_workbook(io.BytesIO(files["registers.xlsx"]))
    for name, count in expected.items():
        sheet = book[name]
        assert sheet.max_row - 1 == count, name
        assert sheet.freeze_panes == "A2"
        assert (
            sheet.auto_filter.ref
            == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{count + 1}"
        )
        text = files[f"data/{name}.csv"].decode("utf-8")
        assert text.startswith("\ufeff")
        rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
        assert len(rows) - 1 == count, name
        assert sheet.cell(2, 1).value == int(rows[1][0])


def test_iin_is_text_and_dates_are_real_dates(known: Database, tmp_path: Path) -> None:
    files = members(build(known, tmp_path))
    sheet = load_workbook(io.BytesIO(files["registers.xlsx"]))["employees"]
    iin_cell = sheet.cell(2, 2)
    assert iin_cell.value == iin("06121160001") and iin_cell.value.startswith("0")
    assert iin_cell.number_format == "@" and iin_cell.data_type == "s"
    hired = sheet.cell(2, 13)
    assert isinstance(hired.value, dt.datetime) and hired.value.date() == dt.date(2020, 1, 1)
    assert hired.is_date
    assert sheet.max_column == 15
    rows = list(csv.reader(io.StringIO(files["data/employees.csv"].decode("utf-8-sig"))))
    assert rows[1][1] == iin("06121160001") and rows[1][12] == "2020-01-01"


def test_roadmap_lines_are_computed_from_the_registers(known: Database) -> None:
    start, end = YEAR.start, YEAR.end
    with known.session() as s:
        four = {line.label: line.value for line in responsible_lines(s, start, end)}
        assert list(four.values()) == [1, 2, 2, len(Duty) - 2]
        service = [line.value for line in ohs_service_lines(s, start, end)]
        assert service == [2, 60, True]
        insurance = [line.value for line in insurance_lines(s, start, end)]
        assert insurance == [True, "«Нұрлы» СК № ОС-17", dt.date(2026, 2, 28), 59]
        sections = roadmap(s, start, end)
    items = {item for r in sections for item in r.section.items}
    assert {1, 3, 4, 5, 12, 14, 18, 20, 24, 25, 27, 31, 43} <= items
    assert all(r.kept for r in sections if r.section.source.startswith("safedesk.db.roadmap:"))


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)


def test_pdfs_carry_the_organisation_and_the_addressee(known: Database, tmp_path: Path) -> None:
    files = members(build(known, tmp_path))
    letter = pdf_text(files["cover-letter.pdf"])
    assert "ШҚО Мемлекеттік еңбек инспекциясы басқармасы" in letter
    assert "Управление государственной инспекции труда ВКО" in letter
    assert BIN in letter and "Әбілова" in letter
    for name in ("roadmap-report.pdf", "indicators.pdf", "registers.xlsx", "data/employees.csv"):
        assert name in letter
    for name in ("cover-letter.pdf", "roadmap-report.pdf", "indicators.pdf"):
        reader = PdfReader(io.BytesIO(files[name]))
        assert len(reader.pages) >= 1
        assert reader.metadata is not None and reader.metadata.creation_date is not None
        assert reader.metadata.creation_date.date() == dt.date(2025, 12, 31)
        assert BIN in pdf_text(files[name])
    indicators = json.loads(files["indicators.json"])
    codes = [i["code"] for i in indicators["indicators"]]
    assert codes == ["40", "41", "42", "43", "44", "45", "46"]
    insurance = next(i for i in indicators["indicators"] if i["code"] == "43")
    assert (insurance["value"], insurance["target"]) == (100.0, 65.0)


@pytest.mark.parametrize(
    "name", ["cover-letter.pdf", "registers.xlsx", "data/employees.csv", "indicators.json"]
)
def test_verify_names_a_changed_file(known: Database, tmp_path: Path, name: str) -> None:
    path = build(known, tmp_path)
    assert verify_package(path) is None
    files = members(path)
    data = bytearray(files[name])
    data[len(data) // 2] ^= 0x01
    files[name] = bytes(data)
    rezip(path, files)
    mismatch = verify_package(path)
    assert mismatch is not None and mismatch.path == name


def rezip(path: Path, files: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)


def test_verify_names_a_changed_manifest_a_missing_and_an_extra_file(
    known: Database, tmp_path: Path
) -> None:
    path = build(known, tmp_path)
    original = members(path)
    changed = dict(original)
    changed["manifest.json"] = original["manifest.json"].replace(b"2025-12-31", b"2025-12-30", 1)
    rezip(path, changed)
    assert verify_package(path).path == "manifest.json"  # type: ignore[union-attr]
    missing = {k: v for k, v in original.items() if k != "indicators.pdf"}
    rezip(path, missing)
    assert verify_package(path).path == "indicators.pdf"  # type: ignore[union-attr]
    rezip(path, {**original, "data/extra.csv": b"x"})
    assert verify_package(path).path == "data/extra.csv"  # type: ignore[union-attr]


def test_verify_finds_a_byte_flipped_in_the_archive_itself(known: Database, tmp_path: Path) -> None:
    path = build(known, tmp_path)
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("roadmap-report.pdf")
        start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    raw = bytearray(path.read_bytes())
    raw[start + info.compress_size // 2] ^= 0xFF
    path.write_bytes(bytes(raw))
    mismatch = verify_package(path)
    assert mismatch is not None and mismatch.path == "roadmap-report.pdf"
    path.write_bytes(b"not a zip")
    assert verify_package(path).path == path.name  # type: ignore[union-attr]


def test_head_position_is_kept_and_printed_in_each_language(
    known: Database, tmp_path: Path
) -> None:
    from safedesk.forms.package.context import load_context
    from safedesk.forms.package.cover_letter import cover_letter_pdf

    head = json.loads(members(build(known, tmp_path))["manifest.json"])["organisation"]["head"]
    assert (head["position_kk"], head["position_ru"]) == ("Бас директор", "Генеральный директор")
    with known.session() as s:
        ctx = load_context(s, YEAR, TODAY)
    kk = pdf_text(cover_letter_pdf(ctx, [], "kk"))
    ru = pdf_text(cover_letter_pdf(ctx, [], "ru"))
    assert "Бас директор" in kk and "Генеральный директор" not in kk
    assert "Генеральный директор" in ru and "Бас директор" not in ru
