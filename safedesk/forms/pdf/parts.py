"""The parts every printed form is made of: letterhead, heading, bilingual text, signatures.

Layout of `--lang both`: the two languages stand side by side, Kazakh on the left
and Russian on the right, one table row per clause. That is how the bilingual
blanks of Kazakh organisations are printed (state-language name and БҰЙРЫҚ on
the left, Russian name and ПРИКАЗ on the right), and how bilingual orders and
contracts there usually continue: row by row each clause faces its translation,
so the reader compares them at a glance, both texts end on the same page, and
the head and the appointee sign once under both, which a copy of the whole text
in the second language after the first would not give.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from safedesk.forms.pdf.fonts import REGULAR
from safedesk.forms.pdf.page import MM
from safedesk.forms.pdf.styles import Styles
from safedesk.forms.pdf.text import BIN_LABEL, CITY_OF, DATE, SIGNATURE, Texts, markup
from safedesk.i18n import N_

COLUMN_GAP = 8 * MM
NUMBER = N_("No. {number}")

# One language's flowables for one row of the text; called once per printed language.
RowMaker = Callable[[str], list[Any]]


@dataclass(frozen=True)
class Letterhead:
    """The employer as it heads every form (the organisation card)."""

    name_kk: str
    name_ru: str
    bin: str
    address: str = ""


@dataclass(frozen=True)
class Place:
    """The city a document is drawn up in, as each language writes it."""

    kk: str
    ru: str


def _table(rows: list[list[Any]], widths: Sequence[float], commands: list[Any]) -> Any:
    from reportlab.platypus import Table, TableStyle

    base = [
        # Plain-string cells would otherwise be drawn, and listed, in Helvetica.
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
    return Table(rows, colWidths=list(widths), style=TableStyle(base + commands), hAlign="LEFT")


def _paragraph(text: str, style: Any) -> Any:
    from reportlab.platypus import Paragraph

    return Paragraph(text, style)


def spacer(height_mm: float) -> Any:
    from reportlab.platypus import Spacer

    return Spacer(1, height_mm * MM)


def side_by_side(t: Texts, width: float, makers: Sequence[RowMaker]) -> list[Any]:
    """The text in one column for one language, or kk | ru row by row for both."""
    if not t.bilingual:
        return [flowable for make in makers for flowable in make(t.languages[0])]
    column = (width - COLUMN_GAP) / 2
    rows = [[make("kk"), "", make("ru")] for make in makers]
    # A clause never parts from its translation, but the table may break between clauses.
    return [_table(rows, (column, COLUMN_GAP, column), [])]


def letterhead(head: Letterhead, t: Texts, s: Styles, width: float) -> list[Any]:
    """Both names of the employer, as on its official blank; then BIN and address.

    The blank carries both names whatever the language of the text, as Kazakh
    organisations' blanks do.
    """
    kk, ru = head.name_kk.strip(), head.name_ru.strip()
    if kk and ru and kk != ru:
        half = (width - COLUMN_GAP) / 2
        names = _table(
            [[_paragraph(markup(kk), s.org_name), "", _paragraph(markup(ru), s.org_name)]],
            (half, COLUMN_GAP, half),
            [],
        )
    else:
        names = _table([[_paragraph(markup(kk or ru), s.org_name)]], (width,), [])
    details = f"{t.joined(BIN_LABEL)}: {markup(head.bin)}"
    if head.address.strip():
        details += f" · {markup(head.address.strip())}"
    line = _table([[""]], (width,), [("LINEABOVE", (0, 0), (-1, -1), 0.8, (0, 0, 0))])
    return [names, spacer(1.5), line, _paragraph(details, s.small), spacer(5)]


def document_heading(
    t: Texts,
    s: Styles,
    width: float,
    kind: str,
    number: str,
    date: dt.date,
    place: Place | None,
) -> list[Any]:
    """БҰЙРЫҚ / ПРИКАЗ, the date and number, and the city, under each language's column."""

    def city(lang: str) -> str:
        if place is None:
            return ""
        return markup(t.get(lang, CITY_OF, city=t.pick(lang, place.kk, place.ru)))

    def number_text(lang: str) -> str:
        return markup(t.get(lang, NUMBER, number=number))

    if t.bilingual:
        column = (width - COLUMN_GAP) / 2
        rows: list[list[Any]] = [
            [_paragraph(markup(t.get(lang, kind)), s.heading) for lang in t.languages],
            [
                _paragraph(f"{markup(t.long_date(lang, date))}  {number_text(lang)}", s.centre)
                for lang in t.languages
            ],
        ]
        if place is not None:
            rows.append([_paragraph(city(lang), s.centre) for lang in t.languages])
        for row in rows:
            row.insert(1, "")
        return [_table(rows, (column, COLUMN_GAP, column), []), spacer(4)]
    lang = t.languages[0]
    half = width / 2
    rows = [
        [_paragraph(markup(t.get(lang, kind)), s.heading), ""],
        [
            _paragraph(markup(t.long_date(lang, date)), s.left),
            _paragraph(number_text(lang), s.right),
        ],
    ]
    commands: list[Any] = [("SPAN", (0, 0), (1, 0))]
    if place is not None:
        rows.append([_paragraph(city(lang), s.centre), ""])
        commands.append(("SPAN", (0, 2), (1, 2)))
    return [_table(rows, (half, half), commands), spacer(4)]


