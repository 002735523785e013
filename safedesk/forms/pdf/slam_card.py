"""The SLAM card (Stop, Look, Assess, Manage) on one A4 page, in Kazakh and Russian.

Letterhead, title and card number, then the card in four blocks as the worker went
through them — Stop: when, where, what task, who; Look: the hazards found; Assess: the
gaps in competence or tools; Manage: the controls, whether work was stopped and the
supervisor told, the lessons — and the signatures of the worker and the supervisor.
Fixed labels stand in every printed language; what was typed is printed as typed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from safedesk.forms.pdf import parts
from safedesk.forms.pdf.fonts import BOLD, REGULAR
from safedesk.forms.pdf.page import MM, DocumentInfo, build_pdf, frame_width, write_pdf
from safedesk.forms.pdf.parts import paragraph
from safedesk.forms.pdf.slam_card_data import SlamCardData, load_slam_card
from safedesk.forms.pdf.styles import Styles, make_styles
from safedesk.forms.pdf.text import Texts, markup
from safedesk.i18n import N_

TITLE = N_("SLAM card")
SUBTITLE = N_("Stop · Look · Assess · Manage")
CARD_REF = N_("SLAM card No. {number} of {date}")
STOP = N_("STOP: stop before the task")
LOOK = N_("LOOK: look at the workplace")
ASSESS = N_("ASSESS: assess the hazards and yourself")
MANAGE = N_("MANAGE: control the hazards")
DATE_TIME = N_("Date and time")
UNIT = N_("Unit")
PLACE = N_("Place")
TASK = N_("Task")
WORKER = N_("Worker")
HAZARDS = N_("Hazards found")
GAPS = N_("Competence or tool gaps")
CONTROLS = N_("Controls applied")
STOPPED = N_("Work was stopped")
TOLD = N_("The supervisor was told")
LESSONS = N_("Lessons")
RISK_ROW = N_("WRAC row No.")
YES, NO = N_("yes"), N_("no")
WORKER_SIGNS = N_("Worker")
SUPERVISOR_SIGNS = N_("Supervisor (surname, initials)")
LABEL_WIDTH = 48 * MM


def _label(t: Texts, msgid: str) -> str:
    """The label in each printed language, one under the other."""
    return "<br/>".join(markup(t.get(lang, msgid)) for lang in t.languages)


def _value(text: str) -> str:
    return markup(text.strip()).replace("\n", "<br/>") or "—"


def _each(t: Texts, kk: str, ru: str) -> str:
    """A value kept in both languages (unit, position): each printed language's once."""
    return " / ".join(markup(x) for x in dict.fromkeys(t.pick(lang, kk, ru) for lang in
                      t.languages) if x) or "—"  # fmt: skip


def _yes_no(t: Texts, value: bool) -> str:
    return markup(t.joined(YES if value else NO))


def card_table(data: SlamCardData, t: Texts, s: Styles, width: float) -> Any:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Table, TableStyle

    label_style = ParagraphStyle(
        "slam_label", parent=s.left, fontName=BOLD, fontSize=s.size - 1, leading=(s.size - 1) * 1.2
    )
    section_style = ParagraphStyle("slam_section", parent=s.left, fontName=BOLD,
                                   textColor=(1, 1, 1))  # fmt: skip
    lang = t.languages[0]
    when = t.date(lang, data.card_date) + (f", {data.card_time}" if data.card_time else "")
    worker = data.worker + (f" — {_each(t, data.position_kk, data.position_ru)}"
                            if data.position_kk or data.position_ru else "")  # fmt: skip
    sections: list[tuple[str, list[tuple[str, str]]]] = [
        (STOP, [(DATE_TIME, markup(when)), (UNIT, _each(t, data.unit_kk, data.unit_ru)),
                (PLACE, _value(data.place)), (TASK, _value(data.task)),
                (WORKER, markup(worker))]),
        (LOOK, [(HAZARDS, _value(data.hazards))]),
        (ASSESS, [(GAPS, _value(data.gaps))]),
        (MANAGE, [(CONTROLS, _value(data.controls)), (STOPPED, _yes_no(t, data.work_stopped)),
                  (TOLD, _yes_no(t, data.supervisor_told)), (LESSONS, _value(data.lessons)),
                  (RISK_ROW, _each(t, data.risk_row_kk, data.risk_row_ru))]),
    ]  # fmt: skip
    rows: list[list[Any]] = []
    style: list[Any] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for title, lines in sections:
        heading = markup(t.joined(title))
        style += [
            ("SPAN", (0, len(rows)), (1, len(rows))),
            ("BACKGROUND", (0, len(rows)), (1, len(rows)), (0.18, 0.31, 0.45)),
        ]
        rows.append([paragraph(heading, section_style), ""])
        for label, value in lines:
            rows.append([paragraph(_label(t, label), label_style), paragraph(value, s.left)])
    return Table(rows, colWidths=[LABEL_WIDTH, width - LABEL_WIDTH], style=TableStyle(style),
                 hAlign="LEFT")  # fmt: skip


def slam_story(data: SlamCardData, t: Texts) -> list[Any]:
    from reportlab.platypus import KeepTogether

    s = make_styles(9, justify=False)
    width = frame_width()
    first = t.languages[0]
    story = parts.letterhead(data.organisation, t, s, width)
    story.append(paragraph(markup(t.joined(TITLE)), s.heading))
    story.append(paragraph(markup(t.joined(SUBTITLE)), s.centre))
    story.append(paragraph(markup(t.joined(CARD_REF, number=data.number,
                 date=t.date(first, data.card_date))), s.centre))  # fmt: skip
    story.append(parts.spacer(4))
    story.append(card_table(data, t, s, width))
    names = [
        f"{t.joined(WORKER_SIGNS)}: {data.worker}",
        f"{t.joined(SUPERVISOR_SIGNS)}:",
    ]
    story.append(KeepTogether([parts.spacer(3), parts.sign_and_date_rows(t, s, width, names)]))
    return story


def slam_card_pdf(data: SlamCardData, lang: str = "both") -> bytes:
    t = Texts(lang)
    first = t.languages[0]
    reference = t.joined(CARD_REF, number=data.number, date=t.date(first, data.card_date))
    org = data.organisation
    info = DocumentInfo(
        title=t.joined(TITLE),
        author=t.pick(first, org.name_kk, org.name_ru),
        subject=reference,
        created=data.card_date,
        footer_label=reference,
    )
    return build_pdf(slam_story(data, t), info, t)


def render_slam_card(
    session: Session, card_id: int, out_path: str | Path, lang: str = "both"
) -> Path:
    """Print SLAM card `card_id` to a PDF."""
    return write_pdf(slam_card_pdf(load_slam_card(session, card_id), lang), out_path)
