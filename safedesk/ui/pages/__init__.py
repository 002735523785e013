"""One page per register, shown by the main window."""
