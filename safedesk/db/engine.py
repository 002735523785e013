"""Opening a database: a path or URL becomes an engine and sessions (DESIGN.md §2).

Everything SQLite-specific lives here: the pragmas that make a crash lose nothing
(WAL, synchronous=FULL), foreign keys, the busy timeout, and BEGIN IMMEDIATE for
writes so that two programs on one file queue up instead of failing half-way.
"""

from __future__ import annotations

import getpass
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, String, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.sql.functions import GenericFunction

from safedesk.errors import DatabaseProblem, StaleRecord
from safedesk.i18n import N_

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def to_url(path_or_url: str | Path) -> str:
    """A plain path becomes a SQLite URL; a URL is kept as it is."""
    text = str(path_or_url)
    if "://" in text:
        return text
    return f"sqlite+pysqlite:///{Path(text).expanduser().resolve()}"


def _check_sqlite_file(path: Path, read_only: bool = False) -> None:
    """Refuse, before SQLite touches it, a file that cannot be a usable database."""
    if path.is_dir():
        raise DatabaseProblem(N_("{path} is a folder, not a database file."), path=str(path))
    if not path.parent.exists():
        raise DatabaseProblem(N_("The folder of {path} does not exist."), path=str(path))
    if path.exists():
        try:
            with path.open("rb") as f:
                header = f.read(16)
        except OSError as e:
            raise DatabaseProblem(
                N_("The database {path} cannot be read: {reason}."),
                path=str(path),
                reason=e.strerror or str(e),
            ) from e
        if header and header != SQLITE_HEADER:
            raise DatabaseProblem(
                N_("{path} is not a SafeDesk database (it is not an SQLite file)."),
                path=str(path),
            )
        if not read_only and not _writable(path):
            raise DatabaseProblem(
                N_("The database {path} is read-only. Copy it to a folder you can write to."),
                path=str(path),
            )
    elif read_only:
        raise DatabaseProblem(N_("The database {path} does not exist."), path=str(path))
    elif not _writable(path.parent):
        raise DatabaseProblem(
            N_("A database cannot be created in {path}: the folder is read-only."),
            path=str(path.parent),
        )


def _writable(path: Path) -> bool:
    import os

    return os.access(path, os.W_OK)


class casefold(GenericFunction[str]):
    """Case-blind text for searching, Cyrillic included (SQLite's lower() is ASCII-only)."""

    type = String()
    inherit_cache = True


@compiles(casefold)
def _casefold_default(element: casefold, compiler: Any, **kw: Any) -> str:
    return f"lower({compiler.process(element.clauses, **kw)})"


@compiles(casefold, "sqlite")
def _casefold_sqlite(element: casefold, compiler: Any, **kw: Any) -> str:
    return f"sd_casefold({compiler.process(element.clauses, **kw)})"


def _py_casefold(value: object) -> str | None:
    return None if value is None else str(value).casefold()


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event, not the driver, decide when a transaction starts.
    dbapi_conn.isolation_level = None
    dbapi_conn.create_function("sd_casefold", 1, _py_casefold, deterministic=True)
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    # A writer takes the write lock up front: a reader that later tries to write
    # cannot be refused in the middle of a transaction.
    write = conn.get_execution_options().get("safedesk_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


# Writers on a server queue up, as on a file: the audit trail links each entry to the
# one before (DESIGN.md §3), so two transactions appending at once would fork it.
SERVER_WRITE_LOCK = 0x5AFE_0D35


def _server_begin(conn: Any) -> None:
    if conn.get_execution_options().get("safedesk_write", False):
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({SERVER_WRITE_LOCK})")


def translate_db_error(error: BaseException, path: str) -> DatabaseProblem | None:
    """The user's words for a driver error, or None when it is a bug."""
    from safedesk.db.server_errors import translate_server_error

    server = translate_server_error(error, path)  # PostgreSQL: role refused, connection lost
    if server is not None:
        return server
    text = str(getattr(error, "orig", error)).lower()
    if "locked" in text or "busy" in text:
        return DatabaseProblem(
            N_("The database {path} is locked by another program. Try again in a moment."),
            path=path,
        )
    if "readonly" in text or "read-only" in text:
        return DatabaseProblem(
            N_("The database {path} is read-only. Nothing was saved."), path=path
        )
    if "disk is full" in text or "database or disk is full" in text:
        return DatabaseProblem(N_("The disk holding {path} is full. Nothing was saved."), path=path)
    if "not a database" in text or "malformed" in text or "disk image" in text:
        return DatabaseProblem(
            N_("The database {path} is damaged. Restore it from a backup."), path=path
        )
    if "unable to open" in text:
        return DatabaseProblem(N_("The database {path} cannot be opened."), path=path)
    return None


class Database:
    """One open database: its engine, read sessions, and write transactions."""

    def __init__(self, engine: Engine, user: str, read_only: bool = False) -> None:
        self.engine = engine
        self.user = user
        self.read_only = read_only  # opened to look only: write() refuses
        self.on_dispose: list[Callable[[], None]] = []  # e.g. releasing the writer's lock
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False)
        self._write_engine = engine.execution_options(safedesk_write=True)
        self._write_sessions = sessionmaker(bind=self._write_engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def path(self) -> Path | None:
        """The file of a SQLite database; None for a server."""
        if not self.is_sqlite or not self.engine.url.database:
            return None
        name = self.engine.url.database
        if self.engine.url.query.get("uri") and name.startswith("file:"):
            from urllib.parse import unquote, urlparse
            from urllib.request import url2pathname

            return Path(url2pathname(unquote(urlparse(name).path)))
        return Path(name)

    @property
    def display_name(self) -> str:
        return str(self.path) if self.path else self.engine.url.render_as_string(hide_password=True)

    def session(self) -> Session:
        """A session for reading; pages and reports use these."""
        s = self._sessions()
        s.info["user"] = self.user
        return s

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: committed when the block ends, rolled back on any error."""
        if self.read_only:
            raise DatabaseProblem(
                N_(
                    "The database {path} was opened read-only. "
                    "Nothing was saved; what you typed is still here."
                ),
                path=self.display_name,
            )
        s = self._write_sessions()
        s.info["user"] = self.user
        try:
            with s.begin():
                yield s
        except StaleDataError as e:
            raise StaleRecord() from e
        except DBAPIError as e:
            problem = translate_db_error(e, self.display_name)
            if problem is None:
                raise
            raise problem from e
        finally:
            s.close()

    def dispose(self) -> None:
        self.engine.dispose()
        while self.on_dispose:
            self.on_dispose.pop()()


def open_database(
    path_or_url: str | Path, user: str | None = None, read_only: bool = False
) -> Database:
    """Engine and sessions for a SQLite path or a database URL; nothing is migrated here.

    `read_only` opens a SQLite file for looking only (another SafeDesk holds it):
    SQLite itself refuses writes, and `Database.write()` says so before trying.
    """
    url = make_url(to_url(path_or_url))
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:" and not url.query.get("uri"):
            _check_sqlite_file(Path(url.database), read_only)
        if read_only and url.database:
            uri = f"{Path(url.database).resolve().as_uri()}?mode=ro"
            engine = create_engine(
                url,
                creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
            )
        else:
            engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    else:
        from safedesk.server_login import with_saved_password

        engine = create_engine(with_saved_password(url), pool_pre_ping=True)  # keyring
        if url.get_backend_name() == "postgresql":
            event.listen(engine, "begin", _server_begin)
    # On a server the login name is who did it; on a file, the person at the computer.
    return Database(engine, user or url.username or _os_user(), read_only)


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name on some service accounts
        return "user"
