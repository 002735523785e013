"""`safedesk users …` through the real command line, on a real server."""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

from safedesk.cli import main
from safedesk.db.engine import open_database
from safedesk.db.server_errors import NotPermitted
from safedesk.db.server_users import scram_verifier
from safedesk.db.units import UnitFields, add_unit
from tests.server.pg_helpers import admin_execute, new_name


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def login(pg_admin_url: URL) -> Iterator[str]:
    """A free login name, dropped after the test whatever it did."""
    name = new_name("user_")
    yield name
    admin_execute(pg_admin_url, f'DROP ROLE IF EXISTS "{name}"')


def test_users_on_a_file_say_they_are_a_server_feature(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "one.db"
    code, out, err = run(capsys, "--db", str(path), "users", "list")
    assert code == 1 and out == ""
    assert "Users and roles are a feature of a PostgreSQL server" in err
    assert not path.exists()  # nothing was created
    code, _out, err = run(capsys, "--db", str(path), "users", "add", "aigul", "--role", "viewer")
    assert code == 1 and "PostgreSQL server" in err


def test_add_list_set_role_remove(server_url: URL, login: str, capsys) -> None:  # type: ignore[no-untyped-def]
    url = server_url.render_as_string(hide_password=False)
    code, _out, err = run(capsys, "--db", url, "users", "add", login, "--role", "viewer")
    assert code == 0 and f"User {login} added: Viewer." in err
    code, out, _err = run(capsys, "--db", url, "users", "list")
    assert code == 0 and f"{login}\tviewer\tViewer" in out.splitlines()

    viewer = open_database(server_url.set(username=login))
    try:
        with pytest.raises(NotPermitted), viewer.write() as s:
            add_unit(s, UnitFields("Кеніш", "Рудник"))
    finally:
        viewer.dispose()

    code, _out, err = run(capsys, "--db", url, "users", "set-role", login, "officer")
    assert code == 0 and "is now: Safety officer" in err
    code, out, _err = run(capsys, "--db", url, "users", "list")
    assert f"{login}\tofficer\tSafety officer" in out.splitlines()
    officer = open_database(server_url.set(username=login))
    try:
        with officer.write() as s:  # the same person, now allowed by the server
            add_unit(s, UnitFields("Кеніш", "Рудник"))
    finally:
        officer.dispose()

    code, _out, err = run(capsys, "--db", url, "users", "set-role", login, "admin")
    assert code == 0
    with create_engine(server_url).connect() as conn:
        assert conn.scalar(
            text("SELECT rolcreaterole FROM pg_roles WHERE rolname = :n"), {"n": login}
        )

    code, _out, err = run(capsys, "--db", url, "users", "remove", login)
    assert code == 0 and f"User {login} removed." in err
    code, out, _err = run(capsys, "--db", url, "users", "list")
    assert login not in out


def test_refusals_exit_1_and_say_why(server_url: URL, login: str, capsys) -> None:  # type: ignore[no-untyped-def]
    url = server_url.render_as_string(hide_password=False)
    assert run(capsys, "--db", url, "users", "add", login, "--role", "officer")[0] == 0
    code, _out, err = run(capsys, "--db", url, "users", "add", login, "--role", "viewer")
    assert code == 1 and "already exists" in err
    code, _out, err = run(capsys, "--db", url, "users", "set-role", "t13b_nobody", "viewer")
    assert code == 1 and "There is no SafeDesk user named «t13b_nobody»" in err
    code, _out, err = run(capsys, "--db", url, "users", "remove", "t13b_nobody")
    assert code == 1 and "t13b_nobody" in err
    code, _out, err = run(capsys, "--db", url, "users", "add", "pg_evil", "--role", "admin")
    assert code == 1 and "cannot be a user name" in err
    with pytest.raises(SystemExit) as bad_role:
        main(["--db", url, "users", "add", "x", "--role", "root"])
    assert bad_role.value.code == 1 and "invalid choice" in capsys.readouterr().err


def test_password_from_stdin_is_stored_hashed(
    server_url: URL,
    login: str,
    capsys,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    url = server_url.render_as_string(hide_password=False)
    monkeypatch.setattr("sys.stdin", io.StringIO("Қауіпсіздік-2026\n"))
    code, _out, _err = run(
        capsys, "--db", url, "users", "add", login, "--role", "officer", "--password-stdin"
    )
    assert code == 0
    with create_engine(server_url).connect() as conn:
        stored = conn.scalar(
            text("SELECT rolpassword FROM pg_authid WHERE rolname = :n"), {"n": login}
        )
    assert stored.startswith("SCRAM-SHA-256$4096:") and "Қауіпсіздік" not in stored
    monkeypatch.setattr("sys.stdin", io.StringIO("\n"))
    code, _out, err = run(
        capsys, "--db", url, "users", "add", login + "x", "--role", "viewer", "--password-stdin"
    )
    assert code == 1 and "No password" in err


def test_scram_verifier_matches_rfc_7677() -> None:
    """The server signature of RFC 7677's example follows from the stored ServerKey."""
    salt = base64.b64decode("W22ZaJ0SNY7soEsUEjb6gQ==")
    verifier = scram_verifier("pencil", salt)
    _scheme, keys = verifier.split("$", 1)[0], verifier.split("$")[2]
    stored_key, server_key = (base64.b64decode(k) for k in keys.split(":"))
    nonce = "rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0"
    auth = (
        f"n=user,r=rOprNGfwEbeRWgbNEkqO,r={nonce},s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,"
        f"c=biws,r={nonce}"
    ).encode()
    signature = hmac.digest(server_key, auth, "sha256")
    assert base64.b64encode(signature).decode() == "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="
    proof = base64.b64decode("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")
    client_signature = hmac.digest(stored_key, auth, "sha256")
    client_key = bytes(a ^ b for a, b in zip(proof, client_signature, strict=True))
    assert hashlib.sha256(client_key).digest() == stored_key
