"""Printed forms as PDF: bundled fonts, the shared page template, one module per form.

Nothing here imports ReportLab at package import: the window imports the form
registry at start-up, and ReportLab is loaded only when something is printed.
"""
