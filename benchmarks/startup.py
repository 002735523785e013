"""Start-up to a shown main window: SafeDesk on a big database vs a bare PySide6 window.

All are timed in fresh processes in the same run, from process start until the window
is shown and its first events are processed (median of --runs). Two SafeDesk figures:
the window on screen (what the user waits for; target <= 1.5x the bare window), and the
home page filled from the 100,000-employee database (opened right after the first paint).

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

# What `safedesk` does up to the first paint (app.run_window without the event loop) ...
SHOWN = """
import sys
from safedesk.i18n import set_language
set_language("ru")
from safedesk.app import application
from safedesk.ui.main_window import MainWindow
app = application()
w = MainWindow(); w.show(); app.processEvents()
"""
# ... and then until the home page shows the database's numbers.
FILLED = SHOWN + """
from safedesk.app import attach_database
attach_database(w, sys.argv[1]); app.processEvents()
"""

HEAVY = ("sqlalchemy", "reportlab", "openpyxl", "alembic")


def timed(code: str, *args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def heavy_imports(code: str, db: str) -> list[str]:
    """Which of the heavy modules a start-up path imported."""
    probe = code + f"\nprint(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", probe, db], check=True, env=env,
                         capture_output=True, text=True).stdout.strip().splitlines()
    return [m for m in (out[-1].split(",") if out else []) if m]


def build_database(path: Path, employees: int, years: int) -> None:
    from safedesk.db.engine import open_database
    from safedesk.db.migrate import prepare
    from safedesk.demo import build_demo

    db = open_database(path)
    prepare(db)
    build_demo(db, employees=employees, years=years, seed=1, today=dt.date(2026, 11, 28))
    db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    # Every register fills in the demo now: one year of 100,000 people is ~1M rows.
    parser.add_argument("--years", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        build_database(path, args.employees, args.years)
        print(f"database with {args.employees} employees built in "
              f"{time.perf_counter() - t0:.1f} s", file=sys.stderr)
        timed(FILLED, str(path))  # warm the OS file cache for both sides alike
        timed(BARE)
        bare = statistics.median(timed(BARE) for _ in range(args.runs))
        shown = statistics.median(timed(SHOWN, str(path)) for _ in range(args.runs))
        filled = statistics.median(timed(FILLED, str(path)) for _ in range(args.runs))
        heavy_shown = heavy_imports(SHOWN, str(path))
        heavy_filled = heavy_imports(FILLED, str(path))
    print("figure\tSafeDesk\tbaseline\tratio\ttarget\tpass")
    for figure, ours, target in (
        ("window shown", shown, 1.5),
        (f"home page filled, {args.employees} employees", filled, None),
    ):
        ratio = ours / bare
        verdict = "" if target is None else ("yes" if ratio <= target else "NO")
        wanted = "" if target is None else f"<= {target}x"
        print(f"{figure}\t{ours:.3f} s\t{bare:.3f} s\t{ratio:.2f}x\t{wanted}\t{verdict}")
    print(f"heavy modules before the window is shown: {', '.join(heavy_shown) or 'none'}")
    print(f"heavy modules once the home page is filled: {', '.join(heavy_filled) or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
