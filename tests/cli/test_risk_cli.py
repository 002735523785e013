"""The risk register from the command line: demo data, `stats --json`, `print wrac`, `check`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from safedesk.cli import main
from safedesk.db.engine import open_database
from safedesk.db.models import RiskAssessment, RiskControl
from safedesk.domain.risk_controls import ActionStatus


def run(db_path: Path, *args: str) -> int:
    return main(["--lang", "en", "--db", str(db_path), *args])


def test_demo_fills_the_register_and_stats_print_and_check_agree(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_path, "demo", "--employees", "120", "--years", "3", "--seed", "6") == 0
    capsys.readouterr()
    assert run(db_path, "stats", "--json") == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["registers"]["risk_assessments"] > 10
    assert stats["registers"]["risk_rows"] >= 4 * stats["registers"]["risk_assessments"]
    assert stats["due"]["by_register"]["risk_controls"]["overdue"] > 0
    db = open_database(db_path)
    with db.session() as s:
        statuses = set(s.scalars(select(RiskControl.status).distinct()))
        replaced = s.scalar(
            select(func.count())
            .select_from(RiskAssessment)
            .where(RiskAssessment.superseded_on.is_not(None))
        )
        newest = s.scalar(select(func.max(RiskAssessment.id)))
    db.dispose()
    assert statuses == {s.value for s in ActionStatus} and replaced
    out = tmp_path / "wrac.pdf"
    assert run(db_path, "print", "wrac", str(newest), "--out", str(out)) == 0
    assert len(PdfReader(out).pages) >= 1
    assert run(db_path, "check") == 0


def test_printing_an_assessment_that_does_not_exist_is_a_user_error(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(db_path, "print", "wrac", "404", "--out", str(tmp_path / "x.pdf")) == 1
    assert "404" in capsys.readouterr().err
