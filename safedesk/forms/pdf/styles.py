"""Paragraph styles of printed forms, all in the bundled DejaVu Sans."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from safedesk.forms.pdf.fonts import BOLD, register_fonts


@dataclass(frozen=True)
class Styles:
    body: Any  # justified text: preambles and clauses
    clause: Any  # a numbered clause
    subclause: Any  # a numbered sub-clause, indented under its clause
    heading: Any  # the kind of document: БҰЙРЫҚ / ПРИКАЗ
    title: Any  # what the document is about, bold, left
    centre: Any
    left: Any
    right: Any
    org_name: Any  # the employer's name in the letterhead
    small: Any  # BIN and address under the letterhead
    caption: Any  # "(signature)" under a signature line
    size: float


def make_styles(size: float = 10.5, justify: bool = True) -> Styles:
    """Styles at `size` points; two columns side by side print a little smaller.

    Text in half-page columns is set flush left (`justify=False`): long Kazakh
    and Russian words without hyphenation would open wide gaps in justified lines.
    """
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    family = register_fonts()
    leading = size * 1.3
    base = ParagraphStyle(
        "base",
        fontName=family,
        fontSize=size,
        leading=leading,
        # Kazakh and Russian words are long; never split one across lines silently.
        splitLongWords=False,
        allowWidows=0,
        allowOrphans=0,
    )

    text_alignment = TA_JUSTIFY if justify else TA_LEFT

    def style(name: str, **kw: Any) -> Any:
        return ParagraphStyle(name, parent=base, **kw)

    return Styles(
        body=style("body", alignment=text_alignment, firstLineIndent=size * 2.5, spaceAfter=3),
        clause=style("clause", alignment=text_alignment, firstLineIndent=size * 2.5, spaceBefore=3),
        subclause=style("subclause", alignment=text_alignment, leftIndent=size * 2.5),
        heading=style(
            "heading",
            fontName=BOLD,
            fontSize=size + 3.5,
            leading=(size + 3.5) * 1.3,
            alignment=TA_CENTER,
        ),
        title=style("title", fontName=BOLD, alignment=TA_LEFT, spaceBefore=6, spaceAfter=6),
        centre=style("centre", alignment=TA_CENTER),
        left=style("left", alignment=TA_LEFT),
        right=style("right", alignment=TA_RIGHT),
        org_name=style("org_name", fontName=BOLD, alignment=TA_CENTER),
        small=style("small", fontSize=size - 2, leading=(size - 2) * 1.3, alignment=TA_CENTER),
        caption=style("caption", fontSize=size - 3, leading=(size - 3) * 1.2, alignment=TA_CENTER),
        size=size,
    )
