"""An export runs on a worker thread: the window keeps answering events meanwhile (issue 12).

A register of thousands of rows is exported from its page while a QTimer ticks on the
GUI thread. The workbook is written on another thread, and the timer keeps ticking
while it is written. To be sure the export lasts long enough to see ticks whatever the
machine's speed, the workbook writer is held for a moment after writing (on its own
thread: a writer on the GUI thread would hold the timer too, and the test would fail).
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot
from sqlalchemy import insert, select

from safedesk.db.engine import Database
from safedesk.db.models import NearMiss, Unit
from safedesk.ui.main_window import MainWindow
from safedesk.ui.pages import register_xlsx
from safedesk.ui.pages.near_misses import NearMissesPage

ROWS = 3000
HELD_S = 0.6  # how long the writer is held after writing, on the worker thread


def add_near_misses(db: Database, n: int) -> None:
    now = dt.datetime(2026, 11, 1, 6, 0, tzinfo=dt.UTC)
    with db.write() as s:
        unit = s.scalars(select(Unit.id)).first()
        s.execute(
            insert(NearMiss),
            [
                {
                    "occurred_at": now - dt.timedelta(hours=i),
                    "unit_id": unit,
                    "place": f"Участок {i % 40}",
                    "category": "unsafe_condition",
                    "severity": "low",
                    "description": f"Открытый люк у насосной № {i}",
                    "created_at": now,
                    "updated_at": now,
                    "created_by": "test",
                    "version": 1,
                }
                for i in range(n)
            ],
        )


def test_window_answers_events_while_a_register_is_exported(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.db is not None
    add_near_misses(window.db, ROWS)
    page = window.show_page("near_misses")
    assert isinstance(page, NearMissesPage)

    gui = threading.get_ident()
    writer_threads: list[int] = []
    real_write = register_xlsx.write_book

    def slow_write(*args: Any, **kwargs: Any) -> Path:
        written = real_write(*args, **kwargs)
        writer_threads.append(threading.get_ident())
        time.sleep(HELD_S)  # only the worker waits; the GUI thread must keep going
        return written

    monkeypatch.setattr(register_xlsx, "write_book", slow_write)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    try:
        start = time.perf_counter()
        out = tmp_path / "near-misses.xlsx"
        page.export(str(out))
        took = time.perf_counter() - start
    finally:
        timer.stop()

    assert writer_threads and writer_threads[0] != gui, "the workbook was written on the GUI thread"
    assert took >= HELD_S
    during = [t for t in ticks if start <= t <= start + took]
    assert len(during) >= 3, f"{len(during)} timer ticks in {took:.2f} s of export"
    sheet = load_workbook(out, read_only=True).active
    assert sheet is not None and sheet.max_row == ROWS + 1
