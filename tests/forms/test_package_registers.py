"""The risk, PPE and incident registers in the submission package: sheets with the right
rows, IIN as text, real dates, CSVs equal to the sheets, and the roadmap report's figures
for items 1/18, 13, 14, 20, 27 and 33/34/39 computed from the same records.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from safedesk.db.engine import Database
from safedesk.db.incident_report import accident_lines
from safedesk.db.incident_report import roadmap_lines as incident_lines
from safedesk.db.ppe_due import due_list
from safedesk.db.ppe_report import electrical_lines, gas_lines, milk_lines
from safedesk.db.risk_report import roadmap_lines as risk_lines
from safedesk.db.roadmap import RoadmapLine, roadmap
from safedesk.forms.package.build import build_package
from safedesk.forms.package.context import Period
from safedesk.forms.package.pdf_common import amount
from safedesk.forms.pdf.text import Texts
from tests.forms.registers_data import TODAY, Known, build_known

YEAR = Period(2025)
START, END = YEAR.start, YEAR.end

ROWS = {
    "risk_assessments": 1,  # made in 2025; the 2023 one lapsed in 2024
    "risk_rows": 2,
    "risk_controls": 3,
    "slam_cards": 1,
    "five_s_audits": 1,
    "ppe_issues": 1,
    "ppe_returns": 1,
    "milk_issues": 4,
    "protective_equipment": 4,
    "protective_tests": 4,
    "near_misses": 4,  # the one at 23:30 on 31.12.2024 local time is not of 2025
    "observations": 2,
    "accidents": 2,
    "accident_victims": 2,
    "accident_causes": 1,
}


@pytest.fixture
def known(db: Database) -> Known:
    return build_known(db)


@pytest.fixture
def files(known: Known, db: Database, tmp_path: Path) -> dict[str, bytes]:
    with db.session() as s:
        path, _package = build_package(s, YEAR, tmp_path, TODAY)
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def same(cell: object, value: str) -> bool:
    """A cell of the workbook and a field of the CSV hold the same thing."""
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat() == value
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return float(cell) == float(value)
    return ("" if cell is None else str(cell)) == value


def values(lines: list[RoadmapLine]) -> list[object]:
    return [line.value for line in lines]


def test_roadmap_lines_are_the_known_figures(known: Known, db: Database) -> None:
    with db.session() as s:
        assert values(risk_lines(s, START, END)) == [
            1, 1, 2, 1, 50.0, 2, 1, 1, 2, 1, 1, 1, 0, 1, 78.0
        ]  # fmt: skip
        assert values(milk_lines(s, START, END)) == [2, 2, 0, 21.0, 15, 9000, "3 / 12"]
        assert values(electrical_lines(s, START, END)) == [3, 2, 1, 1, 1, 1, 3, 1]
        assert values(gas_lines(s, START, END)) == [1, 1, 1, 0, 0, 1, 0]
        assert values(incident_lines(s, START, END)) == [4, 2, 1, 1, 2, 1, 1, 2, 3, 6, 3, 66.7]
        assert values(accident_lines(s, START, END)) == [
            2, 2, 0, 0, 0, 2, 0, 8, 3, 1, 2, 1, 1, 1, 0
        ]  # fmt: skip
        kept = {r.section.items: r.kept for r in roadmap(s, START, END)}
    assert kept[(1, 18)] and kept[(13,)] and kept[(14,)] and kept[(20,)]
    assert kept[(27,)] and kept[(33, 34, 39)]


def test_registers_have_the_new_sheets_with_their_rows_and_csvs(
    known: Known, db: Database, files: dict[str, bytes]
) -> None:
    book = load_workbook(io.BytesIO(files["registers.xlsx"]))
    with db.session() as s:
        due = len(due_list(s, END, days=0))
    assert due > 0
    for name, count in {**ROWS, "ppe_due": due}.items():
        sheet = book[name]
        assert sheet.max_row - 1 == count, name
        assert sheet.freeze_panes == "A2"
        text = files[f"data/{name}.csv"].decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text)))
        assert len(rows) - 1 == count and len(rows[0]) == sheet.max_column, name
        for r, row in enumerate(rows[1:], start=2):
            for c, value in enumerate(row, start=1):
                assert same(sheet.cell(r, c).value, value), (name, r, c)


def test_iin_cells_are_text_and_dates_are_dates(known: Known, files: dict[str, bytes]) -> None:
    book = load_workbook(io.BytesIO(files["registers.xlsx"]))
    victims = book["accident_victims"]
    iin = victims.cell(3, 3)
    assert iin.value == known.clerk_iin and iin.data_type == "s" and iin.number_format == "@"
    for name, iin_column, date_column in (
        ("risk_controls", 6, 8),
        ("slam_cards", 8, 2),
        ("five_s_audits", 7, 2),
        ("ppe_issues", 3, 2),
        ("milk_issues", 3, 2),
        ("protective_equipment", 8, 11),
    ):
        sheet = book[name]
        cell = sheet.cell(2, iin_column)
        assert cell.number_format == "@" and len(str(cell.value)) == 12, name
        day = sheet.cell(2, date_column)
        assert day.is_date and isinstance(day.value, dt.datetime), name
    accident = book["accidents"]
    assert accident.cell(2, 3).value == dt.datetime(2025, 9, 10)
    assert accident.cell(2, 21).value == 1  # the commission was formed a day late
    near = book["near_misses"]
    assert (near.cell(2, 2).value, near.cell(2, 3).value) == (dt.datetime(2025, 1, 1), "00:30")


def test_observation_sheet_counts_and_never_names_the_observed(
    known: Known, files: dict[str, bytes]
) -> None:
    sheet = load_workbook(io.BytesIO(files["registers.xlsx"]))["observations"]
    first = [c.value for c in sheet[2]]
    assert first[6:19] == [2, 3, 1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0]
    assert first[19:21] == [5, 1]
    text = files["data/observations.csv"].decode("utf-8-sig")
    for surname in ("Әбілқайыр", "Яковлева"):
        assert surname not in text


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)


def test_roadmap_report_prints_the_computed_figures(
    known: Known, db: Database, files: dict[str, bytes]
) -> None:
    text = pdf_text(files["roadmap-report.pdf"])
    t = Texts("both")
    with db.session() as s:
        sections = (
            risk_lines(s, START, END),
            milk_lines(s, START, END),
            electrical_lines(s, START, END),
            gas_lines(s, START, END),
            incident_lines(s, START, END),
            accident_lines(s, START, END),
        )
    for lines in sections:
        for line in lines:
            label = " ".join(t.get("ru", line.label).split())
            shown = " ".join(
                dict.fromkeys(amount(t, lg, line.value, line.unit) for lg in ("kk", "ru"))
            )
            assert f"{label} {shown}" in text, (label, shown)
    assert "50 %" in text and "66,7 %" in text and "3 / 12" in text
