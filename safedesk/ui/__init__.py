"""The window: pages call services; they never build SQL text or write through the ORM."""
