"""Which schema a database has, read cheaply without importing Alembic.

Start-up only needs Alembic when there is something to migrate; reading one row of
`alembic_version` tells that. `REVISIONS` is this program's migrations in order, read
from the scripts in migrations/versions (a few small files, no Alembic import).
"""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path

from sqlalchemy import Engine, inspect, text

VERSIONS_DIR = Path(__file__).parent / "migrations" / "versions"
_REVISION = re.compile(r"^revision\s*=\s*['\"](\w+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*=\s*(?:['\"](\w+)['\"]|None)", re.M)


def _read_revisions() -> tuple[str, ...]:
    """Revision ids from first to last, following each script's down_revision."""
    parent_of: dict[str, str | None] = {}
    for script in VERSIONS_DIR.glob("*.py"):
        source = script.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN.search(source)
        if revision and down:
            parent_of[revision.group(1)] = down.group(1)
    children = {parent: rev for rev, parent in parent_of.items()}
    ordered: list[str] = []
    current = children.get(None)
    while current is not None:
        ordered.append(current)
        current = children.get(current)
    return tuple(ordered)


REVISIONS: tuple[str, ...] = _read_revisions()
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
