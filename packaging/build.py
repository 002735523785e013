"""Build the SafeDesk bundle on this machine; on Windows also the installer.

    python packaging/build.py [--no-installer] [--smoke] [--clean]

1. checks that the compiled catalogs (safedesk/locale/*/LC_MESSAGES/safedesk.mo) are there,
2. runs PyInstaller on packaging/safedesk.spec into dist/safedesk/ (work files in build/),
3. prints the bundle's size and the build time,
4. on Windows, when Inno Setup's ISCC.exe is found, compiles packaging/safedesk.iss into
   dist/SafeDesk-<version>-setup.exe,
5. with --smoke, runs packaging/smoke_test.py on the bundle.

Needs PyInstaller in the same environment: `pip install "pyinstaller>=6.10,<7"`.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
import zlib
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "safedesk.spec"
ISS = HERE / "safedesk.iss"
DIST = ROOT / "dist"
WORK = ROOT / "build"
BUNDLE = DIST / "safedesk"


def version() -> str:
    text = (ROOT / "safedesk" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if not found:
        raise SystemExit("safedesk/__init__.py has no __version__")
    return found.group(1)


def check_catalogs() -> None:
    locale = ROOT / "safedesk" / "locale"
    missing = [
        lang
        for lang in ("kk", "ru", "en")
        if not (locale / lang / "LC_MESSAGES" / "safedesk.mo").is_file()
    ]
    if missing:
        raise SystemExit(
            f"compiled catalogs missing for {', '.join(missing)}: "
            "run `python scripts/i18n.py all` first"
        )


def folder_size(folder: Path) -> tuple[int, int, int]:
    """(files, bytes on disk, bytes deflate-compressed): what the installer has to carry."""
    count = raw = packed = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            count += 1
            raw += len(data)
            packed += len(zlib.compress(data, 6))
    return count, raw, packed


def run_pyinstaller(clean: bool) -> float:
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            *(["--clean"] if clean else []),
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(WORK),
            str(SPEC),
        ],
        cwd=ROOT,
        check=True,
    )
    return time.perf_counter() - start


def find_iscc() -> Path | None:
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return Path(found)
    for base in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA"):
        root = os.environ.get(base)
        if not root:
            continue
        for sub in ("Inno Setup 6", "Programs/Inno Setup 6"):
            candidate = Path(root) / sub / "ISCC.exe"
            if candidate.is_file():
                return candidate
    return None


def build_installer(iscc: Path) -> Path:
    ver = version()
    subprocess.run(
        [
            str(iscc),
            f"/DAppVersion={ver}",
            f"/DBundleDir={BUNDLE}",
            f"/O{DIST}",
            str(ISS),
        ],
        cwd=HERE,
        check=True,
    )
    return DIST / f"SafeDesk-{ver}-setup.exe"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the SafeDesk bundle (and installer).")
    parser.add_argument("--no-installer", action="store_true", help="skip Inno Setup")
    parser.add_argument("--smoke", action="store_true", help="smoke-test the bundle after")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's caches first")
    args = parser.parse_args(argv)

    check_catalogs()
    seconds = run_pyinstaller(args.clean)
    count, raw, packed = folder_size(BUNDLE)
    print(
        f"bundle: {BUNDLE} — {count} files, {raw / 1e6:.1f} MB "
        f"({packed / 1e6:.1f} MB deflated), built in {seconds:.0f} s",
        flush=True,
    )

    if sys.platform == "win32" and not args.no_installer:
        iscc = find_iscc()
        if iscc is None:
            print("Inno Setup (ISCC.exe) not found: no installer built", file=sys.stderr)
        else:
            setup = build_installer(iscc)
            print(f"installer: {setup} — {setup.stat().st_size / 1e6:.1f} MB", flush=True)

    if args.smoke:
        sys.path.insert(0, str(HERE))
        import smoke_test

        return smoke_test.main(["--dist", str(BUNDLE)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
