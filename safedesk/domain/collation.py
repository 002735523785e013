"""Alphabetical order of Kazakh and Russian names, without ICU.

SQLite compares text by code point, which puts Ә, Ғ, Қ, Ң, Ө, Ұ, Ү, Һ, І after Я.
`sort_key` maps each letter to its place in the Kazakh Cyrillic alphabet (which holds
the Russian one in the same order), so a plain indexed column sorts names correctly.
"""

from __future__ import annotations

KAZAKH_ALPHABET = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
_BASE = 0x2000  # far above ASCII digits and Latin, below nothing a name uses
_RANK = {letter: chr(_BASE + i) for i, letter in enumerate(KAZAKH_ALPHABET)}


def sort_key(text: str) -> str:
    """A string whose code-point order is the alphabetical order of `text`, case-blind."""
    return "".join(_RANK.get(c, c) for c in text.casefold())


def search_text(*parts: str | None) -> str:
    """What filter-as-you-type matches against: case-blind, ё as е."""
    return " ".join(p for p in parts if p).casefold().replace("ё", "е")
