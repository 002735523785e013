"""The introductory and the workplace briefing journals of a unit for a period (DOMAIN.md §2).

Landscape A4, the columns of the paper journals; the signature columns stay empty for the
instructor and the person briefed to sign in.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from safedesk.domain.training import BRIEFING_KIND_LABELS, BriefingKind
from safedesk.forms.pdf import parts
from safedesk.forms.pdf.grid import GridColumn, both, grid
from safedesk.forms.pdf.journal_data import JournalData, JournalLine, load_journal
from safedesk.forms.pdf.page import DocumentInfo, Orientation, build_pdf, frame_width, write_pdf
from safedesk.forms.pdf.styles import make_styles
from safedesk.forms.pdf.text import Texts, markup
from safedesk.i18n import N_

INTRODUCTORY_TITLE = N_("INTRODUCTORY BRIEFING JOURNAL")
WORKPLACE_TITLE = N_("WORKPLACE BRIEFING JOURNAL")
UNIT = N_("Unit: {unit}")
PERIOD = N_("Period: {start} – {end}")
NO_LINES = N_("No briefings in this period.")

NO = GridColumn(N_("No."), 0.035, "CENTER")
DATE = GridColumn(N_("Date"), 0.07)
NAME = GridColumn(N_("Full name of the person briefed"), 0.13)
BORN = GridColumn(N_("Year of birth"), 0.055)
POSITION = GridColumn(N_("Profession, position"), 0.11)
UNIT_COLUMN = GridColumn(N_("Unit"), 0.12)
KIND = GridColumn(N_("Kind of briefing"), 0.1)
REASON = GridColumn(N_("Reason for the unscheduled briefing"), 0.09)
INSTRUCTOR = GridColumn(N_("Instructor: name, position"), 0.12)
SIGN_INSTRUCTOR = GridColumn(N_("Signature of the instructor"), 0.085)
SIGN_BRIEFED = GridColumn(N_("Signature of the person briefed"), 0.085)
NEXT_DUE = GridColumn(N_("Next briefing due"), 0.075)


def _kind(t: Texts, kind: BriefingKind) -> str:
    return "\n".join(dict.fromkeys(t.get(lang, BRIEFING_KIND_LABELS[kind]) for lang in t.languages))


def _instructor(t: Texts, line: JournalLine) -> str:
    position = both(t, line.instructor_position_kk, line.instructor_position_ru)
    return f"{line.instructor}\n{position}" if position else line.instructor


def _row(t: Texts, number: int, line: JournalLine, introductory: bool) -> list[str]:
    lang = t.languages[0]
    common = [
        str(number),
        t.date(lang, line.held_on),
        line.full_name,
        str(line.birth_year),
        both(t, line.position_kk, line.position_ru),
    ]
    if introductory:
        return [*common, both(t, line.unit_kk, line.unit_ru), _instructor(t, line), "", ""]
    due = t.date(lang, line.next_due) if line.next_due else ""
    reason = line.reason if line.kind is BriefingKind.UNSCHEDULED else ""
    if line.kind is BriefingKind.TARGETED and line.topic:
        reason = line.topic
    return [*common, _kind(t, line.kind), reason, _instructor(t, line), "", "", due]


def journal_story(data: JournalData, t: Texts) -> list[Any]:
    s = make_styles(9.5, justify=False)
    width = frame_width(Orientation.LANDSCAPE)
    lang = t.languages[0]
    story = parts.letterhead(data.organisation, t, s, width)
    title = INTRODUCTORY_TITLE if data.introductory else WORKPLACE_TITLE
    story.append(parts.paragraph(markup(t.joined(title)), s.heading))
    dates = {"start": t.date(lang, data.date_from), "end": t.date(lang, data.date_to)}
    units = dict.fromkeys(
        t.get(x, UNIT, unit=t.pick(x, data.unit_kk, data.unit_ru)) for x in t.languages
    )
    story.append(parts.paragraph("<br/>".join(markup(u) for u in units), s.centre))
    story.append(parts.paragraph(markup(t.joined(PERIOD, **dates)), s.centre))
    story.append(parts.spacer(4))
    if data.introductory:
        columns = [NO, DATE, NAME, BORN, POSITION, UNIT_COLUMN, INSTRUCTOR,
                   SIGN_INSTRUCTOR, SIGN_BRIEFED]  # fmt: skip
    else:
        columns = [NO, DATE, NAME, BORN, POSITION, KIND, REASON, INSTRUCTOR,
                   SIGN_INSTRUCTOR, SIGN_BRIEFED, NEXT_DUE]  # fmt: skip
    rows = [_row(t, i, line, data.introductory) for i, line in enumerate(data.lines, start=1)]
    story.append(grid(t, width, columns, rows))
    if not rows:
        story.append(parts.spacer(3))
        story.append(parts.paragraph(markup(t.joined(NO_LINES)), s.left))
    return story


def journal_pdf(data: JournalData, lang: str = "both") -> bytes:
    t = Texts(lang)
    title = t.joined(INTRODUCTORY_TITLE if data.introductory else WORKPLACE_TITLE)
    org = data.organisation
    first = t.languages[0]
    label = f"{t.pick(first, data.unit_kk, data.unit_ru)}, {t.date(first, data.date_from)} – " + (
        t.date(first, data.date_to)
    )
    info = DocumentInfo(
        title=title,
        author=t.pick(first, org.name_kk, org.name_ru),
        subject=label,
        created=data.date_to,
        footer_label=label,
    )
    return build_pdf(journal_story(data, t), info, t, Orientation.LANDSCAPE)


def _render(
    session: Session,
    unit_id: int,
    out_path: str | Path,
    lang: str,
    introductory: bool,
    date_from: dt.date | None,
    date_to: dt.date | None,
) -> Path:
    data = load_journal(session, unit_id, date_from, date_to, introductory)
    return write_pdf(journal_pdf(data, lang), out_path)


def render_workplace_journal(
    session: Session,
    unit_id: int,
    out_path: str | Path,
    lang: str = "both",
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> Path:
    """`safedesk print briefing-journal UNIT --from D --to D`."""
    return _render(session, unit_id, out_path, lang, False, date_from, date_to)


def render_introductory_journal(
    session: Session,
    unit_id: int,
    out_path: str | Path,
    lang: str = "both",
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> Path:
    """`safedesk print introductory-journal UNIT --from D --to D`."""
    return _render(session, unit_id, out_path, lang, True, date_from, date_to)
