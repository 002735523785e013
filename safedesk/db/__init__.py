"""Storage: engine, models, migrations, and one service module per register (the only writers)."""
