"""manifest.json: what the package is, whose, for which period, and every file's hash.

The manifest is written in one canonical form (sorted keys, two-space indent, UTF-8) and
carries the SHA-256 of itself without that field, so a changed byte of the manifest is
found as surely as a changed byte of any file it lists.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from safedesk import __version__
from safedesk.db.schema import HEAD
from safedesk.forms.package.context import PackageContext

NAME = "manifest.json"
FORMAT_NAME = "safedesk-inspectorate-package"
FORMAT_VERSION = 1
SELF_HASH = "manifest_sha256"


def canonical(document: dict[str, Any]) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_entry(path: str, data: bytes) -> dict[str, Any]:
    return {"path": path, "size": len(data), "sha256": sha256(data)}


def organisation_part(ctx: PackageContext) -> dict[str, Any]:
    org = ctx.organisation
    person = ctx.responsible
    return {
        "name_kk": org.name_kk,
        "name_ru": org.name_ru,
        "bin": org.bin,
        "address": org.address,
        "head": {
            "name": ctx.head_name,
            "position_kk": ctx.head_position_kk,
            "position_ru": ctx.head_position_ru,
        },
        "responsible_person": None
        if person is None
        else {
            "name": person.full_name,
            "position_kk": person.position_kk,
            "position_ru": person.position_ru,
            "order_no": person.order_no,
            "order_date": person.order_date.isoformat(),
        },
    }


def manifest_bytes(
    ctx: PackageContext, files: Sequence[tuple[str, bytes]], not_kept: Sequence[str]
) -> bytes:
    period = ctx.period
    document: dict[str, Any] = {
        "format": {"name": FORMAT_NAME, "version": FORMAT_VERSION},
        "app_version": __version__,
        "schema_version": HEAD,
        "organisation": organisation_part(ctx),
        "period": {
            "year": period.year,
            "quarter": period.quarter,
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "as_of": ctx.as_of.isoformat(),
        },
        "registers_not_kept": list(not_kept),
        "files": [file_entry(name, data) for name, data in files],
    }
    document[SELF_HASH] = sha256(canonical(document))
    return canonical(document)


class ManifestBroken(ValueError):
    """The manifest is not the one the package was built with."""


def read_manifest(data: bytes) -> dict[str, Any]:
    """The manifest's content, after checking it is canonical and matches its own hash."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ManifestBroken(str(e)) from e
    if not isinstance(document, dict) or canonical(document) != data:
        raise ManifestBroken("not in canonical form")
    stated = document.pop(SELF_HASH, None)
    if stated != sha256(canonical(document)):
        raise ManifestBroken("its own hash does not match")
    fmt = document.get("format")
    if not isinstance(fmt, dict) or fmt.get("name") != FORMAT_NAME:
        raise ManifestBroken("not a SafeDesk package")
    files = document.get("files")
    if not isinstance(files, list) or not all(
        isinstance(f, dict) and {"path", "size", "sha256"} <= f.keys() for f in files
    ):
        raise ManifestBroken("no list of files")
    return document
