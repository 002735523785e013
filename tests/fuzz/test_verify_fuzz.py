"""Random and damaged packages at `safedesk verify` (issue 11, point 9).

Whatever the file holds, `verify_package` answers with "intact" or the first mismatch
(or a `SafeDeskError` the user can read), never another exception; `safedesk verify`
exits 0 with "OK" only for an intact package and otherwise 2 (or 1 for a file it cannot
read) with a message. The packages are made by the real archive writer with a manifest
in the real format: one the size of an export, and one so small that a changed byte
often lands in a zip header.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from safedesk.cli import main
from safedesk.errors import SafeDeskError
from safedesk.forms.package.archive import write_whole
from safedesk.forms.package.manifest import (
    FORMAT_NAME,
    NAME,
    SELF_HASH,
    canonical,
    file_entry,
    sha256,
)
from safedesk.forms.package.verify import Mismatch, verify_package

BIN = "940140000385"
FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def manifest_of(files: list[tuple[str, bytes]], **extra: Any) -> bytes:
    """A manifest in the package's own canonical form, its own hash right."""
    document: dict[str, Any] = {
        "format": {"name": FORMAT_NAME, "version": 1},
        "files": [file_entry(name, data) for name, data in files],
        **extra,
    }
    document[SELF_HASH] = sha256(canonical(document))
    return canonical(document)


def zip_of(entries: list[tuple[str, bytes]]) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = write_whole(Path(folder) / "p.zip", entries, dt.date(2026, 11, 28))
        return path.read_bytes()


SMALL_FILES = [("data/a.csv", b"id;name\r\n1;\xd3\x98\r\n"), ("b.json", b'{"x": 1}\n')]
SMALL = zip_of([(NAME, manifest_of(SMALL_FILES)), *SMALL_FILES])


