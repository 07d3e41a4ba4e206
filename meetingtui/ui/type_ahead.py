"""Keys typed ahead: each key is handed on only once the key before it has had its effect.

Textual hands a key to the widget focused when the app reads it, and moves on to the next key
at once. A key that moves the focus or opens a form (`e` for the notes, `o` for a new
observation) has its effect only when that widget has handled it, and the focus moves later
still; so keys read meanwhile went where the focus had been. A chair who typed on at once, keys
that waited while the app was busy, or a remote link that delivers keys in bursts: letters meant
for the notes ran the meeting's keys (`m` opened the meeting's details, `n` moved on, `c`
offered to close the meeting), and letters meant for a new form were lost.

So while a key is being handled the app holds the keys that come, in order, and hands on the
next only when the screen has settled: the widgets the key went through, and the app, have
handled all that was sent to them, and neither the screen nor the focus changed in the last
round (a form that opens mounts, then takes the focus: a few rounds). A key typed when nothing
is pending goes on at once, as before; a screen that does not settle within `PATIENCE` gets
the next key anyway.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.message_pump import MessagePump

ROUNDS = 8  # a round waits for what was sent before it; a form settles in three or four
PATIENCE = 2.0  # seconds


class TypeAhead:
    """Holds the keys that come while one is being handled, and hands them on one by one."""

    def __init__(self, app: App[Any], hand_on: Callable[[events.Key], Awaitable[None]]) -> None:
        self._app = app
        self._hand_on = hand_on
        self._held: deque[events.Key] | None = None  # None: no key is being handled
        self._settling: asyncio.Task[None] | None = None

    def hold(self, key: events.Key) -> bool:
        """True when ``key`` has to wait its turn (it is kept); False: hand it on now, and call
        `handed_on` after."""
        if self._held is None:
            self._held = deque()
            return False
        self._held.append(key)
        return True

    def handed_on(self) -> None:
        """The key let through has been handed on: the next waits until it has had its effect."""
        self._settling = asyncio.create_task(self._settle())

    def stop(self) -> None:
        if self._settling is not None:
            self._settling.cancel()

    async def _settle(self) -> None:
        app = self._app
        try:
            async with asyncio.timeout(PATIENCE):
                for round_ in range(ROUNDS):
                    screen, focused = app.screen, app.focused
                    await _drained(_handling(app))
                    # The first round only sees the key handled: what it set going (a focus
                    # moved later, a form mounting) is seen by the rounds after.
                    if round_ and app.screen is screen and app.focused is focused:
                        break
        except TimeoutError:
            pass
        except Exception:  # the app is closing (no screen): nothing is waiting any more
            return
        app.call_later(self._next)

    async def _next(self) -> None:
        if not self._held:
            self._held = None
            return
        try:
            await self._hand_on(self._held.popleft())
        finally:
            self.handed_on()


def _handling(app: App[Any]) -> list[MessagePump]:
    """Where a key and what it sets going are handled: the app, the focused widget and the
    widgets a key bubbles up through to the screen, or the whole screen while nothing in it
    has the focus (a form mounting)."""
    focused = app.focused
    nodes: list[DOMNode] = (list(focused.ancestors_with_self) if focused is not None
                            else list(app.screen.walk_children(with_self=True)))
    return [app, *nodes]


async def _drained(pumps: list[MessagePump]) -> None:
    """Until each of ``pumps`` has handled every message sent to it before this call."""
    left = 0
    done = asyncio.Event()

    def one_drained() -> None:
        nonlocal left
        left -= 1
        if left == 0:
            done.set()

    for pump in pumps:
        if pump.call_later(one_drained):
            left += 1
    if left:
        await done.wait()
