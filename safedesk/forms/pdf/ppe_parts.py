"""Ruled tables for the PPE forms (card, issue sheet, milk statement).

The shared letterhead, headings and signature lines come from `parts`; these are the
grid tables those forms add: bilingual column heads (Kazakh over Russian), names in
the printed languages, and empty rows left for handwriting.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from safedesk.forms.pdf.fonts import REGULAR
from safedesk.forms.pdf.parts import paragraph
from safedesk.forms.pdf.text import Texts, markup
from safedesk.forms.pdf.wrap import fitted

GRID = (0.35, 0.35, 0.35)


def stacked(t: Texts, msgid: str, style: Any, **values: Any) -> Any:
    """A phrase in every printed language, one under the other: 'Атауы' over 'Наименование'."""
    seen: list[str] = []
    for lang in t.languages:
        text = markup(t.get(lang, msgid, **values))
        if text not in seen:
            seen.append(text)
    return paragraph("<br/>".join(seen), style)


def named(t: Texts, kk: str, ru: str, style: Any, small: Any) -> list[Any]:
    """A name in the printed language; for both, Kazakh with the Russian under it, smaller."""
    if not t.bilingual:
        return [fitted(t.pick(t.languages[0], kk, ru), style)]
    if not kk or not ru or kk == ru:
        return [fitted(kk or ru, style)]
    return [fitted(kk, style), fitted(ru, small)]


def grid(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    header_rows: int = 1,
    extra: Sequence[Any] = (),
    row_heights: Sequence[float | None] | None = None,
) -> Any:
    """A table ruled on every side, its head shaded and repeated on every page."""
    from reportlab.platypus import Table, TableStyle

    style = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), 7.5),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if header_rows:
        style += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), (0.92, 0.92, 0.92)),
            ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
        ]
    return Table(
        [list(r) for r in rows],
        colWidths=list(widths),
        rowHeights=list(row_heights) if row_heights is not None else None,
        style=TableStyle(style + list(extra)),
        repeatRows=header_rows,
        hAlign="LEFT",
    )


def blank_rows(count: int, columns: int) -> list[list[Any]]:
    """Empty rows for entries written by hand after printing."""
    return [[""] * columns for _ in range(count)]


def small_styles(size: float) -> tuple[Any, Any, Any]:
    """Cell text, a smaller second-language line, and a centred head, at `size` points."""
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    from safedesk.forms.pdf.fonts import register_fonts

    family = register_fonts()
    cell = ParagraphStyle(
        "ppe_cell", fontName=family, fontSize=size, leading=size * 1.2, splitLongWords=False
    )
    second = ParagraphStyle(
        "ppe_second",
        parent=cell,
        fontSize=size - 1,
        leading=(size - 1) * 1.2,
        textColor=(0.3, 0.3, 0.3),
    )
    head = ParagraphStyle("ppe_head", parent=cell, alignment=TA_CENTER)
    return cell, second, head
