"""Demo data for every register: `safedesk demo` and the window's "fill with demo data"."""

from safedesk.demo.build import STEPS, DemoCancelled, DemoRefused, build_demo

__all__ = ["STEPS", "DemoCancelled", "DemoRefused", "build_demo"]
