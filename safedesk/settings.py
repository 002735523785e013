"""The user's preferences on this machine: language, window sizes, start-up reminders.

A small JSON file in the config folder, readable without Qt so that the command line
follows the same language as the window.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import logging
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from safedesk.paths import config_dir

log = logging.getLogger(__name__)


@dataclass
class Settings:
    language: str | None = None  # None: follow the system
    show_due_summary: bool = True
    geometry: dict[str, str] = field(default_factory=dict)  # window name -> base64 state
    backup_folder: str | None = None  # automatic backups; None: see `backup_folder_for`
    backups_kept: int = 20  # automatic backups kept per database (start and close)

    @staticmethod
    def path() -> Path:
        return config_dir() / "settings.json"

    @classmethod
    def load(cls) -> Settings:
        try:
            raw: Any = json.loads(cls.path().read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as e:
            # A damaged settings file must never stop the program from starting.
            log.warning("settings ignored: %s", e)
            return cls()
        if not isinstance(raw, dict):
            return cls()
        known = {k: v for k, v in raw.items() if k in cls.__dataclass_fields__}
        try:
            return cls(**known)
        except TypeError:
            return cls()

    def save(self) -> None:
        path = self.path()
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(path)


def backup_folder_for(db_path: Path, settings: Settings | None = None) -> Path:
    """Where automatic backups of `db_path` go.

    The folder in the settings if one is set; else `backups` beside the user data for
    the default database, and beside the database itself for any other file (two
    databases never share one folder's rotation by accident).
    """
    from safedesk.paths import data_dir

    settings = settings or Settings.load()
    if settings.backup_folder:
        return Path(settings.backup_folder).expanduser()
    if db_path.resolve().parent == data_dir().resolve():
        return data_dir() / "backups"
    return db_path.parent / "backups"


def backups_kept(settings: Settings | None = None) -> int:
    """How many automatic backups to keep: at least 1, whatever the file says."""
    kept = (settings or Settings.load()).backups_kept
    return kept if isinstance(kept, int) and kept >= 1 else Settings.backups_kept


def remembered_geometry(window: str) -> bytes | None:
    """The size and place `window` had when it was last closed, if known."""
    saved = Settings.load().geometry.get(window)
    if not saved:
        return None
    try:
        return base64.b64decode(saved)
    except (binascii.Error, ValueError):
        return None


def remember_geometry(window: str, state: bytes) -> None:
    settings = Settings.load()
    settings.geometry[window] = base64.b64encode(state).decode("ascii")
    # A size not remembered is no reason to bother the user.
    with contextlib.suppress(OSError):
        settings.save()
