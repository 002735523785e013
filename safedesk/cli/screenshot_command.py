"""`safedesk screenshot --out DIR`: every page of the window as a PNG, for docs and review."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from safedesk.i18n import _


def register(sub: Any) -> None:
    p = sub.add_parser("screenshot", help=_("save a PNG of every page of the window"))
    p.add_argument("--out", required=True, type=Path, help=_("folder for the PNG files"))
    p.add_argument("--width", type=int, default=1280)
    p.add_argument("--height", type=int, default=800)
    p.set_defaults(run=run)


def settle(app: Any, timeout_s: float = 120.0) -> None:
    """Let the page's background work (counts, charts) finish and its results be shown.

    Without it a busy machine photographs "Counting…" instead of the figures. A result
    may start another job (the due list after the counts), so wait until none is left.
    """
    import time

    from safedesk.ui.workers import busy

    deadline = time.monotonic() + timeout_s
    app.processEvents()
    while busy() and time.monotonic() < deadline:
        time.sleep(0.02)
        app.processEvents()
    app.processEvents()


def run(args: argparse.Namespace) -> int:
    # Offscreen unless a real display was asked for: this must work on a server.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from safedesk.app import application, build_window, open_prepared
    from safedesk.i18n import current_language
    from safedesk.ui.qt_i18n import install_qt_translator

    app = application()
    install_qt_translator(app, current_language())
    db = open_prepared(args.db)
    window = build_window(db, ask_organisation=False)
    window.resize(args.width, args.height)
    window.show()
    args.out.mkdir(parents=True, exist_ok=True)
    for name in window.page_names():
        window.show_page(name)
        settle(app)
        target = args.out / f"{name}.png"
        window.grab().save(str(target))
        print(target)
    window.close()
    db.dispose()
    print(
        _("Pages saved in {out}: {n}").format(n=len(window.page_names()), out=args.out),
        file=sys.stderr,
    )
    return 0
