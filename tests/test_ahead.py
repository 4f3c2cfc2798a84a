"""Items made a step ahead by a thread (frontdesk/ahead.py): the export reads
its next page while it writes this one (docs/performance.md)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextvars import ContextVar

import pytest

from frontdesk.ahead import ahead, meanwhile

LANGUAGE: ContextVar[str] = ContextVar("language", default="en")


def test_the_items_come_in_order_from_another_thread() -> None:
    made_in: set[int | None] = set()

    def items() -> Iterator[int]:
        for n in range(100):
            made_in.add(threading.get_ident())
            yield n

    assert list(ahead(items())) == list(range(100))
    assert made_in and threading.get_ident() not in made_in


def test_the_thread_stays_at_most_its_depth_ahead() -> None:
    made: list[int] = []

    def items() -> Iterator[int]:
        for n in range(50):
            made.append(n)
            yield n

    got = ahead(items(), depth=2)
    assert next(got) == 0
    time.sleep(0.3)  # time for the thread to run as far ahead as it may
    # Item 0 taken, two waiting in the queue, and the thread holding the one it is trying to put.
    assert len(made) <= 4
    got.close()


def test_an_error_in_making_comes_where_its_item_would_have() -> None:
    def items() -> Iterator[int]:
        yield 1
        raise ValueError("page 2 unreadable")

    got = ahead(items())
    assert next(got) == 1
    with pytest.raises(ValueError, match="page 2 unreadable"):
        next(got)


def test_a_caller_that_stops_early_stops_the_thread_and_closes_the_items() -> None:
    closed = threading.Event()

    def items() -> Iterator[int]:
        try:
            n = 0
            while True:
                yield n
                n += 1
        finally:
            closed.set()

    def caller() -> None:
        for n in ahead(items()):
            if n == 3:
                raise KeyboardInterrupt  # a cancel, say

    before = threading.active_count()
    with pytest.raises(KeyboardInterrupt):
        caller()
    assert closed.is_set()  # the thread ended and closed the generator before the error went on
    assert threading.active_count() == before


def test_the_items_are_made_in_the_callers_context() -> None:
    def items() -> Iterator[str]:
        yield LANGUAGE.get()

    token = LANGUAGE.set("zh_CN")
    try:
        assert list(ahead(items())) == ["zh_CN"]
    finally:
        LANGUAGE.reset(token)


def test_work_done_meanwhile_is_taken_when_needed_in_the_callers_context() -> None:
    LANGUAGE.set("zh_CN")
    done_in: list[int] = []

    def work(_stop: threading.Event) -> str:
        done_in.append(threading.get_ident())
        return LANGUAGE.get()

    with meanwhile(work) as result:
        assert result() == "zh_CN"
    assert done_in and done_in[0] != threading.get_ident()
    LANGUAGE.set("en")


def test_an_error_in_the_work_is_raised_where_its_result_is_taken() -> None:
    def work(_stop: threading.Event) -> int:
        raise ValueError("figures unreadable")

    with meanwhile(work) as result, pytest.raises(ValueError, match="figures unreadable"):
        result()


def test_a_block_that_ends_early_stops_the_work_and_waits_for_it() -> None:
    ended = threading.Event()

    def work(stop: threading.Event) -> int:
        try:
            while not stop.wait(0.01):  # a month's figures at a time, looking between them
                pass
            raise RuntimeError("stopped")  # dropped: the block's own error goes on
        finally:
            ended.set()

    before = threading.active_count()
    with pytest.raises(KeyboardInterrupt), meanwhile(work):
        raise KeyboardInterrupt  # a cancel, say
    assert ended.is_set() and threading.active_count() == before
