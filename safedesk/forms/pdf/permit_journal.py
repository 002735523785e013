"""The permit-to-work journal of a unit (with the units under it) for a period.

Landscape A4, one row per permit in number order; the last column stays empty for the
issuer to sign when the closed permit comes back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from safedesk.db.models import Unit
from safedesk.db.organisation import get_organisation
from safedesk.db.permit_log import LogRow, log_rows
from safedesk.db.units import unit_paths
from safedesk.domain.permits import PERMIT_STATE_LABELS, PERMIT_TYPE_LABELS
from safedesk.errors import NotFound, SafeDeskError
from safedesk.forms.pdf import parts
from safedesk.forms.pdf.grid import GridColumn, both, grid, leaf
from safedesk.forms.pdf.page import DocumentInfo, Orientation, build_pdf, frame_width, write_pdf
from safedesk.forms.pdf.permit import moment
from safedesk.forms.pdf.styles import make_styles
from safedesk.forms.pdf.text import Texts, markup
from safedesk.i18n import N_

TITLE = N_("PERMIT-TO-WORK JOURNAL")
UNIT = N_("Unit: {unit}")
PERIOD = N_("Period: {start} – {end}")
NO_LINES = N_("No permits in this period.")

COLUMNS = (
    GridColumn(N_("No."), 0.03, "CENTER"),
    GridColumn(N_("Permit No."), 0.08),
    # Type and state are as wide as their longest word ('Электроустановки',
    # 'Приостановлен') at 7 points, so they are never broken; work and place give way.
    GridColumn(N_("Type"), 0.105),
    GridColumn(N_("Unit, place"), 0.11),
    GridColumn(N_("Work"), 0.13),
    GridColumn(N_("Planned: start – end"), 0.095),
    GridColumn(N_("Issued: date, issuer"), 0.1),
    GridColumn(N_("Work supervisor"), 0.09),
    GridColumn(N_("Crew"), 0.042, "CENTER"),
    GridColumn(N_("Closed: date; reported to"), 0.1),
    GridColumn(N_("State"), 0.088),
    GridColumn(N_("Signature of the issuer"), 0.05),
)


def _label(t: Texts, msgid: str) -> str:
    return "\n".join(dict.fromkeys(t.get(lang, msgid) for lang in t.languages))


def _row(t: Texts, number: int, r: LogRow) -> list[str]:
    place = f"{both(t, leaf(r.unit_kk), leaf(r.unit_ru))}\n{r.location}"
    closed = f"{moment(r.closed_at)}\n{r.reported_to}".strip()
    return [
        str(number),
        r.number,
        _label(t, PERMIT_TYPE_LABELS[r.type]),
        place,
        r.work,
        f"{moment(r.planned_start)} –\n{moment(r.planned_end)}",
        f"{moment(r.issued_at)}\n{r.issuer}".strip(),
        r.supervisor,
        str(r.crew),
        closed,
        _label(t, PERMIT_STATE_LABELS[r.state]),
        "",
    ]


def journal_story(
    t: Texts, head: parts.Letterhead, unit: tuple[str, str], start: dt.date, end: dt.date,
    rows: list[LogRow],
) -> list[Any]:  # fmt: skip
    s = make_styles(9.5, justify=False)
    width = frame_width(Orientation.LANDSCAPE)
    lang = t.languages[0]
    story = parts.letterhead(head, t, s, width)
    story.append(parts.paragraph(markup(t.joined(TITLE)), s.heading))
    units = dict.fromkeys(t.get(x, UNIT, unit=t.pick(x, *unit)) for x in t.languages)
    story.append(parts.paragraph("<br/>".join(markup(u) for u in units), s.centre))
    dates = {"start": t.date(lang, start), "end": t.date(lang, end)}
    story.append(parts.paragraph(markup(t.joined(PERIOD, **dates)), s.centre))
    story.append(parts.spacer(4))
    story.append(grid(t, width, COLUMNS, [_row(t, i, r) for i, r in enumerate(rows, 1)], size=7))
    if not rows:
        story += [parts.spacer(3), parts.paragraph(markup(t.joined(NO_LINES)), s.left)]
    return story


def render_permit_journal(
    session: Session,
    unit_id: int,
    out_path: str | Path,
    lang: str = "both",
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> Path:
    """`safedesk print permit-journal UNIT --from D --to D`."""
    unit = session.get(Unit, unit_id)
    if unit is None or unit.deleted_at is not None:
        raise NotFound(what=N_("Unit"), id=unit_id)
    org = get_organisation(session)
    if org is None:
        raise SafeDeskError(
            N_("Fill in the organisation card first: every printed form is headed by it.")
        )
    end = date_to or dt.date.today()
    start = date_from or end.replace(month=1, day=1)
    if start > end:
        raise SafeDeskError(
            N_("The period starts ({start}) after it ends ({end})."), start=start, end=end
        )
    t = Texts(lang)
    first = t.languages[0]
    names = (unit_paths(session, "kk")[unit_id], unit_paths(session, "ru")[unit_id])
    head = parts.Letterhead(org.name_kk, org.name_ru, org.bin, org.address)
    rows = log_rows(session, start, end, unit_id)
    label = f"{t.pick(first, *names)}, {t.date(first, start)} – {t.date(first, end)}"
    info = DocumentInfo(
        title=t.joined(TITLE),
        author=t.pick(first, org.name_kk, org.name_ru),
        subject=label,
        created=end,
        footer_label=label,
    )
    story = journal_story(t, head, names, start, end, rows)
    return write_pdf(build_pdf(story, info, t, Orientation.LANDSCAPE), out_path)
