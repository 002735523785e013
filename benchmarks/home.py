"""The home page on a big database: what is due, the charts, and start-up.

On a demo database (default 10,000 employees × 3 years, built in a temporary folder
unless --db names one), times, median of --runs, warm cache:
- each register's `due_counts` (aggregate SQL through SQLAlchemy) against the same
  aggregate written by hand in SQL and run with the sqlite3 module (benchmarks/due_raw.py),
  checking that both give the same numbers; and all registers together;
- each chart's figures through `safedesk.db.charts` (SQLAlchemy, month buckets by CASE)
  against the same aggregate written by hand (month buckets by strftime);
- the home page built in this process (its synchronous figures), then until its due
  list has arrived from the background, and with the charts tab open;
- with --startup, start-up in fresh processes (benchmarks/startup.py, which run.py
  runs on its own): the first paint, the home page filled and the counts arrived,
  against a bare PySide6 window.

    python benchmarks/home.py [--employees 10000] [--years 3] [--runs 5] [--db FILE]
                              [--json FILE] [--startup]

--json writes the rows in the shape of benchmarks/results.py (times in ms).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

TODAY = dt.date(2026, 11, 28)

# Month buckets written the obvious way: strftime on the stored value ('+5 hours' is
# Kazakhstan time for moments stored in UTC), overdue as its own bucket.
NEAR_MISSES = """
SELECT strftime('%Y-%m', occurred_at, '+5 hours') AS m, count(*) FROM near_misses
WHERE deleted_at IS NULL AND occurred_at >= :first AND occurred_at < :last GROUP BY m
"""
DUE_BUCKET = "CASE WHEN {col} < :today THEN 'overdue' ELSE strftime('%Y-%m', {col}) END"
BRIEFINGS = f"""
WITH ranked AS (
  SELECT id, row_number() OVER (PARTITION BY employee_id ORDER BY held_on DESC, id DESC) AS n
  FROM briefings WHERE deleted_at IS NULL AND kind IN ('primary', 'repeated'))
SELECT {DUE_BUCKET.format(col="b.next_due")} AS m, count(*)
FROM briefings b JOIN employees e ON e.id = b.employee_id
WHERE b.id IN (SELECT id FROM ranked WHERE n = 1) AND b.next_due IS NOT NULL
  AND b.next_due < :end AND e.deleted_at IS NULL
  AND (e.dismissal_date IS NULL OR e.dismissal_date >= :today)
GROUP BY m
"""
CHECKS = f"""
WITH ranked AS (
  SELECT r.id, row_number() OVER (
    PARTITION BY r.employee_id ORDER BY r.checked_on DESC, r.id DESC) AS n
  FROM check_results r JOIN check_sessions s ON s.id = r.session_id
  WHERE r.outcome = 'passed' AND s.deleted_at IS NULL AND s.signed_on IS NOT NULL)
SELECT {DUE_BUCKET.format(col="r.valid_until")} AS m, count(*)
FROM check_results r JOIN employees e ON e.id = r.employee_id
WHERE r.id IN (SELECT id FROM ranked WHERE n = 1) AND r.valid_until IS NOT NULL
  AND r.valid_until < :end AND e.deleted_at IS NULL
  AND (e.dismissal_date IS NULL OR e.dismissal_date >= :today)
GROUP BY m
"""
PPE = f"""
SELECT {DUE_BUCKET.format(col="due")} AS m, count(*) FROM (
  SELECT min(i.due_date) AS due FROM ppe_issues i JOIN employees e ON e.id = i.employee_id
  WHERE i.closed_on IS NULL AND i.deleted_at IS NULL AND i.outside_norm = 0
    AND i.wear = 'months' AND i.due_date IS NOT NULL AND i.due_date < :end
    AND e.deleted_at IS NULL AND (e.dismissal_date IS NULL OR e.dismissal_date > :today)
    AND (e.hire_date IS NULL OR e.hire_date <= :today)
  GROUP BY i.employee_id, i.item_id)
GROUP BY m
"""
RISK = """
SELECT r.likelihood, r.consequence, count(r.id) FROM risk_rows r
JOIN risk_assessments a ON a.id = r.assessment_id
WHERE r.deleted_at IS NULL AND a.deleted_at IS NULL AND a.superseded_on IS NULL
GROUP BY r.likelihood, r.consequence
"""


def median_time(runs: int, work: Callable[[], Any]) -> tuple[float, Any]:
    result = work()  # warm the cache and the statement compilers
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def build_database(path: Path, employees: int, years: int) -> None:
    from safedesk.db.engine import open_database
    from safedesk.db.migrate import prepare
    from safedesk.demo import build_demo

    db = open_database(path)
    prepare(db)
    build_demo(db, employees=employees, years=years, seed=1, today=TODAY)
    db.dispose()


def raw_due(rows: list[tuple[str, int]]) -> list[int]:
    """Hand-written SQL's buckets in our order: overdue, then the six months."""
    from safedesk.db.charts import MONTHS_AHEAD, month_start

    found = dict(rows)
    months = [month_start(TODAY, i).strftime("%Y-%m") for i in range(MONTHS_AHEAD)]
    return [found.get("overdue", 0), *(found.get(m, 0) for m in months)]


