"""Items made a step ahead, by a thread of their own.

A long export reads a page of rows from the database, then writes it to the
workbook, then reads the next: while it reads, the program waits for the
server (PostgreSQL), and while it writes, the server has nothing to do.
:func:`ahead` lets the reading of the next page run while this one is
written: the driver lets the interpreter go while it waits for the server,
so the two overlap (docs/performance.md, "The export reads ahead").  Not
for SQLite, whose reading is this process's own work: the two threads
only contend for the interpreter.

What the producer reads with (a session) is its own until it ends: the
caller does not touch it meanwhile.

:func:`meanwhile` runs one piece of work beside the caller, whose result
the caller takes when it comes to need it (the export's service figures,
read on a second connection of PostgreSQL while the tickets are written).
"""

from __future__ import annotations

import contextvars
import queue
import threading
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

_END = object()


class _Failed:
    def __init__(self, error: BaseException) -> None:
        self.error = error


def ahead(items: Iterator[T], depth: int = 2) -> Generator[T, None, None]:
    """``items``, made by a thread up to ``depth`` items ahead of the
    caller.  An error in making them is raised here, where the item would
    have come; when the caller stops early (an error, a cancel, or it
    closes this generator), the thread stops after the item it is making and
    is waited for, so what it reads with is the caller's again."""
    made: queue.Queue[object] = queue.Queue(maxsize=max(1, depth))
    stop = threading.Event()

    def put(item: object) -> bool:
        while not stop.is_set():
            try:
                made.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not put(item):
                    return
            put(_END)
        except BaseException as error:  # raised where the caller takes the item
            put(_Failed(error))
        finally:
            close = getattr(items, "close", None)
            if close is not None:  # a generator stopped early ends here, in its own thread
                close()

    # The caller's context goes with the items (the language in use, for one).
    thread = threading.Thread(target=contextvars.copy_context().run, args=(produce,), name="frontdesk-ahead",
                              daemon=True)
    thread.start()
    try:
        while True:
            item = made.get()
            if item is _END:
                return
            if isinstance(item, _Failed):
                raise item.error
            yield item  # type: ignore[misc]
    finally:
        stop.set()
        thread.join()



@contextmanager
def meanwhile(work: Callable[[threading.Event], T]) -> Iterator[Callable[[], T]]:
    """``work(stop)`` run by a thread of its own, in the caller's context,
    while the block runs; the block gets a function that waits for its
    result (its error raised there).  When the block ends before taking it
    (an error, a cancel), ``stop`` is set, for ``work`` to end at its next
    look, and the thread is waited for: what it read with is closed by the
    time the block has ended, and its error, if any, is dropped."""
    stop = threading.Event()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="frontdesk-meanwhile") as pool:
        future = pool.submit(contextvars.copy_context().run, work, stop)
        try:
            yield future.result
        finally:
            stop.set()
