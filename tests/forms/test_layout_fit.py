"""Layout of printed forms read back: text stays in its cell, signatures stay with the table.

Positions come from pypdf's `visitor_text`: the text matrix `tm` combined with the current
matrix `cm` gives where each run of text starts on the page.
"""

from __future__ import annotations

import datetime as dt
import io
from types import SimpleNamespace
from typing import Any

import pytest
from pypdf import PdfReader

from safedesk.db.ppe_due import DueLine
from safedesk.domain.permits import PERMIT_STATE_LABELS, PERMIT_TYPE_LABELS
from safedesk.domain.ppe import DueStatus, Wear
from safedesk.forms.pdf import parts
from safedesk.forms.pdf.fonts import REGULAR, register_fonts
from safedesk.forms.pdf.grid import CELL_PADDING, GridColumn, grid
from safedesk.forms.pdf.page import Orientation, frame_width
from safedesk.forms.pdf.parts import Letterhead
from safedesk.forms.pdf.permit_journal import COLUMNS as JOURNAL_COLUMNS
from safedesk.forms.pdf.ppe_sheet import HEAD_OF_UNIT, ISSUED_BY, sheet_pdf
from safedesk.forms.pdf.styles import make_styles
from safedesk.forms.pdf.text import Texts
from safedesk.forms.pdf.wrap import fit_text, fit_word, fitted

LEFT = 50.0
FRAME_PADDING = 6.0  # a SimpleDocTemplate's frame pads its flowables
LONG_WORDS = (
    "Ремонтно-механический",
    "Административно-хозяйственный",
    "погрузочно-доставочной",
    "Электрослесарь",
    "противоаэрозольный",
    "Жөндеу-механикалық",
    "қондырғылары",
    "Кремнийсодержащая",
)


def _width(text: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register_fonts()
    return float(stringWidth(text, REGULAR, size))


def runs(pdf: bytes) -> list[tuple[int, float, float, str, float]]:
    """(page, x, y, text, size) of every run of text drawn."""
    out: list[tuple[int, float, float, str, float]] = []
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages):

        def visit(text: str, cm: Any, tm: Any, _font: Any, size: float, n: int = number) -> None:
            if text.strip():
                x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
                y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
                out.append((n, x, y, text.strip(), size * (cm[0] or 1) * (tm[0] or 1)))

        page.extract_text(visitor_text=visit)
    return out


def build(story: list[Any]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=LEFT, rightMargin=LEFT)
    doc.build(story)
    return buf.getvalue()


@pytest.mark.parametrize("word", LONG_WORDS)
@pytest.mark.parametrize("room", [22.0, 35.0, 50.0, 70.0])
def test_every_piece_of_a_long_word_fits(word: str, room: float) -> None:
    pieces = fit_word(word, REGULAR, 7.5, room)
    assert all(_width(p, 7.5) <= room for p in pieces), pieces
    # Nothing lost or added but the hyphen marks at syllable breaks.
    joined = "".join(p[:-1] if p.endswith("-") and not word.count(p) else p for p in pieces)
    assert joined.replace("-", "") == word.replace("-", "")


def test_a_compound_word_breaks_at_its_hyphen_first() -> None:
    assert fit_word("Ремонтно-механический", REGULAR, 7.5, 60) == ["Ремонтно-", "механический"]
    assert fit_word("Жөндеу-механикалық", REGULAR, 7.5, 60) == ["Жөндеу-", "механикалық"]
    # A word without a hyphen is split between syllables, with a hyphen at the break.
    assert fit_word("Электрослесарь", REGULAR, 7.5, 45) == ["Электро-", "слесарь"]
    # A word that fits, and numbers, stay as they are.
    assert fit_text("Сдал 4-БТ/1", REGULAR, 7.5, 60) == "Сдал 4-БТ/1"


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_long_words_in_a_narrow_grid_column_stay_inside_it(lang: str) -> None:
    register_fonts()
    t = Texts(lang)
    width = 400.0
    columns = [
        GridColumn("No.", 0.06),
        GridColumn("Unit", 0.12),  # about 45 points: 'Ремонтно-механический' is 80
        GridColumn("Result", 0.1),
        GridColumn("Rest", 0.72),
    ]
    rows = [[str(i), f"{w} цех", "Сдал", "—"] for i, w in enumerate(LONG_WORDS, 1)]
    pdf = build([grid(t, width, columns, rows, size=7.5)])
    bounds, x = [], LEFT + FRAME_PADDING
    for c in columns:
        w = width * c.share
        bounds.append((x, x + w))
        x += w
    body = [r for r in runs(pdf) if abs(r[4] - 7.5) < 0.01]  # heads are smaller
    found = set()
    for _page, x0, _y, text, _size in body:
        column = next(i for i, (a, b) in enumerate(bounds) if a - 0.5 <= x0 < b)
        right = x0 + _width(text, 7.5)
        assert right <= bounds[column][1] - CELL_PADDING / 2 + 0.5, (text, column)
        found.add(text)
    assert "Ремонтно-" in found  # broken after its hyphen
    assert found >= {"Сдал"}


