"""A gas test keeps the limits it was judged by: the printed permit, its Excel sheet and the
permit window judge and title the readings by them, not by the limits in force when
printed. A signed permit reprinted after the employer edited the limits must not change.

Real SQLite files, real PDFs read back with pypdf."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from safedesk.db.engine import Database
from safedesk.db.models import PermitGasLimit, PermitGasTest
from safedesk.db.organisation import OrganisationFields, save_organisation
from safedesk.db.permit_entries import GasTestFields, add_gas_test
from safedesk.db.permit_exports import gas_tests_sheet
from safedesk.db.permit_reference import gas_limits, update_gas_limit
from safedesk.db.permit_steps import take_step
from safedesk.db.permit_work import record_briefing
from safedesk.db.permits import create_permit
from safedesk.domain.permit_gas import (
    GAS_LABELS,
    Gas,
    GasLimit,
    describe_limits,
    limits_of,
    stored_limits,
)
from safedesk.domain.permits import Action, PermitType
from safedesk.forms.pdf import permit as form
from safedesk.forms.pdf.registry import render_form
from safedesk.forms.pdf.text import Texts, decimal

sys.path.insert(0, str(Path(__file__).parent.parent / "db"))
from permits_setup import END, START, Staff, confined_space, staff

AIR = {Gas.O2: "20.6", Gas.LEL: "0", Gas.CO: "3", Gas.H2S: "0"}
# The seeded limits (resources/reference/permits.json) and the same with CO made stricter:
# the 3 ppm of AIR is then out of range.
SEEDED_CO = GasLimit(Gas.CO, None, 17.1)
STRICT_CO = GasLimit(Gas.CO, None, 2.0)


@pytest.fixture
def st(db: Database) -> Staff:
    return staff(db)


def text_of(path: Path) -> str:
    """The PDF's text with every run of white space made one space (lines wrap anywhere)."""
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def printed(db: Database, pid: int, lang: str, tmp_path: Path, tag: str = "") -> str:
    out = tmp_path / f"permit-{pid}-{lang}{tag}.pdf"
    with db.session() as s:
        render_form(s, "permit", pid, out, lang)
    return text_of(out)


def set_co(db: Database, limit: GasLimit) -> None:
    with db.write() as s:
        row_id = s.scalars(select(PermitGasLimit.id).where(PermitGasLimit.gas == "co")).one()
        update_gas_limit(
            s, row_id, None, low=limit.low, high=limit.high, low_inclusive=limit.low_inclusive,
            high_inclusive=limit.high_inclusive, legal_basis="Решение работодателя № 7",
        )  # fmt: skip


def limits_with(co: GasLimit, db: Database) -> dict[Gas, GasLimit]:
    with db.session() as s:
        return {**gas_limits(s), Gas.CO: co}


def limits_text(limits: dict[Gas, GasLimit], t: Texts) -> str:
    """'O₂, % 19,5 – 23,5; LEL, % < 10; …' as the form's first language writes it."""
    first = t.languages[0]
    return describe_limits(
        limits, lambda g: t.get(first, GAS_LABELS[g]), lambda v: decimal(v, first)
    )


def title(lang: str, limits: dict[Gas, GasLimit]) -> str:
    t = Texts(lang)
    return t.get(lang, form.GAS, limits=limits_text(limits, t))


def record(db: Database, st: Staff, pid: int, at: dt.datetime, values: dict[Gas, str]) -> None:
    with db.write() as s:
        add_gas_test(
            s, pid, GasTestFields(at, values, "люк Л-1", st.ids["admitter"], "X-am 2500 № 17"),
            now=at,
        )  # fmt: skip


def worked(db: Database, st: Staff) -> int:
    """A gas-hazardous permit issued, briefed, tested at START (AIR) and admitted: open."""
    with db.write() as s:
        save_organisation(
            s, OrganisationFields("«Шығыс Мыс» ЖШС", "ТОО «Шыгыс Мыс»", "940140000385")
        )
        pid = create_permit(s, confined_space(st, type=PermitType.GAS_HAZARDOUS, isolations=[])).id
        take_step(
            s, pid, None, Action.ISSUE, at=START - dt.timedelta(hours=1),
            signed_by_id=st.ids["issuer"],
        )  # fmt: skip
        record_briefing(s, pid, st.ids["admitter"], START)
    record(db, st, pid, START, AIR)
    with db.write() as s:
        take_step(s, pid, None, Action.ACTIVATE, at=START + dt.timedelta(minutes=5))
    return pid


def close(db: Database, st: Staff, pid: int) -> None:
    with db.write() as s:
        take_step(
            s, pid, None, Action.CLOSE, at=END, work_finished=True, crew_withdrawn=True,
            reported_to="Диспетчер Омаров Б.", signed_by_id=st.ids["supervisor"],
        )  # fmt: skip


