"""The PPE issue sheet of a unit (ЖҚҚ беру ведомосы / ведомость выдачи СИЗ), to sign.

One row per person and item due on the date (the due list of the unit and its
sub-units): what to hand out, in which size and quantity, and an empty cell where the
worker signs for it. The storekeeper and the head of the unit sign under the table.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from safedesk.db.models import Unit
from safedesk.db.ppe_due import DueLine, proposals
from safedesk.domain.ppe import STATUS_LABELS
from safedesk.errors import NotFound
from safedesk.forms.pdf import parts
from safedesk.forms.pdf.page import MM, DocumentInfo, Orientation, build_pdf, frame_width, write_pdf
from safedesk.forms.pdf.parts import Letterhead
from safedesk.forms.pdf.ppe_card_data import organisation_head
from safedesk.forms.pdf.ppe_parts import grid, named, small_styles, stacked
from safedesk.forms.pdf.styles import make_styles
from safedesk.forms.pdf.text import Texts, markup
from safedesk.forms.pdf.wrap import fitted
from safedesk.i18n import N_

TITLE = N_("PPE ISSUE SHEET")
UNIT_ON = N_("Unit: {unit}. Due on {date}")
NO = N_("No.")
PERSON = N_("Full name")
PERSONNEL_NO = N_("Personnel No.")
ITEM = N_("Item")
SIZE = N_("Size")
QTY = N_("Qty")
REASON = N_("Due since")
SIGNATURE = N_("Signature of the receiver")
ISSUED_BY = N_("Issued by (storekeeper)")
HEAD_OF_UNIT = N_("Head of the unit")
NOTHING = N_("Nobody in the unit is due for PPE on this date.")


def sheet_story(
    head: Letterhead, unit: tuple[str, str], lines: list[DueLine], on: dt.date, t: Texts
) -> list[Any]:
    width = frame_width(Orientation.LANDSCAPE)
    s = make_styles(9, justify=False)
    cell, second, th = small_styles(8)
    lang = t.languages[0]
    story = parts.letterhead(head, t, s, width)
    story.append(stacked(t, TITLE, s.heading))
    unit_text = " / ".join(dict.fromkeys(t.pick(x, *unit) for x in t.languages))
    story.append(
        parts.paragraph(
            markup(t.get(lang, UNIT_ON, unit=unit_text, date=t.date(lang, on))), s.centre
        )
    )
    story.append(parts.spacer(3))
    rows: list[list[Any]] = [
        [stacked(t, m, th) for m in (NO, PERSON, PERSONNEL_NO, ITEM, SIZE, QTY, REASON, SIGNATURE)]
    ]
    for number, line in enumerate(lines, start=1):
        since = t.date(lang, line.due) if line.due else t.get(lang, STATUS_LABELS[line.status])
        rows.append(
            [
                parts.paragraph(str(number), cell),
                fitted(line.person, cell),
                fitted(line.personnel_no, cell),
                named(t, line.item_kk, line.item_ru, cell, second),
                fitted(line.size, cell),
                parts.paragraph(str(line.quantity), cell),
                fitted(since, cell),
                "",
            ]
        )
    if not lines:
        story.append(stacked(t, NOTHING, s.left))
    else:
        w = width
        fixed = [9 * MM, 20 * MM, 15 * MM, 10 * MM, 22 * MM, 35 * MM]
        rest = w - sum(fixed)
        widths = [fixed[0], rest * 0.42, fixed[1], rest * 0.58, *fixed[2:]]
        # Room to sign in every row, however short its text.
        roomy = [("TOPPADDING", (0, 1), (-1, -1), 4), ("BOTTOMPADDING", (0, 1), (-1, -1), 7)]
        story.append(grid(rows, widths, extra=roomy))
    # The storekeeper and the head sign under the last rows, never alone on a page.
    block: list[Any] = [parts.spacer(8)]
    for msgid in (ISSUED_BY, HEAD_OF_UNIT):
        position = "<br/>".join(dict.fromkeys(markup(t.get(x, msgid)) for x in t.languages))
        block.append(parts.signature_line(t, s, width * 0.6, position, ""))
    parts.keep_with_end(story, block)
    return story


def sheet_pdf(
    head: Letterhead, unit: tuple[str, str], lines: list[DueLine], on: dt.date, lang: str
) -> bytes:
    t = Texts(lang)
    info = DocumentInfo(
        title=t.joined(TITLE),
        author=t.pick(t.languages[0], head.name_kk, head.name_ru),
        subject=" / ".join(dict.fromkeys(unit)),
        created=on,
        footer_label=f"{t.joined(TITLE)} — {t.pick(t.languages[0], *unit)}",
    )
    return build_pdf(sheet_story(head, unit, lines, on, t), info, t, Orientation.LANDSCAPE)


def render_ppe_sheet(
    session: Session,
    unit_id: int,
    out_path: str | Path,
    lang: str = "both",
    on: dt.date | None = None,
) -> Path:
    """Print the issue sheet of unit `unit_id` (with its sub-units) for `on` (today)."""
    unit = session.get(Unit, unit_id)
    if unit is None or unit.deleted_at is not None:
        raise NotFound(what=N_("Unit"), id=unit_id)
    on = on or dt.date.today()
    lines = proposals(session, unit_id, on)
    head = organisation_head(session)
    return write_pdf(sheet_pdf(head, (unit.name_kk, unit.name_ru), lines, on, lang), out_path)
