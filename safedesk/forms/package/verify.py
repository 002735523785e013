"""Checking a package against its manifest: the first file that does not match, or none.

The manifest is checked first (present, canonical, its own hash right); then every file
it lists, in its order (missing, damaged, or a different size or SHA-256); then any file
in the archive it does not list.
"""

from __future__ import annotations

import hashlib
import lzma
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from safedesk.errors import SafeDeskError
from safedesk.forms.package.manifest import NAME, ManifestBroken, read_manifest
from safedesk.i18n import N_

CHUNK = 1 << 20
# What zipfile raises for a damaged archive or entry: a changed byte can also make it
# claim a compression, encryption or zip version zipfile does not read.
UNREADABLE = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    EOFError,
    ValueError,
    NotImplementedError,
    RuntimeError,
)


@dataclass(frozen=True)
class Mismatch:
    path: str  # the file inside the package, or the package itself
    reason: str  # msgid


NOT_A_ZIP = N_("the package is not a zip archive or is damaged")
NO_MANIFEST = N_("the manifest is missing")
MANIFEST_CHANGED = N_("the manifest was changed")
MISSING = N_("the file is missing")
DAMAGED = N_("the file is damaged inside the archive")
CHANGED = N_("the file differs from the manifest (size or SHA-256)")
EXTRA = N_("the file is not listed in the manifest")
TWICE = N_("the file is in the archive twice")


def _digest(archive: zipfile.ZipFile, name: str) -> tuple[int, str]:
    sha, size = hashlib.sha256(), 0
    with archive.open(name) as f:
        while chunk := f.read(CHUNK):
            sha.update(chunk)
            size += len(chunk)
    return size, sha.hexdigest()


def _read_all(archive: zipfile.ZipFile, name: str) -> bytes | None:
    try:
        return archive.read(name)
    except (*UNREADABLE, OSError):
        return None


def _check(archive: zipfile.ZipFile) -> Mismatch | None:
    names = [info.filename for info in archive.infolist()]
    for name in names:
        if names.count(name) > 1:
            return Mismatch(name, TWICE)
    if NAME not in names:
        return Mismatch(NAME, NO_MANIFEST)
    data = _read_all(archive, NAME)
    if data is None:
        return Mismatch(NAME, DAMAGED)
    try:
        document = read_manifest(data)
    except ManifestBroken:
        return Mismatch(NAME, MANIFEST_CHANGED)
    listed = [str(f["path"]) for f in document["files"]]
    for item in document["files"]:
        path = str(item["path"])
        if path not in names:
            return Mismatch(path, MISSING)
        try:
            size, digest = _digest(archive, path)
        except (*UNREADABLE, OSError):
            return Mismatch(path, DAMAGED)
        if size != item["size"] or digest != item["sha256"]:
            return Mismatch(path, CHANGED)
    for name in names:
        if name != NAME and name not in listed:
            return Mismatch(name, EXTRA)
    return None


def verify_package(path: str | Path) -> Mismatch | None:
    """None when the package is intact; else the first file that does not match."""
    package = Path(path)
    if not package.is_file():
        raise SafeDeskError(N_("The file {path} does not exist."), path=str(package))
    try:
        with zipfile.ZipFile(package) as archive:
            return _check(archive)
    except UNREADABLE:
        return Mismatch(package.name, NOT_A_ZIP)
    except OSError as e:
        raise SafeDeskError(
            N_("The file {path} cannot be read: {reason}."),
            path=str(package),
            reason=e.strerror or str(e),
        ) from e
