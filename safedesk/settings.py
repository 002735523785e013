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
