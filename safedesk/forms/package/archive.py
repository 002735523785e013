"""Zip files that come out byte for byte the same, written whole or not at all.

Everything that would vary between two builds is fixed: the entries' order (as given),
their date (from the data), the system and permissions recorded, and the compression.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from safedesk.errors import SafeDeskError
from safedesk.i18n import N_

COMPRESSION_LEVEL = 6
# Already compressed: deflating again costs time and saves nothing.
STORED_SUFFIXES = (".xlsx",)


def entry(name: str, day: dt.date, stored: bool = False) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(max(day.year, 1980), day.month, day.day, 0, 0, 0))
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    info.create_system = 3  # the same whichever system builds it
    info.external_attr = 0o644 << 16
    return info


class FixedZipFile(zipfile.ZipFile):
    """A zip that writes every entry with `entry(name, day)`, whatever its writer asks for.

    openpyxl writes its parts with the clock's time and the temporary files' dates;
    handing it this file instead keeps an .xlsx the same from build to build.
    """

    def __init__(self, file: Any, day: dt.date) -> None:
        super().__init__(file, "w")
        self._day = day

    def writestr(  # type: ignore[override]
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: bytes | str,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        name = getattr(zinfo_or_arcname, "filename", zinfo_or_arcname)
        assert isinstance(name, str)
        super().writestr(entry(name, self._day), data, compresslevel=COMPRESSION_LEVEL)

    def write(  # type: ignore[override]
        self, filename: Any, arcname: str | None = None, *args: Any, **kwargs: Any
    ) -> None:
        with open(filename, "rb") as f:
            self.writestr(arcname or os.path.basename(filename), f.read())


def write_whole(path: Path, chunks: Sequence[tuple[str, bytes]], day: dt.date) -> Path:
    """Write the package to a temporary file beside `path`, then rename it into place.

    A full disk or a cancelled build leaves nothing under the final name.
    """
    folder = path.parent
    if not folder.is_dir():
        raise SafeDeskError(N_("The folder {path} does not exist."), path=str(folder))
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as e:
        raise _cannot_write(path, e) from e
    try:
        with os.fdopen(handle, "wb") as f:
            with zipfile.ZipFile(f, "w") as archive:
                for name, data in chunks:
                    info = entry(name, day, stored=name.endswith(STORED_SUFFIXES))
                    archive.writestr(info, data, compresslevel=COMPRESSION_LEVEL)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as e:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise _cannot_write(path, e) from e
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return path


def _cannot_write(path: Path, e: OSError) -> SafeDeskError:
    return SafeDeskError(
        N_("The file {path} cannot be written: {reason}."),
        path=str(path),
        reason=e.strerror or str(e),
    )
