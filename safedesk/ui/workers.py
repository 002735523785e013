"""Long jobs off the GUI thread, with progress, cancel, and the result back on the GUI thread.

A job is a plain function taking `progress(done, total) -> bool`; it returns its result
or raises. `progress` returns False once the user pressed Cancel, and the job stops.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any, TypeVar, cast

import shiboken6
from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from safedesk.i18n import _

Progress = Callable[[int, int], bool]
T = TypeVar("T")


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.signals = _Signals()
        self._work = work
        self._cancelled = threading.Event()
        self.setAutoDelete(False)  # Python keeps it alive until its signals are delivered

    def cancel(self) -> None:
        self._cancelled.set()

    def _progress(self, done: int, total: int) -> bool:
        self.signals.progress.emit(done, total)
        return not self._cancelled.is_set()

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except BaseException as e:  # delivered to the GUI thread, shown there
            self._deliver(self.signals.failed, e)
        else:
            self._deliver(self.signals.finished, result)

    def _deliver(self, signal: Any, value: object) -> None:
        # The application may have closed while this ran (its signals' object is gone):
        # nobody is left to tell, and a traceback on the way out helps no one.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


_running: set[Job] = set()
_soon: list[QTimer] = []  # timers that will start background work when they fire


def starts_soon(timer: QTimer) -> QTimer:
    """Register a timer whose timeout starts background work (a page that counts a moment
    after its first paint): `busy()` counts it while it is running."""
    _soon.append(timer)
    return timer


def busy() -> bool:
    """Whether a job has not yet delivered its result, or a registered timer is about to
    start one (screenshots wait for this)."""
    _soon[:] = [t for t in _soon if shiboken6.isValid(t)]
    return bool(_running) or any(t.isActive() for t in _soon)


def run_job(
    parent: QWidget,
    title: str,
    work: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> Job:
    """Run `work` on the thread pool behind a modal progress dialog with Cancel."""
    dialog = QProgressDialog(title, _("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    job = Job(work)
    _running.add(job)
    dialog.canceled.connect(job.cancel)

    # The dialog may be gone before the job's last signals arrive (its window closed):
    # then the job is cancelled and its signals are dropped, never sent to a dead widget.
    alive = [True]

    def gone() -> None:
        alive[0] = False
        job.cancel()

    dialog.destroyed.connect(gone)

    def progress(done: int, total: int) -> None:
        if alive[0]:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(done, max(total, 1)))

    def finish() -> None:
        _running.discard(job)
        if alive[0]:
            dialog.close()
            dialog.deleteLater()

    def done(result: object) -> None:
        finish()
        on_done(result)

    def failed(error: object) -> None:
        finish()
        on_error(error if isinstance(error, BaseException) else RuntimeError(str(error)))

    job.signals.progress.connect(progress)
    job.signals.finished.connect(done)
    job.signals.failed.connect(failed)
    QThreadPool.globalInstance().start(job)
    return job


def run_in_background(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    owner: QObject | None = None,
) -> Job:
    """Run `work` off the GUI thread with no dialog (counting what is due, for instance).

    The callbacks are dropped if `owner` is gone by the time the result arrives, so a
    page closed in the meantime is never touched.
    """
    job = Job(lambda _progress: work())
    _running.add(job)

    def alive() -> bool:
        return owner is None or shiboken6.isValid(owner)

    def done(result: object) -> None:
        _running.discard(job)
        if alive():
            on_done(result)

    def failed(error: object) -> None:
        _running.discard(job)
        if alive():
            on_error(error if isinstance(error, BaseException) else RuntimeError(str(error)))

    job.signals.finished.connect(done)
    job.signals.failed.connect(failed)
    QThreadPool.globalInstance().start(job)
    return job


def run_modal(parent: QWidget, title: str, work: Callable[[Progress], T]) -> T:
    """Run `work` behind the progress dialog and wait for it; return its result or raise.

    For a menu command written as straight-line code (copy, then report) whose middle may
    take long on a big database: the job runs on the pool while a local event loop keeps
    the window painting and the Cancel button answering.
    """
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def done(result: Any) -> None:
        outcome["result"] = result
        loop.quit()

    def failed(error: BaseException) -> None:
        outcome["error"] = error
        loop.quit()

    run_job(parent, title, work, done, failed)
    if not outcome:  # a job may finish before the loop starts; then there is no waiting
        loop.exec()
    if "error" in outcome:
        raise outcome["error"]
    return cast(T, outcome["result"])
