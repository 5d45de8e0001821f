"""A progress bar for long builds: documents done and the rate, on a terminal only.

Why so careful about when to draw: logs in CI and files redirected from a build must stay clean,
so the bar draws only when the stream is a terminal and CI is not set.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

WIDTH = 30


def wanted(stream: TextIO) -> bool:
    """A terminal, and not CI (CI=true, or any non-empty value but 'false'/'0')."""
    ci = os.environ.get("CI", "").strip().lower()
    return stream.isatty() and ci in ("", "false", "0")


class ProgressBar:
    """`docs 40/100 [#######       ] 12.3 docs/s`, redrawn at most ten times a second."""

    def __init__(self, total: int, label: str = "docs", stream: TextIO | None = None) -> None:
        self.total, self.label, self.done = total, label, 0
        self.stream = stream if stream is not None else sys.stderr
        self.active = wanted(self.stream) and total > 0
        self._started = self._drawn = time.monotonic()

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if self.active and (now - self._drawn >= 0.1 or self.done >= self.total):
            self._drawn = now
            self.stream.write("\r" + self.line(now - self._started))
            self.stream.flush()

    def line(self, seconds: float) -> str:
        filled = WIDTH * self.done // max(self.total, 1)
        rate = self.done / seconds if seconds > 0 else 0.0
        bar = "#" * filled + " " * (WIDTH - filled)
        return f"{self.label} {self.done}/{self.total} [{bar}] {rate:.1f} {self.label}/s"

    def close(self) -> None:
        if self.active:
            self.stream.write("\n")
            self.stream.flush()
