"""What goes into the PyInstaller bundle and what is left out (used by safedesk.spec).

PyInstaller's Qt hooks collect every plugin of a kind (all platforms, all image formats,
the virtual keyboard that drags in Qt Quick and QML...) and everything those plugins link
to. SafeDesk needs a few of them. The rules here are by pattern, not by file list, so the
bundle keeps working as the program grows:

* Qt plugins: a kind (folder) is kept whole, kept in part, or dropped (`PLUGINS`);
  a kind not named there is dropped.
* Qt libraries of modules SafeDesk does not use (`UNUSED_QT`) are dropped, and then every
  shared library that only the dropped files needed (`prune_binaries`).
* Qt's own translations and Babel's locale data: only the program's languages.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path, PurePath

# A TOC entry of PyInstaller: (destination name, source path, type code).
Entry = tuple[str, str, str]

# Python modules (and their Qt libraries) SafeDesk does not use: never bundled.
UNUSED_QT = re.compile(
    r"Qt6?(3D|WebEngine|WebChannel|WebSockets|WebView|Quick|Qml|QmlModels|QmlMeta|QmlWorkerScript|"
    r"Multimedia|SpatialAudio|Bluetooth|Nfc|Positioning|Location|Sensors|SerialPort|SerialBus|"
    r"RemoteObjects|Scxml|StateMachine|TextToSpeech|DataVisualization|Graphs|VirtualKeyboard|"
    r"Designer|UiTools|Help|Test|Sql|HttpServer|ShaderTools|Wayland|WlShell|EglFS|EglFs|"
    r"Lottie|Canvas|Protobuf|Grpc)"
)

# Qt plugin kinds: None keeps every plugin of the kind, a set keeps those named (file
# name without "lib"/"q" prefix and extension). Kinds not listed are dropped.
PLUGINS: dict[str, frozenset[str] | None] = {
    # offscreen: screenshots and CI; minimal: a fallback; windows/xcb/cocoa: real screens.
    "platforms": frozenset({"offscreen", "minimal", "windows", "xcb", "cocoa"}),
    "styles": None,  # qmodernwindowsstyle on Windows 10/11
    "imageformats": frozenset({"ico", "jpeg", "gif", "svg", "pdf"}),
    "iconengines": None,  # SVG icons in standard dialogs
    "printsupport": None,  # CUPS on Linux (Windows printing is built into QtPrintSupport)
    "platforminputcontexts": frozenset(
        {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"}
    ),  # typing Kazakh letters on Linux; not the virtual keyboard (Qt Quick)
    "xcbglintegrations": None,  # OpenGL under X11 (QtCharts links QtOpenGL)
}

# Python modules never needed by SafeDesk (PIL's optional codecs pull in ~11 MB of libraries;
# ReportLab needs PIL only for raster images, which SafeDesk's forms do not draw).
EXCLUDED_MODULES: tuple[str, ...] = (
    "tkinter",
    "_tkinter",
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._webp",
    "PIL.WebPImagePlugin",
    "PIL._imagingcms",
    "PIL.ImageCms",
    "PIL._imagingtk",
    "PIL._imagingft",  # PIL.ImageFont's FreeType/HarfBuzz; ReportLab draws text itself
    "PIL.ImageTk",
    "PIL.ImageQt",
    "pydoc_data",
    "lib2to3",
    "idlelib",
    "test",
    "pytest",
    "hypothesis",
    "mypy",
    "IPython",
    "numpy",
    # Python bindings the Qt hooks add for QtCharts; the C++ libraries they wrap stay.
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
)


def _key(dest: str) -> str:
    """A binary's file name, the way links name it (case-blind, as on Windows)."""
    return PurePath(dest.replace("\\", "/")).name.lower()


def _stem(name: str) -> str:
    stem = name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def plugin_kind(dest: str) -> tuple[str, str] | None:
    """('platforms', 'qxcb') for a Qt plugin's destination path, None for anything else."""
    parts = PurePath(dest.replace("\\", "/")).parts
    for i in range(len(parts) - 2):
        if parts[i] == "plugins" and i > 0 and parts[i - 1] in ("Qt", "PySide6"):
            return parts[i + 1], _stem(parts[-1])
    return None


