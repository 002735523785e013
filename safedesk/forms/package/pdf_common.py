"""What the package's PDFs share: the period in words, values as a reader writes them,
the heading under the letterhead, and a ruled table whose labels stand in both languages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from safedesk.forms.package.context import PackageContext, Period
from safedesk.forms.pdf import parts
from safedesk.forms.pdf.fonts import BOLD, REGULAR
from safedesk.forms.pdf.grid import cell, grid_styles
from safedesk.forms.pdf.page import DocumentInfo
from safedesk.forms.pdf.styles import Styles
from safedesk.forms.pdf.text import Texts, markup
from safedesk.i18n import N_

YEAR = N_("the year {year}")
QUARTER = N_("quarter {quarter} of {year}")
PERIOD_LINE = N_("Period: {period} ({start} – {end})")
AS_OF = N_("Figures as of {date}")
YES, NO = N_("yes"), N_("no")
DASH = "—"
NOT_KEPT_VALUE = N_("the register is not kept yet")


def period_text(t: Texts, lang: str, period: Period) -> str:
    if period.quarter is None:
        return t.get(lang, YEAR, year=period.year)
    return t.get(lang, QUARTER, quarter=period.quarter, year=period.year)


def number_text(value: float, lang: str) -> str:
    """12 → '12', 0.0330 → '0,033' (kk and ru write a decimal comma)."""
    if float(value).is_integer():
        return str(int(value))
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang in ("kk", "ru") else text


def value_text(t: Texts, lang: str, value: object) -> str:
    if value is None:
        return DASH
    if isinstance(value, bool):
        return t.get(lang, YES if value else NO)
    if isinstance(value, int | float):
        return number_text(value, lang)
    if isinstance(value, dt.date):
        return t.date(lang, value)
    return str(value)


def amount(t: Texts, lang: str, value: object, unit: str) -> str:
    """A value with its unit: '40 %', '14:1', '0,031 per 1,000 workers'."""
    text = value_text(t, lang, value)
    if not unit or value is None:
        return text
    shown = t.get(lang, unit)
    return f"{text}{shown}" if shown.startswith(":") else f"{text} {shown}"


def each(t: Texts, make: Any, sep: str = "\n") -> str:
    """`make(lang)` in every printed language, one under the other, each text once."""
    shown: list[str] = []
    for lang in t.languages:
        text = make(lang)
        if text not in shown:
            shown.append(text)
    return sep.join(shown)


def document_info(ctx: PackageContext, t: Texts, title: str, name: str) -> DocumentInfo:
    """Metadata from the data; the footer names the package and the file, short and exact."""
    org = ctx.organisation
    lang = t.languages[0]
    return DocumentInfo(
        title=t.joined(title),
        author=t.pick(lang, org.name_kk, org.name_ru),
        subject=f"{org.bin} · {period_text(t, lang, ctx.period)}",
        created=ctx.as_of,
        footer_label=f"{ctx.period.file_name(org.bin)} · {name}",
    )


def heading(ctx: PackageContext, t: Texts, s: Styles, width: float, title: str) -> list[Any]:
    """Letterhead, the document's title, the period and the day the figures stand at."""
    story = parts.letterhead(ctx.organisation, t, s, width)
    p = ctx.period
    for lang in t.languages:
        story.append(parts.paragraph(markup(t.get(lang, title)), s.heading))
    lines = []
    for lang in t.languages:
        period = t.get(
            lang,
            PERIOD_LINE,
            period=period_text(t, lang, p),
            start=t.date(lang, p.start),
            end=t.date(lang, p.end),
        )
        lines.append(f"{period}. {t.get(lang, AS_OF, date=t.date(lang, ctx.as_of))}.")
    for line in dict.fromkeys(lines):
        story.append(parts.paragraph(markup(line), s.centre))
    story.append(parts.spacer(4))
    return story


def table(
    width: float,
    shares: Sequence[float],
    head: Sequence[str],
    rows: Sequence[Sequence[str]],
    spans: Sequence[int] = (),
    size: float = 8.0,
) -> Any:
    """A ruled table: a shaded head repeated on each page; rows listed in `spans` are
    section titles across the whole width."""
    from reportlab.platypus import Table, TableStyle

    body, bold = grid_styles(size)
    total = sum(shares)
    widths = [width * share / total for share in shares]
    data: list[list[Any]] = [[cell(h, bold) for h in head]]
    commands: list[Any] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("BACKGROUND", (0, 0), (-1, 0), (0.93, 0.93, 0.93)),
    ]
    section_style = _section_style(body)
    for index, row in enumerate(rows, start=1):
        if index - 1 in spans:
            data.append([cell(row[0], section_style)] + [""] * (len(shares) - 1))
            commands += [
                ("SPAN", (0, index), (-1, index)),
                ("BACKGROUND", (0, index), (-1, index), (0.97, 0.97, 0.97)),
                # A section's title never stands alone at the foot of a page.
                ("NOSPLIT", (0, index), (-1, min(index + 1, len(rows)))),
            ]
        else:
            data.append([cell(value, body) for value in row])
    return Table(data, colWidths=widths, style=TableStyle(commands), repeatRows=1, hAlign="LEFT")


def _section_style(body: Any) -> Any:
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle("section", parent=body, fontName=BOLD)
