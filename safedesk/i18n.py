"""Translations: gettext catalogs compiled from translations/ with Babel.

`_()` translates now; `N_()` only marks a string for extraction so that it can be
translated later, when the language is known (column titles, enum labels).
The current language is process-wide state, as it is for gettext itself.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gettext
import locale
import os
from pathlib import Path

LANGUAGES: dict[str, str] = {"kk": "Қазақша", "ru": "Русский", "en": "English"}
DOMAIN = "safedesk"
LOCALE_DIR = Path(__file__).parent / "locale"

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"

# Forms and registers are read by people who write dates as 21.03.2024.
_DATE_PATTERNS = {"kk": "%d.%m.%Y", "ru": "%d.%m.%Y", "en": "%d.%m.%Y"}


def N_(message: str) -> str:
    """Mark `message` for translation without translating it yet."""
    return message


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)


def translation_for(language: str) -> gettext.NullTranslations:
    """The catalog of `language`, without changing the current one (bilingual forms)."""
    if language == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)


def set_language(language: str) -> None:
    """Make `language` (kk, ru or en) the language of every later `_()`."""
    global _translation, _language
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    _translation = translation_for(language)
    _language = language


def current_language() -> str:
    return _language


def system_language() -> str:
    """kk, ru or en from the system locale; English when it is something else."""
    candidates = [os.environ.get(k, "") for k in ("LC_ALL", "LC_MESSAGES", "LANG")]
    with contextlib.suppress(ValueError):
        candidates.append(locale.getlocale()[0] or "")
    for value in candidates:
        code = value.split("_")[0].split(".")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def format_date(value: dt.date | None, language: str | None = None) -> str:
    if value is None:
        return ""
    return value.strftime(_DATE_PATTERNS[language or _language])


def format_decimal(value: float | int, language: str | None = None) -> str:
    """A number as the reader writes it: 83.5 → '83,5' in kk and ru, '83.5' in en.

    Only the digits it has (up to six after the point, no exponent): 20.0 → '20',
    0.031 → '0,031'. No grouping of thousands, as the tables show whole numbers.
    """
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text if (language or _language) == "en" else text.replace(".", ",")


def long_date(value: dt.date, language: str | None = None) -> str:
    """'2024 ж. 21 наурыз' / '21 марта 2024 г.' / '21 March 2024' for printed forms."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(value, format="long", locale=language or _language)


def pick(kk: str | None, ru: str | None, language: str | None = None) -> str:
    """The name in the reader's language: Kazakh for kk, Russian otherwise; the other if empty."""
    first, second = (kk, ru) if (language or _language) == "kk" else (ru, kk)
    return first or second or ""
