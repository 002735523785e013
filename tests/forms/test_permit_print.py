"""The printed permit as people sign it: the legal basis in the form's language, every
section by its number, column heads inside their columns, decimal commas, and the gate
naming a certificate by its name. Real SQLite files, real PDFs read back with pypdf."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from safedesk.db.engine import Database
from safedesk.db.models import Permit, PermitTypeRule
from safedesk.db.permit_entries import GasTestFields, add_gas_test
from safedesk.db.permit_facts import gate_reasons
from safedesk.db.permit_steps import GateRefused, take_step
from safedesk.db.permit_work import record_briefing
from safedesk.db.permits import create_permit
from safedesk.domain.permit_gas import Gas
from safedesk.domain.permit_gate import GateCode
from safedesk.domain.permits import Action, PermitType
from safedesk.errors import render
from safedesk.forms.pdf import permit as form
from safedesk.forms.pdf.grid import CELL_PADDING
from safedesk.forms.pdf.permit_data import load_permit
from safedesk.forms.pdf.registry import render_form
from safedesk.forms.pdf.text import Texts, decimal
from safedesk.i18n import set_language

sys.path.insert(0, str(Path(__file__).parent.parent / "db"))
from permits_setup import END, START, Staff, active_permit, confined_space, staff

AIR = {Gas.O2: "20.6", Gas.LEL: "0", Gas.CO: "3", Gas.H2S: "0"}
SECTIONS = (
    form.ROLES,
    form.HAZARDS,
    form.MEASURES,
    form.PPE,
    form.ISOLATIONS,
    form.CREW,
    form.GAS_NO_LIMITS,
    form.SHIFTS,
    form.EXTENSIONS,
    form.CLOSURE,
)


@pytest.fixture
def st(db: Database) -> Staff:
    return staff(db)


def text_of(path: Path) -> str:
    """The PDF's text with every run of white space made one space (lines wrap anywhere)."""
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def printed(db: Database, pid: int, lang: str, tmp_path: Path) -> str:
    out = tmp_path / f"permit-{pid}-{lang}.pdf"
    with db.session() as s:
        render_form(s, "permit", pid, out, lang)
    return text_of(out)


def closed_without_isolations(db: Database, st: Staff) -> int:
    """A gas-hazardous permit (no isolation needed), worked and closed, never extended."""
    fields = confined_space(st, type=PermitType.GAS_HAZARDOUS, isolations=[])
    with db.write() as s:
        from safedesk.db.organisation import OrganisationFields, save_organisation

        save_organisation(
            s, OrganisationFields("«Шығыс Мыс» ЖШС", "ТОО «Шыгыс Мыс»", "940140000385")
        )
        pid = create_permit(s, fields).id
        take_step(
            s, pid, None, Action.ISSUE, at=START - dt.timedelta(hours=1),
            signed_by_id=st.ids["issuer"],
        )  # fmt: skip
        record_briefing(s, pid, st.ids["admitter"], START)
        add_gas_test(
            s, pid, GasTestFields(START, AIR, "люк Л-1", st.ids["admitter"], "X-am 2500 № 17"),
            now=START,
        )  # fmt: skip
        take_step(s, pid, None, Action.ACTIVATE, at=START + dt.timedelta(minutes=5))
        take_step(
            s, pid, None, Action.CLOSE, at=END, work_finished=True, crew_withdrawn=True,
            reported_to="Диспетчер Омаров Б.", signed_by_id=st.ids["supervisor"],
        )  # fmt: skip
    return pid


# -- 1. the legal basis --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "title"),
    [
        (
            "ru",
            "«Правила оформления и применения нарядов-допусков при производстве работ в "
            "условиях повышенной опасности», приказ Министра труда и социальной защиты "
            "населения Республики Казахстан от 28.08.2020 № 344",
        ),
        ("kk", "наряд-рұқсаттарды ресімдеу және қолдану қағидалары"),
    ],
)
def test_the_basis_prints_in_the_form_language(
    db: Database, st: Staff, tmp_path: Path, lang: str, title: str
) -> None:
    text = printed(db, active_permit(db, st), lang, tmp_path)
    assert title in text
    assert "[sec]" not in text
    assert "Rules of issuing" not in text and "Minister of Labour" not in text
    # The edition is the act's own date: it is not printed a second time.
    assert "(28.08.2020)" not in text


