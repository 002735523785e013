"""Several users on one PostgreSQL server (issue 13): real databases and real roles.

The server is the one `SAFEDESK_TEST_PG` names (a superuser URL; `.ci/run` starts a
throwaway cluster): every test gets the suite's fresh migrated database of that run
(tests/conftest.py `db_path`), and its own login roles and extra databases, named
`t13b_…` and dropped after. Without SAFEDESK_TEST_PG these tests are skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import URL, make_url

from safedesk.db.engine import Database, open_database
from safedesk.db.server_roles import ROLE_BY_KEY
from tests.server.pg_helpers import admin_execute, new_name

NO_SERVER = "SAFEDESK_TEST_PG is not set: no PostgreSQL server to test several users on"


@pytest.fixture
def pg_admin_url(pg_server: Any, db_path: Path) -> URL:
    """The superuser URL of the test server (the suite's `pg_server`, tests/conftest.py).

    Asking for `db_path` too keeps these tests in the PostgreSQL run, which leaves out
    the tests that never ask for a database.
    """
    if pg_server is None:
        pytest.skip(NO_SERVER)
    return make_url(pg_server.url)


@pytest.fixture
def server_url(pg_server: Any, db_path: Path) -> URL:
    """This test's own database on the server, migrated by the real migrations (superuser)."""
    if pg_server is None:
        pytest.skip(NO_SERVER)
    return make_url(str(db_path))


@pytest.fixture
def empty_server_url(pg_admin_url: URL) -> Iterator[URL]:
    """A new, empty database on the server (superuser URL)."""
    name = new_name("db_")
    admin_execute(pg_admin_url, f'CREATE DATABASE "{name}"')
    yield pg_admin_url.set(database=name)
    admin_execute(pg_admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def server_user(pg_admin_url: URL) -> Iterator[Callable[[str], str]]:
    """make(role_key) -> the name of a new login role in that SafeDesk group."""
    made: list[str] = []

    def make(role: str) -> str:
        name = new_name(f"{role}_")
        admin_execute(
            pg_admin_url,
            f'CREATE ROLE "{name}" LOGIN',
            f'GRANT {ROLE_BY_KEY[role].group} TO "{name}"',
        )
        made.append(name)
        return name

    yield make
    for name in made:
        admin_execute(pg_admin_url, f'DROP ROLE IF EXISTS "{name}"')


@pytest.fixture
def open_as(server_url: URL) -> Iterator[Callable[[str], Database]]:
    """open(login) -> the test database opened as that PostgreSQL user (trust auth)."""
    opened: list[Database] = []

    def open_(login: str) -> Database:
        db = open_database(server_url.set(username=login), user=login)
        opened.append(db)
        return db

    yield open_
    for db in opened:
        db.dispose()
