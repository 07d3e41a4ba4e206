"""Keys typed ahead: each key is handed on only once the key before it has had its effect.

Textual hands a key to the widget focused when the app reads it, and moves on to the next key
at once. A key that moves the focus or opens a form (`e` for the notes, `o` for a new
observation) has its effect only when that widget has handled it, and the focus moves later
still; so keys read meanwhile went where the focus had been. A chair who typed on at once, keys
that waited while the app was busy, or a remote link that delivers keys in bursts: letters meant
for the notes ran the meeting's keys (`m` opened the meeting's details, `n` moved on, `c`
offered to close the meeting), and letters meant for a new form were lost.

So while a key is being handled the app holds the keys that come, in order, and hands on the
next only when the screen has settled: nothing is on its way to any widget of the screen or to
the app, nothing waits for the screen's next refresh, and neither the screen nor the focus
changed in the last round. A round waits until every widget has handled what was sent to it
before the round began; a key passes up from the focused widget to the app one widget a round,
and a form that opens mounts, then takes the focus, so a key takes a few rounds. The rounds
cost each widget a message, so a key typed alone pays none: a look at the queues `LOOK_AGAIN`
after it (nothing sent) finds the app at rest, and the next key goes on at once, as before.
A screen that does not settle within `PATIENCE` gets the next key anyway.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

from textual import events
from textual.app import App
from textual.message_pump import MessagePump
from textual.screen import Screen

ROUNDS = 40  # a key passes up some eight widgets, a form opens in three or four rounds
PATIENCE = 2.0  # seconds
Typed = events.Key | events.Paste  # a paste typed after `e` belongs in the notes too
LOOK_AGAIN = 0.05  # seconds: a key typed by hand comes later; a burst within it


class TypeAhead:
    """Holds the keys that come while one is being handled, and hands them on one by one."""

    def __init__(self, app: App[Any], hand_on: Callable[[Typed], Awaitable[None]]) -> None:
        self._app = app
        self._hand_on = hand_on
        self._held: deque[Typed] | None = None  # None: no key is being handled
        self._settling: asyncio.Task[None] | None = None
        self._look: asyncio.TimerHandle | None = None

    def hold(self, key: Typed) -> bool:
        """True when ``key`` has to wait its turn (it is kept); False: hand it on now, and call
        `handed_on` after."""
        if self._held is None:
            self._held = deque()
            return False
        self._held.append(key)
        if self._look is not None:  # the key before may still be at work: wait for it now
            self._look.cancel()
            self._look = None
            self._settle_now()
        return True

    def handed_on(self) -> None:
        """The key let through has been handed on: the next waits until it has had its effect.
        With no key waiting, a look now and then (no message sent: nothing for a single key to
        pay) says when the app is at rest; a key that comes before that waits for the rounds."""
        if self._held:
            self._settle_now()
        else:
            self._look = asyncio.get_running_loop().call_later(LOOK_AGAIN, self._look_again)

    @property
    def waiting(self) -> int:
        """How many keys wait their turn (a test waits for none before it looks)."""
        return len(self._held) if self._held else 0

    def stop(self) -> None:
        if self._settling is not None:
            self._settling.cancel()
        if self._look is not None:
            self._look.cancel()

    def _settle_now(self) -> None:
        self._settling = asyncio.create_task(self._settle())

    def _look_again(self) -> None:
        self._look = None
        try:
            at_rest = _at_rest(self._app)
        except Exception:  # the app is closing (no screen): nothing is waiting any more
            at_rest = True
        if at_rest:
            self._held = None
        else:
            self._look = asyncio.get_running_loop().call_later(LOOK_AGAIN, self._look_again)

    async def _settle(self) -> None:
        app = self._app
        try:
            async with asyncio.timeout(PATIENCE):
                for _ in range(ROUNDS):
                    screen, focused = app.screen, app.focused
                    pumps = _pumps(app)
                    await _drained(pumps)
                    if _after_refresh(app.screen):
                        # A pane just shown takes the focus once the screen is refreshed,
                        # which is a timer's turn away (or more, on a busy machine).
                        await app.screen.wait_for_refresh()
                    elif app.screen is screen and app.focused is focused and _at_rest(app):
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


def _after_refresh(screen: Screen[Any]) -> bool:
    """Whether callbacks wait for the screen's next refresh (`call_after_refresh`). Textual
    keeps them in a private list; without it (another version) there is nothing to wait for
    and the rounds alone decide."""
    return bool(getattr(screen, "_callbacks", None))


def _at_rest(app: App[Any]) -> bool:
    """Nothing on its way to the app or a widget of the screen, nor waiting for a refresh."""
    return (not _after_refresh(app.screen)
            and not any(pump.message_queue_size for pump in _pumps(app)))


def _pumps(app: App[Any]) -> list[MessagePump]:
    """Where a key and what it sets going are handled: the app and every widget of the screen
    (a pane just mounted asks for the focus from its own queue, a form mounting from its)."""
    return [app, *app.screen.walk_children(with_self=True)]


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
