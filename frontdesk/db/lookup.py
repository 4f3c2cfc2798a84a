"""A row by its primary key, or the desk's "no such ..." when it is gone;
rows among a list of ids, as one parameter."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from sqlalchemy import ARRAY, ColumnElement, Integer, any_, bindparam
from sqlalchemy.orm import QueryableAttribute, Session
from sqlalchemy.orm.interfaces import ORMOption

from frontdesk.errors import NotFound

T = TypeVar("T")


def get_or_not_found(session: Session, model: type[T], pk: object, message: str, *,
                     with_for_update: bool = False, options: Sequence[ORMOption] = ()) -> T:
    """The ``model`` row with primary key ``pk``, else :class:`NotFound` with
    ``message`` (translated by the caller, e.g. ``_("No such ticket.")``).
    ``with_for_update`` locks the row until the transaction ends; ``options``
    load its relations with it (``joinedload``, ``selectinload``)."""
    row = session.get(model, pk, with_for_update=with_for_update, options=options)
    if row is None:
        raise NotFound(message)
    return row


def among_ids(column: ColumnElement[int] | QueryableAttribute[int], dialect: str,
              name: str = "ids") -> ColumnElement[bool]:
    """``column`` is one of the ids given as the parameter ``name`` (a list).
    On PostgreSQL the list goes as one array (``= ANY``): the statement is
    the same however many ids there are, so the driver prepares it once (an
    IN list is a statement of its own for each length, planned again every
    time it runs).  Elsewhere an IN list."""
    if dialect == "postgresql":
        return column == any_(bindparam(name, type_=ARRAY(Integer)))
    return column.in_(bindparam(name, expanding=True))


__all__ = ["among_ids", "get_or_not_found"]
