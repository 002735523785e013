"""The page every printed form shares: A4, margins for signing and filing, footer, metadata.

Output is reproducible (DESIGN.md §5): ReportLab's `invariant` mode fixes the
document ID and object order, and the creation date comes from the data (the
order's date), never from the clock — the same record prints to the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from safedesk.errors import SafeDeskError
from safedesk.forms.pdf.fonts import REGULAR, register_fonts
from safedesk.forms.pdf.text import PAGE_OF, PDF_LANG_TAGS, Texts
from safedesk.i18n import N_

MM = 72 / 25.4  # points per millimetre
A4 = (210 * MM, 297 * MM)

# Left 30 mm leaves room for the hole punch and the file binding of a signed
# paper form (the usual margin of Kazakh office documents); the bottom margin
# holds the page footer under the text.
LEFT, RIGHT, TOP, BOTTOM = 30 * MM, 15 * MM, 20 * MM, 20 * MM
FOOTER_Y = 10 * MM
FOOTER_SIZE = 7.5


class Orientation(StrEnum):
    PORTRAIT = "portrait"
    LANDSCAPE = "landscape"  # the journals with many columns


def page_size(orientation: Orientation = Orientation.PORTRAIT) -> tuple[float, float]:
    width, height = A4
    return (height, width) if orientation is Orientation.LANDSCAPE else (width, height)


def frame_width(orientation: Orientation = Orientation.PORTRAIT) -> float:
    """The width text may take: the page less both side margins."""
    return page_size(orientation)[0] - LEFT - RIGHT


@dataclass(frozen=True)
class DocumentInfo:
    """What a PDF viewer shows under Properties, and the footer's left-hand label."""

    title: str
    author: str
    subject: str
    created: dt.date  # from the record, so printing twice gives the same bytes
    footer_label: str = ""


def _pdf_date(day: dt.date) -> Callable[..., str]:
    stamp = f"D:{day:%Y%m%d}000000+00'00'"

    def formatter(*_ymdhms: int) -> str:
        return stamp

    return formatter


def _canvas_class(info: DocumentInfo, texts: Texts, orientation: Orientation) -> Any:
    """A canvas that holds every page back until the end, to print 'page N of M'."""
    from reportlab.pdfgen.canvas import Canvas

    width = page_size(orientation)[0]

    class FooterCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict[str, Any]] = []
            self.setDateFormatter(_pdf_date(info.created))

        def showPage(self) -> None:
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held_pages)
            for number, state in enumerate(self._held_pages, start=1):
                self.__dict__.update(state)
                self._footer(number, total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _footer(self, number: int, total: int) -> None:
            self.saveState()
            self.setFont(REGULAR, FOOTER_SIZE)
            if info.footer_label:
                self.drawString(LEFT, FOOTER_Y, info.footer_label)
            self.drawRightString(
                width - RIGHT, FOOTER_Y, texts.joined(PAGE_OF, page=number, pages=total)
            )
            self.restoreState()

    return FooterCanvas


def build_pdf(
    story: list[Any],
    info: DocumentInfo,
    texts: Texts,
    orientation: Orientation = Orientation.PORTRAIT,
) -> bytes:
    """The PDF of `story` (a list of flowables) on the shared page, as bytes."""
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=page_size(orientation),
        leftMargin=LEFT,
        rightMargin=RIGHT,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=info.title,
        author=info.author,
        subject=info.subject,
        creator="SafeDesk",
        invariant=1,
        # Without these the canvas starts in Helvetica, which is then listed,
        # unembedded, among the PDF's fonts even though no text uses it.
        initialFontName=REGULAR,
        initialFontSize=10,
        initialLeading=12,
        lang=PDF_LANG_TAGS[texts.languages[0]],
    )
    doc.build(story, canvasmaker=_canvas_class(info, texts, orientation))
    return buffer.getvalue()


def write_pdf(data: bytes, out_path: str | Path) -> Path:
    """Write the whole file at once, so a failed print leaves no half-written PDF."""
    path = Path(out_path)
    try:
        path.write_bytes(data)
    except OSError as e:
        raise SafeDeskError(
            N_("The file {path} cannot be written: {reason}."),
            path=str(path),
            reason=e.strerror or str(e),
        ) from e
    return path
