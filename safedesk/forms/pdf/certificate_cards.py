"""Certificates (куәлік / удостоверение) of the knowledge check, for those who passed a
signed protocol: small cards to cut out, ruled by a dashed line.

One language: two cards a row, eight to a page. Both: a card opens like the booklet,
Kazakh on the left and Russian on the right, four to a page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from safedesk.forms.pdf.certificate_cards_data import Card, CardsData, load_cards
from safedesk.forms.pdf.fonts import BOLD, REGULAR
from safedesk.forms.pdf.page import MM, DocumentInfo, build_pdf, frame_width, write_pdf
from safedesk.forms.pdf.parts import paragraph
from safedesk.forms.pdf.styles import make_styles
from safedesk.forms.pdf.text import SIGNATURE, Texts, bilingual_field, markup
from safedesk.i18n import N_

CERTIFICATE = N_("CERTIFICATE No. {number}")
ISSUED_TO = N_("Issued to")
PASSED = N_("passed the knowledge check of the requirements of occupational safety and health")
PROGRAMME = N_("Programme: {programme}.")
PROTOCOL = N_("Protocol No. {number} of {date}")
VALID_UNTIL = N_("Valid until {date}")
CHAIR = N_("Chair of the commission")
BODY = N_("Checked by: {body}")
SEAL = N_("Place of seal")
TITLE = N_("Certificates of the knowledge check")

CARD_HEIGHT = 60 * MM


def _styles() -> Any:
    from reportlab.lib.styles import ParagraphStyle

    s = make_styles(7.5, justify=False)
    bold = ParagraphStyle("card_bold", parent=s.centre, fontName=BOLD, fontSize=9, leading=11)
    return s, bold


def _in(lang: str, text: str) -> str:
    kk, ru = bilingual_field(text)
    return kk if lang == "kk" else ru


def _card(data: CardsData, card: Card, t: Texts, lang: str, width: float) -> list[Any]:
    """One language's page of a card."""
    from reportlab.platypus import Spacer

    s, bold = _styles()
    org = t.pick(lang, data.organisation.name_kk, data.organisation.name_ru)
    p = card.person
    position = t.pick(lang, p.position_kk, p.position_ru)
    story: list[Any] = [
        paragraph(markup(org), s.small),
        Spacer(1, 1.5 * MM),
        paragraph(markup(t.get(lang, CERTIFICATE, number=card.number or "—")), bold),
        Spacer(1, 1.5 * MM),
        paragraph(markup(t.get(lang, ISSUED_TO)), s.left),
        paragraph(f"<b>{markup(p.full_name)}</b>", s.left),
    ]
    if position:
        story.append(paragraph(markup(position), s.left))
    story.append(paragraph(markup(t.get(lang, PASSED)), s.left))
    if data.programme:
        story.append(
            paragraph(markup(t.get(lang, PROGRAMME, programme=_in(lang, data.programme))), s.left)
        )
    story.append(
        paragraph(
            markup(t.get(lang, PROTOCOL, number=data.protocol_no, date=t.date(lang, data.held_on))),
            s.left,
        )
    )
    if card.valid_until is not None:
        until = t.get(lang, VALID_UNTIL, date=t.date(lang, card.valid_until))
        story.append(paragraph(f"<b>{markup(until)}</b>", s.left))
    story.append(Spacer(1, 3 * MM))
    story.append(_signature(data, t, s, lang, width))
    return story


def _signature(data: CardsData, t: Texts, s: Any, lang: str, width: float) -> Any:
    """'Chair ______ Name' with '(signature)' under the line and the seal's place beside it."""
    from reportlab.platypus import Table, TableStyle

    seal = paragraph(f"({markup(t.get(lang, SEAL))})", s.small)
    if data.chair is None:
        body = paragraph(markup(t.get(lang, BODY, body=_in(lang, data.external_body))), s.left)
        rows: list[list[Any]] = [[body, seal]]
        widths = [width * 0.82, width * 0.18]
        commands: list[Any] = []
    else:
        rows = [
            [
                paragraph(markup(t.get(lang, CHAIR)), s.left),
                "",
                paragraph(markup(data.chair.short_name), s.left),
                seal,
            ],
            ["", paragraph(f"({markup(t.get(lang, SIGNATURE))})", s.caption), "", ""],
        ]
        widths = [width * 0.33, width * 0.22, width * 0.27, width * 0.18]
        commands = [
            ("LINEBELOW", (1, 0), (1, 0), 0.5, (0, 0, 0)),
            ("SPAN", (3, 0), (3, 1)),
            ("LEFTPADDING", (2, 0), (2, 0), 3),
        ]
    return Table(
        rows,
        colWidths=widths,
        hAlign="LEFT",
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                ("VALIGN", (-1, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
                *commands,
            ]
        ),
    )


def _sheet(data: CardsData, t: Texts) -> list[Any]:
    from reportlab.platypus import Table, TableStyle

    width = frame_width()
    per_row = 1 if t.bilingual else 2
    card_width = width / per_row
    inner = card_width - 6 * MM
    cells: list[Any] = []
    for card in data.cards:
        if t.bilingual:
            half = (inner - 6 * MM) / 2
            pages = Table(
                [[_card(data, card, t, "kk", half), "", _card(data, card, t, "ru", half)]],
                colWidths=[half, 6 * MM, half],
                style=TableStyle(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LINEAFTER", (0, 0), (0, 0), 0.3, (0.6, 0.6, 0.6)),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                    ]
                ),
            )
            cells.append([pages])
        else:
            cells.append(_card(data, card, t, t.languages[0], inner))
    rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    if rows and len(rows[-1]) < per_row:
        rows[-1] = rows[-1] + [""] * (per_row - len(rows[-1]))
    table = Table(
        rows,
        colWidths=[card_width] * per_row,
        rowHeights=[CARD_HEIGHT] * len(rows),
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("GRID", (0, 0), (-1, -1), 0.5, (0.4, 0.4, 0.4), None, (3, 2)),
                ("LEFTPADDING", (0, 0), (-1, -1), 3 * MM),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3 * MM),
                ("TOPPADDING", (0, 0), (-1, -1), 3 * MM),
            ]
        ),
        hAlign="LEFT",
    )
    return [table]


def certificate_cards_pdf(data: CardsData, lang: str = "both") -> bytes:
    t = Texts(lang)
    first = t.languages[0]
    reference = t.joined(PROTOCOL, number=data.protocol_no, date=t.date(first, data.held_on))
    org = data.organisation
    info = DocumentInfo(
        title=t.joined(TITLE),
        author=t.pick(first, org.name_kk, org.name_ru),
        subject=reference,
        created=data.held_on,
        footer_label=reference,
    )
    return build_pdf(_sheet(data, t), info, t)


def render_certificate_cards(
    session: Session, session_id: int, out_path: str | Path, lang: str = "both"
) -> Path:
    """`safedesk print certificates ID`: the certificates of check session `session_id`."""
    return write_pdf(certificate_cards_pdf(load_cards(session, session_id), lang), out_path)
