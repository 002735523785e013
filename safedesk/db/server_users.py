"""The people who use one PostgreSQL database: login roles in a SafeDesk group (issue 13).

A user is a PostgreSQL login role that is a member of exactly one SafeDesk group
(`server_roles.ROLES`); the server, not the program, then decides what they may do.
An administrator also gets CREATEROLE so that they can manage users in turn.
Passwords are sent to the server already hashed (SCRAM-SHA-256), so the plain text
never reaches its logs.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from sqlalchemy import Connection, text

from safedesk.db.engine import Database
from safedesk.db.server_roles import ROLE_BY_GROUP, ROLES, ServerRole, missing_groups
from safedesk.errors import SafeDeskError
from safedesk.i18n import N_

# Letters (Cyrillic too), digits and . _ - @; PostgreSQL keeps 63 bytes of a name.
_NAME = re.compile(r"^[^\W][\w.@-]*$")
_MAX_NAME_BYTES = 63
SCRAM_ITERATIONS = 4096


class UsersProblem(SafeDeskError):
    """A users command cannot do what was asked; nothing was changed."""

    msgid = N_("The users of {path} cannot be changed.")


class NotAServer(UsersProblem):
    msgid = N_(
        "Users and roles are a feature of a PostgreSQL server; {path} is a database file "
        "used by one person. Give --db postgresql+psycopg://user@host/database."
    )


@dataclass(frozen=True)
class ServerUser:
    name: str
    role: ServerRole
    can_login: bool


def require_server(db: Database) -> None:
    if db.is_sqlite:
        raise NotAServer(path=db.display_name)


def _require_groups(conn: Connection, db: Database) -> None:
    if missing_groups(conn):
        raise UsersProblem(
            N_(
                "The SafeDesk roles do not exist on the server {path}. Run `safedesk init` "
                "once as the owner of the database (a user allowed to create roles)."
            ),
            path=db.display_name,
        )


def check_name(name: str) -> None:
    if (
        not _NAME.match(name)
        or len(name.encode()) > _MAX_NAME_BYTES
        or name.lower().startswith("pg_")
        or name.lower().startswith("safedesk_")
    ):
        raise UsersProblem(
            N_(
                "«{name}» cannot be a user name: use letters, digits and . _ - @, "
                "at most 63 bytes, not starting with pg_ or safedesk_."
            ),
            name=name,
        )


def scram_verifier(password: str, salt: bytes | None = None) -> str:
    """The SCRAM-SHA-256 secret PostgreSQL stores for `password` (RFC 5802/7677)."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, SCRAM_ITERATIONS)
    client_key = hmac.digest(salted, b"Client Key", "sha256")
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.digest(salted, b"Server Key", "sha256")

    def b64(data: bytes) -> str:
        return base64.b64encode(data).decode()

    return f"SCRAM-SHA-256${SCRAM_ITERATIONS}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def _quote(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote_identifier(name)


def _literal(value: str) -> str:
    # standard_conforming_strings is on since PostgreSQL 9.1: only the quote is special.
    return "'" + value.replace("'", "''") + "'"


def list_users(db: Database) -> list[ServerUser]:
    """Every login role in a SafeDesk group, by name."""
    require_server(db)
    with db.engine.connect() as conn:
        _require_groups(conn, db)
        rows = conn.execute(
            text(
                "SELECT u.rolname, g.rolname, u.rolcanlogin FROM pg_auth_members m "
                "JOIN pg_roles u ON u.oid = m.member JOIN pg_roles g ON g.oid = m.roleid "
                "WHERE g.rolname = ANY(:groups) ORDER BY u.rolname, g.rolname"
            ),
            {"groups": [r.group for r in ROLES]},
        ).all()
    seen: dict[str, ServerUser] = {}
    for name, group, login in rows:
        seen.setdefault(name, ServerUser(name, ROLE_BY_GROUP[group], bool(login)))
    return list(seen.values())


def _role_of(conn: Connection, name: str) -> tuple[bool, list[str]]:
    """Whether the role exists, and the SafeDesk groups it is in."""
    exists = conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name})
    groups = conn.scalars(
        text(
            "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles u ON u.oid = m.member "
            "JOIN pg_roles g ON g.oid = m.roleid WHERE u.rolname = :n AND g.rolname = ANY(:g)"
        ),
        {"n": name, "g": [r.group for r in ROLES]},
    ).all()
    return bool(exists), list(groups)


def _grant_role(conn: Connection, name: str, role: ServerRole, old: list[str]) -> None:
    user = _quote(conn, name)
    for group in old:
        if group != role.group:
            conn.exec_driver_sql(f"REVOKE {group} FROM {user}")
    if role.group not in old:
        conn.exec_driver_sql(f"GRANT {role.group} TO {user}")
    creates = "CREATEROLE" if role.key == "admin" else "NOCREATEROLE"
    conn.exec_driver_sql(f"ALTER ROLE {user} {creates}")


def add_user(db: Database, name: str, role: ServerRole, password: str | None = None) -> None:
    """A new login role in `role`'s group; refused if the name is taken."""
    require_server(db)
    check_name(name)
    with db.engine.begin() as conn:
        _require_groups(conn, db)
        exists, _groups = _role_of(conn, name)
        if exists:
            raise UsersProblem(
                N_("A user or role named «{name}» already exists on the server."), name=name
            )
        secret = f" PASSWORD {_literal(scram_verifier(password))}" if password else ""
        conn.exec_driver_sql(f"CREATE ROLE {_quote(conn, name)} LOGIN{secret}")
        _grant_role(conn, name, role, [])


def set_role(db: Database, name: str, role: ServerRole) -> None:
    """Move a SafeDesk user to another group."""
    require_server(db)
    with db.engine.begin() as conn:
        _require_groups(conn, db)
        _exists, groups = _role_of(conn, name)
        if not groups:
            raise _no_user(name)
        _grant_role(conn, name, role, groups)


def remove_user(db: Database, name: str) -> None:
    """Drop a SafeDesk user's login role. What they recorded stays, with their name."""
    require_server(db)
    with db.engine.begin() as conn:
        _require_groups(conn, db)
        _exists, groups = _role_of(conn, name)
        if not groups:
            raise _no_user(name)
        if name == conn.scalar(text("SELECT session_user")):
            raise UsersProblem(N_("You cannot remove yourself («{name}»)."), name=name)
        conn.exec_driver_sql(f"DROP ROLE {_quote(conn, name)}")


def _no_user(name: str) -> UsersProblem:
    return UsersProblem(N_("There is no SafeDesk user named «{name}» on the server."), name=name)
