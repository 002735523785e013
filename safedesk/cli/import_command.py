"""`import-employees FILE [--dry-run] [--skip-invalid] [--sheet NAME]`: the roster import.

Every bad row is told on stderr with its row number; the counts go to stdout as
`name<TAB>count` lines, like `stats`. Nothing is written unless every row is valid
or --skip-invalid is given. Exit 0 when the import (or the dry run) can go ahead,
1 when rows were rejected and nothing was written, 1 for a file that cannot be used.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from safedesk.i18n import _


def register(sub: Any) -> None:
    p = sub.add_parser(
        "import-employees",
        help=_("import employees from a roster (.xlsx or .csv)"),
        description=_(
            "Import employees from a roster (.xlsx or .csv). An employee whose IIN is "
            "already in the database is updated, not added twice."
        ),
    )
    p.add_argument("file", metavar="FILE", help=_("the roster: .xlsx or .csv"))
    p.add_argument(
        "--dry-run", action="store_true", help=_("check the file and report; write nothing")
    )
    p.add_argument(
        "--skip-invalid",
        action="store_true",
        help=_("import the valid rows even when other rows have problems"),
    )
    p.add_argument(
        "--sheet", metavar="NAME", help=_("the sheet to read (default: the first with a header)")
    )
    p.set_defaults(run=run_import)


def _summary(added: int, updated: int, unchanged: int, rejected: int) -> None:
    for name, count in (
        ("added", added),
        ("updated", updated),
        ("unchanged", unchanged),
        ("rejected", rejected),
    ):
        print(f"{name}\t{count}")


def run_import(args: argparse.Namespace) -> int:
    from safedesk.cli.common import open_for_command, progress_printer
    from safedesk.db.roster_apply import apply_import
    from safedesk.db.roster_import import Action, plan_import, row_messages
    from safedesk.forms.roster import read_roster

    # The file first: a mistyped name should not create or migrate a database.
    roster = read_roster(args.file, sheet=args.sheet)
    db = open_for_command(args)
    try:
        with db.session() as session:
            plan = plan_import(session, roster.rows)
        for planned in plan.rejected:
            for line in row_messages(planned.row, planned.problems):
                print(line, file=sys.stderr)
        counts = {a: len(plan.with_action(a)) for a in Action}
        rejected = counts[Action.REJECT]
        refused = bool(rejected) and not args.skip_invalid
        if args.dry_run:
            print(_("Dry run: nothing was written."), file=sys.stderr)
            _summary(counts[Action.ADD], counts[Action.UPDATE], counts[Action.UNCHANGED], rejected)
            return 1 if refused else 0
        if refused:
            print(
                _(
                    "Rows that cannot be imported: {count}. Nothing was written; fix them, "
                    "or add --skip-invalid to import the other rows."
                ).format(count=rejected),
                file=sys.stderr,
            )
            _summary(0, 0, 0, rejected)
            return 1
        result = apply_import(
            db,
            plan,
            skip_invalid=args.skip_invalid,
            progress=progress_printer(_("Importing employees")),
        )
    finally:
        db.dispose()
    _summary(result.added, result.updated, result.unchanged, result.rejected)
    if result.units_created or result.positions_created:
        print(
            _("New units: {units}; new positions: {positions}.").format(
                units=result.units_created, positions=result.positions_created
            ),
            file=sys.stderr,
        )
    return 0
