"""100 SIGKILLs of a real `safedesk stress-write` process; prints kills, rows committed, lost.

    .venv/bin/python benchmarks/crash_kill.py [--kills 100] [--seed 1] [--keep DIR]

The harness is the one tests/db/test_crash.py runs 20 times: after every kill the
integrity check must be "ok", the audit chain must verify, and every id the process
printed after its commit must be in the database. Exit 0 when nothing was lost.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("crash_harness", ROOT / "tests/db/test_crash.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["crash_harness"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="folder to leave the database in")
    parser.add_argument("--json", type=Path, help="also write the figures here (benchmarks/run.py)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    harness = _harness()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="safedesk-crash-"))
    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / "crash.db"
    env = dict(os.environ, SAFEDESK_HOME=str(folder / "home"))
    started = time.perf_counter()
    summary = harness.kill_rounds(db_path, env, args.kills, args.seed)
    seconds = time.perf_counter() - started
    print(f"kills survived     {summary.kills}")
    print(f"rows committed     {len(summary.committed)}")
    print(f"rows lost          {len(summary.lost)}")
    print(f"integrity/chain    {'ok' if not summary.problems else summary.problems}")
    print(f"time               {seconds:.1f} s ({seconds / max(summary.kills, 1):.2f} s a kill)")
    print(f"database           {db_path}")
    from results import row, write_json

    write_json(args.json, [
        row(f"rows lost after {summary.kills} SIGKILLs ({len(summary.committed)} committed)",
            len(summary.lost), target="0", passed=not summary.lost and not summary.problems),
    ])
    return 0 if not summary.lost and not summary.problems else 1


if __name__ == "__main__":
    sys.exit(main())
