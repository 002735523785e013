"""Reading a question bank from XLSX or CSV: one question per row, a header row first.

Columns (any order, names as in the template): topic, question_kk, question_ru,
option1_kk … option5_kk, option1_ru … option5_ru, correct ("2" or "1, 3": option numbers).
"""

from __future__ import annotations

from pathlib import Path

from safedesk.domain.knowledge_test import QuestionRow
from safedesk.errors import FileProblem
from safedesk.forms.roster_read import open_sheets
from safedesk.i18n import N_

MAX_OPTIONS = 5
COLUMNS = (
    "topic",
    "question_kk",
    "question_ru",
    *(f"option{i}_kk" for i in range(1, MAX_OPTIONS + 1)),
    *(f"option{i}_ru" for i in range(1, MAX_OPTIONS + 1)),
    "correct",
)
REQUIRED = ("topic", "question_kk", "question_ru", "correct")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def parse_correct(text: str) -> tuple[int, ...] | None:
    """'1, 3' → (0, 2); None when it is not a list of option numbers."""
    parts = [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]
    if not all(p.isdecimal() for p in parts):  # isdigit() lets "²" through to int()
        return None
    return tuple(int(p) - 1 for p in parts)


def read_question_rows(path: Path) -> list[QuestionRow]:
    """The rows of the first table whose header names the required columns."""
    with open_sheets(path) as sheets:
        for sheet in sheets:
            rows = iter(sheet.rows)
            header = [_text(c).lower() for c in next(rows, [])]
            if not all(name in header for name in REQUIRED):
                continue
            at = {name: header.index(name) for name in COLUMNS if name in header}
            found: list[QuestionRow] = []
            for number, cells in enumerate(rows, start=2):
                values = {name: _text(cells[i]) if i < len(cells) else "" for name, i in at.items()}
                if not any(values.values()):
                    continue

                def options(lang: str, values: dict[str, str] = values) -> tuple[str, ...]:
                    return tuple(
                        values.get(f"option{i}_{lang}", "")
                        for i in range(1, MAX_OPTIONS + 1)
                        if values.get(f"option{i}_{lang}", "")
                    )

                correct = parse_correct(values["correct"])
                found.append(
                    QuestionRow(
                        row=number,
                        topic=values["topic"],
                        text_kk=values["question_kk"],
                        text_ru=values["question_ru"],
                        options_kk=options("kk"),
                        options_ru=options("ru"),
                        correct=correct if correct is not None else (-1,),
                        correct_text=values["correct"],
                    )
                )
            return found
    raise FileProblem(
        N_("{path} has no header row with the columns {columns}."),
        path=str(path),
        columns=", ".join(REQUIRED),
    )
