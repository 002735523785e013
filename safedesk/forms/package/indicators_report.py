"""indicators.json and indicators.pdf: the enterprise's analogues of the Concept's target
indicators 40-46 beside the oblast target for the year (DOMAIN.md §1).

The values come from `db.indicators.compute` and `targets`, as on the indicators page;
nothing is computed again here. Indicators 45 and 46 are measured by the oblast only:
they are listed with their target and no value.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from safedesk.db.indicators import compute, targets
from safedesk.domain.indicators import INDICATORS
from safedesk.forms.package.context import PackageContext
from safedesk.forms.package.pdf_common import (
    DASH,
    NOT_KEPT_VALUE,
    amount,
    document_info,
    each,
    heading,
    table,
    value_text,
)
from safedesk.forms.pdf.page import build_pdf, frame_width
from safedesk.forms.pdf.styles import make_styles
from safedesk.forms.pdf.text import Texts
from safedesk.i18n import N_

JSON_NAME = "indicators.json"
PDF_NAME = "indicators.pdf"
TITLE = N_("Target indicators of the Safe Labour Concept 2024–2030")
OBLAST_ONLY = {
    "45": N_("Scientific and technical programmes and projects"),
    "46": N_("Coverage by state monitoring of OHS"),
}
OBLAST_NOTE = N_("measured at oblast level")
HEAD = (
    N_("Item No."),
    N_("Indicator"),
    N_("How it is computed"),
    N_("Value"),
    N_("Target for the year"),
    N_("Target met"),
)


@dataclass(frozen=True)
class IndicatorRow:
    code: str
    title: str  # msgid
    unit: str  # msgid or symbol
    method: str  # msgid
    value: float | None
    numerator: float
    denominator: float
    available: bool
    target: float | None
    meets: bool | None
    enterprise: bool = True  # False: 45 and 46, measured by the oblast


def indicator_rows(session: Session, ctx: PackageContext) -> list[IndicatorRow]:
    goals = targets(session, ctx.period.year)
    values = {v.code: v for v in compute(session, ctx.as_of)}
    rows = []
    for kind in INDICATORS:
        v = values[kind.code]
        target = goals.get(kind.code)
        rows.append(
            IndicatorRow(
                kind.code,
                kind.title,
                kind.unit,
                kind.method,
                v.value,
                v.numerator,
                v.denominator,
                v.available,
                target,
                v.meets(target) if v.available else None,
            )
        )
    for code, title in OBLAST_ONLY.items():
        rows.append(
            IndicatorRow(
                code, title, "", OBLAST_NOTE, None, 0, 0, False, goals.get(code), None, False
            )
        )
    return rows


def indicators_json(ctx: PackageContext, rows: list[IndicatorRow]) -> bytes:
    document: dict[str, Any] = {
        "bin": ctx.organisation.bin,
        "year": ctx.period.year,
        "quarter": ctx.period.quarter,
        "as_of": ctx.as_of.isoformat(),
        "indicators": [
            {
                "code": r.code,
                "title": r.title,
                "unit": r.unit,
                "method": r.method,
                "measured_by": "enterprise" if r.enterprise else "oblast",
                "available": r.available,
                "value": r.value,
                "numerator": r.numerator,
                "denominator": r.denominator,
                "target": r.target,
                "meets_target": r.meets,
            }
            for r in rows
        ],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def _value(t: Texts, lang: str, row: IndicatorRow) -> str:
    if not row.enterprise:
        return DASH
    if not row.available:
        return t.get(lang, NOT_KEPT_VALUE)
    if row.value is None:
        return DASH
    text = amount(t, lang, row.value, row.unit)
    if row.denominator:
        text += f"\n({value_text(t, lang, row.numerator)} / {value_text(t, lang, row.denominator)})"
    return text


def indicators_pdf(ctx: PackageContext, rows: list[IndicatorRow], lang: str = "both") -> bytes:
    t = Texts(lang)
    s = make_styles(9.5, justify=False)
    width = frame_width()
    story = heading(ctx, t, s, width, TITLE)
    body = []
    for r in rows:
        body.append(
            [
                r.code,
                each(t, lambda lg, r=r: t.get(lg, r.title)),
                each(t, lambda lg, r=r: t.get(lg, r.method)),
                each(t, lambda lg, r=r: _value(t, lg, r)),
                DASH
                if r.target is None
                else each(t, lambda lg, r=r: amount(t, lg, r.target, r.unit)),
                DASH if r.meets is None else each(t, lambda lg, r=r: value_text(t, lg, r.meets)),
            ]
        )
    head = [t.joined(h, sep="\n") for h in HEAD]
    story.append(table(width, (0.8, 3.0, 3.8, 2.0, 1.5, 1.5), head, body))
    return build_pdf(story, document_info(ctx, t, TITLE, PDF_NAME), t)
