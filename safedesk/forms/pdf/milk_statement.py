"""The monthly statement of milk and therapeutic nutrition of a unit, to sign (roadmap 14).

One row per person and record of the month: shifts, litres (or the compensation paid)
and an empty cell for the worker's signature; the norm and its legal basis on top.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from safedesk.db.models import MilkIssue, Unit
from safedesk.db.ppe_due import unit_and_descendants
from safedesk.db.ppe_milk import month_rows, norm_for
from safedesk.domain.people import full_name
from safedesk.domain.ppe_provisions import MILK_FORM_LABELS, MilkForm, litres, month_start
from safedesk.errors import NotFound
from safedesk.forms.pdf import parts
from safedesk.forms.pdf.page import MM, DocumentInfo, build_pdf, frame_width, write_pdf
from safedesk.forms.pdf.parts import Letterhead
from safedesk.forms.pdf.ppe_card_data import organisation_head
from safedesk.forms.pdf.ppe_parts import grid, small_styles, stacked
from safedesk.forms.pdf.styles import make_styles
from safedesk.forms.pdf.text import Texts, bilingual_field, markup
from safedesk.forms.pdf.wrap import fitted
from safedesk.i18n import N_

TITLE = N_("MILK AND THERAPEUTIC NUTRITION STATEMENT")
UNIT_MONTH = N_("Unit: {unit}. Month: {month}")
NORM = N_("Norm: {litres} l per shift; {basis}")
NO = N_("No.")
PERSON = N_("Full name")
FORM = N_("Issued as")
SHIFTS = N_("Shifts")
LITRES = N_("Litres")
AMOUNT = N_("Compensation, tenge")
SIGNATURE = N_("Signature of the receiver")
TOTAL = N_("Total")
HEAD_OF_UNIT = N_("Head of the unit")
NOTHING = N_("No milk or therapeutic nutrition was recorded in the unit for this month.")


def statement_story(
    head: Letterhead,
    unit: tuple[str, str],
    month: dt.date,
    rows_in: list[tuple[str, MilkIssue]],
    norm: tuple[int, str],
    t: Texts,
) -> list[Any]:
    width = frame_width()
    s = make_styles(9, justify=False)
    cell, _second, th = small_styles(8)
    lang = t.languages[0]
    story = parts.letterhead(head, t, s, width)
    story.append(stacked(t, TITLE, s.heading))
    unit_text = " / ".join(dict.fromkeys(t.pick(x, *unit) for x in t.languages))
    story.append(
        parts.paragraph(
            markup(t.get(lang, UNIT_MONTH, unit=unit_text, month=f"{month:%m.%Y}")), s.centre
        )
    )
    kk, ru = bilingual_field(norm[1])
    for each in t.languages:
        text = t.get(each, NORM, litres=litres(norm[0], each), basis=t.pick(each, kk, ru))
        story.append(parts.paragraph(markup(text), s.small))
    story.append(parts.spacer(3))
    if rows_in:
        story.append(_table(rows_in, t, cell, th, width))
    else:  # no table of nobody with a total of 0: say so, as the PPE sheet does
        story.append(stacked(t, NOTHING, s.left))
    position = "<br/>".join(dict.fromkeys(markup(t.get(x, HEAD_OF_UNIT)) for x in t.languages))
    signature = parts.signature_line(t, s, width * 0.7, position, "")
    parts.keep_with_end(story, [parts.spacer(8), signature])
    return story


def _table(rows_in: list[tuple[str, MilkIssue]], t: Texts, cell: Any, th: Any, width: float) -> Any:
    lang = t.languages[0]
    rows: list[list[Any]] = [
        [stacked(t, m, th) for m in (NO, PERSON, FORM, SHIFTS, LITRES, AMOUNT, SIGNATURE)]
    ]
    total_ml = total_kzt = 0
    for number, (person, r) in enumerate(rows_in, start=1):
        total_ml += r.quantity_ml
        total_kzt += r.amount_kzt
        rows.append(
            [
                parts.paragraph(str(number), cell),
                fitted(person, cell),
                stacked(t, MILK_FORM_LABELS[MilkForm(r.form)], cell),
                parts.paragraph(str(r.shifts), cell),
                parts.paragraph(litres(r.quantity_ml, lang) if r.quantity_ml else "", cell),
                parts.paragraph(str(r.amount_kzt or ""), cell),
                "",
            ]
        )
    rows.append(
        [
            "",
            stacked(t, TOTAL, cell),
            "",
            "",
            parts.paragraph(litres(total_ml, lang), cell),
            parts.paragraph(str(total_kzt or ""), cell),
            "",
        ]
    )
    fixed = [9 * MM, 28 * MM, 18 * MM, 13 * MM, 24 * MM, 30 * MM]
    rest = width - sum(fixed)
    widths = [fixed[0], rest, *fixed[1:]]
    return grid(rows, widths, row_heights=[None] + [7 * MM] * (len(rows) - 1))


def render_milk_statement(
    session: Session,
    unit_id: int,
    out_path: str | Path,
    lang: str = "both",
    month: dt.date | None = None,
) -> Path:
    """Print the statement of unit `unit_id` (and sub-units) for `month` (this month)."""
    unit = session.get(Unit, unit_id)
    if unit is None or unit.deleted_at is not None:
        raise NotFound(what=N_("Unit"), id=unit_id)
    first = month_start(month or dt.date.today())
    records = month_rows(session, first, unit_and_descendants(session, unit_id))
    people = [
        (full_name(r.employee.surname, r.employee.name, r.employee.patronymic), r) for r in records
    ]
    norm = norm_for(session, None)
    norm_values = (norm.ml_per_shift, norm.legal_basis) if norm else (500, "")
    t = Texts(lang)
    head = organisation_head(session)
    info = DocumentInfo(
        title=t.joined(TITLE),
        author=t.pick(t.languages[0], head.name_kk, head.name_ru),
        subject=f"{unit.name_ru} {first:%m.%Y}",
        created=first,
        footer_label=f"{t.pick(t.languages[0], unit.name_kk, unit.name_ru)} — {first:%m.%Y}",
    )
    story = statement_story(head, (unit.name_kk, unit.name_ru), first, people, norm_values, t)
    return write_pdf(build_pdf(story, info, t), out_path)