def test_fitted_paragraph_fits_the_width_it_is_given() -> None:
    style = make_styles(8).left
    p = fitted("Противоаэрозольный Ремонтно-механический", style)
    p.wrap(50, 1000)
    lines = [" ".join(words) for _gap, words in p.blPara.lines]
    assert all(_width(line, 8) <= 50 for line in lines), lines
    assert "Ремонтно-" in lines


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_permit_journal_type_and_state_columns_hold_their_words(lang: str) -> None:
    t = Texts(lang)
    width = frame_width(Orientation.LANDSCAPE)
    total = sum(c.share for c in JOURNAL_COLUMNS)
    share = {c.title: c.share for c in JOURNAL_COLUMNS}
    for title, labels in (("Type", PERMIT_TYPE_LABELS), ("State", PERMIT_STATE_LABELS)):
        room = width * share[title] / total - CELL_PADDING
        for label in labels.values():
            for word in t.get(lang, label).split():
                assert _width(word, 7) <= room, (title, word)


def _line(n: int) -> DueLine:
    return DueLine(
        employee_id=n,
        person=f"Person{n:03d} Жөндеушіұлы",
        short_person=f"Person{n:03d}",
        iin="",
        personnel_no=f"{n:05d}",
        unit_id=1,
        unit="",
        position="",
        item_id=1,
        item="",
        item_kk="Жалпы өндірістік ластанудан қорғайтын мақта-мата костюм",
        item_ru="Костюм хлопчатобумажный для защиты от общих производственных загрязнений",
        size="46-48",
        sized=True,
        quantity=1,
        status=DueStatus.OVERDUE,
        due=dt.date(2026, 1, 1),
        last_issued=dt.date(2025, 1, 1),
        wear=Wear.MONTHS,
        wear_months=12,
        issue_id=None,
    )


@pytest.mark.parametrize("lang", ["kk", "both"])
def test_issue_sheet_signatures_stay_with_the_last_rows(lang: str) -> None:
    head = Letterhead("«Шығыс» ЖШС", "ТОО «Шыгыс»", "940140000385")
    t = Texts(lang)
    labels = [t.get(t.languages[0], m).split()[0] for m in (ISSUED_BY, HEAD_OF_UNIT)]
    for count in range(6, 30):
        lines = [_line(n) for n in range(1, count + 1)]
        pdf = sheet_pdf(head, ("Учаске", "Участок"), lines, dt.date(2026, 11, 28), lang)
        found = runs(pdf)
        last_row = {page for page, _x, _y, text, _s in found if f"Person{count:03d}" in text}
        signed = {page for page, _x, _y, text, _s in found if text.split()[0] in labels}
        assert len(last_row) == 1, count
        assert signed == last_row, (count, signed, last_row)


def test_signatures_in_a_row_have_their_lines_level() -> None:
    t = Texts("kk")
    s = make_styles(9, justify=False)
    positions = ["Бөлімше басшысы", "ЖҚҚ беруге<br/>жауапты тұлға"]
    table = parts.signatures_in_row(t, s, 480, [(p, "") for p in positions])
    pdf = build([table])
    captions = [y for _p, _x, y, text, _s in runs(pdf) if text == "(қолы)"]
    assert len(captions) == 2
    assert abs(captions[0] - captions[1]) < 0.5


def test_the_seal_stands_beside_the_chairs_signature() -> None:
    from safedesk.forms.pdf.certificate_cards import _signature

    t = Texts("ru")
    s = make_styles(7.5, justify=False)
    data = SimpleNamespace(chair=SimpleNamespace(short_name="Ткаченко Т.Р."), external_body="")
    pdf = build([_signature(data, t, s, "ru", 250)])  # type: ignore[arg-type]
    found = {text: (x, y) for _p, x, y, text, _s in runs(pdf)}
    seal = next(v for k, v in found.items() if k.startswith("(М"))
    name = found["Ткаченко Т.Р."]
    caption = found["(подпись)"]
    assert seal[0] > name[0]  # to the right of the name
    assert seal[1] > caption[1]  # not a caption under the line
