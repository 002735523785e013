"""The printed WRAC sheet, read back: landscape, both languages, coloured cells, the team."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from safedesk.db.employees import EmployeeFields, add_employee
from safedesk.db.engine import Database
from safedesk.db.organisation import OrganisationFields, save_organisation
from safedesk.db.risk_assessments import (
    AssessmentFields,
    ControlFields,
    RowFields,
    save_assessment,
)
from safedesk.db.units import UnitFields, add_unit
from safedesk.domain.risk_controls import Hierarchy
from safedesk.errors import NotFound
from safedesk.forms.pdf.registry import render_form
from safedesk.forms.pdf.wrac import wrac_pdf
from safedesk.forms.pdf.wrac_data import load_wrac

TODAY = dt.date(2026, 11, 28)


@pytest.fixture
def assessment_id(db: Database) -> int:
    with db.write() as s:
        save_organisation(
            s,
            OrganisationFields(
                "«Шығыс» ЖШС", "ТОО «Шыгыс»", "940140000385", headcount=120,
                address="Өскемен қ., Абай даңғылы, 12",
            ),
        )  # fmt: skip
        unit = add_unit(s, UnitFields("Кеніш", "Рудник"))
        owner = add_employee(
            s, EmployeeFields(iin="871008401427", surname="Әбілова", name="Гүлнар",
                              unit_id=unit.id), TODAY
        )  # fmt: skip
        rows = [
            RowFields(
                activity="Бұрғылау", hazard="Төбенің опырылуы", likelihood=4, consequence=5,
                unwanted_event="Жыныс құлауы", residual_likelihood=2, residual_consequence=5,
                controls=[ControlFields("Анкерлік бекіту", Hierarchy.ENGINEERING, owner.id,
                                        TODAY + dt.timedelta(days=20))],
            ),
            RowFields(activity="Уборка", hazard="Пыль", likelihood=2, consequence=2),
        ]  # fmt: skip
        a = save_assessment(
            s, None, None, AssessmentFields(unit.id, "Забой 4", TODAY, [owner.id], rows=rows), TODAY
        )
        return a.id


def test_sheet_is_landscape_with_rows_team_and_colours(db: Database, assessment_id: int) -> None:
    with db.session() as s:
        data = load_wrac(s, assessment_id)
    pdf = wrac_pdf(data, "both")
    reader = PdfReader(io.BytesIO(pdf))
    page = reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # A4 landscape
    text = "\n".join(p.extract_text() for p in reader.pages)
    for expected in (
        "Төбенің опырылуы",
        "Анкерлік бекіту",
        "Әбілова Гүлнар",
        "Забой 4",
        "2026-001",
    ):
        assert expected in text
    assert "Сыни" in text and "Критический" in text  # band names in both languages
    content = page.get_contents().get_data()  # type: ignore[union-attr]
    assert b".878431 .345098 .298039 rg" in content  # the critical band's red fill
    fonts = {str(f["/BaseFont"]) for p in reader.pages for f in p["/Resources"]["/Font"].values()}
    assert all("DejaVu" in f for f in fonts)


def test_same_record_prints_the_same_bytes_in_each_language(
    db: Database, assessment_id: int, tmp_path: Path
) -> None:
    with db.session() as s:
        first = render_form(s, "wrac", assessment_id, tmp_path / "a.pdf", "kk").read_bytes()
        again = render_form(s, "wrac", assessment_id, tmp_path / "b.pdf", "kk").read_bytes()
        russian = render_form(s, "wrac", assessment_id, tmp_path / "c.pdf", "ru").read_bytes()
    assert first == again and first != russian


def test_missing_assessment_is_named(db: Database) -> None:
    with pytest.raises(NotFound), db.session() as s:
        load_wrac(s, 99)


def test_register_exports_to_xlsx_with_real_dates(
    db: Database, assessment_id: int, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from safedesk.forms.risk_xlsx import write_risk_xlsx

    with db.session() as s:
        path = write_risk_xlsx(s, TODAY, tmp_path / "risk.xlsx")
    book = load_workbook(path)
    rows, actions = book.worksheets
    assert rows.max_row == 3 and rows["H2"].value == "Төбенің опырылуы"
    assert rows["D2"].value.date() == TODAY and rows.freeze_panes == "A2"
    assert actions.max_row == 2 and actions["D2"].value == "Анкерлік бекіту"
    assert actions["F2"].value.startswith("Әбілова")
