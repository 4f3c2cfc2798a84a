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

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import (
    CTE,
    BindParameter,
    Column,
    ColumnElement,
    FromClause,
    Insert,
    Integer,
    Select,
    Table,
    bindparam,
    column,
    insert,
    inspect,
    literal_column,
    select,
    text,
    true,
    union_all,
)
from sqlalchemy.orm import Mapper, Session, make_transient_to_detached

from frontdesk.numbering import DRAW_SQL, Drawn, formatted_in_sql

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
    parent's new id: :class:`Linked` rows of two groups."""
    rows = Linked()
    rows.add([parent])
    rows.add(children, {fk: parent})
    rows.insert(session)


class Linked:
    """Rows inserted together, each group's foreign keys the ids of rows
    added before it (the intake's customer, its search keys, its product,
    the ticket and its first events).  On PostgreSQL one statement: each
    group's insert a ``WITH`` that the next ones select their parents' ids
    from, a round trip and a statement's execution for each group but one
    (docs/performance.md).  Elsewhere a statement a group, in the order added.

    A group is objects of one class; ``links`` maps an attribute of theirs
    (a foreign key) to its row: an object of a group added before, or one
    already in the database, whose id is taken as it is added."""

    def __init__(self) -> None:
        self._groups: list[tuple[Sequence[object], dict[str, int]]] = []  # objects, attribute -> parent group
        self._drawn: dict[int, Drawn] = {}  # group -> the number drawn for its object
        self._group_of: dict[int, int] = {}  # id(object) -> its group, for objects that are parents

    def add(self, objs: Sequence[object], links: Mapping[str, object] | None = None, drawn: Drawn | None = None) -> None:
        """``objs`` inserted after the groups added before, ``links`` their
        foreign keys; ``drawn`` a number for an attribute of the one object,
        drawn as it is inserted (the ticket's)."""
        if not objs:
            return
        assert drawn is None or len(objs) == 1
        pending: dict[str, int] = {}
        for attr, parent in (links or {}).items():
            group = self._group_of.get(id(parent))
            if group is None:  # a row already in the database
                parent_id = inspect(parent).identity[0]  # type: ignore[index]
                for obj in objs:
                    setattr(obj, attr, parent_id)
            else:
                pending[attr] = group
        if len(objs) == 1:
            self._group_of[id(objs[0])] = len(self._groups)
        if drawn is not None:
            self._drawn[len(self._groups)] = drawn
        self._groups.append((objs, pending))

    def insert(self, session: Session) -> None:
        if len(self._groups) > 1 and session.get_bind().dialect.name == "postgresql" and self._insert_at_once(session):
            return
        for n, (objs, links) in enumerate(self._groups):
            self._link(objs, links)
            if n in self._drawn:
                setattr(objs[0], self._drawn[n].attr, self._drawn[n].draw(session))
            insert_all(session, objs)

    def _link(self, objs: Sequence[object], links: Mapping[str, int]) -> None:
        """Each of ``objs``' foreign keys set to its parent's id, once the parent has one."""
        for attr, group in links.items():
            parent = self._groups[group][0][0]
            parent_id = inspect(parent).mapper.primary_key_from_instance(parent)[0]
            for obj in objs:
                setattr(obj, attr, parent_id)

    def _insert_at_once(self, session: Session) -> bool:
        """:meth:`insert` as one statement, when the rows are of its shape
        (a parent is one row with one key made for it, a group's rows give
        the same columns and have at most one key made); False, and nothing
        done, when they are not."""
        shape: list[_Group] = []
        params: dict[str, Any] = {}
        for n, (objs, links) in enumerate(self._groups):
            mapper = inspect(objs[0]).mapper
            table = mapper.local_table
            if not isinstance(table, Table):
                return False
            linked = {mapper.get_property(attr).columns[0].key: group for attr, group in links.items()}
            drawn = self._drawn.get(n)
            drawn_key = mapper.get_property(drawn.attr).columns[0].key if drawn is not None else None
            rows = [_values(mapper, obj) for obj in objs]
            for row in rows:
                for key in (*linked, drawn_key):
                    row.pop(key, None)  # type: ignore[arg-type]
            made = [c for c in table.primary_key.columns if c.key not in linked and c.key not in rows[0]]
            if len(made) > 1 or any(row.keys() != rows[0].keys() for row in rows):
                return False
            for parent_no in linked.values():
                parent = shape[parent_no]
                if parent.rows != 1 or parent.made is None or len(parent.table.primary_key.columns) != 1:
                    return False
            shape.append(_Group(table, tuple(rows[0]), len(rows), tuple(linked.items()), made[0] if made else None,
                                drawn_key))
            if drawn is not None:
                params.update({f"g{n}_seq_name": drawn.name, f"g{n}_seq_year": drawn.year, f"g{n}_seq_head": drawn.head})
            for r, row in enumerate(rows):
                params.update({f"g{n}r{r}_{key}": value for key, value in row.items()})
        if all(group.made is None for group in shape):
            return False
        made_ids: dict[int, list[Any]] = {}
        for group_no, made_id in session.connection().execute(_linked_statement(tuple(shape)), params):
            made_ids.setdefault(group_no, []).append(made_id)
        for n, drawn in self._drawn.items():  # returned as group -1 - n
            setattr(self._groups[n][0][0], drawn.attr, drawn.formatted(made_ids[-1 - n][0]))
        for n, ((objs, _links), formed) in enumerate(zip(self._groups, shape, strict=True)):
            if formed.made is not None:
                # Each row's id in the order the rows were given: they are inserted in that order, each
                # drawing its id from the sequence as it goes in, so their ids rise in that order.
                key = inspect(objs[0]).mapper.get_property_by_column(formed.made).key
                for obj, made_id in zip(objs, sorted(made_ids[n]), strict=True):
                    setattr(obj, key, made_id)
        for objs, links in self._groups:
            self._link(objs, links)
        everything = [obj for objs, _links in self._groups for obj in objs]
        for obj in everything:
            make_transient_to_detached(obj)
        session.add_all(everything)
        return True


