"""Record dialogs, one module per kind of record."""
