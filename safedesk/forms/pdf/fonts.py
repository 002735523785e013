"""The bundled DejaVu Sans, registered with ReportLab once per process.

ReportLab's own 14 fonts have no Cyrillic and are never embedded, so every PDF
names these fonts as its initial font and in every style: `pdffonts` then lists
only embedded DejaVu subsets, and the Kazakh letters ә ғ қ ң ө ұ ү һ і print
on any machine, whatever fonts it has.
"""

from __future__ import annotations

import functools

from safedesk.paths import resource

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
# Registered as a family so that <b> in a paragraph picks the bold file, not a
# synthesised or missing face.
FAMILY = "DejaVuSans"


@functools.cache
def register_fonts() -> str:
    """Register regular and bold (first call only) and return the family name."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(REGULAR, str(resource("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(BOLD, str(resource("fonts", "DejaVuSans-Bold.ttf"))))
    # No italic file is bundled: italic requests fall back to the upright faces.
    addMapping(FAMILY, 0, 0, REGULAR)
    addMapping(FAMILY, 1, 0, BOLD)
    addMapping(FAMILY, 0, 1, REGULAR)
    addMapping(FAMILY, 1, 1, BOLD)
    return FAMILY
