"""`safedesk migrate --from FILE.db --to URL`: a file moves onto a server, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import URL

from safedesk.cli import main
from safedesk.db.check import check_database
from safedesk.db.engine import open_database
from safedesk.db.models import Base, Unit
from safedesk.db.units import UnitFields, add_unit, update_unit


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Demo data in every register, and a unit moved under one made after it."""
    path = tmp_path / "office.db"
    code, _out, err = run(capsys, "--db", str(path), "demo", "--employees", "40", "--years", "1")
    assert code == 0, err
    db = open_database(path, user="Әлия")
    try:
        with db.write() as s:
            first = add_unit(s, UnitFields("Бірінші цех", "Первый цех"))
            later = add_unit(s, UnitFields("Кеніш", "Рудник"))
            update_unit(
                s, first.id, first.version, UnitFields("Бірінші цех", "Первый цех", later.id)
            )
    finally:
        db.dispose()
    return path


def counts(url: str | Path) -> dict[str, int]:
    db = open_database(url)
    try:
        with db.engine.connect() as conn:
            return {
                t.name: int(conn.scalar(select(func.count()).select_from(t)) or 0)
                for t in Base.metadata.sorted_tables
            }
    finally:
        db.dispose()


def test_copy_moves_every_row_and_the_audit_trail_verifies(
    demo_file: Path, empty_server_url: URL, capsys: pytest.CaptureFixture[str]
) -> None:
    target = empty_server_url.render_as_string(hide_password=False)
    code, out, err = run(capsys, "migrate", "--from", str(demo_file), "--to", target)
    assert code == 0, err
    assert "row counts match and the audit trail" in err
    assert "employees\t" in out
    assert counts(target) == counts(demo_file)
    assert counts(target)["employees"] >= 40 and counts(target)["audit_log"] > 0

    db = open_database(target, user="Бауыржан")
    try:
        report = check_database(db)
        assert report.ok and report.audit_entries == counts(demo_file)["audit_log"]
        with db.session() as s:
            first = s.scalars(select(Unit).where(Unit.name_kk == "Бірінші цех")).one()
            assert first.parent_id is not None and first.parent_id > first.id
            top = s.scalar(select(func.max(Unit.id)))
        with db.write() as s:  # the sequences follow the copied ids
            new = add_unit(s, UnitFields("Жаңа", "Новый"))
            assert new.id == (top or 0) + 1
        assert check_database(db).ok
    finally:
        db.dispose()


def test_a_target_with_records_is_refused_and_left_as_it_was(
    demo_file: Path, empty_server_url: URL, capsys: pytest.CaptureFixture[str]
) -> None:
    target = empty_server_url.render_as_string(hide_password=False)
    assert run(capsys, "migrate", "--from", str(demo_file), "--to", target)[0] == 0
    before = counts(target)
    code, _out, err = run(capsys, "migrate", "--from", str(demo_file), "--to", target)
    assert code == 1
    assert "already holds records" in err and "nothing was changed" in err
    assert counts(target) == before


def test_a_target_made_by_init_only_is_still_empty(
    demo_file: Path, empty_server_url: URL, capsys: pytest.CaptureFixture[str]
) -> None:
    target = empty_server_url.render_as_string(hide_password=False)
    assert run(capsys, "--db", target, "init")[0] == 0  # reference data only
    code, _out, err = run(capsys, "migrate", "--from", str(demo_file), "--to", target)
    assert code == 0, err
    assert counts(target) == counts(demo_file)


def test_refusals_before_anything_is_touched(
    tmp_path: Path, demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(capsys, "migrate", "--from", str(tmp_path / "none.db"), "--to", "x")
    assert code == 1 and "does not exist" in err
    code, _out, err = run(
        capsys, "migrate", "--from", str(demo_file), "--to", str(tmp_path / "other.db")
    )
    assert code == 1 and "must be a PostgreSQL URL" in err
    assert not (tmp_path / "other.db").exists()
