"""The submission package for the oblast labour inspection (DESIGN.md §5): build and verify."""
