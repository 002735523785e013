"""Several officers on one PostgreSQL server, against one officer on a file (issue 13).

N client processes (default 5) each run a realistic mix for D seconds (default 60):
reads — the first screen of the employees, briefings and near-miss registers and a
surname filter — and writes through the real services — a new briefing, a new near
miss, an employee card edited (a stale save, refused, counts as done: it is the
answer the user gets). The same mix runs with one client on a copy of the SQLite file.
Reported: throughput (operations per second, all clients together) and p95 latency.

    python benchmarks/concurrency.py --pg URL [--sqlite FILE] [--clients 5] [--duration 60]
                                     [--employees 300 --years 1] [--json FILE]

--pg is a PostgreSQL database URL. If it holds no employees it is filled first: with
the --sqlite file through `safedesk migrate` (same data on both sides), or else with a
demo of --employees × --years, which is also copied to a file for the baseline. The
--sqlite file itself is never written to: the baseline runs on a copy.
Target: the p95 latency with N clients stays <= 500 ms (what an officer feels). Throughput
is reported against one officer on the file without a target (issue 13 asks for the
figures): the clients run without pause, in N processes on the same machine as the server,
so on a 2-core machine they compete with the server for the cores, and the writes queue
on the audit chain's lock by design.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing as mp
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import row, write_json

P95_MS = 500.0
MIX: list[tuple[str, int]] = [  # operation, weight: about 4 reads to 1 write
    ("employees_first_screen", 20),
    ("briefings_first_screen", 20),
    ("near_misses_first_screen", 15),
    ("employee_filter", 25),
    ("new_briefing", 7),
    ("new_near_miss", 7),
    ("edit_employee", 6),
]
SCREEN = 100  # rows of a first screen
SYLLABLES = ["аб", "ов", "ен", "ан", "ер", "ай", "ул", "ас"]


def _ids(db: Any) -> tuple[list[int], list[int]]:
    from sqlalchemy import select

    from safedesk.db.models import Employee, Unit

    with db.session() as s:
        employees = list(
            s.scalars(
                select(Employee.id)
                .where(Employee.deleted_at.is_(None), Employee.dismissal_date.is_(None))
                .limit(2000)
            )
        )
        units = list(s.scalars(select(Unit.id).where(Unit.deleted_at.is_(None))))
    return employees, units


def _operation(
    name: str, db: Any, rng: random.Random, employees: list[int], units: list[int]
) -> None:
    from sqlalchemy import select

    from safedesk.db.engine import casefold
    from safedesk.db.models import Briefing, Employee, NearMiss

    today = dt.date.today()
    if name == "employees_first_screen":
        with db.session() as s:
            s.scalars(
                select(Employee)
                .where(Employee.deleted_at.is_(None))
                .order_by(Employee.surname, Employee.name, Employee.id)
                .limit(SCREEN)
            ).all()
    elif name == "briefings_first_screen":
        with db.session() as s:
            s.execute(
                select(Briefing, Employee.surname, Employee.name)
                .join(Employee, Employee.id == Briefing.employee_id)
                .where(Briefing.deleted_at.is_(None))
                .order_by(Briefing.held_on.desc(), Briefing.id.desc())
                .limit(SCREEN)
            ).all()
    elif name == "near_misses_first_screen":
        with db.session() as s:
            s.scalars(
                select(NearMiss)
                .where(NearMiss.deleted_at.is_(None))
                .order_by(NearMiss.occurred_at.desc(), NearMiss.id.desc())
                .limit(SCREEN)
            ).all()
    elif name == "employee_filter":
        typed = rng.choice(SYLLABLES)
        with db.session() as s:
            s.scalars(
                select(Employee)
                .where(casefold(Employee.surname).like(f"%{typed}%"))
                .order_by(Employee.surname, Employee.id)
                .limit(SCREEN)
            ).all()
    elif name == "new_briefing":
        from safedesk.db.briefings import BriefingFields, register_briefings
        from safedesk.domain.training import BriefingKind

        person, instructor = rng.sample(employees, 2)
        with db.write() as s:
            register_briefings(
                s,
                BriefingFields(
                    kind=BriefingKind.UNSCHEDULED,
                    held_on=today,
                    instructor_id=instructor,
                    employee_ids=[person],
                    topic="Жаңа жабдық / Новое оборудование",
                    reason="Benchmark",
                ),
                today,
            )
    elif name == "new_near_miss":
        from safedesk.db.near_misses import NearMissFields, report_near_miss
        from safedesk.db.types import utcnow

        with db.write() as s:
            report_near_miss(
                s,
                NearMissFields(
                    occurred_at=utcnow() - dt.timedelta(hours=1),
                    unit_id=rng.choice(units) if units else None,
                    category="unsafe_condition",
                    severity="moderate",
                    description="Сатыда майланған жер / Скользкая ступень лестницы",
                ),
            )
    elif name == "edit_employee":
        from safedesk.db.employees import fields_of, update_employee
        from safedesk.errors import StaleRecord

        employee_id = rng.choice(employees)
        with db.session() as s:
            found = s.get(Employee, employee_id)
            if found is None:
                return
            version, fields = found.version, fields_of(found)
        fields.clothing_size = rng.choice(["48-50", "52-54", "56-58"])
        fields.personnel_no = f"T-{rng.randrange(100000)}"
        try:
            with db.write() as s:
                update_employee(s, employee_id, version, fields, today)
        except StaleRecord:
            pass  # another officer saved first: the refusal is the answer
    else:
        raise ValueError(name)


def client(url: str, seconds: float, seed: int, start: Any, out: Any) -> None:
    """One officer: the mix, as fast as the database answers, for `seconds`."""
    from safedesk.db.engine import open_database

    db = open_database(url, user=f"bench{seed}")
    rng = random.Random(seed)
    employees, units = _ids(db)
    names = [n for n, _w in MIX]
    weights = [w for _n, w in MIX]
    latencies: list[tuple[str, float]] = []
    errors: list[str] = []
    start.wait()
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        name = rng.choices(names, weights)[0]
        t0 = time.perf_counter()
        try:
            _operation(name, db, rng, employees, units)
        except Exception as e:  # counted, shown, and the client goes on
            errors.append(f"{name}: {type(e).__name__}: {e}"[:300])
            continue
        latencies.append((name, time.perf_counter() - t0))
    db.dispose()
    out.put((latencies, errors))


def run_clients(url: str, clients: int, seconds: float) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    start = ctx.Event()
    out = ctx.Queue()
    procs = [
        ctx.Process(target=client, args=(url, seconds, i + 1, start, out)) for i in range(clients)
    ]
    for p in procs:
        p.start()
    time.sleep(2.0)  # imports and the first connection, outside the measured time
    start.set()
    results = [out.get(timeout=seconds + 120) for _p in procs]
    for p in procs:
        p.join()
    latencies = [lat for got, _e in results for lat in got]
    errors = [e for _l, errs in results for e in errs]
    values = sorted(v for _n, v in latencies)
    p95 = values[int(0.95 * (len(values) - 1))] if values else float("nan")
    by_op: dict[str, list[float]] = {}
    for name, v in latencies:
        by_op.setdefault(name, []).append(v)
    return {
        "ops": len(values),
        "ops_per_s": len(values) / seconds,
        "p95_ms": p95 * 1000,
        "median_ms": statistics.median(values) * 1000 if values else float("nan"),
        "errors": errors,
        "by_op": {
            k: (len(v), sorted(v)[int(0.95 * (len(v) - 1))] * 1000) for k, v in by_op.items()
        },
    }


def _employees_on(url: str) -> int:
    from sqlalchemy import func, inspect, select

    from safedesk.db.engine import open_database
    from safedesk.db.models import Employee

    db = open_database(url)
    try:
        with db.engine.connect() as conn:
            if "employees" not in inspect(conn).get_table_names():
                return 0
            return int(conn.scalar(select(func.count()).select_from(Employee.__table__)) or 0)
    finally:
        db.dispose()


def _cli(*args: str) -> None:
    from safedesk.cli import main

    code = main(list(args))
    if code != 0:
        raise SystemExit(f"safedesk {' '.join(args[:3])}… failed with {code}")


def prepare_data(args: argparse.Namespace, folder: Path) -> tuple[str, Path]:
    """The server URL and a private copy of the SQLite file, holding the same data."""
    source = Path(args.sqlite) if args.sqlite else folder / "demo.db"
    if not args.sqlite:
        print(f"demo {args.employees} employees × {args.years} years …", file=sys.stderr)
        _cli(
            "--db",
            str(source),
            "demo",
            "--employees",
            str(args.employees),
            "--years",
            str(args.years),
        )
    if _employees_on(args.pg) == 0:
        print("copying the demo onto the server (safedesk migrate) …", file=sys.stderr)
        _cli("migrate", "--from", str(source), "--to", args.pg)
    copy = folder / "baseline.db"
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(copy)
    src.backup(dst)
    src.close()
    dst.close()
    return args.pg, copy


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--pg", required=True, help="PostgreSQL URL (filled with demo data if empty)"
    )
    parser.add_argument("--sqlite", help="SafeDesk file for the baseline (never written to)")
    parser.add_argument("--clients", type=int, default=5)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds per run")
    parser.add_argument("--employees", type=int, default=300)
    parser.add_argument("--years", type=int, default=1)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        url, baseline_file = prepare_data(args, Path(tmp))
        print(f"server: {args.clients} clients × {args.duration:g} s …", file=sys.stderr)
        server = run_clients(url, args.clients, args.duration)
        print(f"file: 1 client × {args.duration:g} s …", file=sys.stderr)
        single = run_clients(str(baseline_file), 1, args.duration)

    ratio = server["ops_per_s"] / single["ops_per_s"] if single["ops_per_s"] else None
    rows = [
        row(
            f"{args.clients} officers on PostgreSQL vs 1 on the file: throughput, ops/s",
            round(server["ops_per_s"], 1),
            round(single["ops_per_s"], 1),
            ratio=ratio,
        ),
        row(
            f"{args.clients} officers on PostgreSQL vs 1 on the file: p95 latency, ms",
            round(server["p95_ms"], 1),
            round(single["p95_ms"], 1),
            target=f"<= {P95_MS:.0f} ms",
            passed=server["p95_ms"] <= P95_MS,
        ),
        row(
            "several officers on PostgreSQL: failed operations",
            len(server["errors"]),
            len(single["errors"]),
            target="0",
            passed=not server["errors"],
        ),
    ]
    print(f"{'figure':<72} {'safedesk':>10} {'baseline':>10} {'ratio':>7}  target      pass")
    for r in rows:
        shown_ratio = f"{r['ratio']:.2f}" if isinstance(r["ratio"], float) else ""
        print(
            f"{r['figure']:<72} {r['safedesk']!s:>10} {r['baseline']!s:>10} {shown_ratio:>7}  "
            f"{r['target']:<10}  {'yes' if r['pass'] else 'NO'}"
        )
    print("\nper operation (server): count, p95 ms", file=sys.stderr)
    for name, (n, p95) in sorted(server["by_op"].items()):
        print(f"  {name:<26} {n:>6} {p95:>8.1f}", file=sys.stderr)
    for e in (server["errors"] + single["errors"])[:5]:
        print(f"error: {e}", file=sys.stderr)
    write_json(args.json, rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
