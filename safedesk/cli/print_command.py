"""`print FORM ID --out FILE.pdf [--lang kk|ru|both]`: a printed form as PDF."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from safedesk.errors import SafeDeskError
from safedesk.i18n import N_, _


def register(sub: Any) -> None:
    from safedesk.forms.pdf.registry import form_names
    from safedesk.forms.pdf.text import FORM_LANGUAGES

    p = sub.add_parser("print", help=_("print a form as PDF"))
    # Not `choices`: an unknown form or a bad id is a user error (exit 1) told in
    # the chosen language, not argparse's usage error (exit 2) in English.
    p.add_argument(
        "form", metavar="FORM", help=_("form: {forms}").format(forms=", ".join(form_names()))
    )
    p.add_argument(
        "id", metavar="ID", nargs="?", help=_("id of the record, as the window shows it")
    )
    p.add_argument("--out", required=True, metavar="FILE.pdf", help=_("PDF file to write"))
    # Its own dest: the global --lang is the language of messages, this one of the form.
    p.add_argument(
        "--lang",
        dest="form_lang",
        choices=FORM_LANGUAGES,
        default="both",
        help=_("language of the form: kk, ru or both side by side (default)"),
    )
    # Options of the journals (briefing-journal): the period printed.
    p.add_argument("--from", dest="date_from", metavar="DATE", help=_("first day of the period"))
    p.add_argument("--to", dest="date_to", metavar="DATE", help=_("last day of the period"))
    p.set_defaults(run=run_print)


def _record_id(value: str | None) -> int:
    if value is None:
        raise SafeDeskError(N_("Give the id of the record to print."))
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number <= 0:
        raise SafeDeskError(N_("The id must be a whole number above zero, not {id}."), id=value)
    return number


def _date_option(value: str | None) -> dt.date | None:
    if value is None:
        return None
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            pass
    raise SafeDeskError(
        N_("{value} is not a date; write it as 31.12.2026 or 2026-12-31."), value=value
    )


def run_print(args: argparse.Namespace) -> int:
    from safedesk.cli.common import open_for_command
    from safedesk.forms.pdf.registry import get_form, render_form

    form = get_form(args.form)  # an unknown form is refused before the database is opened
    record_id = _record_id(args.id)
    db = open_for_command(args)
    try:
        with db.session() as session:
            options = {
                key: day
                for key in ("date_from", "date_to")
                if (day := _date_option(getattr(args, key, None))) is not None
            }
            path = render_form(session, form.name, record_id, args.out, args.form_lang, **options)
    finally:
        db.dispose()
    print(_("Printed: {path}").format(path=path), file=sys.stderr)
    return 0
