"""`print FORM ID --out FILE.pdf [--lang kk|ru|both]`: a printed form as PDF.

Form options: `--from/--to` (the journals' period), `--month` (the milk statement)
and `--on` (the PPE issue sheet). An option is passed only to a form whose renderer
takes it; given to another form it is refused, naming the options that form takes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import inspect
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
    # Options of the journals (briefing-journal, permit-journal): the period printed.
    p.add_argument("--from", dest="date_from", metavar="DATE", help=_("first day of the period"))
    p.add_argument("--to", dest="date_to", metavar="DATE", help=_("last day of the period"))
    # Option of the milk statement: the month printed.
    p.add_argument(
        "--month",
        dest="month",
        metavar="YYYY-MM",
        help=_("month of the milk statement, e.g. 2026-10 (default: this month)"),
    )
    # Option of the PPE issue sheet: the day it is made for.
    p.add_argument(
        "--on",
        dest="on",
        metavar="DATE",
        help=_("day the PPE issue sheet is made for (default: today)"),
    )
    p.set_defaults(run=run_print)


# The form options: (as typed, argparse dest = the renderer's keyword argument).
FORM_OPTIONS = (("--from", "date_from"), ("--to", "date_to"), ("--month", "month"), ("--on", "on"))


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


def _month_option(value: str) -> dt.date:
    for pattern in ("%Y-%m", "%m.%Y"):
        try:
            return dt.datetime.strptime(value.strip(), pattern).date()
        except ValueError:
            pass
    raise SafeDeskError(N_("{value} is not a month; write it as 2026-10 or 10.2026."), value=value)


def form_options(form_name: str, renderer: Any, args: argparse.Namespace) -> dict[str, dt.date]:
    """The options given for `form_name`, parsed; one its renderer does not take is refused."""
    takes = inspect.signature(renderer).parameters
    options: dict[str, dt.date] = {}
    for flag, key in FORM_OPTIONS:
        value = getattr(args, key, None)
        if value is None:
            continue
        if key not in takes:
            accepted = [f for f, k in FORM_OPTIONS if k in takes]
            if accepted:
                raise SafeDeskError(
                    N_("The form {form} does not take {option}; it takes {options}."),
                    form=form_name,
                    option=flag,
                    options=", ".join(accepted),
                )
            raise SafeDeskError(
                N_("The form {form} does not take {option}."), form=form_name, option=flag
            )
        day = _month_option(value) if key == "month" else _date_option(value)
        if day is not None:
            options[key] = day
    return options


def _empty_month_note(session: Any, unit_id: int, month: dt.date | None) -> str | None:
    """A note when the milk statement of `unit_id` for `month` has no rows."""
    from safedesk.db.ppe_due import unit_and_descendants
    from safedesk.db.ppe_milk import month_rows
    from safedesk.domain.ppe_provisions import month_start

    first = month_start(month or dt.date.today())
    if month_rows(session, first, unit_and_descendants(session, unit_id)):
        return None
    return _(
        "No milk or therapeutic nutrition was recorded for {month} in this unit: "
        "the statement has no rows."
    ).format(month=f"{first:%m.%Y}")


def run_print(args: argparse.Namespace) -> int:
    from safedesk.cli.common import open_for_command
    from safedesk.forms.pdf.registry import get_form, render_form

    form = get_form(args.form)  # an unknown form is refused before the database is opened
    record_id = _record_id(args.id)
    options = form_options(form.name, form.renderer(), args)  # and so is a wrong option
    note = None
    db = open_for_command(args)
    try:
        with db.session() as session:
            path = render_form(session, form.name, record_id, args.out, args.form_lang, **options)
            if form.name == "milk-statement":
                note = _empty_month_note(session, record_id, options.get("month"))
    finally:
        db.dispose()
    print(_("Printed: {path}").format(path=path), file=sys.stderr)
    if note is not None:
        print(note, file=sys.stderr)
    return 0
