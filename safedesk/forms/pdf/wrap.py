"""Words that fit their table cell: broken after a hyphen first, then between syllables.

ReportLab wraps a cell's text at spaces only (its own hyphenation needs pyphen and knows no
Kazakh letters), so a long word such as 'Ремонтно-механический' or 'Жөндеу-механикалық'
in a narrow column ran past its cell and over the next column's text. `fit_text` breaks
every word wider than the cell into pieces that fit, before the paragraph is made:

* after the hyphen of a compound word ('Ремонтно-' / 'механический'), no mark added;
* else between syllables, with a hyphen at the break ('Электро-' / 'слесарь');
* else, as a last resort, between any two characters (a hyphen only between letters).

The pieces are separated by spaces, so ReportLab wraps the paragraph there; each piece but
the last is as wide as the cell allows, so two pieces never stand on one line.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from safedesk.forms.pdf.fonts import register_fonts
from safedesk.forms.pdf.text import markup

NUMBER_SIGN = re.compile(r"№ (?=\S)")
# Kazakh and Russian vowels (and Latin, for codes typed in Latin letters).
VOWELS = frozenset("аеёиоуыэюяәіөұүӘІӨҰҮАЕЁИОУЫЭЮЯaeiouyAEIOUY")
# Letters a syllable never starts with.
NO_START = frozenset("ьъйЬЪЙ")
SOFT_SIGNS = frozenset("ьъЬЪ")
SONORANTS = frozenset("млнрйңМЛНРЙҢ")
HYPHENS = "-‐"  # ASCII hyphen-minus and U+2010 HYPHEN
MARK = "-"
# ReportLab fits a line when it is no wider than its room; keep clear of rounding.
EPSILON = 0.01


def _width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register_fonts()
    return float(stringWidth(text, font, size))


def _consonant(c: str) -> bool:
    return c.isalpha() and c not in VOWELS


def _syllable_cuts(word: str) -> list[int]:
    """Positions between syllables where a word may be broken with a hyphen mark."""
    cuts: list[int] = []
    for i in range(2, len(word) - 1):
        before, after = word[i - 1], word[i]
        if not (before.isalpha() and after.isalpha()) or after in NO_START:
            continue
        if before not in VOWELS and after in VOWELS:
            continue  # 'Рем|онт': a consonant goes with the vowel after it
        if word[i + 1] in SOFT_SIGNS:
            continue  # 'противоаэрозо|льный': a soft sign stays with its consonant
        if before in VOWELS and after in SONORANTS and _consonant(word[i + 1]):
            continue  # 'Ремо|нтно': 'н' before a consonant closes the syllable
        if _consonant(before) and before not in SONORANTS and after in SONORANTS:
            continue  # 'Электрос|лесарь': 'сл', 'тр' begin a syllable together
        left, right = word[:i], word[i:]
        if not any(c in VOWELS for c in left) or not any(c in VOWELS for c in right):
            continue
        if len(right) < 2 or not word[i + 1 :].strip(".,;:!?)»\"'"):
            continue
        cuts.append(i)
    return cuts


def fit_word(word: str, font: str, size: float, room: float) -> list[str]:
    """`word` in pieces each no wider than `room` points (one piece when it fits)."""
    register_fonts()
    room -= EPSILON
    if room <= 0 or _width(word, font, size) <= room:
        return [word]
    hyphen_cuts = [i + 1 for i, c in enumerate(word[:-1]) if c in HYPHENS and i > 0]
    syllable_cuts = _syllable_cuts(word)
    pieces: list[str] = []
    start = 0
    while _width(word[start:], font, size) > room:
        cut, mark = 0, ""
        for cuts, with_mark in ((hyphen_cuts, ""), (syllable_cuts, MARK)):
            fitting = [
                p
                for p in cuts
                if p > start and _width(word[start:p] + with_mark, font, size) <= room
            ]
            if fitting:
                cut, mark = max(fitting), with_mark
                break
        if not cut:
            # No hyphen or syllable break fits: break between characters.
            cut = start + 1
            while cut + 1 < len(word):
                ahead = MARK if word[cut].isalpha() and word[cut + 1].isalpha() else ""
                if _width(word[start : cut + 1] + ahead, font, size) > room:
                    break
                cut += 1
            between_letters = word[cut - 1].isalpha() and word[cut].isalpha()
            mark = MARK if between_letters else ""
            if mark and cut - start > 1 and _width(word[start:cut] + mark, font, size) > room:
                cut -= 1
                mark = MARK if word[cut - 1].isalpha() and word[cut].isalpha() else ""
        pieces.append(word[start:cut] + mark)
        start = cut
    pieces.append(word[start:])
    return pieces


def fit_text(text: str, font: str, size: float, room: float) -> str:
    """Plain `text` (lines split by '\\n') with every word broken to fit `room` points."""
    register_fonts()
    lines = []
    for line in text.split("\n"):
        # '№ 1' never parts from its number: 'Горный участок №' / '1' reads wrong.
        words = NUMBER_SIGN.sub("№\u00a0", line).split(" ")
        lines.append(" ".join(" ".join(fit_word(w, font, size, room)) for w in words))
    return "\n".join(lines)


def fitted(text: str, style: Any) -> Any:
    """A paragraph of plain `text` (data, not markup) whose long words are broken to fit.

    The paragraph learns its width when its table lays it out, so it fits any column.
    """
    return _fitted_class()(text, style)


@functools.cache
def _fitted_class() -> Any:
    from reportlab.platypus import Paragraph

    class FittedParagraph(Paragraph):  # type: ignore[misc]
        def __init__(self, text: str | None, style: Any, **kw: Any) -> None:
            # Parts of a split paragraph come back as frags, already fitted.
            self._plain = text if text is not None and "frags" not in kw else None
            self._fitted_to: float | None = None
            if self._plain is not None:
                text = markup(self._plain).replace("\n", "<br/>")
            super().__init__(text, style, **kw)

        def wrap(self, availWidth: float, availHeight: float) -> Any:
            room = availWidth - self.style.leftIndent - self.style.rightIndent
            if self._plain is not None and self._fitted_to != room:
                self._fitted_to = room
                text = fit_text(self._plain, self.style.fontName, self.style.fontSize, room)
                Paragraph.__init__(self, markup(text).replace("\n", "<br/>"), self.style)
            return super().wrap(availWidth, availHeight)

    return FittedParagraph