def test_a_basis_the_user_typed_prints_as_typed_without_marks(
    db: Database, st: Staff, tmp_path: Path
) -> None:
    pid = active_permit(db, st)
    with db.write() as s:
        rule = s.scalars(select(PermitTypeRule).where(PermitTypeRule.code == "confined_space"))
        row = rule.one()
        row.legal_basis = "Стандарт предприятия СТ-12 [sec]"
        row.edition = dt.date(2025, 3, 1)
    text = printed(db, pid, "ru", tmp_path)
    assert "Основание: Стандарт предприятия СТ-12 (редакция от 01.03.2025)" in text
    assert "[sec]" not in text


# -- 3. every section, numbered 1 to 10 ---------------------------------------------------
def section_numbers(text: str, lang: str) -> list[int]:
    t = Texts(lang)
    found: list[tuple[int, int]] = []
    for msgid in SECTIONS:
        titles = [t.get(lang, msgid)]
        if msgid == form.GAS_NO_LIMITS:  # with its limits when the type needs gas tests
            titles.append(t.get(lang, form.GAS, limits="").split(" (")[0])
        at = max(text.find(title) for title in titles)
        assert at >= 0, titles
        found.append((at, int(titles[0].split(".", 1)[0])))
    return [number for _at, number in sorted(found)]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_every_section_prints_in_order_when_some_are_empty(
    db: Database, st: Staff, tmp_path: Path, lang: str
) -> None:
    text = printed(db, closed_without_isolations(db, st), lang, tmp_path)
    assert section_numbers(text, lang) == list(range(1, 11))
    t = Texts(lang)
    # Section 5 (no isolation for this type) and 9 (never extended) say why they are empty.
    assert "— " + t.get(lang, form.NOT_REQUIRED) in text
    assert "— " + t.get(lang, form.NONE) in text


def test_a_type_without_gas_tests_keeps_section_7(db: Database, st: Staff, tmp_path: Path) -> None:
    pid = active_permit(db, st)
    with db.session() as s:
        data = dataclasses.replace(load_permit(s, pid), gas_required=False, gas_tests=())
    out = tmp_path / "no-gas.pdf"
    out.write_bytes(form.permit_pdf(data, "ru"))
    text = text_of(out)
    t = Texts("ru")
    assert f"{t.get('ru', form.GAS_NO_LIMITS)} — {t.get('ru', form.NOT_REQUIRED)}" in text
    assert section_numbers(text, "ru") == list(range(1, 11))


# -- 2. column heads inside their columns ------------------------------------------------
def tables(story: list[Any]) -> Iterator[Any]:
    from reportlab.platypus import KeepTogether, Table

    for flowable in story:
        if isinstance(flowable, KeepTogether):
            yield from tables(flowable._content)
        elif isinstance(flowable, Table):
            yield flowable


@pytest.mark.parametrize("lang", ["kk", "ru", "both"])
@pytest.mark.parametrize("kind", [PermitType.CONFINED_SPACE, PermitType.ELECTRICAL])
def test_every_column_head_fits_its_column(
    db: Database, st: Staff, lang: str, kind: PermitType
) -> None:
    from reportlab.platypus import Paragraph

    from safedesk.forms.pdf.fonts import register_fonts

    register_fonts()
    pid = active_permit(db, st)
    with db.session() as s:
        data = dataclasses.replace(load_permit(s, pid), type=kind)
    heads = 0
    grids = [t for t in tables(form.permit_story(data, Texts(lang))) if t.repeatRows == 2]
    assert len(grids) == 6  # roles, isolations, crew, gas tests, shifts, extensions
    for table in grids:
        for head, width in zip(table._cellvalues[0], table._colWidths, strict=True):
            assert isinstance(head, Paragraph), head  # a plain string never wraps
            # The longest word of the head, at the size it is set in, inside the padding.
            assert head.minWidth() <= width - CELL_PADDING + 0.01, (head.text, width)
            heads += 1
    assert heads >= 40


