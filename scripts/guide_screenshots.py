"""Regenerate the user guide's screenshots: docs/guide/img/<kk|ru|en>/<page>.png.

    python scripts/guide_screenshots.py

Makes a demo database in a throw-away folder, runs `safedesk --lang L screenshot` for each
language (offscreen, 1280×800) and keeps only the pages the guide shows, as 64-colour PNG
files (about 60 KB each; the three languages stay well under 3 MB).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "guide" / "img"
LANGUAGES = ("kk", "ru", "en")
WIDTH, HEIGHT = 1280, 800
# The pages docs/guide/*.md show, in the order of the guide.
PAGES = (
    "home",
    "employees",
    "responsible",
    "briefings",
    "knowledge_checks",
    "risk",
    "ppe_due",
    "ppe_issues",
    "near_misses",
    "accidents",
    "permits",
    "settings",
)


def safedesk(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "-m", "safedesk", *args], env=env, check=True)


def shrink(source: Path, target: Path) -> int:
    """Crop to 1280×800 (a page wider than that loses its right edge) and cut to 64 colours."""
    with Image.open(source) as image:
        rgb = image.convert("RGB").crop((0, 0, WIDTH, HEIGHT))
    small = rgb.quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    target.parent.mkdir(parents=True, exist_ok=True)
    small.save(target, optimize=True)
    return target.stat().st_size


def main() -> int:
    total = 0
    with tempfile.TemporaryDirectory(prefix="safedesk-guide-") as tmp:
        work = Path(tmp)
        env = dict(os.environ, SAFEDESK_HOME=str(work / "home"), QT_QPA_PLATFORM="offscreen")
        env.pop("SAFEDESK_DB", None)
        db = str(work / "demo.db")
        safedesk(env, "--db", db, "init")
        safedesk(env, "--db", db, "demo", "--employees", "120", "--years", "2", "--seed", "7")
        for lang in LANGUAGES:
            shots = work / lang
            safedesk(env, "--db", db, "--lang", lang, "screenshot", "--out", str(shots))
            for page in PAGES:
                source = shots / f"{page}.png"
                if not source.is_file():
                    print(f"no page {page!r} in this version: skipped", file=sys.stderr)
                    continue
                total += shrink(source, OUT / lang / f"{page}.png")
    print(f"{OUT}: {total / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
