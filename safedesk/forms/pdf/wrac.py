"""The WRAC sheet: one risk assessment on A4 landscape, in Kazakh and Russian.

Letterhead, approval block, title, what was assessed and with which matrix, then the
table of rows — hazard, unwanted event, existing controls, initial risk, additional
controls by the hierarchy with owner and deadline, residual risk — with every risk cell
in its band's colour; the band legend; the team's signatures.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from safedesk.domain.risk import Matrix
from safedesk.domain.risk_controls import HIERARCHY_LABELS
from safedesk.forms.pdf import parts
from safedesk.forms.pdf.fonts import BOLD, REGULAR
from safedesk.forms.pdf.order_data import head_short_name
from safedesk.forms.pdf.page import MM, DocumentInfo, Orientation, build_pdf, frame_width, write_pdf
from safedesk.forms.pdf.parts import paragraph
from safedesk.forms.pdf.styles import Styles, make_styles
from safedesk.forms.pdf.text import Texts, markup
from safedesk.forms.pdf.wrac_data import WracData, WracRow, load_wrac
from safedesk.forms.pdf.wrap import fitted
from safedesk.i18n import N_

TITLE = N_("Workplace risk assessment and control sheet (WRAC)")
APPROVED = N_("APPROVED")
SHEET_REF = N_("WRAC No. {number} of {date}")
HEAD = N_("Head of the organisation")
UNIT = N_("Unit")
AREA = N_("Area, process or task")
POSITIONS = N_("Positions covered")
WHOLE_UNIT = N_("all positions of the unit")
DATES = N_("Assessed on {date}; next review {review}")
MATRIX = N_("Risk matrix: edition {edition} of {date}; {basis}")
REVIEW_REASON = N_("Review requested: {reason}")
TEAM = N_("Assessment team")
LEGEND = N_("Risk bands")
NO = N_("No.")
L_SHORT, C_SHORT, RISK = N_("L"), N_("C"), N_("Risk")
COLUMNS = (
    (NO, 7),
    (N_("Activity or task"), 24),
    (N_("Hazard"), 26),
    (N_("Unwanted event"), 25),
    (N_("Who is exposed"), 20),
    (N_("Existing controls"), 24),
    (L_SHORT, 6),
    (C_SHORT, 6),
    (RISK, 19),
    (N_("Additional controls: level, owner, deadline"), 64),
    (L_SHORT, 6),
    (C_SHORT, 6),
    (RISK, 19),
)
INITIAL_GROUP = N_("Initial risk")
RESIDUAL_GROUP = N_("Residual risk")
REASON = N_("Reason: {reason}")
UNTIL = N_("until {date}")


def _both(t: Texts, msgid: str, **values: Any) -> str:
    """The phrase in each printed language, one under the other (table headings)."""
    return "<br/>".join(markup(x) for x in t.joined(msgid, sep="\n", **values).split("\n"))


def _each(t: Texts, kk: str, ru: str) -> str:
    """Plain text kept in both languages (a library hazard, its event): each language's once."""
    return " / ".join(dict.fromkeys(t.pick(lang, kk, ru) for lang in t.languages))


def _cell_styles(size: float) -> tuple[Any, Any, Any]:
    from reportlab.lib.styles import ParagraphStyle

    s = make_styles(size, justify=False)
    # In narrow columns a long word is better broken than printed over the next cell.
    left = ParagraphStyle("wrac_left", parent=s.left, splitLongWords=True, leading=size * 1.2)
    centre = ParagraphStyle("wrac_centre", parent=s.centre, splitLongWords=True)
    head = ParagraphStyle(
        "wrac_head", parent=s.centre, fontName=BOLD, leading=size * 1.2, splitLongWords=False
    )
    return left, centre, head


def _risk_cell(t: Texts, m: Matrix, cell: tuple[int, int], style: Any) -> Any:
    band = m.band_of(*cell)
    names = "<br/>".join(markup(band.name.get(lang)) for lang in t.languages)
    small = style.fontSize - 0.8
    return paragraph(f"<b>{m.score(*cell)}</b><br/><font size={small}>{names}</font>", style)


