"""cover-letter.pdf: the employer's letter to the East Kazakhstan oblast labour inspection
department, in Kazakh and Russian side by side, listing what the package encloses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from safedesk.forms.package.context import PackageContext
from safedesk.forms.package.pdf_common import document_info, period_text
from safedesk.forms.pdf import parts
from safedesk.forms.pdf.order_data import head_short_name
from safedesk.forms.pdf.page import build_pdf, frame_width
from safedesk.forms.pdf.parts import RowMaker, paragraph
from safedesk.forms.pdf.styles import Styles, make_styles
from safedesk.forms.pdf.text import Texts, markup, mid_sentence
from safedesk.i18n import N_

NAME = "cover-letter.pdf"
# The addressee's official name, as the roadmap writes it (ШҚО МЕИБ): a name, not a phrase
# to translate, so it prints right whatever the catalogs hold.
ADDRESSEE = {
    "kk": "ШҚО Мемлекеттік еңбек инспекциясы басқармасы",
    "ru": "Управление государственной инспекции труда ВКО",
}
TITLE = N_("Cover letter")
SUBJECT = N_("On submitting information on the Safe Labour Concept roadmap")
OUTGOING = N_("Ref. No. ______ of {date}")
BODY = N_(
    "{organisation} (BIN {bin}) submits information on the implementation of the East "
    "Kazakhstan oblast roadmap for the Safe Labour Concept of the Republic of Kazakhstan "
    "for 2024–2030 for {period}."
)
RESPONSIBLE = N_(
    "The person responsible for occupational safety and health: {name}, {position}, "
    "appointed by order No. {order} of {date}."
)
NO_RESPONSIBLE = N_("No person responsible for occupational safety and health is appointed.")
DETAILS = N_("Address: {address}. Phone: {phone}. E-mail: {email}.")
ENCLOSED = N_("Enclosed:")
HEAD = N_("Head of the organisation")
VERIFY = N_(
    "The file manifest.json lists every file with its size and SHA-256; "
    "`safedesk verify` checks that nothing was changed."
)

# What each enclosed file is, in the reader's words.
DESCRIPTIONS = {
    "roadmap-report.pdf": N_("report on the roadmap items"),
    "indicators.pdf": N_("target indicators beside the oblast targets"),
    "indicators.json": N_("the same indicators for machines"),
    "registers.xlsx": N_("the registers of the period, one sheet each"),
    "manifest.json": N_("list of files with their checksums"),
}
CSV_FILE = N_("{register}, for machines (CSV)")


@dataclass(frozen=True)
class Enclosure:
    path: str
    register: str = ""  # msgid: the register a CSV file holds


def _describe(t: Texts, lang: str, item: Enclosure) -> str:
    if item.register:
        return t.get(lang, CSV_FILE, register=t.get(lang, item.register))
    return t.get(lang, DESCRIPTIONS[item.path])


def _dash(text: str) -> str:
    return text.strip() or "—"


def _rows(
    ctx: PackageContext, t: Texts, s: Styles, note: Any, enclosed: Sequence[Enclosure]
) -> list[RowMaker]:
    org = ctx.organisation

    def body(lang: str) -> list[Any]:
        text = t.get(
            lang,
            BODY,
            organisation=t.pick(lang, org.name_kk, org.name_ru),
            bin=org.bin,
            period=period_text(t, lang, ctx.period),
        )
        return [paragraph(markup(text), s.body)]

    def responsible(lang: str) -> list[Any]:
        person = ctx.responsible
        if person is None:
            return [paragraph(markup(t.get(lang, NO_RESPONSIBLE)), s.body)]
        text = t.get(
            lang,
            RESPONSIBLE,
            name=person.full_name,
            position=_dash(mid_sentence(t.pick(lang, person.position_kk, person.position_ru))),
            order=person.order_no,
            date=t.date(lang, person.order_date),
        )
        return [paragraph(markup(text), s.body)]

    def details(lang: str) -> list[Any]:
        text = t.get(
            lang,
            DETAILS,
            address=_dash(org.address),
            phone=_dash(ctx.phone),
            email=_dash(ctx.email),
        )
        return [paragraph(markup(text), s.body)]

    def heading(lang: str) -> list[Any]:
        return [paragraph(f"<b>{markup(t.get(lang, ENCLOSED))}</b>", s.left)]

    # One row per file, so a long list of registers may go on to the next page.
    def file(number: int, item: Enclosure) -> RowMaker:
        def make(lang: str) -> list[Any]:
            what = markup(_describe(t, lang, item))
            end = "." if number == len(enclosed) else ";"
            line = f"{number}. <b>{markup(item.path)}</b> — {what}{end}"
            return [paragraph(line, s.subclause)]

        return make

    def verify(lang: str) -> list[Any]:
        return [paragraph(markup(t.get(lang, VERIFY)), note)]

    files = [file(number, item) for number, item in enumerate(enclosed, start=1)]
    return [body, responsible, details, heading, *files, verify]


def _addressee(t: Texts, s: Styles, width: float) -> Any:
    from reportlab.platypus import Table, TableStyle

    names = "<br/>".join(markup(ADDRESSEE[lang]) for lang in t.languages)
    style = TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    return Table(
        [["", paragraph(f"<b>{names}</b>", s.left)]],
        colWidths=[width * 0.5, width * 0.5],
        style=style,
        hAlign="LEFT",
    )


def _head_position(ctx: PackageContext, t: Texts) -> str:
    kk, ru = ctx.head_position_kk.strip(), ctx.head_position_ru.strip()
    shown: list[str] = []
    for lang in t.languages:
        text = t.pick(lang, kk, ru) or t.get(lang, HEAD)
        if text not in shown:
            shown.append(text)
    return "<br/>".join(markup(x) for x in shown)


def cover_letter_pdf(
    ctx: PackageContext, enclosed: Sequence[Enclosure], lang: str = "both"
) -> bytes:
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    t = Texts(lang)
    # Flush left: file names are long words that would open wide gaps in justified lines.
    s = make_styles(9.5 if t.bilingual else 10.5, justify=False)
    note = ParagraphStyle("note", parent=s.small, alignment=TA_LEFT, spaceBefore=3)
    width = frame_width()
    story = parts.letterhead(ctx.organisation, t, s, width)
    date_line = " / ".join(
        dict.fromkeys(t.get(lg, OUTGOING, date=t.date(lg, ctx.as_of)) for lg in t.languages)
    )
    story.append(paragraph(markup(date_line), s.left))
    story += [parts.spacer(4), _addressee(t, s, width), parts.spacer(6)]
    story += parts.side_by_side(
        t, width, [lambda lg: [paragraph(f"<b>{markup(t.get(lg, SUBJECT))}</b>", s.left)]]
    )
    story.append(parts.spacer(3))
    story += parts.side_by_side(t, width, _rows(ctx, t, s, note, enclosed))
    story.append(parts.spacer(10))
    story.append(
        parts.signature_line(t, s, width, _head_position(ctx, t), head_short_name(ctx.head_name))
    )
    return build_pdf(story, document_info(ctx, t, TITLE, NAME), t)
