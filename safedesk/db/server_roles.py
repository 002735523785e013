"""Who may do what on a PostgreSQL server, enforced by the server itself (issue 13).

Three group roles, one per kind of person; a login role per person is a member of
exactly one of them (`safedesk.db.server_users`):

- administrator: reference data (periods, norms, the risk matrix, permit rules…) and users;
- safety officer: every register, read-only reference data, appends to the audit trail;
- viewer: reads everything, writes nothing.

Nothing here runs on SQLite: a file has one user, the person at the computer.
The grants are made by migration 0011 and again by any later migration that adds
tables (`install` is idempotent), always by the owner of the tables.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

from safedesk.i18n import N_


@dataclass(frozen=True)
class ServerRole:
    key: str  # what the command line calls it
    group: str  # the PostgreSQL group role
    label: str  # what the window calls it (a message id)


ADMIN = ServerRole("admin", "safedesk_admin", N_("Administrator"))
OFFICER = ServerRole("officer", "safedesk_officer", N_("Safety officer"))
VIEWER = ServerRole("viewer", "safedesk_viewer", N_("Viewer"))
ROLES: tuple[ServerRole, ...] = (ADMIN, OFFICER, VIEWER)
ROLE_BY_KEY = {r.key: r for r in ROLES}
ROLE_BY_GROUP = {r.group: r for r in ROLES}

AUDIT_TABLE = "audit_log"
VERSION_TABLE = "alembic_version"

# Reference data (DESIGN.md §3): periods, norms, the risk matrix, rules and catalogues the
# registers are checked against, and the organisation card that heads every form. An
# officer reads them; only an administrator changes them. Units, positions and PPE items
# stay with the officer: a roster import and a PPE receipt create them as they go.
REFERENCE_TABLES: frozenset[str] = frozenset(
    {
        "organisation",
        "training_norms",
        "certificate_kinds",
        "test_questions",
        "public_holidays",
        "accident_deadline_rules",
        "indicator_targets",
        "permit_type_rules",
        "permit_gas_limits",
        "permit_settings",
        "ppe_norm_sets",
        "ppe_norm_lines",
        "ppe_position_norms",
        "milk_norms",
        "risk_matrices",
        "hazard_categories",
        "hazards",
    }
)

# A group role is shared by every database of the server; creating it twice at once
# (two databases migrated together) must not fail either of them.
_CREATE_GROUP = """
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name}') THEN
        CREATE ROLE {name} NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END
$$
"""


def is_server(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def missing_groups(conn: Connection) -> list[str]:
    """The SafeDesk group roles this server does not have yet."""
    have = set(
        conn.scalars(
            text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:names)"),
            {"names": [r.group for r in ROLES]},
        )
    )
    return [r.group for r in ROLES if r.group not in have]


def can_create_roles(conn: Connection) -> bool:
    return bool(
        conn.scalar(
            text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
        )
    )


def table_kind(name: str) -> str:
    """'reference', 'audit', 'version' or 'register'."""
    if name == AUDIT_TABLE:
        return "audit"
    if name == VERSION_TABLE:
        return "version"
    return "reference" if name in REFERENCE_TABLES else "register"


def _grants(table: str) -> dict[str, str]:
    """Privileges of each group on one table."""
    kind = table_kind(table)
    if kind == "reference":
        return {ADMIN.group: "ALL", OFFICER.group: "SELECT", VIEWER.group: "SELECT"}
    if kind == "audit":
        # The trail is evidence: appended to, never edited, not even by an administrator.
        return {
            ADMIN.group: "SELECT, INSERT",
            OFFICER.group: "SELECT, INSERT",
            VIEWER.group: "SELECT",
        }
    if kind == "version":
        return {ADMIN.group: "SELECT", OFFICER.group: "SELECT", VIEWER.group: "SELECT"}
    return {
        ADMIN.group: "ALL",
        OFFICER.group: "SELECT, INSERT, UPDATE, DELETE",
        VIEWER.group: "SELECT",
    }


def install(conn: Connection, schema: str = "public") -> None:
    """Create the group roles if missing and grant each its privileges on every table.

    Run by the owner of the tables. When the owner may not create roles and they do
    not exist yet, nothing is granted: the database still works for its owner, and
    `safedesk users` says what is missing.
    """
    if not is_server(conn):
        return
    if missing_groups(conn) and can_create_roles(conn):
        for role in ROLES:
            conn.exec_driver_sql(_CREATE_GROUP.format(name=role.group))
    if missing_groups(conn):
        return
    groups = ", ".join(r.group for r in ROLES)
    database = conn.dialect.identifier_preparer.quote(
        str(conn.scalar(text("SELECT current_database()")))
    )
    conn.exec_driver_sql(f"GRANT CONNECT, TEMPORARY ON DATABASE {database} TO {groups}")
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA {schema} TO {groups}")
    tables = conn.scalars(
        text("SELECT tablename FROM pg_tables WHERE schemaname = :s ORDER BY tablename"),
        {"s": schema},
    ).all()
    for table in tables:
        quoted = f"{schema}.{conn.dialect.identifier_preparer.quote(table)}"
        conn.exec_driver_sql(f"REVOKE ALL ON {quoted} FROM {groups}")
        for group, privileges in _grants(table).items():
            conn.exec_driver_sql(f"GRANT {privileges} ON {quoted} TO {group}")
    # Inserting takes the next id: every group that writes needs the sequences.
    conn.exec_driver_sql(
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {ADMIN.group}, {OFFICER.group}"
    )
    conn.exec_driver_sql(f"GRANT SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {VIEWER.group}")
    # Tables a later migration adds are readable at once; writing them is granted by
    # that migration calling `install` again.
    conn.exec_driver_sql(
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT SELECT ON TABLES TO {groups}"
    )
    conn.exec_driver_sql(
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT USAGE, SELECT ON SEQUENCES "
        f"TO {ADMIN.group}, {OFFICER.group}"
    )


def uninstall(conn: Connection, schema: str = "public") -> None:
    """Take this database's grants back; the group roles stay (other databases use them)."""
    if not is_server(conn) or missing_groups(conn):
        return
    groups = ", ".join(r.group for r in ROLES)
    conn.exec_driver_sql(
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} REVOKE ALL ON TABLES FROM {groups}"
    )
    conn.exec_driver_sql(
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} REVOKE ALL ON SEQUENCES FROM {groups}"
    )
    conn.exec_driver_sql(f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {groups}")
    conn.exec_driver_sql(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {groups}")
    conn.exec_driver_sql(f"REVOKE USAGE ON SCHEMA {schema} FROM {groups}")
    database = conn.dialect.identifier_preparer.quote(
        str(conn.scalar(text("SELECT current_database()")))
    )
    conn.exec_driver_sql(f"REVOKE CONNECT, TEMPORARY ON DATABASE {database} FROM {groups}")
