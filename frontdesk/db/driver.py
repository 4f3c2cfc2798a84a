"""Reads run on the driver's own cursor, for what the clerk waits for at
every keystroke (docs/architecture.md#the-drivers-cursor).

SQLAlchemy's way of running a statement already built and compiled (its
connection's bookkeeping, events, result object) costs about 0.09 ms on
the counter's machine; the driver's cursor runs the same statement in about
0.01 ms.  The customer search runs two or three statements a keystroke, and
on a database of a few thousand customers those are more than the reading
itself (docs/performance.md).

A statement here is SQL text written with ``:name`` parameters (SQLite's
own form; ``%(name)s`` for psycopg, converted once), run on the session's
connection, in its transaction if it has one.  What SQLAlchemy adds on the
way is kept where it matters: when the driver fails, the statement is run
once more through SQLAlchemy (``exec_driver_sql``).  On a lost connection
SQLAlchemy then marks it lost and lets the pool's dead connections go, as
for every other statement; the caller gets the driver's first error as
SQLAlchemy's (its parameters hidden), marked lost when SQLAlchemy found
the connection lost (``Database.query`` then reads again on a fresh
connection).  A failure the second run does not repeat (SQLite busy for a
moment) is not one.

The engine's ``before_cursor_execute`` and ``after_cursor_execute``
listeners see these statements as they see every other (with no execution
context); the dialect's ``do_execute`` does not run.

The rows come as the driver gives them: what a column type would convert
(SQLite's dates are text) the caller converts with :func:`converter`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeEngine

_NAME = re.compile(r"(?<![:\w]):(\w+)")


@lru_cache(maxsize=128)
def driver_sql(sql: str, dialect: str) -> str:
    """``sql`` (``:name`` parameters) as the dialect's driver takes it."""
    if dialect == "sqlite":
        return sql
    if dialect == "postgresql":
        return _NAME.sub(r"%(\1)s", sql.replace("%", "%%"))
    raise ValueError(f"no driver form of a statement for {dialect}")


def rows(session: Session, sql: str, params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
    """All rows of ``sql`` with ``params``, read on the driver's cursor of
    the session's connection."""
    return _run(session, sql, params, True)


def execute(session: Session, sql: str, params: Mapping[str, Any]) -> None:
    """Run ``sql`` (a write, no rows) with ``params`` on the driver's
    cursor of the session's connection, in its transaction.  Run again
    through SQLAlchemy only when the driver failed, so never twice."""
    _run(session, sql, params, False)


def _run(session: Session, sql: str, params: Mapping[str, Any], fetch: bool) -> list[tuple[Any, ...]]:
    conn = session.connection()
    statement = driver_sql(sql, conn.dialect.name)
    watched = bool(conn.dispatch.before_cursor_execute or conn.dispatch.after_cursor_execute)
    try:
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            if watched:  # the engine's listeners see it as every statement (without an execution context)
                conn.dispatch.before_cursor_execute(conn, cursor, statement, params, None, False)
            cursor.execute(statement, params)
            found = list(cursor.fetchall()) if fetch else []
            if watched:
                conn.dispatch.after_cursor_execute(conn, cursor, statement, params, None, False)
            return found
        finally:
            cursor.close()
    except conn.dialect.loaded_dbapi.Error as exc:
        try:
            # Once more through SQLAlchemy: a connection it finds lost, it marks so and lets the pool's go.
            result = conn.exec_driver_sql(statement, dict(params))
            return list(result.tuples()) if fetch else []
        except DBAPIError as again:
            # The caller hears of the first error (on a lost connection the second says only that it is closed).
            raise DBAPIError.instance(
                statement, params, exc, conn.dialect.loaded_dbapi.Error, hide_parameters=conn.engine.hide_parameters,
                connection_invalidated=again.connection_invalidated, dialect=conn.dialect) from exc


def converter(column_type: TypeEngine[Any], session: Session) -> Callable[[Any], Any]:
    """What turns a value of ``column_type`` as the session's driver gives
    it into the value SQLAlchemy would have given (a date from SQLite's text)."""
    dialect = session.connection().dialect
    process = column_type.dialect_impl(dialect).result_processor(dialect, None)
    return process if process is not None else _same


def _same(value: Any) -> Any:
    return value


__all__ = ["converter", "driver_sql", "execute", "rows"]