def test_a_test_keeps_the_limits_it_was_judged_by(db: Database, st: Staff) -> None:
    pid = worked(db, st)
    seeded = limits_with(SEEDED_CO, db)
    set_co(db, STRICT_CO)
    record(db, st, pid, START + dt.timedelta(hours=2), AIR)
    with db.session() as s:
        first, second = s.scalars(select(PermitGasTest).order_by(PermitGasTest.taken_at))
        assert first.limits == stored_limits(seeded)
        assert limits_of(first.limits) == seeded and first.within_limits
        assert limits_of(second.limits)[Gas.CO] == STRICT_CO and not second.within_limits


@pytest.mark.parametrize("lang", ["ru", "kk", "both"])
def test_a_reprint_after_the_limits_are_edited_is_the_same_form(
    db: Database, st: Staff, tmp_path: Path, lang: str
) -> None:
    pid = worked(db, st)
    close(db, st, pid)
    seeded = limits_with(SEEDED_CO, db)
    before = printed(db, pid, lang, tmp_path, "-before")
    set_co(db, STRICT_CO)
    after = printed(db, pid, lang, tmp_path, "-after")
    assert after == before
    first = Texts(lang).languages[0]
    assert title(first, seeded) in after  # the limits of the day, ≤ 17,1
    assert "(!)" not in after  # CO 3 was within them
    assert "≤ 2" not in after


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_tests_judged_by_different_limits_are_each_marked_by_their_own(
    db: Database, st: Staff, tmp_path: Path, lang: str
) -> None:
    pid = worked(db, st)  # 09:00, CO 3 against ≤ 17,1: within
    seeded, strict = limits_with(SEEDED_CO, db), limits_with(STRICT_CO, db)
    set_co(db, STRICT_CO)
    record(db, st, pid, START + dt.timedelta(hours=2), {**AIR, Gas.CO: "1"})  # 11:00, within
    record(db, st, pid, START + dt.timedelta(hours=3), AIR)  # 12:00, CO 3 against ≤ 2: out
    close(db, st, pid)
    text = printed(db, pid, lang, tmp_path)
    t = Texts(lang)
    # Only the 12:00 reading is marked: the 09:00 one was judged by the limits of its day.
    assert text.count("(!)") == 1
    assert "3 (!)" in text
    # No single set of limits in the title: each is named under the table with its tests.
    assert title(lang, seeded) not in text and title(lang, strict) not in text
    assert f"— 01.06.2026 09:00: {limits_text(seeded, t)}" in text
    assert f"— 01.06.2026 11:00 – 01.06.2026 12:00: {limits_text(strict, t)}" in text
    assert t.get(lang, form.GAS_NO_LIMITS) in text
    assert t.get(lang, form.GAS_LIMITS_CHANGED) in text
    # A closed permit has no tests to come: no word of the limits in force now.
    assert t.get(lang, form.GAS_LIMITS_NOW) not in text


def test_an_open_permit_names_the_limits_its_next_tests_are_judged_by(
    db: Database, st: Staff, tmp_path: Path
) -> None:
    pid = worked(db, st)
    seeded, strict = limits_with(SEEDED_CO, db), limits_with(STRICT_CO, db)
    set_co(db, STRICT_CO)
    text = printed(db, pid, "ru", tmp_path)
    t = Texts("ru")
    assert title("ru", seeded) in text and "(!)" not in text
    assert limits_text(strict, t) in text
    assert f"{t.get('ru', form.GAS_LIMITS_NOW)} — {limits_text(strict, t)}" in text


def test_a_permit_without_tests_shows_the_limits_its_first_test_will_be_judged_by(
    db: Database, st: Staff, tmp_path: Path
) -> None:
    with db.write() as s:
        save_organisation(
            s, OrganisationFields("«Шығыс Мыс» ЖШС", "ТОО «Шыгыс Мыс»", "940140000385")
        )
        pid = create_permit(s, confined_space(st)).id
    strict = limits_with(STRICT_CO, db)
    set_co(db, STRICT_CO)
    assert title("ru", strict) in printed(db, pid, "ru", tmp_path, "-no-tests")
    # The first test is judged by those limits, and keeps them through the next edit.
    record(db, st, pid, START, {**AIR, Gas.CO: "1"})
    set_co(db, SEEDED_CO)
    assert title("ru", strict) in printed(db, pid, "ru", tmp_path, "-one-test")


def test_the_excel_sheet_gives_the_limits_of_the_verdict(db: Database, st: Staff) -> None:
    pid = worked(db, st)
    set_co(db, STRICT_CO)
    record(db, st, pid, START + dt.timedelta(hours=2), AIR)
    with db.session() as s:
        sheet = gas_tests_sheet(s, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    at = sheet.headers.index("Limits applied")
    verdict = sheet.headers.index("Within limits")
    first, second = sheet.rows
    assert (first[verdict], second[verdict]) == ("yes", "no")
    assert "co ≤ 17.1" in str(first[at]) and "o2 19.5 – 23.5" in str(first[at])
    assert "co ≤ 2" in str(second[at])
