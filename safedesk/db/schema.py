"""Which schema a database has, read cheaply without importing Alembic.

Start-up only needs Alembic when there is something to migrate; reading one row of
`alembic_version` tells that. `REVISIONS` lists this program's migrations in order and
is kept equal to the scripts in migrations/versions by a test.
"""

from __future__ import annotations

from enum import Enum

from sqlalchemy import Engine, inspect, text

REVISIONS: tuple[str, ...] = ("0001",)
HEAD = REVISIONS[-1]


class SchemaState(Enum):
    EMPTY = "empty"  # a new file: create everything
    CURRENT = "current"
    OLDER = "older"  # made by an earlier SafeDesk: back up, then migrate
    NEWER = "newer"  # made by a later SafeDesk: refuse, writing would damage it
    FOREIGN = "foreign"  # tables, but not ours


def schema_state(engine: Engine) -> tuple[SchemaState, str | None]:
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        if not tables:
            return SchemaState.EMPTY, None
        if "alembic_version" not in tables or "audit_log" not in tables:
            return SchemaState.FOREIGN, None
        version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if version == HEAD:
        return SchemaState.CURRENT, version
    if version in REVISIONS:
        return SchemaState.OLDER, version
    return SchemaState.NEWER, version
