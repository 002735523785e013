"""Migration 0016: gas tests written before it get the limits in `permit_gas_limits` when
migrating (the best knowledge there is of the limits they were judged by)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from sqlalchemy import inspect, select, text

from safedesk.db.engine import Database, open_database
from safedesk.db.migrate import MIGRATIONS_DIR, prepare
from safedesk.db.models import PermitGasTest
from safedesk.db.permit_entries import GasTestFields, add_gas_test
from safedesk.db.permits import create_permit
from safedesk.db.schema import HEAD, SchemaState, schema_state
from safedesk.domain.permit_gas import Gas, GasLimit, limits_of

sys.path.insert(0, str(Path(__file__).parent))
from permits_setup import START, confined_space, staff


def to_revision(db: Database, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)


def test_old_gas_tests_get_the_limits_in_force_when_migrating(db_path: Path | str) -> None:
    db = open_database(db_path, user="tester")
    st = staff(db)
    with db.write() as s:
        pid = create_permit(s, confined_space(st)).id
        air = {Gas.O2: "20.6", Gas.LEL: "0", Gas.CO: "3", Gas.H2S: "0"}
        fields = GasTestFields(START, air, "люк Л-1", st.ids["admitter"], "X-am 2500 № 17")
        add_gas_test(s, pid, fields, now=START + dt.timedelta(minutes=1))
    to_revision(db, "0015")  # a database of the release before: tests without their limits
    with db.engine.begin() as conn:
        columns = {c["name"] for c in inspect(conn).get_columns("permit_gas_tests")}
        assert "limits" not in columns
        # The limits as they are when the user's database is migrated (edited since seeding).
        conn.execute(
            text(
                "UPDATE permit_gas_limits SET low = 0.5, high = 5.5, low_inclusive = :no, "
                "high_inclusive = :no WHERE gas = 'co'"
            ),
            {"no": False},
        )
    prepare(db)
    assert schema_state(db.engine) == (SchemaState.CURRENT, HEAD)
    with db.engine.connect() as conn:
        column = next(
            c for c in inspect(conn).get_columns("permit_gas_tests") if c["name"] == "limits"
        )
        assert column["nullable"] is False  # every test says its limits from now on
    with db.session() as s:
        test = s.scalars(select(PermitGasTest)).one()
        limits = limits_of(test.limits)
        assert test.within_limits  # the verdict as it was written
    assert list(limits) == list(Gas)
    assert limits[Gas.CO] == GasLimit(Gas.CO, 0.5, 5.5, False, False)
    assert limits[Gas.O2] == GasLimit(Gas.O2, 19.5, 23.5, True, True)
    assert limits[Gas.LEL] == GasLimit(Gas.LEL, None, 10.0, True, False)
    db.dispose()
