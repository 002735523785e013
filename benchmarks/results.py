"""The one shape every benchmark reports in, so `benchmarks/run.py` can put them in one table.

A benchmark given `--json FILE` writes a list of rows:
    {"figure": str, "safedesk": number|str, "baseline": number|str|None,
     "ratio": number|None, "target": str, "pass": bool|None}
`safedesk` and `baseline` carry their unit in the figure's name ("first screen, ms").
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def row(
    figure: str,
    safedesk: float | str,
    baseline: float | str | None = None,
    *,
    target: str = "",
    passed: bool | None = None,
    ratio: float | None = None,
) -> dict[str, Any]:
    """One table row; the ratio is computed when both sides are numbers and none is given."""
    if ratio is None and isinstance(safedesk, int | float) and isinstance(baseline, int | float):
        ratio = safedesk / baseline if baseline else None
    return {
        "figure": figure,
        "safedesk": safedesk,
        "baseline": baseline,
        "ratio": ratio,
        "target": target,
        "pass": passed,
    }


def write_json(path: Path | None, rows: list[dict[str, Any]]) -> None:
    if path is not None:
        path.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
