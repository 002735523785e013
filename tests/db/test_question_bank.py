"""The question bank imported from XLSX or CSV: whole or not at all, every row judged."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from safedesk.db.engine import Database
from safedesk.db.models import BankQuestion
from safedesk.db.question_bank import import_questions, questions_of, topics
from safedesk.errors import FileProblem, InvalidInput
from safedesk.forms.question_bank_file import COLUMNS, read_question_rows

GOOD = ["ЕҚ", "Сұрақ бір?", "Вопрос один?", "а", "ә", "б", "", "", "а", "б", "в", "", "", "2"]


def workbook(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(list(COLUMNS))
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_xlsx_bank_is_imported_with_its_options(db: Database, tmp_path: Path) -> None:
    second = [*GOOD[:1], "Сұрақ екі?", "Вопрос два?", *GOOD[3:13], "1, 3"]
    rows = read_question_rows(workbook(tmp_path / "bank.xlsx", [GOOD, second]))
    with db.write() as s:
        assert import_questions(s, rows) == 2
    with db.session() as s:
        assert topics(s) == ["ЕҚ"]
        bank = questions_of(s, ["ЕҚ"])
    assert [sorted(q.correct) for q in bank] == [[1], [0, 2]]
    assert bank[0].options("ru") == ("а", "б", "в")


def test_bad_rows_are_all_named_and_nothing_is_written(db: Database, tmp_path: Path) -> None:
    no_correct = [*GOOD[:13], ""]
    duplicate = list(GOOD)
    two_options = [*GOOD[:5], "", "", "", "а", "б", "", "", "", "1"]
    path = tmp_path / "bank.csv"
    lines = [";".join(COLUMNS)] + [
        ";".join(str(c) for c in r) for r in (GOOD, no_correct, duplicate, two_options)
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(InvalidInput) as caught, db.write() as s:
        import_questions(s, read_question_rows(path))
    message = caught.value.message()
    assert "Row 3: the question has no correct option." in message
    assert "Row 4: the question repeats row 2." in message
    assert "Row 5: a question needs 3 to 5 options, not 2." in message
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(BankQuestion)) == 0


def test_a_file_without_the_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("name;iin\nА;1\n", encoding="utf-8")
    with pytest.raises(FileProblem):
        read_question_rows(path)