def test_the_crew_heads_need_no_smaller_type_in_russian(db: Database, st: Staff) -> None:
    """'Подпись инструктирующего' fits at the grid's head size, not by shrinking."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from safedesk.forms.pdf.fonts import BOLD, register_fonts
    from safedesk.forms.pdf.grid import grid_styles
    from safedesk.forms.pdf.page import frame_width

    register_fonts()
    pid = active_permit(db, st)
    with db.session() as s:
        data = load_permit(s, pid)
    t = Texts("ru")
    columns, _rows = form._crew(data, t)
    total = sum(c.share for c in columns)
    size = grid_styles(7)[1].fontSize
    for column in columns:
        room = frame_width() * column.share / total - CELL_PADDING
        for word in t.get("ru", column.title).split():
            assert stringWidth(word, BOLD, size) <= room, (word, room)


# -- 4. gas tests: the place, decimal commas ---------------------------------------------
@pytest.mark.parametrize("lang", ["kk", "ru", "both"])
def test_readings_and_limits_print_with_a_decimal_comma(
    db: Database, st: Staff, tmp_path: Path, lang: str
) -> None:
    text = printed(db, active_permit(db, st), lang, tmp_path)
    assert "20,9" in text and "20.9" not in text
    assert "19,5 – 23,5" in text and "19.5" not in text
    assert "17,1" in text
    assert "люк Л-1" in text  # the place of sampling


def test_decimal() -> None:
    assert decimal(19.5, "ru") == "19,5"
    assert decimal(20.0, "kk") == "20"
    assert decimal(0.35, "both") == "0,35"
    assert decimal(19.5, "en") == "19.5"


# -- 6. the gate names the certificate ---------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "name"),
    [
        ("ru", "Газоопасные работы и замкнутые пространства"),
        ("kk", "Газға қауіпті жұмыстар және шектеулі кеңістіктер"),
        ("en", "Gas-hazardous work and confined spaces"),
    ],
)
def test_a_gate_reason_names_the_certificate_not_its_code(
    db: Database, st: Staff, lang: str, name: str
) -> None:
    # "spare" holds the certificate; "manager" does not, and joins the crew.
    fields = confined_space(st, crew=[st.ref("crew1"), st.ref("manager")])
    with db.write() as s:
        pid = create_permit(s, fields).id
    set_language(lang)
    with db.session() as s:
        permit = s.get(Permit, pid)
        assert permit is not None
        reasons = gate_reasons(s, permit, Action.ISSUE, START - dt.timedelta(hours=1))
    missing = [r for r in reasons if r.code is GateCode.NO_CERTIFICATE]
    assert len(missing) == 1
    shown = render(missing[0].msgid, missing[0].values)
    assert name in shown and "gas_hazardous" not in shown
    with pytest.raises(GateRefused) as refused, db.write() as s:
        take_step(s, pid, None, Action.ISSUE, at=START - dt.timedelta(hours=1))
    message = refused.value.message()
    assert name in message and "gas_hazardous" not in message


def test_no_gate_reason_shows_a_code_in_any_language(db: Database, st: Staff) -> None:
    fields = confined_space(st, crew=[st.ref("manager")])
    with db.write() as s:
        pid = create_permit(s, fields).id
    with db.session() as s:
        permit = s.get(Permit, pid)
        assert permit is not None
        for lang in ("kk", "ru"):
            set_language(lang)
            reasons = gate_reasons(s, permit, Action.ISSUE, START - dt.timedelta(hours=1))
            text = " ".join(render(r.msgid, r.values) for r in reasons)
            assert not re.search(r"\b(gas_hazardous|first_aid|fire_minimum|hot_work)\b", text)
