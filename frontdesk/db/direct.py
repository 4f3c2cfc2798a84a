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

from sqlalchemy import Column, Insert, Table, bindparam, insert, inspect, select, union_all
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


def insert_with(session: Session, parent: object, children: Sequence[object], fk: str) -> None:
    """:func:`insert_now` of ``parent`` and :func:`insert_all` of its
    ``children`` (objects of one class), each child's ``fk`` set to the
    parent's new id.  On PostgreSQL one statement, the parent's insert a
    ``WITH`` of the children's: a round trip and a statement's execution
    fewer (the intake's ticket and its first events; docs/performance.md).
    Elsewhere the two inserts."""
    if children and session.get_bind().dialect.name == "postgresql" and _insert_together(session, parent, children, fk):
        return
    insert_now(session, parent)
    parent_id = inspect(parent).identity[0]  # type: ignore[index]
    for child in children:
        setattr(child, fk, parent_id)
    insert_all(session, children)


def _insert_together(session: Session, parent: object, children: Sequence[object], fk: str) -> bool:
    """:func:`insert_with` as one statement, when the rows are of its shape
    (one key on the parent, at most one made for each child, the children
    giving the same columns); False, and nothing done, when they are not."""
    p_mapper, c_mapper = inspect(parent).mapper, inspect(children[0]).mapper
    p_table, c_table = p_mapper.local_table, c_mapper.local_table
    if not isinstance(p_table, Table) or not isinstance(c_table, Table) or len(p_table.primary_key.columns) != 1:
        return False
    c_rows = [_values(c_mapper, c) for c in children]
    for row in c_rows:
        row.pop(fk, None)
    made_keys = [c for c in c_table.primary_key.columns if c.key != fk and c.key not in c_rows[0]]
    if len(made_keys) > 1 or any(row.keys() != c_rows[0].keys() for row in c_rows):
        return False
    made_key = made_keys[0] if made_keys else None
    p_row = _values(p_mapper, parent)
    statement = _with_children(p_table, tuple(p_row), c_table, fk, tuple(c_rows[0]), len(c_rows), made_key)
    params = {f"p_{key}": value for key, value in p_row.items()}
    for n, row in enumerate(c_rows):
        params.update({f"c{n}_{key}": value for key, value in row.items()})
    made = session.connection().execute(statement, params).all()
    parent_id = made[0][0]
    setattr(parent, p_mapper.get_property_by_column(p_table.primary_key.columns[0]).key, parent_id)
    for child in children:
        setattr(child, fk, parent_id)
    if made_key is not None:
        # Each child's id in the order the children were given: the rows are inserted in that order, each
        # drawing its id from the sequence as it goes in, so their ids rise in that order.
        child_key = c_mapper.get_property_by_column(made_key).key
        for child, child_id in zip(children, sorted(r[1] for r in made), strict=True):
            setattr(child, child_key, child_id)
    for obj in (parent, *children):
        make_transient_to_detached(obj)
    session.add_all([parent, *children])
    return True


@lru_cache(maxsize=16)
def _with_children(parent: Table, parent_keys: tuple[str, ...], child: Table, fk: str, child_keys: tuple[str, ...],
                   count: int, made_key: Column[Any] | None) -> Insert:
    """``WITH p AS (INSERT INTO parent … RETURNING id) INSERT INTO child
    (fk, …) SELECT p.id, … FROM p UNION ALL …`` for ``count`` children,
    returning the parent's id with each child's ``made_key`` (the key the
    database gives it, if any); built once for its shape."""
    made = (insert(parent).values({key: bindparam(f"p_{key}", type_=parent.c[key].type) for key in parent_keys})
            .returning(parent.primary_key.columns[0]).cte("p"))
    made_id = made.c[parent.primary_key.columns[0].key]
    rows = [select(made_id, *(bindparam(f"c{n}_{key}", type_=child.c[key].type) for key in child_keys))
            for n in range(count)]
    returned = (child.c[fk],) if made_key is None else (child.c[fk], made_key)
    return (insert(child).from_select([fk, *child_keys], union_all(*rows) if count > 1 else rows[0])
            .returning(*returned).add_cte(made))


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
