"""Searching as the clerk types (frontdesk/ui/live_search.py,
docs/architecture.md#searching-as-you-type): a keystroke searches at once,
off the window's thread; keys typed while a search runs are coalesced into
one search of the latest text; a result no longer for the latest text is
never painted; a failure is reported, not raised into the window."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from frontdesk.errors import DatabaseBusy
from frontdesk.ui.live_search import LiveSearch


class Slow:
    """A search that waits for the test to let it finish, recording each text and thread."""

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.texts: list[str] = []
        self.threads: set[int] = set()

    def __call__(self, text: str) -> str:
        self.texts.append(text)
        self.threads.add(threading.get_ident())
        assert self.gate.wait(10)
        if text == "fail":
            raise DatabaseBusy("the database is busy")
        return text.upper()


def test_keys_typed_during_a_search_are_one_search_of_the_latest_text(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    search = Slow()
    shown: list[tuple[str, str]] = []
    live: LiveSearch[str, str] = LiveSearch(search, lambda text, found: shown.append((text, found)), owner)
    live.request("z")  # searched at once: no timer before it
    qtbot.waitUntil(lambda: search.texts == ["z"], timeout=2000)
    for text in ("zh", "zha", "zhan"):  # typed while "z" is being searched
        live.request(text)
    search.gate.set()
    qtbot.waitUntil(live.idle, timeout=5000)
    qtbot.waitUntil(lambda: shown != [], timeout=2000)
    qtbot.wait(20)  # nothing else arrives
    assert search.texts == ["z", "zhan"]  # "zh" and "zha" never searched
    assert shown == [("zhan", "ZHAN")]  # "z"'s result was stale: never painted
    assert threading.get_ident() not in search.threads  # the window's thread never searched


def test_a_search_as_fast_as_the_keys_paints_each(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    search = Slow()
    search.gate.set()
    shown: list[str] = []
    live: LiveSearch[str, str] = LiveSearch(search, lambda _t, found: shown.append(found), owner)

    def painted(expected: str) -> None:
        qtbot.waitUntil(lambda: shown[-1:] == [expected], timeout=2000)

    for text in ("1", "13", "138"):
        live.request(text)
        painted(text.upper())
    assert shown == ["1", "13", "138"]


def test_a_failed_search_is_reported_and_a_cancelled_one_never_shown(qtbot: QtBot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    search = Slow()
    search.gate.set()
    shown: list[str] = []
    errors: list[BaseException] = []
    live: LiveSearch[str, str] = LiveSearch(search, lambda _t, found: shown.append(found), owner, on_error=errors.append)
    live.request("fail")
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=2000)
    assert isinstance(errors[0], DatabaseBusy) and shown == []
    search.gate.clear()
    live.request("li")
    qtbot.waitUntil(lambda: search.texts[-1:] == ["li"], timeout=2000)
    live.cancel()  # the field was emptied meanwhile
    search.gate.set()
    qtbot.waitUntil(live.idle, timeout=2000)
    qtbot.wait(20)
    assert shown == []