def row(
    figure: str, ours: float, base: float | None, target: float | None = None
) -> dict[str, Any]:
    """A row of benchmarks/results.py; times given in seconds are reported in ms."""
    from results import row as result_row

    ratio = ours / base if base else None
    return result_row(
        f"{figure}, ms",
        round(ours * 1000, 2),
        None if base is None else round(base * 1000, 2),
        target="" if target is None else f"<= {target}x",
        passed=None if target is None or ratio is None else ratio <= target,
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=10_000)
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--db", type=Path, help="an existing demo database instead of a new one")
    parser.add_argument("--json", type=Path, help="write the rows to this file as JSON")
    parser.add_argument(
        "--startup", action="store_true", help="add the start-up figures of startup.py"
    )
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db
        if path is None:
            path = Path(tmp) / "home.db"
            t0 = time.perf_counter()
            build_database(path, args.employees, args.years)
            print(f"demo database built in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        rows = due_counts_rows(path, args.runs)
        rows += compare(path, args.runs)
        if args.startup:
            from startup import print_rows, startup_rows

            start = startup_rows(path, max(3, args.runs // 2), path.name)
            print_rows(start)
            rows += start
    from results import write_json

    write_json(args.json, rows)
    return 0


def due_counts_rows(path: Path, runs: int) -> list[dict[str, Any]]:
    """Each register's `due_counts` against its hand-written aggregate in sqlite3."""
    from due_raw import RAW

    from safedesk.db.due import PROVIDERS, due_counts
    from safedesk.db.engine import open_database

    db = open_database(path)
    raw = sqlite3.connect(path)
    rows: list[dict[str, Any]] = []
    print("figure\tours\traw SQL\tratio\tsame numbers")

    def show(name: str, t_ours: float, t_raw: float, same: str) -> None:
        ratio = t_ours / t_raw if t_raw else float("inf")
        print(f"{name}\t{t_ours * 1000:.1f} ms\t{t_raw * 1000:.1f} ms\t{ratio:.2f}x\t{same}")

    total_ours = total_raw = 0.0
    for module_path in PROVIDERS:
        module = importlib.import_module(module_path)
        short = module_path.rsplit(".", 1)[1]

        def ours(m: Any = module) -> dict[str, tuple[int, int]]:
            with db.session() as s:
                counts = m.due_counts(s, TODAY)
            return {r: (c["overdue"], c["due_30_days"]) for r, c in counts.by_register.items()}

        def hand(f: Any = RAW[module_path]) -> dict[str, tuple[int, int]]:
            return dict(f(raw, TODAY))

        t_ours, got = median_time(runs, ours)
        t_raw, want = median_time(runs, hand)
        total_ours, total_raw = total_ours + t_ours, total_raw + t_raw
        show(f"due_counts {short}", t_ours, t_raw, "yes" if got == want else f"NO: {got} vs {want}")
        rows.append(row(f"due_counts {short}", t_ours, t_raw))

    def everything() -> int:
        with db.session() as s:
            return due_counts(s, TODAY).overdue

    def everything_raw() -> int:
        return sum(len(f(raw, TODAY)) for f in RAW.values())

    t_all, _n = median_time(runs, everything)
    t_all_raw, _n = median_time(runs, everything_raw)
    show("due_counts, all registers", t_all, t_all_raw, "")
    # The figure the status bar waits for; the SQLAlchemy layer may cost at most half
    # again the hand-written SQL.
    rows.append(row("due_counts, all registers", t_all, t_all_raw, 1.5))
    print(f"(sum of the rows above: {total_ours * 1000:.1f} ms vs {total_raw * 1000:.1f} ms)")
    raw.close()
    db.dispose()
    return rows


def compare(path: Path, runs: int) -> list[dict[str, Any]]:
    from safedesk.db import charts
    from safedesk.db.engine import open_database

    db = open_database(path)
    raw = sqlite3.connect(path)
    end = charts.month_start(TODAY, charts.MONTHS_AHEAD).isoformat()
    first = charts.local_midnight(charts.month_start(TODAY, 1 - charts.MONTHS_BACK))
    last = charts.local_midnight(charts.month_start(TODAY, 1))
    moments = {
        "first": first.replace(tzinfo=None).isoformat(" "),
        "last": last.replace(tzinfo=None).isoformat(" "),
    }
    due_args = {"today": TODAY.isoformat(), "end": end}

    def ours_due(fn: Callable[..., charts.DueAhead]) -> Callable[[], list[int]]:
        def run() -> list[int]:
            with db.session() as s:
                due = fn(s, TODAY)
            return [due.overdue, *due.counts]

        return run

    def ours_near() -> list[int]:
        with db.session() as s:
            return charts.near_misses_by_month(s, TODAY)[1]

    def ours_risk() -> dict[tuple[int, int], int]:
        with db.session() as s:
            return charts.risk_cells(s)

    def raw_near() -> list[int]:
        found = dict(raw.execute(NEAR_MISSES, moments).fetchall())
        months = [charts.month_start(TODAY, i - charts.MONTHS_BACK + 1) for i in range(12)]
        return [found.get(m.strftime("%Y-%m"), 0) for m in months]

    cases: list[tuple[str, Callable[[], Any], Callable[[], Any]]] = [
        ("near misses by month", ours_near, raw_near),
        (
            "briefings due ahead",
            ours_due(charts.briefings_due_ahead),
            lambda: raw_due(raw.execute(BRIEFINGS, due_args).fetchall()),
        ),
        (
            "checks due ahead",
            ours_due(charts.checks_due_ahead),
            lambda: raw_due(raw.execute(CHECKS, due_args).fetchall()),
        ),
        (
            "PPE due ahead",
            ours_due(charts.ppe_due_ahead),
            lambda: raw_due(raw.execute(PPE, due_args).fetchall()),
        ),
        (
            "risk heatmap",
            ours_risk,
            lambda: {(a, b): n for a, b, n in raw.execute(RISK).fetchall()},
        ),
    ]
    print("figure\tours\traw SQL\tratio\tsame numbers")
    rows: list[dict[str, Any]] = []
    total_ours = total_raw = 0.0
    for name, ours, hand in cases:
        t_ours, got = median_time(runs, ours)
        t_raw, want = median_time(runs, hand)
        total_ours, total_raw = total_ours + t_ours, total_raw + t_raw
        same = "yes" if got == want else f"NO: {got} vs {want}"
        ratio = t_ours / t_raw if t_raw else float("inf")
        print(f"{name}\t{t_ours * 1000:.1f} ms\t{t_raw * 1000:.1f} ms\t{ratio:.2f}x\t{same}")
        rows.append(row(f"chart {name}", t_ours, t_raw))
    print(
        f"all charts\t{total_ours * 1000:.1f} ms\t{total_raw * 1000:.1f} ms\t"
        f"{total_ours / total_raw:.2f}x"
    )
    rows.append(row("all charts", total_ours, total_raw))
    rows += page_refresh(db, runs)
    raw.close()
    db.dispose()
    return rows


def page_refresh(db: Any, runs: int) -> list[dict[str, Any]]:
    """The home page as the window builds it (due tab), until its due list has arrived
    from the background, then its charts tab opened (printed, in this process)."""
    from safedesk.app import application
    from safedesk.ui.pages.home import HomePage

    app = application()
    pages: list[HomePage] = []  # kept alive until the end

    def build() -> HomePage:
        page = HomePage(db)  # the indicators and the counts; the due list in the background
        page.resize(1280, 800)
        page.show()
        app.processEvents()
        pages.append(page)
        return page

    def wait(page: HomePage) -> None:
        while not page.due_ready:
            app.processEvents()
            time.sleep(0.001)

    def open_charts() -> None:
        page = pages[-1]
        page.tabs.setCurrentIndex(0)
        page.charts.loaded = False
        page.show_charts()  # reads the four charts
        app.processEvents()

    start = time.perf_counter()
    page = build()
    t_due = time.perf_counter() - start
    wait(page)
    t_listed = time.perf_counter() - start
    t_charts, _r = median_time(runs, open_charts)
    print(f"home page shown (due tab, start-up)\t{t_due * 1000:.1f} ms")
    print(f"home page due list arrived (background)\t{t_listed * 1000:.1f} ms")
    print(
        f"charts tab opened\t{t_charts * 1000:.1f} ms\t"
        f"({t_charts / t_due:.2f}x the due tab; not part of start-up)"
    )
    return [
        row("home page built in this process (due tab)", t_due, None),
        row("home page due list arrived (background, from built)", t_listed, None),
        row("home page charts tab opened", t_charts, None),
    ]


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    # Skip the interpreter's teardown: PySide6 6.12 aborts in it (none_dealloc) after a
    # due list of thousands of items, as `safedesk screenshot` does; the figures are out.
    os._exit(code)