class _Group(NamedTuple):
    """A group's shape: its table, the columns its rows give, how many rows,
    its foreign keys' columns with the groups they are taken from, and the
    key the database makes for each row (if any)."""

    table: Table
    keys: tuple[str, ...]
    rows: int
    links: tuple[tuple[str, int], ...]
    made: Column[Any] | None
    drawn: str | None  # the column given a number drawn as the row goes in


@lru_cache(maxsize=16)
def _linked_statement(shape: tuple[_Group, ...]) -> Select[Any]:
    """``WITH g0 AS (INSERT INTO … RETURNING id), g1 AS (INSERT INTO …
    SELECT g0.id, … FROM g0 UNION ALL …), … SELECT 0, id FROM g0 UNION ALL
    …``: every group's insert, returning each group's number with the keys
    made for its rows; built once for its shape."""
    ctes: list[CTE] = []
    drawn: list[tuple[int, CTE]] = []
    for n, group in enumerate(shape):
        table = group.table

        def param(r: int, key: str, n: int = n, table: Table = table) -> BindParameter[Any]:
            return bindparam(f"g{n}r{r}_{key}", type_=table.c[key].type)

        # Each parent is one row, and so is the counter a number is drawn from: joined on nothing, they
        # are still one row.
        sources: list[FromClause] = [ctes[g] for _key, g in group.links]
        given: list[ColumnElement[Any]] = [ctes[g].c[shape[g].made.key] for _key, g in group.links]  # type: ignore[union-attr]
        columns = [key for key, _g in group.links]
        if group.drawn is not None:
            counter = text(DRAW_SQL.replace(":seq_", f":g{n}_seq_")).columns(column("last", Integer)).cte(f"g{n}n")
            drawn.append((n, counter))
            sources.append(counter)
            given.append(formatted_in_sql(f"g{n}_seq_head", counter.c.last))
            columns.append(group.drawn)
        statement: Insert
        if not sources and group.rows == 1:
            statement = insert(table).values({key: param(0, key) for key in group.keys})
        else:
            rows = []
            for r in range(group.rows):
                row = select(*given, *(param(r, key) for key in group.keys))
                if sources:
                    joined = sources[0]
                    for source in sources[1:]:
                        joined = joined.join(source, true())
                    row = row.select_from(joined)
                rows.append(row)
            statement = insert(table).from_select(columns + list(group.keys),
                                                  union_all(*rows) if group.rows > 1 else rows[0])
        if group.made is not None:
            statement = statement.returning(group.made)
        ctes.append(statement.cte(f"g{n}"))
    made = [select(literal_column(str(n)), ctes[n].c[group.made.key])
            for n, group in enumerate(shape) if group.made is not None]
    made += [select(literal_column(str(-1 - n)), counter.c.last) for n, counter in drawn]
    return (union_all(*made) if len(made) > 1 else made[0]).add_cte(*ctes)  # type: ignore[return-value]


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
