"""Search as the clerk types, off the window's thread (docs/architecture.md#searching-as-you-type).

A keystroke asks for a search at once: no fixed delay.  The search runs on
one worker thread of the screen's own (with its own database session, as
every background work here), so typing never waits for it.  While a search
runs, the keystrokes that come are coalesced: when it ends, only the latest
text is searched next, and a result that is no longer for the latest text
is dropped, never painted.  A search of a few milliseconds is painted
within the frame after the key.

    self.live = LiveSearch(lambda text: ctx.read(lambda s: customers.search(s, text)), self.show_matches, self)
    edit.textEdited.connect(self.live.request)

``show(text, result)`` runs on the window's thread; a search that fails
goes to ``on_error`` there (an expected problem, such as a locked
database, is a message; the next keystroke searches again).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)

Q = TypeVar("Q")  # what is searched: the text typed, or a whole filter
T = TypeVar("T")


class _Relay(QObject):
    """Lives on the window's thread: the worker's results cross to it by a queued signal."""

    done = Signal(int, object, object, object)  # generation, what was searched, result, error


class LiveSearch(Generic[Q, T]):
    def __init__(self, search: Callable[[Q], T], show: Callable[[Q, T], None], parent: QObject,
                 on_error: Callable[[BaseException], None] | None = None) -> None:
        self.search = search
        self.show = show
        self.on_error = on_error
        self.relay = _Relay(parent)
        self.relay.done.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self._lock = threading.Condition()
        self._wanted: tuple[int, Q] | None = None  # the latest text asked for, not yet taken by the worker
        self._generation = 0  # of the latest request: an older result is stale
        self._busy = False  # a search runs (or is about to)
        self._thread: threading.Thread | None = None
        self.searches = 0  # searches run (the coalescing is seen in tests)

    @property
    def generation(self) -> int:
        return self._generation

    def request(self, text: Q) -> None:
        """Search ``text`` as soon as the worker is free; a request not yet
        started is replaced by this one."""
        with self._lock:
            self._generation += 1
            self._wanted = (self._generation, text)
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name="live-search", daemon=True)
                self._thread.start()
            self._lock.notify()

    def cancel(self) -> None:
        """Drop what is asked and what runs: no result of them is shown."""
        with self._lock:
            self._generation += 1
            self._wanted = None

    def idle(self) -> bool:
        """Nothing asked, nothing running (tests wait for it)."""
        with self._lock:
            return self._wanted is None and not self._busy

    # the worker's side: no widget touched

    def _work(self) -> None:
        while True:
            with self._lock:
                while self._wanted is None:
                    self._busy = False
                    self._lock.wait()
                generation, text = self._wanted
                self._wanted = None
                self._busy = True
                if generation != self._generation:
                    continue
            result: Any = None
            error: BaseException | None = None
            try:
                result = self.search(text)
            except Exception as exc:  # shown on the window's thread, as every background error
                error = exc
            self.searches += 1
            if not shiboken6.isValid(self.relay):
                return  # the screen is gone
            self.relay.done.emit(generation, text, result, error)
            with self._lock:
                if self._wanted is None:
                    self._busy = False

    def _finished(self, generation: int, text: Q, result: Any, error: BaseException | None) -> None:
        if generation != self._generation:
            return  # typed on since: a newer search comes (or came)
        if error is not None:
            if self.on_error is not None:
                self.on_error(error)
            else:
                log.error("search for %r failed", text, exc_info=error)
            return
        self.show(text, result)


__all__ = ["LiveSearch"]
