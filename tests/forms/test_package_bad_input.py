"""Bad input to the package: no organisation, a wrong period, a folder that is not there,
a cancelled build, an empty period, a year outside the roadmap — told, never half-written."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from safedesk.db.engine import Database
from safedesk.db.organisation import OrganisationFields, save_organisation
from safedesk.db.package_checks import Severity, package_findings, year_finding
from safedesk.errors import SafeDeskError
from safedesk.forms.package.build import Cancelled, build_package
from safedesk.forms.package.context import Period
from safedesk.forms.package.verify import verify_package

TODAY = dt.date(2026, 3, 2)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder for packages only (the test's database lives beside it)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def organised(db: Database) -> Database:
    with db.write() as s:
        save_organisation(s, OrganisationFields("«Шығыс» ЖШС", "ТОО «Шыгыс»", "940140000385"))
    return db


def test_no_organisation_card_is_a_clear_error(db: Database, out: Path) -> None:
    with db.session() as s, pytest.raises(SafeDeskError, match="organisation card"):
        build_package(s, Period(2025), out, TODAY)
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("year, quarter", [(2025, 5), (2025, 0), (1900, None)])
def test_a_wrong_period_is_refused(year: int, quarter: int | None) -> None:
    with pytest.raises(SafeDeskError):
        Period(year, quarter)


def test_quarters_and_the_year_so_far() -> None:
    q2 = Period(2026, 2)
    assert (q2.start, q2.end) == (dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    assert Period(2026, 4).end == dt.date(2026, 12, 31)
    assert Period(2026).last_day_counted(dt.date(2026, 5, 20)) == dt.date(2026, 5, 20)
    assert Period(2026).last_day_counted(dt.date(2027, 1, 5)) == dt.date(2026, 12, 31)


def test_a_missing_folder_is_told_and_nothing_written(organised: Database, out: Path) -> None:
    target = out / "absent" / "package.zip"
    with organised.session() as s, pytest.raises(SafeDeskError, match="does not exist"):
        build_package(s, Period(2025), target, TODAY)
    assert not target.parent.exists()


def test_a_cancelled_build_leaves_nothing(organised: Database, out: Path) -> None:
    for stop_at in range(7):

        def progress(done: int, total: int, stop_at: int = stop_at) -> bool:
            return done < stop_at

        with organised.session() as s, pytest.raises(Cancelled):
            build_package(s, Period(2025), out, TODAY, progress)
    assert list(out.iterdir()) == []


def test_a_failed_write_keeps_the_old_package_and_leaves_no_part_file(
    organised: Database, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = out / "940140000385_2025.zip"
    target.write_bytes(b"the package sent last time")

    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("safedesk.forms.package.archive.os.fsync", full_disk)
    with organised.session() as s, pytest.raises(SafeDeskError, match="No space left"):
        build_package(s, Period(2025), out, TODAY)
    assert target.read_bytes() == b"the package sent last time"
    assert [p.name for p in out.iterdir()] == [target.name]


def test_an_empty_period_builds_and_says_so(organised: Database, out: Path) -> None:
    with organised.session() as s:
        path, package = build_package(s, Period(2025), out, TODAY)
        findings = package_findings(s, 2025, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert package.empty
    assert verify_package(path) is None
    with zipfile.ZipFile(path) as z:
        assert "registers.xlsx" in z.namelist()
    assert findings[0].severity is Severity.ERROR
    pages = {f.page or f.register for f in findings}
    assert {"responsible", "employees"} <= pages


def test_a_year_outside_the_roadmap_warns_and_still_builds(organised: Database, out: Path) -> None:
    assert year_finding(2024) and year_finding(2031) and not year_finding(2025)
    with organised.session() as s:
        path, _package = build_package(s, Period(2024), out, TODAY)
    assert path.name == "940140000385_2024.zip" and verify_package(path) is None
