"""Random and malformed XLSX/CSV at the question-bank importer (issue 11, point 9).

`read_question_rows` answers a damaged file with a `FileProblem`; the rows it reads are
judged by `import_problems` against a real bank, and every problem renders as a message.
Nothing else may escape, and nothing is written by a file that breaks a rule.
"""

from __future__ import annotations

import datetime as dt
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from safedesk.db.engine import Database
from safedesk.db.models import BankQuestion
from safedesk.db.question_bank import import_problems, import_questions
from safedesk.domain.knowledge_test import QuestionRow
from safedesk.errors import FileProblem, InvalidInput
from safedesk.forms.question_bank_file import COLUMNS, read_question_rows

FUZZ = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
HEADER: list[object] = list(COLUMNS)
GOOD: list[object] = [
    "ЕҚ",
    "Сұрақ бір?",
    "Вопрос один?",
    "а",
    "ә",
    "б",
    "",
    "",
    "а",
    "б",
    "в",
    "",
    "",
    "2",
]

cell_text = st.text(st.characters(exclude_categories=["Cc", "Cs"]), max_size=30)
correct_text = st.one_of(
    st.text(alphabet="0123456789,; ", max_size=8),
    # Characters Python calls digits that int() does not read, and other scripts' digits.
    st.text(alphabet="12²³¹⁴½١٣۵०߂𝟙, ", max_size=6),
)
cell = st.one_of(
    st.none(),
    cell_text,
    correct_text,
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.sampled_from(["", " ", "=1+1", "topic", "correct", "1, 3", "0", "-1", "6"]),
)
rows = st.lists(st.lists(cell, min_size=0, max_size=16), min_size=0, max_size=6)


def judged(db: Database, data: bytes, suffix: str) -> list[QuestionRow] | None:
    """Read `data` saved as a file and judge its rows; None when the file was refused."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"bank{suffix}"
        path.write_bytes(data)
        try:
            found = read_question_rows(path)
        except FileProblem as e:
            assert e.message()
            event("file refused")
            return None
    with db.session() as s:
        problems = import_problems(s, found)
    for problem in problems:
        assert problem.message()
    event("rows refused" if problems else "rows accepted")
    return found


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
    return workbook([HEADER, GOOD])


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from([".csv", ".xlsx", ".txt", ".xls"]))
def test_random_bytes_are_refused_with_a_message(db: Database, data: bytes, suffix: str) -> None:
    judged(db, data, suffix)


@FUZZ
@given(st.data())
def test_damaged_workbooks_are_refused_with_a_message(
    db: Database, good_workbook: bytes, data: st.DataObject
) -> None:
    damaged = bytearray(good_workbook)
    for _ in range(data.draw(st.integers(min_value=1, max_value=20))):
        at = data.draw(st.integers(min_value=0, max_value=len(damaged) - 1))
        damaged[at] = data.draw(st.integers(min_value=0, max_value=255))
    cut = data.draw(st.integers(min_value=0, max_value=len(damaged)))
    judged(db, bytes(damaged[:cut] if data.draw(st.booleans()) else damaged), ".xlsx")


@FUZZ
@given(rows, st.permutations(HEADER))
@example([[*GOOD[:13], "²"]], HEADER)  # a digit to str.isdigit, not to int()
@example([[*GOOD[:13], "١, ٣"]], HEADER)
def test_workbooks_with_random_cells_under_a_real_header(
    db: Database, table: list[list[object]], header: list[object]
) -> None:
    judged(db, workbook([header, *table]), ".xlsx")


@FUZZ
@given(
    rows,
    st.lists(st.sampled_from([*HEADER, "", "Topic ", "CORRECT", "x"]), max_size=16),
    st.sampled_from([";", ",", "\t"]),
    st.sampled_from(["utf-8", "utf-8-sig", "cp1251", "utf-16"]),
)
def test_csv_with_random_cells_and_headers_in_any_encoding(
    db: Database, table: list[list[object]], header: list[str], delimiter: str, encoding: str
) -> None:
    lines = [delimiter.join(header or HEADER)]  # type: ignore[arg-type]
    for line in table:
        lines.append(delimiter.join("" if v is None else str(v) for v in line))
    judged(db, "\r\n".join(lines).encode(encoding, errors="replace"), ".csv")


@FUZZ
@given(st.text(max_size=500))
def test_csv_of_random_text(db: Database, text: str) -> None:
    judged(db, text.encode("utf-8", errors="surrogatepass"), ".csv")


@FUZZ
@given(rows)
def test_a_bank_with_any_bad_row_writes_nothing(db: Database, table: list[list[object]]) -> None:
    """Whole or not at all: one good row beside random ones is added only if all are good."""
    found = judged(db, workbook([HEADER, GOOD, *table]), ".xlsx")
    assert found is not None  # a real workbook with a real header is always read
    with db.session() as s:
        before = s.scalar(select(func.count()).select_from(BankQuestion)) or 0
    try:
        with db.write() as s:
            added = import_questions(s, found)
    except InvalidInput as e:
        assert e.message()
        added = 0
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(BankQuestion)) == before + added
