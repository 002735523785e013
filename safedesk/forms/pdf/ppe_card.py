"""The personal PPE card (жеке карточка / личная карточка учёта СИЗ), both sides on A4.

Front: the employee's details and sizes, and the norm they are entitled to with its
legal basis. Back: one row per issuance — item, certificate, date, quantity, % wear,
the receiver's signature — and what came back; empty rows for the next entries.
Signature cells are left empty: people sign the paper.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from safedesk.domain.ids import Sex
from safedesk.domain.people import SEX_LABELS
from safedesk.domain.ppe import UNIT_LABELS, wear_text
from safedesk.forms.pdf import parts
from safedesk.forms.pdf.page import MM, DocumentInfo, build_pdf, frame_width, write_pdf
from safedesk.forms.pdf.ppe_card_data import CardData, load_card
from safedesk.forms.pdf.ppe_parts import blank_rows, grid, named, small_styles, stacked
from safedesk.forms.pdf.styles import make_styles
from safedesk.forms.pdf.text import Texts, bilingual_field, markup
from safedesk.forms.pdf.wrap import fitted
from safedesk.i18n import N_

TITLE = N_("PERSONAL PPE RECORD CARD No. {number}")
SUBJECT = N_("Personal card of special clothing, footwear and other PPE issued")
FULL_NAME = N_("Full name")
PERSONNEL_NO = N_("Personnel No.")
UNIT = N_("Unit")
PROFESSION = N_("Profession (position)")
HIRED = N_("Date of hire")
TRANSFERRED = N_("Date of transfer to another unit")
SEX = N_("Sex")
HEIGHT = N_("Height")
CLOTHING = N_("Clothing size")
SHOE = N_("Shoe size")
HEAD = N_("Head size")
GLOVE = N_("Glove size")
ENTITLED = N_("Entitled to under the norms:")
EDITION = N_("edition of {date}")
ITEM = N_("Item")
CLAUSE = N_("Clause of the norm")
MEASURE = N_("Unit of measure")
QUANTITY = N_("Quantity")
QTY = N_("Qty")
WEAR_PERIOD = N_("Wear period")
PERSONAL = N_("personal addition")
BACK = N_("Reverse side of the card")
CERTIFICATE = N_("Certificate or declaration of conformity")
ISSUED = N_("Issued")
RETURNED = N_("Returned")
DATE = N_("Date")
WEAR = N_("% wear")
SIGN_RECEIVED = N_("Signature of the receiver")
SIGN_RETURNED = N_("Signatures of the one returning and the one receiving")
HEAD_OF_UNIT = N_("Head of the unit")
STOREKEEPER = N_("Responsible for issuing PPE")
BLANK_ROWS = 8


def _details(data: CardData, t: Texts, s: Any, width: float) -> Any:
    cell, second, _head = small_styles(8)
    lang = t.languages[0]

    def label(msgid: str) -> Any:
        return stacked(t, msgid, second)

    def value(text: str) -> Any:
        return parts.paragraph(f"<b>{markup(text)}</b>", cell)

    sex = t.get(lang, SEX_LABELS[Sex(data.sex)]) if data.sex in ("M", "F") else ""
    if t.bilingual and data.sex in ("M", "F"):
        sex = " / ".join(dict.fromkeys(t.get(x, SEX_LABELS[Sex(data.sex)]) for x in t.languages))
    left = [
        [label(FULL_NAME), value(data.full_name)],
        [label(PERSONNEL_NO), value(data.personnel_no)],
        [label(UNIT), named(t, data.unit.kk, data.unit.ru, cell, second)],
        [label(PROFESSION), named(t, data.position.kk, data.position.ru, cell, second)],
        [label(HIRED), value(t.date(lang, data.hire_date) if data.hire_date else "")],
        [label(TRANSFERRED), ""],
    ]
    right = [
        [label(SEX), value(sex)],
        [label(HEIGHT), value(str(data.height_cm or ""))],
        [label(CLOTHING), value(data.clothing)],
        [label(SHOE), value(data.shoe)],
        [label(HEAD), value(data.head)],
        [label(GLOVE), value(data.glove)],
    ]
    rows = [[*a, "", *b] for a, b in zip(left, right, strict=True)]
    w = width
    return grid(
        rows,
        (w * 0.2, w * 0.38, w * 0.02, w * 0.2, w * 0.2),
        header_rows=0,
        extra=[("GRID", (2, 0), (2, -1), 0, (1, 1, 1)), ("BOX", (2, 0), (2, -1), 0, (1, 1, 1))],
    )


def _norms(data: CardData, t: Texts, width: float) -> list[Any]:
    cell, second, head = small_styles(8)
    story: list[Any] = [parts.spacer(4), stacked(t, ENTITLED, make_styles(9).title)]
    for basis, edition in data.legal_bases:
        kk, ru = bilingual_field(basis)
        shown = dict.fromkeys(markup(t.pick(lang, kk, ru)) for lang in t.languages)
        dated = markup(t.joined(EDITION, date=t.date(t.languages[0], edition)))
        story.append(parts.paragraph(f"{'<br/>'.join(shown)} ({dated})", second))
    rows: list[list[Any]] = [
        [stacked(t, m, head) for m in (ITEM, CLAUSE, MEASURE, QTY, WEAR_PERIOD)]
    ]
    for n in data.norms:
        msgid, values = wear_text(n.wear, n.months)
        item = named(t, n.item.kk, n.item.ru, cell, second)
        if n.personal:
            item.append(stacked(t, PERSONAL, second))
        rows.append(
            [
                item,
                fitted(n.clause, cell),
                stacked(t, UNIT_LABELS[n.unit], cell),
                parts.paragraph(str(n.quantity), cell),
                stacked(t, msgid, cell, **values),
            ]
        )
    w = width
    story.append(parts.spacer(2))
    story.append(grid(rows, (w * 0.5, w * 0.12, w * 0.12, w * 0.1, w * 0.16)))
    return story


def _issues(data: CardData, t: Texts, width: float) -> Any:
    cell, second, _head = small_styles(7.5)
    head = small_styles(6.5)[2]  # long Kazakh words in narrow heads
    standard = small_styles(7)[0]
    lang = t.languages[0]
    top = [
        stacked(t, ITEM, head),
        stacked(t, CERTIFICATE, head),
        stacked(t, ISSUED, head),
        "",
        "",
        "",
        stacked(t, RETURNED, head),
        "",
        "",
        "",
    ]
    sub = ["", ""] + [
        stacked(t, m, head)
        for m in (DATE, QTY, WEAR, SIGN_RECEIVED, DATE, QTY, WEAR, SIGN_RETURNED)
    ]
    rows: list[list[Any]] = [top, sub]
    for x in data.issues:
        item = named(t, x.item.kk, x.item.ru, cell, second)
        if x.size:
            item.append(fitted(x.size, second))
        rows.append(
            [
                item,
                fitted(x.certificate, standard),
                parts.paragraph(t.date(lang, x.issued), cell),
                parts.paragraph(str(x.quantity), cell),
                parts.paragraph("0", cell),
                "",
                parts.paragraph(t.date(lang, x.returned) if x.returned else "", cell),
                parts.paragraph(str(x.returned_quantity or ""), cell),
                parts.paragraph("" if x.wear_percent is None else str(x.wear_percent), cell),
                "",
            ]
        )
    rows += blank_rows(BLANK_ROWS, 10)
    w = width
    # Dates must fit on one line: 17 mm each; the rest shares what is left.
    fixed = [17 * MM, 11 * MM, 11 * MM, 16 * MM, 17 * MM, 11 * MM, 11 * MM]
    rest = w - sum(fixed)
    widths = [rest * 0.37, rest * 0.32, *fixed[:4], *fixed[4:], rest * 0.31]
    spans = [
        ("SPAN", (0, 0), (0, 1)),
        ("SPAN", (1, 0), (1, 1)),
        ("SPAN", (2, 0), (5, 0)),
        ("SPAN", (6, 0), (9, 0)),
    ]
    # Blank rows tall enough to write in by hand.
    heights = [None] * (2 + len(data.issues)) + [7 * MM] * BLANK_ROWS
    table = grid(rows, widths, header_rows=2, extra=spans, row_heights=heights)
    return table


def card_story(data: CardData, t: Texts) -> list[Any]:
    from reportlab.platypus import PageBreak

    s = make_styles(9, justify=False)
    width = frame_width()
    story = parts.letterhead(data.organisation, t, s, width)
    story.append(stacked(t, TITLE, s.heading, number=data.number))
    story.append(parts.spacer(4))
    story.append(_details(data, t, s, width))
    story += _norms(data, t, width)
    story.append(parts.spacer(6))
    # The two signatures side by side: the front stays on one sheet.
    positions = [
        "<br/>".join(dict.fromkeys(markup(t.get(x, m)) for x in t.languages))
        for m in (HEAD_OF_UNIT, STOREKEEPER)
    ]
    signatures = parts.signatures_in_row(t, s, width, [(p, "") for p in positions])
    parts.keep_with_end(story, [signatures])
    story.append(PageBreak())
    story.append(stacked(t, BACK, s.title))
    story.append(parts.paragraph(f"<b>{markup(data.full_name)}</b>", s.left))
    story.append(parts.spacer(2))
    story.append(_issues(data, t, width))
    return story


def card_pdf(data: CardData, lang: str = "both") -> bytes:
    t = Texts(lang)
    org = data.organisation
    info = DocumentInfo(
        title=t.joined(TITLE, number=data.number),
        author=t.pick(t.languages[0], org.name_kk, org.name_ru),
        subject=t.joined(SUBJECT),
        created=data.as_of,
        footer_label=f"{data.full_name} — № {data.number}",
    )
    return build_pdf(card_story(data, t), info, t)


def render_ppe_card(
    session: Session, employee_id: int, out_path: str | Path, lang: str = "both"
) -> Path:
    """Print employee `employee_id`'s personal PPE card to a PDF."""
    return write_pdf(card_pdf(load_card(session, employee_id), lang), out_path)
