"""A real `safedesk` process writing in a loop, killed with SIGKILL at random moments.

After every kill: SQLite's integrity check is "ok", the audit chain verifies, and every
id the process printed (it prints only after the commit returned) is in the database,
with its audit entry. benchmarks/crash_kill.py runs the same harness 100 times.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

pytestmark = pytest.mark.sqlite_only("kills a writer of the SQLite file and checks the file")

KILLS_IN_TESTS = 20


@dataclass
class CrashSummary:
    kills: int = 0
    committed: set[int] = field(default_factory=set)  # ids the processes reported
    lost: set[int] = field(default_factory=set)  # reported but not in the database
    problems: list[str] = field(default_factory=list)  # integrity or chain failures


def start_writer(db_path: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "safedesk", "--db", str(db_path), "stress-write"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )


def run_and_kill(db_path: Path, env: dict[str, str], rng: random.Random) -> tuple[list[int], str]:
    """Start a writer, SIGKILL it at a random moment; the ids it reported, and its stderr.

    Three kills in four come while rows are being written (0-120 ms after the first
    commit); the rest anywhere in the first 0.8 s, start-up and opening included.
    """
    proc = start_writer(db_path, env)
    lines: list[str] = []
    first = threading.Event()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line)
            first.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if rng.random() < 0.75:
        first.wait(timeout=30)
        time.sleep(rng.uniform(0.0, 0.12))
    else:
        time.sleep(rng.uniform(0.0, 0.8))
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    reader.join(timeout=10)
    assert proc.stderr is not None
    stderr = proc.stderr.read()
    proc.stderr.close()
    if proc.returncode != -signal.SIGKILL:
        raise AssertionError(f"the writer ended by itself ({proc.returncode}): {stderr}")
    return [int(x) for x in (line.strip() for line in lines) if x.isdigit()], stderr


def verify(db_path: Path, summary: CrashSummary) -> None:
    """What must hold after a kill; anything else is added to `summary.problems`."""
    from safedesk.db.check import check_database
    from safedesk.db.engine import open_database

    if not db_path.exists():
        return  # killed before the file was made
    conn = sqlite3.connect(db_path)
    try:
        verdict = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        present: set[int] = set()
        audited: set[int] = set()
        if "units" in tables:
            present = {r[0] for r in conn.execute("SELECT id FROM units")}
            audited = {
                r[0]
                for r in conn.execute(
                    "SELECT row_id FROM audit_log WHERE table_name = 'units' AND action = 'insert'"
                )
            }
    finally:
        conn.close()
    if verdict != ["ok"]:
        summary.problems.append(f"kill {summary.kills}: integrity {verdict}")
    summary.lost |= summary.committed - present
    if summary.committed - audited:
        summary.problems.append(f"kill {summary.kills}: rows without their audit entry")
    if "audit_log" in tables:
        db = open_database(db_path)
        try:
            report = check_database(db)
        finally:
            db.dispose()
        if not report.ok:
            summary.problems.append(f"kill {summary.kills}: {report.findings}")


def kill_rounds(db_path: Path, env: dict[str, str], kills: int, seed: int) -> CrashSummary:
    rng = random.Random(seed)
    summary = CrashSummary()
    for _ in range(kills):
        ids, _stderr = run_and_kill(db_path, env, rng)
        summary.kills += 1
        summary.committed.update(ids)
        verify(db_path, summary)
    return summary


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_at_random_moments_loses_no_committed_row(
    tmp_path: Path, safedesk_home: Path
) -> None:
    db_path = tmp_path / "crash.db"
    env = dict(os.environ, SAFEDESK_HOME=str(safedesk_home))
    seed = int(os.environ.get("SAFEDESK_CRASH_SEED", "11"))
    summary = kill_rounds(db_path, env, KILLS_IN_TESTS, seed)
    assert summary.kills == KILLS_IN_TESTS
    assert summary.problems == []
    assert summary.lost == set(), f"seed {seed}: lost {sorted(summary.lost)}"
    assert len(summary.committed) > KILLS_IN_TESTS  # the kills did hit a busy writer
