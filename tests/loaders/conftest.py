"""A time limit for loader calls that must never hang."""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

import pytest


class Hang(BaseException):
    """Raised by the alarm; a BaseException so that no `except Exception` in the loaders can swallow it."""


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    def alarm(signum: int, frame: object) -> None:
        raise Hang(f"no result within {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="session")
def time_limit() -> Callable[[float], AbstractContextManager[None]]:
    """`with time_limit(s):` interrupts the block after s seconds (an alarm, not a timer read afterwards)."""
    return _time_limit
