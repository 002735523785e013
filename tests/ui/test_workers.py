"""Long jobs: progress shown, Cancel stops the job, the result or error comes back."""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from safedesk.ui.workers import Progress, run_job


class Stopped(Exception):
    pass


def test_cancel_button_stops_the_job(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    outcome: list[object] = []

    def work(progress: Progress) -> int:
        for i in range(10_000):
            if not progress(i, 10_000):
                raise Stopped()
            time.sleep(0.001)
        return 1

    run_job(parent, "Working", work, outcome.append, outcome.append)
    dialog = parent.findChild(QProgressDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.value() > 0, timeout=5000)
    button = dialog.findChild(QPushButton)
    assert button is not None and button.text() == "Cancel"
    button.click()
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    assert isinstance(outcome[0], Stopped)


def test_result_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    outcome: list[object] = []
    run_job(parent, "Working", lambda progress: 42, outcome.append, outcome.append)
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    assert outcome == [42]


def test_closing_the_window_mid_job_cancels_it_quietly(qtbot: QtBot) -> None:
    parent = QWidget()
    outcome: list[object] = []
    started: list[bool] = []

    def work(progress: Progress) -> int:
        for i in range(10_000):
            started.append(True)
            if not progress(i, 10_000):
                raise Stopped()
            time.sleep(0.001)
        return 1

    run_job(parent, "Working", work, outcome.append, outcome.append)
    qtbot.waitUntil(lambda: bool(started), timeout=5000)
    parent.deleteLater()
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    assert isinstance(outcome[0], Stopped)


def test_a_menu_command_waits_for_its_job_while_the_window_keeps_answering(
    qtbot: QtBot,
) -> None:
    from PySide6.QtCore import QTimer

    from safedesk.ui.workers import run_modal

    parent = QWidget()
    qtbot.addWidget(parent)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)

    def work(progress: Progress) -> str:
        time.sleep(0.3)  # a slow copy: the GUI thread must not be the one waiting
        return "copied"

    assert run_modal(parent, "Working", work) == "copied"
    timer.stop()
    assert len(ticks) >= 5  # the event loop ran while the job did

    def broken(progress: Progress) -> None:
        raise Stopped()

    with pytest.raises(Stopped):  # the job's error reaches the caller
        run_modal(parent, "Working", broken)


def test_a_job_finishing_after_the_application_let_go_of_it_is_quiet() -> None:
    """A count still running when the window closes finishes after its signals' object
    is gone: nothing to deliver, and no traceback on the way out."""
    import shiboken6

    from safedesk.ui.workers import Job

    job = Job(lambda _progress: 42)
    shiboken6.delete(job.signals)
    job.run()  # raised RuntimeError ("Signal source has been deleted") before


def test_busy_counts_a_timer_about_to_start_background_work(qtbot: QtBot) -> None:
    """A page that counts a moment after its first paint: a screenshot taken while its
    timer runs would show "Counting…", so `busy()` waits for the timer too."""
    from PySide6.QtCore import QTimer

    from safedesk.ui.workers import busy, starts_soon

    fired: list[bool] = []
    timer = starts_soon(QTimer())
    timer.setSingleShot(True)
    timer.setInterval(50)
    timer.timeout.connect(lambda: fired.append(True))
    timer.start()
    assert busy()
    qtbot.waitUntil(lambda: not busy(), timeout=2000)
    assert fired == [True]
