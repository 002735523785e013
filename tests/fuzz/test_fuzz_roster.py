"""Random and malformed XLSX/CSV at the roster importer: a roster or a clear FileProblem.

Nothing else may escape `read_roster`: no traceback for a damaged file, and every
problem, for the file or for a row, renders as a message.
"""

from __future__ import annotations

import datetime as dt
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safedesk.errors import FileProblem
from safedesk.forms.roster import Roster, read_roster

TODAY = dt.date(2026, 11, 28)
HEADER: list[object] = [
    "№",
    "ИИН",
    "Фамилия",
    "Имя",
    "Отчество",
    "Подразделение",
    "Должность",
    "Дата приема",
]
FUZZ = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# Excel cannot hold control characters; CSV gets them through test_csv_of_random_text.
cell_text = st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=40)
cell = st.one_of(
    st.none(),
    cell_text,
    st.integers(min_value=-(10**13), max_value=10**13),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.sampled_from(["871008401427", "871008401428", "=SUM(A1:A2)", "", " ", "ИИН"]),
)
rows = st.lists(st.lists(cell, min_size=0, max_size=10), min_size=0, max_size=8)


def read(data: bytes, suffix: str) -> Roster | None:
    """read_roster on `data` saved as a file; None when it refused the file, as it should."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"roster{suffix}"
        path.write_bytes(data)
        try:
            roster = read_roster(path, today=TODAY)
        except FileProblem as e:
            assert e.message()
            return None
    for row in roster.rows:
        for problem in row.problems:
            assert problem.message()
    return roster


def workbook(table: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for line in table:
        ws.append(line)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def good_workbook() -> bytes:
    return workbook([HEADER, [1, "871008401427", "Әбілова", "Гүлнар", "", "Кеніш", "Слесарь"]])


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from([".csv", ".xlsx", ".txt", ".xlsm"]))
def test_random_bytes_are_refused_with_a_message(data: bytes, suffix: str) -> None:
    read(data, suffix)


@FUZZ
@given(st.data())
def test_damaged_workbooks_are_refused_with_a_message(
    good_workbook: bytes, data: st.DataObject
) -> None:
    damaged = bytearray(good_workbook)
    for _ in range(data.draw(st.integers(min_value=1, max_value=20))):
        at = data.draw(st.integers(min_value=0, max_value=len(damaged) - 1))
        damaged[at] = data.draw(st.integers(min_value=0, max_value=255))
    cut = data.draw(st.integers(min_value=0, max_value=len(damaged)))
    read(bytes(damaged[:cut] if data.draw(st.booleans()) else damaged), ".xlsx")


@FUZZ
@given(rows)
def test_workbooks_with_random_cells_under_a_real_header(table: list[list[object]]) -> None:
    read(workbook([HEADER, *table]), ".xlsx")


@FUZZ
@given(
    rows,
    st.sampled_from([";", ",", "\t"]),
    st.sampled_from(["utf-8", "utf-8-sig", "cp1251", "utf-16"]),
)
def test_csv_with_random_cells_in_any_encoding(
    table: list[list[object]], delimiter: str, encoding: str
) -> None:
    lines = [delimiter.join(str(h) for h in HEADER)]
    for line in table:
        lines.append(delimiter.join("" if v is None else str(v) for v in line))
    data = "\r\n".join(lines).encode(encoding, errors="replace")
    read(data, ".csv")


@FUZZ
@given(st.text(max_size=500))
def test_csv_of_random_text(text: str) -> None:
    read(text.encode("utf-8", errors="surrogatepass"), ".csv")
