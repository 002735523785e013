"""Every test gets its own home folder and, when it asks, its own real database.

By default that database is a SQLite file. When SAFEDESK_TEST_PG holds a PostgreSQL
server URL (a superuser's, e.g. postgresql+psycopg://postgres@127.0.0.1:54329/postgres),
it is a fresh PostgreSQL database instead: the real migrations run once into a template
database, and each test gets `CREATE DATABASE ... TEMPLATE` of it, dropped afterwards.
Tests about the SQLite file itself are marked `sqlite_only(reason)`: skipped in that run;
tests that never ask for the database are left out of it.
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from concurrent.futures import Future
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from safedesk.db.engine import Database, open_database
from safedesk.db.migrate import prepare
from safedesk.i18n import set_language

PG_URL = os.environ.get("SAFEDESK_TEST_PG", "").strip()
# Names of the databases the run makes: the prefix (and the process id) keep
# concurrent runs on one server apart.
PG_PREFIX = os.environ.get("SAFEDESK_TEST_PG_PREFIX", "sdtest")
# An ICU locale for the test databases (e.g. kk-KZ), as a server in Kazakhstan may be set
# up: text then compares in that language's order, not by code point (PostgreSQL 15+).
PG_ICU_LOCALE = os.environ.get("SAFEDESK_TEST_PG_ICU", "").strip()


def pytest_report_header(config: pytest.Config) -> str:
    if not PG_URL:
        return "SafeDesk databases: SQLite files"
    from sqlalchemy.engine import make_url

    shown = make_url(PG_URL).render_as_string(hide_password=True)
    return f"SafeDesk databases: PostgreSQL at {shown} (sqlite_only tests skipped)"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """In the PostgreSQL run: skip `sqlite_only` tests, and leave out the tests that
    never ask for the test database (`db_path`): the SQLite run has run those already."""
    if not PG_URL:
        return
    kept: list[pytest.Item] = []
    left_out: list[pytest.Item] = []
    for item in items:
        if "db_path" not in getattr(item, "fixturenames", ()):
            left_out.append(item)
            continue
        marker = item.get_closest_marker("sqlite_only")
        if marker is not None:
            reason = marker.args[0] if marker.args else marker.kwargs.get("reason", "")
            item.add_marker(pytest.mark.skip(reason=f"SQLite only: {reason}".rstrip(": ")))
        kept.append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


@pytest.fixture(autouse=True)
def safedesk_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Settings, logs and the default database go to this test's folder, in English."""
    home = tmp_path / "home"
    monkeypatch.setenv("SAFEDESK_HOME", str(home))
    monkeypatch.delenv("SAFEDESK_DB", raising=False)
    set_language("en")
    yield home
    set_language("en")


class _PgServer:
    """The test server: a template migrated once, and a fresh copy of it per test.

    Copies are made one test ahead and dropped after it on a helper thread, so the
    server copies files while the tests run Python.
    """

    def __init__(self, url: str) -> None:
        from concurrent.futures import ThreadPoolExecutor

        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url
        from sqlalchemy.pool import NullPool

        self.url = make_url(url)
        self.admin = create_engine(self.url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        self.stem = f"{PG_PREFIX}_{os.getpid()}"
        self.template = f"{self.stem}_tmpl"
        self._numbers = itertools.count(1)
        self._strategy = ""
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pg-copies")
        self._next: Future[str] | None = None

    def _sql(self, statement: str) -> None:
        from sqlalchemy import text

        with self.admin.connect() as conn:
            conn.execute(text(statement))

    def url_of(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def make_template(self) -> None:
        self._sql(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')
        locale = (
            f" LOCALE_PROVIDER icu ICU_LOCALE '{PG_ICU_LOCALE}'" if PG_ICU_LOCALE else ""
        )
        self._sql(
            f"CREATE DATABASE \"{self.template}\" ENCODING 'UTF8' TEMPLATE template0{locale}"
        )
        db = open_database(self.url_of(self.template))
        try:
            prepare(db)
        finally:
            db.dispose()
        with self.admin.connect() as conn:
            version = int(conn.exec_driver_sql("SHOW server_version_num").scalar_one())
        if version >= 150000:
            # Copying the files is ~5x faster than the default WAL_LOG for a small database.
            self._strategy = " STRATEGY FILE_COPY"

    def _create(self) -> str:
        name = f"{self.stem}_{next(self._numbers)}"
        self._sql(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"{self._strategy}')
        return name

    def copy(self) -> str:
        ready = self._next if self._next is not None else self._worker.submit(self._create)
        self._next = self._worker.submit(self._create)  # the next test's, made meanwhile
        return ready.result()

    def _drop(self, name: str) -> None:
        self._sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def drop(self, name: str) -> None:
        self._worker.submit(self._drop, name)

    def close(self) -> None:
        if self._next is not None:
            self.drop(self._next.result())
        self._worker.shutdown(wait=True)
        self._drop(self.template)
        self.admin.dispose()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[_PgServer | None]:
    if not PG_URL:
        yield None
        return
    server = _PgServer(PG_URL)
    server.make_template()
    yield server
    server.close()


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One SQLite database migrated by the real migrations; tests get copies of it (fast)."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    db = open_database(path)
    prepare(db)
    db.dispose()
    return path


@pytest.fixture
def db_path(
    request: pytest.FixtureRequest, tmp_path: Path, pg_server: _PgServer | None
) -> Iterator[Path | str]:
    """The test's migrated database: a SQLite file, or in the PostgreSQL run its URL.

    The URL is a str, not a Path; what tests do with it (`str()`, `open_database`,
    `--db`) works for both. Tests that need the file are `sqlite_only`.
    """
    if pg_server is None:
        template = request.getfixturevalue("migrated_template")
        path = tmp_path / "safedesk.db"
        shutil.copyfile(template, path)
        yield path
        return
    name = pg_server.copy()
    try:
        yield pg_server.url_of(name)
    finally:
        pg_server.drop(name)


@pytest.fixture
def db(db_path: Path | str) -> Iterator[Database]:
    database = open_database(db_path, user="tester")
    yield database
    database.dispose()
