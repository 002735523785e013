"""The near-miss, observation and accident registers exported to Excel and read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from safedesk.db.accidents import AccidentFields, VictimFields, register_accident
from safedesk.db.near_misses import NearMissFields, report_near_miss
from safedesk.db.observations import ObservationFields, add_observation
from safedesk.domain.accidents import KAZAKHSTAN
from safedesk.forms.xlsx_sheet import Sheet, write_sheet
from safedesk.ui.main_window import MainWindow
from safedesk.ui.pages.accidents import AccidentsPage
from safedesk.ui.pages.near_misses import NearMissesPage
from safedesk.ui.pages.observations import ObservationsPage

NOW = dt.datetime(2026, 6, 10, 9, 0, tzinfo=dt.UTC)


def _near_miss(**kw: object) -> NearMissFields:
    values: dict[str, object] = dict(
        occurred_at=NOW - dt.timedelta(hours=2),
        unit_id=1,
        category="unsafe_condition",
        severity="serious",
        description="Открытый люк",
    )
    values.update(kw)
    return NearMissFields(**values)  # type: ignore[arg-type]


def test_near_misses_export_keeps_the_anonymous_and_the_filter(
    window: MainWindow, tmp_path: Path
) -> None:
    assert window.db is not None
    with window.db.write() as s:
        report_near_miss(s, _near_miss(anonymous=True), NOW)
        report_near_miss(s, _near_miss(reporter_id=2, category="unsafe_act"), NOW)
    page = window.show_page("near_misses")
    assert isinstance(page, NearMissesPage)
    page.export(str(tmp_path / "all.xlsx"))
    sheet = load_workbook(tmp_path / "all.xlsx").active
    assert sheet is not None
    head = [c.value for c in sheet[1]]
    assert head[:3] == ["Date and time", "Unit", "Category"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:I3"
    assert sheet.cell(2, 1).value == dt.datetime(2026, 6, 10, 12, 0)  # local time, a real date
    assert sheet.cell(2, 1).number_format == "DD.MM.YYYY HH:MM"
    assert {sheet.cell(r, 6).value for r in (2, 3)} == {"Ахметов Ерлан", "Anonymous"}
    assert {sheet.cell(r, 3).value for r in (2, 3)} == {"Unsafe act", "Unsafe condition"}
    page.category_filter.setCurrentIndex(page.category_filter.findData("unsafe_act"))
    page.export(str(tmp_path / "acts.xlsx"))
    acts = load_workbook(tmp_path / "acts.xlsx").active
    assert acts is not None and acts.max_row == 2 and acts.cell(2, 3).value == "Unsafe act"


def test_observations_export_real_numbers_and_dates(window: MainWindow, tmp_path: Path) -> None:
    assert window.db is not None
    with window.db.write() as s:
        add_observation(
            s,
            ObservationFields(
                observed_on=dt.date(2026, 6, 9),
                unit_id=1,
                observer_id=1,
                people_observed=4,
                counts={"ppe": (3, 1)},
                conversation_held=True,
            ),
            dt.date(2026, 6, 10),
        )
    page = window.show_page("observations")
    assert isinstance(page, ObservationsPage)
    page.export(str(tmp_path / "obs.xlsx"))
    sheet = load_workbook(tmp_path / "obs.xlsx").active
    assert sheet is not None
    row = [c.value for c in sheet[2]]
    assert row[0] == dt.datetime(2026, 6, 9) and sheet.cell(2, 1).number_format == "DD.MM.YYYY"
    assert row[4:9] == [4, 3, 1, 25, "yes"]


def test_accidents_export_lists_victims_with_iin_as_text(
    window: MainWindow, tmp_path: Path
) -> None:
    assert window.db is not None
    when = dt.datetime(2026, 5, 22, 18, 0, tzinfo=KAZAKHSTAN)
    with window.db.write() as s:
        register_accident(
            s,
            AccidentFields(when, 1, "light", [VictimFields(employee_id=3, days_lost=4)]),
            now=dt.datetime(2026, 6, 1, tzinfo=dt.UTC),
        )
    page = window.show_page("accidents")
    assert isinstance(page, AccidentsPage)
    page.export(str(tmp_path / "acc.xlsx"))
    book = load_workbook(tmp_path / "acc.xlsx")
    register, victims = book.worksheets
    assert register.cell(2, 2).value == "2026-1" and register.cell(2, 4).value == "Light"
    assert register.cell(2, 1).value == dt.datetime(2026, 5, 22, 18, 0)
    assert [c.value for c in victims[1]][:4] == [
        "Register No.",
        "Date and time",
        "Full name",
        "IIN",
    ]
    iin = victims.cell(2, 4)
    assert iin.value == "061211600012" and iin.data_type == "s" and iin.number_format == "@"
    assert victims.cell(2, 9).value == 4 and victims.freeze_panes == "A2"


def test_a_sheet_keeps_text_dates_and_fixed_properties(tmp_path: Path) -> None:
    rows: list[list[object]] = [["061211600012", dt.date(2026, 1, 2)], [None, None]]
    sheet = Sheet("T", ["IIN", "Day"], rows, (15, 12), frozenset({0}))
    book = load_workbook(write_sheet(sheet, tmp_path / "a.xlsx", dt.date(2026, 1, 2)))
    assert (
        book.properties.created == dt.datetime(2026, 1, 2) and book.properties.creator == "SafeDesk"
    )
    read = book.active
    assert read is not None and read.cell(2, 1).value == "061211600012"
    assert read.cell(2, 2).number_format == "DD.MM.YYYY" and read.column_dimensions["A"].width == 15
