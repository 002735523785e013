"""Memory of the main window with every page opened once, on a big database (issue 12).

Resident set size (VmRSS of /proc/self/status) after the window is shown with the home
page, then after every page has been shown once; target 250 MB. Its own process, so
nothing else measured before counts.

    python benchmarks/memory.py --db FILE [--json FILE|-]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

TARGET_MB = 250.0


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--json", help="write the rows to this file, '-' for stdout")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from safedesk.app import application
    from safedesk.db.engine import open_database
    from safedesk.db.migrate import prepare
    from safedesk.ui.main_window import MainWindow

    app = application()
    start = rss_mb()
    db = open_database(args.db)
    prepare(db)
    window = MainWindow(db)
    window.show()
    app.processEvents()
    shown = rss_mb()
    for name in window.page_names():
        window.show_page(name)
        app.processEvents()
    for _ in range(20):  # the background counts of the home page and the status bar
        app.processEvents()
    every = rss_mb()
    peak = rss_mb()
    rows = [
        {
            "figure": "memory: window shown, MB RSS (baseline: QApplication alone)",
            "safedesk": round(shown, 1),
            "baseline": round(start, 1),
            "ratio": None,
            "target": "",
            "pass": True,
        },
        {
            "figure": "memory: every page opened once, MB RSS (baseline: QApplication alone)",
            "safedesk": round(every, 1),
            "baseline": round(start, 1),
            "ratio": None,
            "target": f"<={TARGET_MB:.0f} MB",
            "pass": max(every, peak) <= TARGET_MB,
        },
    ]
    text = json.dumps(rows, ensure_ascii=False)
    if args.json == "-":
        print(text)
    elif args.json:
        Path(args.json).write_text(text, "utf-8")
    else:
        for r in rows:
            print(f"{r['figure']}\t{r['safedesk']} MB\t(QApplication alone {r['baseline']} MB)")
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
