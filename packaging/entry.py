"""The bundle's entry point: the same command line as `safedesk` (no command opens the window)."""

from __future__ import annotations

import sys

from safedesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