def _controls_cell(t: Texts, row: WracRow, style: Any) -> list[Any]:
    lang = t.languages[0]
    found = []
    for c in row.controls:
        level = t.get(lang, HIERARCHY_LABELS[c.level])
        until = t.get(lang, UNTIL, date=t.date(lang, c.deadline))
        text = f"• {markup(c.description)} <i>({markup(level)}; {markup(c.owner)}; {until})</i>"
        found.append(paragraph(text, style))
    if row.residual_reason:
        found.append(paragraph(markup(t.get(lang, REASON, reason=row.residual_reason)), style))
    return found or [paragraph("—", style)]


def rows_table(data: WracData, t: Texts, size: float = 6.6) -> Any:
    from reportlab.platypus import Table, TableStyle

    left, centre, head = _cell_styles(size)
    m = data.matrix
    group = ["", "", "", "", "", "", paragraph(_both(t, INITIAL_GROUP), head), "", "", "",
             paragraph(_both(t, RESIDUAL_GROUP), head), "", ""]  # fmt: skip
    header = [paragraph(_both(t, title), head) for title, _w in COLUMNS]
    body: list[list[Any]] = [group, header]
    style: list[Any] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("GRID", (0, 0), (-1, -1), 0.4, (0, 0, 0)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("VALIGN", (0, 2), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 1), (0.93, 0.93, 0.93)),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("SPAN", (6, 0), (8, 0)),
        ("SPAN", (10, 0), (12, 0)),
    ]
    for i in (0, 1, 2, 3, 4, 5, 9):
        style.append(("SPAN", (i, 0), (i, 1)))
        body[0][i] = body[1][i]
    for n, row in enumerate(data.rows, start=2):
        hazard = _each(t, row.hazard_kk, row.hazard_ru)
        event = _each(t, row.unwanted_event_kk, row.unwanted_event_ru)
        body.append(
            [
                paragraph(str(row.number), centre),
                *(fitted(v, left) for v in (row.activity, hazard, event, row.exposed,
                  row.existing_controls)),
                paragraph(str(row.initial[0]), centre),
                paragraph(str(row.initial[1]), centre),
                _risk_cell(t, m, row.initial, centre),
                _controls_cell(t, row, left),
                paragraph(str(row.residual[0]), centre),
                paragraph(str(row.residual[1]), centre),
                _risk_cell(t, m, row.residual, centre),
            ]
        )  # fmt: skip
        style.append(("BACKGROUND", (8, n), (8, n), m.band_of(*row.initial).colour))
        style.append(("BACKGROUND", (12, n), (12, n), m.band_of(*row.residual).colour))
    return Table(
        body,
        colWidths=[w * MM for _t, w in COLUMNS],
        style=TableStyle(style),
        repeatRows=2,
        hAlign="LEFT",
    )


def legend_table(m: Matrix, t: Texts, size: float = 6.6) -> Any:
    from reportlab.platypus import Table, TableStyle

    left, centre, _head = _cell_styles(size)
    rows, style = [], [("FONTNAME", (0, 0), (-1, -1), REGULAR),
                       ("GRID", (0, 0), (-1, -1), 0.4, (0, 0, 0)),
                       ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]  # fmt: skip
    for i, band in enumerate(m.bands):
        names = " / ".join(markup(band.name.get(lang)) for lang in t.languages)
        response = "<br/>".join(markup(band.response.get(lang)) for lang in t.languages)
        rows.append(
            [
                paragraph(f"<b>{band.min_score}–{band.max_score}</b><br/>{names}", centre),
                paragraph(response, left),
            ]
        )
        style.append(("BACKGROUND", (0, i), (0, i), band.colour))
    return Table(rows, colWidths=[34 * MM, 130 * MM], style=TableStyle(style), hAlign="LEFT")


