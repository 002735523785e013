"""The protocol of the examination commission's knowledge check (DOMAIN.md §2).

ХАТТАМА / ПРОТОКОЛ: number, organisation, date, the commission (chair, members) and the
order that formed it, the kind of check; a row per person with the result and the
certificate No.; the commission's signatures, left empty for signing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from safedesk.domain.training import CHECK_KIND_LABELS, CHECK_OUTCOME_LABELS
from safedesk.forms.pdf import parts
from safedesk.forms.pdf.grid import GridColumn, both, grid
from safedesk.forms.pdf.page import DocumentInfo, build_pdf, frame_width, write_pdf
from safedesk.forms.pdf.parts import RowMaker, paragraph
from safedesk.forms.pdf.place import place_from_address
from safedesk.forms.pdf.protocol_data import Person, ProtocolData, load_protocol
from safedesk.forms.pdf.styles import Styles, make_styles
from safedesk.forms.pdf.text import Texts, bilingual_field, markup
from safedesk.i18n import N_

PROTOCOL = N_("PROTOCOL")
TITLE = N_("of the knowledge check on occupational safety and health")
FORMED = N_("The examination commission formed by order No. {number} of {date}, composed of:")
EXTERNAL = N_("Knowledge check carried out by: {body}.")
CHAIR = N_("Chair: {person}")
MEMBERS = N_("Members: {people}")
KIND = N_("Kind of check: {kind}.")
PROGRAMME = N_("Programme: {programme}.")
CHECKED = N_("checked the knowledge of the following persons:")
CHAIR_SIGN = N_("Chair of the commission")
MEMBER_SIGN = N_("Member of the commission")
REF = N_("Protocol No. {number} of {date}")
SCORE = N_("test {score} %")

COLUMNS = (
    GridColumn(N_("No."), 0.05, "CENTER"),
    GridColumn(N_("Full name"), 0.22),
    GridColumn(N_("Profession, position"), 0.2),
    GridColumn(N_("Unit"), 0.17),
    GridColumn(N_("Result"), 0.12),
    GridColumn(N_("Certificate No."), 0.1),
    GridColumn(N_("Note"), 0.14),
)


def _in(lang: str, text: str) -> str:
    """A free-text field typed as 'kk / ru' in the column's language."""
    kk, ru = bilingual_field(text)
    return kk if lang == "kk" else ru


def _person(t: Texts, lang: str, p: Person) -> str:
    position = t.pick(lang, p.position_kk, p.position_ru)
    return f"{p.full_name} — {position}" if position else p.full_name


def _text_rows(data: ProtocolData, t: Texts, s: Styles) -> list[RowMaker]:
    rows: list[RowMaker] = [
        lambda lang: [paragraph(f"<b>{markup(t.get(lang, TITLE))}</b>", s.centre)],
    ]
    if data.chair is not None and data.commission_order_date is not None:
        order_date = data.commission_order_date
        chair = data.chair
        rows += [
            lambda lang: [
                paragraph(
                    markup(
                        t.get(
                            lang,
                            FORMED,
                            number=data.commission_order_no,
                            date=t.date(lang, order_date),
                        )
                    ),
                    s.body,
                )
            ],
            lambda lang: [
                paragraph(markup(t.get(lang, CHAIR, person=_person(t, lang, chair))), s.left)
            ],
            lambda lang: [
                paragraph(
                    markup(
                        t.get(
                            lang,
                            MEMBERS,
                            people="; ".join(_person(t, lang, m) for m in data.members),
                        )
                    ),
                    s.left,
                )
            ],
        ]
    else:
        rows.append(
            lambda lang: [
                paragraph(markup(t.get(lang, EXTERNAL, body=_in(lang, data.external_body))), s.body)
            ]
        )
    kind = CHECK_KIND_LABELS[data.kind]
    rows.append(
        lambda lang: [paragraph(markup(t.get(lang, KIND, kind=t.get(lang, kind).lower())), s.left)]
    )
    if data.programme:
        rows.append(
            lambda lang: [
                paragraph(
                    markup(t.get(lang, PROGRAMME, programme=_in(lang, data.programme))), s.left
                )
            ]
        )
    rows.append(lambda lang: [paragraph(markup(t.get(lang, CHECKED)), s.left)])
    return rows


def _grid_rows(data: ProtocolData, t: Texts) -> list[list[str]]:
    rows = []
    for i, line in enumerate(data.lines, start=1):
        outcome = "\n".join(
            dict.fromkeys(t.get(lang, CHECK_OUTCOME_LABELS[line.outcome]) for lang in t.languages)
        )
        note = line.note
        if line.score is not None:
            score = t.joined(SCORE, score=f"{line.score:g}")
            note = f"{note}\n{score}".strip()
        p = line.person
        rows.append(
            [
                str(i),
                p.full_name,
                both(t, p.position_kk, p.position_ru),
                both(t, p.unit_kk, p.unit_ru),
                outcome,
                line.certificate_no,
                note,
            ]
        )
    return rows


def _signatures(data: ProtocolData, t: Texts, s: Styles, width: float) -> list[Any]:
    if data.chair is None:
        return []
    signers = [(CHAIR_SIGN, data.chair), *((MEMBER_SIGN, m) for m in data.members)]
    return [
        parts.signature_line(t, s, width, markup(t.joined(role, sep="<br/>")), p.short_name)
        for role, p in signers
    ]


def protocol_story(data: ProtocolData, t: Texts) -> list[Any]:
    s = make_styles(9.5, justify=False) if t.bilingual else make_styles(10.5)
    width = frame_width()
    place = place_from_address(data.organisation.address)
    story = parts.letterhead(data.organisation, t, s, width)
    story += parts.document_heading(t, s, width, PROTOCOL, data.number, data.held_on, place)
    story += parts.side_by_side(t, width, _text_rows(data, t, s))
    story.append(parts.spacer(3))
    story.append(grid(t, width, COLUMNS, _grid_rows(data, t), size=8))
    parts.keep_with_end(story, [parts.spacer(8), *_signatures(data, t, s, width)])
    return story


def protocol_pdf(data: ProtocolData, lang: str = "both") -> bytes:
    t = Texts(lang)
    first = t.languages[0]
    reference = t.joined(REF, number=data.number, date=t.date(first, data.held_on))
    org = data.organisation
    info = DocumentInfo(
        title=t.joined(PROTOCOL) + " " + t.joined(TITLE),
        author=t.pick(first, org.name_kk, org.name_ru),
        subject=reference,
        created=data.held_on,
        footer_label=reference,
    )
    return build_pdf(protocol_story(data, t), info, t)


def render_protocol(
    session: Session, session_id: int, out_path: str | Path, lang: str = "both"
) -> Path:
    """`safedesk print protocol ID`: the protocol of check session `session_id`."""
    return write_pdf(protocol_pdf(load_protocol(session, session_id), lang), out_path)
