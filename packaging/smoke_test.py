"""Smoke-test a built bundle: the frozen executable runs the main commands, offscreen.

    python packaging/smoke_test.py [--dist dist/safedesk] [--keep DIR]

Each step must exit 0: init, demo (50 employees, 1 year), stats, export of the 2026
package, verify of that package, and a screenshot of every page. A last check asks for the
Kazakh help text, so the compiled catalogs are proved to be inside the bundle. Everything
runs in a throw-away SAFEDESK_HOME, never in the user's data folder.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIST = ROOT / "dist" / "safedesk"
STEP_TIMEOUT = 600  # seconds; demo and screenshot take a few each


@dataclass(frozen=True)
class Step:
    name: str
    args: list[str]
    check: Callable[[subprocess.CompletedProcess[str]], str | None] | None = None


@dataclass(frozen=True)
class Outcome:
    step: str
    ok: bool
    seconds: float
    detail: str = ""


def executable(dist: Path) -> Path:
    name = "safedesk.exe" if sys.platform == "win32" else "safedesk"
    return dist / name


def steps(work: Path) -> list[Step]:
    db = str(work / "smoke.db")
    package = work / "package-2026.zip"
    shots = work / "screenshots"

    def has_package(_r: subprocess.CompletedProcess[str]) -> str | None:
        return None if package.is_file() and package.stat().st_size > 0 else "no package file"

    def has_pngs(_r: subprocess.CompletedProcess[str]) -> str | None:
        pngs = sorted(shots.glob("*.png"))
        if not pngs:
            return "no PNG saved"
        empty = [p.name for p in pngs if p.stat().st_size < 2000]
        return f"blank-looking PNG files: {empty}" if empty else None

    def kazakh(r: subprocess.CompletedProcess[str]) -> str | None:
        # Letters only Kazakh has: the kk catalog was found and loaded.
        return None if any(ch in r.stdout for ch in "әғқңөұүһі") else "help text not in Kazakh"

    return [
        Step("init", ["--db", db, "init"]),
        Step("demo", ["--db", db, "demo", "--employees", "50", "--years", "1"]),
        Step("stats", ["--db", db, "stats"]),
        Step(
            "export", ["--db", db, "export", "--year", "2026", "--out", str(package)], has_package
        ),
        Step("verify", ["--db", db, "verify", str(package)]),
        Step("screenshot", ["--db", db, "screenshot", "--out", str(shots)], has_pngs),
        Step("kazakh help", ["--lang", "kk", "--help"], kazakh),
    ]


def run_step(exe: Path, step: Step, env: dict[str, str]) -> Outcome:
    start = time.perf_counter()
    try:
        result = subprocess.run(
            [str(exe), *step.args],
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=STEP_TIMEOUT,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        return Outcome(step.name, False, time.perf_counter() - start, "timed out")
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        tail = (result.stdout[-1500:] + "\n" + result.stderr[-3000:]).strip()
        return Outcome(step.name, False, seconds, f"exit code {result.returncode}\n{tail}")
    problem = step.check(result) if step.check else None
    return Outcome(step.name, problem is None, seconds, problem or "")


def smoke(dist: Path, work: Path) -> list[Outcome]:
    """Run every step in `work`; stops at the first failure (the next would fail too)."""
    exe = executable(dist)
    if not exe.is_file():
        return [Outcome("bundle", False, 0.0, f"{exe} not found: build it first")]
    env = dict(os.environ)
    env.update(
        SAFEDESK_HOME=str(work / "home"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONIOENCODING="utf-8",
        PYTHONUTF8="1",
    )
    for var in ("SAFEDESK_DB", "PYTHONPATH", "PYTHONHOME"):
        env.pop(var, None)
    outcomes: list[Outcome] = []
    for step in steps(work):
        outcome = run_step(exe, step, env)
        outcomes.append(outcome)
        if not outcome.ok:
            break
    return outcomes


def report(outcomes: Sequence[Outcome]) -> str:
    lines = [
        f"{'ok  ' if o.ok else 'FAIL'} {o.step:<12} {o.seconds:6.1f} s"
        + (f"\n{o.detail}" if o.detail else "")
        for o in outcomes
    ]
    passed = sum(o.ok for o in outcomes)
    lines.append(f"smoke: {passed} passed, {len(outcomes) - passed} failed")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--dist", type=Path, default=DEFAULT_DIST, help="the bundle folder")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        outcomes = smoke(args.dist, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="safedesk-smoke-") as tmp:
            outcomes = smoke(args.dist, Path(tmp))
    print(report(outcomes))
    all_ok = bool(outcomes) and all(o.ok for o in outcomes)
    return 0 if all_ok and len(outcomes) == len(steps(Path("."))) else 1


if __name__ == "__main__":
    sys.exit(main())
