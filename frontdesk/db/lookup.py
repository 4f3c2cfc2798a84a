"""A row by its primary key, or the desk's "no such ..." when it is gone."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from sqlalchemy.orm import Session
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


__all__ = ["get_or_not_found"]
