"""Every connection to PostgreSQL plans for a database held in memory or on
a solid-state disk (random_page_cost 1.1), unless the server, the database
or the role was given a value of its own (docs/architecture.md#postgresql-planning)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from frontdesk.db.engine import RANDOM_PAGE_COST, Database


def _costs(db: Database) -> list[str]:
    """random_page_cost in each kind of session the program opens."""
    seen = []
    for opening in (db.read, db.write, db.glance, db.snapshot):
        with opening() as s:
            seen.append(str(s.scalar(text("SHOW random_page_cost"))))
    return seen


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_a_connection_plans_for_a_database_in_memory(db: Database) -> None:
    db.dispose()  # connections made from here on
    assert _costs(db) == [RANDOM_PAGE_COST] * 4
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SHOW random_page_cost").scalar_one() == "1.1"


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_an_administrators_value_for_the_database_stands(db: Database) -> None:
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        name = conn.exec_driver_sql("SELECT current_database()").scalar_one()
        conn.exec_driver_sql(f'ALTER DATABASE "{name}" SET random_page_cost = 3')
    db.dispose()
    assert _costs(db) == ["3"] * 4
