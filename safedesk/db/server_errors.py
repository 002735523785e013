"""What a PostgreSQL server's refusals mean to the person at the keyboard (issue 13).

Two refusals only a server gives: the user's role does not allow the change (the
server says "permission denied", SQLSTATE 42501), and the connection to the server
was lost (the server stopped, the network dropped, an administrator ended the
session). Both leave the user's input on screen; nothing was saved.
"""

from __future__ import annotations

from safedesk.errors import DatabaseProblem
from safedesk.i18n import N_

# SQLSTATE classes that mean the connection is gone: 08 connection exception,
# 57P01-57P03 the server is shutting down or cannot accept connections now.
_LOST_STATES = ("08", "57P01", "57P02", "57P03")


class NotPermitted(DatabaseProblem):
    """The server refused a change the user's role does not allow."""

    msgid = N_(
        "Your role on the server {path} does not allow this change. Nothing was saved; "
        "ask the SafeDesk administrator if you need it."
    )


class ConnectionLost(DatabaseProblem):
    """The server went away (or cannot be reached) before the work was done."""

    msgid = N_(
        "The connection to the server {path} was lost or cannot be made. Nothing was "
        "saved. Try again when the server is back."
    )


class ServerRefused(DatabaseProblem):
    """The server answered but would not let this user in (no such user or database…)."""

    msgid = N_("The server {path} refused the connection: {reason}")


def _is_psycopg(error: BaseException) -> bool:
    return type(error).__module__.split(".")[0] == "psycopg"


def translate_server_error(error: BaseException, path: str) -> DatabaseProblem | None:
    """The user's words for a PostgreSQL refusal, or None when it is something else."""
    orig = getattr(error, "orig", error)
    if getattr(error, "connection_invalidated", False):
        return ConnectionLost(path=path)
    if not _is_psycopg(orig):
        return None
    state = getattr(orig, "sqlstate", None) or ""
    if state == "42501":
        return NotPermitted(path=path)
    if state.startswith(_LOST_STATES):
        return ConnectionLost(path=path)
    # A connection that could not be made or broke off carries no SQLSTATE at all.
    if not state and type(orig).__name__ == "OperationalError":
        text = str(orig)
        if "FATAL:" in text:  # the server answered: wrong user, password or database
            return ServerRefused(path=path, reason=text.split("FATAL:", 1)[1].strip())
        return ConnectionLost(path=path)
    return None
