"""The employer's order appointing the persons responsible for OHS (roadmap item 4).

БҰЙРЫҚ / ПРИКАЗ: letterhead, number and date, the legal basis, a clause per
appointed person with a sub-clause per duty and the term, the control clause,
the head's signature and the appointees' "acquainted with the order" lines.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from safedesk.domain.responsibility import DUTY_TEXT
from safedesk.forms.pdf import parts
from safedesk.forms.pdf.order_data import AppointmentLine, OrderData, head_short_name, load_order
from safedesk.forms.pdf.page import DocumentInfo, build_pdf, frame_width, write_pdf
from safedesk.forms.pdf.parts import RowMaker, paragraph
from safedesk.forms.pdf.place import place_from_address
from safedesk.forms.pdf.styles import Styles, make_styles
from safedesk.forms.pdf.text import Texts, markup, mid_sentence
from safedesk.i18n import N_

ORDER = N_("ORDER")
TITLE_ONE = N_("On appointing the person responsible for occupational safety and health")
TITLE_MANY = N_("On appointing the persons responsible for occupational safety and health")
PREAMBLE = N_(
    "In accordance with Article 182 of the Labour Code of the Republic of Kazakhstan and "
    "item 4 of the East Kazakhstan oblast roadmap for implementing the Safe Labour Concept "
    "of the Republic of Kazakhstan for 2024–2030, in order to ensure safe working conditions,"
)
I_ORDER = N_("I ORDER:")
# The person is named after a colon, in the nominative, as Kazakh and Russian orders
# list people ("в составе: …"): names and positions are never declined by a program.
APPOINT = N_("Appoint as the person responsible for occupational safety and health: {person}.")
DUTIES = N_("The responsible person is charged with the following areas of work:")
VALID_TO = N_("The appointment is valid from {start} to {end} inclusive.")
VALID_OPEN = N_("The appointment is valid from {start} until it is cancelled by an order.")
IN_FORCE = N_("This order takes effect on the day it is signed.")
CONTROL = N_("Control over the execution of this order is reserved to me.")
HEAD = N_("Head of the organisation")
ACQUAINTED = N_("Acquainted with the order:")
ORDER_REF = N_("Order No. {number} of {date}")


def _person(lang: str, line: AppointmentLine, t: Texts) -> str:
    """'<b>Full Name</b> — position (unit)', the unit when the employee has one."""
    a = line.appointee
    text = f"<b>{markup(a.full_name)}</b>"
    position = mid_sentence(t.pick(lang, a.position_kk, a.position_ru))
    unit = t.pick(lang, a.unit_kk, a.unit_ru)
    if position:
        text += f" — {markup(position)}"
    if unit:
        text += f" ({markup(unit)})"
    return text


def _appointment_rows(number: int, line: AppointmentLine, t: Texts, s: Styles) -> list[RowMaker]:
    def appoint(lang: str) -> list[Any]:
        # Escape the translation first: the person's name comes with its own markup.
        clause = markup(t.get(lang, APPOINT)).format(person=_person(lang, line, t))
        clause = f"{number}. {clause}"
        return [paragraph(clause, s.clause), paragraph(markup(t.get(lang, DUTIES)), s.body)]

    def duty(index: int) -> RowMaker:
        last = index == len(line.duties) - 1

        def make(lang: str) -> list[Any]:
            text = t.get(lang, DUTY_TEXT[line.duties[index]])
            ending = "." if last else ";"
            return [paragraph(f"{number}.{index + 1}. {markup(text)}{ending}", s.subclause)]

        return make

    def term(lang: str) -> list[Any]:
        start = t.date(lang, line.valid_from)
        if line.valid_to is None:
            text = t.get(lang, VALID_OPEN, start=start)
        else:
            text = t.get(lang, VALID_TO, start=start, end=t.date(lang, line.valid_to))
        return [paragraph(markup(text), s.body)]

    return [appoint, *(duty(i) for i in range(len(line.duties))), term]


def _title(data: OrderData) -> str:
    return TITLE_ONE if len(data.appointments) == 1 else TITLE_MANY


def _text_rows(data: OrderData, t: Texts, s: Styles) -> list[RowMaker]:
    title = _title(data)
    rows: list[RowMaker] = [
        lambda lang: [paragraph(markup(t.get(lang, title)), s.title)],
        lambda lang: [paragraph(markup(t.get(lang, PREAMBLE)), s.body)],
        lambda lang: [paragraph(f"<b>{markup(t.get(lang, I_ORDER))}</b>", s.left)],
    ]
    for number, line in enumerate(data.appointments, start=1):
        rows += _appointment_rows(number, line, t, s)
    return rows


def _closing_rows(data: OrderData, t: Texts, s: Styles) -> list[RowMaker]:
    closing = len(data.appointments) + 1
    return [
        lambda lang: [paragraph(f"{closing}. {markup(t.get(lang, IN_FORCE))}", s.clause)],
        lambda lang: [paragraph(f"{closing + 1}. {markup(t.get(lang, CONTROL))}", s.clause)],
    ]


def _head_position(data: OrderData, t: Texts) -> str:
    kk, ru = data.head_position_kk.strip(), data.head_position_ru.strip()
    shown: list[str] = []
    for lang in t.languages:
        text = t.pick(lang, kk, ru) or t.get(lang, HEAD)
        if text not in shown:
            shown.append(text)
    return "<br/>".join(markup(x) for x in shown)


def order_story(data: OrderData, t: Texts) -> list[Any]:
    """The order's flowables: what `build_pdf` lays out on the shared page."""
    from reportlab.platypus import KeepTogether

    s = make_styles(9.5, justify=False) if t.bilingual else make_styles(10.5)
    width = frame_width()
    place = place_from_address(data.organisation.address)
    story = parts.letterhead(data.organisation, t, s, width)
    story += parts.document_heading(t, s, width, ORDER, data.order_no, data.order_date, place)
    story += parts.side_by_side(t, width, _text_rows(data, t, s))
    signature = parts.signature_line(
        t, s, width, _head_position(data, t), head_short_name(data.head_name)
    )
    # The head signs under the text, never on a page of his own: the last clauses
    # move to the next page with the signature if it does not fit.
    closing = parts.side_by_side(t, width, _closing_rows(data, t, s))
    story.append(KeepTogether([*closing, parts.spacer(8), signature]))
    acquainted = paragraph(f"<b>{markup(t.joined(ACQUAINTED))}</b>", s.left)
    names = [line.appointee.full_name for line in data.appointments]
    story.append(
        KeepTogether([parts.spacer(8), acquainted, parts.sign_and_date_rows(t, s, width, names)])
    )
    return story


def order_pdf(data: OrderData, lang: str = "both") -> bytes:
    """The order as PDF bytes, in kk, ru or both languages side by side."""
    t = Texts(lang)
    reference = t.joined(
        ORDER_REF, number=data.order_no, date=t.date(t.languages[0], data.order_date)
    )
    org = data.organisation
    info = DocumentInfo(
        title=t.joined(_title(data)),
        author=t.pick(t.languages[0], org.name_kk, org.name_ru),
        subject=reference,
        created=data.order_date,
        footer_label=reference,
    )
    return build_pdf(order_story(data, t), info, t)


def render_order(
    session: Session, appointment_id: int, out_path: str | Path, lang: str = "both"
) -> Path:
    """Print the order that made appointment `appointment_id` (and its siblings) to a PDF."""
    return write_pdf(order_pdf(load_order(session, appointment_id), lang), out_path)
