"""The terminal window closed (SIGHUP) or the session ending (SIGTERM, a log-off or shutdown):
the app quits as with Ctrl+Q, so the text being typed is saved and the item's clock stops,
instead of dying with the last words unsaved and the item counting time until it is next left.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable
from contextlib import suppress

QUIT_ON = ("SIGHUP", "SIGTERM")  # Windows has neither as a signal a loop can take


def quit_on_signals(quit_app: Callable[[], object]) -> Callable[[], None]:
    """``quit_app()`` on each of `QUIT_ON` the system has; returns what removes them again."""
    loop = asyncio.get_running_loop()
    taken: list[signal.Signals] = []
    for name in QUIT_ON:
        number = getattr(signal, name, None)
        if number is None:
            continue
        try:
            loop.add_signal_handler(number, quit_app)
        except (NotImplementedError, RuntimeError, ValueError):  # no such handler here
            continue
        taken.append(number)

    def remove() -> None:
        for number in taken:
            with suppress(Exception):
                loop.remove_signal_handler(number)

    return remove
