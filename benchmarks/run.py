"""Every benchmark in one run, as one table: figure, SafeDesk, baseline, ratio, target, pass.

    python benchmarks/run.py [--db BIG.db] [--pg URL] [--quick] [--update-docs]

Without --db the 10,000 employees × 7 years demo database (about a million rows) is built
first by benchmarks/demo.py, which is itself a benchmark. Each script runs in its own
process with `--json` and reports rows in the shape of benchmarks/results.py; a script
that fails or is missing shows as a failed row instead of stopping the others.
--pg adds the several-users benchmark against that PostgreSQL URL. --update-docs writes
the table, the date and the machine into docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent / "docs" / "performance.md"
START, END = "<!-- benchmarks:start -->", "<!-- benchmarks:end -->"

Args = Callable[[argparse.Namespace, Path], list[str]]

# (script, its arguments given the run's options and the big database); in the order a
# reader wants them: the demo first (it makes the database), then what a user waits for.
SCRIPTS: list[tuple[str, Args]] = [
    ("startup.py", lambda a, db: ["--db", str(db), "--runs", "3" if a.quick else "5"]),
    ("home.py", lambda a, db: ["--db", str(db), "--runs", "3" if a.quick else "5"]),
    ("pages.py", lambda a, db: ["--db", str(db)]),
    ("package.py", lambda a, db: ["--db", str(db)]),
    ("crash_kill.py", lambda a, db: ["--kills", "20" if a.quick else "100"]),
]


def build_demo(args: argparse.Namespace, folder: Path) -> tuple[Path, list[dict[str, Any]]]:
    db = folder / "demo.db"
    employees, years = ("1000", "2") if args.quick else ("10000", "7")
    rows = run_script(
        "demo.py", ["--db", str(db), "--employees", employees, "--years", years], folder
    )
    return db, rows


def run_script(name: str, argv: list[str], folder: Path) -> list[dict[str, Any]]:
    script = HERE / name
    if not script.exists():
        return [failed(name, "missing")]
    out = folder / f"{script.stem}.json"
    out.unlink(missing_ok=True)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(script), *argv, "--json", str(out)],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    took = time.perf_counter() - started
    print(f"  {name:16s} {took:6.1f} s  exit {done.returncode}", file=sys.stderr)
    if not out.exists():
        tail = " | ".join(done.stdout.strip().splitlines()[-3:])
        return [failed(name, f"exit {done.returncode}: {tail}")]
    rows: list[dict[str, Any]] = json.loads(out.read_text(encoding="utf-8"))
    return rows


def failed(name: str, why: str) -> dict[str, Any]:
    return {"figure": f"{name} did not report ({why})", "safedesk": "", "baseline": None,
            "ratio": None, "target": "", "pass": False}


def cell(value: Any) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "yes" if value else "NO"
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def table(rows: list[dict[str, Any]]) -> list[list[str]]:
    return [
        [
            str(r["figure"]),
            cell(r.get("safedesk")),
            cell(r.get("baseline")),
            f"{r['ratio']:.2f}x" if isinstance(r.get("ratio"), int | float) else "",
            str(r.get("target") or ""),
            cell(r.get("pass")),
        ]
        for r in rows
    ]


HEADER = ["figure", "SafeDesk", "baseline", "ratio", "target", "pass"]


def as_text(cells: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in [HEADER, *cells]) for i in range(len(HEADER))]
    lines = ["  ".join(h.ljust(w) for h, w in zip(HEADER, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    return "\n".join(lines)


def as_markdown(cells: list[list[str]]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in cells]
    return "\n".join(lines)


def machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{platform.system()} {platform.release()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"load {load:.1f} at the start"
    )


def update_docs(text: str) -> None:
    current = DOCS.read_text(encoding="utf-8")
    block = f"{START}\n{text}\n{END}"
    if START in current and END in current:
        head, rest = current.split(START, 1)
        tail = rest.split(END, 1)[1]
        DOCS.write_text(head + block + tail, encoding="utf-8")
    else:
        DOCS.write_text(current.rstrip() + "\n\n## Latest full run\n" + block + "\n",
                        encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing big demo database")
    parser.add_argument("--pg", help="a PostgreSQL URL for the several-users benchmark")
    parser.add_argument("--quick", action="store_true", help="small sizes, to try the runner")
    parser.add_argument("--update-docs", action="store_true", help="write docs/performance.md")
    parser.add_argument("--keep", type=Path, help="folder for the databases and reports")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="safedesk-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    started = dt.datetime.now()
    about = machine()
    rows: list[dict[str, Any]] = []
    db = args.db
    if db is None:
        db, demo_rows = build_demo(args, folder)
        rows += demo_rows
    for name, argv in SCRIPTS:
        rows += run_script(name, argv(args, db), folder)
    if args.pg:
        rows += run_script("concurrency.py", ["--pg", args.pg, "--sqlite", str(db)], folder)
    cells = table(rows)
    print(as_text(cells))
    if args.update_docs:
        when = started.strftime("%Y-%m-%d %H:%M")
        update_docs(f"{when}, {about}; database: {db.name}.\n\n{as_markdown(cells)}")
        print(f"\nwritten to {DOCS}")
    return 0 if all(r.get("pass") is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
