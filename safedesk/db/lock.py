"""One writer at a time: a holder file beside the database, and where the file lives.

`safedesk.db.lock` beside `safedesk.db` names who has the database open for writing
(user, machine, process, since when) and carries an operating-system lock on itself
while that program runs. A program that dies — crash, power cut, SIGKILL — loses its
OS lock at once, so a holder file left behind is stale and simply taken over: no
guessing from process ids or ages, which would not work across machines anyway.

SQLite on a network share (SMB, NFS) can lose writes when two machines use it;
`is_network_path` lets the window warn that PostgreSQL is the way for several users.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

from safedesk.errors import DatabaseProblem
from safedesk.i18n import N_

# Windows locks are mandatory: lock a byte far past the JSON so others can still read it.
_WINDOWS_LOCK_OFFSET = 1 << 30
NETWORK_FILESYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "9p", "fuse.sshfs", "davfs"}
)


@dataclass(frozen=True)
class Holder:
    user: str
    machine: str
    pid: int
    since: str  # ISO local time, as the holder's clock said


class DatabaseHeld(DatabaseProblem):
    """Another SafeDesk has the database open for writing."""

    msgid = N_("The database {path} is in use by {user} on {machine} since {since}.")

    def __init__(self, path: Path, holder: Holder) -> None:
        self.holder = holder
        super().__init__(
            path=str(path), user=holder.user, machine=holder.machine, since=holder.since
        )


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _try_os_lock(f: IO[str]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        f.seek(_WINDOWS_LOCK_OFFSET)
        try:
            msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        finally:
            f.seek(0)
        return True
    import fcntl

    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _read_holder(path: Path) -> Holder:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return Holder(str(raw["user"]), str(raw["machine"]), int(raw["pid"]), str(raw["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return Holder("?", "?", 0, "?")


class DatabaseLock:
    """The right to write, held until `release` (or until this process ends)."""

    def __init__(self, db_path: Path, file: IO[str], holder: Holder) -> None:
        self.db_path = db_path
        self.path = lock_path(db_path)
        self.holder = holder
        self._file: IO[str] | None = file

    def release(self) -> None:
        if self._file is None:
            return
        if sys.platform != "win32":  # an open file cannot be removed on Windows
            with contextlib.suppress(OSError):
                self.path.unlink()
        self._file.close()  # closing drops the OS lock
        self._file = None


def acquire(db_path: Path, user: str) -> DatabaseLock | None:
    """Take the database for writing; `DatabaseHeld` names who has it.

    None when no holder file can be made (a read-only folder): SQLite then refuses
    writes by itself, so there is nothing to share.
    """
    path = lock_path(db_path)
    for _attempt in range(5):
        try:
            f = path.open("a+", encoding="utf-8")
        except OSError:
            return None
        if not _try_os_lock(f):
            f.close()
            raise DatabaseHeld(db_path, _read_holder(path))
        # The previous holder may have removed the file between our open and our lock.
        try:
            same = os.path.samestat(os.fstat(f.fileno()), os.stat(path))
        except OSError:
            same = False
        if not same:
            f.close()
            continue
        holder = Holder(
            user=user,
            machine=socket.gethostname(),
            pid=os.getpid(),
            since=dt.datetime.now().isoformat(sep=" ", timespec="minutes"),
        )
        f.seek(0)
        f.truncate()
        f.write(json.dumps(asdict(holder), ensure_ascii=False))
        f.flush()
        return DatabaseLock(db_path, f, holder)
    raise DatabaseHeld(db_path, _read_holder(path))


def is_network_path(path: str | Path) -> bool:
    """True for a UNC path, a Windows network drive, or a network mount on Linux."""
    text = str(path)
    if text.startswith("\\\\"):
        return True
    if sys.platform == "win32":
        if text.startswith("//"):
            return True
        return _windows_remote_drive(text)
    if sys.platform.startswith("linux"):
        return _linux_network_mount(Path(text))
    return False


def _windows_remote_drive(text: str) -> bool:  # pragma: no cover - Windows only
    import ctypes

    drive = os.path.splitdrive(os.path.abspath(text))[0]
    if not drive:
        return False
    drive_remote = 4
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    return bool(kernel32.GetDriveTypeW(drive + "\\") == drive_remote)


def _linux_network_mount(path: Path) -> bool:
    try:
        mounts = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    target = str(path.resolve())
    best, best_type = "", ""
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, best_type = point, parts[2]
    return best_type in NETWORK_FILESYSTEMS
