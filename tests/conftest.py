"""Every test gets its own home folder and, when it asks, its own real database file."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from safedesk.db.engine import Database, open_database
from safedesk.db.migrate import prepare
from safedesk.i18n import set_language


@pytest.fixture(autouse=True)
def safedesk_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Settings, logs and the default database go to this test's folder, in English."""
    home = tmp_path / "home"
    monkeypatch.setenv("SAFEDESK_HOME", str(home))
    monkeypatch.delenv("SAFEDESK_DB", raising=False)
    set_language("en")
    yield home
    set_language("en")


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database migrated by the real migrations; tests get copies of it (fast)."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    db = open_database(path)
    prepare(db)
    db.dispose()
    return path


@pytest.fixture
def db_path(tmp_path: Path, migrated_template: Path) -> Path:
    path = tmp_path / "safedesk.db"
    shutil.copyfile(migrated_template, path)
    return path


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path, user="tester")
    yield database
    database.dispose()
