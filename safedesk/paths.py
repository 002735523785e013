"""Where SafeDesk keeps its files on this machine (platformdirs).

SAFEDESK_HOME puts data, logs and settings under one folder instead: a portable
install on a USB stick, and every test's own throw-away folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_path, user_data_path, user_log_path

APP = "SafeDesk"


def _home(sub: str) -> Path | None:
    home = os.environ.get("SAFEDESK_HOME")
    if not home:
        return None
    path = Path(home) / sub
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    return _home("data") or user_data_path(APP, appauthor=False, ensure_exists=True)


def log_dir() -> Path:
    return _home("logs") or user_log_path(APP, appauthor=False, ensure_exists=True)


def config_dir() -> Path:
    return _home("config") or user_config_path(APP, appauthor=False, ensure_exists=True)


def default_database() -> str:
    """SAFEDESK_DB if set, else safedesk.db in the user data folder."""
    return os.environ.get("SAFEDESK_DB") or str(data_dir() / "safedesk.db")


def resource(*parts: str) -> Path:
    return Path(__file__).parent.joinpath("resources", *parts)
