"""Building the submission package `<BIN>_<YEAR>[Q<q>].zip` (DESIGN.md §5).

Every file is made in memory from the database, in a fixed order, then the zip is
written to a temporary file and renamed: a cancelled or failed build leaves nothing
under the final name. The same data, period and day give the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from safedesk.db.exports import Sheet, collect_sheets
from safedesk.db.roadmap import roadmap
from safedesk.errors import SafeDeskError
from safedesk.forms.package import cover_letter, indicators_report, manifest, registers_xlsx
from safedesk.forms.package.archive import write_whole
from safedesk.forms.package.context import PackageContext, Period, load_context
from safedesk.forms.package.cover_letter import Enclosure
from safedesk.forms.package.csv_files import csv_bytes, csv_name
from safedesk.forms.package.roadmap_report import NAME as ROADMAP_NAME
from safedesk.forms.package.roadmap_report import roadmap_pdf
from safedesk.forms.pdf.text import Texts
from safedesk.i18n import N_

Progress = Callable[[int, int], bool]
STEPS = 7
# Registers that list reference data, not events of the period.
REFERENCE_SHEETS = {"units", "positions"}
# The documents a person reads, for the wizard's preview: name -> title msgid.
DOCUMENTS = {
    cover_letter.NAME: cover_letter.TITLE,
    ROADMAP_NAME: N_("Roadmap report"),
    indicators_report.PDF_NAME: N_("Indicators"),
}


class Cancelled(SafeDeskError):
    msgid = N_("Cancelled: no package was written.")


@dataclass(frozen=True)
class Package:
    context: PackageContext
    files: list[tuple[str, bytes]]  # in the order of the zip, manifest first
    not_kept: list[str]  # msgids of registers not kept yet
    empty: bool  # nothing recorded in the period

    @property
    def names(self) -> list[str]:
        return [name for name, _data in self.files]


def _step(progress: Progress | None, done: int) -> None:
    if progress is not None and not progress(done, STEPS):
        raise Cancelled()


def enclosed(sheets: list[Sheet]) -> list[Enclosure]:
    """What the cover letter lists: every file but itself, in the zip's order."""
    return [
        Enclosure(ROADMAP_NAME),
        Enclosure(indicators_report.PDF_NAME),
        Enclosure(indicators_report.JSON_NAME),
        Enclosure(registers_xlsx.NAME),
        *(Enclosure(csv_name(sheet), sheet.title) for sheet in sheets),
        Enclosure(manifest.NAME),
    ]


def _all_empty(sheets: list[Sheet]) -> bool:
    return all(not s.rows for s in sheets if s.name not in REFERENCE_SHEETS)


def make_package(
    session: Session, period: Period, today: dt.date, progress: Progress | None = None
) -> Package:
    """Every file of the package, in memory, in the zip's order."""
    ctx = load_context(session, period, today)
    t = Texts("both")
    _step(progress, 0)
    collected = collect_sheets(session, period.start, ctx.as_of)
    _step(progress, 1)
    xlsx = registers_xlsx.registers_xlsx(collected.sheets, t, ctx.as_of)
    _step(progress, 2)
    csvs = [(csv_name(sheet), csv_bytes(sheet)) for sheet in collected.sheets]
    _step(progress, 3)
    rows = indicators_report.indicator_rows(session, ctx)
    indicators_json = indicators_report.indicators_json(ctx, rows)
    indicators_pdf = indicators_report.indicators_pdf(ctx, rows)
    _step(progress, 4)
    report = roadmap_pdf(ctx, roadmap(session, period.start, ctx.as_of))
    _step(progress, 5)
    files = [
        (ROADMAP_NAME, report),
        (indicators_report.PDF_NAME, indicators_pdf),
        (indicators_report.JSON_NAME, indicators_json),
        (registers_xlsx.NAME, xlsx),
        *csvs,
    ]
    letter = cover_letter.cover_letter_pdf(ctx, enclosed(collected.sheets))
    files.insert(0, (cover_letter.NAME, letter))
    not_kept = [export.title for export in collected.missing]
    head = manifest.manifest_bytes(ctx, files, not_kept)
    _step(progress, 6)
    return Package(ctx, [(manifest.NAME, head), *files], not_kept, _all_empty(collected.sheets))


def target_path(out: str | Path, period: Period, bin_: str) -> Path:
    """`out` itself, or the package's own name inside `out` when it is a folder."""
    path = Path(out).expanduser()
    if path.is_dir():
        return path / period.file_name(bin_)
    return path


def write_package(package: Package, out: str | Path, progress: Progress | None = None) -> Path:
    ctx = package.context
    path = target_path(out, ctx.period, ctx.organisation.bin)
    written = write_whole(path, package.files, ctx.as_of)
    if progress is not None:
        progress(STEPS, STEPS)
    return written


def build_package(
    session: Session,
    period: Period,
    out: str | Path,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> tuple[Path, Package]:
    """Build and write the package; `today` is the day the figures stand at, if in the period."""
    package = make_package(session, period, today or dt.date.today(), progress)
    return write_package(package, out, progress), package


def preview_pdf(
    session: Session, period: Period, today: dt.date, name: str, lang: str = "both"
) -> bytes:
    """One of `DOCUMENTS` in `lang` (kk, ru or both), as the package would hold it."""
    ctx = load_context(session, period, today)
    if name == ROADMAP_NAME:
        return roadmap_pdf(ctx, roadmap(session, period.start, ctx.as_of), lang)
    if name == indicators_report.PDF_NAME:
        rows = indicators_report.indicator_rows(session, ctx)
        return indicators_report.indicators_pdf(ctx, rows, lang)
    collected = collect_sheets(session, period.start, ctx.as_of)
    return cover_letter.cover_letter_pdf(ctx, enclosed(collected.sheets), lang)
