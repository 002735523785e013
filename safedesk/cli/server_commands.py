"""`users` and `migrate`: several people on one PostgreSQL server (issue 13)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from sqlalchemy.engine import make_url

from safedesk.cli.common import open_for_command, progress_printer
from safedesk.db.engine import to_url
from safedesk.i18n import N_, _
from safedesk.paths import default_database

ROLE_KEYS = ("viewer", "officer", "admin")


def register(sub: Any) -> None:
    users = sub.add_parser("users", help=_("users and roles on a PostgreSQL server"))
    commands = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)

    p = commands.add_parser("list", help=_("list the users and their roles"))
    p.set_defaults(run=run_list)

    p = commands.add_parser("add", help=_("add a user with a role"))
    p.add_argument("name", help=_("login name"))
    p.add_argument("--role", required=True, choices=ROLE_KEYS, help=_("what the user may do"))
    p.add_argument(
        "--password-stdin", action="store_true", help=_("read the password from standard input")
    )
    p.set_defaults(run=run_add)

    p = commands.add_parser("set-role", help=_("give a user another role"))
    p.add_argument("name", help=_("login name"))
    p.add_argument("role", choices=ROLE_KEYS, help=_("what the user may do"))
    p.set_defaults(run=run_set_role)

    p = commands.add_parser("remove", help=_("remove a user (what they recorded stays)"))
    p.add_argument("name", help=_("login name"))
    p.set_defaults(run=run_remove)

    p = sub.add_parser("migrate", help=_("copy a database file to an empty PostgreSQL database"))
    p.add_argument("--from", dest="source", required=True, help=_("the SafeDesk database file"))
    p.add_argument("--to", dest="target", required=True, help=_("the PostgreSQL URL"))
    p.set_defaults(run=run_migrate)


def _require_server_url(db_arg: str | None) -> None:
    """Refuse before anything is opened or created: users live on a server only."""
    from safedesk.db.server_users import NotAServer

    url = to_url(db_arg or default_database())
    if make_url(url).get_backend_name() != "postgresql":
        raise NotAServer(path=db_arg or str(default_database()))


def _open(args: argparse.Namespace) -> Any:
    _require_server_url(args.db)
    return open_for_command(args)


def run_list(args: argparse.Namespace) -> int:
    from safedesk.db.server_users import list_users

    db = _open(args)
    try:
        users = list_users(db)
    finally:
        db.dispose()
    if not users:
        print(_("No SafeDesk users on this server yet."), file=sys.stderr)
    for user in users:
        login = "" if user.can_login else "\t" + _("cannot log in")
        print(f"{user.name}\t{user.role.key}\t{_(user.role.label)}{login}")
    return 0


def _read_password() -> str:
    from safedesk.db.server_users import UsersProblem

    password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise UsersProblem(N_("No password was given on standard input."))
    return password


def run_add(args: argparse.Namespace) -> int:
    from safedesk.db.server_roles import ROLE_BY_KEY
    from safedesk.db.server_users import add_user, check_name

    _require_server_url(args.db)
    check_name(args.name)
    password = _read_password() if args.password_stdin else None
    db = open_for_command(args)
    try:
        add_user(db, args.name, ROLE_BY_KEY[args.role], password)
    finally:
        db.dispose()
    role = _(ROLE_BY_KEY[args.role].label)
    print(_("User {name} added: {role}.").format(name=args.name, role=role), file=sys.stderr)
    return 0


def run_set_role(args: argparse.Namespace) -> int:
    from safedesk.db.server_roles import ROLE_BY_KEY
    from safedesk.db.server_users import set_role

    db = _open(args)
    try:
        set_role(db, args.name, ROLE_BY_KEY[args.role])
    finally:
        db.dispose()
    role = _(ROLE_BY_KEY[args.role].label)
    print(_("User {name} is now: {role}.").format(name=args.name, role=role), file=sys.stderr)
    return 0


def run_remove(args: argparse.Namespace) -> int:
    from safedesk.db.server_users import remove_user

    db = _open(args)
    try:
        remove_user(db, args.name)
    finally:
        db.dispose()
    print(_("User {name} removed.").format(name=args.name), file=sys.stderr)
    return 0


def run_migrate(args: argparse.Namespace) -> int:
    from safedesk.db.server_copy import copy_to_server

    result = copy_to_server(args.source, args.target, progress_printer(_("Copying")))
    for table, rows in result.tables:
        print(f"{table}\t{rows}")
    print(
        _(
            "Copied {rows} rows in {tables} tables to {target}; row counts match and the "
            "audit trail ({entries} entries) verifies."
        ).format(
            rows=result.total_rows,
            tables=len(result.tables),
            target=result.target,
            entries=result.audit_entries,
        ),
        file=sys.stderr,
    )
    return 0
