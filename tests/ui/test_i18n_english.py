"""No English in the Swedish interface (issue 18 §2): every screen and dialog, walked by keys.

The walk presses every key each screen binds (what its footer and its help offer), on the home
screen and on every item of a running meeting, one level into the screens those keys open, and
reads what stands on the terminal at 80×24 after each key: the screens, the dialogs over them,
the command palette (typed with a letter and with nonsense), the Ctrl+C toast. Each text is
checked with `tests.english_words`, which knows common English UI words.
"""

from __future__ import annotations

import asyncio
import re

from textual.pilot import Pilot
from textual.screen import ModalScreen, Screen

from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from tests.english_words import english_words
from tests.scenarios.helpers import SIZE, type_text

#: Keys that leave the app or are walked on their own (the palette, F1 as `?`, fields' Tab).
SKIP = {"ctrl+q", "ctrl+p", "ctrl+c", "f1", "escape", "tab", "shift+tab", "enter", "up", "down",
        "left", "right", "home", "end", "pageup", "pagedown", "ctrl+home", "ctrl+end"}
#: Long enough for the palette's "no matches" line (Textual waits half a second).
PALETTE_WAIT = 60


def visible_text(pilot: Pilot[None]) -> str:
    """What the terminal shows: every screen of the stack (a dialog over its screen), as text."""
    lines = []
    for screen in pilot.app.screen_stack:
        for strip in screen._compositor.render_strips():
            lines.append(strip.text)
    # A path (the database's, named after the test) and a command to type (`meetingtui groups
    # archive --undo`) are no words of the interface.
    return re.sub(r"\S*/\S*|`[^`]*`", "", "\n".join(lines))


class Seen:
    """Each place's text and the English words found in it."""

    def __init__(self) -> None:
        self.places: dict[str, str] = {}

    def look(self, pilot: Pilot[None], where: str) -> None:
        self.places[where] = visible_text(pilot)

    def english(self) -> dict[str, list[str]]:
        found = {where: english_words(text) for where, text in self.places.items()}
        return {where: words for where, words in found.items() if words}


def report(seen: Seen) -> str:
    """Each English word once, with the first place it was seen and that place's line."""
    lines, said = [], set()
    for where, words in seen.english().items():
        for word in words:
            if word in said:
                continue
            said.add(word)
            line = next((line for line in seen.places[where].splitlines()
                         if re.search(rf"\b{word}\b", line)), "")
            lines.append(f"{word!r} at {where}: {line.strip()}")
    return "\n".join(lines)


def bound_keys(screen: Screen[object]) -> list[str]:
    keys = [key for key, active in screen.active_bindings.items()
            if active.enabled and key not in SKIP and active.binding.action != "app.quit"]
    return list(dict.fromkeys(keys))


async def back_to(pilot: Pilot[None], screen: Screen[object], field: bool = False) -> None:
    """Esc until ``screen`` is in front again (in a field only if it started in one)."""
    for _ in range(6):
        await pilot.pause()
        if pilot.app.screen is screen and (field or not _in_field(pilot)):
            return
        await pilot.press("escape")
    raise AssertionError(f"stuck on {pilot.app.screen!r} after leaving {screen!r}")


def _in_field(pilot: Pilot[None]) -> bool:
    from textual.widgets import Input, TextArea

    return isinstance(pilot.app.screen.focused, Input | TextArea)


async def walk(pilot: Pilot[None], seen: Seen, where: str, depth: int) -> None:
    """Press each key of the screen in front, look, and come back; into new screens once more."""
    screen = pilot.app.screen
    field = _in_field(pilot)
    seen.look(pilot, where)
    for key in bound_keys(screen):
        await pilot.press(key)
        await pilot.pause()
        front = pilot.app.screen
        seen.look(pilot, f"{where} → {key}")
        if front is not screen and depth > 0 and not isinstance(front, ModalScreen):
            await walk(pilot, seen, f"{where} → {key}", depth - 1)
        await back_to(pilot, screen, field)


async def palette(pilot: Pilot[None], seen: Seen, where: str) -> None:
    screen = pilot.app.screen
    await pilot.press("ctrl+p")
    await pilot.pause()
    seen.look(pilot, f"{where} → palette")
    await type_text(pilot, "a")
    seen.look(pilot, f"{where} → palette, a")
    await type_text(pilot, "zqxwv")
    from textual.command import CommandList

    for _ in range(PALETTE_WAIT):  # until Textual adds its "no matches" line, on the screen
        await pilot.pause(0.05)
        if (pilot.app.screen.query_one(CommandList).option_count
                and "zqxwv" in visible_text(pilot)):
            break
    seen.look(pilot, f"{where} → palette, nonsense")
    await back_to(pilot, screen)
    await pilot.press("ctrl+c")
    await pilot.pause()
    seen.look(pilot, f"{where} → ctrl+c")


def test_the_home_screen_and_all_it_opens_speak_swedish(
        in_meeting: tuple[Workspace, int]) -> None:
    ws, _ = in_meeting
    seen = Seen()

    async def run() -> None:
        async with make_app(ws, lang="sv").run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            await palette(pilot, seen, "home")
            await walk(pilot, seen, "home", depth=1)

    asyncio.run(run())
    assert "Sök kommando…" in seen.places["home → palette"]
    assert "Inget kommando heter så" in seen.places["home → palette, nonsense"]
    assert "Vill du avsluta?" in seen.places["home → ctrl+c"]
    assert len(seen.places) > 20
    assert seen.english() == {}, report(seen)


def test_every_item_of_a_meeting_and_its_dialogs_speak_swedish(
        in_meeting: tuple[Workspace, int]) -> None:
    ws, meeting_id = in_meeting
    seen = Seen()

    async def run() -> None:
        from meetingtui.ui.screens.meeting import MeetingScreen

        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            screen = pilot.app.screen
            assert isinstance(screen, MeetingScreen)
            await palette(pilot, seen, "meeting")
            while screen.current > 0:  # it opens on the item in progress
                await pilot.press("p")
                await pilot.pause()
            for index in range(len(screen.items)):
                if index:
                    await pilot.press("n")
                    await pilot.pause()
                assert screen.current == index
                await walk(pilot, seen, f"item {index}", depth=0)
                if screen.current != index:
                    screen.go(index)
                    await pilot.pause()

    asyncio.run(run())
    assert len(seen.places) > 40
    assert seen.english() == {}, report(seen)
