"""Rows inserted at once, past the ORM's unit of work.

A service that makes a row and never changes it in the same transaction
(the intake's customer, product, ticket and first event) can insert it with
one Core statement on the session's connection, and still hand on the
object: :func:`insert_now` puts it in the session as a row just read.  On
PostgreSQL a row through the unit of work (the session's flush, its
ordering, bookkeeping and events) costs about twice the client's time of
the same statement sent as it is (docs/performance.md, "The intake save").

What the unit of work would have done, the caller then does itself: give
the foreign keys as ids (an object not yet inserted has none), insert the
rows in the order of their keys, and not rely on mapper events (this
project has none on these models).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any, TypeVar

from sqlalchemy import Column, Insert, Table, insert, inspect
from sqlalchemy.orm import Mapper, Session, make_transient_to_detached

T = TypeVar("T")


def insert_now(session: Session, obj: T) -> T:
    """Insert ``obj`` (new, not in a session) by one statement on the
    session's connection and return it in the session, persistent, its
    primary key and the columns' Python defaults set as the ORM's insert
    would have set them.  A column left to a server default stays unloaded
    (read when first used)."""
    insert_all(session, [obj])
    return obj


def insert_all(session: Session, objs: Sequence[T]) -> Sequence[T]:
    """:func:`insert_now` for objects of one class, in one statement."""
    if not objs:
        return objs
    mapper = inspect(objs[0]).mapper
    table = mapper.local_table
    assert isinstance(table, Table)
    rows = [_values(mapper, obj) for obj in objs]
    keys = [c for c in table.primary_key.columns if c.key not in rows[0]]
    conn = session.connection()
    statement = _statement(table, tuple(keys), len(rows) > 1)
    if keys:
        result = conn.execute(statement, rows)
        for obj, row in zip(objs, result.all(), strict=True):
            for column, value in zip(keys, row, strict=True):
                setattr(obj, mapper.get_property_by_column(column).key, value)
    else:
        conn.execute(statement, rows)
    for obj in objs:
        make_transient_to_detached(obj)
    session.add_all(objs)
    return objs


def row_values(obj: object) -> dict[str, Any]:
    """The row ``obj`` would insert, by column name: its values and its
    columns' Python defaults (set on it too)."""
    return _values(inspect(obj).mapper, obj)


@lru_cache(maxsize=64)
def _statement(table: Table, keys: tuple[Column[Any], ...], many: bool) -> Insert:
    """The insert of a row (or rows, ``many``) into ``table`` returning
    ``keys``, built once: its cache key is made once, not at every insert."""
    statement = insert(table)
    return statement.returning(*keys, sort_by_parameter_order=many) if keys else statement


def _values(mapper: Mapper[Any], obj: object) -> dict[str, Any]:
    """The row's values: the object's, and each column's Python default for
    what it was not given (set on the object too)."""
    state: dict[str, Any] = obj.__dict__
    values: dict[str, Any] = {}
    for prop in mapper.column_attrs:
        column = prop.columns[0]
        if prop.key in state:
            values[column.key] = state[prop.key]
        elif column.default is not None and not column.primary_key:
            default: Any = column.default
            value = default.arg(None) if default.is_callable else default.arg
            setattr(obj, prop.key, value)
            values[column.key] = value
    return values
