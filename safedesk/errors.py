"""Two kinds of failure: a known problem the user can fix, and a bug.

A `SafeDeskError` carries a message id and its values and is translated only when it
is shown, so the same error reads in the language of the window or of the command line.
Anything else that escapes is a bug: logged, shown once with details, and survived.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from safedesk.i18n import N_, _, format_date


def render(msgid: str, values: dict[str, Any]) -> str:
    """Translate `msgid` and fill in `values` in the current language.

    Values that are message ids themselves (field labels, category names) are
    translated too; dates are written as the reader writes them.
    """
    shown: dict[str, Any] = {}
    for key, value in values.items():
        if isinstance(value, dt.date):
            shown[key] = format_date(value)
        elif isinstance(value, str):
            shown[key] = _(value) if value else value
        else:
            shown[key] = value
    return _(msgid).format(**shown)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field: which field, and the rule it breaks."""

    field: str
    msgid: str
    values: dict[str, Any] = dataclasses.field(default_factory=dict)

    def message(self) -> str:
        return render(self.msgid, self.values)


class SafeDeskError(Exception):
    """A problem the user can understand and fix; never a traceback on screen."""

    msgid: str = N_("Something went wrong.")
    exit_code = 1

    def __init__(self, msgid: str | None = None, **values: Any) -> None:
        if msgid is not None:
            self.msgid = msgid
        self.values = values
        super().__init__(self.msgid.format(**values) if values else self.msgid)

    def message(self) -> str:
        return render(self.msgid, self.values)


class InvalidInput(SafeDeskError):
    """Input breaks one or more rules; `problems` names each field and rule."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(problems[0].msgid, **problems[0].values)

    def message(self) -> str:
        return "\n".join(p.message() for p in self.problems)

    def fields(self) -> set[str]:
        return {p.field for p in self.problems}


class NotFound(SafeDeskError):
    msgid = N_("{what} No. {id} does not exist.")


class StaleRecord(SafeDeskError):
    msgid = N_(
        "Someone else changed this record after you opened it. "
        "Your changes were not saved; reopen the record to see the current values."
    )


class ReadOnlyRecord(SafeDeskError):
    msgid = N_("This record is evidence and can no longer be changed.")


class DatabaseProblem(SafeDeskError):
    """The database cannot be opened or written: locked, read-only, corrupt, foreign, newer."""

    msgid = N_("The database {path} cannot be used.")


class FileProblem(SafeDeskError):
    """A file the user gave cannot be read as what it should be."""

    msgid = N_("The file {path} cannot be read.")
