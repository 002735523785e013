"""Reading the employee roster a safety officer already has (XLSX or CSV).

    roster = read_roster(path)                 # FileProblem when the file cannot be used
    plan = plan_import(session, roster.rows)   # safedesk.db.roster_import

The header is looked for in the first rows of each sheet (roster_header.py); every
row below it becomes a `RosterRow` carrying its own problems, so the user sees them
all at once, with the row numbers Excel shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TypeVar

from safedesk.db.employees import EmployeeFields, rule_problems
from safedesk.db.roster_import import RosterRow, duplicate_iin_problems
from safedesk.domain.ids import normalise_id
from safedesk.errors import FileProblem, Problem
from safedesk.forms import roster_values as values
from safedesk.forms.roster_header import (
    FIELD_LABELS,
    HEADER_SCAN_ROWS,
    Header,
    find_header,
    is_column_numbering,
)
from safedesk.forms.roster_read import CSV_SUFFIXES, Cells, Sheet, open_sheets
from safedesk.i18n import N_

__all__ = ["FIELD_LABELS", "Roster", "RosterRow", "read_roster", "sheet_names"]

T = TypeVar("T")


@dataclass
class Roster:
    path: Path
    sheet: str | None  # the sheet read; None for CSV
    header_row: int  # 1-based: the last row of the header
    columns: dict[str, str]  # field → the header text found for it (see FIELD_LABELS)
    ignored_columns: list[str]  # header texts that name nothing SafeDesk keeps
    rows: list[RosterRow] = field(default_factory=list)

    @property
    def problem_rows(self) -> list[RosterRow]:
        return [r for r in self.rows if r.problems]


def read_roster(
    path: str | Path, *, sheet: str | None = None, today: dt.date | None = None
) -> Roster:
    """Every person in the roster at `path`, with the problems of each row.

    Raises `FileProblem` when the file is missing, unreadable, of an unsupported type,
    has no sheet `sheet`, has no recognisable header, or no rows below it.
    """
    path = Path(path)
    today = today or dt.date.today()
    with open_sheets(path, sheet) as sheets:
        found = _first_with_header(sheets, widest=path.suffix.lower() in CSV_SUFFIXES)
        if found is None:
            raise _no_header(path, sheet)
        chosen, header, head = found
        roster = Roster(
            path,
            chosen.name,
            header.last_row,
            dict(header.labels),
            list(header.ignored),
        )
        rows = _data_rows(head, chosen, header)
        roster.rows = [r for n, cells in rows if (r := _person(n, cells, header, today))]
    if not roster.rows:
        raise FileProblem(
            N_("The file {path} has a header in row {row} but no employees below it."),
            path=str(path),
            row=header.last_row,
        )
    for index, problem in duplicate_iin_problems(roster.rows).items():
        roster.rows[index].problems.append(problem)
    return roster


def sheet_names(path: str | Path) -> list[str]:
    """The worksheets of a workbook, for a sheet picker; empty for CSV."""
    with open_sheets(Path(path)) as sheets:
        return [s.name for s in sheets if s.name is not None]


def _first_with_header(
    sheets: list[Sheet], *, widest: bool
) -> tuple[Sheet, Header, list[Cells]] | None:
    """The first sheet with a header. A CSV file is read once per delimiter: the right
    delimiter is the one that splits the header into the most recognised columns."""
    best: tuple[Sheet, Header, list[Cells]] | None = None
    for sheet in sheets:
        head = list(islice(sheet.rows, HEADER_SCAN_ROWS + 1))  # +1: a two-row header
        header = find_header(head)
        if header is None or header.first_row > HEADER_SCAN_ROWS:
            continue
        if not widest:
            return sheet, header, head
        if best is None or len(header.columns) > len(best[1].columns):
            best = (sheet, header, head)
    return best


def _no_header(path: Path, sheet: str | None) -> FileProblem:
    if sheet is not None:
        return FileProblem(
            N_(
                "No header row was found in the first {rows} rows of sheet “{sheet}” of {path}. "
                "It needs at least an IIN column (ЖСН / ИИН / IIN) and a name column "
                "(Т.А.Ә. / ФИО / Full name, or Тегі / Фамилия / Surname and Аты / Имя / Name)."
            ),
            path=str(path),
            sheet=sheet,
            rows=HEADER_SCAN_ROWS,
        )
    return FileProblem(
        N_(
            "No header row was found in the first {rows} rows of {path}. "
            "It needs at least an IIN column (ЖСН / ИИН / IIN) and a name column "
            "(Т.А.Ә. / ФИО / Full name, or Тегі / Фамилия / Surname and Аты / Имя / Name)."
        ),
        path=str(path),
        rows=HEADER_SCAN_ROWS,
    )


def _data_rows(head: list[Cells], sheet: Sheet, header: Header) -> list[tuple[int, Cells]]:
    """(row number, cells) for every row below the header, without its column numbering."""
    rows: list[tuple[int, Cells]] = []
    number = header.last_row
    for cells in [*head[header.last_row :], *sheet.rows]:
        number += 1
        if number == header.last_row + 1 and is_column_numbering(cells):
            continue
        rows.append((number, cells))
    return rows


def _cell(cells: Cells, header: Header, name: str) -> object:
    col = header.columns.get(name)
    return cells[col] if col is not None and col < len(cells) else None


def _iin(value: object) -> str:
    return normalise_id(value)


def _person(number: int, cells: Cells, header: Header, today: dt.date) -> RosterRow | None:
    """The person in row `number`, or None for a row that holds no one (blank, a subtotal,
    a signature line): neither an IIN nor a name."""
    iin = _iin(_cell(cells, header, "iin"))
    surname = values.text(_cell(cells, header, "surname"))
    name = values.text(_cell(cells, header, "name"))
    patronymic = values.text(_cell(cells, header, "patronymic"))
    full = values.text(_cell(cells, header, "full_name"))
    if full and not (surname or name):
        surname, name, patronymic = values.split_full_name(full)
    if not (iin or surname or name):
        return None
    problems: list[Problem] = []

    def read(name: str, reader: Callable[[object], T]) -> T | None:
        try:
            return reader(_cell(cells, header, name))
        except values.CellProblem as e:
            problems.append(Problem(name, e.msgid, dict(e.values)))
            return None

    fields = EmployeeFields(
        iin=iin,
        surname=surname,
        name=name,
        patronymic=patronymic,
        personnel_no=values.text(_cell(cells, header, "personnel_no")),
        birth_date=read("birth_date", values.date_of("birth_date", today)),
        sex=read("sex", values.sex),
        hire_date=read("hire_date", values.date_of("hire_date", today)),
        dismissal_date=read("dismissal_date", values.date_of("dismissal_date", today)),
        electrical_group=read("electrical_group", values.electrical_group),
    )
    problems[:0] = rule_problems(fields, today)
    return RosterRow(
        row=number,
        fields=fields,
        unit_name=values.text(_cell(cells, header, "unit")),
        position_name=values.text(_cell(cells, header, "position")),
        problems=problems,
    )
