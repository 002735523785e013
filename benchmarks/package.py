"""A year's submission package on the demo database against raw openpyxl writing the same rows.

    .venv/bin/python benchmarks/package.py [--db FILE] [--employees 10000] [--years 7]
                                           [--year Y] [--keep DIR]

Without --db a demo database is made first (`safedesk demo`, not timed). Then, in one run:
the whole package (queries, registers.xlsx, CSV files, PDFs, manifest, zip) is built once,
and openpyxl's write-only mode writes the very rows of the package's sheets once, values
as they are, to memory. Prints both times and their ratio; the target is ≤ 2×.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET = 2.0


def make_demo(folder: Path, employees: int, years: int) -> Path:
    path = folder / "demo.db"
    env = dict(os.environ, SAFEDESK_HOME=str(folder / "home"))
    command = [sys.executable, "-m", "safedesk", "--db", str(path), "demo"]
    command += ["--employees", str(employees), "--years", str(years)]
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    return path


def raw_openpyxl(sheets: list) -> float:  # type: ignore[type-arg]
    from openpyxl import Workbook

    started = time.perf_counter()
    book = Workbook(write_only=True)
    for sheet in sheets:
        ws = book.create_sheet(title=sheet.name[:31])
        ws.append(list(sheet.headers))
        for row in sheet.rows:
            ws.append(list(row))
    book.save(io.BytesIO())
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing demo database")
    parser.add_argument("--employees", type=int, default=10_000)
    parser.add_argument("--years", type=int, default=7)
    parser.add_argument("--year", type=int, help="year of the package (default: last year)")
    parser.add_argument("--keep", type=Path, help="folder to leave the database and package in")
    parser.add_argument("--json", type=Path, help="also write the figures here (benchmarks/run.py)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="safedesk-package-"))
    folder.mkdir(parents=True, exist_ok=True)
    db_path = args.db or make_demo(folder, args.employees, args.years)

    from safedesk.db.engine import open_database
    from safedesk.db.exports import collect_sheets
    from safedesk.forms.package.build import build_package
    from safedesk.forms.package.context import Period

    today = dt.date.today()
    period = Period(args.year or today.year - 1)
    db = open_database(db_path)
    try:
        with db.session() as s:
            started = time.perf_counter()
            path, package = build_package(s, period, folder, today)
            built = time.perf_counter() - started
            sheets = collect_sheets(s, period.start, package.context.as_of).sheets
    finally:
        db.dispose()
    raw = raw_openpyxl(sheets)
    rows = sum(len(sheet.rows) for sheet in sheets)
    ratio = built / raw
    print(f"database           {db_path}")
    print(f"package            {path.name}, {path.stat().st_size / 1e6:.1f} MB")
    print(f"sheets / rows      {len(sheets)} / {rows}")
    print(f"not kept yet       {len(package.not_kept)} register modules")
    print(f"package build      {built:.2f} s")
    print(f"raw openpyxl       {raw:.2f} s (write-only, same rows)")
    print(f"ratio              {ratio:.2f}x (target <= {TARGET:.0f}x)")
    from results import row, write_json

    write_json(args.json, [
        row(f"package build ({rows} rows), s", round(built, 2), round(raw, 2),
            target=f"<= {TARGET:.0f}x raw openpyxl", passed=ratio <= TARGET),
    ])
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
