"""roadmap-report.pdf: for each roadmap item the employer acts on, what the registers show
for the period, computed by the sections of `db.roadmap.SECTIONS`, never typed by hand.
"""

from __future__ import annotations

from typing import Any

from safedesk.db.roadmap import NOT_KEPT, RoadmapLine, SectionResult
from safedesk.forms.package.context import PackageContext
from safedesk.forms.package.pdf_common import (
    DASH,
    NOT_KEPT_VALUE,
    amount,
    document_info,
    each,
    heading,
    table,
)
from safedesk.forms.pdf import parts
from safedesk.forms.pdf.page import build_pdf, frame_width
from safedesk.forms.pdf.styles import make_styles
from safedesk.forms.pdf.text import Texts, markup
from safedesk.i18n import N_

NAME = "roadmap-report.pdf"
TITLE = N_("Report on the roadmap of the Safe Labour Concept 2024–2030")
INTRO = N_(
    "Information on the implementation of the East Kazakhstan oblast roadmap for the Safe "
    "Labour Concept of the Republic of Kazakhstan for 2024–2030, items the employer acts "
    "on; every figure is computed from the registers kept in SafeDesk."
)
ITEMS = N_("Items {items}")
ITEM = N_("Item {items}")
HEAD = (N_("What the registers show"), N_("Value"), N_("Target for the year"))


def _value(t: Texts, lang: str, line: RoadmapLine) -> str:
    if not line.available:
        return t.get(lang, NOT_KEPT_VALUE)
    return amount(t, lang, line.value, line.unit)


def _rows(t: Texts, results: list[SectionResult]) -> tuple[list[list[str]], list[int]]:
    rows: list[list[str]] = []
    spans: list[int] = []
    for result in results:
        items = ", ".join(str(i) for i in result.section.items)
        label = ITEMS if len(result.section.items) > 1 else ITEM

        def title(lang: str, label: str = label, items: str = items, r: Any = result) -> str:
            return f"{t.get(lang, label, items=items)}. {t.get(lang, r.section.title)}"

        spans.append(len(rows))
        rows.append([each(t, title)])
        if not result.kept:
            rows.append([each(t, lambda lang: t.get(lang, NOT_KEPT)), DASH, DASH])
            continue
        for line in result.lines:
            target = DASH
            if line.target is not None:
                target = each(t, lambda lang, line=line: amount(t, lang, line.target, line.unit))
            rows.append(
                [
                    each(t, lambda lang, line=line: t.get(lang, line.label)),
                    each(t, lambda lang, line=line: _value(t, lang, line)),
                    target,
                ]
            )
    return rows, spans


def roadmap_pdf(ctx: PackageContext, results: list[SectionResult], lang: str = "both") -> bytes:
    t = Texts(lang)
    s = make_styles(9.5, justify=False)
    width = frame_width()
    story = heading(ctx, t, s, width, TITLE)
    for language in t.languages:
        story.append(parts.paragraph(markup(t.get(language, INTRO)), s.left))
    story.append(parts.spacer(3))
    rows, spans = _rows(t, results)
    head = [t.joined(h, sep="\n") for h in HEAD]
    story.append(table(width, (6.4, 2.4, 1.4), head, rows, spans))
    return build_pdf(story, document_info(ctx, t, TITLE, NAME), t)
