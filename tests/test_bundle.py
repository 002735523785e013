"""The PyInstaller bundle (issue 14): the rules of what goes in, and the real build.

The build takes about a minute, so `test_bundle_builds_and_runs_the_main_commands` is
skipped unless SAFEDESK_BUILD_BUNDLE=1 (`.ci/run` sets it in CI). It needs PyInstaller:
`pip install "pyinstaller>=6.10,<7"`.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"safedesk_packaging_{name}", PACKAGING / name)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bundle_filter = _load("bundle_filter.py")


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", True),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/plugins/sqldrivers/qsqlite.dll", False),  # a kind not named: dropped
    ],
)
def test_qt_plugins_kept_and_dropped(dest: str, kept: bool) -> None:
    kind = bundle_filter.plugin_kind(dest)
    assert kind is not None
    assert bundle_filter.plugin_wanted(*kind) is kept


def test_unused_qt_modules_and_other_files() -> None:
    assert bundle_filter.plugin_kind("PySide6/Qt/lib/libQt6Core.so.6") is None
    assert bundle_filter.unused_qt_library("PySide6/Qt/lib/libQt6Quick.so.6")
    assert bundle_filter.unused_qt_library("PySide6/Qt6WebEngineCore.dll")
    assert bundle_filter.unused_qt_library("PySide6/QtMultimedia.pyd")
    for used in ("libQt6Pdf.so.6", "Qt6PdfWidgets.dll", "QtCharts.abi3.so", "libQt6Svg.so.6"):
        assert not bundle_filter.unused_qt_library(f"PySide6/Qt/lib/{used}")


def test_translations_and_locale_data_of_the_program_languages_only() -> None:
    langs = ["kk", "ru", "en"]
    wanted = bundle_filter.wanted_data
    assert wanted("PySide6/Qt/translations/qtbase_kk.qm", langs)
    assert not wanted("PySide6/Qt/translations/qtbase_de.qm", langs)
    assert not wanted("PySide6/translations/qt_zh_CN.qm", langs)
    assert wanted("babel/locale-data/root.dat", langs)
    assert wanted("babel/locale-data/kk_KZ.dat", langs)
    assert not wanted("babel/locale-data/fr.dat", langs)
    assert wanted("safedesk/resources/reference/hazards.json", langs)


def test_libraries_only_dropped_files_need_go_too() -> None:
    links = {
        "/src/keep.so": ["libshared.so", "libcore.so"],
        "/src/drop.so": ["libshared.so", "libonly.so", "libcore.so"],
        "/src/libonly.so": ["libdeep.so"],
    }
    binaries = [
        ("keep.so", "/src/keep.so", "BINARY"),
        ("drop.so", "/src/drop.so", "BINARY"),
        ("libshared.so", "/src/libshared.so", "BINARY"),
        ("libonly.so", "/src/libonly.so", "BINARY"),
        ("libdeep.so", "/src/libdeep.so", "BINARY"),
        ("libcore.so", "/src/libcore.so", "BINARY"),
        ("libctypes.so", "/src/libctypes.so", "BINARY"),  # nobody links to it: stays
    ]
    kept, removed = bundle_filter.prune_binaries(
        binaries, {"drop.so"}, lambda src: links.get(src, [])
    )
    assert sorted(e[0] for e in removed) == ["drop.so", "libdeep.so", "libonly.so"]
    assert sorted(e[0] for e in kept) == ["keep.so", "libcore.so", "libctypes.so", "libshared.so"]


def test_modules_the_migrations_import_are_found() -> None:
    found = bundle_filter.migration_imports(ROOT / "safedesk" / "db" / "migrations")
    assert {"alembic", "alembic.op", "sqlalchemy"} <= set(found)
    assert "pathlib.Path" not in found


@pytest.mark.skipif(
    os.environ.get("SAFEDESK_BUILD_BUNDLE") != "1",
    reason="set SAFEDESK_BUILD_BUNDLE=1 to build the bundle and smoke-test it",
)
def test_bundle_builds_and_runs_the_main_commands(tmp_path: Path) -> None:
    assert importlib.util.find_spec("PyInstaller"), "pip install 'pyinstaller>=6.10,<7'"
    build = subprocess.run(
        [sys.executable, str(PACKAGING / "build.py"), "--no-installer"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-5000:]
    print(build.stdout.strip().splitlines()[-1])  # the size line, shown with -s

    smoke = subprocess.run(
        [sys.executable, str(PACKAGING / "smoke_test.py"), "--keep", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    print(smoke.stdout)
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr[-3000:]
