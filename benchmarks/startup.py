"""Start-up to a shown main window: SafeDesk on a big database vs a bare PySide6 window.

All are timed in fresh processes in the same run, from process start until the window
is shown and its first events are processed (median of --runs). Three SafeDesk figures:
- the window on screen (the first paint: what the user waits for; target <= 1.5x the
  bare window);
- the home page filled from the database (opened right after the first paint): the
  organisation, the indicators and the registers' sizes;
- the counts arrived: the home page's due list and the status bar's count, made in the
  background by aggregate queries (`due_counts`, `due_items(limit=...)`).

    python benchmarks/startup.py [--employees 100000] [--years 1] [--runs 5]
                                 [--db FILE] [--json FILE]

--db times an existing demo database instead of building one; --json writes the rows
in the shape of benchmarks/results.py (times in seconds).
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
from typing import Any

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1200, 760); w.show(); app.processEvents()
"""
# For context (no target): the least a window like SafeDesk's does before its first paint —
# Qt's flags (PySide6 makes the 123 enum types of the Qt namespace on its first import),
# a menu bar, a list of 40 texts (the fonts are loaded for the first text) and a status bar.
PLAIN = """
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListWidget, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1200, 760)
for title in ("File", "Records", "Help"):
    menu = w.menuBar().addMenu(title)
    for i in range(8):
        menu.addAction(f"{title} {i}")
pages = QListWidget(); pages.setTextElideMode(Qt.TextElideMode.ElideRight)
for i in range(40):
    pages.addItem(f"Қауіпсіздік {i}")
w.setCentralWidget(pages); w.statusBar().showMessage("ready")
w.show(); app.processEvents()
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
# ... and then until the home page shows the database's numbers ...
ATTACHED = SHOWN + """
from safedesk.app import attach_database
attach_database(w, sys.argv[1]); app.processEvents()
"""
# The process ends without Qt's teardown, which would wait for the background counts
# (and PySide6 6.12 may abort in it).
FILLED = ATTACHED + """
import os
sys.stdout.flush(); os._exit(0)
"""
# ... and until the background counts have arrived on the home page and the status bar.
COUNTED = ATTACHED + """
import os, time
page = w.pages.get("home")
limit = time.monotonic() + 300
while not (page is not None and page.due_ready and getattr(w, "due_counted", False)):
    if time.monotonic() > limit:
        raise SystemExit("the counts did not arrive")
    app.processEvents(); time.sleep(0.002)
    page = w.pages.get("home")
sys.stdout.flush(); os._exit(0)
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


def startup_rows(path: Path, runs: int, label: str) -> list[dict[str, Any]]:
    """The start-up figures on the database at `path` as benchmark rows (seconds)."""
    from results import row

    timed(COUNTED, str(path))  # warm the OS file cache for both sides alike
    timed(BARE)
    timed(PLAIN)
    # Interleaved, so that a change of the machine's load falls on every side alike.
    times: dict[str, list[float]] = {k: [] for k in ("bare", "plain", "shown", "filled", "counted")}
    for _ in range(runs):
        times["bare"].append(timed(BARE))
        times["plain"].append(timed(PLAIN))
        times["shown"].append(timed(SHOWN, str(path)))
        times["filled"].append(timed(FILLED, str(path)))
        times["counted"].append(timed(COUNTED, str(path)))
    bare, plain, shown, filled, counted = (statistics.median(times[k]) for k in times)
    rows = []
    for figure, ours, target in (
        ("window shown (first paint), s", shown, 1.5),
        (f"home page filled, {label}, s", filled, None),
        (f"home page counts arrived (background), {label}, s", counted, None),
    ):
        ratio = ours / bare
        rows.append(
            row(
                figure,
                round(ours, 4),
                round(bare, 4),
                target="" if target is None else f"<= {target}x",
                passed=None if target is None else ratio <= target,
            )
        )
    context = "window shown, against a plain window with menus and a text list, s"
    rows.insert(1, row(context, round(shown, 4), round(plain, 4)))
    return rows


def print_rows(rows: list[dict[str, Any]]) -> None:
    print("figure\tSafeDesk\tbaseline\tratio\ttarget\tpass")
    for r in rows:
        verdict = "" if r["pass"] is None else ("yes" if r["pass"] else "NO")
        ratio = "" if r["ratio"] is None else f"{r['ratio']:.2f}x"
        base = "" if r["baseline"] is None else r["baseline"]
        print(f"{r['figure']}\t{r['safedesk']}\t{base}\t{ratio}\t{r['target']}\t{verdict}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    # Every register fills in the demo now: one year of 100,000 people is ~1M rows.
    parser.add_argument("--years", type=int, default=1)
    parser.add_argument("--db", type=Path, help="an existing demo database instead of a new one")
    parser.add_argument("--json", type=Path, help="write the rows to this file as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db
        label = f"{path.name}" if path else f"{args.employees} employees"
        if path is None:
            path = Path(tmp) / "bench.db"
            t0 = time.perf_counter()
            build_database(path, args.employees, args.years)
            print(f"database with {args.employees} employees built in "
                  f"{time.perf_counter() - t0:.1f} s", file=sys.stderr)
        rows = startup_rows(path, args.runs, label)
        heavy_shown = heavy_imports(SHOWN, str(path))
        heavy_filled = heavy_imports(ATTACHED, str(path))
    print_rows(rows)
    print(f"heavy modules before the window is shown: {', '.join(heavy_shown) or 'none'}")
    print(f"heavy modules once the home page is filled: {', '.join(heavy_filled) or 'none'}")
    from results import write_json

    write_json(args.json, rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
