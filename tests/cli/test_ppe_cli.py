"""`safedesk print ppe-card ID` and the PPE registers in `demo` and `stats --json`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from safedesk.cli import main
from safedesk.db.engine import Database
from tests.db.ppe_fixtures import build_shop


def test_print_ppe_card(
    db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shop = build_shop(db)
    db.dispose()
    out = tmp_path / "card.pdf"
    code = main(
        [
            "--lang",
            "en",
            "--db",
            str(db_path),
            "print",
            "ppe-card",
            str(shop.miners[1]),
            "--out",
            str(out),
        ]
    )
    assert code == 0 and "Иванов Пётр Сергеевич" in PdfReader(out).pages[0].extract_text()
    code = main(
        ["--lang", "en", "--db", str(db_path), "print", "ppe-card", "999", "--out", str(out)]
    )
    assert code == 1 and "does not exist" in capsys.readouterr().err


def test_demo_fills_ppe_and_stats_show_it(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--lang", "en", "--db", str(db_path)]
    assert main([*args, "demo", "--employees", "120", "--years", "2", "--today", "2025-06-30"]) == 0
    printed = dict(line.split("\t") for line in capsys.readouterr().out.splitlines())
    assert int(printed["ppe_issues"]) > 120 and int(printed["milk_issues"]) > 0
    assert main([*args, "stats", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["registers"]["ppe_issues"] == int(printed["ppe_issues"])
    assert data["registers"]["protective_equipment"] > 0
    assert data["due"]["by_register"]["ppe_issues"]["overdue"] > 0
    assert main([*args, "check"]) == 0
