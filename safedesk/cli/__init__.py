"""The command line (DESIGN.md §4): `safedesk [--db PATH_OR_URL] [--lang kk|ru|en] [COMMAND]`.

Each command lives in its own module with `register(subparsers)`; it sets `run`, a
function of the parsed arguments returning the exit code. Messages go to stderr in
the chosen language, data to stdout. Exit codes: 0 ok, 1 user error, 2 data problem,
70 a crash (logged).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from typing import NoReturn

from safedesk import __version__
from safedesk.errors import SafeDeskError
from safedesk.i18n import LANGUAGES, _, set_language, system_language

CRASH_EXIT = 70
log = logging.getLogger(__name__)


class Parser(argparse.ArgumentParser):
    """argparse, but a wrong command line is a user error: exit code 1, not 2 (DESIGN.md §4)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(1, f"{self.prog}: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    from safedesk.cli import (
        backup_commands,
        database_commands,
        demo_command,
        import_command,
        package_commands,
        print_command,
        screenshot_command,
        server_commands,
    )

    parser = Parser(
        prog="safedesk",
        description=_("SafeDesk: occupational safety registers, forms and reports."),
    )
    parser.add_argument("--db", help=_("database file or URL (default: in the user data folder)"))
    parser.add_argument("--lang", choices=sorted(LANGUAGES), help=_("language of messages"))
    parser.add_argument("--version", action="version", version=f"SafeDesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (
        backup_commands,
        database_commands,
        demo_command,
        import_command,
        package_commands,
        print_command,
        screenshot_command,
        server_commands,
    ):
        module.register(sub)
    return parser


def language_from(args_lang: str | None) -> str:
    if args_lang:
        return args_lang
    from safedesk.settings import Settings

    return Settings.load().language or system_language()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # Messages of the parser itself follow --lang too, so read it before building it.
    # Only options before the command count: `print ... --lang kk` is the form's language.
    pre = Parser(add_help=False)
    pre.add_argument("--lang", choices=sorted(LANGUAGES))
    pre.add_argument("--db")
    pre.add_argument("rest", nargs=argparse.REMAINDER)
    known, _unknown = pre.parse_known_args(argv)
    language = language_from(known.lang)
    set_language(language)

    from safedesk.logs import setup_logging

    setup_logging()
    args = build_parser().parse_args(argv)
    if args.command is None:
        from safedesk.app import run_window

        return run_window(args.db, language, explicit_language=known.lang is not None)
    try:
        return int(args.run(args))
    except SafeDeskError as e:
        print(e.message(), file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print(_("Stopped."), file=sys.stderr)
        return 130
    except Exception:
        from safedesk.logs import log_file

        log.exception("command %s failed", args.command)
        print(
            _("Unexpected error; the details are in {log}.").format(log=log_file()),
            file=sys.stderr,
        )
        return CRASH_EXIT
