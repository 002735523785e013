"""The due list for a meeting: what is overdue and due soon, as a signed-off table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from safedesk.domain.due import DueItem
from safedesk.forms.pdf import parts
from safedesk.forms.pdf.page import DocumentInfo, Orientation, build_pdf, frame_width, write_pdf
from safedesk.forms.pdf.styles import make_styles
from safedesk.forms.pdf.text import Texts, markup
from safedesk.i18n import N_

TITLE = N_("What is due on {date}")
HEADERS = (N_("No."), N_("Due"), N_("What"), N_("Who"), N_("Register"), N_("Done"))
OVERDUE = N_("overdue")


def due_list_pdf(
    items: list[DueItem],
    head: parts.Letterhead,
    register_titles: dict[str, str],
    today: dt.date,
    lang: str = "both",
) -> bytes:
    from reportlab.platypus import Paragraph, Table, TableStyle

    t = Texts(lang)
    s = make_styles(size=9, justify=False)
    width = frame_width(Orientation.LANDSCAPE)

    def cell(msgid: str) -> str:
        return markup(t.joined(msgid))

    rows: list[list[Any]] = [[Paragraph(f"<b>{cell(h)}</b>", s.left) for h in HEADERS]]
    for number, item in enumerate(items, start=1):
        due = t.date(t.languages[0], item.due)
        if item.due < today:
            due += f" ({cell(OVERDUE)})"
        rows.append(
            [
                Paragraph(str(number), s.left),
                Paragraph(due, s.left),
                Paragraph(cell(item.what), s.left),
                Paragraph(markup(item.who), s.left),
                Paragraph(cell(register_titles.get(item.register, item.register)), s.left),
                "",
            ]
        )
    fractions = (0.05, 0.13, 0.32, 0.25, 0.17, 0.08)
    table = Table(rows, colWidths=[width * f for f in fractions], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, (0, 0, 0)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), (0.9, 0.9, 0.9)),
            ]
        )
    )
    title = t.joined(TITLE, date=t.date(t.languages[0], today))
    story = [
        *parts.letterhead(head, t, s, width),
        Paragraph(f"<b>{markup(title)}</b>", s.centre),
        parts.spacer(4),
        table,
    ]
    info = DocumentInfo(
        title=title,
        author=head.name_ru or head.name_kk,
        subject=title,
        created=today,
        footer_label=title,
    )
    return build_pdf(story, info, t, Orientation.LANDSCAPE)


def write_due_list_pdf(
    items: list[DueItem],
    head: parts.Letterhead,
    register_titles: dict[str, str],
    today: dt.date,
    out_path: str | Path,
    lang: str = "both",
) -> Path:
    return write_pdf(due_list_pdf(items, head, register_titles, today, lang), out_path)
