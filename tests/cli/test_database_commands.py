"""init, stats, check through the real command line."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from safedesk.cli import main
from safedesk.db.engine import open_database


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_init_creates_database_with_organisation(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "new.db"
    code, _out, err = run(
        capsys, "--db", str(path), "init", "--org-name", "ТОО «Қазмыс»", "--bin", "940140000385"
    )
    assert code == 0 and "Database ready" in err
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT name_kk, bin FROM organisation").fetchall() == [
            ("ТОО «Қазмыс»", "940140000385")
        ]


def test_init_with_bad_bin_says_why_and_exits_1(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _out, err = run(
        capsys, "--db", str(tmp_path / "x.db"), "init", "--org-name", "X", "--bin", "940140000386"
    )
    assert code == 1
    assert "BIN 940140000386: the check digit (12th) should be 5, not 6." in err


def test_stats_json_has_the_contract_shape(db_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _err = run(capsys, "--db", str(db_path), "stats", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["registers"]["employees"] == 0
    assert set(data["due"]) == {"overdue", "due_30_days", "by_register"}


def test_check_finds_a_tampered_audit_trail(db_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert (
        run(capsys, "--db", str(db_path), "init", "--org-name", "A", "--bin", "940140000385")[0]
        == 0
    )
    assert run(capsys, "--db", str(db_path), "check")[0] == 0
    tamper = open_database(db_path)  # a file, or a server database in the PostgreSQL run
    with tamper.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET after = replace(after, 'A', 'B')"))
    tamper.dispose()
    code, out, _err = run(capsys, "--db", str(db_path), "check")
    assert code == 2 and "Audit log: entry 1" in out


def test_not_a_database_is_exit_1_with_a_message(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "notes.db"
    path.write_text("hello")
    code, _out, err = run(capsys, "--db", str(path), "stats")
    assert code == 1 and "is not a SafeDesk database" in err
    assert path.read_text() == "hello"


def test_messages_follow_lang(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _out, err = run(
        capsys,
        "--lang",
        "ru",
        "--db",
        str(tmp_path / "x.db"),
        "init",
        "--org-name",
        "X",
        "--bin",
        "940140000386",
    )
    assert code == 1 and "БИН 940140000386" in err


def test_real_process_with_default_database_in_user_folder(safedesk_home: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "safedesk", "init"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert (safedesk_home / "data" / "safedesk.db").exists()


def test_init_again_keeps_the_head_position_in_both_languages(db_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from safedesk.db.organisation import OrganisationFields, get_organisation, save_organisation

    db = open_database(db_path)
    with db.write() as s:
        save_organisation(
            s,
            OrganisationFields(
                "«Шығыс» ЖШС", "ТОО «Шыгыс»", "940140000385",
                head_position_kk="Бас директор", head_position_ru="Генеральный директор",
            ),
        )  # fmt: skip
    db.dispose()
    assert run(capsys, "--db", str(db_path), "init", "--bin", "011140256888")[0] == 0
    db = open_database(db_path)
    try:
        with db.session() as s:
            org = get_organisation(s)
            assert org is not None and org.bin == "011140256888"
            assert (org.head_position_kk, org.head_position_ru) == (
                "Бас директор",
                "Генеральный директор",
            )
    finally:
        db.dispose()