def paragraph(text: str, style: Any) -> Any:
    """A paragraph of markup; put data through `markup()` first."""
    return _paragraph(text, style)


def _caption(t: Texts, s: Styles, msgid: str) -> Any:
    return _paragraph(f"({markup(t.joined(msgid))})", s.caption)


def signature_line(t: Texts, s: Styles, width: float, position: str, name: str) -> Any:
    """'position ____________ Surname I.O.' with '(signature)' under the line."""
    line = ("LINEBELOW", (1, 0), (1, 0), 0.5, (0, 0, 0))
    return _table(
        [
            [_paragraph(position, s.left), "", _paragraph(markup(name), s.right)],
            ["", _caption(t, s, SIGNATURE), ""],
        ],
        (width * 0.45, width * 0.25, width * 0.30),
        # The name stands on the line, level with the last line of a long position.
        [line, ("TOPPADDING", (0, 0), (-1, 0), 10), ("VALIGN", (0, 0), (-1, 0), "BOTTOM")],
    )


def signatures_in_row(t: Texts, s: Styles, width: float, signers: Sequence[tuple[str, str]]) -> Any:
    """Signatures side by side ('position ____ name' each): their lines level, room for names.

    One table row holds them all, set to its bottom, so a two-line position does not push
    its line lower than the one beside it.
    """
    gap = COLUMN_GAP
    each = (width - gap * (len(signers) - 1)) / len(signers)
    top: list[Any] = []
    captions: list[Any] = []
    widths: list[float] = []
    commands: list[Any] = [
        ("TOPPADDING", (0, 0), (-1, 0), 10),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
    ]
    for i, (position, name) in enumerate(signers):
        if i:
            top.append("")
            captions.append("")
            widths.append(gap)
        line = len(top) + 1
        top += [_paragraph(position, s.left), "", _paragraph(markup(name), s.right)]
        captions += ["", _caption(t, s, SIGNATURE), ""]
        widths += [each * 0.42, each * 0.33, each * 0.25]
        commands.append(("LINEBELOW", (line, 0), (line, 0), 0.5, (0, 0, 0)))
    return _table([top, captions], widths, commands)


def sign_and_date_rows(t: Texts, s: Styles, width: float, names: Sequence[str]) -> Any:
    """A row per person: name, a line to sign on, a line for the date they signed."""
    gap = width * 0.05
    rows: list[list[Any]] = []
    commands: list[Any] = []
    for i, name in enumerate(names):
        top = 2 * i
        rows.append([_paragraph(markup(name), s.left), "", "", "", ""])
        rows.append(["", "", _caption(t, s, SIGNATURE), "", _caption(t, s, DATE)])
        commands += [
            ("LINEBELOW", (2, top), (2, top), 0.5, (0, 0, 0)),
            ("LINEBELOW", (4, top), (4, top), 0.5, (0, 0, 0)),
            ("TOPPADDING", (0, top), (-1, top), 12),
            ("VALIGN", (0, top), (-1, top), "BOTTOM"),
        ]
    widths = (width * 0.40, gap, width * 0.25, gap, width * 0.25)
    return _table(rows, widths, commands)


# Rows of a table, or paragraphs of text, that go to the next page with the signatures.
KEEP_WITH_SIGNATURES = 2


def keep_with_end(story: list[Any], block: Sequence[Any], rows: int = KEEP_WITH_SIGNATURES) -> None:
    """Append `block` (the signatures) to `story`, never alone at the top of a page.

    The block stays whole and together with the end of what it signs: the last `rows`
    rows of a table (the table breaks earlier, its head repeated, if the block does not
    fit under it) or the last `rows` paragraphs of text.
    """
    from reportlab.platypus import KeepTogether, Table

    if story and isinstance(story[-1], Table):
        story.append(_table_with_tail(story.pop(), list(block), rows))
        return
    tail: list[Any] = []
    while story and len([f for f in tail if _is_text(f)]) < rows and _is_text(story[-1]):
        tail.insert(0, story.pop())
    story.append(KeepTogether([*tail, *block]))


def _is_text(flowable: Any) -> bool:
    from reportlab.platypus import Paragraph

    return isinstance(flowable, Paragraph)


def _table_with_tail(table: Any, tail: list[Any], rows: int) -> Any:
    from reportlab.platypus import Flowable

    class TableWithTail(Flowable):  # type: ignore[misc]
        """A table and what follows it; splits only so the tail keeps `rows` rows."""

        def __init__(self, table: Any) -> None:
            super().__init__()
            self.table = table

        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
            self.width = availWidth
            return availWidth, 0xFFFFFF  # laid out by split, as KeepTogether is

        def split(self, aw: float, ah: float) -> list[Any]:
            canv = getattr(self, "canv", None)
            parts = [self.table, *tail]
            total = sum(
                f.wrapOn(canv, aw, ah)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in parts
            )
            if total <= ah:
                return parts
            self.table.wrapOn(canv, aw, ah)
            head = self.table.repeatRows if isinstance(self.table.repeatRows, int) else 0
            heights = list(self.table._rowHeights)
            keep = len(heights) - rows  # rows that may stay on this page
            if keep <= head:
                return []  # too few rows to break: all goes to the next page
            # Break where the page is full, but leave at least `rows` rows for the tail.
            pieces = self.table.split(aw, min(ah, sum(heights[:keep]) + 0.01))
            if len(pieces) < 2:
                return []
            return [*pieces[:-1], TableWithTail(pieces[-1])]

    return TableWithTail(table)
