"""Demo data (issue 12): `safedesk demo --employees 10000 --years 7 --seed 1` against raw sqlite3.

SafeDesk: the real command in a fresh process, from start to exit, on a new database
(created and migrated by the command itself, as a user would run it); the wall time is
the figure, the child's CPU time is printed next to it (other work on the machine
stretches the wall time, not the CPU time).
Baseline, measured in the same run: plain `sqlite3` executemany of as many rows, table by
table, with as many columns of the same declared types, into tables without indexes or
constraints, in one transaction, with the pragmas SafeDesk uses (WAL, synchronous=FULL):
what writing that many rows costs at the least.
Target: 60 s on two cores, absolute.

    python benchmarks/demo.py [--db FILE] [--employees 10000] [--years 7] [--seed 1]
                              [--json FILE]

--db leaves the demo database there (benchmarks/run.py times the window on it); it must
not hold employees yet. Without --db a temporary folder is used and removed.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from itertools import repeat
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import row, write_json

TARGET_S = 60.0

# One value per declared column type, about the size demo values have.
SAMPLE: list[tuple[str, Any]] = [
    ("DATETIME", "2025-06-30 07:15:00.000000"),
    ("DATE", "2025-06-30"),
    ("BOOLEAN", 1),
    ("INTEGER", 12345),
    ("FLOAT", 20.5),
    ("DOUBLE", 20.5),
    ("JSON", '[{"code": "x"}]'),
]
TEXT = "Қоршау қою / Установить ограждение"


def run_demo(
    db: Path, employees: int, years: int, seed: int
) -> tuple[float, float, dict[str, int]]:
    """Wall and CPU seconds of the command, and the rows it reports per table."""
    command = [
        sys.executable, "-m", "safedesk", "--lang", "en", "--db", str(db), "demo",
        "--employees", str(employees), "--years", str(years), "--seed", str(seed),
    ]  # fmt: skip
    before = _children_cpu()
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - started
    cpu = _children_cpu() - before
    if done.returncode != 0:
        raise SystemExit(f"safedesk demo failed ({done.returncode}): {done.stderr.strip()}")
    counts = {}
    for line in done.stdout.splitlines():
        table, _tab, count = line.partition("\t")
        if count.strip().isdigit():
            counts[table] = int(count)
    return wall, cpu, counts


def _children_cpu() -> float:
    try:
        import resource
    except ImportError:  # Windows: no CPU figure
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _sample(declared: str) -> Any:
    kind = declared.upper()
    for prefix, value in SAMPLE:
        if kind.startswith(prefix):
            return value
    return TEXT


def baseline(source: Path, counts: dict[str, int], folder: Path) -> float:
    """Seconds plain sqlite3 takes to write as many rows of the same shape, no indexes."""
    shapes: dict[str, list[tuple[str, str]]] = {}
    with sqlite3.connect(source) as src:
        for table in counts:
            shapes[table] = [(r[1], r[2]) for r in src.execute(f'PRAGMA table_info("{table}")')]
    path = folder / "baseline.db"
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        for table, columns in shapes.items():
            spec = ", ".join(f'"{name}" {declared}' for name, declared in columns)
            conn.execute(f'CREATE TABLE "{table}" ({spec})')
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        for table, columns in shapes.items():
            values = tuple(_sample(declared) for _name, declared in columns)
            marks = ", ".join("?" * len(columns))
            statement = f'INSERT INTO "{table}" VALUES ({marks})'
            conn.executemany(statement, repeat(values, counts[table]))
        conn.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        conn.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="where to leave the demo database")
    parser.add_argument("--employees", type=int, default=10_000)
    parser.add_argument("--years", type=int, default=7)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="also write the figures here (benchmarks/run.py)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="safedesk-demo-") as tmp:
        folder = Path(tmp)
        db = args.db or folder / "demo.db"
        db.parent.mkdir(parents=True, exist_ok=True)
        wall, cpu, counts = run_demo(db.resolve(), args.employees, args.years, args.seed)
        base = baseline(db, counts, folder)
    total = sum(counts.values())
    print(f"{'table':30s} {'rows':>10s}")
    for table, count in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"{table:30s} {count:10d}")
    print(f"{'total':30s} {total:10d}")
    try:
        load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        load = "?"
    figure = f"demo {args.employees:,} employees x {args.years} years ({total:,} rows), s"
    passed = wall <= TARGET_S
    print()
    print(f"figure     {figure}")
    print(f"safedesk   {wall:.1f} s wall, {cpu:.1f} s CPU (load average {load})")
    print(f"baseline   {base:.1f} s (raw sqlite3 executemany, same rows and columns, no indexes)")
    print(f"ratio      {wall / base:.1f}" if base else "ratio      -")
    print(f"target     <= {TARGET_S:.0f} s")
    print(f"pass       {passed}")
    write_json(
        args.json,
        [row(figure, round(wall, 2), round(base, 2), target=f"<= {TARGET_S:.0f} s", passed=passed)],
    )
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
