"""A ruled table of a journal or a protocol: bilingual column heads, rows, empty signature cells.

Column heads print in every language of the form, one under the other (Kazakh first), so a
journal kept in both languages has one table, as the paper journals do.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from safedesk.forms.pdf.fonts import BOLD, REGULAR, register_fonts
from safedesk.forms.pdf.text import Texts, markup
from safedesk.forms.pdf.wrap import fit_text

# The smallest a column head is set in before its longest word is split.
MIN_HEAD_SIZE = 4.5
# LEFTPADDING + RIGHTPADDING of a grid cell.
CELL_PADDING = 4.0


@dataclass(frozen=True)
class GridColumn:
    title: str  # msgid
    share: float  # part of the width
    align: str = "LEFT"


def cell(text: str, style: Any) -> Any:
    from reportlab.platypus import Paragraph

    return Paragraph(markup(text).replace("\n", "<br/>"), style)


def body_cell(text: str, style: Any, width: float, padding: float = CELL_PADDING) -> Any:
    """A cell of data that stays inside its column, `width` points wide with its padding.

    A word wider than the column breaks after its hyphen ('Ремонтно-' / 'механический'),
    else between syllables with a hyphen mark, so it never runs over the next column.
    """
    return cell(fit_text(text, style.fontName, style.fontSize, width - padding), style)


def head_cell(text: str, style: Any, width: float) -> Any:
    """A column head that stays inside its column, `width` points wide with its padding.

    The head wraps at spaces; a word wider than the column ('инструктирующего' over a
    narrow signature column) makes the head smaller, down to MIN_HEAD_SIZE, and only then
    is the word split, so no head ever crosses into the next column or the border.
    """
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth

    room = width - CELL_PADDING
    words = text.split()
    size = style.fontSize

    def widest(at: float) -> float:
        return max((stringWidth(w, style.fontName, at) for w in words), default=0.0)

    while size > MIN_HEAD_SIZE and widest(size) > room:
        size = max(MIN_HEAD_SIZE, size - 0.25)
    if size != style.fontSize or widest(size) > room:
        style = ParagraphStyle(
            f"{style.name}_{size:g}",
            parent=style,
            fontSize=size,
            leading=size * 1.2,
            splitLongWords=widest(size) > room,
        )
    return cell(text, style)


def both(t: Texts, kk: str, ru: str) -> str:
    """A value in every printed language, one under the other, each once."""
    shown: list[str] = []
    for lang in t.languages:
        value = t.pick(lang, kk, ru)
        if value and value not in shown:
            shown.append(value)
    return "\n".join(shown)


def leaf(path: str) -> str:
    """'Mine / Shaft 1 / Section 2' → 'Section 2': a table cell names the unit itself."""
    return path.rsplit(" / ", 1)[-1]


def grid_styles(size: float) -> tuple[Any, Any]:
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    # Body text is broken to fit its column by `body_cell`; splitting is the last resort.
    body = ParagraphStyle(
        "grid", fontName=REGULAR, fontSize=size, leading=size * 1.2, splitLongWords=True
    )
    # Heads are smaller: the narrow signature columns must not split their words.
    head = ParagraphStyle(
        "grid_head",
        parent=body,
        fontName=BOLD,
        fontSize=size - 1.5,
        leading=(size - 1.5) * 1.2,
        alignment=TA_CENTER,
        splitLongWords=False,
    )
    return body, head


def grid(
    t: Texts,
    width: float,
    columns: Sequence[GridColumn],
    rows: Sequence[Sequence[str]],
    size: float = 7.5,
    row_padding: float = 4.0,
) -> Any:
    """The table; the head repeats on every page; cells left '' stay empty to sign in."""
    from reportlab.platypus import Table, TableStyle

    register_fonts()  # heads and cells are measured before the document is built
    body, head = grid_styles(size)
    total = sum(c.share for c in columns)
    widths = [width * c.share / total for c in columns]
    titles = [t.joined(c.title, sep="\n") for c in columns]
    data: list[list[Any]] = [
        [head_cell(title, head, w) for title, w in zip(titles, widths, strict=True)]
    ]
    number = [cell(str(i + 1), head) for i in range(len(columns))]
    data.append(number)
    data += [
        [body_cell(value, body, widths[min(i, len(widths) - 1)]) for i, value in enumerate(row)]
        for row in rows
    ]
    commands: list[Any] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("VALIGN", (0, 2), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("BACKGROUND", (0, 0), (-1, 1), (0.93, 0.93, 0.93)),
    ]
    # Room to sign in: a signature needs more height than one line of text.
    commands += [
        ("TOPPADDING", (0, 2), (-1, -1), row_padding),
        ("BOTTOMPADDING", (0, 2), (-1, -1), row_padding),
    ]
    return Table(
        data,
        colWidths=widths,
        style=TableStyle(commands),
        repeatRows=2,
        hAlign="LEFT",
    )
