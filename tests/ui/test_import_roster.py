"""The roster import as the user goes through it: preview, then import with progress."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from safedesk.db.engine import Database
from safedesk.db.models import Employee
from safedesk.db.roster_import import plan_import
from safedesk.forms.roster import read_roster
from safedesk.ui.dialogs.import_roster import ImportPreviewDialog


def roster_csv(path: Path, rows: list[str]) -> Path:
    path.write_text("ЖСН;Тегі;Аты;Бөлімше\n" + "\n".join(rows) + "\n", encoding="utf-8-sig")
    return path


def preview(db: Database, path: Path, qtbot: QtBot) -> ImportPreviewDialog:
    roster = read_roster(path)
    with db.session() as s:
        plan = plan_import(s, roster.rows)
    dialog = ImportPreviewDialog(db, roster, plan)
    qtbot.addWidget(dialog)
    return dialog


def count(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(Employee)) or 0)


def test_bad_row_blocks_import_until_skipping_is_chosen(
    db: Database, tmp_path: Path, qtbot: QtBot
) -> None:
    path = roster_csv(
        tmp_path / "r.csv",
        [
            "871008401427;Әбілова;Гүлнар;Кеніш",
            "871008401428;Қате;Адам;Кеніш",
        ],
    )
    dialog = preview(db, path, qtbot)
    assert "To add: 1." in dialog.summary.text() and "Rejected: 1." in dialog.summary.text()
    rejected = dialog.tabs.widget(0).model()  # type: ignore[attr-defined]
    assert "should be 7" in rejected.data(rejected.index(0, 5))
    assert rejected.data(rejected.index(0, 0)) == "3"  # the row number as in Excel
    assert not dialog.import_button.isEnabled()
    dialog.skip.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    assert (dialog.result.added, dialog.result.rejected) == (1, 1)
    assert count(db) == 1


def test_everything_valid_imports_in_the_background(
    db: Database, tmp_path: Path, qtbot: QtBot
) -> None:
    path = roster_csv(
        tmp_path / "r.csv",
        [
            "871008401427;Әбілова;Гүлнар;Кеніш",
            "760212350620;Ахметов;Ерлан;Цех",
        ],
    )
    dialog = preview(db, path, qtbot)
    assert dialog.import_button.isEnabled()
    dialog.start_import()
    qtbot.waitUntil(lambda: count(db) == 2, timeout=10000)
