"""Where a PostgreSQL server is and how to log in to it, remembered safely (issue 13).

The address (host, port, database, user) is remembered in the config folder as a URL
without the password; the password lives in the operating system's keyring (Windows
Credential Manager, macOS Keychain, Secret Service) under the service "SafeDesk" and
the name "user@host:port/database" — never in a plain file.
"""

from __future__ import annotations

import contextlib
import json
import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import URL, make_url

from safedesk.paths import config_dir

SERVICE = "SafeDesk"
DEFAULT_PORT = 5432
DRIVER = "postgresql+psycopg"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ServerAddress:
    host: str
    port: int
    database: str
    user: str

    def url(self, password: str | None = None) -> URL:
        return URL.create(
            DRIVER,
            username=self.user,
            password=password,
            host=self.host,
            port=self.port,
            database=self.database,
        )

    def url_text(self) -> str:
        """The URL without a password: what is remembered and shown."""
        return self.url().render_as_string(hide_password=False)

    @property
    def keyring_name(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    @classmethod
    def from_url(cls, url: str | URL) -> ServerAddress:
        u = make_url(url)
        return cls(
            u.host or "localhost", u.port or DEFAULT_PORT, u.database or "", u.username or ""
        )


def _keyring() -> Any:
    import keyring

    return keyring


def save_password(address: ServerAddress, password: str) -> bool:
    """Keep the password in the keyring; False when this computer has no keyring."""
    kr = _keyring()
    try:
        kr.set_password(SERVICE, address.keyring_name, password)
    except kr.errors.KeyringError as e:
        log.warning("password not kept: %s", e)
        return False
    return True


def saved_password(address: ServerAddress) -> str | None:
    kr = _keyring()
    try:
        value = kr.get_password(SERVICE, address.keyring_name)
    except kr.errors.KeyringError as e:  # no keyring on this computer: ask, do not fail
        log.info("no keyring: %s", e)
        return None
    return str(value) if value is not None else None


def forget_password(address: ServerAddress) -> None:
    kr = _keyring()
    with contextlib.suppress(kr.errors.KeyringError):
        kr.delete_password(SERVICE, address.keyring_name)


def with_saved_password(url: URL) -> URL:
    """A server URL without a password gets the one kept in the keyring, if any."""
    if url.password is not None or not url.username or url.get_backend_name() != "postgresql":
        return url
    password = saved_password(ServerAddress.from_url(url))
    return url.set(password=password) if password is not None else url


def _file() -> Any:
    return config_dir() / "server.json"


def remembered_server() -> str | None:
    """The server URL (no password) the window connects to at start, if one was chosen."""
    try:
        data = json.loads(_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    url = data.get("url") if isinstance(data, dict) else None
    return url if isinstance(url, str) and url.startswith("postgresql") else None


def remember_server(address: ServerAddress | None) -> None:
    """Connect to `address` at the next start; None goes back to the database file."""
    path = _file()
    if address is None:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"url": address.url_text()}), encoding="utf-8")
    tmp.replace(path)


def database_at_start(db_arg: str | None) -> str | None:
    """--db first, then SAFEDESK_DB, then the server chosen in the window, then the file."""
    import os

    if db_arg or os.environ.get("SAFEDESK_DB"):
        return db_arg
    return remembered_server()
