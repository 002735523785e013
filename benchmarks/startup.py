"""Start-up to a shown main window: SafeDesk on a big database vs a bare PySide6 window.

Both are timed in fresh processes in the same run, from process start until the window
is shown and its first events are processed (median of --runs). Prints the ratio; the
target of the foundation issue is <= 1.5x on a 100,000-employee database.

    python benchmarks/startup.py [--employees 100000] [--runs 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1200, 760); w.show(); app.processEvents()
"""

SAFEDESK = """
import sys
from safedesk.i18n import set_language
set_language("ru")
from safedesk.app import application, build_window, open_prepared
app = application()
db = open_prepared(sys.argv[1])
w = build_window(db, ask_organisation=False); w.show(); app.processEvents()
"""

HEAVY = ("reportlab", "openpyxl", "alembic")


def timed(code: str, *args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def heavy_imports(db: str) -> list[str]:
    """Which of the heavy modules the start-up path imported (should be none)."""
    probe = SAFEDESK + f"\nprint(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", probe, db], check=True, env=env,
                         capture_output=True, text=True).stdout.strip().splitlines()
    return [m for m in (out[-1].split(",") if out else []) if m]


def build_database(path: Path, employees: int) -> None:
    from safedesk.db.engine import open_database
    from safedesk.db.migrate import prepare
    from safedesk.demo import build_demo

    db = open_database(path)
    prepare(db)
    build_demo(db, employees=employees, years=7, seed=1, today=dt.date(2026, 11, 28))
    db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        build_database(path, args.employees)
        print(f"database with {args.employees} employees built in "
              f"{time.perf_counter() - t0:.1f} s", file=sys.stderr)
        timed(SAFEDESK, str(path))  # warm the OS file cache for both sides alike
        timed(BARE)
        bare = statistics.median(timed(BARE) for _ in range(args.runs))
        ours = statistics.median(timed(SAFEDESK, str(path)) for _ in range(args.runs))
        heavy = heavy_imports(str(path))
    ratio = ours / bare
    print("figure\tSafeDesk\tbaseline\tratio\ttarget\tpass")
    print(f"start-up, {args.employees} employees\t{ours:.3f} s\t{bare:.3f} s\t{ratio:.2f}x"
          f"\t<= 1.5x\t{'yes' if ratio <= 1.5 else 'NO'}")
    print(f"heavy modules imported at start-up: {', '.join(heavy) or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