@pytest.fixture(scope="module")
def exported() -> bytes:
    """A package the size and shape of an export: a workbook stored, PDFs and CSVs deflated.

    Built from parts rather than by `safedesk export`, so that these tests judge `verify`
    alone and stay fast.
    """
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["ИИН", "Фамилия", "Имя", "Дата"])
    for n in range(300):
        ws.append([f"87100840{n:04d}", "Әбілова", "Гүлнар", dt.date(2026, 1, 1 + n % 28)])
    buffer = io.BytesIO()
    wb.save(buffer)
    rows = "".join(f"{n};87100840{n:04d};Әбілова;Гүлнар\r\n" for n in range(300))
    files = [
        ("cover-letter.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"%%EOF\n"),
        ("indicators.json", json.dumps({"40": 0.12, "41": None}).encode()),
        ("registers.xlsx", buffer.getvalue()),
        ("data/employees.csv", rows.encode("utf-8")),
    ]
    return zip_of([(NAME, manifest_of(files, organisation={"bin": BIN})), *files])


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("verify")


def contents(data: bytes) -> dict[str, bytes] | None:
    """Every entry's name and bytes as zipfile reads them; None if it cannot."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return {info.filename: archive.read(info) for info in archive.infolist()}
    except Exception:  # the reference reader failing is not what these tests judge
        return None


def verify(folder: Path, data: bytes, capsys: pytest.CaptureFixture[str]) -> Mismatch | None:
    """Both ways in: the function and the command; they agree and neither crashes."""
    found = check(folder, data, capsys)
    event("intact" if found is None else f"refused: {found.reason}")
    return found


def check(folder: Path, data: bytes, capsys: pytest.CaptureFixture[str]) -> Mismatch | None:
    path = folder / "package.zip"
    path.write_bytes(data)
    try:
        found = verify_package(path)
    except SafeDeskError as e:  # a file it cannot read: told why
        assert e.message()
        found = Mismatch(path.name, "unreadable")
    capsys.readouterr()
    code = main(["verify", str(path)])
    out, err = capsys.readouterr()
    if found is None:
        assert (code, out) == (0, "OK\n")
    else:
        assert code in (1, 2), err  # 3 and up are crashes
        assert err.strip() and "Traceback" not in err
        if code == 2:
            assert out.strip() == found.path and found.path in err
    return found


@FUZZ
@given(st.binary(max_size=3000))
def test_random_bytes_are_refused(
    folder: Path, capsys: pytest.CaptureFixture[str], data: bytes
) -> None:
    assert verify(folder, data, capsys) is not None


@FUZZ
@given(st.sampled_from(["small", "exported"]), st.data())
def test_truncated_packages_are_refused(
    folder: Path,
    exported: bytes,
    capsys: pytest.CaptureFixture[str],
    which: str,
    data: st.DataObject,
) -> None:
    whole = SMALL if which == "small" else exported
    cut = data.draw(st.integers(min_value=0, max_value=len(whole) - 1))
    assert verify(folder, whole[:cut], capsys) is not None


def where(size: int) -> st.SearchStrategy[int]:
    """Anywhere, and often in the headers at either end where a zip keeps its structure."""
    return st.one_of(
        st.integers(min_value=0, max_value=size - 1),
        st.integers(min_value=0, max_value=min(size, 120) - 1),
        st.integers(min_value=max(0, size - 400), max_value=size - 1),
    )


@FUZZ
@given(st.sampled_from(["small", "exported"]), st.data())
def test_a_changed_byte_anywhere_never_passes_changed_content(
    folder: Path,
    exported: bytes,
    capsys: pytest.CaptureFixture[str],
    which: str,
    data: st.DataObject,
) -> None:
    """A change is refused, or it touched only the zip's own bookkeeping (a date, a flag
    of the entry's origin) and every file of the package still reads exactly as built."""
    whole = SMALL if which == "small" else exported
    damaged = bytearray(whole)
    for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
        at = data.draw(where(len(damaged)))
        damaged[at] = (damaged[at] + data.draw(st.integers(min_value=1, max_value=255))) % 256
    if verify(folder, bytes(damaged), capsys) is None:
        event("intact: only zip bookkeeping changed")
        assert contents(bytes(damaged)) == contents(whole)


json_value = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(st.characters(exclude_categories=["Cs"]), max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
file_item = st.fixed_dictionaries(
    {
        "path": st.one_of(json_value, st.sampled_from([n for n, _ in SMALL_FILES] + [NAME])),
        "size": st.one_of(json_value, st.integers(-1, 40)),
        "sha256": st.one_of(json_value, st.sampled_from([sha256(d) for _, d in SMALL_FILES])),
    }
)


@FUZZ
@given(
    st.one_of(
        json_value.map(lambda v: json.dumps(v).encode()),  # not canonical, no hash
        st.binary(max_size=200),
        st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.sampled_from(
            [b'"\\ud800"', b'{"files": "\\udfff"}', b"NaN", b"[1e999]", b"\xef\xbb\xbf{}"]
        ),
    )
)
def test_a_random_manifest_is_refused(
    folder: Path, capsys: pytest.CaptureFixture[str], manifest: bytes
) -> None:
    assert verify(folder, zip_of([(NAME, manifest), *SMALL_FILES]), capsys) is not None


@FUZZ
@given(
    st.lists(st.one_of(file_item, json_value), max_size=4),
    st.dictionaries(st.text(max_size=8).filter(lambda k: k not in {SELF_HASH}), json_value),
)
def test_a_well_formed_manifest_with_random_content_is_refused(
    folder: Path, capsys: pytest.CaptureFixture[str], files: list[Any], extra: dict[str, Any]
) -> None:
    """Canonical and self-consistent, so verify reads into its list of files."""
    extra.pop("format", None)
    extra.pop("files", None)
    document: dict[str, Any] = {"format": {"name": FORMAT_NAME}, "files": files, **extra}
    document[SELF_HASH] = sha256(canonical(document))
    package = zip_of([(NAME, canonical(document)), *SMALL_FILES])
    assert verify(folder, package, capsys) is not None


def central_edit(package: bytes, entry: int, offset: int, value: int) -> bytes:
    """Set a 2-byte field of the `entry`-th central directory header to `value`."""
    end = package.rindex(b"PK\x05\x06")
    at = int.from_bytes(package[end + 16 : end + 20], "little")
    for _ in range(entry):
        names, extra, comment = (
            int.from_bytes(package[at + k : at + k + 2], "little") for k in (28, 30, 32)
        )
        at += 46 + names + extra + comment
    assert package[at : at + 4] == b"PK\x01\x02"
    edited = bytearray(package)
    edited[at + offset : at + offset + 2] = value.to_bytes(2, "little")
    return bytes(edited)


VERSION, FLAGS, METHOD = 6, 8, 10


@pytest.mark.parametrize(
    ("entry", "offset", "value"),
    [
        (0, METHOD, 99),  # a compression zipfile does not know: NotImplementedError
        (1, METHOD, 14),  # deflated data said to be LZMA: LZMAError
        (0, FLAGS, 0x0001),  # said to be encrypted: RuntimeError, a password is required
        (2, FLAGS, 0x0001),
        (1, FLAGS, 0x0020),  # "compressed patched data": NotImplementedError
        (0, FLAGS, 0x0040),  # strong encryption
        (0, VERSION, 200),  # a zip version zipfile does not read, found on opening
    ],
)
def test_a_header_zipfile_cannot_read_is_a_damaged_package(
    folder: Path, capsys: pytest.CaptureFixture[str], entry: int, offset: int, value: int
) -> None:
    """Changed bytes the hypothesis runs above met rarely; each crashed `verify` before."""
    found = check(folder, central_edit(SMALL, entry, offset, value), capsys)
    assert found is not None


def test_the_packages_themselves_are_intact(
    folder: Path, exported: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    assert check(folder, SMALL, capsys) is None
    assert check(folder, exported, capsys) is None