def _info(data: WracData, t: Texts, s: Styles, small: Any) -> list[Any]:
    def line(label: str, *values: str) -> Any:
        shown = " / ".join(dict.fromkeys(v for v in values if v)) or "—"
        return paragraph(f"<b>{_both(t, label).replace('<br/>', ' / ')}:</b> {shown}", s.left)

    unit = [t.pick(lang, data.unit_kk, data.unit_ru) for lang in t.languages]
    positions = [
        markup(", ".join(data.positions_kk if lang == "kk" else data.positions_ru))
        or markup(t.get(lang, WHOLE_UNIT))
        for lang in t.languages
    ]
    first = t.languages[0]
    dates = [
        t.get(lang, DATES, date=t.date(lang, data.assessed_on),
              review=t.date(lang, data.next_review)) for lang in t.languages
    ]  # fmt: skip
    basis = [t.pick(lang, data.legal_basis_kk, data.legal_basis_ru) for lang in t.languages]
    matrix = [
        t.get(lang, MATRIX, edition=data.matrix_edition, date=t.date(lang, data.matrix_date),
              basis=b) for lang, b in zip(t.languages, basis, strict=True)
    ]  # fmt: skip
    found = [
        line(UNIT, *(markup(u) for u in unit)),
        line(AREA, markup(data.area)),
        line(POSITIONS, *positions),
        paragraph(" / ".join(markup(d) for d in dict.fromkeys(dates)), s.left),
        paragraph(" / ".join(markup(x) for x in dict.fromkeys(matrix)), small),
    ]
    if data.review_reason:
        found.append(
            paragraph(markup(t.get(first, REVIEW_REASON, reason=data.review_reason)), s.left)
        )
    return found


def _approval(data: WracData, t: Texts, s: Styles, width: float) -> Any:
    from reportlab.platypus import Table, TableStyle

    kk, ru = data.head_position_kk.strip(), data.head_position_ru.strip()
    position = " / ".join(dict.fromkeys(t.pick(lang, kk, ru) or t.get(lang, HEAD)
                                         for lang in t.languages))  # fmt: skip
    text = (
        f"<b>{markup(t.joined(APPROVED))}</b><br/>{markup(position)}<br/><br/>"
        f"____________ {markup(head_short_name(data.head_name))}<br/>«___» ____________ 20___"
    )
    return Table(
        [["", paragraph(text, s.left)]],
        colWidths=[width - 80 * MM, 80 * MM],
        style=TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR)]),
    )


def wrac_story(data: WracData, t: Texts) -> list[Any]:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import KeepTogether

    s = make_styles(8.5, justify=False)
    small = ParagraphStyle("small_left", parent=s.left, fontSize=7, leading=9)
    width = frame_width(Orientation.LANDSCAPE)
    story = parts.letterhead(data.organisation, t, s, width)
    story.append(_approval(data, t, s, width))
    story.append(paragraph(_both(t, TITLE), s.heading))
    story.append(paragraph(markup(t.joined(SHEET_REF, number=data.number,
                 date=t.date(t.languages[0], data.assessed_on))), s.centre))  # fmt: skip
    story.append(parts.spacer(3))
    story += _info(data, t, s, small)
    story.append(parts.spacer(3))
    story.append(rows_table(data, t))
    story.append(parts.spacer(3))
    story.append(
        KeepTogether(
            [paragraph(f"<b>{_both(t, LEGEND).replace('<br/>', ' / ')}</b>", s.left),
             legend_table(data.matrix, t)]
        )
    )  # fmt: skip
    names = [
        f"{m.full_name}, {' / '.join(dict.fromkeys(t.pick(lang, m.position_kk, m.position_ru) for lang in t.languages))}"  # noqa: E501
        for m in data.team
    ]
    title = paragraph(f"<b>{_both(t, TEAM).replace('<br/>', ' / ')}:</b>", s.left)
    story.append(
        KeepTogether([parts.spacer(5), title, parts.sign_and_date_rows(t, s, width * 0.75, names)])
    )
    return story


def wrac_pdf(data: WracData, lang: str = "both") -> bytes:
    t = Texts(lang)
    reference = t.joined(SHEET_REF, number=data.number, date=t.date(t.languages[0],
                         data.assessed_on))  # fmt: skip
    org = data.organisation
    info = DocumentInfo(
        title=t.joined(TITLE),
        author=t.pick(t.languages[0], org.name_kk, org.name_ru),
        subject=reference,
        created=data.assessed_on,
        footer_label=reference,
    )
    return build_pdf(wrac_story(data, t), info, t, Orientation.LANDSCAPE)


def render_wrac(
    session: Session, assessment_id: int, out_path: str | Path, lang: str = "both"
) -> Path:
    """Print the WRAC sheet of assessment `assessment_id` to a PDF."""
    return write_pdf(wrac_pdf(load_wrac(session, assessment_id), lang), out_path)
