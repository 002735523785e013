"""A database from every earlier schema release migrates to head with every row kept.

tests/fixtures/schemas/<revision>.db is a demo database of that release (made by
make_fixture.py there). Migrating a copy must keep each row's id and every value of
every column the row had (a column replaced by others: its value in them, `MOVED`);
the audit chain must still verify; the result must match
the models exactly, as a new database does.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from safedesk.db.backup import compare_databases
from safedesk.db.check import check_database
from safedesk.db.engine import open_database
from safedesk.db.migrate import prepare
from safedesk.db.schema import HEAD, REVISIONS, SchemaState, schema_state
from safedesk.db.text_search import is_search_index

pytestmark = pytest.mark.sqlite_only("migrates .db files of earlier releases")

FIXTURES = sorted((Path(__file__).parent.parent / "fixtures" / "schemas").glob("*.db"))


def rows_of(path: Path) -> dict[str, dict[int, dict[str, Any]]]:
    """table -> rowid -> column -> value, for every table but alembic_version."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
            )
            # The trigram search indexes (migration 0012) are derived from the rows;
            # some of their shadow tables have no rowid.
            if not is_search_index(r[0])
        ]
        found: dict[str, dict[int, dict[str, Any]]] = {}
        for table in tables:
            cursor = conn.execute(f'SELECT rowid, * FROM "{table}"')
            names = [d[0] for d in cursor.description][1:]
            found[table] = {r[0]: dict(zip(names, r[1:], strict=True)) for r in cursor}
        return found
    finally:
        conn.close()


def shape_of(path: Path) -> dict[str, Any]:
    """Every table's columns (name, type, not null, default, key) and indexes."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        shape: dict[str, Any] = {}
        for (table,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ):
            columns = [r[1:] for r in conn.execute(f'PRAGMA table_info("{table}")')]
            indexes = sorted(
                (r[1], r[2], tuple(c[2] for c in conn.execute(f'PRAGMA index_info("{r[1]}")')))
                for r in conn.execute(f'PRAGMA index_list("{table}")')
            )
            shape[table] = (sorted(columns), indexes)
        return shape
    finally:
        conn.close()


def test_every_fixture_is_a_release_of_this_repository() -> None:
    assert FIXTURES, "tests/fixtures/schemas has no fixture database"
    for fixture in FIXTURES:
        assert fixture.stem in REVISIONS, f"{fixture.name}: no migration {fixture.stem}"


# Columns a later migration replaced by others that keep their value, and how to read
# the old value back from the new columns. 0018: the head's position, one field typed
# 'kk / ru' or in one language, kept in both languages.
MOVED: dict[tuple[str, str], Any] = {
    ("organisation", "head_position"): lambda now: (
        now["head_position_kk"]
        if now["head_position_kk"] == now["head_position_ru"]
        else f"{now['head_position_kk']} / {now['head_position_ru']}"
    ),
}


def moved_back(table: str, values: dict[str, Any], now: dict[str, Any]) -> dict[str, Any]:
    """`now` with each replaced column read back from the columns that replaced it."""
    found = dict(now)
    for (moved_table, column), read_back in MOVED.items():
        if table == moved_table and column in values and column not in now:
            found[column] = read_back(now)
    return found


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_fixture_migrates_to_head_with_every_row_kept(
    fixture: Path, tmp_path: Path, migrated_template: Path
) -> None:
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    before = rows_of(path)
    db = open_database(path)
    backup = prepare(db)
    assert schema_state(db.engine) == (SchemaState.CURRENT, HEAD)
    if fixture.stem != HEAD:
        assert backup is not None and compare_databases(backup, fixture) == []
    after = rows_of(path)
    kept = 0
    for table, rows in before.items():
        assert table in after, f"table {table} was dropped"
        for rowid, values in rows.items():
            now = after[table].get(rowid)
            assert now is not None, f"{table} row {rowid} was lost"
            now = moved_back(table, values, now)
            assert {k: now.get(k) for k in values} == values, f"{table} row {rowid} changed"
            kept += 1
    assert kept == sum(len(r) for r in before.values()) > 0
    assert check_database(db).ok
    db.dispose()
    assert shape_of(path) == shape_of(migrated_template)  # as if made new at head
