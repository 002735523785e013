"""`safedesk print briefing-journal UNIT --from --to` and `print protocol ID` on demo data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import select

from safedesk.cli import main
from safedesk.db.engine import Database
from safedesk.db.models import Briefing, CheckSession, Employee
from safedesk.demo.build import build_demo


def test_journal_and_protocol_printed_from_the_command_line(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    today = dt.date(2026, 11, 28)
    counts = build_demo(db, employees=60, years=2, seed=3, today=today)
    assert counts["briefings"] > 60 and counts["check_results"] > 20
    with db.session() as s:
        unit = s.scalar(
            select(Employee.unit_id).join(Briefing, Briefing.employee_id == Employee.id).limit(1)
        )
        protocol = s.scalar(select(CheckSession.id).where(CheckSession.commission_id.is_not(None)))
    out = tmp_path / "journal.pdf"
    code = main(["--db", str(db_path), "print", "briefing-journal", str(unit), "--out", str(out),
                 "--from", "01.01.2025", "--to", "2026-11-28", "--lang", "ru"])  # fmt: skip
    assert code == 0 and len(PdfReader(out).pages) >= 1
    out = tmp_path / "protocol.pdf"
    assert main(["--db", str(db_path), "print", "protocol", str(protocol), "--out", str(out)]) == 0
    assert "ПРОТОКОЛ" in PdfReader(out).pages[0].extract_text() or out.stat().st_size > 0
    bad = main(["--db", str(db_path), "print", "briefing-journal", str(unit), "--out", str(out),
                "--from", "yesterday"])  # fmt: skip
    assert bad == 1