def plugin_wanted(kind: str, stem: str) -> bool:
    if kind not in PLUGINS:
        return False
    keep = PLUGINS[kind]
    name = stem[1:] if stem.startswith("q") else stem
    return keep is None or name in keep or stem in keep


def unused_qt_library(dest: str) -> bool:
    """A Qt shared library (or PySide6 extension) of a module SafeDesk does not use."""
    name = PurePath(dest.replace("\\", "/")).name
    return bool(UNUSED_QT.match(_stem(name)))


def wanted_data(dest: str, languages: Iterable[str]) -> bool:
    """Qt translations and Babel locale data only for the program's languages."""
    path = PurePath(dest.replace("\\", "/"))
    langs = set(languages)
    if path.suffix == ".qm" and "translations" in path.parts:
        lang = path.stem.split("_", 1)[1] if "_" in path.stem else ""
        return lang.split("_")[0] in langs
    if path.suffix == ".dat" and path.parent.name == "locale-data":
        return path.stem == "root" or path.stem.split("_")[0] in langs
    return True


ImportsOf = Callable[[str], Iterable[str]]


def prune_binaries(
    binaries: Sequence[Entry], dropped: set[str], imports_of: ImportsOf
) -> tuple[list[Entry], list[Entry]]:
    """(kept, removed): the dropped entries and the libraries only they needed.

    `dropped` holds destination names; `imports_of(source path)` names the libraries a
    binary links to (any depth is fine). A library stays when anything kept needs it, and
    so does everything no dropped file links to (e.g. loaded with ctypes).
    """
    by_name = {_key(d): (d, s, t) for d, s, t in binaries}

    def closure(start: Iterable[Entry]) -> set[str]:
        seen: set[str] = set()
        todo = list(start)
        while todo:
            _dest, src, _type = todo.pop()
            for lib in imports_of(src):
                key = _key(lib)
                if key in by_name and key not in seen:
                    seen.add(key)
                    todo.append(by_name[key])
        return seen

    dropped_entries = [e for e in binaries if e[0] in dropped]
    dropped_keys = {_key(e[0]) for e in dropped_entries}
    suspects = closure(dropped_entries) - dropped_keys
    roots = [e for e in binaries if e[0] not in dropped and _key(e[0]) not in suspects]
    needed = closure(roots)
    orphans = suspects - needed
    kept: list[Entry] = []
    removed: list[Entry] = []
    for entry in binaries:
        (removed if entry[0] in dropped or _key(entry[0]) in orphans else kept).append(entry)
    return kept, removed


def migration_imports(folder: Path) -> list[str]:
    """Top-level modules the Alembic scripts import: they ship as source, unseen by PyInstaller."""
    found: set[str] = set()
    for script in sorted(folder.rglob("*.py")):
        tree = ast.parse(script.read_text(encoding="utf-8"), str(script))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
                # `from alembic import op`: op is a module; `from pathlib import Path` is not
                found.update(
                    f"{node.module}.{alias.name}"
                    for alias in node.names
                    if _is_module(f"{node.module}.{alias.name}")
                )
    return sorted(m for m in found if m.split(".")[0] != "__future__")


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def filter_analysis(
    binaries: Sequence[Entry],
    datas: Sequence[Entry],
    languages: Iterable[str],
    imports_of: ImportsOf,
    report: Callable[[str], None] = lambda line: print(line, file=sys.stderr),
) -> tuple[list[Entry], list[Entry]]:
    """The bundle's binaries and data files after the rules above; reports what went."""
    dropped: set[str] = set()
    for dest, _src, _type in binaries:
        kind = plugin_kind(dest)
        if (kind is not None and not plugin_wanted(*kind)) or unused_qt_library(dest):
            dropped.add(dest)
    kept_binaries, removed = prune_binaries(binaries, dropped, imports_of)
    langs = list(languages)
    kept_datas = [e for e in datas if wanted_data(e[0], langs)]
    report(
        f"bundle_filter: {len(removed)} binaries and "
        f"{len(datas) - len(kept_datas)} data files left out"
    )
    for dest, _src, _type in sorted(removed):
        report(f"  - {dest}")
    return kept_binaries, kept_datas
