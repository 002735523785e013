"""`safedesk demo` end to end: counts on stdout, `stats --json` and `check` agree, refusals."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from safedesk.cli import main
from safedesk.db.engine import open_database
from safedesk.db.models import Employee

N = 150


def _demo(db_path: Path, *extra: str) -> int:
    return main(
        [
            "--lang",
            "en",
            "--db",
            str(db_path),
            "demo",
            "--employees",
            str(N),
            "--years",
            "2",
            *extra,
        ]
    )


def _counts(stdout: str) -> dict[str, int]:
    return {name: int(n) for name, n in (line.split("\t") for line in stdout.splitlines())}


def test_demo_prints_counts_that_stats_json_shows(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _demo(db_path, "--seed", "3", "--today", "2025-06-30") == 0
    out = capsys.readouterr()
    printed = _counts(out.out)
    assert printed["employees"] == N and printed["organisation"] == 1
    assert "Demo data added to" in out.err

    assert main(["--lang", "en", "--db", str(db_path), "stats", "--json"]) == 0
    registers = json.loads(capsys.readouterr().out)["registers"]
    assert registers["employees"] == N
    for name in ("units", "positions", "responsible_persons"):
        assert registers[name] == printed[name] > 0


def test_check_passes_after_demo(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _demo(db_path, "--today", "2025-06-30") == 0
    capsys.readouterr()
    assert main(["--lang", "en", "--db", str(db_path), "check"]) == 0
    assert capsys.readouterr().out.startswith("OK")


def test_a_second_demo_is_refused_with_exit_1(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _demo(db_path, "--today", "2025-06-30") == 0
    capsys.readouterr()
    assert _demo(db_path, "--seed", "2") == 1
    out = capsys.readouterr()
    assert out.out == ""
    assert f"already has employees ({N})" in out.err and "nothing was changed" in out.err


def test_without_today_the_data_is_as_of_today(db_path: Path) -> None:
    assert _demo(db_path) == 0
    db = open_database(db_path)
    try:
        with db.session() as s:
            employee = s.get(Employee, 1)
    finally:
        db.dispose()
    assert employee is not None
    kazakhstan = dt.timezone(dt.timedelta(hours=5))
    assert employee.created_at.astimezone(kazakhstan).date() == dt.date.today()


def test_out_of_range_numbers_are_a_user_error(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["--lang", "en", "--db", str(db_path), "demo", "--employees", "0", "--years", "2"])
        == 1
    )
    assert "number of employees must be from 1" in capsys.readouterr().err


def test_a_date_that_is_not_a_date_is_a_usage_error(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        _demo(db_path, "--today", "30.06.2025")
    assert stopped.value.code == 1  # a wrong command line is a user error (DESIGN.md §4)
    assert "30.06.2025 is not a date; write it as YYYY-MM-DD." in capsys.readouterr().err
