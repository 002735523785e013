"""`init`, `stats`, `check`: creating, counting and checking the database."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from safedesk.cli.common import open_for_command
from safedesk.errors import render
from safedesk.i18n import _


def register(sub: Any) -> None:
    p = sub.add_parser("init", help=_("create or migrate the database"))
    p.add_argument("--org-name", help=_("organisation name (used for both languages)"))
    p.add_argument("--bin", help=_("organisation BIN"))
    p.set_defaults(run=run_init)

    p = sub.add_parser("stats", help=_("rows per register and what is due"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(run=run_stats)

    p = sub.add_parser("check", help=_("check integrity, foreign keys and the audit trail"))
    p.set_defaults(run=run_check)


def run_init(args: argparse.Namespace) -> int:
    from safedesk.db.organisation import OrganisationFields, get_organisation, save_organisation

    db = open_for_command(args)
    if args.org_name or args.bin:
        with db.write() as s:
            org = get_organisation(s)
            fields = OrganisationFields(
                name_kk=args.org_name or (org.name_kk if org else ""),
                name_ru=args.org_name or (org.name_ru if org else ""),
                bin=args.bin or (org.bin if org else ""),
            )
            if org is not None:
                fields.address, fields.head_name = org.address, org.head_name
                fields.head_position_kk = org.head_position_kk
                fields.head_position_ru = org.head_position_ru
                fields.headcount = org.headcount
            save_organisation(s, fields)
    print(_("Database ready: {path}").format(path=db.display_name), file=sys.stderr)
    return 0


def run_stats(args: argparse.Namespace) -> int:
    from safedesk.db.stats import stats

    db = open_for_command(args)
    with db.session() as s:
        data = stats(s)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for name, count in data["registers"].items():
            print(f"{name}\t{count}")
        print(f"overdue\t{data['due']['overdue']}")
        print(f"due_30_days\t{data['due']['due_30_days']}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from safedesk.db.check import check_database

    db = open_for_command(args)
    report = check_database(db)
    if report.ok:
        print(
            _("OK: integrity and foreign keys checked; audit entries checked: {n}.").format(
                n=report.audit_entries
            )
        )
    for msgid, values in [*report.findings, *report.notes]:
        print(render(msgid, values))
    return 0 if report.ok else 2
