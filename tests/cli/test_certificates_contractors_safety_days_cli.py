"""`safedesk print certificates ID` and `print attendance-sheet ID` on demo data, and
`safedesk stats --json` counting the new registers."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from safedesk.cli import main
from safedesk.db.engine import Database
from safedesk.db.models import CheckSession, SafetyDay
from safedesk.demo.build import build_demo


def test_certificates_and_attendance_sheet_printed_from_demo_data(
    db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    counts = build_demo(db, employees=60, years=2, seed=3, today=dt.date(2026, 11, 28))
    assert counts["contractors"] >= 5 and counts["contractor_workers"] > 10
    assert counts["safety_days"] >= 20 and counts["certificates"] > 0
    with db.session() as s:
        protocol = s.scalar(select(CheckSession.id).where(CheckSession.signed_on.is_not(None)))
        day = s.scalar(select(SafetyDay.id))
    out = tmp_path / "cards.pdf"
    assert (
        main(["--db", str(db_path), "print", "certificates", str(protocol), "--out", str(out)]) == 0
    )
    assert len(PdfReader(out).pages) >= 1
    out = tmp_path / "sheet.pdf"
    code = main(["--db", str(db_path), "print", "attendance-sheet", str(day), "--out", str(out),
                 "--lang", "kk"])  # fmt: skip
    assert code == 0 and len(PdfReader(out).pages) >= 1
    assert (
        main(["--db", str(db_path), "print", "attendance-sheet", "99999", "--out", str(out)]) == 1
    )
    capsys.readouterr()
    assert main(["--db", str(db_path), "stats", "--json"]) == 0
    registers = json.loads(capsys.readouterr().out)["registers"]
    assert registers["contractors"] == counts["contractors"]
    assert registers["safety_days"] == counts["safety_days"]
    assert registers["certificates"] == counts["certificates"]
