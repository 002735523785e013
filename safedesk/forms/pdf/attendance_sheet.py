"""The attendance sheet of a monthly OHS day (roadmap item 5): who was listed, who came,
each signing beside their name; the leader signs under the list.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from safedesk.domain.safety_days import SAFETY_DAY_KIND_LABELS
from safedesk.forms.pdf import parts
from safedesk.forms.pdf.attendance_sheet_data import SheetData, load_sheet
from safedesk.forms.pdf.grid import GridColumn, both, grid
from safedesk.forms.pdf.page import DocumentInfo, build_pdf, frame_width, write_pdf
from safedesk.forms.pdf.parts import RowMaker, paragraph
from safedesk.forms.pdf.place import place_from_address
from safedesk.forms.pdf.styles import Styles, make_styles
from safedesk.forms.pdf.text import Texts, bilingual_field, markup
from safedesk.i18n import N_

SHEET = N_("ATTENDANCE SHEET")
TITLE = N_("of the monthly occupational safety and health day")
KIND = N_("Kind: {kind}.")
TOPIC = N_("Topic: {topic}.")
UNIT = N_("Unit: {unit}.")
WHOLE = N_("The whole enterprise")
PLACE = N_("Place: {place}.")
LEADER = N_("Led by")
COUNTS = N_("Listed: {listed}; present: {present}.")
REF = N_("OHS day No. {number} of {date}")
PRESENT, ABSENT = "+", "—"  # marks, the same in every language

NUMBER = GridColumn(N_("No."), 0.05, "CENTER")
NAME = GridColumn(N_("Full name"), 0.3)
POSITION = GridColumn(N_("Profession, position"), 0.26)
UNIT_COLUMN = GridColumn(N_("Unit"), 0.2)
ATTENDED = GridColumn(N_("Attendance"), 0.1, "CENTER")
SIGNATURE = GridColumn(N_("Signature"), 0.2)


def columns(data: SheetData) -> tuple[GridColumn, ...]:
    """The unit column only for a day of the whole enterprise: else the heading names it."""
    if data.unit_kk or data.unit_ru:
        return (NUMBER, NAME, POSITION, ATTENDED, SIGNATURE)
    return (NUMBER, NAME, POSITION, UNIT_COLUMN, ATTENDED, SIGNATURE)


def _in(lang: str, text: str) -> str:
    kk, ru = bilingual_field(text)
    return kk if lang == "kk" else ru


def _text_rows(data: SheetData, t: Texts, s: Styles) -> list[RowMaker]:
    def line(msgid: str, **values: Any) -> RowMaker:
        return lambda lang: [paragraph(markup(t.get(lang, msgid, **values)), s.left)]

    rows: list[RowMaker] = [
        lambda lang: [paragraph(f"<b>{markup(t.get(lang, TITLE))}</b>", s.centre)],
        lambda lang: [
            paragraph(
                markup(t.get(lang, KIND, kind=t.get(lang, SAFETY_DAY_KIND_LABELS[data.kind]))),
                s.left,
            )
        ],
        lambda lang: [paragraph(markup(t.get(lang, TOPIC, topic=_in(lang, data.topic))), s.left)],
        lambda lang: [
            paragraph(
                markup(
                    t.get(
                        lang,
                        UNIT,
                        unit=t.pick(lang, data.unit_kk, data.unit_ru) or t.get(lang, WHOLE),
                    )
                ),
                s.left,
            )
        ],
    ]
    if data.place:
        rows.append(
            lambda lang: [
                paragraph(markup(t.get(lang, PLACE, place=_in(lang, data.place))), s.left)
            ]
        )
    if data.held:
        present = sum(1 for p in data.people if p.present)
        rows.append(line(COUNTS, listed=len(data.people), present=present))
    return rows


def _grid_rows(data: SheetData, t: Texts) -> list[list[str]]:
    rows = []
    for i, p in enumerate(data.people, start=1):
        mark = (PRESENT if p.present else ABSENT) if data.held else ""
        row = [str(i), p.full_name, both(t, p.position_kk, p.position_ru)]
        if not (data.unit_kk or data.unit_ru):
            row.append(both(t, p.unit_kk, p.unit_ru))
        rows.append([*row, mark, ""])
    return rows


def attendance_story(data: SheetData, t: Texts) -> list[Any]:
    from reportlab.platypus import KeepTogether

    s = make_styles(9.5, justify=False) if t.bilingual else make_styles(10.5)
    width = frame_width()
    place = place_from_address(data.organisation.address)
    story = parts.letterhead(data.organisation, t, s, width)
    story += parts.document_heading(t, s, width, SHEET, str(data.day_id), data.held_on, place)
    story += parts.side_by_side(t, width, _text_rows(data, t, s))
    story.append(parts.spacer(3))
    story.append(grid(t, width, columns(data), _grid_rows(data, t), size=8, row_padding=5))
    if data.leader:
        position = both(t, data.leader_position_kk, data.leader_position_ru).replace("\n", "<br/>")
        role = "<br/>".join(dict.fromkeys(markup(t.get(lang, LEADER)) for lang in t.languages))
        label = f"{role}<br/>{position}" if position else role
        story.append(
            KeepTogether([parts.spacer(8), parts.signature_line(t, s, width, label, data.leader)])
        )
    return story


def attendance_sheet_pdf(data: SheetData, lang: str = "both") -> bytes:
    t = Texts(lang)
    first = t.languages[0]
    reference = t.joined(REF, number=data.day_id, date=t.date(first, data.held_on))
    org = data.organisation
    info = DocumentInfo(
        title=t.joined(SHEET) + " " + t.joined(TITLE),
        author=t.pick(first, org.name_kk, org.name_ru),
        subject=reference,
        created=data.held_on,
        footer_label=reference,
    )
    return build_pdf(attendance_story(data, t), info, t)


def render_attendance_sheet(
    session: Session, day_id: int, out_path: str | Path, lang: str = "both"
) -> Path:
    """`safedesk print attendance-sheet ID`: the attendance sheet of OHS day `day_id`."""
    return write_pdf(attendance_sheet_pdf(load_sheet(session, day_id), lang), out_path)
