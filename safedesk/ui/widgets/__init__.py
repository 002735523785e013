"""Widgets every page shares: fields that validate, record dialogs, the table page, errors."""
