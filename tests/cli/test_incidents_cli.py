"""Incidents through the command line: demo data, stats, due items, the act Н-1."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from safedesk.cli import main
from safedesk.db.due import due_items
from safedesk.db.engine import open_database
from safedesk.db.models import Accident, AccidentVictim, NearMiss, Observation


@pytest.fixture
def demo_db(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    args = ["--lang", "en", "--db", str(db_path), "demo", "--employees", "300", "--years", "2"]
    assert main(args) == 0
    capsys.readouterr()
    return db_path


def test_demo_fills_the_incident_registers(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "en", "--db", str(demo_db), "stats", "--json"]) == 0
    registers = json.loads(capsys.readouterr().out)["registers"]
    assert registers["near_misses"] >= 100 and registers["observations"] >= 50
    assert 1 <= registers["accidents"] <= 10
    db = open_database(demo_db)
    today = dt.date.today()
    with db.session() as s:
        anonymous = s.scalar(select(func.count()).where(NearMiss.anonymous))
        assert (
            anonymous
            and s.scalar(
                select(func.count()).where(NearMiss.anonymous, NearMiss.reporter_id.is_not(None))
            )
            == 0
        )
        assert (s.scalar(select(func.sum(Observation.at_risk_total))) or 0) > 0
        assert s.scalar(select(func.count()).where(AccidentVictim.iin == "")) == 0
        assert (s.scalar(select(func.count()).where(Accident.signed)) or 0) >= 1
        overdue = {i.register for i in due_items(s, today) if i.overdue(today)}
    assert {"near_misses", "accidents"} <= overdue
    db.dispose()
    assert main(["--db", str(demo_db), "check"]) == 0


def test_the_act_prints_from_the_command_line(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "act.pdf"
    args = ["--lang", "en", "--db", str(demo_db), "print", "accident-act", "1", "--out", str(out)]
    assert main([*args, "--lang", "ru"]) == 0
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    db = open_database(demo_db)
    with db.session() as s:
        victim = s.scalars(select(AccidentVictim).where(AccidentVictim.accident_id == 1)).one()
        assert victim.iin in text
    db.dispose()
    assert main(["--lang", "en", "--db", str(demo_db), "print", "accident-act", "999",
                 "--out", str(tmp_path / "x.pdf")]) == 1  # fmt: skip
    assert "does not exist" in capsys.readouterr().err
