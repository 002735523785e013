"""The fixed text of a form in the languages it is printed in.

A form is printed in Kazakh, in Russian, or in both on the same sheet (`--lang both`).
Every fixed phrase is an English msgid looked up in the catalog of each printed
language with `translation_for`, so printing never changes the window's language.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from xml.sax.saxutils import escape

from safedesk.i18n import N_, format_date, long_date, pick, translation_for

FORM_LANGUAGES = ("kk", "ru", "both")

# ReportLab needs a language tag for the PDF's /Lang entry (screen readers, search).
PDF_LANG_TAGS = {"kk": "kk-KZ", "ru": "ru-RU"}


class UnknownFormLanguage(ValueError):
    pass


def languages_of(lang: str) -> tuple[str, ...]:
    """('kk',), ('ru',) or ('kk', 'ru'): Kazakh, the state language, comes first."""
    if lang == "both":
        return ("kk", "ru")
    if lang in ("kk", "ru"):
        return (lang,)
    raise UnknownFormLanguage(lang)


def markup(text: str) -> str:
    """Data (names, addresses) made safe to put inside ReportLab paragraph markup."""
    return escape(text)


def decimal(value: float, lang: str) -> str:
    """A measured value as the form's language writes it: 19.5 → '19,5' in kk and ru.

    Up to the digits the value has (`:g`), so 20 prints '20' and 0.35 prints '0,35';
    `lang` is 'kk', 'ru', 'both' (both write a decimal comma) or 'en'.
    """
    text = f"{value:g}"
    return text if lang == "en" else text.replace(".", ",")


def mid_sentence(text: str) -> str:
    """'Инженер по охране труда' → 'инженер по охране труда' inside a sentence.

    An abbreviation ('ИТР', 'ТОО') keeps its capitals: only a capital followed by a
    small letter is lowered.
    """
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def bilingual_field(text: str) -> tuple[str, str]:
    """A one-language field typed as 'kk / ru' split into (kk, ru); else the same twice.

    For free text kept in one field (a position typed by hand on a protocol, a norm's
    legal basis): 'Бас директор / Генеральный директор' prints right in each column.
    The organisation card keeps its head's position in both languages (migration 0018).
    """
    if " / " in text:
        kk, ru = text.split(" / ", 1)
        return kk.strip(), ru.strip()
    return text, text


class Texts:
    """Fixed text in the printed languages: `t.get('ru', msgid, n=1)`."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.languages = languages_of(lang)
        self._catalogs = {code: translation_for(code) for code in self.languages}

    @property
    def bilingual(self) -> bool:
        return len(self.languages) > 1

    def get(self, lang: str, msgid: str, **values: Any) -> str:
        text = self._catalogs[lang].gettext(msgid)
        return text.format(**values) if values else text

    def joined(self, msgid: str, sep: str = " / ", **values: Any) -> str:
        """The phrase in every printed language: 'БҰЙРЫҚ / ПРИКАЗ', metadata and footers."""
        seen: list[str] = []
        for lang in self.languages:
            text = self.get(lang, msgid, **values)
            if text not in seen:  # untranslated catalogs would print the msgid twice
                seen.append(text)
        return sep.join(seen)

    def long_date(self, lang: str, value: dt.date) -> str:
        return long_date(value, lang)

    def date(self, lang: str, value: dt.date) -> str:
        return format_date(value, lang)

    @staticmethod
    def pick(lang: str, kk: str, ru: str) -> str:
        return pick(kk, ru, lang)


# Shared by every form: the page footer and the captions under signature lines.
PAGE_OF = N_("Page {page} of {pages}")
SIGNATURE = N_("signature")
DATE = N_("date")
BIN_LABEL = N_("BIN")
CITY_OF = N_("city of {city}")
