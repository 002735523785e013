"""`export --year Y [--quarter Q] --out FILE.zip` and `verify FILE.zip` (DESIGN.md §4-5)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from safedesk.i18n import _


def register(sub: Any) -> None:
    p = sub.add_parser("export", help=_("build the submission package for the labour inspection"))
    p.add_argument("--year", required=True, type=int, metavar="Y", help=_("year of the package"))
    p.add_argument(
        "--quarter", type=int, metavar="Q", help=_("quarter 1-4 (default: the whole year)")
    )
    p.add_argument(
        "--out",
        required=True,
        metavar="FILE.zip",
        help=_("package file to write, or a folder to write <BIN>_<YEAR>[Q<q>].zip in"),
    )
    p.set_defaults(run=run_export)
    v = sub.add_parser("verify", help=_("check a package against its manifest"))
    v.add_argument("package", metavar="FILE.zip", help=_("package to check"))
    v.set_defaults(run=run_verify)


def run_export(args: argparse.Namespace) -> int:
    from safedesk.cli.common import open_for_command, progress_printer
    from safedesk.db.package_checks import year_finding
    from safedesk.errors import render
    from safedesk.forms.package.build import build_package
    from safedesk.forms.package.context import Period

    period = Period(args.year, args.quarter)  # a bad quarter is refused before opening the db
    for finding in year_finding(args.year):
        print(render(finding.msgid, finding.values), file=sys.stderr)
    db = open_for_command(args)
    try:
        with db.session() as session:
            path, package = build_package(
                session, period, args.out, progress=progress_printer(_("Building the package"))
            )
    finally:
        db.dispose()
    expected = period.file_name(package.context.organisation.bin)
    if package.empty:
        print(_("Nothing was recorded in the period: the registers are empty."), file=sys.stderr)
    for title in package.not_kept:
        print(
            _("Not kept yet, not in the package: {register}").format(register=_(title)),
            file=sys.stderr,
        )
    if path.name != expected:
        print(
            _("The inspectorate expects the file to be called {name}.").format(name=expected),
            file=sys.stderr,
        )
    print(_("Package written: {path}").format(path=path), file=sys.stderr)
    return 0


def run_verify(args: argparse.Namespace) -> int:
    from safedesk.forms.package.verify import verify_package

    mismatch = verify_package(args.package)
    if mismatch is None:
        print("OK")
        return 0
    print(mismatch.path)
    print(
        _("The package does not match its manifest: {path}: {reason}.").format(
            path=mismatch.path, reason=_(mismatch.reason)
        ),
        file=sys.stderr,
    )
    return 2
