"""The backup folder and the number of backups kept, on the settings page (issue 11, point 2)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from safedesk.db.backup import automatic_backup, list_backups
from safedesk.db.engine import Database
from safedesk.db.units import UnitFields, add_unit
from safedesk.settings import Settings, backup_folder_for, backups_kept
from safedesk.ui.pages.settings import SettingsPage


def page(db: Database, qtbot: QtBot) -> SettingsPage:
    shown = SettingsPage(db)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_a_chosen_folder_and_count_are_saved_and_used(
    db: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    settings_page = page(db, qtbot)
    assert db.path is not None
    assert str(backup_folder_for(db.path)) in settings_page.backup_folder.placeholderText()
    assert settings_page.backups_kept.value() == 20  # the default
    folder = tmp_path / "archive" / "safedesk"  # made when saved
    settings_page.backup_folder.setText(f"  {folder}  ")
    settings_page.backups_kept.setValue(3)
    assert settings_page.save_backup_settings()
    assert settings_page.backup_message.text() == "Backup settings saved."
    saved = Settings.load()
    assert (saved.backup_folder, saved.backups_kept) == (str(folder), 3)
    assert backup_folder_for(db.path) == folder and folder.is_dir()

    for n, reason in enumerate(("start", "close", "start", "close", "start")):
        with db.write() as s:  # a change each time, or there is nothing new to back up
            add_unit(s, UnitFields(f"Цех {n}", f"Цех {n}"))
        when = dt.datetime(2026, 11, 28, 9, n, tzinfo=dt.UTC)
        automatic_backup(db.path, backup_folder_for(db.path), backups_kept(), reason, when)
    assert len(list_backups(folder, db.path)) == 3

    again = page(db, qtbot)  # the page shows what is saved
    assert (again.backup_folder.text(), again.backups_kept.value()) == (str(folder), 3)


def test_an_empty_folder_goes_back_to_the_default(db: Database, qtbot: QtBot) -> None:
    Settings(backup_folder="/somewhere/else", backups_kept=5).save()
    settings_page = page(db, qtbot)
    settings_page.backup_folder.clear()
    assert settings_page.save_backup_settings()
    assert Settings.load().backup_folder is None


def test_the_count_cannot_leave_its_range(db: Database, qtbot: QtBot) -> None:
    Settings(backups_kept=0).save()  # a hand-edited file
    settings_page = page(db, qtbot)
    assert settings_page.backups_kept.value() == 20  # read as the default, never 0
    settings_page.backups_kept.setValue(-4)
    assert settings_page.backups_kept.value() == 1


@pytest.mark.parametrize("kind", ["relative", "file", "unwritable"])
def test_a_folder_that_cannot_hold_backups_is_refused_with_the_reason(
    db: Database, qtbot: QtBot, tmp_path: Path, kind: str
) -> None:
    Settings(backup_folder=str(tmp_path / "kept"), backups_kept=7).save()
    settings_page = page(db, qtbot)
    if kind == "relative":
        typed, expected = "backups", "must be a full path"
    elif kind == "file":
        target = tmp_path / "notes.txt"
        target.write_text("x", encoding="utf-8")
        typed, expected = str(target), "is a file, not a folder"
    else:  # under a file: no folder can be made there, whoever the user is
        target = tmp_path / "notes.txt"
        target.write_text("x", encoding="utf-8")
        typed, expected = str(target / "backups"), "Backups cannot be written to"
    settings_page.backup_folder.setText(typed)
    settings_page.backups_kept.setValue(2)

    assert not settings_page.save_backup_settings()

    assert expected in settings_page.backup_message.text()
    assert settings_page.backup_folder.property("invalid") is True
    assert settings_page.backup_folder.text() == typed  # the input stays
    saved = Settings.load()  # and the old settings too
    assert (saved.backup_folder, saved.backups_kept) == (str(tmp_path / "kept"), 7)
