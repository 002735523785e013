"""The printed permit, the permit journal, the XLSX log, the package sheets and the roadmap
lines, made from a real database and read back."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from safedesk.db.engine import Database
from safedesk.db.exports import collect_sheets
from safedesk.db.permit_report import roadmap_lines
from safedesk.forms.pdf.registry import render_form
from safedesk.forms.permit_xlsx import write_permit_xlsx

sys.path.insert(0, str(Path(__file__).parent.parent / "db"))
from permits_setup import Staff, active_permit, staff

PERIOD = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))


@pytest.fixture
def st(db: Database) -> Staff:
    return staff(db)


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.mark.parametrize("lang", ["both", "kk", "ru"])
def test_the_permit_prints_every_section(
    db: Database, st: Staff, tmp_path: Path, lang: str
) -> None:
    pid = active_permit(db, st)
    out = tmp_path / f"permit-{lang}.pdf"
    with db.session() as s:
        render_form(s, "permit", pid, out, lang)
    text = text_of(out)
    for expected in ("НД-2026-0001", "Crew1", "Observer", "L-07", "20,9", "X-am 2500",
                     "Желдету", "Противогаз", "Тұндырғыш", "02.06.2026 17:00"):  # fmt: skip
        assert expected in text, expected
    reader = PdfReader(out)
    assert 1 <= len(reader.pages) <= 3
    assert float(reader.pages[0].mediabox.width) == pytest.approx(595.3, abs=0.5)


def test_printing_twice_gives_the_same_bytes(db: Database, st: Staff, tmp_path: Path) -> None:
    pid = active_permit(db, st)
    with db.session() as s:
        render_form(s, "permit", pid, tmp_path / "a.pdf")
        render_form(s, "permit", pid, tmp_path / "b.pdf")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_the_journal_of_a_unit_for_a_period(db: Database, st: Staff, tmp_path: Path) -> None:
    active_permit(db, st)
    out = tmp_path / "journal.pdf"
    with db.session() as s:
        render_form(s, "permit-journal", st.unit_id, out, "ru", date_from=PERIOD[0],
                    date_to=PERIOD[1])  # fmt: skip
    text = text_of(out)
    assert "НД-2026-0001" in text and "Supervisor" in text
    with db.session() as s:
        render_form(s, "permit-journal", st.unit_id, out, "ru",
                    date_from=dt.date(2025, 1, 1), date_to=dt.date(2025, 12, 31))  # fmt: skip
    assert "НД-2026-0001" not in text_of(out)


def test_the_log_in_excel(db: Database, st: Staff, tmp_path: Path) -> None:
    active_permit(db, st)
    out = tmp_path / "permits.xlsx"
    with db.session() as s:
        write_permit_xlsx(s, *PERIOD, out)
    sheet = load_workbook(out).active
    assert sheet is not None
    row = [c.value for c in sheet[2]]
    assert row[0] == "НД-2026-0001"
    assert row[6] == dt.datetime(2026, 6, 1, 9, 0)
    assert isinstance(row[13], str) and len(row[13]) == 12
    assert sheet.freeze_panes == "A2"


def test_package_sheets_and_roadmap_lines(db: Database, st: Staff) -> None:
    active_permit(db, st)
    with db.session() as s:
        sheets = {sheet.name: sheet for sheet in collect_sheets(s, *PERIOD).sheets}
        lines = {line.label: line.value for line in roadmap_lines(s, *PERIOD)}
    permits = sheets["permits"]
    assert len(permits.rows) == 1 and permits.rows[0][0] == "НД-2026-0001"
    assert permits.rows[0][6] == dt.date(2026, 6, 1)
    assert len(sheets["permit_gas_tests"].rows) == 1
    assert sheets["permit_overrides"].rows == []
    assert lines["Permits issued"] == 1
    assert lines["Confined space"] == 1
    assert lines["Permits open at the end of the period"] == 1
    assert lines["Gas tests recorded"] == 1
    assert lines["Isolation points locked and tagged"] == 1
