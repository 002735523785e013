"""`safedesk print permit ID` and `print permit-journal UNIT --from --to`."""

from __future__ import annotations

import sys
from pathlib import Path

from pypdf import PdfReader

from safedesk.cli import main
from safedesk.db.engine import Database

sys.path.insert(0, str(Path(__file__).parent.parent / "db"))
from permits_setup import active_permit, staff


def test_permit_and_journal_from_the_command_line(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    st = staff(db)
    pid = active_permit(db, st)
    out = tmp_path / "permit.pdf"
    assert main(["--db", str(db_path), "print", "permit", str(pid), "--out", str(out)]) == 0
    assert len(PdfReader(out).pages) >= 1
    journal = tmp_path / "journal.pdf"
    period = ["--from", "01.01.2026", "--to", "31.12.2026", "--lang", "kk"]
    form = ["print", "permit-journal", str(st.unit_id), "--out", str(journal)]
    code = main(["--db", str(db_path), *form, *period])
    assert code == 0 and "НД-2026-0001" in PdfReader(journal).pages[0].extract_text()
    assert main(["--db", str(db_path), "print", "permit", "999", "--out", str(out)]) == 1
