"""SIGTERM stops a command like Ctrl-C does, so its cleanup runs.

Without this, `kill PID` ends the process at once: a build's temporary files stay behind and a
server's query workers are orphaned.
"""

from __future__ import annotations

import signal


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def interrupt_on_sigterm() -> None:
    """Raise KeyboardInterrupt on SIGTERM (call from the main thread)."""
    signal.signal(signal.SIGTERM, _interrupt)
