"""Reading the cells of a roster file: XLSX sheets, or CSV as Excel saves it.

Every file problem becomes a `FileProblem` the user can act on; what is inside the
cells is judged later (roster_header.py, roster.py).
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from safedesk.errors import FileProblem
from safedesk.i18n import N_

log = logging.getLogger(__name__)

XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
CSV_SUFFIXES = frozenset({".csv", ".txt"})
CSV_DELIMITERS = (";", ",", "\t")

Cells = Sequence[object]


@dataclass
class Sheet:
    """One table of the file: its rows from spreadsheet row 1, read on demand."""

    name: str | None  # the sheet's name; None for CSV
    rows: Iterator[Cells]


def check_file(path: Path) -> None:
    if not path.exists():
        raise FileProblem(N_("The file {path} does not exist."), path=str(path))
    if path.is_dir():
        raise FileProblem(N_("{path} is a folder, not a file."), path=str(path))
    suffix = path.suffix.lower()
    if suffix not in XLSX_SUFFIXES | CSV_SUFFIXES:
        raise FileProblem(
            N_(
                "{path}: files of type “{suffix}” cannot be imported. "
                "Save the roster in Excel as .xlsx or .csv."
            ),
            path=str(path),
            suffix=suffix or path.name,
        )


def _cannot_open(path: Path, error: OSError) -> FileProblem:
    log.warning("cannot open %s", path, exc_info=error)
    return FileProblem(
        N_(
            "The file {path} cannot be opened. If it is open in another program, "
            "close it there and try again."
        ),
        path=str(path),
    )


def damaged_workbook(path: Path) -> FileProblem:
    return FileProblem(
        N_(
            "The file {path} is not a readable Excel workbook; it may be damaged. "
            "Open it in Excel and save it again as .xlsx."
        ),
        path=str(path),
    )


@contextmanager
def open_sheets(path: Path, sheet: str | None = None) -> Iterator[list[Sheet]]:
    """The tables of `path` to look for a roster in, in order; `sheet` picks one by name.

    For CSV there is one candidate per delimiter (; , tab): the header decides which.
    """
    check_file(path)
    if path.suffix.lower() in CSV_SUFFIXES:
        yield _csv_sheets(path)
        return
    with _workbook(path) as workbook:
        # Worksheets only: a chart sheet has no cells.
        worksheets = {ws.title: ws for ws in workbook.worksheets}
        names = list(worksheets)
        if sheet is not None:
            if sheet not in worksheets:
                raise FileProblem(
                    N_("The workbook {path} has no sheet “{sheet}”. Its sheets: {sheets}."),
                    path=str(path),
                    sheet=sheet,
                    sheets=", ".join(names),
                )
            names = [sheet]
        yield [Sheet(name, _sheet_rows(path, worksheets[name])) for name in names]


@contextmanager
def _workbook(path: Path) -> Iterator[Any]:
    # Imported here: openpyxl takes a noticeable part of a second to import, and most
    # runs of the program never read a workbook.
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except OSError as e:  # no permission, locked by Excel on Windows
        raise _cannot_open(path, e) from e
    except Exception as e:
        # BadZipFile, KeyError for a missing part, XML errors, InvalidFileException:
        # whatever the cause, the file is not a workbook openpyxl can read.
        log.warning("cannot read workbook %s", path, exc_info=e)
        raise damaged_workbook(path) from e
    try:
        yield workbook
    finally:
        workbook.close()


def _sheet_rows(path: Path, worksheet: Any) -> Iterator[Cells]:
    try:
        # Some programs write a wrong size ("A1") into the sheet; read what is there.
        worksheet.reset_dimensions()
        yield from worksheet.iter_rows(min_row=1, min_col=1, values_only=True)
    except Exception as e:
        log.warning("cannot read sheet of %s", path, exc_info=e)
        raise damaged_workbook(path) from e


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise _cannot_open(path, e) from e
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Excel's "Unicode text" is UTF-16 with a BOM.
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # Excel in a Russian or Kazakh Windows saves "CSV (comma delimited)" in Windows-1251.
        return data.decode("cp1251")
    except UnicodeDecodeError as e:
        raise FileProblem(
            N_(
                "The file {path} is not text in UTF-8 or Windows-1251. "
                "Save it from Excel as “CSV UTF-8”."
            ),
            path=str(path),
        ) from e


def _csv_sheets(path: Path) -> list[Sheet]:
    text = _decode(path)
    if "\x00" in text:
        raise FileProblem(
            N_(
                "The file {path} is not text in UTF-8 or Windows-1251. "
                "Save it from Excel as “CSV UTF-8”."
            ),
            path=str(path),
        )
    return [Sheet(None, _csv_rows(text, d)) for d in CSV_DELIMITERS]


def _csv_rows(text: str, delimiter: str) -> Iterator[Cells]:
    yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
