"""A row by its key, or the desk's "no such ..." message."""

from __future__ import annotations

import pytest

from frontdesk.db.engine import Database
from frontdesk.db.lookup import get_or_not_found
from frontdesk.db.models import User
from frontdesk.errors import NotFound
from frontdesk.users import Actor


def test_the_row_or_not_found_with_the_callers_message(db: Database, users: tuple[Actor, Actor]) -> None:
    manager, _clerk = users
    with db.write() as s:
        user = get_or_not_found(s, User, manager.id, "No such user.")
        assert isinstance(user, User) and user.name == manager.name
        assert get_or_not_found(s, User, manager.id, "No such user.", with_for_update=True) is user
        with pytest.raises(NotFound) as missing:
            get_or_not_found(s, User, 999_999, "No such user.")
    assert missing.value.message == "No such user."
