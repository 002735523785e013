"""Qt's own translations, so standard buttons read "Бас тарту" / "Отмена"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

_installed: list[QTranslator] = []


def install_qt_translator(app: QCoreApplication, language: str) -> None:
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language == "en":
        return
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{language}", folder):
        app.installTranslator(translator)
        _installed.append(translator)
