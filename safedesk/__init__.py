"""SafeDesk: the safety officer's registers, printed forms and inspectorate package."""

__version__ = "0.1.0"
