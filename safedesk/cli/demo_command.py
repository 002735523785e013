"""`demo --employees N --years Y [--seed S] [--today YYYY-MM-DD]`: fill with demo data."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from typing import Any

from safedesk.cli.common import open_for_command, progress_printer
from safedesk.i18n import _


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{value} is not a date; write it as YYYY-MM-DD.").format(value=text)
        ) from None


def register(sub: Any) -> None:
    p = sub.add_parser("demo", help=_("fill the database with demo data"))
    p.add_argument(
        "--employees", type=int, required=True, metavar="N", help=_("number of employees")
    )
    p.add_argument(
        "--years", type=int, required=True, metavar="Y", help=_("years of history to generate")
    )
    p.add_argument(
        "--seed",
        type=int,
        default=1,
        metavar="S",
        help=_("random seed: the same seed gives the same data"),
    )
    p.add_argument(
        "--today",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help=_("the date the data is generated as of (default: today)"),
    )
    p.set_defaults(run=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    from safedesk.demo import build_demo

    db = open_for_command(args)
    started = time.perf_counter()
    try:
        counts = build_demo(
            db,
            employees=args.employees,
            years=args.years,
            seed=args.seed,
            today=args.today or dt.date.today(),
            progress=progress_printer(_("Demo data")),
        )
    finally:
        db.dispose()
    for table, count in counts.items():
        print(f"{table}\t{count}")
    print(
        _("Demo data added to {path} in {seconds} s.").format(
            path=db.display_name, seconds=f"{time.perf_counter() - started:.2f}"
        ),
        file=sys.stderr,
    )
    return 0
